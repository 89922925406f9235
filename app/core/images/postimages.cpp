// SPDX-License-Identifier: GPL-3.0-or-later
#include "postimages.h"

#include "images/imagesyntax_p.h"
#include "render/cmark_p.h"
#include "render/shortcodes.h"
#include "text/textutil.h"
#include "util/confinedpath.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QHash>

#include <cmark-gfm.h>

#include <algorithm>
#include <optional>

// Which images exist, and what their alt text, URL and title mean, is cmark-gfm's answer (the
// same parser the preview uses, so an image inside code is no image). Where they are is not:
// cmark-gfm 0.29's inline source positions count from the paragraph's first column on every
// line, so on a continuation line (in a block quote, a list item, after indentation) they are
// off by that line's prefix, and multi-line end positions are wrong. So the line and the
// byte column only say where to look; the ranges come from lexing the text as written
// (imagesyntax_p.h), checked against what cmark-gfm resolved.

using namespace Qt::StringLiterals;

namespace frontmark {

using namespace imagesyntax;

namespace {

enum class CaptionKind { None, Paragraph, Merged };

// What the cmark-gfm tree says about one image, collected under the lock.
struct TreeImage {
    int line = 0;           // body line of the image (cmark sourcepos)
    int column = 0;         // 1-based byte column, relative to the block's first column
    int blockLine = 0;      // the paragraph or heading around it
    int blockColumn = 0;
    int blockLastLine = 0;
    QString url, title, alt;
    bool imageOnly = false; // the only content of its paragraph (maybe inside a link)
    bool linked = false;
    CaptionKind caption = CaptionKind::None;
    int captionLine = 0;    // body line of the caption candidate
};

// UTF-8 as cmark-gfm sees it, with the byte count of each UTF-16 unit fixed here: a lone
// surrogate and U+0000 become U+FFFD (cmark-gfm replaces NUL the same way), so byte columns
// convert back exactly.
int utf8Length(QStringView s, qsizetype i, qsizetype *units)
{
    const char16_t c = s[i].unicode();
    *units = 1;
    if (c != 0 && c < 0x80)
        return 1;
    if (c != 0 && c < 0x800)
        return 2;
    if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *units = 2;
        return 4;
    }
    return 3;
}

QByteArray encodeUtf8(QStringView s)
{
    QByteArray out(s.size() * 3, Qt::Uninitialized);
    char *d = out.data();
    for (qsizetype i = 0; i < s.size();) {
        qsizetype units = 1;
        const int length = utf8Length(s, i, &units);
        char32_t c = s[i].unicode();
        if (units == 2)
            c = QChar::surrogateToUcs4(s[i], s[i + 1]);
        else if (length == 3 && (c == 0 || QChar::isSurrogate(c)))
            c = 0xFFFD;
        switch (length) {
        case 1: *d++ = char(c); break;
        case 2: *d++ = char(0xC0 | (c >> 6)); *d++ = char(0x80 | (c & 0x3F)); break;
        case 3:
            *d++ = char(0xE0 | (c >> 12)); *d++ = char(0x80 | ((c >> 6) & 0x3F)); *d++ = char(0x80 | (c & 0x3F));
            break;
        default:
            *d++ = char(0xF0 | (c >> 18)); *d++ = char(0x80 | ((c >> 12) & 0x3F));
            *d++ = char(0x80 | ((c >> 6) & 0x3F)); *d++ = char(0x80 | (c & 0x3F));
            break;
        }
        i += units;
    }
    out.truncate(d - out.constData());
    return out;
}

bool isType(cmark_node *n, cmark_node_type type)
{
    return n && cmark_node_get_type(n) == type;
}

bool isBlankText(cmark_node *n)
{
    if (!isType(n, CMARK_NODE_TEXT))
        return false;
    const char *s = cmark_node_get_literal(n);
    return !s || QByteArrayView(s).trimmed().isEmpty();
}

cmark_node *skipBlank(cmark_node *n)
{
    while (n && isBlankText(n))
        n = cmark_node_next(n);
    return n;
}

using detail::plainText;

// "Short plain" caption content: text, code, emphasis, links, strikethrough; no image, raw
// HTML, break or footnote. `first` and its following siblings are checked.
bool isPlainRun(cmark_node *first)
{
    bool any = false;
    for (cmark_node *sibling = first; sibling; sibling = cmark_node_next(sibling)) {
        cmark_iter *it = cmark_iter_new(sibling);
        bool ok = true;
        for (cmark_event_type ev; ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
            if (ev != CMARK_EVENT_ENTER)
                continue;
            cmark_node *n = cmark_iter_get_node(it);
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                any = any || !isBlankText(n);
                break;
            case CMARK_NODE_CODE:
                any = true;
                break;
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
            case CMARK_NODE_LINK:
                break;
            default:
                ok = qstrcmp(cmark_node_get_type_string(n), "strikethrough") == 0;
                break;
            }
        }
        cmark_iter_free(it);
        if (!ok)
            return false;
    }
    return any;
}

