// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace frontmark {

/**
 * The find/replace bar under the editor: incremental find, next/previous (wrapping), replace
 * and replace all (one undo step), case sensitivity. Escape hides it and returns focus to
 * the editor. Works on the QPlainTextEdit it is given (not owned). Follows a change of the
 * interface language (issue #7), the status of the last search included. UI thread.
 */
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    /// Shows the bar with the selection (or the last search) as the search text.
    void showFind();
    void showReplace();

    bool findNext();
    bool findPrevious();
    /// Replaces the current match (if the selection is one) and moves to the next.
    void replaceCurrent();
    /// Replaces every match in one undo step; returns how many.
    int replaceAll();

    void setSearchText(const QString &text);
    void setReplaceText(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// What the status label says about the last search; the text is made from it.
    enum class Status { None, NotFound, Wrapped, Replaced };

    bool find(bool backward, bool fromSelectionStart);
    void setReplaceVisible(bool visible);
    void showStatus(Status status, int replaced = 0);
    void updateStatusText();
    void retranslateUi();

    QPlainTextEdit *m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_previousButton = nullptr;
    QCheckBox *m_caseSensitive = nullptr;
    QToolButton *m_closeButton = nullptr;
    QPushButton *m_replaceButton = nullptr;
    QPushButton *m_replaceAllButton = nullptr;
    QLabel *m_status = nullptr;
    Status m_statusKind = Status::None;
    int m_replacedCount = 0; // for Status::Replaced
};

} // namespace frontmark
