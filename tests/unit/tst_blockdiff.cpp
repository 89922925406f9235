// SPDX-License-Identifier: GPL-3.0-or-later
// Block diff for the live preview, checked the way the page uses it: PreviewWidget sends
// diffBlocks()' keepBefore, removed and the inserted blocks' HTML, and preview.js removes and
// inserts children of the content element with them (patch() there, re-done below in C++).
// The page must end up with exactly the new render's blocks, and every block outside the
// changed span must be the same element it was (its iframe or image is never recreated).

#include "live/blockdiff.h"
#include "render/markdownrenderer.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestBlockDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageShowsTheNewBlocks_data();
    void pageShowsTheNewBlocks();
    void pageFollowsRandomEdits();
    void typingInOneParagraphKeepsTheEmbed();
};

namespace {

/// One child of the page's content element: its HTML, and which patch created it (so a test can
/// tell a kept element from one built again with the same HTML).
struct PageBlock {
    QString html;
    int createdBy = 0;
};

/// The preview page's content element, patched as resources/preview/preview.js patch() does:
/// remove `removed` children at index keepBefore (fewer if the page has fewer), then insert the
/// new blocks before the child now at keepBefore, or at the end when there is none.
class Page
{
public:
    void reset(const QList<RenderBlock> &blocks)
    {
        ++m_patches;
        m_kids.clear();
        for (const RenderBlock &b : blocks)
            m_kids.append(PageBlock{b.html, m_patches});
    }
    void patch(int keepBefore, int removed, const QStringList &inserted)
    {
        ++m_patches;
        for (int i = 0; i < removed && keepBefore < m_kids.size(); ++i)
            m_kids.removeAt(keepBefore);
        qsizetype next = keepBefore < m_kids.size() ? keepBefore : m_kids.size(); // insertBefore(null) appends
        for (const QString &html : inserted)
            m_kids.insert(next++, PageBlock{html, m_patches});
    }
    /// What PreviewWidget::showRender() does when a render arrives for a page that is ready.
    void showRender(const QList<RenderBlock> &shown, const QList<RenderBlock> &next)
    {
        const BlockPatch p = diffBlocks(shown, next);
        QStringList inserted;
        for (const RenderBlock &b : p.inserted)
            inserted.append(b.html);
        patch(static_cast<int>(p.keepBefore), static_cast<int>(p.removed), inserted);
    }
    QStringList html() const
    {
        QStringList out;
        for (const PageBlock &b : m_kids)
            out.append(b.html);
        return out;
    }
    const QList<PageBlock> &kids() const { return m_kids; }
    int lastPatch() const { return m_patches; }

private:
    QList<PageBlock> m_kids;
    int m_patches = 0;
};

QList<RenderBlock> blocks(const QStringList &htmls, int firstLine = 1)
{
    QList<RenderBlock> out;
    int line = firstLine;
    for (const QString &h : htmls) {
        out.append(RenderBlock{line, line, h});
        line += 2;
    }
    return out;
}

QStringList htmlOf(const QList<RenderBlock> &blocks)
{
    QStringList out;
    for (const RenderBlock &b : blocks)
        out.append(b.html);
    return out;
}

/// How many leading and trailing blocks the two lists share (not overlapping in either): the
/// most any patch could leave untouched.
std::pair<qsizetype, qsizetype> sharedEnds(const QStringList &a, const QStringList &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    qsizetype head = 0;
    while (head < n && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < n - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    return {head, tail};
}

} // namespace

void TestBlockDiff::pageShowsTheNewBlocks_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("rebuilt"); // page elements created by the patch
    const QStringList abc{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("unchanged") << abc << abc << 0;
    QTest::newRow("middle edited") << abc << QStringList{u"a"_s, u"B"_s, u"c"_s} << 1;
    QTest::newRow("paragraph split") << abc << QStringList{u"a"_s, u"b1"_s, u"b2"_s, u"c"_s} << 2;
    QTest::newRow("block deleted") << abc << QStringList{u"a"_s, u"c"_s} << 0;
    QTest::newRow("block added at the end") << abc << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s} << 1;
    QTest::newRow("first block edited") << abc << QStringList{u"A"_s, u"b"_s, u"c"_s} << 1;
    QTest::newRow("repeated blocks do not overlap") << QStringList{u"x"_s, u"x"_s}
                                                    << QStringList{u"x"_s, u"x"_s, u"x"_s} << 1;
    QTest::newRow("from empty") << QStringList{} << abc << 3;
    QTest::newRow("to empty") << abc << QStringList{} << 0;
}

