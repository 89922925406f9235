#pragma once

#include "render/renderresult.h"

#include <QList>
#include <QString>

namespace frontmark {

/**
 * How to turn the preview's blocks into a new render's blocks while touching as few DOM nodes
 * as possible (DESIGN.md decision 8): blocks equal before the first change and after the last
 * are kept (so their iframes and images are never recreated), changed blocks in between are
 * replaced in place, and the rest inserted or removed. Kept blocks still get their new line
 * ranges, which move when text above them changes. Pure; any thread.
 */
struct BlockPatch {
    qsizetype keepBefore = 0;          // blocks kept at the start
    qsizetype keepAfter = 0;           // blocks kept at the end
    qsizetype removed = 0;             // old blocks between them that go away
    QList<RenderBlock> inserted;       // new blocks that take their place, in order
    QList<std::pair<int, int>> lines;  // line range of every block after the patch

    bool isEmpty() const { return removed == 0 && inserted.isEmpty(); }
};

BlockPatch diffBlocks(const QList<RenderBlock> &before, const QList<RenderBlock> &after);

/// Applies `patch` to `blocks` (what the preview page does to its DOM), for tests and for
/// keeping the UI's copy of the blocks in step.
QList<RenderBlock> applyBlockPatch(const QList<RenderBlock> &blocks, const BlockPatch &patch);

} // namespace frontmark