void describeParagraph(cmark_node *image, cmark_node *block, TreeImage &t)
{
    cmark_node *unit = skipBlank(cmark_node_first_child(block));
    if (unit != image) {
        if (!isType(unit, CMARK_NODE_LINK) || cmark_node_parent(image) != unit)
            return;
        if (skipBlank(cmark_node_first_child(unit)) != image || skipBlank(cmark_node_next(image)))
            return;
        t.linked = true;
    }
    cmark_node *after = skipBlank(cmark_node_next(unit));
    if (!after) {
        t.imageOnly = true;
        // A caption paragraph: the next block in the same container, one line, plain.
        cmark_node *next = cmark_node_next(block);
        if (isType(next, CMARK_NODE_PARAGRAPH) && cmark_node_get_start_line(next) == cmark_node_get_end_line(next)
            && isPlainRun(cmark_node_first_child(next))) {
            t.caption = CaptionKind::Paragraph;
            t.captionLine = cmark_node_get_start_line(next);
        }
        return;
    }
    // The image alone on the paragraph's first line, then one plain line: Hugo renders both
    // as one paragraph (a "merged" caption).
    if ((isType(after, CMARK_NODE_SOFTBREAK) || isType(after, CMARK_NODE_LINEBREAK))
        && isPlainRun(cmark_node_next(after))) {
        t.imageOnly = true;
        t.caption = CaptionKind::Merged;
        t.captionLine = cmark_node_get_end_line(block);
    }
}

QList<TreeImage> parseImages(const QByteArray &utf8, const MarkupSettings &markup)
{
    QList<TreeImage> out;
    // The renderer's options, so that alt text reads as the preview shows it (smart
    // punctuation for Hugo's typographer). No table extension: a table is then a paragraph
    // whose inline positions cmark-gfm reports like any other's.
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS;
    if (markup.footnote)
        options |= CMARK_OPT_FOOTNOTES;
    if (markup.typographer)
        options |= CMARK_OPT_SMART;
    const detail::CmarkDocument doc(utf8, options, markup.strikethrough ? QByteArrayList{"strikethrough"} : QByteArrayList());
    cmark_node *root = doc.root();

    cmark_iter *it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *image = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || !isType(image, CMARK_NODE_IMAGE))
            continue;
        TreeImage t;
        t.line = cmark_node_get_start_line(image);
        t.column = cmark_node_get_start_column(image);
        const char *url = cmark_node_get_url(image);
        const char *title = cmark_node_get_title(image);
        t.url = url ? QString::fromUtf8(url) : QString();
        t.title = title ? QString::fromUtf8(title) : QString();
        t.alt = plainText(image);
        cmark_node *block = cmark_node_parent(image);
        while (block && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
            block = cmark_node_parent(block);
        if (block) {
            t.blockLine = cmark_node_get_start_line(block);
            t.blockColumn = cmark_node_get_start_column(block);
            t.blockLastLine = cmark_node_get_end_line(block);
            if (isType(block, CMARK_NODE_PARAGRAPH))
                describeParagraph(image, block, t);
        }
        out.append(t);
        if (out.size() >= kMaxImages)
            break; // issue #21: the rest are neither listed nor looked up
    }
    cmark_iter_free(it);
    return out;
}