void TestBlockDiff::pageShowsTheNewBlocks()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, rebuilt);
    const QList<RenderBlock> old = blocks(before);
    const QList<RenderBlock> now = blocks(after, 5); // lines moved too
    Page page;
    page.reset(old);
    page.showRender(old, now);
    QCOMPARE(page.html(), after);
    const auto created = std::count_if(page.kids().cbegin(), page.kids().cend(),
                                       [&](const PageBlock &b) { return b.createdBy == page.lastPatch(); });
    QCOMPARE(created, rebuilt);
}

void TestBlockDiff::pageFollowsRandomEdits()
{
    // A few distinct blocks, so that equal neighbours and repeats (two empty paragraphs, the same
    // figure twice) come up often: they are where a prefix/suffix diff can go wrong.
    const QStringList pool{u"<p>a</p>"_s, u"<p>b</p>"_s, u"<p>c</p>"_s, u"<iframe></iframe>"_s, u"<hr>"_s};
    QRandomGenerator rng(20250602);
    const auto pick = [&] { return pool[rng.bounded(static_cast<int>(pool.size()))]; };
    QStringList shown;
    for (int i = 0; i < 8; ++i)
        shown.append(pick());
    Page page;
    page.reset(blocks(shown));
    for (int round = 0; round < 5000; ++round) {
        QStringList next = shown;
        // One to three edits of the kinds typing makes: change, split, join, delete, paste.
        for (int edits = rng.bounded(1, 4); edits > 0; --edits) {
            const auto at = static_cast<qsizetype>(rng.bounded(static_cast<int>(next.size()) + 1));
            switch (rng.bounded(5)) {
            case 0:
                if (at < next.size())
                    next[at] = pick();
                break;
            case 1: next.insert(at, pick()); break;
            case 2:
                if (at < next.size())
                    next.remove(at, std::min<qsizetype>(next.size() - at, rng.bounded(1, 4)));
                break;
            case 3:
                for (int n = rng.bounded(1, 6); n > 0; --n)
                    next.insert(at, pick());
                break;
            default:
                if (next.size() > 40)
                    next = next.mid(0, 20); // keep the lists short enough to stay varied
                break;
            }
        }
        // The line numbers shift as the widget's would; the page never sees them.
        page.showRender(blocks(shown), blocks(next, 1 + round % 7));
        const QString where = u"round %1: %2 -> %3"_s.arg(round).arg(shown.join(u'|'), next.join(u'|'));
        QVERIFY2(page.html() == next, qPrintable(where));
        // Minimal: the shared head and tail stay the same elements; only the span between is new.
        const auto [head, tail] = sharedEnds(shown, next);
        qsizetype created = 0;
        for (qsizetype i = 0; i < page.kids().size(); ++i) {
            const bool isNew = page.kids()[i].createdBy == page.lastPatch();
            created += isNew ? 1 : 0;
            QVERIFY2(!(isNew && (i < head || i >= next.size() - tail)), qPrintable(where));
        }
        QVERIFY2(created == next.size() - head - tail, qPrintable(where));
        shown = next;
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
    Page page;
    page.reset(before.blocks);
    page.showRender(before.blocks, after.blocks);
    QCOMPARE(page.html(), htmlOf(after.blocks));
    qsizetype youtube = -1;
    qsizetype created = 0;
    for (qsizetype i = 0; i < page.kids().size(); ++i) {
        if (page.kids()[i].html.contains(u"youtube.com/embed"_s))
            youtube = i;
        created += page.kids()[i].createdBy == page.lastPatch() ? 1 : 0;
    }
    QVERIFY(youtube >= 0);
    QVERIFY2(page.kids()[youtube].createdBy != page.lastPatch(), "the YouTube block would be recreated");
    QCOMPARE(created, 1); // only the paragraph that was typed in
}

QTEST_GUILESS_MAIN(TestBlockDiff)
#include "tst_blockdiff.moc"
