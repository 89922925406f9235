// SPDX-License-Identifier: GPL-3.0-or-later
#include "safewrite.h"

#include "util/logging.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <atomic>
#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

std::atomic<writefaults::Step> g_faultStep{writefaults::Step::None};
std::atomic<int> g_faultErrno{0};
QString &faultFolder()
{
    static QString folder; // written by tests before the writes they fail; read under the step check
    return folder;
}

// True (and errno set) when a test asked this step to fail (for files under its folder).
bool faultInjected(writefaults::Step step, const QString &target)
{
    if (g_faultStep.load() != step)
        return false;
    const QString &folder = faultFolder();
    if (!folder.isEmpty() && !target.startsWith(folder))
        return false;
    errno = g_faultErrno.load();
    return true;
}

QString notChanged()
{
    return Files::tr(" The file on disk was not changed.");
}

QString reasonFor(int errnoValue)
{
    return qt_error_string(errnoValue);
}

// `errnoValue` travels in the Error so the caller's advice fits the cause (#21: a read-only
// file system must not be told to free some space).
Error failedWhile(const QString &path, const QString &step, const QString &reason, int errnoValue)
{
    Error e{Error::Kind::Io,
            Files::tr("Saving “%1” failed while %2: %3.").arg(QFileInfo(path).fileName(), step, reason) + notChanged(),
            path};
    e.systemError = errnoValue;
    return e;
}

// failedWhile() with the system's own words for `errnoValue`.
Error failedWhile(const QString &path, const QString &step, int errnoValue)
{
    return failedWhile(path, step, reasonFor(errnoValue), errnoValue);
}

// Follows symbolic links the way QSaveFile does, so the checks below and the directory we
// sync are those of the file that will really be replaced.
QString resolvedTarget(const QString &path)
{
    QFileInfo info(path);
    int depth = 128;
    while (--depth > 0 && info.isSymLink())
        info.setFile(info.symLinkTarget());
    return depth > 0 ? info.filePath() : path;
}

// Writes everything, retrying short writes and EINTR; false with errno set on failure.
bool writeAllTo(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) { // cannot happen for a regular file; do not loop forever if it does
            errno = EIO;
            return false;
        }
        data += n;
        left -= qsizetype(n);
    }
    return true;
}

// The rename is what makes the new bytes visible; syncing the folder makes it survive a
// power cut (rename(2) is only durable once the directory is on disk).
void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        // The new file is complete and in place; only its durability across a power cut is
        // uncertain, so this is not reported as a failed save (and some file systems return
        // EINVAL for a directory fsync).
        qCWarning(lcDocument) << "could not sync the folder" << dir << qt_error_string(errno);
    }
    if (fd >= 0)
        ::close(fd);
}

} // namespace

