#pragma once

#include "render/renderoptions.h"
#include "render/renderresult.h"

#include <QStringView>

#include <memory>

namespace frontmark {

/**
 * Turns a post body (Markdown plus Hugo shortcodes) into the HTML Hugo would publish, with
 * Hugo's Goldmark defaults (DESIGN.md decision 3). Cannot fail: every text is some
 * Markdown document. Thread: one render worker; cmark-gfm writes global tables during a
 * parse, so renders are serialised internally. Pimpl keeps cmark-gfm out of includers.
 */
class MarkdownRenderer
{
public:
    MarkdownRenderer();
    ~MarkdownRenderer();
    MarkdownRenderer(const MarkdownRenderer &) = delete;
    MarkdownRenderer &operator=(const MarkdownRenderer &) = delete;

    RenderResult render(QStringView body, const RenderOptions &options) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace frontmark
