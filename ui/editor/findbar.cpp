// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace frontmark {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
{
    setObjectName(u"findBar"_s);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);

    m_find = new QLineEdit(this);
    m_find->setObjectName(u"findEdit"_s);
    m_find->setClearButtonEnabled(true);
    m_nextButton = new QPushButton(this);
    m_previousButton = new QPushButton(this);
    m_caseSensitive = new QCheckBox(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"findStatus"_s);
    m_closeButton = new QToolButton(this);
    m_closeButton->setText(u"✕"_s);
    m_closeButton->setAutoRaise(true);

    m_replace = new QLineEdit(this);
    m_replace->setObjectName(u"replaceEdit"_s);
    m_replaceButton = new QPushButton(this);
    m_replaceAllButton = new QPushButton(this);
    retranslateUi();

    grid->addWidget(m_find, 0, 0);
    grid->addWidget(m_nextButton, 0, 1);
    grid->addWidget(m_previousButton, 0, 2);
    grid->addWidget(m_caseSensitive, 0, 3);
    grid->addWidget(m_status, 0, 4);
    grid->addWidget(m_closeButton, 0, 5);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceButton, 1, 1);
    grid->addWidget(m_replaceAllButton, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(4, 1);

    connect(m_find, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_nextButton, &QPushButton::clicked, this, &FindBar::findNext);
    connect(m_previousButton, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(m_closeButton, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    setReplaceVisible(false);
    hide();
}

void FindBar::retranslateUi()
{
    m_find->setPlaceholderText(tr("Find"));
    m_nextButton->setText(tr("Next"));
    m_previousButton->setText(tr("Previous"));
    m_caseSensitive->setText(tr("Match case"));
    m_closeButton->setToolTip(tr("Close (Esc)"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replaceButton->setText(tr("Replace"));
    m_replaceAllButton->setText(tr("Replace All"));
    updateStatusText();
}

void FindBar::changeEvent(QEvent *event)
{
    // Issue #7: the interface language changes without a restart.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FindBar::setReplaceVisible(bool visible)
{
    m_replace->setVisible(visible);
    m_replaceButton->setVisible(visible);
    m_replaceAllButton->setVisible(visible);
}

void FindBar::showFind()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    setReplaceVisible(false);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::showReplace()
{
    showFind();
    setReplaceVisible(true);
}

void FindBar::setSearchText(const QString &text)
{
    m_find->setText(text);
}

void FindBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

void FindBar::showStatus(Status status, int replaced)
{
    m_statusKind = status;
    m_replacedCount = replaced;
    updateStatusText();
}

// The status stays until the next search, so a change of language says it again in the new
// language (issue #7) rather than leaving it in the old one or dropping it.
void FindBar::updateStatusText()
{
    switch (m_statusKind) {
    case Status::None:
        m_status->clear();
        break;
    case Status::NotFound:
        m_status->setText(tr("Not found"));
        break;
    case Status::Wrapped:
        m_status->setText(tr("Wrapped around"));
        break;
    case Status::Replaced:
        m_status->setText(tr("%n replaced", nullptr, m_replacedCount));
        break;
    }
}

bool FindBar::find(bool backward, bool fromSelectionStart)
{
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        showStatus(Status::None);
        return false;
    }
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *doc = m_editor->document();
    QTextCursor from = m_editor->textCursor();
    if (fromSelectionStart)
        from.setPosition(from.selectionStart());
    QTextCursor hit = doc->find(needle, from, flags);
    bool wrapped = false;
    if (hit.isNull()) {
        QTextCursor start(doc);
        if (backward)
            start.movePosition(QTextCursor::End);
        hit = doc->find(needle, start, flags);
        wrapped = true;
    }
    if (hit.isNull()) {
        showStatus(Status::NotFound);
        return false;
    }
    m_editor->setTextCursor(hit);
    m_editor->centerCursor();
    showStatus(wrapped ? Status::Wrapped : Status::None);
    return true;
}

bool FindBar::findNext()
{
    return find(false, false);
}

bool FindBar::findPrevious()
{
    return find(true, false);
}

void FindBar::replaceCurrent()
{
    QTextCursor cursor = m_editor->textCursor();
    const Qt::CaseSensitivity cs = m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (cursor.hasSelection() && QString::compare(cursor.selectedText(), m_find->text(), cs) == 0)
        cursor.insertText(m_replace->text());
    findNext();
}

int FindBar::replaceAll()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *doc = m_editor->document();
    QTextCursor edit(doc);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor hit = doc->find(needle, 0, flags);
    while (!hit.isNull()) {
        hit.insertText(m_replace->text());
        ++count;
        hit = doc->find(needle, hit, flags);
    }
    edit.endEditBlock();
    showStatus(Status::Replaced, count);
    return count;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace frontmark
