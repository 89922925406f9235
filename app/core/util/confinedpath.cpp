// SPDX-License-Identifier: GPL-3.0-or-later
#include "confinedpath.h"

#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

// Applies "." and ".." to '/'-separated segments; nullopt when ".." climbs above the start.
std::optional<QStringList> normalized(const QString &path)
{
    QStringList out;
    for (const QString &segment : path.split(u'/')) {
        if (segment == u"..") {
            if (out.isEmpty())
                return std::nullopt;
            out.removeLast();
        } else if (!segment.isEmpty() && segment != u".") {
            out << segment;
        }
    }
    return out;
}

bool existsOrIsLink(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

// The canonical form of `path` for a path that may not exist yet: its deepest existing
// ancestor (or itself) resolved through every symlink, and the missing rest appended as
// written. Empty when that ancestor cannot be resolved (a dangling link, no permission).
QString canonicalOfDeepest(const QString &path)
{
    QString existing = path;
    QStringList missing;
    while (!existsOrIsLink(existing)) {
        const QFileInfo info(existing);
        const QString up = info.absolutePath();
        if (up == existing)
            break;
        missing.prepend(info.fileName());
        existing = up;
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty())
        return {};
    if (missing.isEmpty())
        return canonical;
    return (canonical.endsWith(u'/') ? canonical : canonical + u'/') + missing.join(u'/');
}

} // namespace

Result<QString> confinedPath(const QString &folder, const QString &relative)
{
    const QString base = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const auto leaves = [&] {
        return Error{Error::Kind::Invalid,
                     Paths::tr("The path “%1” leaves the folder “%2”; nothing is written outside it.")
                         .arg(relative, QDir::toNativeSeparators(base)),
                     base};
    };
    if (folder.isEmpty() || relative.isEmpty() || relative.startsWith(u'/') || relative.contains(QChar(u'\0'))
        || relative.contains(u'\\')) {
        return leaves();
    }
    const std::optional<QStringList> segments = normalized(relative);
    if (!segments || segments->isEmpty())
        return leaves();
    const QString target = base + u'/' + segments->join(u'/');

    // Symbolic links on the way (static/images -> /home/user) are resolved before comparing.
    const QString canonicalBase = canonicalOfDeepest(base);
    const QString canonicalTarget = canonicalOfDeepest(target);
    if (canonicalBase.isEmpty() || canonicalTarget.isEmpty())
        return leaves();
    const QString inside = canonicalBase.endsWith(u'/') ? canonicalBase : canonicalBase + u'/';
    if (!canonicalTarget.startsWith(inside))
        return leaves();
    return target;
}

std::optional<QString> siteUrlPath(const QString &url, const QString &pagePath)
{
    QString path = url;
    const qsizetype cut = [&] {
        const qsizetype q = path.indexOf(u'?');
        const qsizetype h = path.indexOf(u'#');
        return q < 0 ? h : h < 0 ? q : std::min(q, h);
    }();
    if (cut >= 0)
        path.truncate(cut);
    // Browsers treat "%2e%2e" as ".." and "\" as "/" in http(s) paths; a server maps "%2f" to a
    // folder separator. Decoding first makes every spelling of a parent step count.
    path = QUrl::fromPercentEncoding(path.toUtf8());
    path.replace(u'\\', u'/');
    if (!path.startsWith(u'/')) {
        QString page = pagePath.isEmpty() ? u"/"_s : pagePath;
        if (!page.startsWith(u'/'))
            page.prepend(u'/');
        page.truncate(page.lastIndexOf(u'/') + 1); // "/posts/x/" stays, "/about.html" -> "/"
        path = page + path;
    }
    const bool directory = path.endsWith(u'/');
    const std::optional<QStringList> segments = normalized(path);
    if (!segments)
        return std::nullopt;
    QString out = u'/' + segments->join(u'/');
    if (directory && !segments->isEmpty())
        out += u'/';
    return out;
}

} // namespace frontmark
