// SPDX-License-Identifier: GPL-3.0-or-later
#include "autosaver.h"

#include "publish/recovery.h"
#include "uilog.h"

#include <QDir>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace frontmark {

// What the UI thread and the worker share. `latest` is the number of the newest request:
// a write whose number is older was overtaken by a newer snapshot or a removal.
struct AutoSaver::Shared {
    std::atomic<quint64> latest{0};
    std::atomic<bool> stopping{false};
};

AutoSaver::AutoSaver(RecoveryStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_shared(std::make_shared<Shared>())
{
    m_timer.setSingleShot(true);
    // The delay is a promise about how much typing a kill can lose: a coarse timer may fire
    // 5 % late.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &AutoSaver::onTimeout);
    // One thread: requests run in the order they were made.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(30000);
    m_pool.setObjectName(u"autosave"_s);
}

AutoSaver::~AutoSaver()
{
    m_timer.stop();
    // Queued writes see `stopping` and return at once; only a write already in flight is
    // waited for (the worker must not outlive the store or this object's queued signals).
    m_shared->stopping = true;
    m_pool.waitForDone();
}

void AutoSaver::setSnapshotProvider(std::function<Snapshot()> provider)
{
    m_provider = std::move(provider);
}

void AutoSaver::setDocument(const QString &path, const QByteArray &diskBytes)
{
    m_path = path;
    m_diskBytes = diskBytes;
}

void AutoSaver::setDelay(int ms)
{
    m_delayMs = qMax(0, ms);
}

void AutoSaver::markChanged()
{
    if (!m_store)
        return;
    // A deadline, not a debounce: restarting the delay on every key (even capped at four
    // delays) left no copy at all when the editor was killed 8 s into a continuous burst
    // (#21). Counted from the first unsaved change, a quiet edit still gets its copy one
    // delay later, and a burst gets one every delay; the next change after a copy starts
    // the next deadline.
    if (!m_timer.isActive())
        m_timer.start(m_delayMs);
}

void AutoSaver::markClean()
{
    m_timer.stop();
    if (!m_store || !m_copyMayExist)
        return;
    m_copyMayExist = false;
    ++m_shared->latest; // writes still queued are now stale
    RecoveryStore *store = m_store;
    const QString id = m_id;
    // Runs even once `stopping`: a removal is quick and leaves no stale copy behind.
    m_pool.start([store, id] { store->remove(id); });
}

void AutoSaver::flushNow()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        onTimeout();
    }
}

bool AutoSaver::waitForWrites(int msecs)
{
    return m_pool.waitForDone(msecs);
}

void AutoSaver::onTimeout()
{
    if (!m_store || !m_provider)
        return;
    // The only work on the UI thread: capturing the state; the bytes are built on the worker.
    Snapshot build = m_provider();
    const quint64 number = ++m_shared->latest;
    m_copyMayExist = true;

    RecoveryStore *store = m_store;
    const QString id = m_id;
    const QString path = m_path;
    const QByteArray diskBytes = m_diskBytes;
    std::shared_ptr<Shared> shared = m_shared;
    m_pool.start([this, store, id, path, diskBytes, build = std::move(build), shared, number] {
        if (shared->stopping || number != shared->latest)
            return; // a newer snapshot or a removal is queued behind us
        const QByteArray snapshot = build();
        if (!path.isEmpty() && snapshot == diskBytes) {
            store->remove(id); // undone back to the saved text: nothing to recover
            return;
        }
        const Status saved = store->save(id, path, snapshot, RecoveryStore::hashOf(diskBytes));
        // Queued to the UI thread; the destructor waits for this task, and Qt drops events
        // still queued for a deleted receiver.
        if (saved.ok()) {
            const QString copy = QDir(store->sessionDir()).filePath(id + u".md"_s);
            QMetaObject::invokeMethod(this, [this, copy] { Q_EMIT recoverySaved(copy); }, Qt::QueuedConnection);
        } else {
            const QString message = saved.error().toString();
            qCWarning(lcUi) << "could not save a recovery copy:" << message;
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT recoveryFailed(message); }, Qt::QueuedConnection);
        }
    });
}

} // namespace frontmark
