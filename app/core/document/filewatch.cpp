// SPDX-License-Identifier: GPL-3.0-or-later
#include "filewatch.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace frontmark {

FileWatch::FileWatch(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FileWatch::onFileChanged);
}

void FileWatch::setPath(const QString &path, const QByteArray &knownBytes)
{
    if (!m_path.isEmpty() && path != m_path)
        m_watcher->removePath(m_path);
    m_path = path;
    m_known = knownBytes;
    if (!path.isEmpty() && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
}

void FileWatch::onFileChanged(const QString &path)
{
    if (path != m_path)
        return;
    // A rename over the file (QSaveFile, most editors) ends the watch on the old inode.
    QTimer::singleShot(0, this, [this, path] {
        if (path == m_path && QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);
    });
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(path))
            Q_EMIT changedOnDisk(true);
        return; // exists but unreadable for a moment: the next change will tell
    }
    if (file.readAll() != m_known)
        Q_EMIT changedOnDisk(false);
}

} // namespace frontmark
