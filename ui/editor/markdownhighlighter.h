// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spellchecker.h"

#include <QPalette>
#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace frontmark {

/**
 * Colours a post body in the editor: ATX headings (the whole line), emphasis (*x* _x_ **x**
 * ***x*** ~~x~~), code spans, fenced code blocks, block quotes, list markers and thematic
 * breaks, links and images (destination dimmed), reference definitions, Hugo shortcodes
 * ({{< … >}} and {{% … %}}, also across lines) and HTML comments (also across lines).
 *
 * Fences follow CommonMark: ``` or ~~~ (three or more) opens, and only a line of the same
 * character, at least as long and with nothing but spaces after it, closes. Lines inside a
 * fence get the Code style and nothing else. Deliberate deviations: fences are recognised at
 * any indentation (so fences in list items work), and not inside block quotes; emphasis pairs
 * delimiter runs of equal length, which is close to CommonMark for ordinary prose.
 *
 * Only per-line work, by hand scanning: the block state carries open fences, comments and
 * shortcodes to the next line. Every line's searches share a budget linear in its length, so
 * a pathological line degrades to less colour, never to quadratic time.
 *
 * With a SpellChecker, misspelled words (those checkableWords() returns for a line, so never
 * code, URLs, shortcodes, HTML or CJK) get a red wavy underline on top of their other format.
 * The block state also carries the SpellContext (paragraph, list indentation) for the next
 * line, so indented code is told from list content. Highlighting again for a new palette or
 * new spelling answers changes formats only: the document reports no change of its contents;
 * past kSlicedRehighlightChars it runs a few milliseconds per event-loop turn, from the top, so
 * a huge post never freezes the window (issue #20).
 *
 * Colours come from a palette (text against base), so dark themes get light colours; the
 * editor passes its own palette on every PaletteChange. Thread: GUI thread only, like the
 * QTextDocument it is attached to; it is owned by that document (its QObject parent).
 */
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Style {
        Heading,
        Emphasis,
        Strong,
        Strikethrough,
        Code,        // code spans and the lines inside a fence
        CodeFence,   // the ``` / ~~~ lines themselves
        Quote,
        ListMarker,  // also thematic breaks and task boxes
        LinkText,    // link text and image alt text, reference labels
        LinkUrl,     // destinations, dimmed
        Shortcode,
        Comment,
    };

    /// Attaches to `document`, which becomes the parent; colours from the application palette.
    explicit MarkdownHighlighter(QTextDocument *document);

    /// Derives every style from `palette` (Text on Base) and rehighlights if a colour changed.
    void setPalette(const QPalette &palette);
    /// True when the palette's text is lighter than its base.
    bool isDarkMode() const { return m_dark; }
    /// The format a style applies (on a line without a heading or quote underneath).
    QTextCharFormat styleFormat(Style style) const;

    /// Underlines the words `checker` finds misspelled, nothing if null, and highlights again
    /// now and whenever the checker's answers change. Does not take ownership; a checker
    /// deleted first is dropped.
    void setSpellChecker(SpellChecker *checker);
    SpellChecker *spellChecker() const { return m_spellChecker; }
    /// The words underlined as misspelled in `block` (as last highlighted), in order.
    static QList<WordRange> misspelledWords(const QTextBlock &block);

    /// A document of at least this many characters takes new colours and spelling answers a
    /// few milliseconds' worth of lines per event-loop turn, from the top (issue #20).
    static constexpr int kSlicedRehighlightChars = 1 << 20;
    /// True while new colours or spelling answers are still being applied, slice by slice.
    bool isRehighlighting() const;

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Line;
    bool updateFormats(const QPalette &palette);
    void rehighlightFormats();
    void rehighlightSlice();
    void highlightInline(Line &line, qsizetype from, qsizetype to, const QTextCharFormat &base, int depth);
    void apply(qsizetype start, qsizetype length, const QTextCharFormat &base, Style style);
    void applyFormat(qsizetype start, qsizetype length, const QTextCharFormat &format);
    qsizetype highlightBlockStart(Line &line, qsizetype from, QTextCharFormat &base);
    void underlineMisspelled(SpellChecker &checker, const QString &text, const SpellContext &context, qsizetype from);

    static constexpr std::size_t StyleCount = static_cast<std::size_t>(Style::Comment) + 1;
    std::array<QTextCharFormat, StyleCount> m_formats;
    bool m_dark = false;
    QColor m_misspelledColor;
    QPointer<SpellChecker> m_spellChecker;
    int m_nextSlicedBlock = -1; // the next line a sliced rehighlight formats; -1: none running
};

} // namespace frontmark
