// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageedits.h"

#include "images/imagesyntax_p.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

// Escaping is measured against Hugo 0.111.3 (tests/unit/tst_postimages.cpp runs the real
// hugo). Two of its quirks shape escapeAltText():
//  - Goldmark 1.5 writes the alt attribute from the source text of the image's children
//    (nodeToHTMLText: Text(source)), so backslash escapes and character references reach
//    the attribute as written: ![a \] b](x) gives alt="a \] b".
//  - The typographer (on by default) turns quotes, "--", "..." and "<<" into entities, which
//    the same function escapes again: alt="&amp;ldquo;…".
// Inside a code span both are off, and both Goldmark and cmark-gfm take its content
// literally. So alt text puts every character that would be read as Markdown in a code span:
// ![He said `"`hi`"`](x) has the alt text He said "hi" for Hugo and for the preview.

using namespace Qt::StringLiterals;

namespace frontmark {

using namespace imagesyntax;

QString TextEdit::applied(QStringView body) const
{
    if (range.isNull() || range.end() > body.size())
        return body.toString();
    return body.first(range.start) + text + body.sliced(range.end());
}

namespace imageedits {

namespace {

Error failure(const PostImage &image, const QString &message, Error::Kind kind = Error::Kind::Unsupported)
{
    return Error{kind, message, QString(), image.line, image.column};
}

TextEdit replace(qsizetype start, qsizetype end, const QString &text)
{
    return TextEdit{TextRange{start, end - start}, text};
}

bool inBody(QStringView body, const TextRange &range)
{
    return !range.isNull() && range.length >= 0 && range.end() <= body.size();
}

// The image must still be where findImages() saw it.
std::optional<Error> checkSource(QStringView body, const PostImage &image)
{
    if (!inBody(body, image.source) || body.sliced(image.source.start, image.source.length) != image.sourceText)
        return failure(image, Images::tr("The text changed since the images were listed; look at the images again and retry."),
                       Error::Kind::Invalid);
    return std::nullopt;
}

QString oneLine(QStringView text)
{
    QString out = text.toString();
    static const QRegularExpression breaks(u"\\r\\n|[\\r\\n\\x{2028}\\x{2029}]"_s);
    out.replace(breaks, u" "_s);
    return out;
}

QString codeSpan(const QString &content)
{
    if (!content.contains(u'`'))
        return u'`' + content + u'`';
    qsizetype longest = 0;
    for (qsizetype i = 0; i < content.size();) {
        qsizetype j = i;
        while (j < content.size() && content[j] == u'`')
            ++j;
        longest = qMax(longest, j - i);
        i = j > i ? j : i + 1;
    }
    const QString fence(longest + 1, u'`');
    // One space inside each end: CommonMark strips it, and it keeps a backtick at the edge
    // of the content from joining the fence.
    return fence + u' ' + content + u' ' + fence;
}

// Where the image unit (the image, or the link around an image-only image) ends.
qsizetype unitEnd(QStringView body, const PostImage &image)
{
    if (!image.block.isNull() && image.block.start < image.source.start) {
        const qsizetype end = linkEnd(body, image.source.end(), body.size());
        if (end > 0)
            return end;
    }
    return image.source.end();
}

QString linePrefix(QStringView body, qsizetype pos)
{
    const qsizetype start = lineStart(body, pos);
    return body.sliced(start, pos - start).toString();
}

// Whether a paragraph inserted at the end of the line holding `pos` needs a blank line after
// it: when the next line has content that could continue the paragraph. A list item marker
// (a sibling item) is left as it is: blank lines between items are the writer's choice.
bool needsBlankAfter(QStringView body, qsizetype pos)
{
    const qsizetype nl = body.indexOf(u'\n', pos);
    if (nl < 0)
        return false;
    const qsizetype end = lineEnd(body, nl + 1);
    const qsizetype content = contentStart(body, nl + 1, end);
    if (content >= end)
        return false;
    qsizetype marker = content;
    while (marker < end && !body[marker].isSpace())
        ++marker;
    return !isContainerPrefix(body.sliced(content, marker - content));
}

bool isAngle(QStringView body, const TextRange &url)
{
    return url.start > 0 && url.end() < body.size() && body[url.start - 1] == u'<' && body[url.end()] == u'>';
}

// A link destination that cmark-gfm and Goldmark read back as `url`.
QString escapeDestination(QStringView url, bool inDefinition)
{
    if (url.isEmpty())
        return inDefinition ? u"<>"_s : QString();
    int depth = 0;
    bool angle = url.startsWith(u'<');
    for (const QChar c : url) {
        if (c.isSpace() || c.unicode() < 0x20)
            angle = true;
        else if (c == u'(')
            ++depth;
        else if (c == u')' && --depth < 0)
            angle = true;
    }
    angle = angle || depth != 0;
    QString out;
    for (qsizetype i = 0; i < url.size(); ++i) {
        const QChar c = url[i];
        if (c == u'\n' || c == u'\r')
            continue;
        if ((c == u'&' && startsEntity(url, i)) || (c == u'{' && i + 1 < url.size() && url[i + 1] == u'{')) {
            out += c == u'&' ? u"&amp;"_s : u"&#123;"_s; // see quoteLinkTitle()
            continue;
        }
        if (c == u'\\' || (angle && (c == u'<' || c == u'>')))
            out += u'\\';
        out += c;
    }
    return angle ? u'<' + out + u'>' : out;
}

// quoteShortcodeArgument(), refused when Hugo's lexer would not read `value` back.
std::optional<QString> shortcodeValue(QStringView value)
{
    const QString quoted = quoteShortcodeArgument(value);
    const std::optional<QString> back = readShortcodeValue(quoted);
    if (!back || *back != value)
        return std::nullopt;
    return quoted;
}

// Removes a shortcode argument with the white space before it.
TextEdit removeArgument(QStringView body, const ShortcodeArgument &a)
{
    qsizetype start = a.token.start;
    while (start > 0 && body[start - 1].isSpace())
        --start;
    return replace(start, a.token.end(), QString());
}

// Sets (or adds after `after`) the argument `key` of a shortcode call.
Result<TextEdit> setArgument(QStringView body, const PostImage &image, const ShortcodeTag &tag, QStringView key,
                             QStringView value, qsizetype after)
{
    const ShortcodeArgument *a = tag.named(key);
    if (value.isEmpty())
        return a ? removeArgument(body, *a) : TextEdit{{image.source.end(), 0}, QString()};
    const std::optional<QString> quoted = shortcodeValue(value);
    if (!quoted) {
        return failure(image, Images::tr("Hugo cannot read this %1 back from a shortcode argument: it has a double quote, a "
                               "backtick and a backslash (or a line break) together.").arg(key));
    }
    if (a)
        return replace(a->valueToken.start, a->valueToken.end(), *quoted);
    return replace(after, after, u' ' + key.toString() + u'=' + *quoted);
}

std::optional<ShortcodeTag> figureTag(QStringView body, const PostImage &image)
{
    std::optional<ShortcodeTag> tag = lexShortcodeTag(body, image.source.start);
    if (tag && tag->range != image.source)
        return std::nullopt;
    return tag;
}

qsizetype afterArguments(const ShortcodeTag &tag)
{
    return tag.arguments.isEmpty() ? tag.nameEnd : tag.arguments.last().token.end();
}

QString tooLong()
{
    return Images::tr("A caption paragraph can be at most %1 columns long (%2 CJK characters); shorten it, or make the "
           "image a figure.").arg(kMaxCaptionColumns).arg(kMaxCaptionColumns / 2);
}

Error noTag(const PostImage &image)
{
    return failure(image, Images::tr("The figure call could not be read; fix its quotes and try again."), Error::Kind::Invalid);
}

} // namespace

QString escapeAltText(QStringView plain)
{
    const QString text = oneLine(plain);
    const qsizetype n = text.size();
    const auto at = [&](qsizetype i) { return i >= 0 && i < n ? text[i] : QChar(); };
    QList<bool> risky(n, false);
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'\\': case u'`': case u'[': case u']': case u'*': case u'~': case u'"': case u'\'': case u'<':
            risky[i] = true; // escapes, code, brackets, emphasis, strikethrough, quotes, HTML
            break;
        case u'&':
            risky[i] = startsEntity(text, i);
            break;
        case u'_': // intraword underscores never emphasise
            risky[i] = !(at(i - 1).isLetterOrNumber() && at(i + 1).isLetterOrNumber());
            break;
        case u'>': // the typographer's >>
        case u'-': // -- and ---
            risky[i] = at(i - 1) == c || at(i + 1) == c;
            break;
        case u'{': // Hugo finds "{{<" before Markdown, code spans or not: split the braces
            risky[i] = at(i + 1) == c;
            break;
        case u'.': { // ...
            qsizetype a = i, b = i;
            while (at(a - 1) == u'.')
                --a;
            while (at(b + 1) == u'.')
                ++b;
            risky[i] = b - a >= 2;
            break;
        }
        default:
            break;
        }
    }
    QString out;
    out.reserve(n + 8);
    for (qsizetype i = 0; i < n;) {
        if (!risky[i]) {
            out += text[i++];
            continue;
        }
        qsizetype j = i;
        while (j < n && risky[j])
            ++j;
        out += codeSpan(text.mid(i, j - i));
        i = j;
    }
    return out;
}

