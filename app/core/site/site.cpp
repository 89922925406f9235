// SPDX-License-Identifier: GPL-3.0-or-later
#include "site.h"

#include "document/frontmatter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

// Hugo 0.110+ reads hugo.* first and falls back to the older config.* name; the first file
// found is the site's config file (gohugo.io/getting-started/configuration).
const QStringList &configBaseNames()
{
    static const QStringList names{u"hugo"_s, u"config"_s};
    return names;
}

const QStringList &configSuffixes()
{
    static const QStringList suffixes{u"toml"_s, u"yaml"_s, u"yml"_s, u"json"_s};
    return suffixes;
}

// The content formats Hugo recognises by file extension (gohugo.io/content-management/formats).
const QStringList &contentSuffixes()
{
    static const QStringList suffixes{u"md"_s,   u"markdown"_s, u"mdown"_s,  u"mkd"_s,  u"mkdn"_s,
                                      u"html"_s, u"htm"_s,      u"adoc"_s,   u"asciidoc"_s,
                                      u"ad"_s,   u"org"_s,      u"pandoc"_s, u"pdc"_s,  u"rst"_s};
    return suffixes;
}

bool isContentFile(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    return dot > 0 && contentSuffixes().contains(fileName.mid(dot + 1).toLower());
}

FrontMatterFormat formatForSuffix(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (s == u"toml"_s)
        return FrontMatterFormat::Toml;
    if (s == u"json"_s)
        return FrontMatterFormat::Json;
    return FrontMatterFormat::Yaml;
}

// --- configuration values, with Hugo's case-insensitive keys ------------------------------

std::optional<bool> asBool(const Value &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == u"true"_s)
            return true;
        if (s == u"false"_s)
            return false;
    }
    return std::nullopt;
}

void readBool(bool &target, const Value &v)
{
    if (const auto b = asBool(v))
        target = *b;
}

// Hugo's Params.Set: values of `src` overwrite those of `dst`; maps merge recursively.
void mergeInto(Value::Map &dst, const Value::Map &src)
{
    for (const auto &[key, value] : src) {
        const QString &name = key; // clang 14 cannot capture a structured binding
        auto it = std::find_if(dst.begin(), dst.end(), [&name](const auto &entry) {
            return entry.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == dst.end()) {
            dst.append({key, value});
        } else if (it->second.isMap() && value.isMap()) {
            Value::Map merged = it->second.toMap();
            mergeInto(merged, value.toMap());
            it->second = Value::fromMap(merged);
        } else {
            it->second = value;
        }
    }
}

Value::Map nestUnder(const QStringList &keyPath, const Value::Map &item)
{
    Value::Map out = item;
    for (qsizetype i = keyPath.size() - 1; i >= 0; --i)
        out = Value::Map{{keyPath[i], Value::fromMap(out)}};
    return out;
}

Result<Value::Map> readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Kind::Io, Site::tr("Cannot read the site configuration: %1.").arg(file.errorString()),
                     path, 0, 0};
    }
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.trimmed().isEmpty())
        return Value::Map{};
    const FrontMatter parsed(formatForSuffix(QFileInfo(path).suffix()), bytes, path, 1);
    if (!parsed.isValid())
        return *parsed.error();
    return parsed.toMap().toMap();
}

// The root config file (hugo.* before config.*), or empty.
QString rootConfigFile(const QDir &root)
{
    for (const QString &base : configBaseNames()) {
        for (const QString &suffix : configSuffixes()) {
            const QString path = root.filePath(base + u'.' + suffix);
            if (QFileInfo(path).isFile())
                return path;
        }
    }
    return {};
}

