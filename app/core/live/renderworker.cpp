// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderworker.h"

#include "incrementalrender.h"
#include "render/markdownrenderer.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

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

qsizetype previewCut(QStringView body)
{
    if (body.size() <= RenderWorker::PreviewLimit)
        return body.size();
    // At a paragraph break before the limit, so no block is cut in half; else at a line end.
    const QStringView head = body.left(RenderWorker::PreviewLimit);
    const qsizetype paragraph = head.lastIndexOf(u"\n\n");
    if (paragraph >= RenderWorker::PreviewLimit / 2)
        return paragraph + 2;
    const qsizetype line = head.lastIndexOf(u'\n');
    return line > 0 ? line + 1 : RenderWorker::PreviewLimit;
}

void appendPreviewNotice(RenderResult &result, QStringView body, qsizetype shownSize, int bodyFirstLine)
{
    const int firstHidden = int(body.left(shownSize).count(u'\n')) + bodyFirstLine;
    const int lastLine = int(body.count(u'\n')) + bodyFirstLine;
    const QString text = RenderWorker::tr("This post has %1 characters; the preview shows the first %2, up to line %3, so the window stays "
        "responsive. Everything after it is kept and published as written.")
        .arg(QLocale().toString(body.size()), QLocale().toString(shownSize)).arg(firstHidden - 1);
    RenderBlock notice;
    notice.firstLine = firstHidden;
    notice.lastLine = std::max(firstHidden, lastLine);
    notice.html = u"<div class=\"fm-preview-notice\" role=\"note\">"_s + text.toHtmlEscaped() + u"</div>\n"_s;
    result.blocks.append(notice);
    result.html += notice.html;
}

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
            // A huge post is previewed up to PreviewLimit characters (issue #20): WebEngine
            // takes minutes and gigabytes over a 30 MB page. The counts still cover all of it.
            const qsizetype shownSize = previewCut(job.body);
            const QString shown = shownSize < job.body.size() ? job.body.left(shownSize) : job.body;
            std::optional<RenderResult> incremental = renderIncrementally(renderer, base, shown, job.options);
            const bool full = !incremental;
            RenderResult result = full ? renderer.render(shown, job.options) : std::move(*incremental);
            const RenderResult shownResult = result;
            if (shownSize < job.body.size())
                appendPreviewNotice(result, job.body, shownSize, job.options.bodyFirstLine);
            result.stats = countText(job.body);
            qCDebug(lcRender, "revision %llu: %s render in %.1f ms", static_cast<unsigned long long>(job.revision),
                    incremental ? "incremental" : "full", double(timer.nsecsElapsed()) / 1e6);
            if (full)
                base.state = documentState(shown); // an incremental render leaves it as it was
            base.body = shown;
            base.options = job.options;
            base.result = shownResult;
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
