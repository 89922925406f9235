// SPDX-License-Identifier: GPL-3.0-or-later
#include "recovery.h"

#include "io/safewrite.h"
#include "util/confinedpath.h"
#include "util/logging.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutexLocker>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

const QString kLockName = u"session.lock"_s;

// Session folders open in this process: orphaned() never looks into them, whatever their
// lock says, and discard() never deletes them.
QMutex g_liveMutex;
QSet<QString> g_liveSessions;

void setLive(const QString &dir, bool live)
{
    QMutexLocker locker(&g_liveMutex);
    if (live)
        g_liveSessions.insert(QDir::cleanPath(dir));
    else
        g_liveSessions.remove(QDir::cleanPath(dir));
}

bool isLiveHere(const QString &dir)
{
    QMutexLocker locker(&g_liveMutex);
    return g_liveSessions.contains(QDir::cleanPath(dir));
}

// Ids become file names: only what QUuid and simple test ids produce.
bool isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 100)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
    });
}

QString bytesPath(const QString &dir, const QString &id)
{
    return dir + u'/' + id + u".md"_s;
}

QString infoPath(const QString &dir, const QString &id)
{
    return dir + u'/' + id + u".json"_s;
}

std::unique_ptr<QLockFile> makeLock(const QString &dir)
{
    auto lock = std::make_unique<QLockFile>(dir + u'/' + kLockName);
    // 0 = a lock never goes stale by age: Qt's default (30 s) would let any other editor
    // take a live session whose lock file is older than that.
    lock->setStaleLockTime(0);
    return lock;
}

// True when the session in `dir` belongs to no running process. Taking its lock proves
// that (QLockFile removes a lock whose PID is gone, and the owner's flock must be free
// too); the lock is released again at once, leaving the copies for the caller.
bool isAbandoned(const QString &dir)
{
    const QString lockPath = dir + u'/' + kLockName;
    if (!QFileInfo::exists(lockPath))
        return true; // crashed between creating the folder and locking it, or unlocked before
    const auto lock = makeLock(dir);
    if (lock->tryLock(0)) {
        lock->unlock();
        return true;
    }
    if (lock->error() != QLockFile::LockFailedError)
        return false; // cannot tell (permissions): leave it alone
    qint64 pid = 0;
    QString host, app;
    if (lock->getLockInfo(&pid, &host, &app))
        return false; // a live editor holds it
    // A lock file without readable contents: its writer died while creating it (Qt writes
    // the PID right after creating the file). Give a live writer far more than that moment.
    const QDateTime modified = QFileInfo(lockPath).lastModified();
    if (modified.isValid() && modified.secsTo(QDateTime::currentDateTime()) > 60 && lock->removeStaleLockFile())
        return true;
    return false;
}

