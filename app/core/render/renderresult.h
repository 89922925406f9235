// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "text/wordcount.h"
#include "util/diagnostic.h"

#include <QList>
#include <QString>

namespace frontmark {

/// One top-level block of rendered HTML and the file lines it came from (1-based,
/// inclusive). The preview patches the page block by block (docs/decisions.md, decision 8).
struct RenderBlock {
    int firstLine = 0;
    int lastLine = 0;
    QString html;
};

/// The output of one render: the body HTML exactly as Hugo's {{ .Content }} (html), the
/// same HTML split into top-level blocks, located diagnostics, and (from the render worker,
/// which counts off the UI thread too) the body's word count.
struct RenderResult {
    QString html;
    QList<RenderBlock> blocks;
    Diagnostics diagnostics;
    TextStats stats;
};

} // namespace frontmark
