// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the unit tests: where the corpus lives (../corpus.h), and a line diff that shows
// exactly which lines an edit touched.

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QString>
#include <QStringList>

#include "../corpus.h"

namespace frontmark::test {

/// Lines (with their endings) of `bytes`.
inline QList<QByteArray> splitLinesKeepEol(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', start);
        const qsizetype end = nl < 0 ? bytes.size() : nl + 1;
        lines.append(bytes.mid(start, end - start));
        start = end;
    }
    return lines;
}

struct LineDiff {
    QList<QByteArray> removed; // lines only in `before`
    QList<QByteArray> added;   // lines only in `after`
    int firstLine = 0;         // 1-based line where the change begins
    QString unified;           // a readable diff for failure messages
};

/// Diff of two texts that differ in one contiguous region (what a single-key patch does):
/// common prefix and suffix lines are stripped.
inline LineDiff diffLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = splitLinesKeepEol(before);
    const QList<QByteArray> b = splitLinesKeepEol(after);
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    LineDiff d;
    d.firstLine = int(prefix) + 1;
    d.removed = a.mid(prefix, a.size() - prefix - suffix);
    d.added = b.mid(prefix, b.size() - prefix - suffix);
    d.unified = QStringLiteral("@@ -%1,%2 +%1,%3 @@\n").arg(prefix + 1).arg(d.removed.size()).arg(d.added.size());
    for (const QByteArray &l : d.removed)
        d.unified += QLatin1Char('-') + QString::fromUtf8(l).replace(QStringLiteral("\r"), QStringLiteral("\\r"));
    for (const QByteArray &l : d.added)
        d.unified += QLatin1Char('+') + QString::fromUtf8(l).replace(QStringLiteral("\r"), QStringLiteral("\\r"));
    return d;
}

} // namespace frontmark::test
