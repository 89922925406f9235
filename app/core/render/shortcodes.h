// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"
#include "render/renderoptions.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <utility>

namespace frontmark {

/// One shortcode call as written in a post body.
struct ShortcodeCall {
    QString name;
    bool markdownNotation = false;              // {{% … %}} rather than {{< … >}}
    QStringList positional;                     // positional arguments, unquoted
    QList<std::pair<QString, QString>> named;   // named arguments, in order, unquoted
    bool paired = false;                        // has a closing {{< /name >}}
    /// Raw text between the tags (paired only): a view into the body scanShortcodes() was
    /// given, valid while that text is. Not a copy: with nested calls the copies summed to
    /// O(n²) (20,000 nested figures took 11 GB, issue #21).
    QStringView inner;
    int line = 0;                               // 1-based file line of the opening "{{"
    int column = 0;                             // 1-based column (characters)

    bool usesNamedArguments() const { return !named.isEmpty(); }
    /// A named argument, or empty.
    QString get(QStringView name) const;
    /// A positional argument, or empty.
    QString get(qsizetype index) const;
};

/// What the shortcode pass hands to cmark-gfm, and what it substitutes afterwards.
struct ShortcodeExpansion {
    /// The body with escapes ({{</* x */>}}) turned into literal text, {{% %}} calls replaced
    /// by their Markdown output, and each {{< >}} call replaced by placeholderToken(i).
    QString markdown;
    /// HTML for placeholder i.
    QStringList placeholderHtml;
    /// For each line of `markdown` (0-based), the 1-based FILE line it came from: one entry
    /// per line, markdown.count('\n') + 1 in all. A line that starts inside a call's output
    /// maps to the call's line.
    QList<int> sourceLines;
    /// Unknown (theme) shortcodes, malformed or unclosed calls, and what Hugo itself reports
    /// (param or ref not found, deprecated built-ins), each located, in document order.
    Diagnostics diagnostics;
};

/// Services the shortcode pass needs from the renderer.
struct ShortcodeContext {
    const RenderOptions *options = nullptr;
    /// Renders a Markdown fragment to HTML the way the page body is rendered (used by
    /// built-ins that markdownify, e.g. figure captions, and for the inner content of theme
    /// shortcodes), inline when `inlineOnly`. The fragment's shortcodes are already expanded:
    /// do not expand them again. May be empty: the pass then shows such text escaped.
    std::function<QString(const QString &markdown, bool inlineOnly)> markdownify;
};

/**
 * Hugo's shortcode pass (docs/decisions.md, decision 4): finds {{< … >}} and {{% … %}} calls
 * (self-closing and paired, positional and named arguments, quoted and `raw` strings,
 * nesting, and escaped calls that open with a comment marker after the delimiter)
 * everywhere in the body, as Hugo does (code fences included), and renders Hugo's built-ins with Hugo's markup for options.hugoVersion:
 * youtube, vimeo, figure, gist, highlight, param, ref, relref, tweet/x, instagram.
 * Other (theme) shortcodes become a labelled box with their name and arguments, plus a
 * diagnostic. Total: never fails. Pure; any thread.
 */
ShortcodeExpansion expandShortcodes(QStringView body, const ShortcodeContext &context);

/// The placeholder text for {{< >}} call `index`: letters and digits only, so cmark-gfm
/// leaves it alone and a lone call is a paragraph of its own.
QString placeholderToken(qsizetype index);

/// Scans calls without rendering them (for the images panel, tests and diagnostics). Each
/// call's `inner` points into `body`: keep the text alive while using them.
QList<ShortcodeCall> scanShortcodes(QStringView body, int bodyFirstLine = 1);

} // namespace frontmark
