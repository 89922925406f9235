// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "document/postfile.h"
#include "images/postimages.h"
#include "site/site.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace frontmark::cli {

namespace {

const QString kImagesUsage = u"Usage: frontmark-cli images FILE [--site DIR] [--json]\n"_s;

QString kindName(PostImage::Kind kind)
{
    switch (kind) {
    case PostImage::Kind::Inline:
        return u"inline"_s;
    case PostImage::Kind::Reference:
        return u"reference"_s;
    case PostImage::Kind::Figure:
        return u"figure"_s;
    }
    return {};
}

QString captionSourceName(PostImage::CaptionSource source)
{
    switch (source) {
    case PostImage::CaptionSource::None:
        return u"none"_s;
    case PostImage::CaptionSource::Paragraph:
        return u"paragraph"_s;
    case PostImage::CaptionSource::MergedLine:
        return u"merged-line"_s;
    case PostImage::CaptionSource::FigureCaption:
        return u"figure-caption"_s;
    case PostImage::CaptionSource::FigureTitle:
        return u"figure-title"_s;
    case PostImage::CaptionSource::Title:
        return u"title"_s;
    }
    return {};
}

} // namespace

// `images FILE [--site DIR] [--json]`: the post's images in order, as the images panel lists
// them: file:line:column, status, URL, alt text and caption (with where the caption comes
// from). 0 listed (whatever the images' state), 1 a post that does not load, 2 bad usage or an
// unreadable post (exitCodeFor).
int images(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption siteOption(u"site"_s, u"The Hugo site (default: found from FILE)."_s, u"DIR"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print a JSON array."_s);
    parser.addOptions({siteOption, jsonOption});
    parser.addPositionalArgument(u"FILE"_s, u"The post."_s);
    if (!parser.parse(QStringList{u"frontmark-cli images"_s} + args)) {
        err << parser.errorText() << u"\n"_s << kImagesUsage;
        return CouldNotRun;
    }
    if (parser.positionalArguments().size() != 1) {
        err << kImagesUsage;
        return CouldNotRun;
    }
    const QString file = parser.positionalArguments().constFirst();
    const auto post = PostFile::load(file);
    if (!post.ok()) {
        err << post.error().toString() << u"\n"_s;
        return exitCodeFor(post.error());
    }
    const std::optional<RenderOptions> options = renderOptionsFor(file, post.value(), parser.value(siteOption), err);
    if (!options)
        return CouldNotRun;
    const QList<PostImage> found = findImages(QString::fromUtf8(post.value().body()), *options);

    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const PostImage &image : found) {
            list.append(QJsonObject{
                {u"line"_s, image.line},
                {u"column"_s, image.column},
                {u"kind"_s, kindName(image.kind)},
                {u"url"_s, image.url},
                {u"status"_s, statusName(image.status)},
                {u"file"_s, image.filePath},
                {u"alt"_s, image.alt},
                {u"title"_s, image.title},
                {u"caption"_s, image.caption},
                {u"captionSource"_s, captionSourceName(image.captionSource)},
                {u"mergedCaption"_s, image.mergedCaption},
            });
        }
        out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
        return frontMatterStatus(file, post.value(), err);
    }
    for (const PostImage &image : found) {
        out << file << u':' << image.line << u':' << image.column << u": "_s << statusName(image.status) << u' '
            << image.url << u'\n';
        out << u"    alt: "_s << (image.alt.isEmpty() ? u"(none)"_s : image.alt) << u'\n';
        if (image.captionSource != PostImage::CaptionSource::None)
            out << u"    caption ("_s << captionSourceName(image.captionSource) << u"): "_s << image.caption << u'\n';
        if (image.mergedCaption)
            out << u"    warning: the caption line is directly under the image; Hugo renders both in one paragraph\n"_s;
    }
    return frontMatterStatus(file, post.value(), err);
}

} // namespace frontmark::cli
