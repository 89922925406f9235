#pragma once

#include "util/diagnostic.h"

#include <QWidget>

class QEvent;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontmark {

/**
 * The Problems panel (issue #6, part 4): every diagnostic the core reports for the open post
 * (front matter, shortcodes, images, raw HTML), errors first, each with its file line and
 * column. Activating a row (double-click, Enter) emits problemActivated() so the window can
 * jump there. The window refreshes it after each render, so it follows the writer's typing.
 * The messages come translated from the core; the window sends them again in a new interface
 * language, and the panel's own texts follow a language change (issue #7). UI thread only.
 */
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    /// Replaces the list. Lines are file lines (1-based; 0 when unknown).
    void setProblems(const Diagnostics &problems);
    const Diagnostics &problems() const { return m_problems; }
    int errorCount() const;
    int warningCount() const;
    QTreeWidget *view() const { return m_view; }

Q_SIGNALS:
    void problemActivated(const frontmark::Diagnostic &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void activate(QTreeWidgetItem *item);

    Diagnostics m_problems;
    QTreeWidget *m_view = nullptr;
};

} // namespace frontmark
