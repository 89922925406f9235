// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the shared Hugo corpus lives (../shared/corpus beside the repository, or
// $FRONTMARK_SHARED_DIR/corpus), and what a test does when it is not there (issue #14): a
// clone on its own has no ../shared, so tests that need the corpus skip and say so, loudly;
// under CI=true the corpus is required and its absence fails, so CI never passes on an
// empty set. QtCore and QtTest only.

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QTest>

namespace frontmark::test {

inline QString sharedDir()
{
    const QByteArray env = qgetenv("FRONTMARK_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(FRONTMARK_SHARED_DIR) : QString::fromLocal8Bit(env));
}

inline QString corpusDir()
{
    return sharedDir() + QStringLiteral("/corpus/posts");
}

inline QStringList corpusPosts()
{
    QDir dir(corpusDir());
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        out.append(dir.filePath(name));
    return out;
}

/// True when CI=true (or 1): then a missing corpus is a failure, not a skip.
inline bool corpusRequired()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return ci == "true" || ci == "1";
}

inline QString corpusMissingMessage()
{
    return QStringLiteral("no corpus posts under %1, so the rows that need ../shared/corpus cannot run "
                          "(set FRONTMARK_SHARED_DIR to the folder that holds corpus/; under CI=true this fails)")
        .arg(QDir::toNativeSeparators(corpusDir()));
}

} // namespace frontmark::test

/// At the top of a test function (or initTestCase) that needs the shared corpus: skips it when
/// the corpus is missing, with a warning that names the folder, or fails under CI=true.
#define FRONTMARK_REQUIRE_CORPUS()                                                                          \
    do {                                                                                                    \
        if (frontmark::test::corpusPosts().isEmpty()) {                                                     \
            if (frontmark::test::corpusRequired())                                                          \
                QFAIL(qPrintable(QStringLiteral("CI=true: ") + frontmark::test::corpusMissingMessage()));   \
            qWarning("*** SKIPPED: %s", qPrintable(frontmark::test::corpusMissingMessage()));               \
            QSKIP(qPrintable(frontmark::test::corpusMissingMessage()));                                     \
        }                                                                                                   \
    } while (false)

/// In the _data function of such a test: skips the whole function once (not row by row) when
/// the corpus is missing. Under CI=true it does nothing, so that the test function runs and its
/// FRONTMARK_REQUIRE_CORPUS() fails (a failure in a _data function would stop the program).
#define FRONTMARK_SKIP_WITHOUT_CORPUS()                                                                     \
    do {                                                                                                    \
        if (frontmark::test::corpusPosts().isEmpty() && !frontmark::test::corpusRequired()) {               \
            qWarning("*** SKIPPED: %s", qPrintable(frontmark::test::corpusMissingMessage()));               \
            QSKIP(qPrintable(frontmark::test::corpusMissingMessage()));                                     \
        }                                                                                                   \
    } while (false)
