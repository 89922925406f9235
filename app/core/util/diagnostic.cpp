// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostic.h"

#include "result.h"

using namespace Qt::StringLiterals;

namespace frontmark {

QString Diagnostic::toString() const
{
    const QString where = locationText(file, line, column);
    const QString kind = isError() ? u"error"_s : u"warning"_s;
    return (where.isEmpty() ? QString() : where + u": "_s) + kind + u": "_s + message;
}

} // namespace frontmark
