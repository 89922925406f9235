// SPDX-License-Identifier: GPL-3.0-or-later
#include "incrementalrender.h"

#include "text/textutil.h"
#include "util/logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

constexpr int MaxWidening = 64; // blocks added to the slice before a full render is cheaper anyway

// Offsets of the first character of every line (index 0 = line 1).
QList<qsizetype> lineStarts(QStringView text)
{
    QList<qsizetype> starts;
    starts.reserve(text.size() / 40 + 1);
    starts.append(0);
    for (qsizetype i = text.indexOf(u'\n'); i >= 0; i = text.indexOf(u'\n', i + 1))
        starts.append(i + 1);
    return starts;
}

QStringView lineAt(QStringView text, const QList<qsizetype> &starts, int line)
{
    const qsizetype begin = starts.at(line - 1);
    qsizetype end = line < starts.size() ? starts.at(line) - 1 : text.size();
    if (end > begin && text.at(end - 1) == u'\r')
        --end;
    return text.sliced(begin, end - begin);
}

// The line without up to three leading spaces (CommonMark's block-start indentation).
QStringView unindented(QStringView line)
{
    qsizetype i = 0;
    while (i < 3 && i < line.size() && line.at(i) == u' ')
        ++i;
    return line.sliced(i);
}

bool isListMarker(QStringView line)
{
    const QStringView s = unindented(line);
    if (s.size() >= 1 && (s.at(0) == u'-' || s.at(0) == u'+' || s.at(0) == u'*'))
        return s.size() == 1 || s.at(1) == u' ' || s.at(1) == u'\t';
    qsizetype i = 0;
    while (i < s.size() && i < 9 && s.at(i).isDigit())
        ++i;
    return i > 0 && i < s.size() && (s.at(i) == u'.' || s.at(i) == u')')
        && (i + 1 == s.size() || s.at(i + 1) == u' ' || s.at(i + 1) == u'\t');
}

bool isReferenceDefinition(QStringView line)
{
    // "[label]: destination …": the label's first "]" is followed by ":" and a destination.
    const QStringView s = unindented(line);
    if (!s.startsWith(u'['))
        return false;
    const qsizetype close = s.indexOf(u']');
    return close > 1 && close + 1 < s.size() && s.at(close + 1) == u':' && !s.sliced(close + 2).trimmed().isEmpty();
}

bool isSetextUnderline(QStringView line)
{
    const QStringView s = unindented(line).trimmed();
    return !s.isEmpty() && (std::all_of(s.begin(), s.end(), [](QChar c) { return c == u'='; })
                            || std::all_of(s.begin(), s.end(), [](QChar c) { return c == u'-' || c == u' '; }));
}

// True if the lines of `text` hold nothing whose meaning depends on text outside them.
bool isSelfContained(QStringView text)
{
    if (text.contains(u"{{"_s) || text.contains(u"[^"_s))
        return false; // shortcodes (paired ones span blocks), footnotes
    text::FenceTracker fences;
    for (QStringView line : text.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const bool code = fences.isCode(line);
        const QStringView s = unindented(line);
        if (s.startsWith(u'<') || s.startsWith(u':'))
            return false; // HTML blocks, <!--more-->, definition lists
        if (code)
            continue;
        if (s.startsWith(u'#') || isSetextUnderline(line) || isReferenceDefinition(line))
            return false; // heading ids are numbered document-wide; reference definitions
    }
    return !fences.isOpen();
}

bool sameOptions(const RenderOptions &a, const RenderOptions &b)
{
    return a.hugoVersion == b.hugoVersion && a.postPath == b.postPath && a.bodyFirstLine == b.bodyFirstLine
        && a.site.root() == b.site.root() && a.frontMatter == b.frontMatter && a.site.config() == b.site.config();
}

} // namespace

