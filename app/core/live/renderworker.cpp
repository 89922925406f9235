#include "renderworker.h"

#include "incrementalrender.h"
#include "render/markdownrenderer.h"
#include "util/logging.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace frontmark {

namespace {

struct Job {
    quint64 revision = 0;
    QString body;
    RenderOptions options;
};

} // namespace

struct RenderWorker::Private {
    std::unique_ptr<QThread> thread;
    // Standard primitives rather than QMutex/QWaitCondition: ThreadSanitizer sees through
    // them, so the thread-safety of this class can be checked.
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Job> pending; // the newest request not started yet
    quint64 latest = 0;         // newest revision requested
    quint64 delivered = 0;      // newest revision emitted (owner's thread only)
    quint64 imagesDelivered = 0; // newest revision whose images were emitted (owner's thread)
    std::atomic<bool> findImages{false};
    bool stopping = false;
};

RenderWorker::RenderWorker(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<frontmark::RenderResult>("frontmark::RenderResult");
    qRegisterMetaType<QList<frontmark::PostImage>>("QList<frontmark::PostImage>");
    Private *p = d.get();
    QPointer<RenderWorker> self(this);
    // The loop is the worker thread's body and owns the renderer; results go back to this
    // object's thread as queued calls, and are dropped there if a newer revision exists.
    p->thread.reset(QThread::create([p, self] {
        const MarkdownRenderer renderer;
        IncrementalBase base; // the last render: an edit to it re-renders only what it touched
        for (;;) {
            Job job;
            {
                std::unique_lock lock(p->mutex);
                p->wake.wait(lock, [p] { return p->pending || p->stopping; });
                if (p->stopping)
                    return;
                job = std::move(*p->pending);
                p->pending.reset();
            }
            QElapsedTimer timer;
            timer.start();
            std::optional<RenderResult> incremental = renderIncrementally(renderer, base, job.body, job.options);
            const bool full = !incremental;
            RenderResult result = full ? renderer.render(job.body, job.options) : std::move(*incremental);
            result.stats = countText(job.body);
            qCDebug(lcRender, "revision %llu: %s render in %.1f ms", static_cast<unsigned long long>(job.revision),
                    incremental ? "incremental" : "full", double(timer.nsecsElapsed()) / 1e6);
            if (full)
                base.state = documentState(job.body); // an incremental render leaves it as it was
            base.body = job.body;
            base.options = job.options;
            base.result = result;
            {
                std::lock_guard lock(p->mutex);
                if (p->stopping)
                    return;
            }
            // A result overtaken while it rendered is still newer than what the preview shows,
            // so it is delivered: a writer who never pauses still sees the preview move.
            QMetaObject::invokeMethod(
                self.data(),
                [self, p, revision = job.revision, result = std::move(result)] {
                    if (!self || revision <= p->delivered)
                        return; // the worker is gone, or a newer result was delivered already
                    p->delivered = revision;
                    Q_EMIT self->rendered(revision, result);
                },
                Qt::QueuedConnection);

            // The images (for the panel and the merged-caption warnings), only when the writer
            // has paused: a newer request waiting will list them for its own text. A long post
            // only when asked: its scan can take tens of milliseconds.
            {
                std::unique_lock lock(p->mutex);
                const bool wanted = p->findImages.load() || job.body.size() <= FindImagesAlwaysBelow;
                // A writer typing sends the next key within this pause: the scan waits for a
                // real pause, so it never delays the render of a key.
                if (!wanted || p->wake.wait_for(lock, FindImagesAfterPause, [p] { return p->pending || p->stopping; }))
                    continue;
            }
            timer.restart();
            QList<PostImage> images = findImages(job.body, job.options);
            qCDebug(lcRender, "revision %llu: %lld images found in %.1f ms", static_cast<unsigned long long>(job.revision),
                    static_cast<long long>(images.size()), double(timer.nsecsElapsed()) / 1e6);
            QMetaObject::invokeMethod(
                self.data(),
                [self, p, revision = job.revision, images = std::move(images)] {
                    if (!self || revision <= p->imagesDelivered)
                        return;
                    p->imagesDelivered = revision;
                    Q_EMIT self->imagesFound(revision, images);
                },
                Qt::QueuedConnection);
        }
    }));
    p->thread->setObjectName(QStringLiteral("frontmark-render"));
    p->thread->start();
}

RenderWorker::~RenderWorker()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    d->thread->wait();
}

void RenderWorker::request(quint64 revision, const QString &body, const RenderOptions &options)
{
    {
        std::lock_guard lock(d->mutex);
        Q_ASSERT(revision > d->latest || d->latest == 0);
        d->latest = revision;
        d->pending = Job{revision, body, options};
    }
    d->wake.notify_one();
}

void RenderWorker::setFindImages(bool find)
{
    d->findImages.store(find);
}

quint64 RenderWorker::latestRevision() const
{
    std::lock_guard lock(d->mutex);
    return d->latest;
}

} // namespace frontmark
