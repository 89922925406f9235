// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (issue #3): arbitrary bytes through the whole document path — split the
// post, parse its front matter, patch a key, expand shortcodes, render — under ASan + UBSan.
// No crash, no hang, no leak. Run: packaging/dev.sh fuzz [SECONDS]
//
// Issue #20: the same bytes also go through the permalink and URL handling — the post's own
// `url`, `slug` and `aliases`, and each line of the input as a url, slug, alias and section
// path — and the invariants that keep a page inside the site are checked (a violation traps,
// so libFuzzer keeps the input): permalinkPath() starts with "/" and has no ".." segment,
// siteUrlPath() results start with "/" and have no ".." segment, and what confinedPath()
// accepts lies below its folder.

#include "document/postfile.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"
#include "site/site.h"
#include "util/confinedpath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace frontmark;

namespace {

// A real Hugo site on disk (config, content and static folders), so permalinkPath() takes its
// section branch and confinedPath() resolves real folders. Made once, removed at exit.
struct FuzzSite {
    QTemporaryDir dir;
    QString root;
    Site site;
    FuzzSite()
    {
        root = dir.path() + QStringLiteral("/site");
        QDir().mkpath(root + QStringLiteral("/content/posts"));
        QDir().mkpath(root + QStringLiteral("/static/images"));
        QFile config(root + QStringLiteral("/hugo.toml"));
        if (config.open(QIODevice::WriteOnly))
            config.write("title = 'fuzz'\n");
        config.close();
        site = Site::forPost(root + QStringLiteral("/content/posts/x.md"));
    }
};

bool hasParentSegment(const QString &path)
{
    return path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

void checkPermalink(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || hasParentSegment(path))
        __builtin_trap();
}

void checkSiteUrl(const QString &url, const QString &pagePath)
{
    const std::optional<QString> path = siteUrlPath(url, pagePath);
    if (path && (!path->startsWith(QLatin1Char('/')) || hasParentSegment(*path)))
        __builtin_trap();
}

void checkConfined(const QString &folder, const QString &relative)
{
    const Result<QString> path = confinedPath(folder, relative);
    if (path.ok() && !path.value().startsWith(folder + QLatin1Char('/')))
        __builtin_trap();
}

// The permalink and URL handling of issue #20 for one post's front matter and one input line.
void fuzzPaths(const Value &frontMatter, const QString &line)
{
    static const FuzzSite fuzzSite;
    const Site &site = fuzzSite.site;
    const QString content = site.contentDir();
    const QString post = content + QStringLiteral("/posts/x.md");

    // The post's own front matter, in a site and outside one.
    const QString page = site.permalinkPath(post, frontMatter);
    checkPermalink(page);
    checkPermalink(Site().permalinkPath(QStringLiteral("/nonexistent/x.md"), frontMatter));
    const Value aliases = frontMatter.isMap() ? [&] {
        for (const auto &[key, value] : frontMatter.toMap()) {
            if (key.compare(QStringLiteral("aliases"), Qt::CaseInsensitive) == 0)
                return value;
        }
        return Value();
    }() : Value();
    for (const Value &alias : aliases.toList())
        checkSiteUrl(alias.toString(), page);
    if (aliases.isString())
        checkSiteUrl(aliases.toString(), page);

    // The line as each value, and as the section path of a post (a leaf bundle and a section page too).
    const QString linePage = site.permalinkPath(post, Value::fromMap({{QStringLiteral("url"), Value(line)}}));
    checkPermalink(linePage);
    checkPermalink(site.permalinkPath(post, Value::fromMap({{QStringLiteral("slug"), Value(line)}})));
    // A NUL cannot be in a file name (QFileInfo only warns); the rest of the line can.
    const QString section = QString(line).replace(QChar(0), QLatin1Char('_'));
    for (const QString &name : {QStringLiteral("/x.md"), QStringLiteral("/index.md"), QStringLiteral("/_index.md")}) {
        const QString sectionPost = content + QLatin1Char('/') + section + name;
        checkPermalink(site.permalinkPath(sectionPost, Value()));
        checkPermalink(site.permalinkPath(sectionPost, Value::fromMap({{QStringLiteral("slug"), Value(line)}})));
    }
    checkSiteUrl(line, page);
    checkSiteUrl(line, linePage);
    checkSiteUrl(line, line);
    checkConfined(site.staticDirs().value(0, fuzzSite.root + QStringLiteral("/static")), line);
    checkConfined(content, line);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0; // larger inputs add time, not coverage
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    static const MarkdownRenderer renderer;

    const auto post = PostFile::fromBytes(bytes, QStringLiteral("fuzz.md"));
    RenderOptions options;
    options.hugoVersion = (size % 2) ? HugoVersion::V0_111 : HugoVersion::Current;
    options.postPath = QStringLiteral("/nonexistent/fuzz.md");
    Value frontMatter;
    if (post.ok()) {
        PostFile copy = post.value();
        (void)copy.frontMatter().setValue(QStringLiteral("title"), Value(QStringLiteral("t \"x\": y")));
        (void)copy.frontMatter().remove(QStringLiteral("draft"));
        options.bodyFirstLine = post.value().bodyFirstLine();
        frontMatter = post.value().frontMatter().toMap();
        const QString body = QString::fromUtf8(post.value().body());
        (void)renderer.render(body, options);
        (void)imageLimitWarnings(findImages(body, options), options.postPath); // issue #21
    } else {
        (void)renderer.render(QString::fromUtf8(bytes), options);
    }

    // Issue #20: each of the first lines as a url, slug, alias and section path (bounded, so
    // a long input costs its render, not thousands of file-system lookups).
    const QList<QByteArray> lines = bytes.split('\n');
    const qsizetype count = std::min<qsizetype>(lines.size(), 16);
    for (qsizetype i = 0; i < count; ++i)
        fuzzPaths(frontMatter, QString::fromUtf8(lines.at(i).left(4096)));
    return 0;
}
