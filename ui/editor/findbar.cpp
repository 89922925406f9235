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
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    auto *next = new QPushButton(tr("Next"), this);
    auto *previous = new QPushButton(tr("Previous"), this);
    m_caseSensitive = new QCheckBox(tr("Match case"), this);
    m_status = new QLabel(this);
    auto *close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));

    m_replace = new QLineEdit(this);
    m_replace->setObjectName(u"replaceEdit"_s);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replaceButton = new QPushButton(tr("Replace"), this);
    m_replaceAllButton = new QPushButton(tr("Replace All"), this);

    grid->addWidget(m_find, 0, 0);
    grid->addWidget(next, 0, 1);
    grid->addWidget(previous, 0, 2);
    grid->addWidget(m_caseSensitive, 0, 3);
    grid->addWidget(m_status, 0, 4);
    grid->addWidget(close, 0, 5);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceButton, 1, 1);
    grid->addWidget(m_replaceAllButton, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(4, 1);

    connect(m_find, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_find, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindBar::replaceCurrent);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    setReplaceVisible(false);
    hide();
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

void FindBar::showStatus(const QString &text)
{
    m_status->setText(text);
}

bool FindBar::find(bool backward, bool fromSelectionStart)
{
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        showStatus({});
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
        showStatus(tr("Not found"));
        return false;
    }
    m_editor->setTextCursor(hit);
    m_editor->centerCursor();
    showStatus(wrapped ? tr("Wrapped around") : QString());
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
    showStatus(tr("%n replaced", nullptr, count));
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
