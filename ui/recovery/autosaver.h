// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace frontmark {

class RecoveryStore;

/**
 * Keeps a recovery copy of one window's post in a RecoveryStore while it has unsaved
 * changes. The first change since the last copy starts the delay (3 s by default) and later
 * changes do not push it back, so a copy is written one delay after a lone change and at
 * least every delay while changes keep coming: a kill loses at most the last delay's typing.
 * When the delay runs out the UI thread asks the provider for a snapshot: a function that
 * builds the post's bytes from state captured on the UI thread (the editor's text, the front
 * matter: implicitly shared, no copy). The worker runs it and writes the result, so joining
 * and encoding a 2 MB post never costs the UI thread. markClean() (saved, or changes
 * discarded) cancels the delay and removes the copy.
 *
 * Threads: the object lives on the UI thread; writes and removals run on its own one-thread
 * pool in the order they were asked for, and a queued write that a newer snapshot or a
 * removal overtook is skipped, so an older copy never lands after a newer one or after a
 * removal. The destructor drops queued writes and waits only for the one in flight (queued
 * removals still run: they are quick and keep the store tidy).
 *
 * Does not own the store, which must outlive it; without a store it does nothing. Write
 * failures are reported through recoveryFailed() with the store's located message; the
 * editor's text is untouched by any failure here.
 */
class AutoSaver : public QObject
{
    Q_OBJECT
public:
    explicit AutoSaver(RecoveryStore *store, QObject *parent = nullptr);
    ~AutoSaver() override;

    /// Builds the bytes a save would write now; the provider runs on the UI thread and
    /// captures what it needs, the function it returns runs on the worker.
    using Snapshot = std::function<QByteArray()>;
    void setSnapshotProvider(std::function<Snapshot()> provider);
    /// The post the copies belong to (empty for one never saved) and the bytes on disk it
    /// was loaded from or last saved as. A copy equal to those bytes is removed, not kept.
    void setDocument(const QString &path, const QByteArray &diskBytes);
    void setDelay(int ms);
    int delay() const { return m_delayMs; }

    /// The document changed: a copy follows within the delay (counted from the first change
    /// since the last copy, not from this one).
    void markChanged();
    /// The document is saved or its changes thrown away: no copy to keep.
    void markClean();
    /// Takes the snapshot now if a change is waiting for the delay.
    void flushNow();

    /// This document's id in the store (a fresh QUuid per AutoSaver).
    QString documentId() const { return m_id; }
    /// True while a change waits for the delay.
    bool isPending() const { return m_timer.isActive(); }
    /// Blocks until queued writes are done (tests, and quitting); false on timeout.
    bool waitForWrites(int msecs = -1);

Q_SIGNALS:
    /// A copy was written; `path` is the copy's file.
    void recoverySaved(const QString &path);
    /// A copy could not be written; `message` is the store's located error.
    void recoveryFailed(const QString &message);

private:
    struct Shared;
    void onTimeout();

    RecoveryStore *m_store;
    QString m_id;
    std::function<Snapshot()> m_provider;
    QString m_path;
    QByteArray m_diskBytes;
    int m_delayMs = 3000;
    QTimer m_timer;
    bool m_copyMayExist = false;
    std::shared_ptr<Shared> m_shared;
    QThreadPool m_pool;
};

} // namespace frontmark
