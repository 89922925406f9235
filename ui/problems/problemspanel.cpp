#include "problemspanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
{
    setObjectName(u"problemsPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setObjectName(u"problemsView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setColumnCount(2);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    connect(m_view, &QTreeWidget::itemActivated, this, &ProblemsPanel::activate);
    retranslateUi();
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ProblemsPanel::retranslateUi()
{
    // Only the headers are ours: the rows are the core's messages, which the window sends
    // again in the new language (setProblems()).
    m_view->setHeaderLabels({tr("Line"), tr("Problem")});
}

void ProblemsPanel::setProblems(const Diagnostics &problems)
{
    Diagnostics sorted = problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.isError() != b.isError() ? a.isError() : a.line < b.line;
    });
    if (sorted.size() == m_problems.size()
        && std::equal(sorted.cbegin(), sorted.cend(), m_problems.cbegin(), [](const Diagnostic &a, const Diagnostic &b) {
               return a.severity == b.severity && a.line == b.line && a.column == b.column && a.message == b.message;
           })) {
        return; // typing that changes no problem keeps the selection and scroll position
    }
    const bool sameRows = sorted.size() == m_problems.size()
        && std::equal(sorted.cbegin(), sorted.cend(), m_problems.cbegin(), [](const Diagnostic &a, const Diagnostic &b) {
               return a.severity == b.severity && a.line == b.line && a.column == b.column;
           });
    m_problems = sorted;
    if (sameRows) {
        // The same places with new words, e.g. the messages in another interface language
        // (issue #7): the rows stay, and with them the selection and scroll position.
        for (qsizetype i = 0; i < m_problems.size(); ++i) {
            QTreeWidgetItem *item = m_view->topLevelItem(int(i));
            item->setText(1, m_problems.at(i).message);
            item->setToolTip(1, m_problems.at(i).toString());
        }
        return;
    }
    m_view->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = 0; i < m_problems.size(); ++i) {
        const Diagnostic &d = m_problems.at(i);
        auto *item = new QTreeWidgetItem;
        item->setIcon(0, d.isError() ? errorIcon : warningIcon);
        item->setText(0, d.line > 0 ? (d.column > 0 ? u"%1:%2"_s.arg(d.line).arg(d.column) : QString::number(d.line))
                                    : QString());
        item->setText(1, d.message);
        item->setToolTip(1, d.toString());
        item->setData(0, Qt::UserRole, int(i));
        items.append(item);
    }
    m_view->addTopLevelItems(items);
}

int ProblemsPanel::errorCount() const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(), [](const Diagnostic &d) { return d.isError(); }));
}

int ProblemsPanel::warningCount() const
{
    return int(m_problems.size()) - errorCount();
}

void ProblemsPanel::activate(QTreeWidgetItem *item)
{
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    if (index >= 0 && index < m_problems.size())
        Q_EMIT problemActivated(m_problems.at(index));
}

} // namespace frontmark
