#include "diagnostic.h"

using namespace Qt::StringLiterals;

namespace frontmark {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    const QString kind = isError() ? u"error"_s : u"warning"_s;
    return (where.isEmpty() ? QString() : where + u": "_s) + kind + u": "_s + message;
}

} // namespace frontmark