DocumentState documentState(QStringView body)
{
    DocumentState state;
    if (body.contains(u"[^"_s))
        return state; // footnotes are numbered and collected across the document
    state.shortcodes = body.contains(u"{{"_s);
    // Definitions are carried as lines, so only the plain kind: at the top level, after a blank
    // line or another definition, on one line. Anything else that looks like one (indented,
    // quoted, after paragraph text, a title on the next line) renders every edit in full.
    text::FenceTracker fences;
    bool previousBlank = true;
    bool previousDefinition = false;
    for (QStringView line : body.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (fences.isCode(line)) {
            previousBlank = previousDefinition = false;
            continue;
        }
        QStringView bare = line.trimmed();
        while (bare.startsWith(u'>'))
            bare = bare.sliced(1).trimmed();
        if (bare.startsWith(u'[') && bare.indexOf(u"]:"_s) > 0) {
            if (!isReferenceDefinition(line) || !(previousBlank || previousDefinition))
                return state;
            state.definitions += line + u'\n';
            previousDefinition = true;
            previousBlank = false;
            continue;
        }
        if (previousDefinition && !text::isBlank(line))
            return state;
        previousBlank = text::isBlank(line);
        previousDefinition = false;
    }
    // A fence left open by this line-based reading is one cmark may not see (a "~~~" inside a
    // definition list, which the renderer's own pass takes): then the reading above cannot be
    // trusted to have seen every definition.
    state.incremental = !fences.isOpen();
    return state;
}

