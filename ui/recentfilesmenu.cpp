// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfilesmenu.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QSettings>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {
constexpr int MaxRecentFiles = 10;
const auto settingsKey = u"recentFiles"_s;

/// One thread for settings writes, so they land in the order they were made; the
/// application waits for it when it quits (the pool is its child).
QThreadPool *settingsWriter()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}
} // namespace

RecentFilesMenu::RecentFilesMenu(const QString &title, QWidget *parent)
    : QMenu(title, parent)
{
    setObjectName(u"recentMenu"_s);
    m_files = QSettings().value(settingsKey).toStringList();
    rebuild();
}

void RecentFilesMenu::add(const QString &path)
{
    if (!m_files.isEmpty() && m_files.constFirst() == path)
        return;
    m_files.removeAll(path);
    m_files.prepend(path);
    while (m_files.size() > MaxRecentFiles)
        m_files.removeLast();
    store(m_files);
    rebuild();
}

void RecentFilesMenu::store(const QStringList &files)
{
    settingsWriter()->start([files] {
        QSettings settings;
        if (files.isEmpty())
            settings.remove(settingsKey);
        else
            settings.setValue(settingsKey, files);
    });
}

void RecentFilesMenu::rebuild()
{
    m_clearAction = nullptr; // clear() deletes it
    clear();
    const QStringList list = m_files;
    for (const QString &path : list) {
        QAction *a = addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT fileChosen(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    setEnabled(!list.isEmpty());
    if (!list.isEmpty()) {
        addSeparator();
        m_clearAction = addAction(QString(), this, [this] {
            m_files.clear();
            store(m_files);
            rebuild();
        });
    }
    retranslateUi();
}

// The file names are not translated, so only Clear List needs a new text; the menu is not
// rebuilt (that would read the settings again).
void RecentFilesMenu::retranslateUi()
{
    if (m_clearAction)
        m_clearAction->setText(tr("Clear List"));
}

void RecentFilesMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // issue #7: the interface language changes without a restart
    QMenu::changeEvent(event);
}

} // namespace frontmark
