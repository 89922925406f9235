// SPDX-License-Identifier: GPL-3.0-or-later
// MarkdownRenderer: the Goldmark behaviours Hugo users see, each checked on a small input.
// Expected strings follow Hugo 0.111's output for the same Markdown (see
// ../shared/corpus/expected for the full posts these rules come from).

#include "render/markdownrenderer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestMarkdownRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headingIds_data();
    void headingIds();
    void footnotesUseGoldmarkMarkup();
    void tableAlignmentIsAStyle();
    void linkifyFollowsGoldmark_data();
    void linkifyFollowsGoldmark();
    void definitionLists_data();
    void definitionLists();
    void summaryDividerIsRemoved();
    void rawHtmlOmittedUnlessUnsafe();
    void voidElementsAreHtml5();
    void blocksCarryFileLines();
    void diagnosesMissingImagesAndRawHtml();
    void staysTotalOnGarbage();

private:
    static QString render(const QString &md, bool unsafe = false);
};

QString TestMarkdownRenderer::render(const QString &md, bool unsafe)
{
    RenderOptions options;
    options.site.setUnsafe(unsafe);
    const MarkdownRenderer renderer;
    return renderer.render(md, options).html;
}

void TestMarkdownRenderer::headingIds_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("ascii") << u"## Hello World"_s << u"<h2 id=\"hello-world\">Hello World</h2>\n"_s;
    QTest::newRow("CJK kept, full-width punctuation dropped")
        << u"## DeepSeek：中國AI的警鐘"_s << u"<h2 id=\"deepseek中國ai的警鐘\">DeepSeek：中國AI的警鐘</h2>\n"_s;
    QTest::newRow("punctuation dropped, underscore kept")
        << u"### What's new in v0.146.0 (beta)?"_s << u"<h3 id=\"whats-new-in-v01460-beta\">What’s new in v0.146.0 (beta)?</h3>\n"_s;
    QTest::newRow("emphasis and code counted as text")
        << u"## Use *the* `go_mod` tool"_s << u"<h2 id=\"use-the-go_mod-tool\">Use <em>the</em> <code>go_mod</code> tool</h2>\n"_s;
    QTest::newRow("duplicates suffixed")
        << u"## A\n\n## A\n\n## A"_s
        << u"<h2 id=\"a\">A</h2>\n<h2 id=\"a-1\">A</h2>\n<h2 id=\"a-2\">A</h2>\n"_s;
    QTest::newRow("custom id")
        << u"### 一個很棒的標題 {#custom-id}"_s << u"<h3 id=\"custom-id\">一個很棒的標題</h3>\n"_s;
    QTest::newRow("custom id reserves its name")
        << u"## Intro {#a}\n\n## A"_s << u"<h2 id=\"a\">Intro</h2>\n<h2 id=\"a-1\">A</h2>\n"_s;
    QTest::newRow("class attribute")
        << u"## Note {.warn #n}"_s << u"<h2 id=\"n\" class=\"warn\">Note</h2>\n"_s;
    QTest::newRow("empty heading text") << u"## !!!"_s << u"<h2 id=\"heading\">!!!</h2>\n"_s;
    QTest::newRow("setext") << u"Title\n====="_s << u"<h1 id=\"title\">Title</h1>\n"_s;
    // Regression (fuzz_render, issue #3): an autolink inside a heading was freed while in use.
    QTest::newRow("fuzz: autolink in heading")
        << u"# see www.example.com"_s
        << u"<h1 id=\"see-wwwexamplecom\">see <a href=\"https://www.example.com\">www.example.com</a></h1>\n"_s;
}

void TestMarkdownRenderer::headingIds()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    QCOMPARE(render(markdown), html);
}

void TestMarkdownRenderer::footnotesUseGoldmarkMarkup()
{
    const QString html = render(u"A[^b] and[^a] again[^b].\n\n[^a]: AAA\n[^b]: BBB *x*\n[^c]: unused\n"_s);
    QCOMPARE(html,
             u"<p>A<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>"
             " and<sup id=\"fnref:2\"><a href=\"#fn:2\" class=\"footnote-ref\" role=\"doc-noteref\">2</a></sup>"
             " again<sup id=\"fnref1:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n"
             "<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n"
             "<li id=\"fn:1\">\n<p>BBB <em>x</em>"
             "&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>"
             "&#160;<a href=\"#fnref1:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n"
             "<li id=\"fn:2\">\n<p>AAA&#160;<a href=\"#fnref:2\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n"
             "</ol>\n</div>\n"_s);
}

void TestMarkdownRenderer::tableAlignmentIsAStyle()
{
    const QString html = render(u"| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n"_s);
    QVERIFY2(html.contains(u"<th style=\"text-align:left\">a</th>"_s), qPrintable(html));
    QVERIFY(html.contains(u"<td style=\"text-align:center\">2</td>"_s));
    QVERIFY(html.contains(u"<td style=\"text-align:right\">3</td>"_s));
    QVERIFY(!html.contains(u"align="_s));
}

void TestMarkdownRenderer::linkifyFollowsGoldmark_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("www gets https") << u"see www.example.com now"_s
                                    << u"<p>see <a href=\"https://www.example.com\">www.example.com</a> now</p>\n"_s;
    QTest::newRow("bare https") << u"at https://gohugo.io/ ok"_s
                                << u"<p>at <a href=\"https://gohugo.io/\">https://gohugo.io/</a> ok</p>\n"_s;
    QTest::newRow("not glued to CJK") << u"參考https://gohugo.io/文件"_s << u"<p>參考https://gohugo.io/文件</p>\n"_s;
}