namespace writefaults {
void inject(Step step, int errnoValue, const QString &onlyUnder)
{
    g_faultStep.store(Step::None);
    faultFolder() = onlyUnder.isEmpty() ? QString() : QDir::cleanPath(onlyUnder) + u'/';
    g_faultErrno.store(errnoValue);
    g_faultStep.store(step);
}
} // namespace writefaults

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    using writefaults::Step;
    const QString target = resolvedTarget(path);
    const QString name = QFileInfo(path).fileName();
    const QString dir = QFileInfo(target).absolutePath();

    // QSaveFile renames a temporary file over the target: over a device node (/dev/full) that
    // would replace the node with a regular file, so anything but a regular file is refused.
    struct stat st {};
    const bool exists = ::stat(QFile::encodeName(target).constData(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        return Error{Error::Kind::Io, Files::tr("“%1” is a folder, not a file; choose a file name to save to.").arg(path) + notChanged(),
                     path};
    }
    if (exists && !S_ISREG(st.st_mode)) {
        return Error{Error::Kind::Io,
                     Files::tr("“%1” is a device or special file, not a regular file; Frontmark only saves into regular files.").arg(path)
                         + notChanged(),
                     path};
    }
    if (!exists && errno != ENOENT)
        return failedWhile(path, Files::tr("checking the file"), errno);
    if (!QFileInfo(dir).isDir()) {
        return Error{Error::Kind::Io,
                     Files::tr("Saving “%1” failed: the folder “%2” does not exist (was it moved or deleted?).").arg(name,
                                                                                                           QDir::toNativeSeparators(dir))
                         + notChanged(),
                     path};
    }

    // QSaveFile would only say "Existing file … is not writable"; the reason (a read-only
    // file system, permissions) is what the writer can act on.
    if (exists && ::access(QFile::encodeName(target).constData(), W_OK) != 0)
        return failedWhile(path, Files::tr("opening the file for writing"), errno);

    QSaveFile file(path);
    const QString creating = Files::tr("creating the temporary file in %1").arg(QDir::toNativeSeparators(dir));
    if (faultInjected(Step::Open, target))
        return failedWhile(path, creating, errno);
    // The temporary file goes into the folder: asked first, the reason is exact (QSaveFile
    // only gives text).
    if (::access(QFile::encodeName(dir).constData(), W_OK) != 0)
        return failedWhile(path, creating, errno);
    errno = 0; // what QSaveFile's open(2) leaves, never an older failure's
    if (!file.open(QIODevice::WriteOnly))
        return failedWhile(path, creating, file.errorString(), errno);

    const int fd = file.handle();
    // Write through the descriptor: the exact errno survives (QFileDevice's buffer would
    // report it only at commit), and nothing sits in a Qt buffer when we fsync.
    if (faultInjected(Step::Write, target) || !writeAllTo(fd, bytes)) {
        const int why = errno;
        file.cancelWriting();
        return failedWhile(path, u"writing"_s, why);
    }
    if (exists) {
        // QSaveFile copies the permissions too, but the mode is part of the promise, so it is
        // set explicitly. A root editor saving a writer's post keeps the writer as owner.
        if (::fchmod(fd, st.st_mode & 07777) != 0)
            qCWarning(lcDocument) << "could not keep the permissions of" << path << qt_error_string(errno);
        if (::geteuid() == 0 && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0)
            qCWarning(lcDocument) << "could not keep the owner of" << path << qt_error_string(errno);
    }
    // QSaveFile::commit() syncs too but ignores the result; a delayed write error (ENOSPC on
    // a thin volume, EIO, NFS quota) only shows up here, before the old file is replaced.
    int syncResult = 0;
    do {
        syncResult = ::fsync(fd);
    } while (syncResult != 0 && errno == EINTR);
    if (faultInjected(Step::Sync, target) || syncResult != 0) {
        const int why = errno;
        file.cancelWriting();
        return failedWhile(path, Files::tr("syncing to disk"), why);
    }
    if (faultInjected(Step::Commit, target)) {
        const int why = errno;
        file.cancelWriting();
        return failedWhile(path, Files::tr("replacing the file"), why);
    }
    errno = 0;
    if (!file.commit())
        return failedWhile(path, Files::tr("replacing the file"), file.errorString(), errno);

    syncDirectory(dir);
    qCDebug(lcDocument) << "wrote" << path << bytes.size() << "bytes";
    return Ok{};
}