/// Finds images in the text as written, from cmark-gfm's hints.
class Locator
{
public:
    explicit Locator(QStringView body) : m_body(body), m_lines(body, 1) {}

    const text::TextLines &lines() const { return m_lines; }
    /// Body line `line`'s start and content end (before "\r\n"/"\n"), or -1.
    qsizetype startOf(int line) const { return m_lines.startOfLine(line); }
    qsizetype contentEnd(qsizetype offset) const
    {
        const qsizetype end = m_lines.lineEnd(offset);
        return end > m_lines.lineStart(offset) && m_body[end - 1] == u'\r' ? end - 1 : end;
    }
    /// The trimmed content of the line that holds `offset`, without container prefixes.
    TextRange lineContent(qsizetype offset) const
    {
        const qsizetype ls = m_lines.lineStart(offset);
        qsizetype end = contentEnd(offset);
        const qsizetype begin = contentStart(m_body, ls, end);
        while (end > begin && m_body[end - 1].isSpace())
            --end;
        return {begin, end - begin};
    }

    std::optional<PostImage> markdownImage(const TreeImage &t, qsizetype notBefore);

private:
    qsizetype advanceBytes(qsizetype from, qsizetype bytes, qsizetype limit);
    qsizetype locate(const TreeImage &t, qsizetype notBefore);
    const Destination *definition(const QString &label, const QString &url, bool *exact);
    bool findLink(const PostImage &image, qsizetype limit, TextRange *unit);

    QStringView m_body;
    text::TextLines m_lines;
    std::optional<QHash<QString, QList<Destination>>> m_definitions;
    // advanceBytes() resumes from its last answer on the same line: many images on one
    // long line stay linear.
    qsizetype m_cacheFrom = -1, m_cacheBytes = 0, m_cacheAt = 0;
};

qsizetype Locator::advanceBytes(qsizetype from, qsizetype bytes, qsizetype limit)
{
    qsizetype at = from, done = 0;
    if (from == m_cacheFrom && bytes >= m_cacheBytes) {
        at = m_cacheAt;
        done = m_cacheBytes;
    }
    while (at < limit && done < bytes) {
        qsizetype units = 1;
        done += utf8Length(m_body, at, &units);
        at += units;
    }
    m_cacheFrom = from;
    m_cacheBytes = done;
    m_cacheAt = at;
    return at;
}

qsizetype Locator::locate(const TreeImage &t, qsizetype notBefore)
{
    const qsizetype ls = startOf(t.line);
    if (ls < 0)
        return -1;
    const qsizetype le = contentEnd(ls);
    // On the block's first line cmark-gfm's column is right; on later lines it counts from
    // the block's first column instead of that line's content start.
    const qsizetype guess = t.line == t.blockLine
        ? advanceBytes(ls, t.column - 1, le)
        : advanceBytes(contentStart(m_body, ls, le), qMax(0, t.column - t.blockColumn), le);
    if (guess >= notBefore && guess + 1 < le && m_body[guess] == u'!' && m_body[guess + 1] == u'[')
        return guess;
    qsizetype best = -1;
    for (qsizetype p = m_body.indexOf(u"![", qMax(ls, notBefore)); p >= 0 && p + 1 < le; p = m_body.indexOf(u"![", p + 1)) {
        if (best < 0 || qAbs(p - guess) < qAbs(best - guess))
            best = p;
        else if (p > guess)
            break;
    }
    return best;
}

