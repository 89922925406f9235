// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageimport.h"

#include "io/safewrite.h"
#include "text/slug.h"
#include "util/confinedpath.h"
#include "util/logging.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <initializer_list>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace frontmark::imageimport {

namespace {

// Enough for any real folder of same-named images; past it the pattern lacks {hash}.
constexpr int maxNumberedNames = 1000;

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

quint32 bigEndian32(QByteArrayView s, qsizetype at)
{
    return quint32(quint8(s[at])) << 24 | quint32(quint8(s[at + 1])) << 16 | quint32(quint8(s[at + 2])) << 8
        | quint32(quint8(s[at + 3]));
}

quint32 littleEndian32(QByteArrayView s, qsizetype at)
{
    return quint32(quint8(s[at])) | quint32(quint8(s[at + 1])) << 8 | quint32(quint8(s[at + 2])) << 16
        | quint32(quint8(s[at + 3])) << 24;
}

// ISO-BMFF (HEIF) files start with an ftyp box: size, "ftyp", major brand, minor version,
// compatible brands. AVIF images name "avif" (still) or "avis" (sequence) as major brand, or
// only among the compatible ones after a generic "mif1"/"msf1" (libavif writes both forms).
bool isAvif(QByteArrayView s)
{
    if (s.size() < 12 || s.sliced(4, 4) != "ftyp")
        return false;
    const auto isAvifBrand = [](QByteArrayView brand) { return brand == "avif" || brand == "avis"; };
    if (isAvifBrand(s.sliced(8, 4)))
        return true;
    const qsizetype boxEnd = std::min<qsizetype>(bigEndian32(s, 0), s.size());
    for (qsizetype at = 16; at + 4 <= boxEnd; at += 4) {
        if (isAvifBrand(s.sliced(at, 4)))
            return true;
    }
    return false;
}

// "BM" alone starts too many texts ("BMW …"); the DIB header's size at offset 14 is one of
// the few sizes the BMP versions define.
bool isBmp(QByteArrayView s)
{
    if (s.size() < 18 || !s.startsWith("BM"))
        return false;
    const quint32 dibSize = littleEndian32(s, 14);
    for (const quint32 known : {12u, 16u, 40u, 52u, 56u, 64u, 108u, 124u}) {
        if (dibSize == known)
            return true;
    }
    return false;
}

// An SVG is XML whose root element is <svg>; before it may come a BOM, white space, the XML
// declaration and other processing instructions, comments and a DOCTYPE (with an internal
// subset in brackets, as Illustrator writes it).
bool isSvg(QByteArrayView s)
{
    if (s.startsWith("\xEF\xBB\xBF"))
        s = s.sliced(3);
    qsizetype i = 0;
    for (;;) {
        while (i < s.size() && isXmlSpace(s[i]))
            ++i;
        const QByteArrayView rest = s.sliced(i);
        qsizetype end = -1;
        if (rest.startsWith("<?")) {
            end = rest.indexOf("?>", 2);
            if (end < 0)
                return false;
            i += end + 2;
        } else if (rest.startsWith("<!--")) {
            end = rest.indexOf("-->", 4);
            if (end < 0)
                return false;
            i += end + 3;
        } else if (rest.startsWith("<!DOCTYPE")) {
            int brackets = 0;
            for (qsizetype k = 9; k < rest.size(); ++k) {
                if (rest[k] == '[')
                    ++brackets;
                else if (rest[k] == ']')
                    --brackets;
                else if (rest[k] == '>' && brackets <= 0) {
                    end = k;
                    break;
                }
            }
            if (end < 0)
                return false;
            i += end + 1;
        } else {
            return rest.startsWith("<svg") && rest.size() > 4
                && (isXmlSpace(rest[4]) || rest[4] == '>' || rest[4] == '/');
        }
    }
}

QString notAnImage(const Request &request)
{
    if (request.originalName.isEmpty())
        return Images::tr("The pasted data is not an image a browser can show (PNG, JPEG, GIF, WebP, AVIF, SVG).");
    return Images::tr("“%1” is not an image a browser can show (PNG, JPEG, GIF, WebP, AVIF, SVG).")
        .arg(QFileInfo(request.originalName).fileName());
}

// {name}: the dropped file's base name as Hugo's urlize-like slug keeps it (CJK letters stay).
QString nameSlug(const QString &originalName)
{
    const QString base = QFileInfo(originalName).completeBaseName();
    const bool usable = std::any_of(base.cbegin(), base.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    return usable ? text::slugify(base) : u"image"_s;
}

Error badPattern(const QString &message)
{
    return Error{Error::Kind::Invalid, message, QString()};
}

// The pattern with its placeholders filled in, as path segments below the static folder;
// the last one is the file name.
Result<QStringList> expandPattern(const QString &pattern, const QString &date, const QString &hash, const QString &name,
                                  const QString &ext)
{
    QString path;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != u'{') {
            path += pattern[i];
            continue;
        }
        const qsizetype close = pattern.indexOf(u'}', i + 1);
        const qsizetype reopen = pattern.indexOf(u'{', i + 1);
        if (close < 0 || (reopen >= 0 && reopen < close)) {
            return badPattern(Images::tr("The image path pattern “%1” has a “{” without its “}”; placeholders are written "
                              "{date}, {hash}, {name} and {ext}.").arg(pattern));
        }
        const QString key = pattern.mid(i + 1, close - i - 1);
        if (key == u"date")
            path += date;
        else if (key == u"hash")
            path += hash;
        else if (key == u"name")
            path += name;
        else if (key == u"ext")
            path += ext;
        else {
            return badPattern(Images::tr("The image path pattern “%1” has an unknown placeholder “{%2}”; the known ones are "
                              "{date}, {hash}, {name} and {ext}.").arg(pattern, key));
        }
        i = close;
    }

