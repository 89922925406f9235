// SPDX-License-Identifier: GPL-3.0-or-later
#include "startup.h"

#include "mainwindow.h"
#include "publish/recovery.h"

namespace frontmark {

QList<MainWindow *> openPosts(MainWindow *first, const QStringList &files, RecoveryStore *store)
{
    if (files.isEmpty())
        first->newPost();
    else
        first->openFile(files.constFirst());
    QList<MainWindow *> extras;
    for (qsizetype i = 1; i < files.size(); ++i) {
        auto *extra = new MainWindow;
        if (store && store->isOpen())
            extra->setRecoveryStore(store);
        extra->show();
        extra->openFile(files.at(i));
        extras.append(extra);
    }
    return extras;
}

} // namespace frontmark
