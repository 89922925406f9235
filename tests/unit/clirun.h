// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace frontmark::test {

/// What one `frontmark-cli` command printed and returned, run in-process through cli::run().
struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace frontmark::test
