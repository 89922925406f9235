// Block diff for the live preview: typing in one paragraph touches only that block, and the
// YouTube block (an iframe) elsewhere in the post is kept, not recreated.

#include "render/blockdiff.h"
#include "render/markdownrenderer.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestBlockDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patchesReproduceTheNewBlocks_data();
    void patchesReproduceTheNewBlocks();
    void typingInOneParagraphKeepsTheEmbed();
};

static QList<RenderBlock> blocks(const QStringList &htmls, int firstLine = 1)
{
    QList<RenderBlock> out;
    int line = firstLine;
    for (const QString &h : htmls) {
        out.append(RenderBlock{line, line, h});
        line += 2;
    }
    return out;
}

void TestBlockDiff::patchesReproduceTheNewBlocks_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<qsizetype>("keepBefore");
    QTest::addColumn<qsizetype>("keepAfter");
    QTest::addColumn<qsizetype>("removed");
    QTest::addColumn<qsizetype>("inserted");
    const QStringList abc{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("unchanged") << abc << abc << qsizetype(3) << qsizetype(0) << qsizetype(0) << qsizetype(0);
    QTest::newRow("middle edited") << abc << QStringList{u"a"_s, u"B"_s, u"c"_s} << qsizetype(1) << qsizetype(1) << qsizetype(1) << qsizetype(1);
    QTest::newRow("paragraph split") << abc << QStringList{u"a"_s, u"b1"_s, u"b2"_s, u"c"_s} << qsizetype(1) << qsizetype(1) << qsizetype(1) << qsizetype(2);
    QTest::newRow("block deleted") << abc << QStringList{u"a"_s, u"c"_s} << qsizetype(1) << qsizetype(1) << qsizetype(1) << qsizetype(0);
    QTest::newRow("repeated blocks do not overlap") << QStringList{u"x"_s, u"x"_s} << QStringList{u"x"_s, u"x"_s, u"x"_s}
                                                    << qsizetype(2) << qsizetype(0) << qsizetype(0) << qsizetype(1);
    QTest::newRow("from empty") << QStringList{} << abc << qsizetype(0) << qsizetype(0) << qsizetype(0) << qsizetype(3);
    QTest::newRow("to empty") << abc << QStringList{} << qsizetype(0) << qsizetype(0) << qsizetype(3) << qsizetype(0);
}

void TestBlockDiff::patchesReproduceTheNewBlocks()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(qsizetype, keepBefore);
    QFETCH(qsizetype, keepAfter);
    QFETCH(qsizetype, removed);
    QFETCH(qsizetype, inserted);
    const QList<RenderBlock> old = blocks(before);
    const QList<RenderBlock> now = blocks(after, 5); // lines moved too
    const BlockPatch patch = diffBlocks(old, now);
    QCOMPARE(patch.keepBefore, keepBefore);
    QCOMPARE(patch.keepAfter, keepAfter);
    QCOMPARE(patch.removed, removed);
    QCOMPARE(patch.inserted.size(), inserted);
    const QList<RenderBlock> applied = applyBlockPatch(old, patch);
    QCOMPARE(applied.size(), now.size());
    for (qsizetype i = 0; i < now.size(); ++i) {
        QCOMPARE(applied[i].html, now[i].html);
        QCOMPARE(applied[i].firstLine, now[i].firstLine);
    }
}

void TestBlockDiff::typingInOneParagraphKeepsTheEmbed()
{
    QFile f(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString body = QString::fromUtf8(f.readAll());
    const MarkdownRenderer renderer;
    const RenderResult before = renderer.render(body, {});
    // The writer adds words to the last paragraph.
    const qsizetype end = body.trimmed().size();
    const QString edited = body.left(end) + u"再補一句。"_s + body.mid(end);
    const RenderResult after = renderer.render(edited, {});
    const BlockPatch patch = diffBlocks(before.blocks, after.blocks);
    QCOMPARE(patch.removed, 1);
    QCOMPARE(patch.inserted.size(), 1);
    qsizetype youtube = -1;
    for (qsizetype i = 0; i < before.blocks.size(); ++i) {
        if (before.blocks[i].html.contains(u"youtube.com/embed"_s))
            youtube = i;
    }
    QVERIFY(youtube >= 0);
    QVERIFY2(youtube < patch.keepBefore, "the YouTube block would be recreated");
}

QTEST_GUILESS_MAIN(TestBlockDiff)
#include "tst_blockdiff.moc"