QString escapeCaptionParagraph(QStringView markdown)
{
    QString t = oneLine(markdown).trimmed();
    if (t.isEmpty())
        return t;
    // Line starts that CommonMark or Goldmark read as a block (the caption must stay a
    // paragraph, and a merged caption line must not turn the image line into a heading).
    static const QRegularExpression ordered(u"^\\d{1,9}([.)])(?:\\s|$)"_s);
    static const QRegularExpression starts(uR"(^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|[=-]+\s*$|~{3,}|\||:(?:\s|$)|\[[^\]]*\]:))"_s);
    static const QRegularExpression html(uR"(^<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)[A-Za-z/!?])"_s);
    static const QRegularExpression email(uR"(^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>)"_s);
    static const QRegularExpression thematic(uR"(^([-*_])(?:\s*\1){2,}\s*$)"_s);
    if (const QRegularExpressionMatch m = ordered.match(t); m.hasMatch()) {
        t.insert(m.capturedStart(1), u'\\');
    } else if (thematic.match(t).hasMatch()) {
        // Every marker, so the typographer does not make "---" a dash either.
        const QChar marker = t[0];
        t.replace(marker, u'\\' + QString(marker));
    } else if (t.startsWith(u"```"_s)) {
        // Not "\`": Hugo's shortcode lexer rejects that escape in a figure's caption argument.
        t.replace(0, 1, u"&#96;"_s);
    } else if (starts.match(t).hasMatch() || (html.match(t).hasMatch() && !email.match(t).hasMatch()))
        t.prepend(u'\\');
    return t;
}

