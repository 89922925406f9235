// SPDX-License-Identifier: GPL-3.0-or-later
// Load + parse benchmark (issue #2): prints medians for the bundled sample post, a 2 MB post
// and pathological inputs. Not a test: it asserts nothing and is labelled `bench`.
//
//   packaging/dev.sh bench [ITERATIONS]

#include "benchutil.h"
#include "document/postfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace frontmark;
using frontmark::bench::medianMs;

namespace {


void report(const char *what, qsizetype bytes, double ms)
{
    std::printf("%-52s %10.1f KB %10.3f ms  (%.0f MB/s)\n", what, double(bytes) / 1024.0, ms,
                ms > 0 ? double(bytes) / (1024.0 * 1024.0) / (ms / 1000.0) : 0.0);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void benchFile(const char *label, const QString &path, int iterations)
{
    const QByteArray bytes = readAll(path);
    report(qPrintable(QString::fromLatin1(label) + u" load+parse"_s), bytes.size(), medianMs(iterations, [&] {
        auto post = PostFile::load(path);
        if (!post.ok() || !post.value().frontMatter().isValid())
            qFatal("load failed");
    }));
    const auto loaded = PostFile::fromBytes(bytes, path);
    report(qPrintable(QString::fromLatin1(label) + u" set title (patch+reparse)"_s), bytes.size(), medianMs(iterations, [&] {
        PostFile p = loaded.value();
        if (!p.frontMatter().setValue(u"title"_s, Value(u"新的標題：測試"_s)).ok())
            qFatal("set failed");
    }));
    report(qPrintable(QString::fromLatin1(label) + u" toBytes"_s), bytes.size(), medianMs(iterations, [&] {
        const QByteArray out = loaded.value().toBytes();
        if (out.size() != bytes.size())
            qFatal("round trip changed size");
    }));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 25;
    const QString sample = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    QTemporaryDir dir;

    std::printf("frontmark bench_load: median of %d runs\n\n", iterations);
    benchFile("sample post", sample, iterations);

    // A 2 MB post: the sample's front matter and its body repeated (CJK text, images, shortcodes).
    const QByteArray sampleBytes = readAll(sample);
    const auto samplePost = PostFile::fromBytes(sampleBytes).value();
    QByteArray big = sampleBytes;
    while (big.size() < 2 * 1024 * 1024)
        big += "\n" + samplePost.body();
    const QString bigPath = dir.filePath(u"big.md"_s);
    {
        QFile f(bigPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(big) != big.size())
            qFatal("cannot write");
    }
    benchFile("2 MB post", bigPath, iterations);

    // Front matter with 2,000 keys and a 1 MB description.
    QByteArray wide = "---\n";
    for (int i = 0; i < 2000; ++i)
        wide += "key" + QByteArray::number(i) + ": \"value " + QByteArray::number(i) + "\"\n";
    wide += "title: \"t\"\ndescription: \"" + QByteArray(1024 * 1024, 'x') + "\"\n---\nBody\n";
    const QString widePath = dir.filePath(u"wide.md"_s);
    {
        QFile f(widePath);
        if (!f.open(QIODevice::WriteOnly) || f.write(wide) != wide.size())
            qFatal("cannot write");
    }
    benchFile("2,000 keys + 1 MB value", widePath, std::max(3, iterations / 5));

    // Pathological nesting: rejected with an error, and quickly.
    const QByteArray deep = "---\nx: " + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n---\n";
    report("YAML nested 100,000 deep (rejected)", deep.size(), medianMs(std::max(3, iterations / 5), [&] {
        const auto p = PostFile::fromBytes(deep);
        if (!p.ok() || p.value().frontMatter().isValid())
            qFatal("deep nesting was accepted");
    }));
    return 0;
}
