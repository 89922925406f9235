// SPDX-License-Identifier: GPL-3.0-or-later
#include "publisher.h"

#include "images/postimages.h"
#include "util/trcontexts.h"

#include "io/safewrite.h"
#include "validator.h"
#include "document/postfile.h"
#include "text/textutil.h"
#include "render/markdownrenderer.h"
#include "site/site.h"
#include "text/linediff.h"
#include "text/slug.h"
#include "util/confinedpath.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace frontmark::publisher {

namespace {

constexpr auto kError = Diagnostic::Severity::Error;
constexpr auto kWarning = Diagnostic::Severity::Warning;

// Hugo reads front matter keys case-insensitively: the key as the writer spelled it.
QString findKey(const FrontMatter &fm, QStringView lowerName)
{
    for (const QString &k : fm.keys()) {
        if (k.toLower() == lowerName)
            return k;
    }
    return {};
}

bool isInside(const QString &dir, const QString &path)
{
    if (dir.isEmpty() || path.isEmpty())
        return false;
    const QString d = QDir::cleanPath(QFileInfo(dir).absoluteFilePath()) + u'/';
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath()).startsWith(d);
}

bool samePath(const QString &a, const QString &b)
{
    return !a.isEmpty() && !b.isEmpty()
        && QDir::cleanPath(QFileInfo(a).absoluteFilePath()) == QDir::cleanPath(QFileInfo(b).absoluteFilePath());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// 1-based line and column (in UTF-16 units) of the first `needle` in text[from, to), or
// {0, 0}. The line comes from `lines`: walking the text from its first line for every image
// made a post with 50,000 images take over a minute to publish (issue #21).
std::pair<int, int> locate(const QString &text, const text::TextLines &lines, const QString &needle, qsizetype from,
                           qsizetype to)
{
    if (from < 0 || to <= from)
        return {0, 0};
    const qsizetype hit = QStringView(text).sliced(from, to - from).indexOf(needle);
    if (hit < 0)
        return {0, 0};
    return {lines.line(from + hit), int(from + hit - lines.lineStart(from + hit)) + 1};
}

bool looksLikeImagePath(const QString &s)
{
    static const QRegularExpression re(u"\\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)([?#].*)?$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return !s.contains(u'\n') && Site::isLocalUrl(s) && re.match(s).hasMatch();
}

// Image-looking strings anywhere in the front matter (cover.image, images: [...],
// featured_image…): themes read such keys, and a published post should carry its files.
void collectFrontMatterImages(const Value &v, QStringList &out)
{
    if (v.isString()) {
        if (looksLikeImagePath(v.toString().trimmed()))
            out << v.toString().trimmed();
    } else if (v.isList()) {
        for (const Value &item : v.toList())
            collectFrontMatterImages(item, out);
    } else if (v.type() == Value::Type::Map) {
        for (const auto &[key, item] : v.toMap())
            collectFrontMatterImages(item, out);
    }
}

struct ImageRef {
    QString url;
    int line = 0;
    int column = 0;
    bool inFrontMatter = false;
};

// Every local image the published page shows: <img src> in the rendered body (Markdown
// images, figure shortcodes, raw HTML the site keeps) and image paths in the front matter.
QList<ImageRef> imageRefs(const PostFile &post, const RenderResult &rendered)
{
    static const QRegularExpression imgSrc(u"<img\\b[^>]*?\\bsrc=\"([^\"]*)\""_s);
    QList<ImageRef> out;
    QSet<QString> seen;
    const QString fileText = QString::fromUtf8(post.toBytes());
    const text::TextLines lines(fileText);
    for (const RenderBlock &block : rendered.blocks) {
        // Only the block's own lines are searched, from just past the previous image (a
        // block's images come in order), so the look-ups stay linear in the post's length. A
        // reference image's URL is in its definition elsewhere: it is located at its block.
        const qsizetype blockStart = lines.startOfLine(block.firstLine);
        const qsizetype lastStart = lines.startOfLine(qMax(block.firstLine, block.lastLine));
        const qsizetype blockEnd = lastStart < 0 ? fileText.size() : lines.lineEnd(lastStart);
        qsizetype cursor = blockStart;
        auto it = imgSrc.globalMatch(block.html);
        while (it.hasNext()) {
            QString url = it.next().captured(1);
            url.replace(u"&amp;"_s, u"&"_s).replace(u"&quot;"_s, u"\""_s).replace(u"&#39;"_s, u"'"_s);
            if (url.isEmpty() || !Site::isLocalUrl(url) || seen.contains(url))
                continue;
            if (seen.size() >= kMaxImages)
                break; // as findImages() stops (imageProblems() says so): each costs look-ups
            seen.insert(url);
            auto [line, column] = locate(fileText, lines, url, cursor, blockEnd);
            if (line == 0 && cursor > blockStart)
                std::tie(line, column) = locate(fileText, lines, url, blockStart, blockEnd);
            if (line > 0)
                cursor = lines.startOfLine(line) + column;
            out.append({url, line > 0 ? line : block.firstLine, line > 0 ? column : 1, false});
        }
    }
    QStringList fmImages;
    const FrontMatter &fm = post.frontMatter();
    for (const QString &key : fm.keys()) {
        QStringList found;
        collectFrontMatterImages(fm.value(key), found);
        for (const QString &url : std::as_const(found)) {
            if (seen.contains(url))
                continue;
            seen.insert(url);
            const auto [keyLine, keyColumn] = fm.position(key);
            const auto [line, column] = locate(fileText, lines, url, qMax<qsizetype>(0, lines.startOfLine(keyLine)), fileText.size());
            out.append({url, line ? line : keyLine, line ? column : keyColumn, true});
        }
    }
    return out;
}

// Where a draft outside any site keeps the file a site path names: beside it as the URL
// says ("images/x.jpg"), in a static/ folder beside it (a copy of a site's layout), or
// just its file name beside the draft.
std::optional<QString> findBesideDraft(const QString &url, const QString &draftPath)
{
    if (draftPath.isEmpty())
        return std::nullopt;
    if (auto hit = Site().resolveLocal(url, draftPath))
        return hit;
    QString path = url.section(u'?', 0, 0).section(u'#', 0, 0);
    path = QUrl::fromPercentEncoding(path.toUtf8());
    const QString dir = QFileInfo(draftPath).absolutePath();
    const QStringList candidates{dir + u'/' + path, dir + u"/static/"_s + path,
                                 dir + u'/' + QFileInfo(path).fileName()};
    for (const QString &candidate : candidates) {
        const QString clean = QDir::cleanPath(candidate);
        // Only below the draft's folder: a "../" in the post must not reach elsewhere.
        if (!isInside(dir, clean))
            continue;
        const QFileInfo info(clean);
        if (info.isFile() && info.isReadable())
            return info.canonicalFilePath();
    }
    return std::nullopt;
}

// The file that serves `sitePath` (siteUrlPath()'s "/images/x.jpg") once it is in the site's
// first static folder; refused when a symlinked folder on the way leads out of it (issue #21).
Result<QString> staticTarget(const Site &site, const QString &sitePath)
{
    return confinedPath(site.staticDirs().value(0, site.root() + u"/static"_s), sitePath.mid(1));
}

Diagnostic located(Diagnostic::Severity severity, const QString &file, const ImageRef &ref, const QString &message)
{
    return Diagnostic{severity, message, file, ref.line, ref.column};
}

} // namespace

bool Plan::hasErrors() const
{
    return std::any_of(problems.begin(), problems.end(), [](const Diagnostic &d) { return d.isError(); });
}

bool Plan::hasWarnings() const
{
    return std::any_of(problems.begin(), problems.end(), [](const Diagnostic &d) { return !d.isError(); });
}

QString Plan::diff() const
{
    return text::unifiedDiff(oldBytes, newBytes, targetExists ? targetPath : u"/dev/null"_s, targetPath);
}

QString defaultName(const PostFile &post, const QDateTime &now)
{
    const FrontMatter &fm = post.frontMatter();
    QDate date = now.date();
    if (const QString key = findKey(fm, u"date"); !key.isEmpty()) {
        const Value v = fm.value(key);
        std::optional<DateTimeValue> dt;
        if (v.type() == Value::Type::DateTime)
            dt = v.toDateTime();
        else if (v.isString())
            dt = DateTimeValue::parse(v.toString());
        if (dt && dt->dateTime.isValid())
            date = dt->dateTime.date();
    }
    const QString titleKey = findKey(fm, u"title");
    const QString title = titleKey.isEmpty() ? QString() : fm.value(titleKey).toDisplayString();
    return date.toString(u"yyyy-MM-dd"_s) + u'-' + text::slugify(title);
}

Plan prepare(const PostFile &post, const QString &postPath, const Options &options)
{
    Plan plan;
    plan.sourcePath = postPath.isEmpty() ? QString() : QFileInfo(postPath).absoluteFilePath();
    const QString fileLabel = plan.sourcePath.isEmpty() ? u"Untitled"_s : plan.sourcePath;
    const auto problem = [&](Diagnostic::Severity severity, const QString &message, int line = 0, int column = 0) {
        plan.problems.append(Diagnostic{severity, message, fileLabel, line, column});
    };

    // Where it goes.
    const Site sourceSite = plan.sourcePath.isEmpty() ? Site() : Site::forPost(plan.sourcePath);
    Site site;
    if (sourceSite.isHugoSite() && isInside(sourceSite.contentDir(), plan.sourcePath)) {
        site = sourceSite;
        plan.targetPath = plan.sourcePath;
    } else {
        if (options.targetSite.isEmpty()) {
            problem(kError, Publisher::tr("This post is not inside a Hugo site: choose the site to publish it into."));
        } else if (auto loaded = Site::load(options.targetSite); !loaded.ok()) {
            problem(kError, Publisher::tr("“%1” is not a Hugo site we can read: %2").arg(options.targetSite, loaded.error().message));
        } else {
            site = loaded.value();
        }
        // Taken as typed (no silent rewrite): confinedPath refuses an absolute or climbing one.
        const QString section = options.section.trimmed();
        QString name = options.name.trimmed();
        if (name.endsWith(u".md"_s, Qt::CaseInsensitive))
            name.chop(3);
        if (name.isEmpty())
            name = defaultName(post, options.now);
        if (name.contains(u'/') || name.contains(u'\\') || name.startsWith(u'.')) {
            problem(kError, Publisher::tr("The file name “%1” may not contain / or \\ or start with a dot.").arg(name));
        } else if (site.isHugoSite()) {
            const QString relative = (section.isEmpty() || section == u"."_s ? QString() : section + u'/') + name + u".md"_s;
            if (const Result<QString> target = confinedPath(site.contentDir(), relative); target.ok())
                plan.targetPath = target.value();
            else
                problem(kError, target.error().message);
        }
    }
    plan.siteRoot = site.root();
    // A site whose configuration does not parse builds with nothing of it (or not at all):
    // publishing into it would guess folders and settings.
    if (const auto &configError = site.configError()) {
        plan.problems.append(Diagnostic{kError, Publisher::tr("The site's configuration does not parse: %1").arg(configError->message),
                                        configError->file, configError->line, configError->column});
    }
    plan.inPlace = samePath(plan.targetPath, plan.sourcePath);
    if (!plan.targetPath.isEmpty()) {
        const QFileInfo target(plan.targetPath);
        plan.targetExists = target.exists();
        if (plan.targetExists && !target.isFile())
            problem(kError, Publisher::tr("“%1” exists and is not a file.").arg(plan.targetPath));
        else if (plan.targetExists)
            plan.oldBytes = readAll(plan.targetPath);
    }

    // What it becomes: draft off (and the date, if asked), only those bytes changed.
    PostFile out = post;
    FrontMatter &fm = out.frontMatter();
    if (!fm.isValid()) {
        const Error &e = *fm.error();
        problem(kError, e.message, e.line, e.column);
    } else if (fm.format() != FrontMatterFormat::None) { // none: checkPost says so below
        if (const QString key = findKey(fm, u"draft"); !key.isEmpty() && !(fm.value(key).isBool() && !fm.value(key).toBool())) {
            if (const Status s = fm.setValue(key, Value(false)); !s.ok())
                problem(kError, s.error().message, s.error().line, s.error().column);
        }
        if (options.setDate) {
            const QString key = findKey(fm, u"date");
            const DateTimeValue now = DateTimeValue::fromDateTime(options.now.toOffsetFromUtc(options.now.offsetFromUtc()));
            if (const Status s = fm.setValue(key.isEmpty() ? u"date"_s : key, Value(now)); !s.ok())
                problem(kError, s.error().message, s.error().line, s.error().column);
        }
    }
    plan.newBytes = out.toBytes();
    // Checked as written: a key the patch added (a date) moves the body's lines down.
    if (auto reparsed = PostFile::fromBytes(plan.newBytes, fileLabel); reparsed.ok())
        out = reparsed.value();
    for (Diagnostic d : validator::checkPost(out, options.now)) {
        d.file = fileLabel;
        if (!out.frontMatter().isValid() && d.isError())
            continue; // already reported above
        plan.problems.append(d);
    }

    // The body as the target site will render it: shortcodes, raw HTML, images.
    RenderOptions renderOptions;
    renderOptions.site = site.isHugoSite() ? site : sourceSite;
    renderOptions.postPath = plan.targetPath.isEmpty() ? plan.sourcePath : plan.targetPath;
    renderOptions.frontMatter = out.frontMatter().toMap();
    renderOptions.bodyFirstLine = out.bodyFirstLine();
    const RenderResult rendered = MarkdownRenderer().render(out.bodyText(), renderOptions);
    for (Diagnostic d : validator::reviewRender(rendered.diagnostics, site)) {
        // Images are checked below against where they will be, not where the renderer looked.
        if (d.code == u"missing-image"_s)
            continue;
        d.file = fileLabel;
        plan.problems.append(d);
    }
    // Paths that leave the site, and captions Hugo merges into their image's paragraph.
    plan.problems += imageProblems(findImages(out.bodyText(), renderOptions), fileLabel);

    const QString permalink = site.isHugoSite() ? site.permalinkPath(renderOptions.postPath, renderOptions.frontMatter) : QString();
    QSet<QString> copyTargets;
    for (const ImageRef &ref : imageRefs(out, rendered)) {
        const std::optional<QString> sitePath = siteUrlPath(ref.url, permalink.isEmpty() ? u"/"_s : permalink);
        if (Site::isLocalUrl(ref.url) && !sitePath) {
            // Never resolved, copied or served; imageProblems() reported the body's images.
            if (ref.inFrontMatter) {
                plan.problems.append(located(kError, fileLabel, ref,
                    Publisher::tr("The front matter's image path “%1” leaves the site (its “..” climbs above the site's root).").arg(ref.url)));
            }
            continue;
        }
        const auto inSite = site.isHugoSite() ? site.resolveLocal(ref.url, renderOptions.postPath) : std::nullopt;
        const bool fromOutside = !plan.inPlace && !(sourceSite.isHugoSite() && samePath(sourceSite.root(), site.root()));
        const auto beside = fromOutside ? findBesideDraft(ref.url, plan.sourcePath) : std::nullopt;
        if (beside && sitePath && site.isHugoSite()) {
            const Result<QString> target = staticTarget(site, *sitePath);
            if (!target.ok()) {
                plan.problems.append(located(kError, fileLabel, ref, target.error().message));
                continue;
            }
            ImageCopy copy{ref.url, *beside, target.value(), false};
            const QFileInfo there(copy.to);
            if (there.exists()) {
                if (readAll(copy.to) != readAll(copy.from)) {
                    plan.problems.append(located(kError, fileLabel, ref,
                        Publisher::tr("The site already has a different file at “%1”; rename the image or the one in the site.").arg(copy.to)));
                    continue;
                }
                copy.sameFileThere = true;
            } else if (inSite) {
                continue; // the site already serves this URL from elsewhere (a theme, content)
            }
            if (!copyTargets.contains(copy.to)) {
                copyTargets.insert(copy.to);
                plan.images.append(copy);
            }
            continue;
        }
        if (inSite || !site.isHugoSite())
            continue;
        if (ref.inFrontMatter) {
            plan.problems.append(located(kWarning, fileLabel, ref,
                Publisher::tr("The front matter names the image “%1”, which is not in the site's static or content folders.").arg(ref.url)));
        } else {
            plan.problems.append(located(kError, fileLabel, ref,
                Publisher::tr("The image “%1” is not in the site's static or content folders; the published page would show it broken.").arg(ref.url)));
        }
    }

    std::stable_sort(plan.problems.begin(), plan.problems.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.isError() != b.isError() ? a.isError() : a.line < b.line;
    });
    return plan;
}