QString quoteShortcodeArgument(QStringView value)
{
    // Hugo's lexer (parser/pageparser/pagelexer_shortcode.go): "…" ends at a line break,
    // \" inside drops every backslash of the value, and \` is an error; `…` is taken as is.
    const bool plain = !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u"\\`")
        && !value.endsWith(u'\\');
    if (plain)
        return u'"' + value.toString() + u'"';
    if (!value.contains(u'`'))
        return u'`' + value.toString() + u'`';
    QString escaped = value.toString();
    escaped.replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString quoteLinkTitle(QStringView title)
{
    const QString t = oneLine(title);
    QString out = u"\""_s;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c == u'&' && startsEntity(t, i))
            out += u"&amp;"_s; // not "\&": cmark-gfm resolves references in titles before escapes
        else if (c == u'{' && i + 1 < t.size() && t[i + 1] == u'{')
            out += u"&#123;"_s; // Hugo would read "{{<" as a shortcode, escaped or not
        else if (c == u'"' || c == u'\\')
            out += u'\\' + QString(c);
        else
            out += c;
    }
    return out + u'"';
}

Result<TextEdit> setAlt(QStringView body, const PostImage &image, QStringView alt)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    if (image.kind == PostImage::Kind::Figure) {
        const std::optional<ShortcodeTag> tag = figureTag(body, image);
        if (!tag)
            return noTag(image);
        const ShortcodeArgument *src = tag->named(u"src");
        return setArgument(body, image, *tag, u"alt", alt, src ? src->token.end() : tag->nameEnd);
    }
    if (!inBody(body, image.altRange))
        return failure(image, Images::tr("The image's alt text could not be found in the text."), Error::Kind::Invalid);
    const QString escaped = escapeAltText(alt);
    const qsizetype close = image.altRange.end(); // the "]" after the alt text
    const bool labelled = close + 1 < image.source.end() && body[close + 1] == u'[' && close + 2 < body.size()
        && body[close + 2] != u']';
    if (image.kind == PostImage::Kind::Reference && !labelled) {
        // ![label] and ![label][] use the alt text as the label: keep the label.
        const QString label = body.sliced(image.altRange.start, image.altRange.length).toString();
        if (escaped == label)
            return replace(image.altRange.start, image.altRange.end(), label);
        const bool collapsed = close + 2 < image.source.end() && body[close + 1] == u'[';
        return replace(image.altRange.start, collapsed ? close + 2 : close, escaped + u"]["_s + label);
    }
    return replace(image.altRange.start, image.altRange.end(), escaped);
}

