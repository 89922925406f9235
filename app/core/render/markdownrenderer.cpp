// SPDX-License-Identifier: GPL-3.0-or-later
// markdownrenderer.cpp: the only translation unit that includes cmark-gfm.
//
// cmark-gfm parses CommonMark + GFM; Hugo renders with Goldmark. Where the two differ, this
// file bends cmark-gfm's tree or output towards Goldmark's, each step citing the Hugo or
// Goldmark behaviour it mirrors. Fidelity is measured against Hugo 0.111.3's own output in
// ../shared/corpus/expected/ (tests/golden).

#include "markdownrenderer.h"

#include "render/cmark_p.h"
#include "render/definitionlists.h"
#include "render/limits.h"
#include "render/shortcodes.h"
#include "render/tablelimits.h"
#include "text/textutil.h"
#include "util/confinedpath.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cmark-gfm.h>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace frontmark {

using detail::CmarkDocument;
using detail::literal;
using detail::plainText;

namespace {

// ---- the parsed document ----------------------------------------------------------------

// cmark-gfm set up as Hugo's Goldmark is by the site's markup settings.
int hugoOptions(const MarkupSettings &m)
{
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    if (m.unsafe)
        options |= CMARK_OPT_UNSAFE; // otherwise raw HTML becomes <!-- raw HTML omitted -->, as in Goldmark
    if (m.footnote)
        options |= CMARK_OPT_FOOTNOTES;
    if (m.typographer)
        options |= CMARK_OPT_SMART;
    if (m.hardWraps)
        options |= CMARK_OPT_HARDBREAKS;
    return options;
}

QByteArrayList hugoExtensions(const MarkupSettings &m)
{
    QByteArrayList names;
    if (m.table)
        names << "table";
    if (m.strikethrough)
        names << "strikethrough";
    if (m.linkify)
        names << "autolink";
    if (m.taskList)
        names << "tasklist";
    return names;
}

// Hugo's autoHeadingIDType "github" (markup/goldmark/autoid.go): trim, then keep letters,
// digits and '_' (lower-cased), turn ' ' and '-' into '-', drop everything else. CJK letters
// are letters, so Chinese headings keep their characters.
QString githubId(const QString &text)
{
    QString out;
    const QList<uint> ucs = text.trimmed().toUcs4();
    for (const uint cp : ucs) {
        const char32_t c = char32_t(cp);
        if (c == U'-' || c == U' ') {
            out += u'-';
        } else if (c == U'_' || QChar::isLetter(c) || QChar::isDigit(c)) {
            const char32_t lower = QChar::toLower(c);
            out += QString::fromUcs4(&lower, 1);
        }
    }
    return out;
}

struct HeadingAttributes {
    QString id;
    QStringList classes;
    QList<std::pair<QString, QString>> other;
};

// Goldmark's parser.WithAttribute(): "## Title {#id .class key=value}" at the end of a heading.
std::optional<HeadingAttributes> takeHeadingAttributes(cmark_node *heading)
{
    cmark_node *last = cmark_node_last_child(heading);
    if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT)
        return std::nullopt;
    static const QRegularExpression re(uR"(\s*\{([^{}]*)\}\s*$)"_s);
    const QString text = literal(last);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    HeadingAttributes attrs;
    static const QRegularExpression token(uR"re(#([^\s#.]+)|\.([^\s#.]+)|([A-Za-z_:][-A-Za-z0-9_:.]*)=(?:"([^"]*)"|'([^']*)'|(\S+)))re"_s);
    const QString inside = m.captured(1);
    qsizetype consumed = 0;
    auto it = token.globalMatch(inside);
    while (it.hasNext()) {
        const auto t = it.next();
        if (!QStringView(inside).sliced(consumed, t.capturedStart() - consumed).trimmed().isEmpty())
            return std::nullopt; // not an attribute list after all
        consumed = t.capturedEnd();
        if (t.hasCaptured(1))
            attrs.id = t.captured(1);
        else if (t.hasCaptured(2))
            attrs.classes.append(t.captured(2));
        else
            attrs.other.append({t.captured(3), t.captured(4) + t.captured(5) + t.captured(6)});
    }
    if (!QStringView(inside).sliced(consumed).trimmed().isEmpty())
        return std::nullopt;
    const QString rest = text.left(m.capturedStart());
    cmark_node_set_literal(last, rest.toUtf8().constData());
    return attrs;
}

// Output fixes that are simplest on the HTML text of one block.
QString polishBlockHtml(QString html, bool mayHaveTables = true)
{
    // GFM tables: cmark-gfm writes align="center"; Goldmark writes style="text-align:center".
    static const QRegularExpression align(uR"re(<(th|td) align="(left|center|right)")re"_s);
    if (mayHaveTables && html.contains(u" align=\""_s))
        html.replace(align, uR"re(<\1 style="text-align:\2")re"_s);
    // Goldmark writes HTML5 void elements (<br>, <img …>); cmark-gfm writes XHTML (<br />).
    // A scan, not a regex: this runs on every block and most blocks have an image or a break.
    for (qsizetype at = html.indexOf(u" />"_s); at >= 0; at = html.indexOf(u" />"_s, at)) {
        const qsizetype open = html.lastIndexOf(u'<', at);
        const QStringView tag = QStringView(html).sliced(open + 1, qMin<qsizetype>(6, at - open - 1));
        const bool isVoid = tag.startsWith(u"img"_s) || tag.startsWith(u"br"_s) || tag.startsWith(u"hr"_s)
            || tag.startsWith(u"input"_s);
        if (open >= 0 && isVoid)
            html.remove(at, 2); // " />" -> ">"
        else
            at += 3;
    }
    return html;
}

class Transformer
{
public:
    Transformer(CmarkDocument &doc, const MarkupSettings &markup) : m_doc(doc), m_markup(markup) {}

