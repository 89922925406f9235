// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File helpers shared by the unit, GUI and benchmark programs (QtCore only).

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>

namespace frontmark::test {

/// Copies everything below `from` into `to` (a site into a temporary folder): files, hidden
/// files and empty folders (Hugo refuses a site without its content/ folder).
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

/// The bytes of `path`, empty if it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes `bytes` to `path` (plainly, not atomically: test set-up); true if all were written.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace frontmark::test