std::optional<RecoveryEntry> readEntry(const QString &dir, const QString &id)
{
    QFile info(infoPath(dir, id));
    QFile data(bytesPath(dir, id));
    if (!info.open(QIODevice::ReadOnly) || !data.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(info.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        qCWarning(lcPublish) << "unreadable recovery description" << info.fileName() << parseError.errorString();
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    RecoveryEntry entry;
    entry.id = id;
    entry.originalPath = o.value(u"originalPath"_s).toString();
    entry.diskBytesHash = o.value(u"diskBytesHash"_s).toString().toLatin1();
    entry.savedAt = QDateTime::fromString(o.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
    if (!entry.savedAt.isValid())
        entry.savedAt = QFileInfo(data).lastModified();
    entry.bytes = data.readAll();
    if (data.error() != QFileDevice::NoError)
        return std::nullopt;
    entry.sessionDir = dir;
    return entry;
}

} // namespace

RecoveryStore::RecoveryStore(const QString &rootDir)
    : m_root(QDir::cleanPath(QDir(rootDir).absolutePath()))
{
}

RecoveryStore::~RecoveryStore()
{
    // Without close() the copies stay: dropping the lock turns them into an orphaned session
    // the next start offers back, which is what a writer wants after an abnormal exit.
    if (m_lock) {
        m_lock->unlock();
        setLive(m_sessionDir, false);
    }
}

QString RecoveryStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"_s;
}

QString RecoveryStore::sessionDir() const
{
    QMutexLocker locker(&m_mutex);
    return m_sessionDir;
}

bool RecoveryStore::isOpen() const
{
    QMutexLocker locker(&m_mutex);
    return m_lock && m_lock->isLocked();
}

Status RecoveryStore::lockSession()
{
    if (!QDir().mkpath(m_sessionDir))
        return Error{Error::Kind::Io, Files::tr("Cannot create the recovery folder “%1”.").arg(m_sessionDir), m_sessionDir};
    // Unsaved posts may be private: only the writer reads the copies.
    QFile::setPermissions(m_sessionDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto lock = makeLock(m_sessionDir);
    if (!lock->tryLock(0)) {
        return Error{Error::Kind::Io,
                     Files::tr("Cannot lock the recovery folder “%1” (error %2); autosave is off.").arg(m_sessionDir).arg(int(lock->error())),
                     m_sessionDir};
    }
    m_lock = std::move(lock);
    return Ok{};
}

Status RecoveryStore::open()
{
    QMutexLocker locker(&m_mutex);
    if (m_lock && m_lock->isLocked())
        return Ok{};
    if (!QDir().mkpath(m_root))
        return Error{Error::Kind::Io, Files::tr("Cannot create the recovery folder “%1”.").arg(m_root), m_root};
    m_sessionDir = m_root + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status locked = lockSession();
    if (!locked.ok()) {
        QDir(m_sessionDir).removeRecursively();
        m_sessionDir.clear();
        return locked;
    }
    setLive(m_sessionDir, true);
    qCDebug(lcPublish) << "recovery session" << m_sessionDir;
    return Ok{};
}

Status RecoveryStore::save(const QString &id, const QString &originalPath, const QByteArray &bytes,
                           const QByteArray &diskBytesHash)
{
    QMutexLocker locker(&m_mutex);
    if (!m_lock || !m_lock->isLocked())
        return Error{Error::Kind::Io, Files::tr("The recovery store is not open, so no copy was saved."), m_root};
    if (!isValidId(id))
        return Error{Error::Kind::Invalid, Files::tr("“%1” is not a valid recovery id.").arg(id), m_sessionDir};
    // A cleaner (tmpwatch, a writer tidying up) may have deleted the folder while we run:
    // take a fresh lock on a fresh folder rather than stop autosaving.
    if (!QFileInfo(m_sessionDir + u'/' + kLockName).exists()) {
        qCWarning(lcPublish) << "recovery folder vanished; recreating" << m_sessionDir;
        m_lock.reset();
        Status relocked = lockSession();
        if (!relocked.ok())
            return relocked;
    }

    // The bytes first: an entry is listed only once its description exists, so a crash
    // between the two writes leaves at worst the previous description beside new bytes.
    // The same guard as every write named from outside: the copy stays in the session folder.
    if (const Result<QString> inside = confinedPath(m_sessionDir, QFileInfo(bytesPath(m_sessionDir, id)).fileName()); !inside.ok())
        return inside.error();
    Status written = writeFileAtomically(bytesPath(m_sessionDir, id), bytes);
    if (!written.ok())
        return written;
    QJsonObject o;
    o.insert(u"originalPath"_s, originalPath);
    o.insert(u"diskBytesHash"_s, QString::fromLatin1(diskBytesHash));
    const QDateTime now = QDateTime::currentDateTime();
    o.insert(u"savedAt"_s, now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODateWithMs));
    o.insert(u"size"_s, double(bytes.size()));
    if (!originalPath.isEmpty())
        o.insert(u"fileName"_s, QFileInfo(originalPath).fileName());
    return writeFileAtomically(infoPath(m_sessionDir, id), QJsonDocument(o).toJson(QJsonDocument::Indented));
}

void RecoveryStore::remove(const QString &id)
{
    QMutexLocker locker(&m_mutex);
    if (m_sessionDir.isEmpty() || !isValidId(id))
        return;
    // The description first, so a half-removed entry is never listed.
    QFile::remove(infoPath(m_sessionDir, id));
    QFile::remove(bytesPath(m_sessionDir, id));
}

void RecoveryStore::close()
{
    QMutexLocker locker(&m_mutex);
    if (m_sessionDir.isEmpty())
        return;
    // Copies first, lock last: while the folder has no lock another editor may look in,
    // and it must find nothing to offer.
    QDir dir(m_sessionDir);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        if (name != kLockName)
            dir.remove(name);
    }
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    dir.removeRecursively();
    setLive(m_sessionDir, false);
    m_sessionDir.clear();
}

QList<RecoveryEntry> RecoveryStore::orphaned(const QString &rootDir)
{
    QList<RecoveryEntry> entries;
    const QDir root(rootDir);
    for (const QFileInfo &session : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString dir = QDir::cleanPath(session.absoluteFilePath());
        if (session.isSymLink() || isLiveHere(dir) || !isAbandoned(dir))
            continue;
        const QDir sessionDir(dir);
        for (const QString &name : sessionDir.entryList({u"*.json"_s}, QDir::Files)) {
            const QString id = name.chopped(5);
            if (!isValidId(id))
                continue;
            if (auto entry = readEntry(dir, id))
                entries.append(std::move(*entry));
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.savedAt > b.savedAt; });
    return entries;
}

void RecoveryStore::discard(const RecoveryEntry &entry)
{
    // Only copies of sessions that are gone: a running editor's copies are its own.
    if (entry.sessionDir.isEmpty() || !isValidId(entry.id) || isLiveHere(entry.sessionDir)
        || !isAbandoned(entry.sessionDir)) {
        return;
    }
    QFile::remove(infoPath(entry.sessionDir, entry.id));
    QFile::remove(bytesPath(entry.sessionDir, entry.id));

    // The folder goes once nothing is left in it (isAbandoned() released its lock file).
    QDir dir(entry.sessionDir);
    QStringList left = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    left.removeAll(kLockName);
    if (!left.isEmpty())
        return;
    QFile::remove(entry.sessionDir + u'/' + kLockName);
    dir.rmdir(dir.absolutePath());
}

QByteArray RecoveryStore::hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace frontmark
