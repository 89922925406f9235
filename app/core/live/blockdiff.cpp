// SPDX-License-Identifier: GPL-3.0-or-later
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
    return patch;
}

} // namespace frontmark
