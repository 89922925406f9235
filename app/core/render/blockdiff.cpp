#include "blockdiff.h"

namespace frontmark {

BlockPatch diffBlocks(const QList<RenderBlock> &before, const QList<RenderBlock> &after)
{
    BlockPatch patch;
    const qsizetype n = qMin(before.size(), after.size());
    while (patch.keepBefore < n && before[patch.keepBefore].html == after[patch.keepBefore].html)
        ++patch.keepBefore;
    // The kept tail may not overlap the kept head in either list.
    while (patch.keepAfter < n - patch.keepBefore
           && before[before.size() - 1 - patch.keepAfter].html == after[after.size() - 1 - patch.keepAfter].html)
        ++patch.keepAfter;
    patch.removed = before.size() - patch.keepBefore - patch.keepAfter;
    patch.inserted = after.mid(patch.keepBefore, after.size() - patch.keepBefore - patch.keepAfter);
    patch.lines.reserve(after.size());
    for (const RenderBlock &b : after)
        patch.lines.append({b.firstLine, b.lastLine});
    return patch;
}

QList<RenderBlock> applyBlockPatch(const QList<RenderBlock> &blocks, const BlockPatch &patch)
{
    QList<RenderBlock> out = blocks.mid(0, patch.keepBefore);
    out += patch.inserted;
    out += blocks.mid(blocks.size() - patch.keepAfter);
    for (qsizetype i = 0; i < out.size() && i < patch.lines.size(); ++i) {
        out[i].firstLine = patch.lines[i].first;
        out[i].lastLine = patch.lines[i].second;
    }
    return out;
}

} // namespace frontmark