    QStringList segments;
    for (const QString &segment : path.split(u'/')) {
        if (segment == u"..") {
            return badPattern(Images::tr("The image path pattern “%1” leads out of the static folder (“..”); write a path "
                              "inside it, such as “%2”.").arg(pattern, defaultPattern()));
        }
        if (!segment.isEmpty() && segment != u".")
            segments << segment;
    }
    if (segments.isEmpty() || path.endsWith(u'/')) {
        return badPattern(Images::tr("The image path pattern “%1” gives no file name; end it with one, such as "
                          "“{date}-{hash}.{ext}”.").arg(pattern));
    }
    return segments;
}

// "-2", "-3", … go before the extension: "20250602.png" → "20250602-2.png".
QString numberedName(const QString &fileName, int n)
{
    if (n == 1)
        return fileName;
    const qsizetype dot = fileName.lastIndexOf(u'.');
    const QString number = u"-%1"_s.arg(n);
    if (dot <= 0)
        return fileName + number;
    return fileName.left(dot) + number + fileName.mid(dot);
}

// mkdir -p that keeps the system's reason (QDir::mkpath only says false) and remembers the
// folders it made, so a failed import can take them away again.
Status makeFolders(const QString &folder, QStringList *created)
{
    QStringList missing;
    for (QString dir = QDir::cleanPath(folder); !QFileInfo::exists(dir);) {
        missing.prepend(dir);
        const QString up = QFileInfo(dir).absolutePath();
        if (up == dir)
            break;
        dir = up;
    }
    for (const QString &dir : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(dir).constData(), 0777) == 0) {
            created->append(dir);
        } else if (errno != EEXIST) {
            return Error{Error::Kind::Io,
                         Images::tr("Creating the folder “%1” for the image failed: %2. Nothing was written.").arg(
                             QDir::toNativeSeparators(dir), qt_error_string(errno)),
                         dir};
        }
    }
    if (!QFileInfo(folder).isDir()) {
        return Error{Error::Kind::Io,
                     Images::tr("“%1” is not a folder, so the image cannot go there. Nothing was written.").arg(
                         QDir::toNativeSeparators(folder)),
                     folder};
    }
    return Ok{};
}

void removeFolders(const QStringList &created)
{
    for (auto it = created.crbegin(); it != created.crend(); ++it)
        ::rmdir(QFile::encodeName(*it).constData()); // only empty ones go; one that gained a file stays
}

// Only a regular file is reused: a symbolic link could point anywhere, even out of the site.
bool holdsSameImage(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    return !info.isSymLink() && info.isFile() && fileHolds(path, bytes);
}

} // namespace

QString defaultPattern()
{
    return u"/images/posts/{date}-{hash}.{ext}"_s;
}

QString sniffExtension(const QByteArray &bytes)
{
    const QByteArrayView s(bytes);
    if (s.startsWith("\x89PNG\r\n\x1A\n"))
        return u"png"_s;
    if (s.startsWith("\xFF\xD8\xFF"))
        return u"jpg"_s;
    if (s.startsWith("GIF87a") || s.startsWith("GIF89a"))
        return u"gif"_s;
    if (s.size() >= 12 && s.startsWith("RIFF") && s.sliced(8, 4) == "WEBP")
        return u"webp"_s;
    if (isAvif(s))
        return u"avif"_s;
    if (isBmp(s))
        return u"bmp"_s;
    if (isSvg(s))
        return u"svg"_s;
    return QString();
}

