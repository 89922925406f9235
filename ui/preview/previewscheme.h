// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "site/site.h"

#include <QString>
#include <QWebEngineUrlSchemeHandler>

namespace frontmark {

/// The preview's URL scheme and host: the page of post "/posts/x/" is fmsite://site/posts/x/.
inline constexpr char16_t PreviewScheme[] = u"fmsite";
inline constexpr char16_t PreviewHost[] = u"site";

/// Registers the fmsite scheme with WebEngine. Must run before the QApplication is created
/// (main(), or a Q_CONSTRUCTOR_FUNCTION in a test's own source file; docs/decisions.md, "Qt WebEngine housekeeping").
void registerPreviewScheme();

/// How the page shows remote embeds and whether it may reach the network.
enum class EmbedMode {
    Live,        // YouTube/Vimeo players embedded as the site publishes them
    ClickToLoad, // cards with a button that loads the player
    Offline,     // cards; every remote request is blocked
};

enum class PreviewTheme { System, Light, Dark };

/**
 * Serves the preview (docs/decisions.md, decisions 6 and 9) under fmsite://site/:
 * - the page shell at the post's permalink path (so "/images/x.jpg" and a page bundle's
 *   "x.jpg" resolve without rewriting the HTML), with a strict Content-Security-Policy;
 * - the page's own style sheet and scripts under /__frontmark/;
 * - every other path only if Site::resolveLocal() finds it inside the site's static or
 *   content folders (canonical paths: no "..", no symlink escapes); anything else fails
 *   with "not found".
 * Lives on the UI thread (WebEngine calls requestStarted() there); owned by the preview.
 */
class PreviewSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit PreviewSchemeHandler(QObject *parent = nullptr);

    /// The post being previewed; `permalinkPath` is where its page is served ("/posts/x/").
    void setPost(const Site &site, const QString &postPath, const QString &permalinkPath);
    void setEmbedMode(EmbedMode mode) { m_mode = mode; }
    void setTheme(PreviewTheme theme) { m_theme = theme; }
    void setLanguage(const QString &lang) { m_language = lang; }
    QString permalinkPath() const { return m_permalink; }

    /// The page shell's Content-Security-Policy for `mode` (exposed for tests and the CLI page).
    static QString contentSecurityPolicy(EmbedMode mode);
    /// The page's own labels (preview.js: embed cards, missing images) in the interface
    /// language, as JSON: the page's data-strings attribute, and what a language change sends.
    static QString pageStrings();

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    QByteArray pageShell() const;

    Site m_site;
    QString m_postPath;
    QString m_permalink = QStringLiteral("/");
    QString m_language = QStringLiteral("zh-Hant");
    EmbedMode m_mode = EmbedMode::Live;
    PreviewTheme m_theme = PreviewTheme::System;
};

} // namespace frontmark