// config/_default/*.{toml,yaml,yml,json} in name order, as Hugo walks the folder.
QStringList configDirFiles(const QDir &root)
{
    const QDir dir(root.filePath(u"config/_default"_s));
    if (!dir.exists())
        return {};
    QStringList filters;
    for (const QString &suffix : configSuffixes())
        filters << u"*."_s + suffix;
    QStringList out;
    const auto names = dir.entryList(filters, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        out << dir.filePath(name);
    return out;
}

bool hasConfig(const QDir &dir)
{
    return !rootConfigFile(dir).isEmpty() || QFileInfo(dir.filePath(u"config/_default"_s)).isDir();
}

// Where a config/_default file's values go: hugo.toml and config.toml at the root, params.toml
// under "params", menus.en.toml under languages.en.menus (Hugo's loadConfigFromConfigDir).
QStringList configDirKeyPath(const QString &filePath)
{
    QStringList parts = QFileInfo(filePath).fileName().split(u'.');
    parts.removeLast(); // the format suffix
    const QString name = parts.value(0).toLower();
    const QString lang = parts.size() > 1 ? parts.value(1) : QString();
    if (name == u"hugo"_s || name == u"config"_s)
        return lang.isEmpty() ? QStringList() : QStringList{u"languages"_s, lang};
    if (lang.isEmpty())
        return {parts.value(0)};
    QStringList path{u"languages"_s, lang};
    if (name == u"menu"_s || name == u"menus"_s)
        path << u"menus"_s;
    else if (name == u"params"_s)
        path << u"params"_s;
    return path;
}

QString absoluteIn(const QString &root, const QString &path)
{
    return QDir::cleanPath(QDir(root).absoluteFilePath(path));
}

QString withSlash(const QString &dir)
{
    return dir.endsWith(u'/') ? dir : dir + u'/';
}

// `path` relative to `dir` if it lies inside it (by absolute path, then by canonical path so a
// symlinked site folder still matches), '/'-separated.
std::optional<QString> relativeInside(const QString &dir, const QString &path)
{
    if (dir.isEmpty())
        return std::nullopt;
    const QString d = withSlash(QDir::cleanPath(QFileInfo(dir).absoluteFilePath()));
    const QFileInfo info(path);
    const QString p = QDir::cleanPath(info.absoluteFilePath());
    if (p.startsWith(d))
        return p.mid(d.size());
    const QString cd = QFileInfo(dir).canonicalFilePath();
    const QString cpDir = QFileInfo(info.absolutePath()).canonicalFilePath();
    if (cd.isEmpty() || cpDir.isEmpty())
        return std::nullopt;
    const QString cp = withSlash(cpDir) + info.fileName();
    if (cp.startsWith(withSlash(cd)))
        return cp.mid(withSlash(cd).size());
    return std::nullopt;
}

// Resolves "." and ".." in a '/'-separated path as a browser does for a URL path; nullopt if
// ".." climbs above the start.
std::optional<QString> normalizeSegments(const QString &path)
{
    QStringList out;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &s = segments[i];
        if (s == u".."_s) {
            if (out.isEmpty())
                return std::nullopt;
            out.removeLast();
        } else if (!s.isEmpty() && s != u"."_s) {
            out << s;
        }
    }
    return out.join(u'/');
}

// Go's path.Clean for a rooted path: "." and empty segments dropped, ".." taking one back and
// never climbing above "/". No trailing slash (but "/" itself).
QString clampedPath(const QString &path)
{
    QStringList out;
    for (const QString &segment : path.split(u'/')) {
        if (segment == u"..") {
            if (!out.isEmpty())
                out.removeLast();
        } else if (!segment.isEmpty() && segment != u".") {
            out << segment;
        }
    }
    return u'/' + out.join(u'/');
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Hugo's PathSpec.UnicodeSanitize, which MakePath applies to default permalinks: letters,
// digits, marks and ._-~#+@\/ are kept, a run of spaces becomes one hyphen, anything else
// is dropped. (Lower-casing, which Hugo also does unless disablePathToLower, is not applied.)
QString sanitizePathSegment(const QString &segment)
{
    QString out;
    bool prependHyphen = false;
    bool wasHyphen = false;
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const QChar c = segment[i];
        // Per code point, as Go ranges over runes: 𠮷 (outside the BMP) is a letter too.
        const bool pair = c.isHighSurrogate() && i + 1 < segment.size() && segment[i + 1].isLowSurrogate();
        const char32_t ucs = pair ? QChar::surrogateToUcs4(c, segment[i + 1]) : c.unicode();
        bool allowed = QChar::isLetterOrNumber(ucs) || QChar::isMark(ucs) || (!pair && u"._-~#+@\\/"_s.contains(c));
        if (c == u'%' && i + 2 < segment.size() && isHexDigit(segment[i + 1]) && isHexDigit(segment[i + 2])) {
            allowed = true;
        }
        if (allowed) {
            wasHyphen = c == u'-';
            if (prependHyphen) {
                if (!wasHyphen)
                    out += u'-';
                prependHyphen = false;
            }
            out += c;
            if (pair)
                out += segment[++i];
        } else if (!out.isEmpty() && !wasHyphen && QChar::isSpace(ucs)) {
            prependHyphen = true;
        }
    }
    return out;
}

