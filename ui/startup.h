// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

namespace frontmark {

class MainWindow;
class RecoveryStore;

/// Opens the posts a run of `frontmark [FILE…]` was given (main(); the tests call the same
/// code): the first of `files` in `first`, or a new untitled post there when there are none,
/// and each further one in a new window of its own, shown, like a file manager's
/// `Exec=frontmark %F`. New windows keep recovery copies in `store` when it is open (it may be
/// null, and must outlive them). A file that cannot be read shows its error in its window.
/// Returns the new windows; the caller deletes them. The run's network mode (OfflineMode)
/// must be set first: every window takes it. UI thread.
QList<MainWindow *> openPosts(MainWindow *first, const QStringList &files, RecoveryStore *store);

} // namespace frontmark