const Destination *Locator::definition(const QString &label, const QString &url, bool *exact)
{
    if (!m_definitions) {
        m_definitions.emplace();
        for (const Definition &d : scanDefinitions(m_body))
            (*m_definitions)[d.label].append(d.dest);
    }
    const auto found = m_definitions->constFind(normalizeLabel(label));
    *exact = false;
    if (found == m_definitions->cend() || found->isEmpty())
        return nullptr;
    for (const Destination &d : *found) {
        if (unescape(m_body.sliced(d.url.start, d.url.length)) == url) {
            *exact = true;
            return &d;
        }
    }
    return &found->first();
}

// The link around an image-only image: "[" before it, "](…)" or "][…]" after it.
bool Locator::findLink(const PostImage &image, qsizetype limit, TextRange *unit)
{
    qsizetype open = image.source.start - 1;
    while (open >= 0 && (m_body[open] == u' ' || m_body[open] == u'\t'))
        --open;
    if (open < 0 || m_body[open] != u'[')
        return false;
    const qsizetype end = linkEnd(m_body, image.source.end(), limit);
    if (end < 0)
        return false;
    *unit = {open, end - open};
    return true;
}

std::optional<PostImage> Locator::markdownImage(const TreeImage &t, qsizetype notBefore)
{
    const qsizetype start = locate(t, notBefore);
    if (start < 0)
        return std::nullopt;
    const qsizetype lastLine = startOf(qMax(t.blockLastLine, t.line));
    const qsizetype limit = lastLine < 0 ? m_body.size() : contentEnd(lastLine);
    const qsizetype close = closingBracket(m_body, start + 1, limit);
    if (close < 0)
        return std::nullopt;

    PostImage image;
    image.url = t.url;
    image.title = t.title;
    image.alt = t.alt;
    image.altRange = {start + 2, close - start - 2};

    // The forms cmark-gfm tries, in its order: inline "(…)", then a reference "[label]",
    // "[]" or none. The one whose URL is what cmark-gfm resolved wins.
    std::optional<Destination> inlineDest = parseInlineTail(m_body, close + 1, limit);
    const bool inlineExact = inlineDest && unescape(m_body.sliced(inlineDest->url.start, inlineDest->url.length)) == t.url;
    QString label = m_body.sliced(image.altRange.start, image.altRange.length).toString();
    qsizetype referenceEnd = close + 1;
    if (const std::optional<TextRange> l = parseLabel(m_body, close + 1, limit)) {
        if (l->length > 0)
            label = m_body.sliced(l->start, l->length).toString();
        referenceEnd = l->end() + 1;
    }
    bool referenceExact = false;
    const Destination *reference = inlineExact ? nullptr : definition(label, t.url, &referenceExact);
    Destination dest;
    if (inlineExact || (inlineDest && !referenceExact)) {
        image.kind = PostImage::Kind::Inline;
        dest = *inlineDest;
        image.source = {start, inlineDest->end - start};
    } else {
        image.kind = PostImage::Kind::Reference;
        if (reference)
            dest = *reference;
        image.source = {start, referenceEnd - start};
    }
    image.urlRange = dest.url;
    image.sourceText = m_body.sliced(image.source.start, image.source.length).toString();

    TextRange unit = image.source;
    image.imageOnly = t.imageOnly && (!t.linked || findLink(image, limit, &unit));
    if (image.imageOnly) {
        image.block = unit;
        const bool merged = t.caption == CaptionKind::Merged;
        if (t.caption != CaptionKind::None && (!merged || m_lines.line(unit.end() - 1) + 1 == t.captionLine)) {
            const qsizetype captionStart = startOf(t.captionLine);
            const TextRange range = captionStart < 0 ? TextRange{} : lineContent(captionStart);
            const QStringView text = range.isNull() ? QStringView() : m_body.sliced(range.start, range.length);
            if (isCaptionText(text)) {
                image.caption = text.toString();
                image.captionRange = range;
                image.captionSource = merged ? PostImage::CaptionSource::MergedLine : PostImage::CaptionSource::Paragraph;
                image.mergedCaption = merged;
                image.block = {unit.start, range.end() - unit.start};
            }
        }
        // A second line that is no caption shares the paragraph with the image.
        if (merged && !image.mergedCaption) {
            image.imageOnly = false;
            image.block = {};
        }
    }
    if (image.captionSource == PostImage::CaptionSource::None && !t.title.isEmpty()) {
        image.captionSource = PostImage::CaptionSource::Title;
        image.caption = t.title;
        image.captionRange = dest.title;
    }
    return image;
}

