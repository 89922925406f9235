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

} // namespace frontmark::test
