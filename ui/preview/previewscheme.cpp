// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewscheme.h"

#include "uilog.h"

#include <QBuffer>
#include <QFile>
#include <QJsonObject>
#include <QJsonDocument>
#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUrl>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

using namespace Qt::StringLiterals;

namespace frontmark {

void registerPreviewScheme()
{
    QWebEngineUrlScheme scheme(QStringView(PreviewScheme).toLatin1());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: a secure context, so YouTube's player and the page's own APIs behave as on
    // https. Not LocalAccessAllowed: the page must not read file: URLs (decision 9).
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(scheme);
}

PreviewSchemeHandler::PreviewSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{
}

void PreviewSchemeHandler::setPost(const Site &site, const QString &postPath, const QString &permalinkPath)
{
    m_site = site;
    m_postPath = postPath;
    m_permalink = permalinkPath.isEmpty() ? u"/"_s : permalinkPath;
    if (!m_permalink.endsWith(u'/'))
        m_permalink += u'/';
}

QString PreviewSchemeHandler::contentSecurityPolicy(EmbedMode mode)
{
    // Only our own scripts; no inline script or event handler from content (a raw <script>
    // or onerror= in an unsafe site never runs). Inline style attributes stay allowed:
    // Hugo's own youtube/vimeo markup uses them.
    QString csp = u"default-src 'none'; script-src fmsite://site/__frontmark/; "
                  u"style-src fmsite: 'unsafe-inline'; font-src fmsite: data:; "
                  u"connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; "_s;
    // Remote images stay allowed here even offline: the request interceptor is what keeps
    // the preview off the network, and it reports each blocked request.
    csp += u"img-src fmsite: data: https: http:; media-src fmsite: https:; "_s;
    if (mode == EmbedMode::Offline)
        csp += u"frame-src 'none'"_s;
    else
        csp += u"frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com"_s;
    return csp;
}

QString PreviewSchemeHandler::pageStrings()
{
    const auto label = [](const char *text) { return QCoreApplication::translate("frontmark::PreviewPage", text); };
    const QJsonObject strings{
        {u"offlinePlayer"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Offline preview: the published post shows the %1 player here."))},
        {u"remoteEmbed"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Remote embed, not loaded yet."))},
        {u"loadPlayer"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Load %1 player"))},
        {u"offlineGist"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Offline preview: the published post shows this gist here."))},
        {u"gistScript"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "The published post loads this gist with a script; the preview runs no scripts."))},
        {u"script"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Script"))},
        {u"inlineScript"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "inline script"))},
        {u"scriptNote"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Scripts in the post do not run in the preview."))},
        {u"offlineEmbed"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Offline preview: the published post embeds this here."))},
        {u"embedLink"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "The published post embeds this; the preview shows the link."))},
        {u"imageNotFound"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Image not found: "))},
        {u"remoteOffline"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Remote image, not loaded offline: "))},
        {u"imageFailed"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Image could not be loaded: "))},
        {u"altText"_s, label(QT_TRANSLATE_NOOP("frontmark::PreviewPage", "Alt text: "))},
    };
    return QString::fromUtf8(QJsonDocument(strings).toJson(QJsonDocument::Compact));
}

QByteArray PreviewSchemeHandler::pageShell() const
{
    QFile file(u":/preview/preview.html"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString html = QString::fromUtf8(file.readAll());
    const QString mode = m_mode == EmbedMode::Offline ? u"offline"_s
                       : m_mode == EmbedMode::ClickToLoad ? u"click"_s : u"live"_s;
    // The widget resolves "follow the system" before it gets here.
    const QString theme = m_theme == PreviewTheme::Dark ? u"dark"_s : u"light"_s;
    html.replace(u"@CSP@"_s, contentSecurityPolicy(m_mode).toHtmlEscaped());
    html.replace(u"@MODE@"_s, mode);
    html.replace(u"@THEME@"_s, theme);
    html.replace(u"@LANG@"_s, m_language.toHtmlEscaped());
    html.replace(u"@TITLE@"_s, QFileInfo(m_postPath).fileName().toHtmlEscaped());
    html.replace(u"@STRINGS@"_s, pageStrings().toHtmlEscaped());
    return html.toUtf8();
}

static void replyWith(QWebEngineUrlRequestJob *job, const QByteArray &mime, const QByteArray &data)
{
    auto *buffer = new QBuffer(job);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    job->reply(mime, buffer);
}

void PreviewSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    qCDebug(lcPreview) << "request" << url;
    if (job->requestMethod() != "GET" || url.host() != QStringView(PreviewHost)) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.contains(QChar(0)) || path.contains(u'\\')) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }

    // The page's own files.
    static constexpr QStringView ownPrefix = u"/__frontmark/";
    if (path.startsWith(ownPrefix)) {
        const QString name = path.mid(ownPrefix.size());
        QString resource;
        QByteArray mime;
        if (name == u"preview.css") {
            resource = u":/preview/preview.css"_s;
            mime = "text/css";
        } else if (name == u"preview.js") {
            resource = u":/preview/preview.js"_s;
            mime = "text/javascript";
        } else if (name == u"qwebchannel.js") {
            resource = u":/qtwebchannel/qwebchannel.js"_s;
            mime = "text/javascript";
        }
        QFile file(resource);
        if (resource.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        replyWith(job, mime, file.readAll());
        return;
    }

    if (path == m_permalink || path == m_permalink + u"index.html"_s) {
        replyWith(job, "text/html", pageShell());
        return;
    }

    // Content files: a page-bundle resource relative to the post, then a site path.
    std::optional<QString> file;
    if (path.startsWith(m_permalink) && m_permalink != u"/")
        file = m_site.resolveLocal(path.mid(m_permalink.size()), m_postPath);
    if (!file)
        file = m_site.resolveLocal(path, m_postPath);
    if (!file) {
        qCDebug(lcPreview) << "preview: not serving" << path;
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *device = new QFile(*file, job);
    if (!device->open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    static const QMimeDatabase mimes;
    job->reply(mimes.mimeTypeForFile(*file, QMimeDatabase::MatchExtension).name().toUtf8(), device);
}

} // namespace frontmark