bool isLeafBundle(const QString &postPath)
{
    return QFileInfo(postPath).completeBaseName() == u"index"_s;
}

bool isBundle(const QString &postPath)
{
    const QString base = QFileInfo(postPath).completeBaseName();
    return base == u"index"_s || base == u"_index"_s;
}

// The canonical path of `candidate` if it is a regular file inside one of `roots` (canonical
// folder paths). Symlinks are followed first, so one that points outside is refused.
std::optional<QString> acceptFile(const QString &candidate, const QStringList &roots)
{
    const QString canonical = QFileInfo(candidate).canonicalFilePath();
    if (canonical.isEmpty() || !QFileInfo(canonical).isFile())
        return std::nullopt;
    for (const QString &root : roots) {
        if (canonical.startsWith(withSlash(root)))
            return canonical;
    }
    return std::nullopt;
}

QStringList canonicalDirs(const QStringList &dirs)
{
    QStringList out;
    for (const QString &dir : dirs) {
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (!canonical.isEmpty() && QFileInfo(canonical).isDir())
            out << canonical;
    }
    return out;
}

// A content file named by `key` ("posts/x.md", "posts/x", "posts/b", "" for home), relative to
// the content folder: the file itself, key.md…, key/index.md…, key/_index.md….
std::optional<QString> contentFileFor(const QString &contentDir, const QString &key, const QStringList &roots)
{
    QStringList candidates;
    const QString base = key.isEmpty() ? contentDir : contentDir + u'/' + key;
    if (!key.isEmpty() && isContentFile(key))
        candidates << base;
    for (const QString &suffix : contentSuffixes()) {
        if (!key.isEmpty())
            candidates << base + u'.' + suffix;
    }
    for (const QString &index : {u"index"_s, u"_index"_s}) {
        for (const QString &suffix : contentSuffixes())
            candidates << base + u'/' + index + u'.' + suffix;
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (auto hit = acceptFile(candidate, roots))
            return hit;
    }
    return std::nullopt;
}

// Hugo's lookup key for a content file: its content-relative path without extension, the
// folder for index/_index files; lower-case, as Hugo compares page paths.
QString lookupKey(const QString &relativePath)
{
    QString key = relativePath;
    const qsizetype slash = key.lastIndexOf(u'/');
    const qsizetype dot = key.lastIndexOf(u'.');
    if (dot > slash + 1)
        key.truncate(dot);
    const QString name = key.mid(slash + 1);
    if (name == u"index"_s || name == u"_index"_s)
        key.truncate(std::max<qsizetype>(slash, 0));
    return key.toLower();
}

} // namespace

Site Site::forPost(const QString &postPath)
{
    QString dir = QDir::cleanPath(QFileInfo(postPath).absolutePath());
    while (!dir.isEmpty()) {
        if (hasConfig(QDir(dir))) {
            auto site = load(dir);
            if (site.ok())
                return std::move(site).value();
            break;
        }
        if (dir == u"/"_s)
            break;
        const qsizetype slash = dir.lastIndexOf(u'/');
        dir = slash <= 0 ? u"/"_s : dir.left(slash);
    }
    return Site();
}

