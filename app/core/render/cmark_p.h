// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the translation units that call cmark-gfm (markdownrenderer.cpp, and
// images/postimages.cpp for image source positions). cmark-gfm keeps its extension registry
// and some parse tables in globals (docs/decisions.md, decision 8): every parse, render and tree
// walk runs under cmarkMutex(), after registerExtensionsOnce().

class QMutex;

namespace frontmark::detail {

/// The one lock around every use of cmark-gfm in the process.
QMutex &cmarkMutex();
/// Registers cmark-gfm's core extensions (table, strikethrough, …) once per process.
void registerExtensionsOnce();

} // namespace frontmark::detail