std::optional<RenderResult> renderIncrementally(const MarkdownRenderer &renderer, const IncrementalBase &base,
                                                const QString &body, const RenderOptions &options)
{
    auto declined = [](const char *why) -> std::optional<RenderResult> {
        qCDebug(lcRender, "full render: %s", why);
        return std::nullopt;
    };
    const QList<RenderBlock> &blocks = base.result.blocks;
    if (!base.state.incremental || blocks.isEmpty() || !sameOptions(base.options, options))
        return declined("state/options");
    const QString &old = base.body;
    if (old == body)
        return base.result;

    // The changed span: old [prefix, old.size() - suffix) became new [prefix, body.size() - suffix).
    const qsizetype shorter = std::min(old.size(), body.size());
    const qsizetype prefix = std::mismatch(old.cbegin(), old.cbegin() + shorter, body.cbegin()).first - old.cbegin();
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old.at(old.size() - 1 - suffix) == body.at(body.size() - 1 - suffix))
        ++suffix;

    const QList<qsizetype> oldStarts = lineStarts(old);
    const QList<qsizetype> newStarts = lineStarts(body);
    const int offset = options.bodyFirstLine - 1; // body line + offset = file line (block lines)
    auto lineOf = [](const QList<qsizetype> &starts, qsizetype pos) {
        return static_cast<int>(std::upper_bound(starts.cbegin(), starts.cend(), pos) - starts.cbegin());
    };
    const int changeFirst = lineOf(oldStarts, prefix) + offset;
    const int changeLast = lineOf(oldStarts, std::max(prefix, old.size() - suffix)) + offset;
    const int delta = static_cast<int>(newStarts.size() - oldStarts.size());

    // The blocks the change touches, and one more on each side (an edit can merge or split them).
    const auto n = blocks.size();
    qsizetype first = std::find_if(blocks.cbegin(), blocks.cend(), [&](const RenderBlock &b) { return b.lastLine >= changeFirst; })
                    - blocks.cbegin();
    qsizetype last = n - 1;
    while (last >= 0 && blocks.at(last).firstLine > changeLast)
        --last;
    qsizetype lo = std::clamp<qsizetype>(std::min(first, last + 1) - 1, 0, n - 1);
    qsizetype hi = std::clamp<qsizetype>(std::max(first - 1, last) + 1, 0, n - 1);

    // Widen to blank-line boundaries. The start's line and the lines before it are unchanged,
    // so a top-level block that follows a blank line starts from the same parser state.
    int widened = 0;
    int previousFirst = 0;
    for (const RenderBlock &b : blocks) {
        if (b.firstLine - offset < 1 || b.lastLine - offset > oldStarts.size() || b.firstLine > b.lastLine
            || b.firstLine < previousFirst)
            return declined("block lines"); // lines that do not map into the body in order
        previousFirst = b.firstLine;
    }
    auto oldLine = [&](int fileLine) { return lineAt(old, oldStarts, fileLine - offset); };
    while (lo > 0 && !text::isBlank(oldLine(blocks.at(lo).firstLine - 1))) {
        if (++widened > MaxWidening)
            return declined("widen start");
        --lo;
    }
    // The end: a blank line after the slice, and a next block that cannot continue anything
    // the slice might now end with (a list item, an indented continuation).
    auto endIsClosed = [&](qsizetype h) {
        const int after = blocks.at(h).lastLine + 1;
        if (after - offset > oldStarts.size() || !text::isBlank(oldLine(after)))
            return false;
        const QStringView next = oldLine(blocks.at(h + 1).firstLine);
        return !next.startsWith(u' ') && !next.startsWith(u'\t') && !isListMarker(next);
    };
    while (hi < n - 1 && !endIsClosed(hi)) {
        if (++widened > MaxWidening)
            return declined("widen end");
        ++hi;
    }

    // The slice in both texts, as body lines.
    const int startLine = lo == 0 ? 1 : blocks.at(lo).firstLine - offset;
    const bool toEnd = hi == n - 1;
    // Up to the next block, blank lines included: cmark counts trailing blank lines into some
    // blocks' ranges (a list followed by more text), so the slice must see them too.
    const int oldEndLine = toEnd ? static_cast<int>(oldStarts.size()) : blocks.at(hi + 1).firstLine - 1 - offset;
    const int newEndLine = toEnd ? static_cast<int>(newStarts.size()) : oldEndLine + delta;
    if (startLine > changeFirst - offset || (!toEnd && oldEndLine < changeLast - offset) || newEndLine < startLine)
        return declined("change outside slice"); // the change is not inside the slice: a case this function does not handle
    auto span = [](const QString &text, const QList<qsizetype> &starts, int from, int to) {
        const qsizetype begin = starts.at(from - 1);
        const qsizetype end = to < starts.size() ? starts.at(to) : text.size();
        return QStringView(text).sliced(begin, end - begin);
    };
    const QStringView oldSlice = span(old, oldStarts, startLine, oldEndLine);
    const QStringView newSlice = span(body, newStarts, startLine, newEndLine);
    if (!isSelfContained(oldSlice) || !isSelfContained(newSlice))
        return declined("slice not self-contained");
    if (base.state.shortcodes && (oldSlice.contains(u'`') || newSlice.contains(u'`')))
        return declined("backtick with shortcodes");

    RenderOptions sliceOptions = options;
    sliceOptions.bodyFirstLine = startLine + offset;
    // The document's reference definitions go before the slice, then a blank line (the slice
    // starts after one in the document too), so a reference link in it resolves as in the
    // whole document; definitions render to nothing, and the lines number from further up.
    QString sliceText;
    if (!base.state.definitions.isEmpty()) {
        sliceText = base.state.definitions + u'\n';
        sliceOptions.bodyFirstLine -= static_cast<int>(base.state.definitions.count(u'\n')) + 1;
    }
    sliceText += newSlice;
    RenderResult slice = renderer.render(sliceText, sliceOptions);
    int sliceBlockFirst = startLine + offset;
    for (const RenderBlock &b : std::as_const(slice.blocks)) {
        if (b.firstLine < sliceBlockFirst || b.lastLine > newEndLine + offset || b.firstLine > b.lastLine)
            return declined("slice lines"); // lines out of order: leave it to the full render
        sliceBlockFirst = b.firstLine;
    }

    RenderResult out;
    out.blocks.reserve(n + slice.blocks.size());
    out.blocks.append(blocks.mid(0, lo));
    out.blocks.append(slice.blocks);
    for (qsizetype i = hi + 1; i < n; ++i) {
        RenderBlock b = blocks.at(i);
        b.firstLine += delta;
        b.lastLine += delta;
        out.blocks.append(b);
    }
    qsizetype size = 0;
    for (const RenderBlock &b : std::as_const(out.blocks))
        size += b.html.size();
    out.html.reserve(size);
    for (const RenderBlock &b : std::as_const(out.blocks))
        out.html += b.html;

    const int sliceFirst = startLine + offset;
    const int sliceLast = oldEndLine + offset;
    for (const Diagnostic &d : base.result.diagnostics) {
        if (d.line > 0 && d.line >= sliceFirst && d.line <= sliceLast)
            continue;
        Diagnostic moved = d;
        if (d.line > sliceLast)
            moved.line += delta;
        out.diagnostics.append(moved);
    }
    out.diagnostics.append(slice.diagnostics);
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
    return out;
}

} // namespace frontmark
