// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownhighlighter.h"

#include "theme.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>

#include <algorithm>

namespace frontmark {
namespace {

// Block state: what is still open at the end of a line, the fence length in the next bits,
// and above them the SpellContext for the next line (a paragraph bit, the list indentation).
// QSyntaxHighlighter starts every block at -1, read as Open::Nothing.
enum class Open : int { Nothing = 0, BacktickFence = 1, TildeFence = 2, Comment = 3, AngleShortcode = 4, PercentShortcode = 5 };
constexpr int OpenBits = 3;
constexpr int OpenMask = (1 << OpenBits) - 1;
constexpr qsizetype MaxFenceLength = 1 << 20;
constexpr int FenceBits = 21; // up to MaxFenceLength
constexpr int FenceMask = (1 << FenceBits) - 1;
constexpr int ParagraphBit = 1 << (OpenBits + FenceBits);
constexpr int ListShift = OpenBits + FenceBits + 1;
constexpr int ListMask = 0xf;

constexpr int blockState(Open open, qsizetype fenceLength = 0)
{
    return static_cast<int>(open) | static_cast<int>(fenceLength << OpenBits);
}

SpellContext spellContextOf(int state)
{
    return {false, (state & ParagraphBit) != 0, (state >> ListShift) & ListMask};
}

int withSpellContext(int state, const SpellContext &context)
{
    return (state & (OpenMask | (FenceMask << OpenBits))) | (context.afterParagraph ? ParagraphBit : 0)
        | (std::clamp(context.listIndent, 0, ListMask) << ListShift);
}

constexpr int maxInlineDepth = 8;

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c == u' ' || c == u'\t'; });
}

qsizetype runLength(QStringView text, qsizetype from, qsizetype to, QChar c)
{
    qsizetype i = from;
    while (i < to && text[i] == c)
        ++i;
    return i - from;
}

bool isSpaceOrEnd(QStringView text, qsizetype i)
{
    return i >= text.size() || text[i] == u' ' || text[i] == u'\t';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// A line that closes a fence opened by `length` times `fenceChar` (CommonMark 4.5): the same
// character at least as often, then only spaces.
bool closesFence(QStringView text, QChar fenceChar, qsizetype length)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i] == u' ' || text[i] == u'\t'))
        ++i;
    const qsizetype run = runLength(text, i, text.size(), fenceChar);
    return run >= std::min(length, MaxFenceLength) && isBlank(text.sliced(i + run));
}

QColor mix(const QColor &a, const QColor &b, float t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QTextCharFormat merged(const QTextCharFormat &base, const QTextCharFormat &style)
{
    QTextCharFormat out = base;
    out.merge(style);
    return out;
}

} // namespace

// One line being highlighted: its text, what stays open for the next line, and the search
// budget that keeps pathological lines (thousands of unclosed "[" or "*") linear.
struct MarkdownHighlighter::Line {
    QStringView text;
    qint64 budget = 0;
    int endState = 0;

    // Offset of `needle` in [from, to), or -1; charges the characters it looks at.
    qsizetype find(QStringView needle, qsizetype from, qsizetype to)
    {
        if (budget <= 0 || from >= to)
            return -1;
        const qsizetype at = text.sliced(from, to - from).indexOf(needle);
        budget -= at < 0 ? to - from : at + needle.size();
        return at < 0 ? -1 : from + at;
    }

    // Offset of the `close` that balances an already open `open`, skipping escapes, or -1.
    qsizetype findBalanced(qsizetype from, qsizetype to, QChar open, QChar close)
    {
        int depth = 0;
        for (qsizetype j = from; j < to && budget > 0; ++j, --budget) {
            const QChar c = text[j];
            if (c == u'\\') {
                ++j;
            } else if (c == open) {
                ++depth;
            } else if (c == close) {
                if (depth == 0)
                    return j;
                --depth;
            }
        }
        return -1;
    }