Result<Site> Site::load(const QString &rootDir)
{
    const QFileInfo rootInfo(rootDir);
    if (!rootInfo.isDir()) {
        return Error{Error::Kind::Io, Site::tr("The site folder does not exist or is not a folder."), rootDir, 0, 0};
    }
    const QDir root(QDir::cleanPath(rootInfo.absoluteFilePath()));
    const QString mainFile = rootConfigFile(root);
    const QStringList dirFiles = configDirFiles(root);
    if (mainFile.isEmpty() && !QFileInfo(root.filePath(u"config/_default"_s)).isDir()) {
        return Error{Error::Kind::Invalid,
                     Site::tr("This folder has no Hugo configuration: add hugo.toml (or hugo.yaml, hugo.json) "
                     "or a config/_default folder."),
                     rootDir, 0, 0};
    }

    Site site;
    site.m_root = root.path();

    // Hugo 0.111 loads the root file, then merges config/_default over it (the folder wins).
    Value::Map config;
    if (!mainFile.isEmpty()) {
        auto read = readConfigFile(mainFile);
        if (read.ok())
            mergeInto(config, read.value());
        else
            site.m_configError = read.error();
    }
    for (const QString &file : dirFiles) {
        if (site.m_configError)
            break;
        auto read = readConfigFile(file);
        if (read.ok())
            mergeInto(config, nestUnder(configDirKeyPath(file), read.value()));
        else
            site.m_configError = read.error();
    }
    if (site.m_configError) // a config that does not parse: Hugo's defaults, and say why
        config.clear();
    site.m_config = Value::fromMap(config);
    const Value &cfg = site.m_config;

    const QString contentDir = cfg.hugoValue(u"contentDir").toString().trimmed();
    site.m_contentDir = absoluteIn(site.m_root, contentDir.isEmpty() ? u"content"_s : contentDir);

    QStringList staticDirs = cfg.hugoValue(u"staticDir").toStringList();
    staticDirs.removeAll(QString());
    if (staticDirs.isEmpty())
        staticDirs << u"static"_s;
    for (const QString &dir : std::as_const(staticDirs))
        site.m_staticDirs << absoluteIn(site.m_root, dir);
    // Themes come after the site's own folders: the site overrides its themes, and the
    // left-most theme overrides the ones after it.
    const QString themesDirName = cfg.hugoValue(u"themesDir").toString().trimmed();
    const QString themesDir = absoluteIn(site.m_root, themesDirName.isEmpty() ? u"themes"_s : themesDirName);
    const QStringList themes = cfg.hugoValue(u"theme").toStringList();
    for (const QString &theme : themes) {
        const QString name = theme.trimmed();
        if (name.isEmpty())
            continue;
        const QString themeDir = QDir::cleanPath(themesDir + u'/' + name);
        if (QFileInfo(themeDir).isDir())
            site.m_themeDirs << themeDir;
        const QString dir = themeDir + u"/static"_s;
        if (QFileInfo(dir).isDir() && !site.m_staticDirs.contains(dir))
            site.m_staticDirs << dir;
    }

    const Value goldmark = cfg.hugoValue({u"markup", u"goldmark"});
    const Value renderer = goldmark.hugoValue(u"renderer");
    const Value extensions = goldmark.hugoValue(u"extensions");
    const Value parser = goldmark.hugoValue(u"parser");
    MarkupSettings &m = site.m_markup;
    readBool(m.unsafe, renderer.hugoValue(u"unsafe"));
    readBool(m.hardWraps, renderer.hugoValue(u"hardWraps"));
    // Newer Hugo writes the typographer as a map ({disable = true, leftSingleQuote = …}).
    const Value typographer = extensions.hugoValue(u"typographer");
    if (typographer.isMap()) {
        if (const auto disabled = asBool(typographer.hugoValue(u"disable")))
            m.typographer = !*disabled;
    } else {
        readBool(m.typographer, typographer);
    }
    readBool(m.linkify, extensions.hugoValue(u"linkify"));
    readBool(m.footnote, extensions.hugoValue(u"footnote"));
    readBool(m.definitionList, extensions.hugoValue(u"definitionList"));
    readBool(m.table, extensions.hugoValue(u"table"));
    readBool(m.strikethrough, extensions.hugoValue(u"strikethrough"));
    readBool(m.taskList, extensions.hugoValue(u"taskList"));
    readBool(m.autoHeadingID, parser.hugoValue(u"autoHeadingID"));
    // Hugo before 0.81 had parser.attribute as one bool (then only for titles).
    const Value attribute = parser.hugoValue(u"attribute");
    readBool(m.attributeTitle, attribute.isMap() ? attribute.hugoValue(u"title") : attribute);

    readBool(site.m_youtubePrivacyEnhanced, cfg.hugoValue({u"privacy", u"youtube", u"privacyEnhanced"}));
    const Value notFound = cfg.hugoValue(u"refLinksNotFoundURL");
    if (notFound.isString())
        site.m_refNotFoundUrl = notFound.toString();
    if (const Value base = cfg.hugoValue(u"baseURL"); base.isString())
        site.m_baseUrl = base.toString();
    return site;
}

Value Site::param(const QString &dottedKey) const
{
    if (dottedKey.isEmpty())
        return {};
    Value current = m_config.hugoValue(u"params");
    const QStringList parts = dottedKey.split(u'.');
    for (const QString &part : parts) {
        if (part.isEmpty())
            return {};
        current = current.hugoValue(part);
        if (current.isNull())
            return {};
    }
    return current;
}

