// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewwidget.h"

#include "previewbridge.h"
#include "previewinterceptor.h"
#include "previewpage.h"
#include "live/blockdiff.h"
#include "uilog.h"

#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineLoadingInfo>
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
    // Off the record: no disk cache, cookies or storage between runs (docs/decisions.md, "Qt WebEngine housekeeping").
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
    // A failed load shows our own error over the view (issue #20), not Chromium's error page,
    // which would be a second navigation away from the post's page.
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    connect(m_page, &PreviewPage::linkActivated, this, &PreviewWidget::onLinkActivated);
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] {
        m_ready = false;
        if (!m_loadTimer.isActive())
            m_loadTimer.start();
        qCDebug(lcPreview) << "page load started";
    });
    connect(m_page, &QWebEnginePage::loadingChanged, this, &PreviewWidget::onLoadingChanged);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
                if (status == QWebEnginePage::NormalTerminationStatus)
                    return;
                m_ready = false;
                showLoadError({LoadFailure::Kind::Stopped, QString::number(exitCode)});
            });

    // The load watchdog: the bridge's ready() (the page loaded and preview.js connected) must
    // come within LoadBudget of the load starting.
    m_loadTimer.setSingleShot(true);
    m_loadTimer.setInterval(LoadBudget);
    connect(&m_loadTimer, &QTimer::timeout, this, [this] {
        if (!m_ready && !m_loadFailure)
            showLoadError({LoadFailure::Kind::TimedOut, QString()});
    });
    // The render watchdog (watchRender()).
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(RenderBudget);
    connect(&m_renderTimer, &QTimer::timeout, this, [this] {
        m_renderOverdue = true;
        const int seconds = static_cast<int>(m_renderTimer.intervalAsDuration().count() / 1000);
        Q_EMIT failed(tr("The preview is still rendering after %n second(s); it shows the text of the last "
                         "finished render. Typing and saving are not affected.", nullptr, seconds));
    });

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

    // Plain widgets, not a page: they show even when WebEngine itself is what failed.
    m_errorPane = new QWidget(this);
    m_errorPane->setObjectName(u"previewError"_s);
    m_errorPane->setAutoFillBackground(true);
    m_errorLabel = new QLabel(m_errorPane);
    m_errorLabel->setObjectName(u"previewErrorLabel"_s);
    m_errorLabel->setTextFormat(Qt::PlainText); // the detail comes from Chromium or the post's URL
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_retryButton = new QPushButton(m_errorPane);
    m_retryButton->setObjectName(u"previewRetryButton"_s);
    connect(m_retryButton, &QPushButton::clicked, this, &PreviewWidget::retryLoad);
    auto *errorLayout = new QVBoxLayout(m_errorPane);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorLabel);
    errorLayout->addWidget(m_retryButton, 0, Qt::AlignHCenter);
    errorLayout->addStretch();
    m_errorPane->hide();
    retranslateErrorPane();
}

PreviewWidget::~PreviewWidget()
{
    // Nothing the page reports while it goes down is news to anyone.
    m_page->disconnect(this);
    m_loadTimer.stop();
    m_renderTimer.stop();
    // The page must go before its profile (docs/decisions.md, "Qt WebEngine housekeeping").
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
    m_target.clear();
    m_sending.reset();
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
    if (event->type() == QEvent::LanguageChange)
        retranslateErrorPane();
}

void PreviewWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_errorPane->setGeometry(rect());
}

void PreviewWidget::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadFailedStatus || info.isErrorPage())
        return;
    // A load replaced by a newer one (Retry, a mode switch) is aborted, not failed; the
    // watchdog still covers the newer one. -3 is Chromium's net::ERR_ABORTED.
    if (info.errorCode() == -3 && info.errorDomain() == QWebEngineLoadingInfo::InternalErrorDomain)
        return;
    qCWarning(lcPreview) << "preview page failed to load:" << info.url() << info.errorCode() << info.errorString();
    m_ready = false;
    showLoadError({LoadFailure::Kind::Failed, info.errorString()});
}

QString PreviewWidget::loadFailureText(const LoadFailure &failure) const
{
    switch (failure.kind) {
    case LoadFailure::Kind::Failed:
        return tr("Loading the page failed (%1).").arg(failure.detail);
    case LoadFailure::Kind::TimedOut:
        return tr("The page did not finish loading within %n second(s).", nullptr,
                  static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(LoadBudget).count()));
    case LoadFailure::Kind::Stopped:
        return tr("The page's process stopped (exit code %1).").arg(failure.detail);
    }
    return {};
}

std::optional<QString> PreviewWidget::loadError() const
{
    if (!m_loadFailure)
        return std::nullopt;
    return loadFailureText(*m_loadFailure);
}