    // Offset of a run of exactly `run` times `c` that closes emphasis (not after a space; for
    // "_" not before a letter or digit either, CommonMark's intraword rule), or -1.
    qsizetype findEmphasisCloser(qsizetype from, qsizetype to, QChar c, qsizetype run)
    {
        qsizetype j = from;
        while (j < to && budget > 0) {
            const QChar here = text[j];
            if (here == u'\\') {
                j += 2;
                budget -= 2;
                continue;
            }
            if (here != c) {
                ++j;
                --budget;
                continue;
            }
            const qsizetype length = runLength(text, j, to, c);
            budget -= length;
            const bool afterText = !text[j - 1].isSpace(); // from > 0: the opener precedes it
            const bool intraword = c == u'_' && j + length < text.size() && text[j + length].isLetterOrNumber();
            if (length == run && afterText && !intraword)
                return j;
            j += length;
        }
        return -1;
    }

    // Offset just past an exact run of `run` backticks at or after `from`, or -1 (CommonMark 6.1).
    qsizetype findBacktickRun(qsizetype from, qsizetype to, qsizetype run)
    {
        qsizetype j = from;
        while (j < to && budget > 0) {
            if (text[j] != u'`') {
                ++j;
                --budget;
                continue;
            }
            const qsizetype length = runLength(text, j, to, u'`');
            budget -= length;
            if (length == run)
                return j;
            j += length;
        }
        return -1;
    }
};

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    // No rehighlight() here: QSyntaxHighlighter already schedules the first pass over `document`.
    updateFormats(QGuiApplication::palette());
}

void MarkdownHighlighter::setPalette(const QPalette &palette)
{
    if (updateFormats(palette))
        rehighlightFormats();
}

// rehighlight() runs in an edit block, so the document would report a change of its contents,
// and the window would take new colours or underlines for an edit (render, autosave). Only the
// layout needs to know, and QTextDocument tells it directly, not by a signal.
void MarkdownHighlighter::rehighlightFormats()
{
    if (!document())
        return;
    // Issue #20: rehighlight() formats every line in one call, and the spell checker asks for
    // it once its dictionary is in: 4 s with the UI frozen on a 30 MB post. Above the slicing
    // size, lines are formatted again a few milliseconds' worth per event-loop turn instead.
    if (document()->characterCount() < kSlicedRehighlightChars) {
        m_nextSlicedBlock = -1;
        const QSignalBlocker quiet(document());
        rehighlight();
        return;
    }
    const bool running = m_nextSlicedBlock >= 0;
    m_nextSlicedBlock = 0; // new colours or answers: start again from the top
    if (!running)
        QTimer::singleShot(0, this, &MarkdownHighlighter::rehighlightSlice);
}

void MarkdownHighlighter::rehighlightSlice()
{
    if (m_nextSlicedBlock < 0 || !document())
        return;
    constexpr qint64 sliceMs = 8; // half a frame at 60 Hz
    const QSignalBlocker quiet(document());
    QElapsedTimer clock;
    clock.start();
    // Only formats change, never a line's state, so rehighlightBlock() stays on its line.
    QTextBlock block = document()->findBlockByNumber(m_nextSlicedBlock);
    while (block.isValid() && clock.elapsed() < sliceMs) {
        rehighlightBlock(block);
        block = block.next();
    }
    if (!block.isValid()) {
        m_nextSlicedBlock = -1;
        return;
    }
    m_nextSlicedBlock = block.blockNumber();
    QTimer::singleShot(0, this, &MarkdownHighlighter::rehighlightSlice);
}

bool MarkdownHighlighter::isRehighlighting() const
{
    return m_nextSlicedBlock >= 0;
}