namespace {

Error newFileFailedWhile(const QString &path, const QString &step, int errnoValue)
{
    Error e{Error::Kind::Io,
            Files::tr("Saving “%1” failed while %2: %3. Nothing was written.").arg(QFileInfo(path).fileName(), step, reasonFor(errnoValue)),
            path};
    e.systemError = errnoValue;
    return e;
}

// A temporary file of our own in `dir`: open(O_EXCL) with mode 0666, so the umask applies as
// for any new file (mkstemp would give 0600, and an image a web server cannot read). The
// name is short and fixed-length so it fits even when the target's name is near NAME_MAX.
int createTemporaryIn(const QString &dir, QByteArray *tempPath)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString name = u".frontmark-%1.tmp"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
        *tempPath = QFile::encodeName(dir + u'/' + name);
        int fd = -1;
        do {
            fd = ::open(tempPath->constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

// Gives the complete temporary file its name without replacing anything there. Returns 0,
// or -1 with errno (EEXIST: the name is taken). The temporary name is gone either way.
int nameWithoutReplacing(const QByteArray &tempPath, const QByteArray &target, bool injectedFault)
{
    int rc = -1;
    if (!injectedFault)
        rc = ::renameat2(AT_FDCWD, tempPath.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)) {
        // RENAME_NOREPLACE needs Linux 3.15 and support in the file system (not every FUSE
        // or network file system has it); link(2) refuses an existing name everywhere.
        rc = ::link(tempPath.constData(), target.constData());
        if (rc == 0 && ::unlink(tempPath.constData()) != 0)
            qCWarning(lcDocument) << "could not remove the temporary file" << tempPath << qt_error_string(errno);
        if (rc == 0)
            return 0;
    }
    if (rc != 0) {
        const int why = errno;
        ::unlink(tempPath.constData());
        errno = why;
    }
    return rc;
}

} // namespace

Result<NewFile> writeNewFileAtomically(const QString &path, const QByteArray &bytes)
{
    using writefaults::Step;
    const QByteArray target = QFile::encodeName(path);
    const QString name = QFileInfo(path).fileName();
    const QString dir = QFileInfo(path).absolutePath();

    // lstat, not stat: a dangling symbolic link also holds the name.
    struct stat st {};
    if (::lstat(target.constData(), &st) == 0)
        return NewFile::NameTaken;
    if (errno != ENOENT && errno != ENOTDIR)
        return newFileFailedWhile(path, Files::tr("checking the file"), errno);
    if (!QFileInfo(dir).isDir()) {
        return Error{Error::Kind::Io,
                     Files::tr("Saving “%1” failed: the folder “%2” does not exist. Nothing was written.").arg(name,
                                                                                                  QDir::toNativeSeparators(dir)),
                     path};
    }

    const QString creating = Files::tr("creating the temporary file in %1").arg(QDir::toNativeSeparators(dir));
    QByteArray tempPath;
    const int fd = faultInjected(Step::Open, path) ? -1 : createTemporaryIn(dir, &tempPath);
    if (fd < 0)
        return newFileFailedWhile(path, creating, errno);

    const auto discard = [&](const QString &step) {
        const int why = errno;
        ::close(fd);
        ::unlink(tempPath.constData());
        return newFileFailedWhile(path, step, why);
    };
    if (faultInjected(Step::Write, path) || !writeAllTo(fd, bytes))
        return discard(u"writing"_s);
    int syncResult = 0;
    do {
        syncResult = ::fsync(fd);
    } while (syncResult != 0 && errno == EINTR);
    if (faultInjected(Step::Sync, path) || syncResult != 0)
        return discard(Files::tr("syncing to disk"));
    // close(2) reports nothing new after a successful fsync on a local file system; an NFS
    // error here still means the data may not be there, so it counts.
    if (::close(fd) != 0) {
        const int why = errno;
        ::unlink(tempPath.constData());
        return newFileFailedWhile(path, Files::tr("closing the temporary file"), why);
    }

    if (nameWithoutReplacing(tempPath, target, faultInjected(Step::Commit, path)) != 0) {
        if (errno == EEXIST) {
            qCDebug(lcDocument) << "not writing" << path << "because the name was taken during the write";
            return NewFile::NameTaken;
        }
        return newFileFailedWhile(path, Files::tr("giving the file its name"), errno);
    }
    syncDirectory(dir);
    qCDebug(lcDocument) << "wrote new file" << path << bytes.size() << "bytes";
    return NewFile::Written;
}

WriteFailure writeFailureOf(const Error &error)
{
    switch (error.systemError) {
    case EROFS:
    case EACCES:
    case EPERM:
        return WriteFailure::NotWritable;
    case ENOSPC:
    case EDQUOT:
        return WriteFailure::NoSpace;
    default:
        return WriteFailure::Other;
    }
}

bool fileHolds(const QString &path, const QByteArray &expected)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() != expected.size())
        return false;
    const QByteArray bytes = file.readAll();
    return file.error() == QFileDevice::NoError && bytes == expected;
}

} // namespace frontmark
