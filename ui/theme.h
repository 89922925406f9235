// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "preview/previewscheme.h"

#include <QFont>
#include <QPalette>

namespace frontmark::theme {

/**
 * Dark mode for the whole application (issue #7): Light and Dark set the application's
 * palette (editor, form, panels, dialogs; the editor's highlighter and the preview follow a
 * palette change), System gives back the desktop's palette as it was before the first change.
 * Applied at once, no restart. GUI thread.
 */
void apply(PreviewTheme theme);

/// The palettes apply() uses; the dark one matches the preview's dark page.
QPalette darkPalette();
QPalette lightPalette();

/**
 * A fixed-pitch font for code: the diff view, raw front matter, code spans. The desktop's
 * fixed font when it really is fixed pitch; otherwise (a system whose "monospace" alias
 * resolves to a proportional or dual-width CJK face) the first installed fixed-pitch family,
 * so columns still line up. GUI thread.
 */
QFont monospaceFont();

} // namespace frontmark::theme
