// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QList>
#include <QString>

namespace frontmark {

/// The most columns a table of the preview may have (its header, delimiter or any row).
constexpr int kMaxTableColumns = 1000;
/// The most cells (rows × columns, short rows counted as padded) all tables of one render
/// may have together: 0x80000, the value later cmark-gfm releases cap a table's padding at.
constexpr qsizetype kMaxTableCells = 0x80000;

/**
 * Keeps the GFM tables of `markdown` (the text handed to cmark-gfm) within what cmark-gfm
 * 0.29.0.gfm.6's table extension parses in bounded time and memory. A table wider than
 * kMaxTableColumns, or one that would take the post's cells past kMaxTableCells, is turned
 * into paragraph text by escaping the first character of its delimiter row (a "\|" or "\-"
 * reads as "|" or "-", so the text shows exactly as written), and gets a warning located at
 * its header row, code "table-too-large". Lines keep their count, so `sourceLines` (one
 * 1-based file line per markdown line, as ShortcodeExpansion::sourceLines) stays valid;
 * `file` only labels the diagnostics. With `sourceLines` empty, nothing is reported. Linear
 * in the text's length. Pure; any thread.
 */
Diagnostics limitTables(QString &markdown, const QList<int> &sourceLines, const QString &file);

} // namespace frontmark