bool MarkdownHighlighter::updateFormats(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const bool dark = text.lightnessF() > base.lightnessF();
    const auto accent = [dark](int hue) { return QColor::fromHslF(float(hue) / 360.0f, 0.6f, dark ? 0.72f : 0.36f); };

    std::array<QTextCharFormat, StyleCount> f;
    const auto at = [&f](Style style) -> QTextCharFormat & { return f[static_cast<std::size_t>(style)]; };

    at(Style::Heading).setForeground(accent(212));
    at(Style::Heading).setFontWeight(QFont::Bold);
    at(Style::Emphasis).setFontItalic(true);
    at(Style::Strong).setFontWeight(QFont::Bold);
    at(Style::Strikethrough).setFontStrikeOut(true);
    at(Style::Strikethrough).setForeground(mix(text, base, 0.4f));

    QTextCharFormat code;
    code.setFontFamilies(theme::monospaceFont().families());
    code.setFontFixedPitch(true);
    code.setBackground(mix(base, text, dark ? 0.12f : 0.06f));
    at(Style::Code) = code;
    at(Style::Code).setForeground(accent(150));
    at(Style::CodeFence) = code;
    at(Style::CodeFence).setForeground(mix(text, base, 0.45f));

    at(Style::Quote).setForeground(mix(text, base, 0.3f));
    at(Style::Quote).setFontItalic(true);
    at(Style::ListMarker).setForeground(accent(28));
    at(Style::ListMarker).setFontWeight(QFont::Bold);
    at(Style::LinkText).setForeground(accent(200));
    at(Style::LinkUrl).setForeground(mix(text, base, 0.5f));
    at(Style::Shortcode).setForeground(accent(290));
    at(Style::Shortcode).setBackground(mix(base, accent(290), 0.1f));
    at(Style::Comment).setForeground(mix(text, base, 0.5f));
    at(Style::Comment).setFontItalic(true);

    if (f == m_formats && dark == m_dark)
        return false;
    m_formats = f;
    m_dark = dark;
    // Red that reads on either background; the wave marks it for those who do not see red.
    m_misspelledColor = dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xd0, 0x3a, 0x1f);
    return true;
}

QTextCharFormat MarkdownHighlighter::styleFormat(Style style) const
{
    return m_formats[static_cast<std::size_t>(style)];
}

void MarkdownHighlighter::applyFormat(qsizetype start, qsizetype length, const QTextCharFormat &format)
{
    if (length > 0)
        setFormat(static_cast<int>(start), static_cast<int>(length), format);
}

void MarkdownHighlighter::apply(qsizetype start, qsizetype length, const QTextCharFormat &base, Style style)
{
    applyFormat(start, length, base.isEmpty() ? styleFormat(style) : merged(base, styleFormat(style)));
}

void MarkdownHighlighter::setSpellChecker(SpellChecker *checker)
{
    if (checker == m_spellChecker)
        return;
    if (m_spellChecker)
        disconnect(m_spellChecker, nullptr, this, nullptr);
    m_spellChecker = checker;
    if (checker)
        connect(checker, &SpellChecker::changed, this, &MarkdownHighlighter::rehighlightFormats);
    rehighlightFormats();
}

QList<WordRange> MarkdownHighlighter::misspelledWords(const QTextBlock &block)
{
    QList<WordRange> words;
    if (!block.isValid() || !block.layout())
        return words;
    QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    for (const QTextLayout::FormatRange &range : std::as_const(ranges)) {
        if (range.format.underlineStyle() != QTextCharFormat::SpellCheckUnderline)
            continue;
        // A word with two formats (partly bold) comes as adjacent ranges; two words never touch.
        if (!words.isEmpty() && words.last().end() == range.start)
            words.last().length += range.length;
        else
            words.append({range.start, range.length});
    }
    return words;
}

