#include "result.h"

using namespace Qt::StringLiterals;

namespace frontmark {

QString Error::toString() const
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return where.isEmpty() ? message : where + u": "_s + message;
}

} // namespace frontmark
