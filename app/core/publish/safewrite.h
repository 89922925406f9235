#pragma once

#include "../util/result.h"

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
 * space left on device") and that the file on disk was not changed; `file` is `path`.
 * Callers add where the writer's text still is.
 */
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

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
