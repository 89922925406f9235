#pragma once

#include <QMenu>

namespace frontmark {

/**
 * File ▸ Open Recent: the last ten posts (QSettings "recentFiles"), newest first, and Clear
 * List. Choosing one emits fileChosen(); opening is the window's business. UI thread.
 */
class RecentFilesMenu : public QMenu
{
    Q_OBJECT
public:
    explicit RecentFilesMenu(const QString &title, QWidget *parent = nullptr);

    void add(const QString &path);
    QStringList files() const;

Q_SIGNALS:
    void fileChosen(const QString &path);

private:
    void rebuild();
};

} // namespace frontmark
