// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemspanel.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QIcon>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

/// The panel's rows: the sorted diagnostics, read straight from the list.
class ProblemsModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    const Diagnostics &problems() const { return m_problems; }

    void setProblems(const Diagnostics &problems)
    {
        Diagnostics sorted = problems;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic &a, const Diagnostic &b) {
            return a.isError() != b.isError() ? a.isError() : a.line < b.line;
        });
        const auto samePlaces = [](const Diagnostic &a, const Diagnostic &b) {
            return a.severity == b.severity && a.line == b.line && a.column == b.column;
        };
        const bool sameRows = sorted.size() == m_problems.size()
            && std::equal(sorted.cbegin(), sorted.cend(), m_problems.cbegin(), samePlaces);
        if (sameRows) {
            // Typing that changes no problem, or the same places with new words (e.g. the
            // messages in another interface language, issue #7): the rows stay, and with them
            // the selection and scroll position.
            const bool sameWords = std::equal(sorted.cbegin(), sorted.cend(), m_problems.cbegin(),
                                              [](const Diagnostic &a, const Diagnostic &b) { return a.message == b.message; });
            m_problems = std::move(sorted);
            if (!sameWords && !m_problems.isEmpty())
                Q_EMIT dataChanged(index(0, ProblemsPanel::ProblemColumn), index(rowCount() - 1, ProblemsPanel::ProblemColumn));
            return;
        }
        beginResetModel();
        m_problems = std::move(sorted);
        endResetModel();
    }

    void retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1); }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_problems.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_problems.size())
            return {};
        const Diagnostic &d = m_problems.at(index.row());
        if (index.column() == ProblemsPanel::LineColumn) {
            if (role == Qt::DisplayRole)
                return d.line > 0 ? (d.column > 0 ? u"%1:%2"_s.arg(d.line).arg(d.column) : QString::number(d.line)) : QString();
            if (role == Qt::DecorationRole)
                return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
            return {};
        }
        if (role == Qt::DisplayRole)
            return d.message;
        if (role == Qt::ToolTipRole)
            return d.toString();
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        return section == ProblemsPanel::LineColumn ? ProblemsPanel::tr("Line") : ProblemsPanel::tr("Problem");
    }

private:
    Diagnostics m_problems;
};

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(u"problemsPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setObjectName(u"problemsView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::activate);
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Only the headers are ours: the rows are the core's messages, which the window sends
    // again in the new language (setProblems()).
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
}

void ProblemsPanel::setProblems(const Diagnostics &problems)
{
    m_model->setProblems(problems);
}

const Diagnostics &ProblemsPanel::problems() const
{
    return m_model->problems();
}

int ProblemsPanel::errorCount() const
{
    const Diagnostics &all = problems();
    return int(std::count_if(all.cbegin(), all.cend(), [](const Diagnostic &d) { return d.isError(); }));
}

int ProblemsPanel::warningCount() const
{
    return int(problems().size()) - errorCount();
}

void ProblemsPanel::activate(const QModelIndex &index)
{
    if (index.isValid() && index.row() < problems().size())
        Q_EMIT problemActivated(problems().at(index.row()));
}

} // namespace frontmark
