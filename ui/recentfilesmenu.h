// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace frontmark {

/**
 * File ▸ Open Recent: the last ten posts (QSettings "recentFiles"), newest first, and Clear
 * List. Choosing one emits fileChosen(); opening is the window's business. Clear List follows
 * a change of the interface language (issue #7); the title is the window's to set.
 *
 * The list is read from the settings once and kept; changes are written on a background
 * thread, in order, because writing the settings file syncs it to disk (tens of milliseconds
 * on a slow disk, on every open: issue #20). UI thread.
 */
class RecentFilesMenu : public QMenu
{
    Q_OBJECT
public:
    explicit RecentFilesMenu(const QString &title, QWidget *parent = nullptr);

    void add(const QString &path);
    QStringList files() const { return m_files; }

Q_SIGNALS:
    void fileChosen(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();

    void store(const QStringList &files);

    QStringList m_files;
    QAction *m_clearAction = nullptr; // owned by the menu; null while the list is empty
};

} // namespace frontmark