bool Site::isLocalUrl(const QString &url)
{
    const QString u = url.trimmed();
    // Protocol-relative; browsers also read a backslash as a slash here.
    if (u.size() >= 2 && (u[0] == u'/' || u[0] == u'\\') && (u[1] == u'/' || u[1] == u'\\'))
        return false;
    // RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" before any '/', '?', '#'.
    const qsizetype colon = u.indexOf(u':');
    if (colon <= 0)
        return true;
    const auto isAsciiAlpha = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    };
    if (!isAsciiAlpha(u[0]))
        return true;
    for (qsizetype i = 1; i < colon; ++i) {
        const QChar c = u[i];
        if (!isAsciiAlpha(c) && !(c >= u'0' && c <= u'9') && c != u'+' && c != u'-' && c != u'.')
            return true;
    }
    return false;
}

std::optional<QString> Site::resolveLocal(const QString &url, const QString &postPath) const
{
    if (!isLocalUrl(url))
        return std::nullopt;
    QString path = url.trimmed();
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] == u'?' || path[i] == u'#') {
            path.truncate(i);
            break;
        }
    }
    path = QUrl::fromPercentEncoding(path.toUtf8());
    if (path.isEmpty() || path.contains(QChar(u'\0')))
        return std::nullopt;

    const QString postDir = QDir::cleanPath(QFileInfo(postPath).absolutePath());
    const QStringList roots = isHugoSite() ? canonicalDirs(m_staticDirs + QStringList{m_contentDir})
                                           : canonicalDirs({postDir});

    // A site-absolute path is served from the static folders (in order), then from content,
    // where Hugo publishes page resources at their page's permalink.
    const auto siteCandidates = [this](const QString &urlPath) {
        QStringList out;
        const auto normalized = normalizeSegments(urlPath);
        if (!isHugoSite() || !normalized || normalized->isEmpty())
            return out;
        for (const QString &dir : m_staticDirs)
            out << dir + u'/' + *normalized;
        out << m_contentDir + u'/' + *normalized;
        return out;
    };

    QStringList candidates;
    if (path.startsWith(u'/')) {
        candidates = siteCandidates(path);
    } else {
        // Relative: the browser resolves it against the page's URL. For a bundle that is its
        // own folder; for a plain post (/posts/x/) it is a folder that does not exist in
        // content, so the post's own folder is tried as well, as writers' editors do.
        const bool bundle = isBundle(postPath);
        if (bundle)
            candidates << postDir + u'/' + path;
        if (isHugoSite())
            candidates << siteCandidates(permalinkPath(postPath, Value()) + path);
        if (!bundle)
            candidates << postDir + u'/' + path;
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (auto hit = acceptFile(candidate, roots))
            return hit;
    }
    return std::nullopt;
}

bool Site::hasShortcodeTemplate(const QString &name) const
{
    if (!isHugoSite() || name.isEmpty() || name.contains(u'/') || name.startsWith(u'.'))
        return false;
    QStringList layoutDirs{m_root + u"/layouts"_s};
    for (const QString &theme : m_themeDirs)
        layoutDirs << theme + u"/layouts"_s;
    for (const QString &layouts : std::as_const(layoutDirs)) {
        for (const QString &folder : {u"/shortcodes"_s, u"/_shortcodes"_s}) {
            // name.html, name.en.html, name.amp.html, name.md …
            const QDir dir(layouts + folder);
            if (dir.exists() && !dir.entryList({name + u".*"_s}, QDir::Files).isEmpty())
                return true;
        }
    }
    return false;
}

