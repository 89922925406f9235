// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace frontmark {

/**
 * Writes `bytes` to `path` atomically and durably: a QSaveFile beside the target, the
 * data fsync'ed (errors checked, unlike QSaveFile's own sync), renamed over the target,
 * then the directory fsync'ed so the rename survives a power cut. Either every new byte is
 * on disk or the old file is untouched. Refuses targets that are not regular files (a
 * device, a directory). The target's permissions are kept.
 *
 * A failure is an Error of Kind::Io whose message says which step failed (creating the
 * temporary file, writing, syncing, replacing the file), the system's reason (e.g. "No
 * space left on device") and that the file on disk was not changed; `file` is `path`, and
 * `systemError` the errno where there is one (writeFailureOf() turns it into advice).
 * Callers add where the writer's text still is.
 */
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

/// What writeNewFileAtomically() did when it did not fail.
enum class NewFile {
    Written,   // the file is on disk under `path`, complete and synced
    NameTaken, // something already has that name (or took it during the write); nothing was written
};

/**
 * Writes `bytes` to a new file at `path`, atomically and durably, and never replaces
 * anything, even a file another program creates under that name while this one writes: a
 * temporary file in the same folder (".frontmark-XXXXXXXX.tmp"), the data fsync'ed, then
 * given its name with renameat2(RENAME_NOREPLACE) (link(2) and unlink where the file
 * system lacks that flag), then the folder fsync'ed. The new file's permissions are 0666
 * less the umask, as for any new file. The folder must exist.
 *
 * If anything has the name already (a file, a folder, a dangling symbolic link), the result
 * is NewFile::NameTaken, not an Error: nothing was written and the caller may try another
 * name. A failure is an Error of Kind::Io whose message says which step failed and the
 * system's reason, as writeFileAtomically's, ending "Nothing was written."; `file` is `path`.
 * No temporary file is left behind either way.
 *
 * The writefaults seam applies (Open, Write, Sync; Commit is the naming step: EEXIST there
 * acts as a writer racing for the name, EINVAL as a file system without RENAME_NOREPLACE,
 * which then falls back to link(2)).
 */
Result<NewFile> writeNewFileAtomically(const QString &path, const QByteArray &bytes);

/// What a writer can do about a failed write, as its Error's errno tells.
enum class WriteFailure {
    NotWritable, // EROFS, EACCES, EPERM: a read-only file system or no permission; save elsewhere
    NoSpace,     // ENOSPC, EDQUOT: the disk or the quota is full; free some space, or save elsewhere
    Other,       // anything else, or no errno (a missing folder, a device as the target)
};
WriteFailure writeFailureOf(const Error &error);

/// Test seam: makes the next writes fail at one step with an errno, as a full disk or a
/// read-only file system would; with `onlyUnder`, only writes of files in that folder (a
/// full disk that holds the post but not the app's data). Tests only; process-wide; call it
/// while no write runs; reset with Step::None.
namespace writefaults {
enum class Step { None, Open, Write, Sync, Commit };
void inject(Step step, int errnoValue, const QString &onlyUnder = {});
} // namespace writefaults

/// True if the file at `path` still holds exactly `expected` (a missing file does not).
/// Used before saving to detect changes made by other programs since the post was loaded.
bool fileHolds(const QString &path, const QByteArray &expected);

} // namespace frontmark
