// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/renderresult.h"

#include <QList>
#include <QString>

namespace frontmark {

/**
 * What the preview page must change to show a new render: keep the blocks equal at the start
 * and at the end (their iframes and images are never recreated), remove the old blocks between
 * them and insert the new ones in their place. PreviewWidget::showRender() sends keepBefore,
 * removed and the inserted blocks' HTML over the bridge; preview.js applies them to its
 * children; the widget then keeps the new render's blocks (line ranges included) as its own.
 * The ends never overlap, so a repeated block is counted once. Pure; any thread.
 */
struct BlockPatch {
    qsizetype keepBefore = 0;    // blocks kept at the start
    qsizetype keepAfter = 0;     // blocks kept at the end
    qsizetype removed = 0;       // old blocks between them that go away
    QList<RenderBlock> inserted; // new blocks that take their place, in order

    bool isEmpty() const { return removed == 0 && inserted.isEmpty(); }
};

BlockPatch diffBlocks(const QList<RenderBlock> &before, const QList<RenderBlock> &after);

} // namespace frontmark
