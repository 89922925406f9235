// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDialog>

class QPushButton;

namespace frontmark {

class DiffView;

/**
 * Asked before a save would replace a file that another program changed since the editor
 * opened it: "“file.md” was changed by another program", with the difference from the disk
 * bytes to the editor's bytes. The writer picks Overwrite (destructive), Save As… or Cancel
 * (the default, so Enter never destroys the other program's work); choice() says which,
 * and closing the window counts as Cancel. The dialog only asks: the caller writes. UI thread.
 */
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Overwrite, SaveAs, Cancel };

    ConflictDialog(const QString &path, const QByteArray &diskBytes, const QByteArray &editorBytes,
                   QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    QPushButton *overwriteButton() const { return m_overwrite; }
    QPushButton *saveAsButton() const { return m_saveAs; }
    QPushButton *cancelButton() const { return m_cancel; }
    DiffView *diffView() const { return m_diff; }

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Cancel;
    DiffView *m_diff;
    QPushButton *m_overwrite;
    QPushButton *m_saveAs;
    QPushButton *m_cancel;
};

} // namespace frontmark