void MarkdownHighlighter::underlineMisspelled(SpellChecker &checker, const QString &text, const SpellContext &context,
                                              qsizetype from)
{
    for (const WordRange &word : checkableWords(text, context, from)) {
        if (checker.isCorrect(text.sliced(word.start, word.length)))
            continue;
        // Character by character, to keep what lies underneath (a bold part, link text).
        for (qsizetype i = word.start; i < word.end(); ++i) {
            QTextCharFormat f = format(static_cast<int>(i));
            f.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            f.setUnderlineColor(m_misspelledColor);
            setFormat(static_cast<int>(i), 1, f);
        }
    }
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    const int previous = std::max(previousBlockState(), 0);
    const auto open = static_cast<Open>(previous & OpenMask);
    SpellContext context = spellContextOf(previous);
    Line line{text, 8 * qint64(text.size()) + 64, 0};
    const qsizetype size = text.size();

    if (open == Open::BacktickFence || open == Open::TildeFence) {
        const QChar fenceChar = open == Open::BacktickFence ? u'`' : u'~';
        if (closesFence(text, fenceChar, (previous >> OpenBits) & FenceMask)) {
            apply(0, size, {}, Style::CodeFence);
            context.afterParagraph = false;
            setCurrentBlockState(withSpellContext(blockState(Open::Nothing), context));
        } else {
            apply(0, size, {}, Style::Code);
            setCurrentBlockState(previous);
        }
        return;
    }

    qsizetype pos = 0;
    if (open == Open::Comment || open == Open::AngleShortcode || open == Open::PercentShortcode) {
        // A shortcode's arguments may continue on the next lines, but never past a blank line:
        // that bounds the damage of a "{{<" typed without its ">}}" yet.
        if (open != Open::Comment && isBlank(text)) {
            context.afterParagraph = false;
            setCurrentBlockState(withSpellContext(blockState(Open::Nothing), context));
            return;
        }
        const QStringView closer = open == Open::Comment ? u"-->" : open == Open::AngleShortcode ? u">}}" : u"%}}";
        const Style style = open == Open::Comment ? Style::Comment : Style::Shortcode;
        const qsizetype end = line.find(closer, 0, size);
        if (end < 0) {
            apply(0, size, {}, style);
            setCurrentBlockState(previous);
            return;
        }
        pos = end + closer.size();
        apply(0, pos, {}, style);
    }

    QTextCharFormat base;
    const qsizetype prose = pos; // where this line's own text starts
    if (pos == 0)
        pos = highlightBlockStart(line, 0, base);
    if (pos >= 0)
        highlightInline(line, pos, size, base, 0);
    setCurrentBlockState(withSpellContext(line.endState, nextSpellContext(text, context)));
    if (SpellChecker *checker = m_spellChecker.data(); checker && checker->isActive())
        underlineMisspelled(*checker, text, context, prose);
}

