#include "renderworker.h"

#include "render/markdownrenderer.h"

#include <QMetaObject>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QWaitCondition>

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
    QMutex mutex;
    QWaitCondition wake;
    std::optional<Job> pending; // the newest request not started yet
    quint64 latest = 0;         // newest revision requested
    quint64 delivered = 0;      // newest revision emitted (owner's thread only)
    bool stopping = false;
};

RenderWorker::RenderWorker(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<frontmark::RenderResult>("frontmark::RenderResult");
    Private *p = d.get();
    QPointer<RenderWorker> self(this);
    // The loop is the worker thread's body and owns the renderer; results go back to this
    // object's thread as queued calls, and are dropped there if a newer revision exists.
    p->thread.reset(QThread::create([p, self] {
        const MarkdownRenderer renderer;
        for (;;) {
            Job job;
            {
                QMutexLocker lock(&p->mutex);
                while (!p->pending && !p->stopping)
                    p->wake.wait(&p->mutex);
                if (p->stopping)
                    return;
                job = std::move(*p->pending);
                p->pending.reset();
            }
            RenderResult result = renderer.render(job.body, job.options);
            {
                QMutexLocker lock(&p->mutex);
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
        }
    }));
    p->thread->setObjectName(QStringLiteral("frontmark-render"));
    p->thread->start();
}

RenderWorker::~RenderWorker()
{
    {
        QMutexLocker lock(&d->mutex);
        d->stopping = true;
        d->wake.wakeAll();
    }
    d->thread->wait();
}

void RenderWorker::request(quint64 revision, const QString &body, const RenderOptions &options)
{
    QMutexLocker lock(&d->mutex);
    Q_ASSERT(revision > d->latest || d->latest == 0);
    d->latest = revision;
    d->pending = Job{revision, body, options};
    d->wake.wakeOne();
}

quint64 RenderWorker::latestRevision() const
{
    QMutexLocker lock(&d->mutex);
    return d->latest;
}

} // namespace frontmark
