// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace frontmark {

/// What countText() found in a post body.
struct TextStats {
    int words = 0;          // cjkCharacters + latinWords
    int cjkCharacters = 0;  // Han, Hiragana, Katakana and Hangul letters, one word each
    int latinWords = 0;     // space-separated words of every other script (Latin, Greek, digits…)
    int characters = 0;     // non-space characters outside the skipped syntax
    int readingMinutes = 0; // CJK at 300 characters/min plus the rest at 200 words/min, rounded up
};

/**
 * Counts the words of a post body (Markdown plus Hugo shortcodes, front matter already split
 * off) the way a writer reads them. Pure and total: any text has a count. Any thread.
 * One pass over the UTF-16, by code point (so CJK Extension B ideographs such as 𠮷, which
 * are surrogate pairs, count once), with no allocation; a 2 MB body takes a few milliseconds.
 *
 * Words:
 * - every Han ideograph, Hiragana, Katakana (including the prolonged sound mark ー) and
 *   Hangul letter is one word; CJK and ASCII punctuation (，。「」！ . , ! …) is no word;
 * - any other run of letters and digits is one word. An apostrophe (' or ’), a hyphen or an
 *   underscore between letters or digits joins (don't, e-mail, snake_case), and so do "." and
 *   "," between digits (3.14, 1,000). Combining marks and format characters (ZWJ, variation
 *   selectors, soft hyphen) neither split a word nor count as characters.
 *
 * Syntax that is not prose is skipped entirely (no words, no characters):
 * - Hugo shortcode tags, {{< … >}} and {{% … %}}, also across lines: their names and
 *   arguments are no words, but the text between a paired shortcode's tags is;
 * - HTML comments <!-- … -->, also across lines;
 * - HTML tags and autolinks (<span class="x">, </b>, <https://…>): "<" then an ASCII letter
 *   or "/" up to the next ">" on the same line;
 * - link and image destinations: the "(…)" after "]", with its title, on the same line;
 * - bare URLs: a scheme followed by "://" and the rest up to a space or a non-ASCII character.
 * Link text, image alt text, inline code and fenced code count like prose; Markdown markers
 * (#, *, -, >, `, and the "1." of an ordered list item) count as characters but never as words.
 * An unclosed shortcode, comment, tag or destination is not skipped: it is read as prose.
 *
 * readingMinutes is 0 when there are no words and at least 1 otherwise.
 */
TextStats countText(QStringView markdownBody);

} // namespace frontmark