    void run()
    {
        // Collect first: the tree is edited below, and iterators do not survive edits.
        QList<cmark_node *> headings;
        QList<cmark_node *> footnoteRefs;
        QList<cmark_node *> links;
        QList<cmark_node *> paddingCells;
        QList<cmark_node *> apostrophes;
        cmark_iter *it = cmark_iter_new(m_doc.root());
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER)
                continue;
            cmark_node *n = cmark_iter_get_node(it);
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING: headings.append(n); break;
            case CMARK_NODE_FOOTNOTE_REFERENCE: footnoteRefs.append(n); break;
            case CMARK_NODE_FOOTNOTE_DEFINITION: m_footnoteDefs.append(n); break;
            case CMARK_NODE_LINK: links.append(n); break;
            case CMARK_NODE_TEXT:
                if (m_markup.typographer && qstrcmp(cmark_node_get_literal(n), "\u2019") == 0)
                    apostrophes.append(n);
                break;
            default:
                // cmark-gfm pads a short table row with empty cells that carry the column's
                // alignment; Goldmark writes a bare <td></td>. Padding cells have no source
                // column, a written empty cell does.
                if (!m_hasTables && qstrcmp(cmark_node_get_type_string(n), "table") == 0)
                    m_hasTables = true;
                if (cmark_node_get_start_column(n) == 0 && !cmark_node_first_child(n)
                    && qstrcmp(cmark_node_get_type_string(n), "table_cell") == 0)
                    paddingCells.append(n);
                break;
            }
        }
        cmark_iter_free(it);

        for (cmark_node *h : headings)
            transformHeading(h);
        for (cmark_node *l : links)
            transformLink(l);
        for (cmark_node *r : footnoteRefs)
            transformFootnoteRef(r);
        // cmark-gfm's smart punctuation turns a "'" that can neither open nor close into an
        // apostrophe; Goldmark's typographer leaves it as typed (a lone ' between spaces or
        // alone in a table cell).
        for (cmark_node *q : apostrophes) {
            cmark_node *prev = cmark_node_previous(q);
            cmark_node *next = cmark_node_next(q);
            const QString before = prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT ? literal(prev) : QString();
            const QString after = next && cmark_node_get_type(next) == CMARK_NODE_TEXT ? literal(next) : QString();
            const bool spaceBefore = prev ? (!before.isEmpty() && before.back().isSpace()) : true;
            const bool spaceAfter = next ? (!after.isEmpty() && after.front().isSpace()) : true;
            if (spaceBefore && spaceAfter)
                cmark_node_set_literal(q, "'");
        }
        for (cmark_node *cell : paddingCells) {
            // A text marker: table cells accept text but not custom inlines.
            cmark_node *marker = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(marker, QString(QChar(0xE002)).toUtf8().constData());
            if (cmark_node_append_child(cell, marker))
                m_hasPadding = true;
            else
                cmark_node_free(marker);
        }
    }

    // Goldmark's footnote section, or empty. Detaches the definitions from the tree.
    // cmark-gfm numbers footnotes by first reference, as Goldmark does, keeps only the
    // referenced definitions and moves them to the end in that order: definition k is
    // footnote number k.
    QString footnotesHtml()
    {
        QString out;
        if (!m_footnoteDefs.isEmpty()) {
            out = u"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n"_s;
            int number = 0;
            for (cmark_node *def : std::as_const(m_footnoteDefs)) {
                ++number;
                const QString n = QString::number(number);
                QString backlinks;
                const int refs = qMax(1, m_refCounts.value(number));
                for (int i = 0; i < refs; ++i) {
                    backlinks += u"&#160;<a href=\"#fnref"_s + (i > 0 ? QString::number(i) : QString()) + u':' + n
                        + u"\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>"_s;
                }
                QString body;
                for (cmark_node *child = cmark_node_first_child(def); child; child = cmark_node_next(child))
                    body += polish(m_doc.renderHtml(child));
                // The back links go inside the last paragraph, as Goldmark puts them (cmark-gfm
                // leaves a space there for its own back link).
                if (body.endsWith(u"</p>\n"_s)) {
                    qsizetype at = body.size() - 5;
                    while (at > 0 && body[at - 1] == u' ')
                        --at;
                    body.replace(at, body.size() - 5 - at, backlinks);
                } else {
                    body += backlinks;
                }
                out += u"<li id=\"fn:"_s + n + u"\">\n"_s + body + u"</li>\n"_s;
            }
            out += u"</ol>\n</div>\n"_s;
        }
        for (cmark_node *def : std::as_const(m_footnoteDefs)) {
            cmark_node_unlink(def);
            cmark_node_free(def);
        }
        m_footnoteDefs.clear();
        return out;
    }

    // Block HTML with cmark-gfm's footnote references in Goldmark's markup, in document order.
    QString polish(QString html)
    {
        // Each fix-up scans the block only if the tree had something for it to fix.
        html = polishBlockHtml(html, m_hasTables);
        if (m_hasPadding && html.contains(QChar(0xE002))) {
            static const QRegularExpression padding(u"<td[^>]*>\uE002</td>"_s);
            html.replace(padding, u"<td></td>"_s);
            html.remove(QChar(0xE002));
        }
        if (!m_headingAttrs.isEmpty() && html.contains(QChar(0xE000))) {
            static const QRegularExpression marker(u"<h([1-6])>\uE000(\\d+)\uE001"_s);
            QString out;
            qsizetype last = 0;
            auto it = marker.globalMatch(html);
            while (it.hasNext()) {
                const auto m = it.next();
                out += QStringView(html).sliced(last, m.capturedStart() - last);
                out += u"<h"_s + m.captured(1) + m_headingAttrs.value(m.captured(2).toInt()) + u'>';
                last = m.capturedEnd();
            }
            out += QStringView(html).sliced(last);
            // A marker cmark-gfm placed elsewhere (it should not happen) must not leak out.
            static const QRegularExpression stray(u"\uE000\\d+\uE001"_s);
            out.remove(stray);
            html = out;
        }
        static const QRegularExpression ref(
            uR"re(<sup class="footnote-ref"><a href="#fn-[^"]*" id="fnref-[^"]*" data-footnote-ref>\d+</a></sup>)re"_s);
        qsizetype from = 0;
        while (m_nextRef < m_refMarkup.size() && html.contains(u"footnote-ref"_s)) {
            const QRegularExpressionMatch m = ref.match(html, from);
            if (!m.hasMatch())
                break;
            const QString &markup = m_refMarkup[m_nextRef++];
            html.replace(m.capturedStart(), m.capturedLength(), markup);
            from = m.capturedStart() + markup.size();
        }
        return html;
    }

private:
    void transformHeading(cmark_node *h)
    {
        std::optional<HeadingAttributes> attrs;
        if (m_markup.attributeTitle)
            attrs = takeHeadingAttributes(h);
        QString id;
        if (attrs && !attrs->id.isEmpty()) {
            id = attrs->id;
            m_ids.insert(id);
        } else if (m_markup.autoHeadingID) {
            id = uniqueId(githubId(plainText(h)));
        }
        QString attrText;
        if (!id.isEmpty())
            attrText += u" id=\""_s + id.toHtmlEscaped() + u'"';
        if (attrs) {
            if (!attrs->classes.isEmpty())
                attrText += u" class=\""_s + attrs->classes.join(u' ').toHtmlEscaped() + u'"';
            for (const auto &[k, v] : attrs->other)
                attrText += u' ' + k.toHtmlEscaped() + u"=\""_s + v.toHtmlEscaped() + u'"';
        }
        // The heading stays in the tree (moving a heading's children was where a fuzzed
        // "# ftp://y" freed a link still in use); a marker inline in front of its text tells
        // polish() which <hN> gets these attributes.
        m_headingAttrs.append(attrText);
        cmark_node *marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_set_on_enter(marker, (QChar(0xE000) + QString::number(m_headingAttrs.size() - 1) + QChar(0xE001)).toUtf8().constData());
        cmark_node_set_on_exit(marker, "");
        if (!cmark_node_prepend_child(h, marker))
            cmark_node_free(marker);
    }

    // Hugo's idFactory: the first use of an id wins, later ones get "-1", "-2", …
    QString uniqueId(QString id)
    {
        if (id.isEmpty())
            id = u"heading"_s;
        // Suffixes for one base only grow, so resume after the last one handed out instead of
        // counting from 1 again (a long post with many equal headings stays linear).
        QString candidate = id;
        int &next = m_nextSuffix[id];
        while (m_ids.contains(candidate))
            candidate = id + u'-' + QString::number(++next);
        m_ids.insert(candidate);
        return candidate;
    }

    // Goldmark's linkify differs from GFM's autolink extension in two ways that show: a bare
    // "www." link gets "https://" (not "http://"), and a URL glued to a preceding letter (as in
    // "參考https://…") is not linked at all.
    void transformLink(cmark_node *link)
    {
        const QString url = QString::fromUtf8(cmark_node_get_url(link));
        cmark_node *child = cmark_node_first_child(link);
        if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT)
            return;
        const QString text = literal(child);
        const bool isWww = url == u"http://"_s + text && text.startsWith(u"www."_s);
        const bool isAuto = isWww || url == text || url == u"mailto:"_s + text;
        if (!isAuto)
            return;
        cmark_node *prev = cmark_node_previous(link);
        if (prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT) {
            const QString before = literal(prev);
            if (!before.isEmpty()) {
                const QChar c = before.back();
                if (!c.isSpace() && c != u'*' && c != u'_' && c != u'~' && c != u'(') {
                    cmark_node_set_literal(prev, (before + text).toUtf8().constData());
                    cmark_node_free(link);
                    return;
                }
            }
        }
        if (isWww)
            cmark_node_set_url(link, (u"https://"_s + text).toUtf8().constData());
    }

    // Goldmark: <sup id="fnref:N"> for the first reference, fnref1:N, fnref2:N… after.
    void transformFootnoteRef(cmark_node *ref)
    {
        const int number = literal(ref).toInt();
        const int refIndex = m_refCounts.value(number);
        m_refCounts[number] = refIndex + 1;
        const QString n = QString::number(number);
        m_refMarkup.append(u"<sup id=\"fnref"_s + (refIndex > 0 ? QString::number(refIndex) : QString()) + u':' + n
                           + u"\"><a href=\"#fn:"_s + n + u"\" class=\"footnote-ref\" role=\"doc-noteref\">"_s + n
                           + u"</a></sup>"_s);
    }

    CmarkDocument &m_doc;
    const MarkupSettings &m_markup;
    QSet<QString> m_ids;
    QHash<QString, int> m_nextSuffix;
    QStringList m_headingAttrs; // attributes of heading k, whose text starts with marker k
    bool m_hasTables = false;
    bool m_hasPadding = false;
    QHash<int, int> m_refCounts;  // footnote number -> references seen
    QStringList m_refMarkup;      // Goldmark markup of each reference, in document order
    qsizetype m_nextRef = 0;
    QList<cmark_node *> m_footnoteDefs;
};

