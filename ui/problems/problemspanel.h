// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QWidget>

class QEvent;
class QModelIndex;
class QTreeView;

namespace frontmark {

class ProblemsModel;

/**
 * The Problems panel (issue #6, part 4): every diagnostic the core reports for the open post
 * (front matter, shortcodes, images, raw HTML), errors first, each with its file line and
 * column. Activating a row (double-click, Enter) emits problemActivated() so the window can
 * jump there. The window refreshes it after each render, so it follows the writer's typing.
 * The messages come translated from the core; the window sends them again in a new interface
 * language, and the panel's own texts follow a language change (issue #7).
 *
 * A model over the list, not an item per row: thousands of problems (a 30 MB post, a whole
 * site) cost a sort and a model reset, not thousands of widget items (issue #20). UI thread.
 */
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { LineColumn, ProblemColumn };

    explicit ProblemsPanel(QWidget *parent = nullptr);

    /// Replaces the list. Lines are file lines (1-based; 0 when unknown).
    void setProblems(const Diagnostics &problems);
    /// As shown: errors first, then by line.
    const Diagnostics &problems() const;
    int errorCount() const;
    int warningCount() const;
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void problemActivated(const frontmark::Diagnostic &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void activate(const QModelIndex &index);

    ProblemsModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace frontmark
