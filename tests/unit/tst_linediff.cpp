// SPDX-License-Identifier: GPL-3.0-or-later
// The line diff behind "what will change on disk" views. Expected unified diffs are GNU
// diff 3.8's `diff -U<n> --label a.md --label b.md` output for the same bytes;
// matchesGnuDiff() asks the installed diff about a few hundred generated cases as well.

#include "text/linediff.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace frontmark;
using text::DiffLine;

namespace {

// "line 1\n" … "line n\n"
QByteArray numbered(int n)
{
    QByteArray out;
    for (int i = 1; i <= n; ++i)
        out += "line " + QByteArray::number(i) + '\n';
    return out;
}

QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    return text.replace(from, to);
}

// A diff in one string: " same", "-removed", "+added", each with its line numbers.
QString render(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &l : lines) {
        const QChar mark = l.kind == DiffLine::Kind::Same ? u' ' : l.kind == DiffLine::Kind::Removed ? u'-' : u'+';
        out << u"%1%2 %3/%4"_s.arg(mark, l.text).arg(l.oldLine).arg(l.newLine);
    }
    return out.join(u'|');
}

QByteArray randomText(QRandomGenerator &rng, int alphabet, int maxLines, bool finalNewline)
{
    QByteArray s;
    const int n = int(rng.bounded(maxLines + 1));
    for (int i = 0; i < n; ++i) {
        s += char('a' + rng.bounded(alphabet));
        s += '\n';
    }
    if (!finalNewline && !s.isEmpty())
        s.chop(1);
    return s;
}

QByteArray mutated(QRandomGenerator &rng, QByteArray s, int alphabet, int edits)
{
    for (int e = 0; e < edits; ++e) {
        qsizetype pos = rng.bounded(int(s.size()) + 1);
        pos -= pos % 2; // a line start: every line is one letter and "\n"
        if (rng.bounded(2))
            s.insert(pos, QByteArray(1, char('a' + rng.bounded(alphabet))) + '\n');
        else if (pos + 2 <= s.size())
            s.remove(pos, 2);
    }
    return s;
}

// About 2 MB of Markdown-like text, every line distinct.
QByteArray largePost()
{
    QByteArray out;
    for (int i = 0; out.size() < 2 * 1024 * 1024; ++i) {
        out += "Paragraph " + QByteArray::number(i) + " of a long post: 晶片之島的電力難題，半導體擴產與能源轉型。\n";
        if (i % 5 == 4)
            out += '\n';
    }
    return out;
}

// Lines of a unified diff's hunks that start with `marker` (the two header lines left out).
qsizetype countMarked(const QString &diff, QChar marker)
{
    const QStringList lines = diff.split(u'\n');
    return std::count_if(lines.begin() + std::min<qsizetype>(2, lines.size()), lines.end(),
                         [marker](const QString &l) { return l.startsWith(marker); });
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffLines_data();
    void diffLines();
    void unifiedDiff_data();
    void unifiedDiff();
    void equalTextsGiveNoDiff();
    void matchesGnuDiff_data();
    void matchesGnuDiff();
    void largeTextWithSmallChangeIsFast();
    void unrelatedLargeTextsFinish();
};