// Swaps each shortcode placeholder token (placeholderToken(i): "FMSCPH<i>X") for its HTML in
// one pass over the block. Hugo drops the <p> around a shortcode that stands alone in its
// paragraph (expandShortcodeTokens).
QString substitutePlaceholders(const QString &html, const QStringList &placeholders)
{
    static const QString prefix = placeholderToken(0).left(6); // "FMSCPH"
    qsizetype at = placeholders.isEmpty() ? -1 : html.indexOf(prefix);
    if (at < 0)
        return html;
    QString out;
    out.reserve(html.size());
    qsizetype copied = 0;
    for (; at >= 0; at = html.indexOf(prefix, at)) {
        qsizetype q = at + prefix.size();
        qsizetype index = 0;
        while (q < html.size() && q - at < 16 && html[q] >= u'0' && html[q] <= u'9')
            index = index * 10 + (html[q++].unicode() - u'0');
        if (q == at + prefix.size() || q >= html.size() || html[q] != u'X' || index >= placeholders.size()) {
            at += prefix.size();
            continue;
        }
        qsizetype begin = at;
        qsizetype end = q + 1;
        const bool alone = begin >= 3 && QStringView(html).sliced(begin - 3, 3) == u"<p>"
            && QStringView(html).sliced(end).startsWith(u"</p>");
        if (alone) {
            begin -= 3;
            end += 4;
        }
        out += QStringView(html).sliced(copied, begin - copied);
        out += placeholders[index];
        copied = end;
        at = end;
    }
    out += QStringView(html).sliced(copied);
    return out;
}

