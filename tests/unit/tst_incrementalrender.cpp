// SPDX-License-Identifier: GPL-3.0-or-later
// renderIncrementally() must give exactly what a full render gives, or decline. Thousands of
// edits (typing, deleting, new paragraphs, list items, fences, headings, reference
// definitions) on the sample post and every corpus post; after each, the incremental result
// (when there is one) is compared block by block with a full render of the same text.

#include "document/postfile.h"
#include "live/incrementalrender.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestIncrementalRender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesFullRender_data();
    void matchesFullRender();
    void typingInAParagraphIsIncremental();
    void declinesDocumentWideState();
    void carriesReferenceDefinitions();
};

static QStringList diagnosticsOf(const RenderResult &r)
{
    QStringList out;
    for (const Diagnostic &d : r.diagnostics)
        out.append(u"%1:%2 %3"_s.arg(d.line).arg(d.column).arg(d.message));
    out.sort();
    return out;
}

static QString describe(const RenderResult &r)
{
    QString out;
    for (const RenderBlock &b : r.blocks)
        out += u"[%1-%2] %3\n"_s.arg(b.firstLine).arg(b.lastLine).arg(b.html.left(60));
    return out;
}

void TestIncrementalRender::matchesFullRender_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("sample post") << QStringLiteral(FRONTMARK_SOURCE_DIR)
            + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    const QDir corpus(QStringLiteral(FRONTMARK_SHARED_DIR) + u"/corpus/posts"_s);
    for (const QString &name : corpus.entryList({u"*.md"_s}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << corpus.filePath(name);
}

void TestIncrementalRender::matchesFullRender()
{
    QFETCH(QString, path);
    auto post = PostFile::load(path);
    QVERIFY(post.ok());
    RenderOptions options;
    options.site = Site::forPost(path);
    options.postPath = path;
    options.frontMatter = post.value().frontMatter().toMap();
    options.bodyFirstLine = post.value().bodyFirstLine();

    const MarkdownRenderer renderer;
    IncrementalBase base;
    base.body = post.value().bodyText();
    base.options = options;
    base.result = renderer.render(base.body, options);
    base.state = documentState(base.body);

    // What a writer types; the first six are prose. Snippets after "# " reach across the
    // document (headings, footnotes, definitions, shortcodes, HTML): they are tried on a copy
    // and not kept, so one of them does not make every later edit a full render.
    static const QStringList snippets = {
        u"x"_s, u" "_s, u"字"_s, u"\n"_s, u"\n\n"_s, u"\n\nNew paragraph.\n\n"_s, u"- "_s, u"\n- item\n"_s,
        u"1. "_s, u"    "_s, u"```\n"_s, u"\n```\ncode\n```\n"_s, u"---\n"_s, u"> "_s, u"*"_s, u"**bold**"_s,
        u"[link](https://example.org)"_s, u"![img](/images/x.jpg)"_s, u"| a | b |\n|---|---|\n| 1 | 2 |\n"_s,
        u"[t][ref]"_s, u"\t"_s, u"`"_s, u"~~~\n"_s, u"www.example.com "_s,
        u"# "_s, u"\n## Heading\n"_s, u"<div>\n"_s, u"{{< youtube abc >}}"_s, u"[ref]: /x\n"_s, u"[^1]"_s,
        u": definition\n"_s, u"\n\n[ref]: https://example.org/r\n\n"_s,
    };
    const qsizetype firstReaching = snippets.indexOf(u"# "_s);
    QRandomGenerator rng(20261129u + static_cast<quint32>(qHash(path)));
    int incremental = 0;
    const int edits = qEnvironmentVariableIntValue("FRONTMARK_INCREMENTAL_EDITS") > 0
        ? qEnvironmentVariableIntValue("FRONTMARK_INCREMENTAL_EDITS") : 120;
    for (int i = 0; i < edits; ++i) {
        QString body = base.body;
        const auto at = static_cast<qsizetype>(rng.bounded(static_cast<quint32>(body.size() + 1)));
        const quint32 kind = rng.bounded(4u);
        bool keep = true;
        if (kind == 0 && !body.isEmpty()) {
            body.remove(std::min(at, body.size() - 1), 1 + rng.bounded(3u)); // delete a few characters
        } else if (kind == 1) {
            // Typing at the end of a line, the commonest edit.
            const qsizetype eol = body.indexOf(u'\n', at);
            body.insert(eol < 0 ? body.size() : eol, snippets.at(rng.bounded(6u)));
        } else {
            const auto pick = static_cast<qsizetype>(rng.bounded(static_cast<quint32>(snippets.size())));
            body.insert(at, snippets.at(pick));
            keep = pick < firstReaching;
        }
        const RenderResult full = renderer.render(body, options);
        const std::optional<RenderResult> inc = renderIncrementally(renderer, base, body, options);
        if (inc) {
            ++incremental;
            bool same = inc->blocks.size() == full.blocks.size();
            for (qsizetype b = 0; same && b < full.blocks.size(); ++b)
                same = inc->blocks.at(b).firstLine == full.blocks.at(b).firstLine && inc->blocks.at(b).lastLine == full.blocks.at(b).lastLine;
            if (inc->html != full.html || !same) {
                qWarning().noquote() << "edit" << i << "at" << at << "\nincremental:\n" << describe(*inc) << "\nfull:\n" << describe(full);
                if (QFile dump(QDir::temp().filePath(u"incremental-base.md"_s)); dump.open(QIODevice::WriteOnly))
                    dump.write(base.body.toUtf8());
                QFAIL("incremental render differs from the full render");
            }
            for (qsizetype b = 0; b < full.blocks.size(); ++b) {
                QCOMPARE(inc->blocks.at(b).html, full.blocks.at(b).html);
                QCOMPARE(inc->blocks.at(b).firstLine, full.blocks.at(b).firstLine);
                QCOMPARE(inc->blocks.at(b).lastLine, full.blocks.at(b).lastLine);
            }
            QCOMPARE(diagnosticsOf(*inc), diagnosticsOf(full));
        }
        if (keep) {
            base.body = body;
            base.result = full;
            base.state = documentState(body);
        }
    }
    qInfo("%d of %d edits rendered incrementally", incremental, edits);
}

void TestIncrementalRender::typingInAParagraphIsIncremental()
{
    const QString path = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    auto post = PostFile::load(path);
    QVERIFY(post.ok());
    RenderOptions options;
    options.site = Site::forPost(path);
    options.postPath = path;
    const MarkdownRenderer renderer;
    IncrementalBase base;
    base.body = post.value().bodyText();
    base.options = options;
    base.result = renderer.render(base.body, options);
    base.state = documentState(base.body);
    QString body = base.body;
    body.insert(body.indexOf(u"立刻窒息。"_s) + 5, u"新字"_s);
    const auto inc = renderIncrementally(renderer, base, body, options);
    QVERIFY(inc.has_value());
    QCOMPARE(inc->html, renderer.render(body, options).html);
    // Different options (a front matter edit) always mean a full render.
    RenderOptions other = options;
    other.frontMatter = Value::fromMap({{u"title"_s, Value(u"x"_s)}});
    QVERIFY(!renderIncrementally(renderer, base, body, other).has_value());
}

void TestIncrementalRender::declinesDocumentWideState()
{
    QVERIFY(!documentState(u"Text[^1].\n\n[^1]: Note.\n"_s).incremental);
    QVERIFY(!documentState(u"Text\n[r]: https://example.org\n"_s).incremental);       // not a definition at all
    QVERIFY(!documentState(u"[r]: https://example.org\n  \"title\"\n"_s).incremental); // title on the next line
    QVERIFY(!documentState(u"- item\n\n    [r]: https://example.org\n"_s).incremental); // inside a list
    const DocumentState plain = documentState(u"Plain [link](https://example.org) and [brackets].\n"_s);
    QVERIFY(plain.incremental);
    QVERIFY(plain.definitions.isEmpty());
    const DocumentState defs = documentState(u"A [link][r].\n\n[r]: https://example.org \"t\"\n[s]: /s\n"_s);
    QVERIFY(defs.incremental);
    QCOMPARE(defs.definitions, u"[r]: https://example.org \"t\"\n[s]: /s\n"_s);
}

void TestIncrementalRender::carriesReferenceDefinitions()
{
    const QString body = u"First [one][r] paragraph.\n\n[r]: https://example.org/r \"R\"\n\nSecond.\n\nThird paragraph.\n"_s;
    const MarkdownRenderer renderer;
    IncrementalBase base;
    base.body = body;
    base.result = renderer.render(body, base.options);
    base.state = documentState(body);
    QString edited = body;
    edited.insert(edited.indexOf(u"Third"_s), u"[two][r] "_s);
    const auto inc = renderIncrementally(renderer, base, edited, base.options);
    QVERIFY(inc.has_value());
    QCOMPARE(inc->html, renderer.render(edited, base.options).html);
    QVERIFY(inc->html.contains(u"<a href=\"https://example.org/r\" title=\"R\">two</a>"_s));
}

QTEST_GUILESS_MAIN(TestIncrementalRender)
#include "tst_incrementalrender.moc"
