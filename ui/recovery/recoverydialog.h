// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publish/recovery.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace frontmark {

class DiffView;

/**
 * Offers the recovery copies an earlier session left behind (RecoveryStore::orphaned()): a
 * list of posts (file name or "Untitled", folder, when the copy was saved) and, for the
 * selected one, what differs from the file on disk now as a unified diff, or that the file
 * no longer exists or was never saved.
 *
 * Restore, Discard and Decide Later act on the selected entries; once every entry has a
 * decision the dialog accepts. Only then are discarded copies deleted (RecoveryStore::
 * discard) and toRestore() filled: the caller opens those. Closing the dialog (Esc) decides
 * nothing, so every copy is kept and offered again at the next start. Restored copies are
 * not deleted here: the caller discards each once its window holds the text.
 *
 * UI thread. Reads each post on disk when it is selected; an unreadable file is described,
 * not fatal.
 */
class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision { Undecided, Restore, Discard, Later };

    explicit RecoveryDialog(const QList<RecoveryEntry> &entries, QWidget *parent = nullptr);

    /// The entries to reopen, in list order (empty unless accepted).
    QList<RecoveryEntry> toRestore() const;
    QList<RecoveryEntry> entries() const { return m_entries; }
    Decision decision(int row) const { return m_decisions.value(row, Decision::Undecided); }

    /// What the buttons do: decide for the selected rows, then move on (or finish).
    void decideSelected(Decision decision);

    QTreeWidget *entryList() const { return m_list; }
    DiffView *diffView() const { return m_diff; }
    QLabel *detailLabel() const { return m_detail; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *laterButton() const { return m_later; }

    void done(int result) override;

private:
    void showDetails();
    void updateRow(int row);

    QList<RecoveryEntry> m_entries;
    QList<Decision> m_decisions;
    QTreeWidget *m_list;
    QLabel *m_detail;
    DiffView *m_diff;
    QPushButton *m_restore;
    QPushButton *m_discard;
    QPushButton *m_later;
};

} // namespace frontmark