void TestLineDiff::diffLines_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << u"a\nb\n"_s << u"a\nb\n"_s << u" a 1/1| b 2/2"_s;
    QTest::newRow("both empty") << QString() << QString() << QString();
    QTest::newRow("one line changed") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u" a 1/1|-b 2/0|+B 0/2| c 3/3"_s;
    QTest::newRow("insert") << u"a\nc\n"_s << u"a\nb\nc\n"_s << u" a 1/1|+b 0/2| c 2/3"_s;
    QTest::newRow("delete") << u"a\nb\nc\n"_s << u"a\nc\n"_s << u" a 1/1|-b 2/0| c 3/2"_s;
    QTest::newRow("removals come before additions") << u"x\na\nb\ny\n"_s << u"x\nA\nB\ny\n"_s
                                                    << u" x 1/1|-a 2/0|-b 3/0|+A 0/2|+B 0/3| y 4/4"_s;
    QTest::newRow("no final newline") << u"a\nb"_s << u"a\nb"_s << u" a 1/1| b 2/2"_s;
    QTest::newRow("final newline added is a change") << u"a\nb"_s << u"a\nb\n"_s << u" a 1/1|-b 2/0|+b 0/2"_s;
    QTest::newRow("CR belongs to the line") << u"a\r\nb\r\n"_s << u"a\r\nb\n"_s << u" a\r 1/1|-b\r 2/0|+b 0/2"_s;
    QTest::newRow("from empty") << QString() << u"a\n"_s << u"+a 0/1"_s;
    QTest::newRow("to empty") << u"a\n"_s << QString() << u"-a 1/0"_s;
    QTest::newRow("CJK") << u"標題：晶片\n內容\n"_s << u"標題：電力\n內容\n"_s
                         << u"-標題：晶片 1/0|+標題：電力 0/1| 內容 2/2"_s;
    QTest::newRow("repeated line: the last copy goes") << u"a\nb\nb\nb\nc\n"_s << u"a\nb\nb\nc\n"_s
                                                       << u" a 1/1| b 2/2| b 3/3|-b 4/0| c 5/4"_s;
    QTest::newRow("shortest edit, not a rewrite") << u"a\nb\nc\nd\ne\n"_s << u"a\nc\nd\nx\ne\n"_s
                                                  << u" a 1/1|-b 2/0| c 3/2| d 4/3|+x 0/4| e 5/5"_s;
}

void TestLineDiff::diffLines()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(render(text::diffLines(before, after)), expected);
}