void TestMarkdownRenderer::linkifyFollowsGoldmark()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    QCOMPARE(render(markdown), html);
}

void TestMarkdownRenderer::definitionLists_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("tight") << u"OAuth 2.0\n: An authorization framework.\n\nPKCE\n: Proof Key.\n"_s
                           << u"<dl>\n<dt>OAuth 2.0</dt>\n<dd>An authorization framework.</dd>\n<dt>PKCE</dt>\n<dd>Proof Key.</dd>\n</dl>\n"_s;
    QTest::newRow("continued with an indented block")
        << u"Term\n: First para.\n\n  Second para.\n"_s
        << u"<dl>\n<dt>Term</dt>\n<dd>First para.\n<p>Second para.</p>\n</dd>\n</dl>\n"_s;
    QTest::newRow("colon inside a paragraph is text") << u"Ratio\nis 1: 2\n"_s << u"<p>Ratio\nis 1: 2</p>\n"_s;
    QTest::newRow("shortcode inside a definition")
        << u"Video\n: {{< youtube dQw4w9WgXcQ >}} and text\n"_s
        << u"<dl>\n<dt>Video</dt>\n<dd>"_s; // checked with startsWith below: the embed follows
    QTest::newRow("not inside fences") << u"```\nTerm\n: def\n```\n"_s << u"<pre><code>Term\n: def\n</code></pre>\n"_s;
}

void TestMarkdownRenderer::definitionLists()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    const QString actual = render(markdown);
    if (markdown.contains(u"{{<"_s)) {
        QVERIFY2(actual.startsWith(html), qPrintable(actual));
        QVERIFY2(actual.contains(u"youtube.com/embed/dQw4w9WgXcQ"_s), qPrintable(actual));
        QVERIFY2(!actual.contains(u"FMSCPH"_s), qPrintable(actual));
        return;
    }
    QCOMPARE(actual, html);
}

void TestMarkdownRenderer::summaryDividerIsRemoved()
{
    const QString html = render(u"Intro.\n\n<!--more-->\n\nRest.\n"_s);
    QCOMPARE(html, u"<p>Intro.</p>\n<p>Rest.</p>\n"_s);
}

void TestMarkdownRenderer::rawHtmlOmittedUnlessUnsafe()
{
    QCOMPARE(render(u"a <kbd>b</kbd>\n"_s), u"<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"_s);
    QCOMPARE(render(u"a <kbd>b</kbd>\n"_s, true), u"<p>a <kbd>b</kbd></p>\n"_s);
}

void TestMarkdownRenderer::voidElementsAreHtml5()
{
    QCOMPARE(render(u"![alt](/x.png)  \nline\n\n---\n"_s),
             u"<p><img src=\"/x.png\" alt=\"alt\"><br>\nline</p>\n<hr>\n"_s);
}

void TestMarkdownRenderer::blocksCarryFileLines()
{
    RenderOptions options;
    options.bodyFirstLine = 5; // front matter took lines 1-4
    const MarkdownRenderer renderer;
    const RenderResult r = renderer.render(u"# T\n\nPara one\ncontinues.\n\n- a\n- b\n"_s, options);
    QCOMPARE(r.blocks.size(), 3);
    QCOMPARE(r.blocks[0].firstLine, 5);
    QCOMPARE(r.blocks[1].firstLine, 7);
    QCOMPARE(r.blocks[1].lastLine, 8);
    QCOMPARE(r.blocks[2].firstLine, 10);
    QCOMPARE(r.blocks[2].lastLine, 11);
    QString joined;
    for (const RenderBlock &b : r.blocks)
        joined += b.html;
    QCOMPARE(joined, r.html);
}

void TestMarkdownRenderer::diagnosesMissingImagesAndRawHtml()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(u"static/images"_s);
    QDir(dir.path()).mkpath(u"content/posts"_s);
    QFile cfg(dir.filePath(u"hugo.toml"_s));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("title = 'x'\n");
    cfg.close();
    QFile img(dir.filePath(u"static/images/ok.png"_s));
    QVERIFY(img.open(QIODevice::WriteOnly));
    img.write("png");
    img.close();
    const QString post = dir.filePath(u"content/posts/p.md"_s);

    RenderOptions options;
    options.site = Site::forPost(post);
    options.postPath = post;
    options.bodyFirstLine = 4;
    const MarkdownRenderer renderer;
    const RenderResult r = renderer.render(u"![ok](/images/ok.png)\n\n文字 ![no](/images/missing.png)\n\n<div>x</div>\n"_s, options);
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics[0].line, 6);
    QCOMPARE(r.diagnostics[0].column, 10); // after "文字 ![no](" counted in characters
    QVERIFY(r.diagnostics[0].message.contains(u"/images/missing.png"_s));
    QCOMPARE(r.diagnostics[1].line, 8);
    QVERIFY(r.diagnostics[1].message.contains(u"unsafe"_s));
}

void TestMarkdownRenderer::staysTotalOnGarbage()
{
    const QString garbage = QString(5000, u'[') + QString(5000, u'*') + u"\u0000\uFFFF{{<"_s + QString(3000, u'>');
    const QString html = render(garbage);
    QVERIFY(!html.isEmpty());
}

QTEST_GUILESS_MAIN(TestMarkdownRenderer)
#include "tst_markdownrenderer.moc"
