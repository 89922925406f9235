// SPDX-License-Identifier: GPL-3.0-or-later
#include "result.h"

using namespace Qt::StringLiterals;

namespace frontmark {

QString locationText(const QString &file, int line, int column)
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return where;
}

QString Error::toString() const
{
    const QString where = locationText(file, line, column);
    return where.isEmpty() ? message : where + u": "_s + message;
}

} // namespace frontmark
