// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace frontmark::text {

/// One line of a line diff. Line numbers are 1-based; 0 where the line has no side there.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;      // the line without its ending
    int oldLine = 0;
    int newLine = 0;
};

/**
 * Line diff of two texts (Myers' O(ND) algorithm after trimming the common head and tail,
 * so a one-line change in a 2 MB post costs little). Lines split at "\n"; a "\r" before it
 * belongs to the line's text, so a line-ending change shows as a change. Pure; any thread.
 */
QList<DiffLine> diffLines(const QString &before, const QString &after);

/**
 * A unified diff ("--- beforeName", "+++ afterName", "@@ -l,n +l,n @@" hunks with `context`
 * lines around each change), as `diff -u` prints it. Empty when the bytes are equal. A
 * side that does not end with a newline gets "\ No newline at end of file".
 */
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &beforeName,
                    const QString &afterName, int context = 3);

} // namespace frontmark::text
