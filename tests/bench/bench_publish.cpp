// SPDX-License-Identifier: GPL-3.0-or-later
// Saving and publishing benchmark (issue #5): what a save, an autosave copy and a publish
// cost for the sample post and a 2 MB post, fsync included. Prints medians; asserts nothing.
//
//   packaging/dev.sh bench [ITERATIONS]      (or: bench_publish [ITERATIONS])

#include "../testfiles.h"
#include "benchutil.h"
#include "document/postfile.h"
#include "publish/publisher.h"
#include "publish/recovery.h"
#include "io/safewrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace frontmark;
using frontmark::bench::medianMs;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void report(const QString &what, qsizetype bytes, double ms)
{
    std::printf("%-58s %9.1f KB %9.3f ms\n", qPrintable(what), double(bytes) / 1024.0, ms);
}

void benchPost(const QString &label, const QString &path, const QString &recoveryRoot, int iterations)
{
    const QByteArray bytes = readAll(path);
    const PostFile post = PostFile::load(path).value();

    report(label + u": writeFileAtomically (fsync file + dir)"_s, bytes.size(), medianMs(iterations, [&] {
        if (!writeFileAtomically(path, bytes).ok())
            qFatal("write failed");
    }));
    report(label + u": fileHolds (the on-disk check before a save)"_s, bytes.size(), medianMs(iterations, [&] {
        if (!fileHolds(path, bytes))
            qFatal("check failed");
    }));

    RecoveryStore store(recoveryRoot);
    if (!store.open().ok())
        qFatal("cannot open the recovery store");
    const QByteArray hash = RecoveryStore::hashOf(bytes);
    report(label + u": recovery copy (worker thread)"_s, bytes.size(), medianMs(iterations, [&] {
        if (!store.save(u"bench"_s, path, bytes, hash).ok())
            qFatal("recovery save failed");
    }));
    store.close();

    publisher::Plan plan;
    report(label + u": publish check (prepare: validate + render)"_s, bytes.size(), medianMs(iterations, [&] {
        plan = publisher::prepare(post, path, {});
    }));
    if (plan.hasErrors())
        qFatal("the bench post has errors: %s", qPrintable(plan.problems.first().toString()));
    report(label + u": publish diff"_s, bytes.size(), medianMs(iterations, [&] { (void)plan.diff(); }));
    // Only execute() is timed: each round first puts the draft back and prepares.
    std::vector<double> executeMs;
    for (int i = 0; i < iterations; ++i) {
        if (!writeFileAtomically(path, bytes).ok())
            qFatal("reset failed");
        const publisher::Plan fresh = publisher::prepare(post, path, {});
        QElapsedTimer t;
        t.start();
        if (!publisher::execute(fresh).ok())
            qFatal("publish failed");
        executeMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(executeMs.begin(), executeMs.end());
    report(label + u": publish write (execute)"_s, bytes.size(), executeMs[executeMs.size() / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 15;
    QTemporaryDir dir;
    const QString site = dir.filePath(u"site"_s);
    if (!test::copyTree(QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site"), site))
        qFatal("cannot copy the sample site");
    const QString sample = site + u"/content/posts/2025-06-02-taiwan-chip-energy.md"_s;

    // Drafts, so publishing changes a line and the diff has work to do.
    QByteArray draft = readAll(sample);
    draft.replace("\ndraft: false\n", "\ndraft: true\n");
    if (!writeFileAtomically(sample, draft).ok())
        qFatal("cannot write the sample draft");
    // A 2 MB post in the same site: the sample's front matter, its body repeated.
    const PostFile samplePost = PostFile::load(sample).value();
    QByteArray big = draft;
    while (big.size() < 2 * 1024 * 1024)
        big += "\n" + samplePost.body();
    const QString bigPath = site + u"/content/posts/big.md"_s;
    if (!writeFileAtomically(bigPath, big).ok())
        qFatal("cannot write the 2 MB post");

    std::printf("bench_publish: median of %d runs, temp dir on %s\n", iterations, qPrintable(dir.path()));
    benchPost(u"sample post"_s, sample, dir.filePath(u"recovery"_s), iterations);
    benchPost(u"2 MB post"_s, bigPath, dir.filePath(u"recovery"_s), iterations);
    return 0;
}
