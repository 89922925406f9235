// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace frontmark {

/// findImages() lists (and the renderer looks up the files of) at most this many images, the
/// first in document order: each costs file system look-ups, and a crafted post of 50,000
/// reference images took over a minute to publish (issue #21). A real post has a few dozen.
/// Here, below both, so the renderer and the image lister share one bound.
constexpr qsizetype kMaxImages = 10000;

} // namespace frontmark
