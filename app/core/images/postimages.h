// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"
#include "render/limits.h"
#include "render/renderoptions.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace frontmark {

/// A run of a post body: UTF-16 offsets, as QString and QTextDocument count them.
struct TextRange {
    qsizetype start = -1;
    qsizetype length = 0;

    bool isNull() const { return start < 0; }
    qsizetype end() const { return start + length; }
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

/**
 * One image of a post as the images panel shows and edits it (docs/decisions.md, decision 7). Ranges
 * point into the body text that findImages() was given; a caller that patches the text must
 * check that the text at `source` is still `sourceText` first.
 */
struct PostImage {
    enum class Kind {
        Inline,     // ![alt](url "title")
        Reference,  // ![alt][label], ![alt][] or ![alt], with [label]: url "title" elsewhere
        Figure,     // {{< figure src="…" alt="…" caption="…" title="…" … >}}
    };
    enum class CaptionSource {
        None,
        Paragraph,     // the short plain paragraph right after an image-only paragraph
        MergedLine,    // a caption line directly under the image, no blank line between:
                       // Hugo renders image and caption as ONE paragraph (mergedCaption)
        FigureCaption, // the figure's caption argument
        FigureTitle,   // the figure's title argument (no caption argument)
        Title,         // the Markdown image's title ("…" after the URL)
    };
    enum class Status {
        Found,
        Missing,
        Remote,
        OutsideSite, // a local URL whose ".." climbs above the site's root (siteUrlPath())
    };

    Kind kind = Kind::Inline;
    QString url;          // the destination as Hugo links it (reference resolved; figure src)
    QString alt;          // plain text, as it ends up in the alt attribute (escapes resolved)
    QString title;        // plain text of the title, or of the figure's title argument
    QString caption;      // the caption's Markdown source, one line (see captionSource)
    CaptionSource captionSource = CaptionSource::None;

    Status status = Status::Missing;
    QString filePath;     // the resolved file on disk when status is Found

    int line = 0;         // 1-based FILE line of the image's first character
    int column = 0;       // 1-based column, in characters

    TextRange source;     // the whole image: "![…](…)", "![…][…]" or the "{{< figure … >}}" call
    QString sourceText;   // the text at `source` when found
    TextRange altRange;   // the alt text as written, between the brackets or inside the alt
                          // argument's quotes; null for a figure without an alt argument
    TextRange urlRange;   // the URL as written: in the parentheses (inside the <> of a <…>
                          // destination), in the reference definition (Kind::Reference), or
                          // inside the src argument's quotes; null if a reference is undefined
    TextRange captionRange; // the caption as written (paragraph text without its line ending,
                          // the merged line, or the argument/title inside its quotes); null
                          // when there is no caption
    TextRange block;      // what converting to or from a figure replaces: the image-only
                          // paragraph or the figure call, through the end of a Paragraph or
                          // MergedLine caption (no line ending); null if the image shares its
                          // paragraph with other text
    bool imageOnly = false;     // alone in its paragraph (a figure call always is)
    bool mergedCaption = false; // captionSource == MergedLine: Hugo merges image and caption
};

/**
 * Every image of `body` in document order: Markdown images (inline and reference) as
 * cmark-gfm parses them (so none inside code or inside a shortcode call's arguments), and
 * `figure` shortcode calls (anywhere, as Hugo expands them). Status comes from
 * options.site.resolveLocal(url, options.postPath); file lines count from
 * options.bodyFirstLine. A caption paragraph or merged line is one source line of at most
 * 300 display columns (a CJK character counts two) holding only text, emphasis, code spans
 * and links, not starting with a shortcode; a Title caption is the title as plain text.
 * At most kMaxImages images. Linear in the body's length. Total: never fails. Pure; any
 * thread (cmark-gfm parses are serialised with the renderer's).
 */
QList<PostImage> findImages(QStringView body, const RenderOptions &options);

// kMaxImages (render/limits.h): findImages() lists at most that many images.

/// A warning when `images` (as findImages() listed them) reached kMaxImages, located at the
/// last one listed, code "too-many-images"; else nothing.
Diagnostics imageLimitWarnings(const QList<PostImage> &images, const QString &file);

/// A warning for each image whose caption line sits directly under it (Hugo renders image and
/// caption as one paragraph), located at the caption's line in `file` (lines as the images
/// were found), code "merged-caption", subject the image's URL.
Diagnostics mergedCaptionWarnings(const QList<PostImage> &images, const QString &file);

/// The problems of a post's images that check, the Problems panel and Publish all report: an
/// error for each image whose path leaves the site (Status::OutsideSite, code
/// "path-leaves-site", at the image), then mergedCaptionWarnings(). In document order.
Diagnostics imageProblems(const QList<PostImage> &images, const QString &file);

/// Display names, for the panel and the command line.
QString statusName(PostImage::Status status);

} // namespace frontmark