QString Site::permalinkPath(const QString &postPath, const Value &frontMatter) const
{
    // Hugo does not sanitize `url`; it replaces the whole path. One with an http(s) protocol
    // is a build error (validator), so the page keeps its default path; anything else,
    // "javascript:x" included, is a path below the site's root, cleaned as Go's path.Clean
    // does (issue #20: a ".." cannot climb above "/").
    const Value url = frontMatter.hugoValue(u"url");
    if (url.isString() && !url.toString().trimmed().isEmpty() && !hasHttpProtocol(url.toString().trimmed())) {
        QString out = url.toString().trimmed();
        if (!out.startsWith(u'/'))
            out.prepend(u'/');
        out = clampedPath(out);
        // "/about" and "/about/" publish the same page; "/feed.xml" keeps its file name.
        const QString last = out.mid(out.lastIndexOf(u'/') + 1);
        if (!last.isEmpty() && !last.contains(u'.'))
            out += u'/';
        return out;
    }

    const QFileInfo info(postPath);
    const QString base = info.completeBaseName();
    const bool index = base == u"index"_s || base == u"_index"_s;
    QStringList segments;
    const auto relative = isHugoSite() ? relativeInside(m_contentDir, postPath) : std::nullopt;
    if (relative) {
        segments = relative->split(u'/', Qt::SkipEmptyParts);
        segments.removeLast(); // the file name
        if (!index)
            segments << base;
    } else {
        // Outside a site (or its content folder): the page is its own file, or its folder.
        segments << (index ? QFileInfo(info.absolutePath()).fileName() : base);
    }
    for (QString &segment : segments)
        segment = sanitizePathSegment(segment);
    // slug replaces the last segment of regular pages (leaf bundles included), not of
    // home or section pages (gohugo.io/content-management/urls/#slug).
    const Value slug = frontMatter.hugoValue(u"slug");
    if (base != u"_index"_s && !segments.isEmpty() && slug.isString() && !slug.toString().trimmed().isEmpty())
        segments.last() = sanitizePathSegment(slug.toString().trimmed());
    segments.removeAll(QString());
    // A slug may hold "/" and ".." ("../../etc"): Hugo cleans the joined path, so it stays
    // below the site's root ("/etc/").
    const QString joined = clampedPath(u'/' + segments.join(u'/'));
    return joined == u"/"_s ? joined : joined + u'/';
}

bool Site::hasHttpProtocol(const QString &url)
{
    return url.startsWith(u"http://"_s, Qt::CaseInsensitive) || url.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

std::optional<QString> Site::findContent(const QString &ref, const QString &fromPostPath) const
{
    QString target = ref.trimmed();
    const qsizetype hash = target.indexOf(u'#');
    if (hash >= 0)
        target.truncate(hash);
    // "#anchor" alone names the page itself.
    if (target.isEmpty()) {
        const QFileInfo self(fromPostPath);
        return self.isFile() ? std::optional<QString>(self.canonicalFilePath()) : std::nullopt;
    }

    const QString contentDir = isHugoSite() ? m_contentDir : QFileInfo(fromPostPath).absolutePath();
    const QStringList roots = canonicalDirs({contentDir});
    if (roots.isEmpty())
        return std::nullopt;

    // Hugo's getPageRef: a ref without a leading '/' is tried relative to the page's folder
    // first (for a leaf bundle, the folder that holds the bundle, unless the ref climbs out
    // with "../"), then from the content root, then by a unique base name.
    QStringList keys;
    if (target.startsWith(u'/')) {
        keys << target;
    } else {
        if (const auto rel = relativeInside(contentDir, fromPostPath)) {
            QString dir = rel->left(std::max<qsizetype>(rel->lastIndexOf(u'/'), 0));
            if (isLeafBundle(fromPostPath) && !target.startsWith(u"../"_s))
                dir = dir.left(std::max<qsizetype>(dir.lastIndexOf(u'/'), 0));
            keys << dir + u'/' + target;
        }
        keys << target;
    }
    QStringList normalizedKeys;
    for (const QString &key : std::as_const(keys)) {
        const auto normalized = normalizeSegments(key);
        if (!normalized)
            continue;
        if (auto hit = contentFileFor(contentDir, *normalized, roots))
            return hit;
        normalizedKeys << lookupKey(*normalized);
    }

    // Hugo compares page paths in lower case; and "x" or "x.md" alone may name a page by its
    // base name anywhere in content, if only one page has it.
    const bool byName = !target.contains(u'/');
    const QString name = lookupKey(target);
    std::optional<QString> nameHit;
    int nameHits = 0;
    QStringList files;
    QDirIterator it(contentDir, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : std::as_const(files)) {
        if (!isContentFile(file))
            continue;
        const auto rel = relativeInside(contentDir, file);
        if (!rel)
            continue;
        const QString key = lookupKey(*rel);
        if (normalizedKeys.contains(key)) {
            if (auto hit = acceptFile(file, roots))
                return hit;
        }
        if (byName && key.mid(key.lastIndexOf(u'/') + 1) == name) {
            if (auto hit = acceptFile(file, roots)) {
                if (!nameHit || *nameHit != *hit)
                    ++nameHits;
                nameHit = hit;
            }
        }
    }
    if (nameHits == 1)
        return nameHit;
    return std::nullopt; // missing, or ambiguous (Hugo: "page reference is ambiguous")
}

} // namespace frontmark