PostImage figureImage(QStringView body, const ShortcodeTag &tag)
{
    PostImage image;
    image.kind = PostImage::Kind::Figure;
    image.source = tag.range;
    image.sourceText = body.sliced(tag.range.start, tag.range.length).toString();
    image.block = tag.range;
    image.imageOnly = true;
    if (const ShortcodeArgument *src = tag.named(u"src")) {
        image.url = src->text;
        image.urlRange = src->value;
    }
    if (const ShortcodeArgument *alt = tag.named(u"alt")) {
        image.alt = alt->text;
        image.altRange = alt->value;
    }
    const ShortcodeArgument *title = tag.named(u"title");
    if (title)
        image.title = title->text;
    // Hugo's figure template shows a caption when the argument is not empty, and the title
    // as a heading in the same <figcaption>.
    if (const ShortcodeArgument *caption = tag.named(u"caption"); caption && !caption->text.isEmpty()) {
        image.captionSource = PostImage::CaptionSource::FigureCaption;
        image.caption = caption->text;
        image.captionRange = caption->value;
    } else if (title && !title->text.isEmpty()) {
        image.captionSource = PostImage::CaptionSource::FigureTitle;
        image.caption = title->text;
        image.captionRange = title->value;
    }
    return image;
}

// The position of a 1-based character column on the line that starts at `lineStart`.
qsizetype advanceColumns(QStringView body, qsizetype lineStart, int column)
{
    qsizetype at = lineStart;
    for (int c = 1; c < column && at < body.size() && body[at] != u'\n'; ++c)
        at += (body[at].isHighSurrogate() && at + 1 < body.size() && body[at + 1].isLowSurrogate()) ? 2 : 1;
    return at;
}

} // namespace

