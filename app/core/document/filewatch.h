// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;

namespace frontmark {

/**
 * Watches the one file an editor has open and says when its bytes on disk stop being the
 * bytes the editor last read or wrote (issue #4: external changes never go unnoticed).
 * Our own atomic saves (QSaveFile renames a new file over the old one, which drops an inotify
 * watch) are followed: setPath() again, or setKnownBytes() after a save, and nothing fires.
 * A touch that leaves the bytes alone is not a change. UI thread (any one thread).
 */
class FileWatch : public QObject
{
    Q_OBJECT
public:
    explicit FileWatch(QObject *parent = nullptr);

    /// Starts watching `path` (empty: stop), whose current content is `knownBytes`.
    void setPath(const QString &path, const QByteArray &knownBytes);
    /// After a save (or when the writer chose to keep their version over the disk's).
    void setKnownBytes(const QByteArray &bytes) { m_known = bytes; }
    QString path() const { return m_path; }

Q_SIGNALS:
    /// The file's bytes differ from the known ones; `deleted` if it is gone.
    void changedOnDisk(bool deleted);

private:
    void onFileChanged(const QString &path);

    QFileSystemWatcher *m_watcher;
    QString m_path;
    QByteArray m_known;
};

} // namespace frontmark
