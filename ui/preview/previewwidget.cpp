#include "previewwidget.h"

#include "previewbridge.h"
#include "previewinterceptor.h"
#include "previewpage.h"
#include "render/blockdiff.h"
#include "uilog.h"

#include <QDesktopServices>
#include <QEvent>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

static QStringList htmlOf(const QList<RenderBlock> &blocks)
{
    QStringList out;
    out.reserve(blocks.size());
    for (const RenderBlock &b : blocks)
        out.append(b.html);
    return out;
}

static QString themeName(PreviewTheme theme)
{
    return theme == PreviewTheme::Dark ? u"dark"_s : u"light"_s;
}

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent)
{
    // Off the record: no disk cache, cookies or storage between runs (HEADLESS-QT.md 5.4).
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_scheme = new PreviewSchemeHandler(this);
    m_profile->installUrlSchemeHandler(QByteArray::fromRawData("fmsite", 6), m_scheme);
    m_interceptor = new PreviewInterceptor(this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    connect(m_interceptor, &PreviewInterceptor::requestBlocked, this, &PreviewWidget::requestBlocked);

    m_page = new PreviewPage(m_profile, this);
    QWebEngineSettings *s = m_page->settings();
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    connect(m_page, &PreviewPage::linkActivated, this, &PreviewWidget::onLinkActivated);
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] {
        m_ready = false;
        qCDebug(lcPreview) << "page load started";
    });
    connect(m_page, &QWebEnginePage::loadFinished, this, [](bool ok) { qCDebug(lcPreview) << "page loaded" << ok; });

    m_bridge = new PreviewBridge(this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(u"bridge"_s, m_bridge);
    m_page->setWebChannel(m_channel);
    connect(m_bridge, &PreviewBridge::ready, this, &PreviewWidget::onReady);
    connect(m_bridge, &PreviewBridge::applied, this, [this](quint64 revision) {
        m_appliedRevision = std::max(m_appliedRevision, revision);
        Q_EMIT revisionApplied(revision);
    });
    connect(m_bridge, &PreviewBridge::clicked, this, [this](int index, double fraction) {
        Q_EMIT lineClicked(lineForBlock(index, fraction));
    });
    connect(m_bridge, &PreviewBridge::imageClicked, this, &PreviewWidget::imageClicked);
    connect(m_bridge, &PreviewBridge::scrolled, this, [this](int index, double fraction) {
        Q_EMIT scrolledToLine(lineForBlock(index, fraction));
    });
    connect(m_bridge, &PreviewBridge::linkActivated, this,
            [this](const QString &url) { onLinkActivated(QUrl(url)); });

    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAcceptDrops(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

PreviewWidget::~PreviewWidget()
{
    // The page must go before its profile (HEADLESS-QT.md 5.4).
    delete m_view;
    delete m_page;
}

QWebEnginePage *PreviewWidget::page() const
{
    return m_page;
}

QUrl PreviewWidget::pageUrl() const
{
    QUrl url;
    url.setScheme(QString::fromUtf16(PreviewScheme));
    url.setHost(QString::fromUtf16(PreviewHost));
    url.setPath(m_scheme->permalinkPath());
    return url;
}

void PreviewWidget::setPost(const Site &site, const QString &postPath, const QString &permalinkPath)
{
    m_scheme->setPost(site, postPath, permalinkPath);
    m_siteBaseUrl = QUrl(site.baseUrl());
    m_hasPost = true;
    m_blocks.clear();
    loadPage();
}

PreviewTheme PreviewWidget::effectiveTheme() const
{
    if (m_theme != PreviewTheme::System)
        return m_theme;
    // "System" follows the application's palette: Qt 6.4's Chromium does not pass the desktop's
    // colour scheme to prefers-color-scheme.
    const QPalette p = palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness() ? PreviewTheme::Dark
                                                                                             : PreviewTheme::Light;
}

void PreviewWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_theme == PreviewTheme::System)
        setTheme(PreviewTheme::System);
    // The next page load takes the new labels from the scheme handler; the page on screen gets
    // them now, without a reload (the scroll position and loaded images stay).
    if (event->type() == QEvent::LanguageChange && m_ready)
        Q_EMIT m_bridge->stringsRequested(PreviewSchemeHandler::pageStrings(), htmlOf(m_blocks));
}

