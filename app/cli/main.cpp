// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("frontmark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTMARK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = frontmark::cli::run(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
