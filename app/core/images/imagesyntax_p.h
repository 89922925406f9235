// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The small lexers that findImages() and the image edits share: Markdown link syntax as
// cmark-gfm reads it (brackets, destinations, titles, labels, reference definitions) and the
// argument syntax of a Hugo shortcode call. They work on the body text as written and return
// UTF-16 ranges into it; cmark-gfm only says which images exist and what they mean.
// Pure functions; any thread.

#include "images/postimages.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace frontmark::imagesyntax {

// docs/decisions.md, decision 7: a caption is short. Measured in display columns (a CJK character
// takes two), so that "short" means the same in Chinese and in English: the sample post's
// captions take 34 columns, the one-line body paragraph after its cover image 316.
constexpr int kMaxCaptionColumns = 300;
/// Display columns of `text`: two for East Asian Wide and Fullwidth characters, else one.
int displayWidth(QStringView text);
/// A caption line's text rule (the tree rule is in postimages.cpp): not empty, short, not a
/// shortcode call, and not ending in a colon: "Or:" introduces what follows, it does not
/// describe the image above.
bool isCaptionText(QStringView line);
/// True if `prefix` (the start of a line) holds only container markers: white space, block
/// quote markers and list item markers.
bool isContainerPrefix(QStringView prefix);

bool isAsciiPunctuation(QChar c);
/// True if `s` at `pos` starts a character reference: &name; &#123; &#x1F;
bool startsEntity(QStringView s, qsizetype pos);

/// Backslash escapes and the usual character references resolved, as cmark-gfm does for
/// link destinations and titles (and so as the node's url/title read).
QString unescape(QStringView text);
/// A link label as cmark-gfm matches it: trimmed, inner white space collapsed, case-folded.
QString normalizeLabel(QStringView label);

/// Index of the "]" that closes the "[" at `open` (nesting, backslash escapes and code spans
/// honoured), or -1 if there is none before `limit`.
qsizetype closingBracket(QStringView s, qsizetype open, qsizetype limit);

/// A destination and optional title, inside "(…)" or in a reference definition.
struct Destination {
    TextRange url;        // without the angle brackets of <…>
    bool angle = false;   // written as <…>
    TextRange title;      // inside its quotes or parentheses; null without a title
    qsizetype end = -1;   // just past ")" (inline) or past the definition's last character
};
/// The "(url "title")" of an inline link that starts at `pos` (which holds "(").
std::optional<Destination> parseInlineTail(QStringView s, qsizetype pos, qsizetype limit);
/// The "[label]" that starts at `pos`: the label's range (inside the brackets; empty for
/// "[]"), or nullopt.
std::optional<TextRange> parseLabel(QStringView s, qsizetype pos, qsizetype limit);

/// The end of a link whose text ends with the image that ends at `imageEnd`: just past its
/// "](…)", "][…]" or "]" (-1 when no "]" follows); the inline destination in `dest`.
qsizetype linkEnd(QStringView s, qsizetype imageEnd, qsizetype limit, std::optional<Destination> *dest = nullptr);

struct Definition {
    QString label;        // normalised
    Destination dest;
};
/// Every line of `body` that looks like a link reference definition "[label]: url "title""
/// (also in block quotes and list items), in document order. Code blocks are not excluded:
/// callers match against what cmark-gfm resolved.
QList<Definition> scanDefinitions(QStringView body);

/// One argument of a shortcode call, as written.
struct ShortcodeArgument {
    QString key;          // empty for a positional argument
    TextRange token;      // the whole argument: key=value, or the value with its quotes
    TextRange value;      // the value as written, inside its quotes
    TextRange valueToken; // the value with its quotes
    QString text;         // the value as Hugo reads it
};
/// The opening tag of a shortcode call: "{{< name args >}}" or "{{% … %}}".
struct ShortcodeTag {
    TextRange range;
    QString name;
    qsizetype nameEnd = -1;
    qsizetype closeStart = -1;  // where the closing delimiter (or "/" of "/>}}") starts
    bool markdownNotation = false;
    QList<ShortcodeArgument> arguments;

    /// The last named argument `key` (Hugo keeps a map: the last one wins), or nullptr.
    const ShortcodeArgument *named(QStringView key) const;
    bool hasPositional() const;
};
/// Lexes the tag that starts at `start` ("{{<" or "{{%") with Hugo's rules: "…" values with
/// \" (every backslash then dropped), `…` raw values, bare values up to white space.
std::optional<ShortcodeTag> lexShortcodeTag(QStringView body, qsizetype start);
/// What Hugo's lexer reads back from `token`, the text of one quoted or bare value, or
/// nullopt if it is not one complete value.
std::optional<QString> readShortcodeValue(QStringView token);

/// Line boundaries: where the line holding `pos` starts, and where its content ends (before
/// "\r\n" or "\n").
qsizetype lineStart(QStringView s, qsizetype pos);
qsizetype lineEnd(QStringView s, qsizetype pos);
/// First character of a paragraph continuation line's content: after spaces, tabs and the
/// block quote markers ">" (a continuation line cannot start with ">" itself).
qsizetype contentStart(QStringView s, qsizetype lineStartPos, qsizetype lineEndPos);
/// The prefix a new line needs to stay in the same container as a line whose content starts
/// after `prefix` (block quote markers kept, list markers turned into spaces), and the same
/// for a blank line (no trailing white space).
QString continuationPrefix(QStringView prefix);
QString blankLinePrefix(QStringView prefix);

} // namespace frontmark::imagesyntax