// Block-level syntax at the start of a line: fences, quote markers, headings, thematic breaks,
// list markers, task boxes and reference definitions. Returns where inline highlighting goes
// on (with `base` the format underneath), or -1 if the line is done.
qsizetype MarkdownHighlighter::highlightBlockStart(Line &line, qsizetype from, QTextCharFormat &base)
{
    const QStringView t = line.text;
    const qsizetype n = t.size();
    qsizetype i = from;
    while (i < n && (t[i] == u' ' || t[i] == u'\t'))
        ++i;
    if (i == n)
        return n;

    // A fence opens: ``` or ~~~ (a backtick fence's info string may hold no backtick).
    if (t[i] == u'`' || t[i] == u'~') {
        const QChar fenceChar = t[i];
        const qsizetype run = runLength(t, i, n, fenceChar);
        if (run >= 3 && (fenceChar == u'~' || !t.sliced(i + run).contains(u'`'))) {
            apply(0, n, {}, Style::CodeFence);
            line.endState = blockState(fenceChar == u'`' ? Open::BacktickFence : Open::TildeFence,
                                       std::min(run, MaxFenceLength));
            return -1;
        }
    }

    // Block quote markers, possibly nested ("> > text").
    if (t[i] == u'>') {
        base = styleFormat(Style::Quote);
        applyFormat(0, n, base);
        while (i < n && t[i] == u'>') {
            apply(i, 1, base, Style::ListMarker);
            ++i;
            while (i < n && (t[i] == u' ' || t[i] == u'\t'))
                ++i;
        }
        if (i == n)
            return n;
    }
    const qsizetype lineStart = base.isEmpty() ? 0 : i;

    // ATX heading: one to six "#", then a space or the end of the line.
    if (t[i] == u'#') {
        const qsizetype level = runLength(t, i, n, u'#');
        if (level <= 6 && isSpaceOrEnd(t, i + level)) {
            base = merged(base, styleFormat(Style::Heading));
            applyFormat(lineStart, n - lineStart, base);
            return i + level;
        }
    }

    // Thematic break: three or more of the same "-", "*" or "_", and spaces.
    const QChar first = t[i];
    if (first == u'-' || first == u'*' || first == u'_') {
        qsizetype marks = 0;
        bool onlyMarks = true;
        for (qsizetype j = i; j < n && onlyMarks; ++j) {
            marks += t[j] == first ? 1 : 0;
            onlyMarks = t[j] == first || t[j] == u' ' || t[j] == u'\t';
        }
        if (onlyMarks && marks >= 3) {
            apply(i, n - i, base, Style::ListMarker);
            return -1;
        }
    }

    // List item marker: "-", "*", "+" or up to nine digits and "." or ")", then a space.
    qsizetype marker = 0;
    if ((first == u'-' || first == u'*' || first == u'+') && isSpaceOrEnd(t, i + 1)) {
        marker = 1;
    } else {
        qsizetype digits = 0;
        while (i + digits < n && digits < 10 && t[i + digits] >= u'0' && t[i + digits] <= u'9')
            ++digits;
        if (digits > 0 && digits <= 9 && i + digits < n && (t[i + digits] == u'.' || t[i + digits] == u')')
            && isSpaceOrEnd(t, i + digits + 1))
            marker = digits + 1;
    }
    if (marker > 0) {
        apply(i, marker, base, Style::ListMarker);
        i += marker;
        while (i < n && (t[i] == u' ' || t[i] == u'\t'))
            ++i;
        // Task list box: "[ ]", "[x]" or "[X]".
        if (i + 2 < n && t[i] == u'[' && t[i + 2] == u']' && (t[i + 1] == u' ' || t[i + 1] == u'x' || t[i + 1] == u'X')
            && isSpaceOrEnd(t, i + 3)) {
            apply(i, 3, base, Style::ListMarker);
            i += 3;
        }
        return i;
    }

    // Link reference definition "[label]: destination" or footnote definition "[^1]: text".
    if (t[i] == u'[') {
        const qsizetype close = line.findBalanced(i + 1, n, u'[', u']');
        if (close > i + 1 && close + 1 < n && t[close + 1] == u':') {
            apply(i, close + 2 - i, base, Style::LinkText);
            if (t[i + 1] == u'^')
                return close + 2;
            apply(close + 2, n - close - 2, base, Style::LinkUrl);
            return -1;
        }
    }
    return i;
}