void PreviewWidget::loadPage()
{
    m_ready = false;
    m_scheme->setEmbedMode(m_mode);
    m_scheme->setTheme(effectiveTheme());
    m_interceptor->setOffline(m_mode == EmbedMode::Offline);
    m_page->setPageUrl(pageUrl());
    m_page->load(pageUrl());
}

void PreviewWidget::onReady()
{
    qCDebug(lcPreview) << "page ready," << m_blocks.size() << "blocks to show";
    m_ready = true;
    Q_EMIT m_bridge->resetRequested(static_cast<double>(m_revision), htmlOf(m_blocks));
    Q_EMIT ready();
}

void PreviewWidget::showRender(quint64 revision, const RenderResult &result)
{
    m_revision = revision;
    if (!m_ready) {
        m_blocks = result.blocks; // sent whole once the page is ready
        return;
    }
    const BlockPatch patch = diffBlocks(m_blocks, result.blocks);
    m_blocks = result.blocks;
    Q_EMIT m_bridge->patchRequested(static_cast<double>(revision), static_cast<int>(patch.keepBefore),
                                    static_cast<int>(patch.removed), htmlOf(patch.inserted));
}

void PreviewWidget::setEmbedMode(EmbedMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (m_hasPost)
        loadPage(); // the page's CSP and cards depend on the mode
}

void PreviewWidget::setTheme(PreviewTheme theme)
{
    m_theme = theme;
    m_scheme->setTheme(effectiveTheme());
    if (m_ready)
        Q_EMIT m_bridge->themeRequested(themeName(effectiveTheme()));
}

void PreviewWidget::setZoomFactor(qreal factor)
{
    m_view->setZoomFactor(factor);
}

std::pair<int, double> PreviewWidget::blockForLine(int line) const
{
    if (m_blocks.isEmpty())
        return {0, 0.0};
    auto it = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), line,
                               [](int l, const RenderBlock &b) { return l < b.firstLine; });
    if (it == m_blocks.cbegin())
        return {0, 0.0};
    --it;
    const int index = static_cast<int>(it - m_blocks.cbegin());
    const int span = std::max(1, it->lastLine - it->firstLine + 1);
    const double fraction = std::clamp(static_cast<double>(line - it->firstLine) / span, 0.0, 1.0);
    return {index, fraction};
}

int PreviewWidget::lineForBlock(int index, double fraction) const
{
    if (m_blocks.isEmpty() || index < 0)
        return 1;
    const RenderBlock &b = m_blocks.at(std::min<qsizetype>(index, m_blocks.size() - 1));
    const int span = std::max(1, b.lastLine - b.firstLine + 1);
    return b.firstLine + std::min(span - 1, static_cast<int>(fraction * span));
}

void PreviewWidget::scrollToLine(int line)
{
    if (!m_ready)
        return;
    const auto [index, fraction] = blockForLine(line);
    Q_EMIT m_bridge->scrollRequested(index, line <= 1 ? 0.0 : fraction);
}

void PreviewWidget::revealLine(int line)
{
    if (m_ready)
        Q_EMIT m_bridge->revealRequested(blockForLine(line).first);
}

void PreviewWidget::showImage(int blockIndex, int nth)
{
    if (m_ready)
        Q_EMIT m_bridge->imageRequested(blockIndex, nth);
}

void PreviewWidget::onLinkActivated(const QUrl &link)
{
    QUrl url = link;
    // A link to another page of the site ("/posts/other/") opens on the published site.
    if (url.scheme() == QStringView(PreviewScheme) && m_siteBaseUrl.isValid() && !m_siteBaseUrl.host().isEmpty()) {
        QString path = m_siteBaseUrl.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        QUrl published = m_siteBaseUrl;
        published.setPath(path + url.path());
        published.setQuery(url.query());
        published.setFragment(url.fragment());
        url = published;
    }
    const QString scheme = url.scheme();
    if (scheme == u"http" || scheme == u"https" || scheme == u"mailto")
        QDesktopServices::openUrl(url);
    else
        qCInfo(lcPreview) << "preview: not opening" << url;
}

} // namespace frontmark
