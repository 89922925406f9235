// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "images/postimages.h"
#include "render/renderoptions.h"
#include "render/renderresult.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace frontmark {

/**
 * The one render worker (docs/decisions.md, decision 8): owns a MarkdownRenderer on its own thread and
 * renders the newest requested text. An edit to the previous text re-renders only the blocks
 * it touched when that gives the same result as a full render (renderIncrementally()). request() never blocks: it replaces any request still
 * waiting (a writer typing fast gets one render for the latest text, not one per key).
 * rendered() is delivered in the thread that created the worker, in strictly increasing
 * revision order; a result older than one already delivered is dropped.
 *
 * Create, use and destroy from one thread (the UI thread). Destruction waits for a render in
 * progress to finish (cmark-gfm cannot be interrupted) and discards its result.
 */
class RenderWorker : public QObject
{
    Q_OBJECT
public:
    explicit RenderWorker(QObject *parent = nullptr);
    ~RenderWorker() override;

    /// Renders `body` as revision `revision` (must grow with each request) as soon as the
    /// worker is free; earlier requests not yet started are dropped.
    void request(quint64 revision, const QString &body, const RenderOptions &options);
    /// The newest revision requested.
    quint64 latestRevision() const;

    /// After a render, once no newer request came for FindImagesAfterPause, the worker lists
    /// the post's images (findImages()) and reports them with imagesFound(): always for a body up to
    /// FindImagesAlwaysBelow characters, for a longer one only while this is on (the images
    /// panel turns it on while it is shown): it costs a second parse of the body.
    void setFindImages(bool find);
    static constexpr qsizetype FindImagesAlwaysBelow = 256 * 1024;
    /// Bodies longer than this many characters are previewed up to a paragraph break before
    /// it, with a notice block after (issue #20); the word count still covers the whole body.
    static constexpr qsizetype PreviewLimit = 3 * 1024 * 1024;
    static constexpr std::chrono::milliseconds FindImagesAfterPause{250};

Q_SIGNALS:
    /// The images of revision `revision`; delivered after its rendered(), in increasing
    /// revision order, older results dropped.
    void imagesFound(quint64 revision, const QList<frontmark::PostImage> &images);
    void rendered(quint64 revision, const frontmark::RenderResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Where the preview of `body` stops: body.size() when it fits PreviewLimit, else just after
/// the last paragraph break (or line end) before the limit.
qsizetype previewCut(QStringView body);

/// Appends to `result` the notice block that says the preview stops at `shownSize` of `body`.
void appendPreviewNotice(RenderResult &result, QStringView body, qsizetype shownSize, int bodyFirstLine);

} // namespace frontmark
