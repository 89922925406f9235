// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #14: the core's folders depend one way. Reads every #include "…" of app/core, maps it to
// the folder it names, and fails on any cycle between folders, naming the files that close it.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QString kCore = QStringLiteral(FRONTMARK_SOURCE_DIR "/app/core");

// One include that crosses folders: from `file` (relative to app/core) into `to`.
struct Edge {
    QString to;
    QString file;
    QString include;
};

// The folder graph of `core`: folder -> the includes that leave it, per target folder.
QMap<QString, QList<Edge>> folderGraph(const QString &core)
{
    // (A plain literal: moc's lexer does not follow raw strings that hold a quote.)
    static const QRegularExpression include(u"^\\s*#\\s*include\\s+\"([^\"]+)\""_s);
    const QDir root(core);
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QMap<QString, QList<Edge>> out;
    QDirIterator it(core, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        const QString from = relative.section(u'/', 0, 0);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        for (const QString &line : lines) {
            const QRegularExpressionMatch m = include.match(line);
            if (!m.hasMatch())
                continue;
            const QString name = m.captured(1);
            // "x.h" is beside the file; "../a/x.h" relative to it; "a/x.h" from app/core.
            const QString target = name.startsWith(u'.') ? QDir::cleanPath(from + u'/' + name)
                                   : name.contains(u'/') ? name
                                                         : from + u'/' + name;
            const QString to = target.section(u'/', 0, 0);
            if (to != from && folders.contains(to))
                out[from].append(Edge{to, relative, name});
        }
    }
    return out;
}

// A cycle through `start` if there is one, as the list of edges that close it.
QList<Edge> findCycle(const QMap<QString, QList<Edge>> &graph)
{
    QList<Edge> path;
    QSet<QString> done;
    QSet<QString> onPath;
    std::function<bool(const QString &)> visit = [&](const QString &folder) {
        if (onPath.contains(folder))
            return true;
        if (done.contains(folder))
            return false;
        onPath.insert(folder);
        QSet<QString> seen;
        for (const Edge &e : graph.value(folder)) {
            if (seen.contains(e.to))
                continue;
            seen.insert(e.to);
            path.append(e);
            if (visit(e.to))
                return true;
            path.removeLast();
        }
        onPath.remove(folder);
        done.insert(folder);
        return false;
    };
    for (auto it = graph.cbegin(); it != graph.cend(); ++it) {
        path.clear();
        if (visit(it.key())) {
            // Keep only the loop itself, from where it closes.
            const QString closesAt = path.constLast().to;
            while (!path.isEmpty() && path.constFirst().file.section(u'/', 0, 0) != closesAt)
                path.removeFirst();
            return path;
        }
    }
    return {};
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreFoldersFormNoCycle();
    void detectsACycle();
    void bottomFoldersIncludeNothingAbove_data();
    void bottomFoldersIncludeNothingAbove();
};

void TestLayering::coreFoldersFormNoCycle()
{
    const auto graph = folderGraph(kCore);
    QVERIFY2(graph.size() >= 5, "the include scan found too few folders: is FRONTMARK_SOURCE_DIR right?");
    const QList<Edge> cycle = findCycle(graph);
    QStringList lines;
    for (const Edge &e : cycle)
        lines << e.file + u" includes \""_s + e.include + u'"';
    QVERIFY2(cycle.isEmpty(), qPrintable(u"app/core's folders include each other in a loop:\n  "_s + lines.join(u"\n  "_s)));
}

void TestLayering::detectsACycle()
{
    // The same scan over a tree made to loop (a includes b, b includes a) must find it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"a"_s) && QDir(dir.path()).mkpath(u"b"_s) && QDir(dir.path()).mkpath(u"c"_s));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    QVERIFY(write(u"a/x.h"_s, "#include \"b/y.h\"\n"));
    QVERIFY(write(u"b/y.cpp"_s, "#include \"../c/z.h\"\n"));
    QVERIFY(write(u"c/z.h"_s, "#include \"util.h\"\n#include \"a/x.h\"\n"));
    const QList<Edge> cycle = findCycle(folderGraph(dir.path()));
    QCOMPARE(cycle.size(), 3);
    QVERIFY(findCycle(folderGraph(kCore)).isEmpty());
}

void TestLayering::bottomFoldersIncludeNothingAbove_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QStringList>("allowed");
    // The bottom of the core: errors and diagnostics, the atomic writer, text utilities.
    QTest::newRow("util") << u"util"_s << QStringList();
    QTest::newRow("io") << u"io"_s << QStringList{u"util"_s};
    QTest::newRow("text") << u"text"_s << QStringList{u"util"_s};
}

void TestLayering::bottomFoldersIncludeNothingAbove()
{
    QFETCH(QString, folder);
    QFETCH(QStringList, allowed);
    for (const Edge &e : folderGraph(kCore).value(folder))
        QVERIFY2(allowed.contains(e.to), qPrintable(e.file + u" includes \""_s + e.include + u"\" from above"_s));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