Result<QString> execute(const Plan &plan, bool allowOverwrite)
{
    const auto refuse = [&](const QString &message) {
        return Error{Error::Kind::Invalid, message, plan.targetPath};
    };
    if (plan.targetPath.isEmpty())
        return refuse(Publisher::tr("There is nowhere to publish the post: choose a site."));
    if (plan.hasErrors())
        return refuse(Publisher::tr("The post has problems that must be fixed before it is published."));
    if (plan.overwritesAnotherFile() && !allowOverwrite)
        return refuse(Publisher::tr("“%1” already exists; publishing would replace it.").arg(plan.targetPath));
    // Another program may have written the target since prepare(): never overwrite that blind.
    const bool existsNow = QFileInfo::exists(plan.targetPath);
    if (existsNow != plan.targetExists || (existsNow && !fileHolds(plan.targetPath, plan.oldBytes)))
        return Error{Error::Kind::Io,
                     Publisher::tr("“%1” changed on disk after the publish check; nothing was written. Check it again.").arg(plan.targetPath),
                     plan.targetPath};

    for (const ImageCopy &copy : plan.images) {
        if (copy.sameFileThere)
            continue;
        const QByteArray bytes = readAll(copy.from);
        if (bytes.isEmpty() && QFileInfo(copy.from).size() != 0)
            return Error{Error::Kind::Io, Publisher::tr("Cannot read the image “%1”; the post was not published.").arg(copy.from), copy.from};
        if (QFileInfo::exists(copy.to)) {
            if (readAll(copy.to) == bytes)
                continue;
            return Error{Error::Kind::Io, Publisher::tr("A different “%1” appeared in the site; the post was not published.").arg(copy.to), copy.to};
        }
        if (!QDir().mkpath(QFileInfo(copy.to).absolutePath()))
            return Error{Error::Kind::Io, Publisher::tr("Cannot create the folder for “%1”; the post was not published.").arg(copy.to), copy.to};
        if (const Status s = writeFileAtomically(copy.to, bytes); !s.ok())
            return Error{Error::Kind::Io, s.error().message + Publisher::tr(" The post was not published."), copy.to};
        qCInfo(lcPublish) << "copied image" << copy.from << "to" << copy.to;
    }

    if (!QDir().mkpath(QFileInfo(plan.targetPath).absolutePath()))
        return Error{Error::Kind::Io, Publisher::tr("Cannot create the folder “%1”.").arg(QFileInfo(plan.targetPath).absolutePath()), plan.targetPath};
    if (const Status s = writeFileAtomically(plan.targetPath, plan.newBytes); !s.ok())
        return s.error();
    qCInfo(lcPublish) << "published" << plan.targetPath << plan.newBytes.size() << "bytes";
    return plan.targetPath;
}

} // namespace frontmark::publisher