void PreviewWidget::showLoadError(const LoadFailure &failure)
{
    m_loadTimer.stop();
    m_loadFailure = failure;
    retranslateErrorPane();
    m_errorPane->setGeometry(rect());
    m_errorPane->show();
    m_errorPane->raise();
    m_loadFailureReported = true;
    Q_EMIT failed(tr("The preview could not load: %1 Press Retry in the preview to load it again.")
                      .arg(loadFailureText(failure)));
}

void PreviewWidget::hideLoadError()
{
    m_loadFailure.reset();
    m_errorPane->hide();
}

void PreviewWidget::retranslateErrorPane()
{
    m_retryButton->setText(tr("Retry"));
    if (!m_loadFailure)
        return;
    m_errorLabel->setText(tr("The preview could not load.\n\n%1\n\nYour text is safe in the editor. Press Retry "
                             "to load the preview again; if it keeps failing, check the post's url and slug "
                             "in the front matter and the Problems panel.")
                              .arg(loadFailureText(*m_loadFailure)));
}

void PreviewWidget::retryLoad()
{
    if (m_hasPost)
        loadPage();
}

void PreviewWidget::watchRender(quint64 revision)
{
    m_watchedRevision = std::max(m_watchedRevision, revision);
    // Not restarted by each keystroke: the budget counts from the oldest unanswered request.
    if (!m_renderTimer.isActive() && !m_renderOverdue)
        m_renderTimer.start();
}

void PreviewWidget::loadPage()
{
    m_ready = false;
    hideLoadError(); // a fresh attempt; its own failure shows the error again
    m_loadTimer.start();
    m_scheme->setEmbedMode(m_mode);
    m_scheme->setTheme(effectiveTheme());
    m_interceptor->setOffline(m_mode == EmbedMode::Offline);
    m_page->setPageUrl(pageUrl());
    m_page->load(pageUrl());
}

void PreviewWidget::onReady()
{
    qCDebug(lcPreview) << "page ready," << m_target.size() << "blocks to show";
    m_ready = true;
    m_loadTimer.stop();
    // After Retry, or a page that was only slow: it is here after all.
    hideLoadError();
    if (m_loadFailureReported) {
        m_loadFailureReported = false;
        Q_EMIT recovered(tr("The preview has loaded."));
    }
    // A fresh page: empty it of whatever it shows, then bring it to the newest render.
    m_blocks.clear();
    Q_EMIT m_bridge->resetRequested(0.0, QStringList());
    startPatch();
    Q_EMIT ready();
}

void PreviewWidget::showRender(quint64 revision, const RenderResult &result)
{
    m_revision = revision;
    if (revision >= m_watchedRevision) {
        m_renderTimer.stop();
        if (m_renderOverdue) {
            m_renderOverdue = false;
            Q_EMIT recovered(tr("The preview has caught up with the text."));
        }
    } else if (m_renderTimer.isActive()) {
        m_renderTimer.start(); // the worker is making progress; give the newest its budget
    }
    m_target = result.blocks;
    if (m_ready)
        startPatch(); // else onReady() sends it
}

void PreviewWidget::startPatch()
{
    // Against what the page will show once it has applied every piece already sent: a render
    // that comes while an older one is still going in takes over from there.
    BlockPatch patch = diffBlocks(m_blocks, m_target);
    m_sending = Sending{m_revision, patch.keepBefore, patch.removed, std::move(patch.inserted), 0};
    sendNextChunk();
}

void PreviewWidget::sendNextChunk()
{
    if (!m_sending || !m_ready)
        return; // replaced by a newer render, or the page is loading again (onReady resends)
    Sending &s = *m_sending;
    qsizetype end = s.next;
    qsizetype chars = 0;
    while (end < s.inserted.size() && (end == s.next || chars + s.inserted.at(end).html.size() <= ChunkChars))
        chars += s.inserted.at(end++).html.size();
    const QList<RenderBlock> piece = s.inserted.mid(s.next, end - s.next);
    const bool last = end == s.inserted.size();
    Q_EMIT m_bridge->patchRequested(last ? static_cast<double>(s.revision) : 0.0, static_cast<int>(s.at),
                                    static_cast<int>(s.removed), htmlOf(piece));
    QList<RenderBlock> shown; // m_blocks with the piece in place of what it replaces
    shown.reserve(m_blocks.size() - s.removed + piece.size());
    shown.append(m_blocks.mid(0, s.at));
    shown.append(piece);
    shown.append(m_blocks.mid(s.at + s.removed));
    m_blocks = std::move(shown);
    s.at += piece.size();
    s.removed = 0;
    s.next = end;
    if (last) {
        m_sending.reset();
        return;
    }
    QTimer::singleShot(0, this, &PreviewWidget::sendNextChunk);
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
