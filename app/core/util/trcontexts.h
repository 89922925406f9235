// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace frontmark {

// The translation contexts of the core's messages that belong to no one class: each is named
// after the part of Frontmark that speaks (lupdate files them as "frontmark::<Name>"). Core code
// calls Files::tr("…") instead of writing QCoreApplication::translate out by hand. Classes with
// their own context (FrontMatter, Site, RenderWorker) declare it themselves.

/// Reading, writing and checking post files.
class Files { Q_DECLARE_TR_FUNCTIONS(frontmark::Files) };
/// Paths confined to a folder.
class Paths { Q_DECLARE_TR_FUNCTIONS(frontmark::Paths) };
/// Shortcode parsing and the built-in shortcodes.
class Shortcodes { Q_DECLARE_TR_FUNCTIONS(frontmark::Shortcodes) };
/// The Markdown renderer's own notices.
class Renderer { Q_DECLARE_TR_FUNCTIONS(frontmark::Renderer) };
/// A post's images: finding, editing, importing.
class Images { Q_DECLARE_TR_FUNCTIONS(frontmark::Images) };
/// New posts from archetypes.
class Archetype { Q_DECLARE_TR_FUNCTIONS(frontmark::Archetype) };
/// Publishing a post into a site.
class Publisher { Q_DECLARE_TR_FUNCTIONS(frontmark::Publisher) };
/// The checks a post must pass.
class Validator { Q_DECLARE_TR_FUNCTIONS(frontmark::Validator) };

} // namespace frontmark
