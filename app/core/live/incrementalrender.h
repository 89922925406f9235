// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/markdownrenderer.h"
#include "render/renderoptions.h"
#include "render/renderresult.h"

#include <QString>

#include <optional>

namespace frontmark {

/**
 * Re-renders only the part of a body that an edit touched (docs/decisions.md, decision 8: typing in a
 * 2 MB post must not cost a 2 MB render per key).
 *
 * Given the previous body and its full result, it finds the top-level blocks around the edit,
 * widens that range until it starts and ends at a blank line, re-renders just those lines and
 * splices the new blocks between the kept ones (whose lines shift by the edit's line delta).
 * It only does so when that is provably what a full render gives: Markdown's block structure
 * restarts after a blank line at the top level, so a slice bounded by blank lines parses the
 * same alone as in the document, unless something in it reaches further. Anything that does
 * makes it decline (nullopt), and the caller renders in full:
 * - document-wide state: footnotes, headings (their ids are numbered across the document),
 *   definition lists, and link reference definitions in or near the edit. Definitions
 *   elsewhere are carried: the slice is rendered with the document's definitions appended,
 *   so "[text][ref]" resolves as in the whole document;
 * - constructs that can swallow blank lines or the rest of the text: fences left open, HTML
 *   blocks, shortcodes, a list that the next block might join, indented continuations;
 * - a backtick in a post that calls shortcodes: the shortcode pass reads code spans over the
 *   whole text, so a backtick can change how a shortcode far away is read;
 * - different options (front matter, site, version) from the previous render.
 *
 * tst_incrementalrender checks the result against a full render over thousands of edits.
 * Pure; any thread (the renderer's own threading rules apply).
 */
/// What of a body reaches across its blocks.
struct DocumentState {
    bool incremental = false; // false: footnotes, or definitions that cannot be carried
    QString definitions;      // the link reference definitions, one per line, in order
    bool shortcodes = false;  // the body calls shortcodes somewhere
};

/// Reads `body` for document-wide state (on full renders; an incremental render keeps it).
DocumentState documentState(QStringView body);

struct IncrementalBase {
    QString body;
    RenderOptions options;
    RenderResult result;
    DocumentState state;
};

std::optional<RenderResult> renderIncrementally(const MarkdownRenderer &renderer, const IncrementalBase &base,
                                                const QString &body, const RenderOptions &options);

} // namespace frontmark
