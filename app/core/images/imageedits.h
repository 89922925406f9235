// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "images/postimages.h"
#include "util/result.h"

#include <QString>
#include <QStringView>

namespace frontmark {

/// Replace `range` of the body with `text`. The UI applies one edit as one undo step.
struct TextEdit {
    TextRange range;
    QString text;

    /// `body` with the edit applied.
    QString applied(QStringView body) const;
};

/**
 * Source patches for the images panel (docs/decisions.md, decision 7). Each takes the body the image
 * was found in and returns the smallest edit that makes the image say what was asked, with
 * what Markdown or the shortcode argument needs escaped, so that the preview and Hugo show
 * exactly the typed text. An edit that changes nothing has text equal to the text at its
 * range; callers may skip it. Failures say why in one sentence (Error::Kind::Unsupported;
 * Error::Kind::Invalid when the body no longer holds `image.sourceText` at `image.source`)
 * and name the image's line and column. Pure; any thread.
 */
namespace imageedits {

/// Alt text typed as plain text → Markdown link text that renders to exactly that text, in
/// Hugo 0.111 and in the preview. What Markdown would read ([ ] * _ ` \ < ~, character
/// references, the quotes, "--", "..." and ">>" the typographer would change, "{{") goes in
/// code spans: Goldmark 1.5 writes backslash escapes into the alt attribute as typed, but
/// takes a code span's content literally. Line breaks become spaces.
QString escapeAltText(QStringView plain);
/// A caption typed as Markdown (emphasis and links stay) → one paragraph: line breaks become
/// spaces, and a start that would make a heading, list, quote, code block, thematic break or
/// table row is escaped.
QString escapeCaptionParagraph(QStringView markdown);
/// A shortcode argument value, quoted so that Hugo's lexer reads back exactly `value`:
/// "…" when possible, `…` when the value holds a double quote, else "…" with \".
QString quoteShortcodeArgument(QStringView value);
/// A Markdown link title, quoted ("…", with \" and \\ as needed; a character reference's "&"
/// as &amp; and the "{" of "{{" as &#123;, which cmark-gfm and Goldmark both read back).
QString quoteLinkTitle(QStringView title);

/// Set the alt text (figure: the alt argument, added after src if absent, removed if empty).
Result<TextEdit> setAlt(QStringView body, const PostImage &image, QStringView alt);
/// Set the caption, keeping its source (Paragraph, MergedLine, FigureCaption, FigureTitle,
/// Title). With no caption yet: an image-only Markdown image gets a caption paragraph after a
/// blank line; a figure gets a caption argument; an image inside text gets a title. An empty
/// caption removes the caption paragraph with its blank line, or the argument, or the title.
/// A caption paragraph longer than findImages() recognises (300 columns) is refused.
Result<TextEdit> setCaption(QStringView body, const PostImage &image, QStringView caption);
/// Point the image at another URL (the reference definition for Kind::Reference).
Result<TextEdit> setUrl(QStringView body, const PostImage &image, QStringView url);
/// For mergedCaption: the blank line that makes the caption its own paragraph (in a block
/// quote or list item, with that container's prefix).
Result<TextEdit> separateMergedCaption(QStringView body, const PostImage &image);
/// Image-only Markdown image + its caption → {{< figure src=… alt=… caption=… >}} (title
/// kept as title=…). Refused for an image inside text.
Result<TextEdit> convertToFigure(QStringView body, const PostImage &image);
/// Figure → ![alt](src "title") plus a caption paragraph after a blank line. Refused when the
/// call has arguments Markdown cannot say (link, class, width, …) or is positional.
Result<TextEdit> convertFromFigure(QStringView body, const PostImage &image);

} // namespace imageedits

} // namespace frontmark
