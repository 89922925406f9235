// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>

class QLockFile;

namespace frontmark {

/// One document's recovery copy.
struct RecoveryEntry {
    QString id;            // the document's id within its session
    QString originalPath;  // the post's path; empty for a post never saved
    QByteArray bytes;      // the whole post as it was in the editor
    QByteArray diskBytesHash; // SHA-256 (hex) of the file on disk when the editor last loaded/saved it
    QDateTime savedAt;
    QString sessionDir;    // where the copy lives
};

/**
 * Autosave copies, never written over the post. Each running editor owns one session
 * folder under `rootDir` (default: <AppDataLocation>/recovery), held by a QLockFile. A
 * session whose process is gone (crash, SIGKILL) leaves its folder behind with a stale
 * lock: orphaned() lists its copies so the next start can offer them back. A clean close
 * (close()) removes the session folder. Copies are written with writeFileAtomically(), the
 * bytes in one file and a small JSON description beside it.
 *
 * A session counts as gone when its lock can be taken: Qt finds the locking PID dead (or
 * reused by another program, or the lock is from before a reboot) and the owner's flock is
 * released. The stale-lock age is off, so a live editor's session is never taken however old
 * its lock is. A session folder without a lock (a crash between mkdir and locking) is gone too.
 *
 * Failures come back as Error (Kind::Io) naming the file; orphaned() skips copies it cannot
 * read. save() and remove() may be called from any thread (they are serialised inside);
 * open() and close() from the thread that owns the store. Destroying an open store without
 * close() keeps its copies: the next start offers them like a crash's.
 */
class RecoveryStore
{
public:
    explicit RecoveryStore(const QString &rootDir = defaultRoot());
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    static QString defaultRoot();
    QString rootDir() const { return m_root; }

    /// Creates and locks this process's session folder.
    Status open();
    bool isOpen() const;
    /// This session's folder; empty before open() and after close().
    QString sessionDir() const;

    /// Writes (replaces) the copy of document `id`.
    Status save(const QString &id, const QString &originalPath, const QByteArray &bytes,
                const QByteArray &diskBytesHash);
    /// Removes the copy of `id` (the document was saved or closed clean).
    void remove(const QString &id);
    /// Removes this session's folder and lock: a clean close.
    void close();

    /// Copies left by sessions whose process is gone, newest first; never this session's
    /// or another running editor's.
    static QList<RecoveryEntry> orphaned(const QString &rootDir = defaultRoot());
    /// Deletes one orphaned copy (and its session folder once empty).
    static void discard(const RecoveryEntry &entry);

    /// SHA-256 (hex) of `bytes`, as diskBytesHash holds it.
    static QByteArray hashOf(const QByteArray &bytes);

private:
    Status lockSession();

    QString m_root;
    QString m_sessionDir;
    std::unique_ptr<QLockFile> m_lock;
    mutable QMutex m_mutex;
};

} // namespace frontmark