Result<Imported> importImage(const Site &site, const QString &postPath, const Request &request)
{
    const QString ext = sniffExtension(request.bytes);
    if (ext.isEmpty())
        return Error{Error::Kind::Invalid, notAnImage(request), request.originalName};

    const bool inSite = !site.root().isEmpty();
    if (!inSite && postPath.isEmpty()) {
        return Error{Error::Kind::Invalid,
                     Images::tr("Save the post first: outside a Hugo site an image goes into an “images” folder beside the "
                     "post, and an unsaved post has no folder yet."),
                     QString()};
    }

    const QDate date = request.postDate.isValid() ? request.postDate : QDate::currentDate();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(request.bytes, QCryptographicHash::Sha256).toHex().left(8));
    const QString name = request.originalName.isEmpty() ? u"image"_s : nameSlug(request.originalName);
    auto expanded = expandPattern(request.pattern, date.toString(u"yyyyMMdd"_s), hash, name, ext);
    if (!expanded.ok())
        return expanded.error();
    QStringList segments = std::move(expanded).value();
    const QString fileName = segments.takeLast();

    // In a site the URL is the path below the static folder, which Hugo publishes at the site
    // root; outside one only the file name is used, in "images/" beside the post.
    QString folder;
    QString urlFolder;
    if (inSite) {
        const QStringList staticDirs = site.staticDirs();
        const QString staticDir = staticDirs.isEmpty() ? site.root() + u"/static"_s : staticDirs.first();
        const QString below = segments.isEmpty() ? QString() : segments.join(u'/') + u'/';
        folder = staticDir + u'/' + below;
        folder.chop(1);
        urlFolder = u'/' + below;
    } else {
        folder = QFileInfo(postPath).absolutePath() + u"/images"_s;
        urlFolder = u"images/"_s;
    }

    // The pattern was checked for "..", but a symlinked folder in static/ could still lead out.
    const QString base = inSite ? (site.staticDirs().isEmpty() ? site.root() + u"/static"_s : site.staticDirs().first())
                                : QFileInfo(postPath).absolutePath();
    // (The file itself may be taken by anything, a link too: the numbered names below handle it.)
    if (const QString below = QDir(base).relativeFilePath(folder); below != u"."_s) {
        if (const Result<QString> inside = confinedPath(base, below); !inside.ok())
            return inside.error();
    }

    QStringList created;
    const Status made = makeFolders(folder, &created);
    if (!made.ok()) {
        removeFolders(created);
        return made.error();
    }
    for (int n = 1; n <= maxNumberedNames; ++n) {
        const QString candidate = numberedName(fileName, n);
        const QString target = folder + u'/' + candidate;
        const auto written = writeNewFileAtomically(target, request.bytes);
        if (!written.ok()) {
            removeFolders(created);
            return written.error();
        }
        if (written.value() == NewFile::Written) {
            qCDebug(lcDocument) << "imported an image as" << target;
            return Imported{urlFolder + candidate, target, false};
        }
        // The name is taken (before or during our write): the same image is simply linked.
        if (holdsSameImage(target, request.bytes)) {
            qCDebug(lcDocument) << "reusing the identical image" << target;
            return Imported{urlFolder + candidate, target, true};
        }
    }
    removeFolders(created);
    return Error{Error::Kind::Io,
                 Images::tr("There are already %1 other files named like “%2” in “%3”; add {hash} to the image path pattern "
                 "“%4”. Nothing was written.").arg(QString::number(maxNumberedNames), fileName,
                                                     QDir::toNativeSeparators(folder), request.pattern),
                 folder + u'/' + fileName};
}

QString markdownFor(const QString &url, const QString &alt)
{
    QString text = u"!["_s;
    QString oneLine = alt;
    oneLine.replace(u"\r\n"_s, u" "_s).replace(u'\r', u' ').replace(u'\n', u' ');
    for (const QChar c : std::as_const(oneLine)) {
        if (c == u'[' || c == u']' || c == u'\\')
            text += u'\\';
        text += c;
    }
    text += u"]("_s;
    // CommonMark link destinations: a bare one ends at a space and must balance parentheses;
    // inside <…> anything but a line break or an unescaped < > goes.
    const bool pointy = std::any_of(url.cbegin(), url.cend(), [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'(' || c == u')' || c == u'<' || c == u'>';
    });
    if (pointy)
        text += u'<';
    for (const QChar c : url) {
        if (c == u'\\' || (pointy && (c == u'<' || c == u'>')))
            text += u'\\';
        text += c;
    }
    if (pointy)
        text += u'>';
    text += u")\n\n"_s;
    return text;
}

} // namespace frontmark::imageimport