// Hugo's page lexer takes the first "<!--more-->" (exactly so, anywhere in the content, even
// inside code) as the summary divider and removes it before rendering.
void removeSummaryDivider(QString &markdown)
{
    const qsizetype at = markdown.indexOf(u"<!--more-->"_s);
    if (at >= 0)
        markdown.remove(at, 11);
}

// Goldmark builds a table from a paragraph's lines, so a row indented by four or more spaces
// is still a row (a paragraph's lazy continuation); cmark-gfm ends the table there and starts
// a code block. Un-indent such rows. Lines keep their count, so the line map is unchanged.
void unindentTableRows(QString &markdown)
{
    if (!markdown.contains(u'|'))
        return;
    static const QRegularExpression delimiterRow(uR"(^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$)"_s);
    QStringList lines = markdown.split(u'\n');
    text::FenceTracker fences;
    bool inTable = false;
    bool changed = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString &line = lines[i];
        if (fences.isCode(line)) {
            inTable = false;
            continue;
        }
        if (line.trimmed().isEmpty()) {
            inTable = false;
            continue;
        }
        if (!inTable) {
            // Header and delimiter rows indented four or more spaces are code, not a table.
            inTable = i > 0 && lines[i - 1].contains(u'|') && !lines[i - 1].startsWith(u"    "_s)
                && !line.startsWith(u"    "_s) && line.contains(u'-') && delimiterRow.match(line).hasMatch();
            continue;
        }
        if (line.contains(u'|') && line.startsWith(u"    "_s)) {
            line = line.trimmed();
            changed = true;
        }
    }
    if (changed)
        markdown = lines.join(u'\n');
}