void TestLineDiff::unifiedDiff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("context");
    QTest::addColumn<QString>("expected");
    const QByteArray twenty = numbered(20);
    const QByteArray ten = numbered(10);
    QTest::newRow("one line changed") << "a\nb\nc\n"_ba << "a\nB\nc\n"_ba << 3
                                      << u"--- a.md\n+++ b.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"_s;
    QTest::newRow("insert at start") << "a\nb\n"_ba << "new\na\nb\n"_ba << 3
                                     << u"--- a.md\n+++ b.md\n@@ -1,2 +1,3 @@\n+new\n a\n b\n"_s;
    QTest::newRow("delete at end") << "a\nb\nc\n"_ba << "a\nb\n"_ba << 3
                                   << u"--- a.md\n+++ b.md\n@@ -1,3 +1,2 @@\n a\n b\n-c\n"_s;
    QTest::newRow("old lacks final newline")
        << "a\nb"_ba << "a\nb\n"_ba << 3
        << u"--- a.md\n+++ b.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"_s;
    QTest::newRow("new lacks final newline")
        << "a\nb\n"_ba << "a\nb"_ba << 3
        << u"--- a.md\n+++ b.md\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"_s;
    QTest::newRow("both lack final newline")
        << "a\nb\nc"_ba << "a\nX\nc"_ba << 3
        << u"--- a.md\n+++ b.md\n@@ -1,3 +1,3 @@\n a\n-b\n+X\n c\n\\ No newline at end of file\n"_s;
    QTest::newRow("last line without newline as context")
        << "a\nb\nc\nd"_ba << "a\nB\nc\nd"_ba << 3
        << u"--- a.md\n+++ b.md\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n\\ No newline at end of file\n"_s;
    QTest::newRow("empty to text") << ""_ba << "a\nb\n"_ba << 3 << u"--- a.md\n+++ b.md\n@@ -0,0 +1,2 @@\n+a\n+b\n"_s;
    QTest::newRow("text to empty") << "a\nb\n"_ba << ""_ba << 3 << u"--- a.md\n+++ b.md\n@@ -1,2 +0,0 @@\n-a\n-b\n"_s;
    QTest::newRow("gap of six merges")
        << twenty << replaced(replaced(twenty, "line 3\n", "three\n"), "line 10\n", "ten\n") << 3
        << u"--- a.md\n+++ b.md\n@@ -1,13 +1,13 @@\n line 1\n line 2\n-line 3\n+three\n line 4\n line 5\n line 6\n"
           u" line 7\n line 8\n line 9\n-line 10\n+ten\n line 11\n line 12\n line 13\n"_s;
    QTest::newRow("gap of seven splits")
        << twenty << replaced(replaced(twenty, "line 3\n", "three\n"), "line 11\n", "eleven\n") << 3
        << u"--- a.md\n+++ b.md\n@@ -1,6 +1,6 @@\n line 1\n line 2\n-line 3\n+three\n line 4\n line 5\n line 6\n"
           u"@@ -8,7 +8,7 @@\n line 8\n line 9\n line 10\n-line 11\n+eleven\n line 12\n line 13\n line 14\n"_s;
    QTest::newRow("context 0") << ten << replaced(ten, "line 5\n", "five\n") << 0
                               << u"--- a.md\n+++ b.md\n@@ -5 +5 @@\n-line 5\n+five\n"_s;
    QTest::newRow("context 1 insertion") << ten << replaced(ten, "line 5\n", "line 5\nnew\n") << 1
                                         << u"--- a.md\n+++ b.md\n@@ -5,2 +5,3 @@\n line 5\n+new\n line 6\n"_s;
    QTest::newRow("context 0 insertion") << ten << replaced(ten, "line 5\n", "line 5\nnew\n") << 0
                                         << u"--- a.md\n+++ b.md\n@@ -5,0 +6 @@\n+new\n"_s;
    QTest::newRow("line ending change shows") << "a\r\nb\r\n"_ba << "a\r\nb\n"_ba << 3
                                              << u"--- a.md\n+++ b.md\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+b\n"_s;
    QTest::newRow("CJK lines") << "標題：晶片\n內容\n"_ba << "標題：電力\n內容\n"_ba << 3
                               << u"--- a.md\n+++ b.md\n@@ -1,2 +1,2 @@\n-標題：晶片\n+標題：電力\n 內容\n"_s;
    QTest::newRow("repeated line slides down") << "a\nb\nb\nb\nc\n"_ba << "a\nb\nb\nc\n"_ba << 3
                                               << u"--- a.md\n+++ b.md\n@@ -1,5 +1,4 @@\n a\n b\n b\n-b\n c\n"_s;
    QTest::newRow("blank line inserted in a run") << "x\n\n\ny\n"_ba << "x\n\n\n\ny\n"_ba << 3
                                                  << u"--- a.md\n+++ b.md\n@@ -1,4 +1,5 @@\n x\n \n \n+\n y\n"_s;
    QTest::newRow("moved paragraph") << "p1\n\np2\n\np3\n"_ba << "p2\n\np1\n\np3\n"_ba << 3
                                     << u"--- a.md\n+++ b.md\n@@ -1,5 +1,5 @@\n-p1\n-\n p2\n \n+p1\n+\n p3\n"_s;
    QTest::newRow("change at the end of a long file")
        << numbered(30) << replaced(numbered(30), "line 30\n", "last\n") << 3
        << u"--- a.md\n+++ b.md\n@@ -27,4 +27,4 @@\n line 27\n line 28\n line 29\n-line 30\n+last\n"_s;
}

void TestLineDiff::unifiedDiff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(int, context);
    QFETCH(QString, expected);
    QCOMPARE(text::unifiedDiff(before, after, u"a.md"_s, u"b.md"_s, context), expected);
}

void TestLineDiff::equalTextsGiveNoDiff()
{
    QCOMPARE(text::unifiedDiff("a\nb"_ba, "a\nb"_ba, u"a"_s, u"b"_s), QString());
    QCOMPARE(text::unifiedDiff(QByteArray(), QByteArray(), u"a"_s, u"b"_s), QString());
}

void TestLineDiff::matchesGnuDiff_data()
{
    QTest::addColumn<int>("alphabet");
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<int>("edits");
    QTest::newRow("few distinct lines, few edits") << 3 << 30 << 3;
    QTest::newRow("few distinct lines, many edits") << 4 << 60 << 20;
    QTest::newRow("many distinct lines") << 20 << 200 << 8;
}