Result<TextEdit> setCaption(QStringView body, const PostImage &image, QStringView caption)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    using Source = PostImage::CaptionSource;
    const bool figure = image.kind == PostImage::Kind::Figure;
    const QString markdown = escapeCaptionParagraph(caption);
    // A paragraph caption findImages() would not see as one.
    if (!figure && !image.block.isNull() && image.captionSource != Source::Title
        && displayWidth(markdown) > kMaxCaptionColumns) {
        return failure(image, tooLong());
    }
    if (!figure && !image.block.isNull() && image.captionSource != Source::Title && !markdown.isEmpty()
        && !isCaptionText(markdown)) {
        return failure(image, Images::tr("A caption paragraph cannot end with a colon or be a shortcode call: it would read as "
                              "text of its own, not as the image's caption."));
    }

    if (figure) {
        const std::optional<ShortcodeTag> tag = figureTag(body, image);
        if (!tag)
            return noTag(image);
        if (image.captionSource == Source::FigureTitle)
            return setArgument(body, image, *tag, u"title", oneLine(caption).trimmed(), afterArguments(*tag));
        return setArgument(body, image, *tag, u"caption", markdown, afterArguments(*tag));
    }

    switch (image.captionSource) {
    case Source::Paragraph:
    case Source::MergedLine:
        if (!inBody(body, image.captionRange))
            break;
        if (markdown.isEmpty()) // the caption goes, with the line break(s) before it
            return replace(unitEnd(body, image), image.captionRange.end(), QString());
        return replace(image.captionRange.start, image.captionRange.end(), markdown);
    case Source::Title: {
        if (!inBody(body, image.captionRange) || !inBody(body, image.urlRange))
            break;
        const qsizetype tokenEnd = image.captionRange.end() + 1; // after the closing quote
        if (oneLine(caption).trimmed().isEmpty()) {
            const qsizetype destEnd = image.urlRange.end() + (isAngle(body, image.urlRange) ? 1 : 0);
            return replace(destEnd, tokenEnd, QString());
        }
        return replace(image.captionRange.start - 1, tokenEnd, quoteLinkTitle(caption));
    }
    case Source::None: {
        if (markdown.isEmpty())
            return TextEdit{{image.source.end(), 0}, QString()};
        if (!image.block.isNull()) {
            // A caption paragraph after a blank line, in the image's container.
            const QString prefix = linePrefix(body, image.block.start);
            const qsizetype at = image.block.end();
            QString text = u'\n' + blankLinePrefix(prefix) + u'\n' + continuationPrefix(prefix) + markdown;
            if (needsBlankAfter(body, at))
                text += u'\n' + blankLinePrefix(prefix);
            return replace(at, at, text);
        }
        if (!inBody(body, image.urlRange))
            break;
        const qsizetype destEnd = image.urlRange.end() + (isAngle(body, image.urlRange) ? 1 : 0);
        return replace(destEnd, destEnd, u' ' + quoteLinkTitle(caption.trimmed()));
    }
    case Source::FigureCaption:
    case Source::FigureTitle:
        break;
    }
    return failure(image, Images::tr("The image's caption could not be found in the text; look at the images again."),
                   Error::Kind::Invalid);
}

Result<TextEdit> setUrl(QStringView body, const PostImage &image, QStringView url)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    if (image.kind == PostImage::Kind::Figure) {
        const std::optional<ShortcodeTag> tag = figureTag(body, image);
        if (!tag)
            return noTag(image);
        if (url.isEmpty())
            return failure(image, Images::tr("A figure needs an image address (src)."));
        return setArgument(body, image, *tag, u"src", url, tag->nameEnd);
    }
    if (!inBody(body, image.urlRange)) {
        return failure(image, Images::tr("The definition of this image's reference label was not found; add “[label]: address” "
                               "on a line of its own."));
    }
    const bool angle = isAngle(body, image.urlRange);
    const qsizetype start = image.urlRange.start - (angle ? 1 : 0);
    const qsizetype end = image.urlRange.end() + (angle ? 1 : 0);
    QString dest = escapeDestination(url, image.kind == PostImage::Kind::Reference);
    // With nothing before it, the title would be read as the destination.
    if (dest.isEmpty() && !image.title.isEmpty())
        dest = u"<>"_s;
    return replace(start, end, dest);
}