int mapLine(const QList<int> &sourceLines, int markdownLine, int fallbackOffset)
{
    if (markdownLine >= 1 && markdownLine <= sourceLines.size())
        return sourceLines[markdownLine - 1];
    return markdownLine + fallbackOffset;
}

// 1-based column (characters) of `needle` in file line `fileLine` of the body, or 1.
int columnOf(const text::TextLines &lines, QStringView body, int fileLine, const QString &needle)
{
    const qsizetype start = lines.startOfLine(fileLine);
    if (start < 0 || needle.isEmpty())
        return 1;
    const qsizetype end = lines.lineEnd(start);
    const qsizetype at = body.sliced(start, end - start).indexOf(needle);
    return at < 0 ? 1 : lines.column(start + at);
}

void checkImagesAndHtml(cmark_node *root, QStringView body, const RenderOptions &options, const QList<int> &sourceLines,
                        Diagnostics &out)
{
    const bool unsafe = options.site.markup().unsafe;
    const text::TextLines lines(body, options.bodyFirstLine);
    QHash<QString, bool> exists; // one file system look-up per distinct image
    std::optional<QString> permalink;
    const auto pagePath = [&]() -> const QString & {
        if (!permalink)
            permalink = options.site.permalinkPath(options.postPath, options.frontMatter);
        return *permalink;
    };
    QSet<int> htmlReported;
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    cmark_node *block = nullptr;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        const cmark_node_type type = cmark_node_get_type(n);
        if (cmark_node_get_start_line(n) > 0 && type != CMARK_NODE_TEXT)
            block = n;
        const int mdLine = block ? cmark_node_get_start_line(block) : 1;
        const int fileLine = mapLine(sourceLines, mdLine, options.bodyFirstLine - 1);
        if (type == CMARK_NODE_IMAGE) {
            const QString url = QString::fromUtf8(cmark_node_get_url(n));
            if (url.isEmpty() || !Site::isLocalUrl(url) || url.startsWith(u'#'))
                continue;
            auto found = exists.find(url);
            // Past kMaxImages distinct files the look-ups stop, as findImages() stops listing
            // (which reports it): each costs a few system calls (issue #21).
            if (found == exists.end() && exists.size() >= kMaxImages)
                continue;
            if (found == exists.end()) {
                // A path that leaves the site is imageProblems()' error, not a missing file too.
                const bool reported = !siteUrlPath(url, pagePath());
                found = exists.insert(url, reported || options.site.resolveLocal(url, options.postPath).has_value());
            }
            if (!found.value()) {
                out.append(Diagnostic{Diagnostic::Severity::Warning,
                                      Renderer::tr("The image “%1” is not in the site's static or content folders; the published page will show it broken.").arg(url),
                                      options.postPath, fileLine, columnOf(lines, body, fileLine, url),
                                      u"missing-image"_s, url});
            }
        } else if (!unsafe && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
            const QString html = literal(n).trimmed().section(u'\n', 0, 0);
            if (html.startsWith(u"<!--"_s) || htmlReported.contains(fileLine))
                continue; // comments are dropped silently anyway
            htmlReported.insert(fileLine);
            out.append(Diagnostic{Diagnostic::Severity::Warning,
                                  Renderer::tr("Hugo omits raw HTML such as “%1” unless the site sets markup.goldmark.renderer.unsafe = true.")
                                      .arg(html.left(40)),
                                  options.postPath, fileLine, columnOf(lines, body, fileLine, html.left(20))});
        }
    }
    cmark_iter_free(it);
}

} // namespace