// Deterministic random texts (and edits of them), diffed by us and by the system's diff -u.
void TestLineDiff::matchesGnuDiff()
{
    QFETCH(int, alphabet);
    QFETCH(int, maxLines);
    QFETCH(int, edits);
    const QString diff = QStandardPaths::findExecutable(u"diff"_s);
    if (diff.isEmpty())
        QSKIP("diff(1) is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pathA = dir.filePath(u"a"_s);
    const QString pathB = dir.filePath(u"b"_s);
    QRandomGenerator rng(quint32(alphabet * 1000 + maxLines));
    for (int round = 0; round < 150; ++round) {
        const QByteArray a = randomText(rng, alphabet, maxLines, rng.bounded(4) != 0);
        const QByteArray b = rng.bounded(3) == 0 ? randomText(rng, alphabet, maxLines, rng.bounded(4) != 0)
                                                 : mutated(rng, a, alphabet, 1 + int(rng.bounded(edits)));
        QFile fa(pathA), fb(pathB);
        QVERIFY(fa.open(QIODevice::WriteOnly) && fa.write(a) == a.size());
        QVERIFY(fb.open(QIODevice::WriteOnly) && fb.write(b) == b.size());
        fa.close();
        fb.close();
        QProcess proc;
        proc.start(diff, {u"-u"_s, u"--label"_s, u"a.md"_s, u"--label"_s, u"b.md"_s, pathA, pathB});
        QVERIFY(proc.waitForFinished(10000));
        const QString expected = QString::fromUtf8(proc.readAllStandardOutput());
        const QString ours = text::unifiedDiff(a, b, u"a.md"_s, u"b.md"_s);
        if (ours != expected) {
            qWarning().noquote() << "before:\n" << a << "\nafter:\n" << b;
            QCOMPARE(ours, expected);
        }
    }
}

void TestLineDiff::largeTextWithSmallChangeIsFast()
{
    const QByteArray before = largePost();
    QByteArray after = before;
    const qsizetype middle = after.indexOf("Paragraph 20000 ");
    QVERIFY(middle > 0);
    after.replace(middle, 9, "PARAGRAPH");

    QElapsedTimer timer;
    timer.start();
    const QString diff = text::unifiedDiff(before, after, u"a.md"_s, u"b.md"_s);
    const qint64 unifiedMs = timer.restart();
    const QList<DiffLine> lines = text::diffLines(QString::fromUtf8(before), QString::fromUtf8(after));
    const qint64 linesMs = timer.elapsed();
    qInfo("2 MB, one line changed: unifiedDiff %lld ms, diffLines %lld ms (decoding included)", unifiedMs, linesMs);

    QCOMPARE(countMarked(diff, u'-'), 1);
    QCOMPARE(countMarked(diff, u'+'), 1);
    QVERIFY(diff.contains(u"\n+PARAGRAPH 20000 "_s));
    QCOMPARE(diff.count(u"@@ -"_s), 1);
    qsizetype changed = 0;
    for (const DiffLine &l : lines)
        changed += l.kind == DiffLine::Kind::Same ? 0 : 1;
    QCOMPARE(changed, 2);
    // Generous bounds (debug and sanitizer builds); a quadratic algorithm takes minutes.
    QVERIFY2(unifiedMs < 2000, qPrintable(QString::number(unifiedMs)));
    QVERIFY2(linesMs < 4000, qPrintable(QString::number(linesMs)));
}

void TestLineDiff::unrelatedLargeTextsFinish()
{
    const QByteArray before = largePost();
    QByteArray after;
    for (int i = 0; after.size() < 2 * 1024 * 1024; ++i)
        after += "Another text, line " + QByteArray::number(i * 7) + '\n';
    QElapsedTimer timer;
    timer.start();
    const QString diff = text::unifiedDiff(before, after, u"a.md"_s, u"b.md"_s);
    qInfo("2 MB against an unrelated 2 MB: %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(countMarked(diff, u'+'), after.count('\n'));
    QCOMPARE(countMarked(diff, u'-'), before.count('\n'));
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
