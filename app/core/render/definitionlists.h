// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace frontmark {

/// Output of the definition-list pass: the Markdown with each list replaced by a placeholder
/// line, the line map kept in step, and the HTML of each list.
struct DefinitionLists {
    QString markdown;
    QList<int> sourceLines;
    QStringList html;
};

/**
 * Goldmark's definition lists (Hugo's markup.goldmark.extensions.definitionList, on by
 * default), which cmark-gfm lacks: one or more term lines followed by lines starting with
 * ": ", each definition continuing on lines indented by two or more spaces. A text pass
 * before cmark-gfm: each list becomes `placeholder(i)` on a line of its own and its HTML is
 * built with `renderBlock` (Markdown of a definition) and `renderInline` (a term). Fenced
 * code is left alone. Pure; any thread; `render*` run on the caller's thread.
 */
DefinitionLists extractDefinitionLists(const QString &markdown, const QList<int> &sourceLines,
                                       const std::function<QString(qsizetype)> &placeholder,
                                       const std::function<QString(const QString &)> &renderBlock,
                                       const std::function<QString(const QString &)> &renderInline);

} // namespace frontmark
