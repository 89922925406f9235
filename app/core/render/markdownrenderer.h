// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/renderoptions.h"
#include "render/renderresult.h"

#include <QStringView>

namespace frontmark {

/**
 * Turns a post body (Markdown plus Hugo shortcodes) into the HTML Hugo would publish, with
 * Hugo's Goldmark defaults (docs/decisions.md, decision 3). Cannot fail: every text is some
 * Markdown document. Thread: one render worker; cmark-gfm writes global tables during a
 * parse, so renders are serialised internally. Holds no state; cmark-gfm stays in the .cpp.
 */
class MarkdownRenderer
{
public:
    /// Registers cmark-gfm's extensions (once per process).
    MarkdownRenderer();

    RenderResult render(QStringView body, const RenderOptions &options) const;
};

} // namespace frontmark