// Inline syntax in [from, to): escapes, code spans, shortcodes, comments, autolinks, links and
// images, emphasis. Code spans, shortcodes and comments hide what is inside them; link text and
// emphasis are highlighted again inside, on top of their own format.
void MarkdownHighlighter::highlightInline(Line &line, qsizetype from, qsizetype to, const QTextCharFormat &base,
                                          int depth)
{
    const QStringView t = line.text;
    const bool lineEnd = depth == 0 && to == t.size();
    // noCloser[c][run - 1]: a search for that closer failed, so every later one fails too.
    bool noCloser[3][3] = {};

    qsizetype i = from;
    while (i < to) {
        const QChar c = t[i];
        switch (c.unicode()) {
        case u'\\':
            i += 2;
            continue;
        case u'`': {
            const qsizetype run = runLength(t, i, to, c);
            const qsizetype close = line.findBacktickRun(i + run, to, run);
            if (close >= 0) {
                apply(i, close + run - i, base, Style::Code);
                i = close + run;
            } else {
                i += run;
            }
            continue;
        }
        case u'{':
        case u'<': {
            const QStringView rest = t.sliced(i, to - i);
            const bool angle = rest.startsWith(u"{{<");
            const bool shortcode = angle || rest.startsWith(u"{{%");
            const bool comment = !shortcode && rest.startsWith(u"<!--");
            if (shortcode || comment) {
                const QStringView closer = comment ? u"-->" : angle ? u">}}" : u"%}}";
                const Style style = comment ? Style::Comment : Style::Shortcode;
                const qsizetype end = line.find(closer, i + (comment ? 4 : 3), to);
                if (end >= 0) {
                    apply(i, end + closer.size() - i, base, style);
                    i = end + closer.size();
                    continue;
                }
                if (lineEnd) { // continues on the next line
                    apply(i, to - i, base, style);
                    line.endState = blockState(comment ? Open::Comment
                                               : angle ? Open::AngleShortcode
                                                       : Open::PercentShortcode);
                    return;
                }
            } else if (c == u'<' && i + 2 < to && isAsciiLetter(t[i + 1])) {
                // Autolink <scheme:…>: letters, ":", then no space up to ">".
                qsizetype j = i + 1;
                while (j < to && (isAsciiLetter(t[j]) || t[j] == u'+' || t[j] == u'.' || t[j] == u'-'))
                    ++j;
                if (j < to && t[j] == u':' && j - i > 2) {
                    while (j < to && t[j] != u'>' && t[j] != u'<' && !t[j].isSpace())
                        ++j;
                    line.budget -= j - i;
                    if (j < to && t[j] == u'>') {
                        apply(i, j + 1 - i, base, Style::LinkUrl);
                        i = j + 1;
                        continue;
                    }
                }
            }
            break;
        }
        case u'!':
        case u'[': {
            const qsizetype open = c == u'!' ? i + 1 : i;
            if (open >= to || t[open] != u'[')
                break;
            const qsizetype close = line.findBalanced(open + 1, to, u'[', u']');
            if (close < 0 || close + 1 >= to)
                break;
            const QChar after = t[close + 1];
            qsizetype end = -1;
            if (after == u'(') {
                end = line.findBalanced(close + 2, to, u'(', u')');
            } else if (after == u'[') {
                end = line.find(u"]", close + 2, to);
            }
            if (end < 0)
                break;
            const QTextCharFormat linkText = merged(base, styleFormat(Style::LinkText));
            applyFormat(i, close + 1 - i, linkText);
            if (depth < maxInlineDepth)
                highlightInline(line, open + 1, close, linkText, depth + 1);
            apply(close + 1, end - close, base, Style::LinkUrl);
            i = end + 1;
            continue;
        }
        case u'*':
        case u'_':
        case u'~': {
            const qsizetype run = runLength(t, i, to, c);
            const int kind = c == u'*' ? 0 : c == u'_' ? 1 : 2;
            const bool opens = run <= (kind == 2 ? 2 : 3) && i + run < to && !t[i + run].isSpace()
                && !(c == u'_' && i > 0 && t[i - 1].isLetterOrNumber());
            if (!opens || noCloser[kind][run - 1] || depth >= maxInlineDepth) {
                i += run;
                continue;
            }
            const qsizetype close = line.findEmphasisCloser(i + run + 1, to, c, run);
            if (close < 0) {
                noCloser[kind][run - 1] = true;
                i += run;
                continue;
            }
            QTextCharFormat format = base;
            if (kind == 2) {
                format.merge(styleFormat(Style::Strikethrough));
            } else {
                if (run != 2)
                    format.merge(styleFormat(Style::Emphasis));
                if (run >= 2)
                    format.merge(styleFormat(Style::Strong));
            }
            applyFormat(i, close + run - i, format);
            highlightInline(line, i + run, close, format, depth + 1);
            i = close + run;
            continue;
        }
        default:
            break;
        }
        ++i;
    }
}

} // namespace frontmark
