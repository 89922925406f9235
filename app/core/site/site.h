// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/value.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace frontmark {

/// The Goldmark settings Hugo reads from `markup.goldmark.*`, with Hugo's defaults.
struct MarkupSettings {
    bool unsafe = false;          // renderer.unsafe: pass raw HTML through
    bool typographer = true;      // extensions.typographer
    bool linkify = true;          // extensions.linkify
    bool footnote = true;         // extensions.footnote
    bool definitionList = true;   // extensions.definitionList
    bool table = true;            // extensions.table
    bool strikethrough = true;    // extensions.strikethrough
    bool taskList = true;         // extensions.taskList
    bool autoHeadingID = true;    // parser.autoHeadingID
    bool attributeTitle = true;   // parser.attribute.title ({#id} after headings)
    bool hardWraps = false;       // renderer.hardWraps
};

/**
 * A Hugo site as the renderer needs it: where its root, content and static folders are,
 * its Markdown settings and its params. Found from a post's path by walking up to the
 * first folder with hugo.{toml,yaml,json}, config.{toml,yaml,json} or config/_default/.
 * A post outside any site gets Hugo's defaults and resolves images beside itself.
 *
 * Keys in Hugo's configuration are case-insensitive, and so are they here. A value type;
 * immutable after loading; any thread.
 */
class Site
{
    Q_DECLARE_TR_FUNCTIONS(frontmark::Site)
public:
    /// Hugo's defaults, no root: images resolve relative to `postDir` only.
    Site() = default;

    /// The site that contains `postPath`, or a default site around it. A site whose config
    /// does not parse still loads (with defaults) and reports the error in configError().
    static Site forPost(const QString &postPath);
    /// The site rooted at `rootDir` (which holds the config file).
    static Result<Site> load(const QString &rootDir);

    bool isHugoSite() const { return !m_root.isEmpty(); }
    QString root() const { return m_root; }
    /// Absolute content folder (contentDir, default "content").
    QString contentDir() const { return m_contentDir; }
    /// Absolute static folders in Hugo's lookup order: the site's staticDir(s) first, then
    /// each theme's static folder.
    QStringList staticDirs() const { return m_staticDirs; }
    /// Absolute folders of the configured themes (`theme`, in Hugo's order), existing ones only.
    QStringList themeDirs() const { return m_themeDirs; }
    /// True if the site or one of its themes has a template for shortcode `name`
    /// (layouts/shortcodes/<name>.html, .md, … or the same under layouts/_shortcodes/).
    bool hasShortcodeTemplate(const QString &name) const;
    const MarkupSettings &markup() const { return m_markup; }
    bool youtubePrivacyEnhanced() const { return m_youtubePrivacyEnhanced; }
    /// refLinksNotFoundURL (what an unresolved ref/relref renders as).
    QString refLinksNotFoundUrl() const { return m_refNotFoundUrl; }
    /// The site's baseURL as configured ("https://example.org/"), empty if unset.
    QString baseUrl() const { return m_baseUrl; }
    /// A site param (`params.x.y` as "x.y"), case-insensitive; null if absent.
    Value param(const QString &dottedKey) const;
    /// The whole configuration as read (keys as written).
    const Value &config() const { return m_config; }
    const std::optional<Error> &configError() const { return m_configError; }
    /// Overrides markup.goldmark.renderer.unsafe (`frontmark-cli render --unsafe`).
    void setUnsafe(bool unsafe) { m_markup.unsafe = unsafe; }
    /// Overrides refLinksNotFoundURL.
    void setRefLinksNotFoundUrl(const QString &url) { m_refNotFoundUrl = url; }

    /// The file on disk that `url` (as written in `postPath`'s Markdown: "/images/x.jpg",
    /// "x.jpg", "../img/y.png") refers to, if it is local and exists inside the site's static
    /// or content folders (or, outside a site, beside the post). Never returns a path outside
    /// those folders: ".." and symlinks that escape are refused. nullopt for remote URLs
    /// (http:, https:, //host, data:) and for missing files.
    std::optional<QString> resolveLocal(const QString &url, const QString &postPath) const;
    /// True if `url` is local (no scheme, not protocol-relative): resolveLocal() applies.
    static bool isLocalUrl(const QString &url);

    /// The post's permalink path ("/posts/slug/"), Hugo's default: section + file name, or
    /// the front matter's slug/url. Used to resolve relative URLs and ref/relref, and as the
    /// preview page's path. Always a path below the site's root, starting with "/": ".." is
    /// cleaned away as Hugo cleans it, and a `url` with an http(s) protocol (a build error in
    /// Hugo, which the validator reports) is ignored.
    QString permalinkPath(const QString &postPath, const Value &frontMatter) const;
    /// True for "http://…" and "https://…", which Hugo refuses as a page's `url`.
    static bool hasHttpProtocol(const QString &url);
    /// Absolute path of the content file a ref/relref target names ("posts/x.md", "x",
    /// "/about"), if it exists in the content folder.
    std::optional<QString> findContent(const QString &ref, const QString &fromPostPath) const;

private:
    QString m_root;
    QString m_contentDir;
    QStringList m_staticDirs;
    QStringList m_themeDirs;
    MarkupSettings m_markup;
    bool m_youtubePrivacyEnhanced = false;
    QString m_refNotFoundUrl;
    QString m_baseUrl;
    Value m_config;
    std::optional<Error> m_configError;
};

} // namespace frontmark
