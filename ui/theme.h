#pragma once

#include "preview/previewscheme.h"

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

} // namespace frontmark::theme
