#include "recentfilesmenu.h"

#include <QEvent>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {
constexpr int MaxRecentFiles = 10;
const auto settingsKey = u"recentFiles"_s;
} // namespace

RecentFilesMenu::RecentFilesMenu(const QString &title, QWidget *parent)
    : QMenu(title, parent)
{
    setObjectName(u"recentMenu"_s);
    rebuild();
}

QStringList RecentFilesMenu::files() const
{
    return QSettings().value(settingsKey).toStringList();
}

void RecentFilesMenu::add(const QString &path)
{
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > MaxRecentFiles)
        list.removeLast();
    QSettings().setValue(settingsKey, list);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    m_clearAction = nullptr; // clear() deletes it
    clear();
    const QStringList list = files();
    for (const QString &path : list) {
        QAction *a = addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT fileChosen(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    setEnabled(!list.isEmpty());
    if (!list.isEmpty()) {
        addSeparator();
        m_clearAction = addAction(QString(), this, [this] {
            QSettings().remove(settingsKey);
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