QList<PostImage> findImages(QStringView body, const RenderOptions &options)
{
    Locator locator(body);

    // Shortcode calls first: their tags are text Hugo replaces, so an image written inside
    // one (a figure's caption argument, say) is no image; nor is one in highlighted code.
    QList<PostImage> figures;
    QList<TextRange> hidden;
    for (const ShortcodeCall &call : scanShortcodes(body, 1)) {
        const qsizetype lineStart = locator.startOf(call.line);
        if (lineStart < 0)
            continue;
        const qsizetype at = advanceColumns(body, lineStart, call.column);
        const std::optional<ShortcodeTag> tag = lexShortcodeTag(body, at);
        if (!tag)
            continue;
        hidden.append(tag->range);
        if (call.name == u"highlight" && !call.inner.isEmpty())
            hidden.append({tag->range.end(), call.inner.size()});
        if (call.name == u"figure" && figures.size() < kMaxImages)
            figures.append(figureImage(body, *tag));
    }
    std::sort(hidden.begin(), hidden.end(), [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    // Ranges may nest (a call inside a highlight's inner): keep a running maximum end.
    QList<qsizetype> reach;
    reach.reserve(hidden.size());
    for (const TextRange &r : std::as_const(hidden))
        reach.append(qMax(r.end(), reach.isEmpty() ? qsizetype(0) : reach.last()));
    const auto isHidden = [&](qsizetype pos) {
        const auto it = std::upper_bound(hidden.cbegin(), hidden.cend(), pos,
                                         [](qsizetype p, const TextRange &r) { return p < r.start; });
        return it != hidden.cbegin() && reach[it - hidden.cbegin() - 1] > pos;
    };

    QList<PostImage> out;
    int previousLine = 0;
    qsizetype previousStart = -1;
    for (const TreeImage &t : parseImages(encodeUtf8(body), options.site.markup())) {
        const qsizetype notBefore = t.line == previousLine ? previousStart + 1 : 0;
        std::optional<PostImage> image = locator.markdownImage(t, notBefore);
        if (!image)
            continue;
        previousLine = t.line;
        previousStart = image->source.start;
        if (!isHidden(image->source.start))
            out.append(std::move(*image));
    }
    out += figures;
    std::sort(out.begin(), out.end(), [](const PostImage &a, const PostImage &b) { return a.source.start < b.source.start; });
    // The first kMaxImages in document order (each kind was cut at that many already): the
    // file look-ups below are the costly part, one per image (issue #21).
    if (out.size() > kMaxImages)
        out.resize(kMaxImages);

    const QString pagePath = options.site.permalinkPath(options.postPath, options.frontMatter);
    for (PostImage &image : out) {
        if (!Site::isLocalUrl(image.url)) {
            image.status = PostImage::Status::Remote;
        } else if (!siteUrlPath(image.url, pagePath)) {
            image.status = PostImage::Status::OutsideSite;
        } else if (const std::optional<QString> file = options.site.resolveLocal(image.url, options.postPath)) {
            image.status = PostImage::Status::Found;
            image.filePath = *file;
        }
        image.line = locator.lines().line(image.source.start) + options.bodyFirstLine - 1;
        image.column = locator.lines().column(image.source.start);
    }
    return out;
}

Diagnostics mergedCaptionWarnings(const QList<PostImage> &images, const QString &file)
{
    Diagnostics out;
    for (const PostImage &image : images) {
        if (!image.mergedCaption)
            continue;
        out.append(Diagnostic{Diagnostic::Severity::Warning,
                              Images::tr("The caption “%1” is directly under its image, so Hugo puts both in one paragraph; add a blank line between them.")
                                  .arg(image.caption),
                              file, image.line + 1, 1, u"merged-caption"_s, image.url});
    }
    return out;
}

Diagnostics imageLimitWarnings(const QList<PostImage> &images, const QString &file)
{
    if (images.size() < kMaxImages)
        return {};
    const PostImage &last = images.constLast();
    return {Diagnostic{Diagnostic::Severity::Warning,
                       Images::tr("This post has %1 or more images; Frontmark lists and checks only the first %1, up to this one. Split the post to check the rest.")
                           .arg(kMaxImages),
                       file, last.line, last.column, u"too-many-images"_s, last.url}};
}

Diagnostics imageProblems(const QList<PostImage> &images, const QString &file)
{
    Diagnostics out;
    for (const PostImage &image : images) {
        if (image.status != PostImage::Status::OutsideSite)
            continue;
        out.append(Diagnostic{Diagnostic::Severity::Error,
                              Images::tr("The image path “%1” leaves the site (its “..” climbs above the site's root); "
                                  "link a file inside the site, such as “/images/…”.").arg(image.url),
                              file, image.line, image.column, u"path-leaves-site"_s, image.url});
    }
    out += mergedCaptionWarnings(images, file);
    out += imageLimitWarnings(images, file);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    return out;
}

QString statusName(PostImage::Status status)
{
    switch (status) {
    case PostImage::Status::Found: return u"found"_s;
    case PostImage::Status::Missing: return u"missing"_s;
    case PostImage::Status::Remote: return u"remote"_s;
    case PostImage::Status::OutsideSite: return u"outside-site"_s;
    }
    return {};
}

} // namespace frontmark
