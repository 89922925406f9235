#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace frontmark {

/**
 * The find/replace bar under the editor: incremental find, next/previous (wrapping), replace
 * and replace all (one undo step), case sensitivity. Escape hides it and returns focus to
 * the editor. Works on the QPlainTextEdit it is given (not owned). UI thread.
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

private:
    bool find(bool backward, bool fromSelectionStart);
    void setReplaceVisible(bool visible);
    void showStatus(const QString &text);

    QPlainTextEdit *m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QCheckBox *m_caseSensitive = nullptr;
    QPushButton *m_replaceButton = nullptr;
    QPushButton *m_replaceAllButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace frontmark