MarkdownRenderer::MarkdownRenderer()
{
    detail::registerExtensionsOnce();
}

RenderResult MarkdownRenderer::render(QStringView body, const RenderOptions &options) const
{
    RenderResult result;
    const MarkupSettings &markup = options.site.markup();

    // Fragments rendered on behalf of shortcodes (figure captions, {{% %}} inners) go through
    // the same cmark-gfm settings, without the page-level id and footnote state.
    ShortcodeContext context;
    context.options = &options;
    context.markdownify = [&markup](const QString &md, bool inlineOnly) {
        QString fragment = md;
        if (markup.table)
            (void)limitTables(fragment, {}, {}); // the page's own pass reports on tables
        CmarkDocument doc(fragment.toUtf8(), hugoOptions(markup), hugoExtensions(markup));
        QString html = polishBlockHtml(doc.renderHtml(doc.root()));
        if (inlineOnly) {
            // Hugo's markdownify drops the <p> around a single paragraph.
            const QString t = html.trimmed();
            if (t.startsWith(u"<p>"_s) && t.endsWith(u"</p>"_s) && t.count(u"<p>"_s) == 1)
                html = t.mid(3, t.size() - 7);
        }
        return html;
    };
    ShortcodeExpansion expansion = expandShortcodes(body, context);
    result.diagnostics = expansion.diagnostics;
    removeSummaryDivider(expansion.markdown);
    if (markup.table) {
        unindentTableRows(expansion.markdown);
        result.diagnostics += limitTables(expansion.markdown, expansion.sourceLines, options.postPath);
    }
    if (markup.definitionList) {
        // Each list becomes one more placeholder, substituted with the shortcodes' outputs.
        const qsizetype first = expansion.placeholderHtml.size();
        DefinitionLists lists = extractDefinitionLists(
            expansion.markdown, expansion.sourceLines, [first](qsizetype i) { return placeholderToken(first + i); },
            [&context](const QString &md) { return context.markdownify(md, false); },
            [&context](const QString &md) { return context.markdownify(md, true); });
        expansion.markdown = lists.markdown;
        expansion.sourceLines = lists.sourceLines;
        for (QString &html : lists.html) {
            // Shortcodes inside a definition were rendered as placeholders in its fragment;
            // the paragraph the list replaces brings its own line ending.
            html = substitutePlaceholders(html, expansion.placeholderHtml);
            if (html.endsWith(u'\n'))
                html.chop(1);
        }
        expansion.placeholderHtml += lists.html;
    }

    CmarkDocument doc(expansion.markdown.toUtf8(), hugoOptions(markup), hugoExtensions(markup));

    // Source lines of each top-level block, taken before the tree is edited.
    QList<std::pair<int, int>> lines;
    for (cmark_node *n = cmark_node_first_child(doc.root()); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        const int offset = options.bodyFirstLine - 1;
        lines.append({mapLine(expansion.sourceLines, cmark_node_get_start_line(n), offset),
                      mapLine(expansion.sourceLines, cmark_node_get_end_line(n), offset)});
    }

    // Diagnostics need the tree before it is edited: local images that do not exist, and raw
    // HTML that Hugo will drop under its default settings.
    checkImagesAndHtml(doc.root(), body, options, expansion.sourceLines, result.diagnostics);

    Transformer transformer(doc, markup);
    transformer.run();

    qsizetype index = 0;
    for (cmark_node *n = cmark_node_first_child(doc.root()); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        RenderBlock block;
        block.firstLine = lines.value(index).first;
        block.lastLine = lines.value(index).second;
        block.html = substitutePlaceholders(transformer.polish(doc.renderHtml(n)), expansion.placeholderHtml);
        result.html += block.html;
        result.blocks.append(block);
        ++index;
    }
    const QString footnotes = transformer.footnotesHtml();
    if (!footnotes.isEmpty()) {
        RenderBlock block;
        block.firstLine = result.blocks.isEmpty() ? options.bodyFirstLine : result.blocks.last().lastLine;
        block.lastLine = block.firstLine;
        block.html = substitutePlaceholders(footnotes, expansion.placeholderHtml);
        result.html += block.html;
        result.blocks.append(block);
    }
    return result;
}

} // namespace frontmark