Result<TextEdit> separateMergedCaption(QStringView body, const PostImage &image)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    if (!image.mergedCaption || !inBody(body, image.captionRange) || image.block.isNull())
        return failure(image, Images::tr("This image has no caption line directly under it."));
    const QString prefix = linePrefix(body, image.block.start);
    const QString blank = blankLinePrefix(prefix);
    const qsizetype captionLine = lineStart(body, image.captionRange.start);
    const qsizetype end = unitEnd(body, image);
    const qsizetype imageLineEnd = lineEnd(body, end);
    // The caption line's own prefix is kept when it is in the same block quotes as the image
    // (a lazy line is not: it gets the image line's prefix).
    const QStringView captionPrefix = body.sliced(captionLine, image.captionRange.start - captionLine);
    const bool samePrefix = captionPrefix.count(u'>') == prefix.count(u'>');
    if (imageLineEnd == end && samePrefix)
        return replace(captionLine, captionLine, blank + u'\n');
    // A hard break ("  " or "\" after the image) would end the image's paragraph visibly.
    return replace(end, image.captionRange.start,
                   u'\n' + blank + u'\n' + (samePrefix ? captionPrefix.toString() : continuationPrefix(prefix)));
}

Result<TextEdit> convertToFigure(QStringView body, const PostImage &image)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    if (image.kind == PostImage::Kind::Figure)
        return failure(image, Images::tr("This image is already a figure."));
    if (!image.imageOnly || image.block.isNull() || !inBody(body, image.block))
        return failure(image, Images::tr("Only an image alone in its paragraph can become a figure; this one shares its "
                               "paragraph with text."));

    QList<std::pair<QString, QString>> arguments{{u"src"_s, image.url}};
    if (!image.alt.isEmpty())
        arguments.append({u"alt"_s, image.alt});
    if (image.captionSource == PostImage::CaptionSource::Paragraph || image.captionSource == PostImage::CaptionSource::MergedLine)
        arguments.append({u"caption"_s, image.caption});
    if (!image.title.isEmpty())
        arguments.append({u"title"_s, image.title});
    if (image.block.start < image.source.start) {
        std::optional<Destination> link;
        linkEnd(body, image.source.end(), body.size(), &link);
        if (!link)
            return failure(image, Images::tr("The link around this image is a reference link, which a figure cannot take; "
                                   "write the address in the link first."));
        arguments.append({u"link"_s, unescape(body.sliced(link->url.start, link->url.length))});
    }
    QString call = u"{{< figure"_s;
    for (const auto &[key, value] : std::as_const(arguments)) {
        const std::optional<QString> quoted = shortcodeValue(value);
        if (!quoted) {
            return failure(image, Images::tr("Hugo cannot read this %1 back from a shortcode argument: it has a double quote, "
                                   "a backtick and a backslash (or a line break) together.").arg(key));
        }
        call += u' ' + key + u'=' + *quoted;
    }
    call += u" >}}"_s;
    return replace(image.block.start, image.block.end(), call);
}

Result<TextEdit> convertFromFigure(QStringView body, const PostImage &image)
{
    if (std::optional<Error> e = checkSource(body, image))
        return *e;
    if (image.kind != PostImage::Kind::Figure)
        return failure(image, Images::tr("This image is not a figure."));
    const std::optional<ShortcodeTag> tag = figureTag(body, image);
    if (!tag)
        return noTag(image);
    if (tag->hasPositional())
        return failure(image, Images::tr("This figure call has positional arguments; name them (src=…) first."));
    static const QStringList known{u"src"_s, u"alt"_s, u"caption"_s, u"title"_s};
    for (const ShortcodeArgument &a : tag->arguments) {
        if (!known.contains(a.key)) {
            return failure(image, Images::tr("The figure's “%1” argument has no Markdown equivalent; remove it first or keep the figure.")
                                      .arg(a.key));
        }
    }
    QString text = u"!["_s + escapeAltText(image.alt) + u"]("_s + escapeDestination(image.url, false);
    if (!image.title.isEmpty())
        text += u' ' + quoteLinkTitle(image.title);
    text += u')';
    const ShortcodeArgument *captionArgument = tag->named(u"caption");
    const QString caption = captionArgument ? escapeCaptionParagraph(captionArgument->text) : QString();
    if (!caption.isEmpty()) {
        const QString prefix = linePrefix(body, image.source.start);
        const qsizetype end = lineEnd(body, image.source.end());
        if (displayWidth(caption) > kMaxCaptionColumns)
            return failure(image, tooLong());
        if (!isContainerPrefix(prefix) || !body.sliced(image.source.end(), end - image.source.end()).trimmed().isEmpty()) {
            return failure(image, Images::tr("The figure shares its line with text, so its caption cannot become a paragraph; "
                                   "put the figure on a line of its own first."));
        }
        text += u'\n' + blankLinePrefix(prefix) + u'\n' + continuationPrefix(prefix) + caption;
        if (needsBlankAfter(body, image.source.end()))
            text += u'\n' + blankLinePrefix(prefix);
    }
    return replace(image.source.start, image.source.end(), text);
}

} // namespace imageedits

} // namespace frontmark
