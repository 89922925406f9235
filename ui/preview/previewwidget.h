#pragma once

#include "previewscheme.h"
#include "render/renderresult.h"

#include <QList>
#include <QUrl>
#include <QWidget>

class QWebChannel;
class QWebEngineProfile;
class QWebEngineView;
class QWebEnginePage;

namespace frontmark {

class PreviewBridge;
class PreviewInterceptor;
class PreviewPage;

/**
 * The live preview (DESIGN.md decisions 5, 6, 8, 9): a QWebEngineView on the post's page,
 * served from the fmsite scheme at the post's permalink path, updated block by block over
 * QWebChannel. showRender() diffs the new blocks against what the page holds and sends only
 * the changed ones, so untouched blocks (their iframes, images and the scroll position) are
 * never recreated and the page never reloads while the writer types.
 *
 * Lines are the body's lines as the render numbered them (RenderOptions::bodyFirstLine).
 * Uses its own off-the-record profile (no cache or cookies on disk). UI thread only.
 */
class PreviewWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    /// Loads the page for a post; the blocks shown so far are sent again once it is ready.
    void setPost(const Site &site, const QString &postPath, const QString &permalinkPath);
    /// Shows `result` (revision `revision`); only blocks that differ from the page's are sent.
    void showRender(quint64 revision, const RenderResult &result);

    void setEmbedMode(EmbedMode mode);
    EmbedMode embedMode() const { return m_mode; }
    /// Light, dark, or (System) whatever the application palette is; applied without a reload.
    void setTheme(PreviewTheme theme);
    PreviewTheme theme() const { return m_theme; }
    void setZoomFactor(qreal factor);

    /// Scrolls so the block holding `line` is at the top, at the line's share of the block.
    void scrollToLine(int line);
    /// Scrolls the block holding `line` into view if it is not visible.
    void revealLine(int line);
    /// The index of the block that holds `line` (0 when there are none).
    int blockIndexForLine(int line) const { return blockForLine(line).first; }
    /// Centres the `nth` image (0-based, a missing image's box counts) of block `blockIndex`
    /// and outlines it until another image is shown.
    void showImage(int blockIndex, int nth);

    bool isReady() const { return m_ready; }
    /// The newest revision the page has confirmed it shows (0: none yet).
    quint64 appliedRevision() const { return m_appliedRevision; }
    QUrl pageUrl() const;
    QWebEnginePage *page() const;
    QWebEngineView *view() const { return m_view; }

Q_SIGNALS:
    void ready();
    void revisionApplied(quint64 revision);
    /// The writer clicked the preview at (about) this line.
    void lineClicked(int line);
    /// The writer clicked the `nth` image of block `blockIndex`.
    void imageClicked(int blockIndex, int nth);
    /// The writer scrolled the preview; this line is now at its top.
    void scrolledToLine(int line);
    void requestBlocked(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    PreviewTheme effectiveTheme() const;
    void loadPage();
    void onReady();
    void onLinkActivated(const QUrl &link);
    std::pair<int, double> blockForLine(int line) const;
    int lineForBlock(int index, double fraction) const;

    QWebEngineProfile *m_profile = nullptr;
    PreviewSchemeHandler *m_scheme = nullptr;
    PreviewInterceptor *m_interceptor = nullptr;
    PreviewBridge *m_bridge = nullptr;
    QWebChannel *m_channel = nullptr;
    PreviewPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;

    QList<RenderBlock> m_blocks; // what the page shows once it has applied every message sent
    quint64 m_revision = 0;
    quint64 m_appliedRevision = 0;
    QUrl m_siteBaseUrl;
    bool m_ready = false;
    bool m_hasPost = false;
    EmbedMode m_mode = EmbedMode::Live;
    PreviewTheme m_theme = PreviewTheme::System;
};

} // namespace frontmark
