// SPDX-License-Identifier: GPL-3.0-or-later
// expandShortcodes / scanShortcodes: Hugo's shortcode syntax (both notations, escapes, pairing,
// nesting, argument forms), the Markdown and source lines handed to the renderer, the
// built-ins' markup for Hugo 0.111 and current Hugo, the boxes for theme shortcodes, located
// diagnostics, and garbage input. Hugo 0.111 rows use snippets copied from Hugo's own output
// in ../shared/corpus/expected/; a test checks each snippet is really there. Current-Hugo
// rows follow the templates in tpl/tplimpl/embedded/templates/_shortcodes/ and the outputs
// Hugo's tpl/tplimpl/shortcodes_integration_test.go asserts.

#include "document/postfile.h"
#include "render/shortcodes.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

Q_DECLARE_METATYPE(frontmark::Value)
Q_DECLARE_METATYPE(frontmark::HugoVersion)

namespace {

// A stand-in for the renderer's markdownify, so these tests do not depend on cmark-gfm:
// paragraphs, **strong**, *em*/_em_, everything else escaped.
QString fakeMarkdownify(const QString &markdown, bool inlineOnly)
{
    static const QRegularExpression strong(u"\\*\\*([^*]+)\\*\\*"_s);
    static const QRegularExpression em(u"[*_]([^*_]+)[*_]"_s);
    static const QRegularExpression blank(u"\n\\s*\n"_s);
    QString text = markdown.trimmed().toHtmlEscaped();
    text.replace(strong, u"<strong>\\1</strong>"_s).replace(em, u"<em>\\1</em>"_s);
    if (inlineOnly)
        return text;
    QString out;
    for (const QString &paragraph : text.split(blank, Qt::SkipEmptyParts))
        out += u"<p>"_s + paragraph.trimmed() + u"</p>\n"_s;
    return out;
}

ShortcodeExpansion expand(const QString &body, HugoVersion version = HugoVersion::Current,
                          const Value &frontMatter = {}, int firstLine = 1)
{
    RenderOptions options;
    options.hugoVersion = version;
    options.frontMatter = frontMatter;
    options.bodyFirstLine = firstLine;
    options.postPath = u"post.md"_s;
    const ShortcodeContext context{&options, fakeMarkdownify};
    return expandShortcodes(body, context);
}

/// The Markdown with each placeholder shown as «its HTML».
QString resolved(const ShortcodeExpansion &x)
{
    QString out = x.markdown;
    for (qsizetype i = x.placeholderHtml.size() - 1; i >= 0; --i)
        out.replace(placeholderToken(i), u"«"_s + x.placeholderHtml[i] + u"»"_s);
    return out;
}

/// "warning 3:1 message" per diagnostic.
QStringList summary(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(u"%1 %2:%3 %4"_s.arg(d.isError() ? u"error"_s : u"warning"_s).arg(d.line).arg(d.column).arg(d.message));
    return out;
}

/// Severity and place only, for rows about where a problem is reported.
QStringList places(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(u"%1 %2:%3"_s.arg(d.isError() ? u"error"_s : u"warning"_s).arg(d.line).arg(d.column));
    return out;
}

/// "name< [a|b] {k=v} paired(inner) @line:column" per call.
QStringList describe(const QList<ShortcodeCall> &calls)
{
    QStringList out;
    for (const ShortcodeCall &c : calls) {
        QStringList named;
        for (const auto &[k, v] : c.named)
            named.append(k + u'=' + v);
        QString s = c.name + (c.markdownNotation ? u'%' : u'<');
        if (!c.positional.isEmpty())
            s += u" ["_s + c.positional.join(u'|') + u']';
        if (!named.isEmpty())
            s += u" {"_s + named.join(u'|') + u'}';
        if (c.paired)
            s += u" paired("_s + c.inner + u')';
        out.append(s + u" @%1:%2"_s.arg(c.line).arg(c.column));
    }
    return out;
}

Value map(std::initializer_list<std::pair<QString, Value>> entries)
{
    return Value::fromMap(Value::Map(entries));
}

QString corpusExpected(const QString &name)
{
    QFile f(test::sharedDir() + u"/corpus/expected/"_s + name + u".html"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct CorpusPost {
    QString body;
    int firstLine = 1;
    Value frontMatter;
};

CorpusPost corpusPost(const QString &name)
{
    CorpusPost out;
    const auto post = PostFile::load(test::corpusDir() + u'/' + name + u".md"_s);
    if (!post.ok())
        return out;
    out.body = QString::fromUtf8(post.value().body());
    out.firstLine = post.value().bodyFirstLine();
    Value::Map entries;
    for (const QString &key : post.value().frontMatter().keys())
        entries.append({key, post.value().frontMatter().value(key)});
    out.frontMatter = Value::fromMap(entries);
    return out;
}

const QString kDivStyle = u"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;"_s;
const QString kIframeStyle = u"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;"_s;

// A theme shortcode's stand-in: the corpus' stub markup (../shared/corpus/README.md) with our
// class and the arguments as written (already escaped here) in data-args. Standing alone it is
// a <div> holding the inner HTML of a paired call; in running text an empty <span>, followed,
// when paired, by the inner HTML and an empty closing <span>.
QString unknownBox(const QString &tag, const QString &name, const QString &args, const QString &inner = {},
                   bool paired = false)
{
    const QString opening = u"<%1 class=\"fm-shortcode hugoref-stub\" data-shortcode=\"%2\" data-args=\"%3\">"_s.arg(
        tag, name, args);
    if (tag == u"div")
        return opening + u'\n' + (paired ? inner : QString()) + u"</div>"_s;
    QString out = opening + u"</span>"_s;
    if (paired)
        out += inner + u"<span class=\"fm-shortcode-end hugoref-stub\" data-shortcode=\""_s + name + u"\"></span>"_s;
    return out;
}

QString unknownWarning(int line, int column, const QString &name)
{
    return u"warning %1:%2 unknown shortcode %3: the site's theme renders it; the preview shows a placeholder"_s.arg(line).arg(column).arg(name);
}

QString errorSpan(const QString &escaped)
{
    return u"<span class=\"fm-shortcode-error\">"_s + escaped + u"</span>"_s;
}

} // namespace

class TestShortcodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scansEachSyntaxForm_data();
    void scansEachSyntaxForm();
    void turnsEscapesIntoLiteralText_data();
    void turnsEscapesIntoLiteralText();
    void expandsInsideCodeFencesAndSpans();
    void pairsClosingTags_data();
    void pairsClosingTags();
    void boxesThemeShortcodes_data();
    void boxesThemeShortcodes();
    void reportsMalformedCalls_data();
    void reportsMalformedCalls();
    void mapsSourceLines_data();
    void mapsSourceLines();
    void rendersBuiltinsLikeHugo0111_data();
    void rendersBuiltinsLikeHugo0111();
    void goldenSnippetsAreHugos_data()
    {
        FRONTMARK_SKIP_WITHOUT_CORPUS();
        rendersBuiltinsLikeHugo0111_data();
    }
    void goldenSnippetsAreHugos();
    void rendersOtherHugo0111Forms_data();
    void rendersOtherHugo0111Forms();
    void corpusBuiltinsMatchHugo0111_data();
    void corpusBuiltinsMatchHugo0111();
    void highlightKeepsChromasText_data();
    void highlightKeepsChromasText();
    void refsNotFoundAreReportedWhereHugoReportsThem();
    void rendersBuiltinsLikeCurrentHugo_data();
    void rendersBuiltinsLikeCurrentHugo();
    void rendersCurrentInstagramCardOffline();
    void readsParams_data();
    void readsParams();
    void usesSiteSettings();
    void placeholderTokenIsLettersAndDigits();
    void survivesGarbage();
    void staysFastOnPathologicalInput_data();
    void staysFastOnPathologicalInput();
};

void TestShortcodes::scansEachSyntaxForm_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("calls");
    QTest::newRow("angle") << u"{{< youtube w7Ft2ymGmfc >}}"_s << QStringList{u"youtube< [w7Ft2ymGmfc] @1:1"_s};
    QTest::newRow("percent") << u"{{% notice note %}}"_s << QStringList{u"notice% [note] @1:1"_s};
    QTest::newRow("no spaces") << u"{{<youtube id>}}"_s << QStringList{u"youtube< [id] @1:1"_s};
    QTest::newRow("self-closing") << u"{{< x a />}}"_s << QStringList{u"x< [a] paired() @1:1"_s};
    QTest::newRow("paired") << u"{{< x >}}in{{< /x >}}"_s << QStringList{u"x< paired(in) @1:1"_s};
    QTest::newRow("closing without space (codecousins)")
        << u"{{< highlight go >}}\na\n{{</ highlight >}}"_s << QStringList{u"highlight< [go] paired(\na\n) @1:1"_s};
    QTest::newRow("closing with spaces (loveit)")
        << u"{{< highlight markdown >}}\na\n{{< / highlight >}}"_s
        << QStringList{u"highlight< [markdown] paired(\na\n) @1:1"_s};
    QTest::newRow("named, quoted")
        << u"{{< figure src=\"/a b.jpg\" alt=\"x\" >}}"_s << QStringList{u"figure< {src=/a b.jpg|alt=x} @1:1"_s};
    QTest::newRow("named, bare (loveit)")
        << u"{{< x user=GoHugoIO id=917359331535966209 >}}"_s
        << QStringList{u"x< {user=GoHugoIO|id=917359331535966209} @1:1"_s};
    QTest::newRow("named, spaces around =") << u"{{< x a = \"b\" >}}"_s << QStringList{u"x< {a=b} @1:1"_s};
    QTest::newRow("quoted positional (stack)")
        << u"{{< bilibili \"BV1634y1t7xR\" >}}"_s << QStringList{u"bilibili< [BV1634y1t7xR] @1:1"_s};
    QTest::newRow("quote before >}} (mimao)")
        << u"{{< quote source=\"Some book\">}}\nq\n{{< /quote >}}"_s
        << QStringList{u"quote< {source=Some book} paired(\nq\n) @1:1"_s};
    QTest::newRow("raw string over lines") << u"{{< x `a\n\"b\"` >}}"_s << QStringList{u"x< [a\n\"b\"] @1:1"_s};
    QTest::newRow("escaped quotes") << u"{{< x \"say \\\"hi\\\"\" >}}"_s << QStringList{u"x< [say \"hi\"] @1:1"_s};
    QTest::newRow("backslash kept without escaped quote")
        << u"{{< x \"C:\\\\dir\" >}}"_s << QStringList{u"x< [C:\\\\dir] @1:1"_s};
    QTest::newRow("call over several lines (loveit)")
        << u"text\n{{< figure\n    src=\"/images/zion.jpg\"\n    class=\"ma0 w-75\"\n>}}"_s
        << QStringList{u"figure< {src=/images/zion.jpg|class=ma0 w-75} @2:1"_s};
    QTest::newRow("namespaced name") << u"{{< boxes/square >}}"_s << QStringList{u"boxes/square< @1:1"_s};
    QTest::newRow("inline shortcode (hbe)")
        << u"{{< math.inline >}}\n{{ .Page.Title }}\n{{</ math.inline >}}"_s
        << QStringList{u"math.inline< paired(\n{{ .Page.Title }}\n) @1:1"_s};
    QTest::newRow("CJK name and argument") << u"{{< 引用 \"一位名人\" >}}"_s << QStringList{u"引用< [一位名人] @1:1"_s};
    QTest::newRow("column counts characters") << u"中文 😀 {{< x >}}"_s << QStringList{u"x< @1:6"_s};
    QTest::newRow("mixed arguments are kept")
        << u"{{< x a b=c >}}"_s << QStringList{u"x< [a] {b=c} @1:1"_s};
    QTest::newRow("last named argument wins")
        << u"{{< x a=1 a=2 >}}"_s << QStringList{u"x< {a=1|a=2} @1:1"_s};
    QTest::newRow("three braces") << u"{{{< x >}}"_s << QStringList{u"x< @1:2"_s};
    QTest::newRow("escape is not a call") << u"{{</* x */>}}"_s << QStringList{};
    QTest::newRow("template comment is not a call") << u"{{/* x */}} {{ .Title }}"_s << QStringList{};
    QTest::newRow("several on one line")
        << u"[{{< fa-icon solid desktop >}}]/[{{< fa-icon solid mobile >}}]"_s
        << QStringList{u"fa-icon< [solid|desktop] @1:2"_s, u"fa-icon< [solid|mobile] @1:34"_s};
}

void TestShortcodes::scansEachSyntaxForm()
{
    QFETCH(QString, body);
    QFETCH(QStringList, calls);
    QCOMPARE(describe(scanShortcodes(body)), calls);
}

void TestShortcodes::turnsEscapesIntoLiteralText_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("markdown");
    QTest::newRow("angle") << u"{{</* x */>}}"_s << u"{{< x >}}"_s;
    QTest::newRow("percent") << u"{{%/* x */%}}"_s << u"{{% x %}}"_s;
    QTest::newRow("closing tag (learn-tabs)") << u"\t{{%/* /tab */%}}"_s << u"\t{{% /tab %}}"_s;
    QTest::newRow("in a code span (hugodocs-faq)")
        << u"Use the `{{%/* shortcode */%}}` notation"_s << u"Use the `{{% shortcode %}}` notation"_s;
    QTest::newRow("over several lines (loveit)")
        << u"```markdown\n{{</* figure\n    src=\"/a.jpg\"\n*/>}}\n```"_s
        << u"```markdown\n{{< figure\n    src=\"/a.jpg\"\n>}}\n```"_s;
    QTest::newRow("arguments kept as written (even)")
        << u"{{%/* admonition note \"I'm title!\" false */%}}"_s << u"{{% admonition note \"I'm title!\" false %}}"_s;
    QTest::newRow("empty") << u"{{</**/>}}"_s << u"{{<>}}"_s;
    QTest::newRow("template comment untouched") << u"{{/* a */}}"_s << u"{{/* a */}}"_s;
    QTest::newRow("escape next to a call") << u"{{</* a */>}}{{%/* b */%}}"_s << u"{{< a >}}{{% b %}}"_s;
}

void TestShortcodes::turnsEscapesIntoLiteralText()
{
    QFETCH(QString, body);
    QFETCH(QString, markdown);
    const ShortcodeExpansion x = expand(body);
    QCOMPARE(x.markdown, markdown);
    QVERIFY(x.placeholderHtml.isEmpty());
    QCOMPARE(summary(x.diagnostics), QStringList());
}

void TestShortcodes::expandsInsideCodeFencesAndSpans()
{
    // Hugo expands shortcodes everywhere in the raw content, code included.
    const Value fm = map({{u"title"_s, Value(u"T"_s)}});
    ShortcodeExpansion x = expand(u"```\n{{< param title >}}\n```\n`{{< param title >}}`"_s, HugoVersion::Current, fm);
    QCOMPARE(resolved(x), u"```\n«T»\n```\n`«T»`"_s);
    x = expand(u"```\n{{% param title %}}\n```"_s, HugoVersion::Current, fm);
    QCOMPARE(x.markdown, u"```\nT\n```"_s);
}

void TestShortcodes::pairsClosingTags_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("calls");
    QTest::addColumn<QStringList>("diagnostics");
    QTest::newRow("same name nests")
        << u"{{< a >}}1{{< a >}}2{{< /a >}}3{{< /a >}}"_s
        << QStringList{u"a< paired(1{{< a >}}2{{< /a >}}3) @1:1"_s, u"a< paired(2) @1:11"_s} << QStringList{};
    QTest::newRow("unclosed inside stays unpaired")
        << u"{{< a >}}{{< b >}}x{{< /a >}}"_s
        << QStringList{u"a< paired({{< b >}}x) @1:1"_s, u"b< @1:10"_s} << QStringList{};
    QTest::newRow("innermost of a name pairs")
        << u"{{< y >}} {{< y >}} {{< /y >}}"_s << QStringList{u"y< @1:1"_s, u"y< paired( ) @1:11"_s} << QStringList{};
    QTest::newRow("notations may differ")
        << u"{{% a %}}x{{< /a >}}"_s << QStringList{u"a% paired(x) @1:1"_s} << QStringList{};
    QTest::newRow("stray closing tag")
        << u"x {{< /a >}}"_s << QStringList{} << QStringList{u"error 1:3"_s};
    QTest::newRow("crossing tags")
        << u"{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}"_s
        << QStringList{u"a< paired({{< b >}}) @1:1"_s, u"b< @1:10"_s} << QStringList{u"error 1:29"_s};
}

void TestShortcodes::pairsClosingTags()
{
    QFETCH(QString, body);
    QFETCH(QStringList, calls);
    QFETCH(QStringList, diagnostics);
    QCOMPARE(describe(scanShortcodes(body)), calls);
    QStringList errors = places(expand(body).diagnostics);
    errors.removeIf([](const QString &s) { return s.startsWith(u"warning"); });
    QCOMPARE(errors, diagnostics);
}

void TestShortcodes::boxesThemeShortcodes_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("diagnostics");
    QTest::newRow("alone on its line")
        << u"{{< vs >}}"_s << 1
        << u"«<div class=\"fm-shortcode hugoref-stub\" data-shortcode=\"vs\" data-args=\"\">\n</div>»"_s
        << QStringList{unknownWarning(1, 1, u"vs"_s)};
    QTest::newRow("inside text (doit fa-icon)")
        << u"* {{< fa-icon solid rocket >}} Optimized"_s << 1
        << u"* «<span class=\"fm-shortcode hugoref-stub\" data-shortcode=\"fa-icon\" data-args=\"solid rocket\"></span>» Optimized"_s
        << QStringList{unknownWarning(1, 3, u"fa-icon"_s)};
    // {{% %}} at the left margin: the inner text stays Markdown of the page (its headings get
    // page ids), between the box's opening and closing tags, each a paragraph of its own.
    QTest::newRow("paired {{% %}} at the margin: inner stays page Markdown")
        << u"{{% notice note %}}\nSome *text*.\n{{% /notice %}}"_s << 1
        << u"«<div class=\"fm-shortcode hugoref-stub\" data-shortcode=\"notice\" data-args=\"note\">»\n\n\nSome *text*.\n\n\n«</div>»"_s
        << QStringList{unknownWarning(1, 1, u"notice"_s)};
    const QString tabA = unknownBox(u"div"_s, u"tab"_s, u"name=&#34;a&#34;"_s, u"<p>A</p>\n"_s, true);
    const QString tabB = unknownBox(u"div"_s, u"tab"_s, u"name=&#34;b&#34;"_s, u"<p>B</p>\n"_s, true);
    QTest::newRow("nested boxes (learn-tabs)")
        << u"{{< tabs >}}\n{{% tab name=\"a\" %}}\nA\n{{% /tab %}}\n{{% tab name=\"b\" %}}\nB\n{{% /tab %}}\n{{< /tabs >}}"_s
        << 1 << u"«"_s + unknownBox(u"div"_s, u"tabs"_s, {}, u'\n' + tabA + u'\n' + tabB + u'\n', true) + u"»"_s
        << QStringList{unknownWarning(1, 1, u"tabs"_s), unknownWarning(2, 1, u"tab"_s), unknownWarning(5, 1, u"tab"_s)};
    QTest::newRow("built-in inside a box")
        << u"{{< admonition >}}\n{{< param title >}}\n{{< /admonition >}}"_s << 1
        << u"«"_s + unknownBox(u"div"_s, u"admonition"_s, {}, u"\nT\n"_s, true) + u"»"_s
        << QStringList{unknownWarning(1, 1, u"admonition"_s)};
    QTest::newRow("inline paired box (loveit style)")
        << u"> {{< style \"text-align: right;\" >}}-- _John_{{< /style >}} said"_s << 1
        // {{< >}}: the theme gets .Inner as written; the stub shows it the same way.
        << u"> «"_s + unknownBox(u"span"_s, u"style"_s, u"&#34;text-align: right;&#34;"_s, u"-- _John_"_s, true)
               + u"» said"_s
        << QStringList{unknownWarning(1, 3, u"style"_s)};
    QTest::newRow("inline paired call keeps its inner text")
        << u"Press {{< kbd >}}Ctrl{{< /kbd >}} to copy"_s << 1
        << u"Press «<span class=\"fm-shortcode hugoref-stub\" data-shortcode=\"kbd\" data-args=\"\"></span>Ctrl"
           "<span class=\"fm-shortcode-end hugoref-stub\" data-shortcode=\"kbd\"></span>» to copy"_s
        << QStringList{unknownWarning(1, 7, u"kbd"_s)};
    QTest::newRow("standing alone {{< >}}: inner is .Inner as written")
        << u"{{< warning title=\"Heads up\" >}}\nBe **careful**.\n\nTwice.\n{{< /warning >}}"_s << 1
        << u"«<div class=\"fm-shortcode hugoref-stub\" data-shortcode=\"warning\" data-args=\"title=&#34;Heads up&#34;\">\n"
           "\nBe **careful**.\n\nTwice.\n</div>»"_s
        << QStringList{unknownWarning(1, 1, u"warning"_s)};
    QTest::newRow("paired {{% %}} in a list item stays one box")
        << u"- {{% notice %}}\n  Some *x*\n  {{% /notice %}}\n- next"_s << 1
        << u"- «"_s + unknownBox(u"div"_s, u"notice"_s, {}, u"<p>Some <em>x</em></p>\n"_s, true) + u"»\n- next"_s
        << QStringList{unknownWarning(1, 3, u"notice"_s)};
    QTest::newRow("arguments escaped")
        << u"{{< quote author=\"<b>&\" >}}"_s << 1
        << u"«"_s + unknownBox(u"div"_s, u"quote"_s, u"author=&#34;&lt;b&gt;&amp;&#34;"_s) + u"»"_s
        << QStringList{unknownWarning(1, 1, u"quote"_s)};
    QTest::newRow("list item is a block")
        << u"- {{< video src=\"a.mp4\" >}}"_s << 1
        << u"- «"_s + unknownBox(u"div"_s, u"video"_s, u"src=&#34;a.mp4&#34;"_s) + u"»"_s
        << QStringList{unknownWarning(1, 3, u"video"_s)};
    QTest::newRow("located in the file")
        << u"text\n\n  {{< z >}}"_s << 20 << u"text\n\n  «"_s + unknownBox(u"div"_s, u"z"_s, {}) + u"»"_s
        << QStringList{unknownWarning(22, 3, u"z"_s)};
    QTest::newRow("inline shortcode renders nothing (hbe)")
        << u"a\n\n{{< math.inline >}}\n{{ if .Page.Params.math }}x{{ end }}\n{{</ math.inline >}}\n\nb"_s << 1
        << u"a\n\n«»\n\nb"_s
        << QStringList{u"warning 3:1 Inline shortcode “math.inline” renders nothing: the site does not set enableInlineShortcodes."_s};
}

void TestShortcodes::boxesThemeShortcodes()
{
    QFETCH(QString, body);
    QFETCH(int, firstLine);
    QFETCH(QString, markdown);
    QFETCH(QStringList, diagnostics);
    const ShortcodeExpansion x =
        expand(body, HugoVersion::Current, map({{u"title"_s, Value(u"T"_s)}}), firstLine);
    QCOMPARE(resolved(x), markdown);
    QCOMPARE(summary(x.diagnostics), diagnostics);
}

void TestShortcodes::reportsMalformedCalls_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("diagnostics");
    QTest::newRow("not closed")
        << u"{{< youtube abc"_s << u"«"_s + errorSpan(u"{{&lt;"_s) + u"» youtube abc"_s
        << QStringList{u"error 1:1 Shortcode is not closed: add “>}}” after its arguments."_s};
    QTest::newRow("not closed, the rest of the post survives")
        << u"{{< figure\n\"unterminated\nsrc=x\n>}}\nafter"_s
        << u"«"_s + errorSpan(u"{{&lt;"_s) + u"» figure\n\"unterminated\nsrc=x\n>}}\nafter"_s
        << QStringList{u"error 1:1 Quoted argument is not closed before the end of the line."_s};
    QTest::newRow("symbol in an argument")
        << u"x {{< a b! >}} y"_s << u"x «"_s + errorSpan(u"{{&lt; a b! &gt;}}"_s) + u"» y"_s
        << QStringList{u"error 1:3 Unexpected “!” in shortcode “a”; put arguments that contain symbols in quotes."_s};
    QTest::newRow("unterminated quote")
        << u"{{< a \"b >}}\nnext"_s << u"«"_s + errorSpan(u"{{&lt; a &#34;b &gt;}}"_s) + u"»\nnext"_s
        << QStringList{u"error 1:1 Quoted argument is not closed before the end of the line."_s};
    QTest::newRow("unterminated raw string")
        << u"{{< a `b >}}"_s << u"«"_s + errorSpan(u"{{&lt; a `b &gt;}}"_s) + u"»"_s
        << QStringList{u"error 1:1 Raw string argument (`…`) is not closed."_s};
    QTest::newRow("no name") << u"{{< >}}"_s << u"«"_s + errorSpan(u"{{&lt; &gt;}}"_s) + u"»"_s
                             << QStringList{u"error 1:1 Shortcode has no name."_s};
    QTest::newRow("period in the name")
        << u"{{< a.b >}}"_s << u"«"_s + errorSpan(u"{{&lt; a.b &gt;}}"_s) + u"»"_s
        << QStringList{u"error 1:1 A shortcode name can contain “.” only to end in “.inline”."_s};
    QTest::newRow("closing tag with arguments")
        << u"{{< /x y >}}"_s << u"«"_s + errorSpan(u"{{&lt; /x y &gt;}}"_s) + u"»"_s
        << QStringList{u"error 1:1 A closing tag takes no arguments: write “{{< /x >}}”."_s};
    QTest::newRow("escape not closed")
        << u"{{</* x >}}"_s << u"«"_s + errorSpan(u"{{&lt;/* x &gt;}}"_s) + u"»"_s
        << QStringList{u"error 1:1 Escaped shortcode is not closed: end it with “*/>}}”."_s};
    QTest::newRow("stray closing tag")
        << u"a {{% /b %}}"_s << u"a «"_s + errorSpan(u"{{% /b %}}"_s) + u"»"_s
        << QStringList{u"error 1:3 Closing tag “{{% /b %}}” has no opening “{{% b %}}” before it."_s};
    QTest::newRow("lone delimiter") << u"{{<"_s << u"«"_s + errorSpan(u"{{&lt;"_s) + u"»"_s
                                    << QStringList{u"error 1:1 Shortcode is not closed: add “>}}” after its arguments."_s};
    QTest::newRow("mixed arguments")
        << u"{{< box a b=c >}}"_s << u"«"_s + unknownBox(u"div"_s, u"box"_s, u"a b=c"_s) + u"»"_s
        << QStringList{u"error 1:1 Shortcode “box” mixes positional and named arguments; Hugo accepts only one kind per call."_s,
                       unknownWarning(1, 1, u"box"_s)};
    QTest::newRow("highlight without closing tag")
        << u"{{< highlight go >}}"_s << u"«<pre><code class=\"language-go\" data-lang=\"go\"></code></pre>»"_s
        << QStringList{u"error 1:1 Shortcode “highlight” needs a closing “{{< /highlight >}}”, or end it with “/>}}”."_s};
    QTest::newRow("youtube self-closed")
        << u"{{< youtube id=\"\" />}}"_s << u"«»"_s
        << QStringList{u"error 1:1 Shortcode “youtube” takes no inner content, yet it is closed; remove its closing tag or “/”."_s,
                       u"error 1:1 The “youtube” shortcode needs a video id."_s};
}

void TestShortcodes::reportsMalformedCalls()
{
    QFETCH(QString, body);
    QFETCH(QString, markdown);
    QFETCH(QStringList, diagnostics);
    const ShortcodeExpansion x = expand(body);
    QCOMPARE(resolved(x), markdown);
    QCOMPARE(summary(x.diagnostics), diagnostics);
    for (const Diagnostic &d : x.diagnostics)
        QCOMPARE(d.file, u"post.md"_s);
}

void TestShortcodes::mapsSourceLines_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<HugoVersion>("version");
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QList<int>>("lines");
    const HugoVersion now = HugoVersion::Current;
    QTest::newRow("plain text") << u"a\nb\n"_s << 5 << now << u"a\nb\n"_s << QList<int>{5, 6, 7};
    QTest::newRow("empty") << QString() << 3 << now << QString() << QList<int>{3};
    QTest::newRow("paired call collapses")
        << u"x\n{{< box >}}\n1\n2\n{{< /box >}}\ny\nz"_s << 1 << now << u"x\nFMSCPH0X\ny\nz"_s << QList<int>{1, 2, 6, 7};
    QTest::newRow("call over lines collapses")
        << u"{{< figure\n src=\"a\"\n>}}\nafter"_s << 12 << now << u"FMSCPH0X\nafter"_s << QList<int>{12, 15};
    QTest::newRow("text after a call on its last line")
        << u"{{< a >}}\n1\n{{< /a >}} tail\nnext"_s << 1 << now << u"FMSCPH0X tail\nnext"_s << QList<int>{1, 4};
    QTest::newRow("escape keeps its lines")
        << u"{{</* a\nb */>}}\nc"_s << 1 << now << u"{{< a\nb >}}\nc"_s << QList<int>{1, 2, 3};
    QTest::newRow("Markdown output maps to the call")
        << u"{{% param d %}}\nnext"_s << 7 << now << u"one\ntwo\nnext"_s << QList<int>{7, 7, 8};
    QTest::newRow("CRLF") << u"a\r\n{{< x >}}\r\nb"_s << 1 << now << u"a\r\nFMSCPH0X\r\nb"_s << QList<int>{1, 2, 3};
    QTest::newRow("0.111 youtube as Markdown")
        << u"{{% youtube abc %}}\nnext"_s << 1 << HugoVersion::V0_111
        << u"\n<div style=\""_s + kDivStyle + u"\">\n  <iframe src=\"https://www.youtube.com/embed/abc\" style=\""_s
               + kIframeStyle + u"\" allowfullscreen title=\"YouTube Video\"></iframe>\n</div>\n\nnext"_s
        << QList<int>{1, 1, 1, 1, 1, 2};
}

void TestShortcodes::mapsSourceLines()
{
    QFETCH(QString, body);
    QFETCH(int, firstLine);
    QFETCH(HugoVersion, version);
    QFETCH(QString, markdown);
    QFETCH(QList<int>, lines);
    const ShortcodeExpansion x = expand(body, version, map({{u"d"_s, Value(u"one\ntwo"_s)}}), firstLine);
    QCOMPARE(x.markdown, markdown);
    QCOMPARE(x.sourceLines, lines);
}

void TestShortcodes::rendersBuiltinsLikeHugo0111_data()
{
    // expected: Hugo 0.111.3's output, copied from ../shared/corpus/expected/<corpus>.html.
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QString>("body");
    QTest::addColumn<Value>("frontMatter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("youtube (loveit)")
        << u"loveit-builtin-shortcodes"_s << u"{{< youtube w7Ft2ymGmfc >}}"_s << Value()
        << u"\n<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n  <iframe src=\"https://www.youtube.com/embed/w7Ft2ymGmfc\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" allowfullscreen title=\"YouTube Video\"></iframe>\n</div>\n"_s;
    QTest::newRow("youtube (seed-ai-race)")
        << u"seed-ai-race"_s << u"{{< youtube dTBtOvFh7FE >}}"_s << Value()
        << u"\n<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n  <iframe src=\"https://www.youtube.com/embed/dTBtOvFh7FE\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" allowfullscreen title=\"YouTube Video\"></iframe>\n</div>\n"_s;
    QTest::newRow("vimeo (doit)")
        << u"doit-builtin-shortcodes"_s << u"{{< vimeo 146022717 >}}"_s << Value()
        << u"\n<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n  <iframe src=\"https://player.vimeo.com/video/146022717\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" title=\"vimeo video\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>\n"_s;
    QTest::newRow("vimeo (jwalbert)")
        << u"jwalbert-rich-content-zh-tw"_s << u"{{< vimeo 48912912 >}}"_s << Value()
        << u"\n<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n  <iframe src=\"https://player.vimeo.com/video/48912912\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" title=\"vimeo video\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>\n"_s;
    QTest::newRow("figure alt + title (doit)")
        << u"doit-builtin-shortcodes"_s
        << u"{{< figure src=\"https://octodex.github.com/images/minion.png\" alt=\"Minion octocat\" title=\"octodex\" >}}"_s
        << Value()
        << u"<figure><img src=\"https://octodex.github.com/images/minion.png\"\n         alt=\"Minion octocat\"/><figcaption>\n            <h4>octodex</h4>\n        </figcaption>\n</figure>\n"_s;
    QTest::newRow("figure title only (ananke)")
        << u"ananke-about"_s
        << u"{{< figure src=\"/images/Victor_Hugo-Hunchback.jpg\" title=\"Illustration from Victor Hugo et son temps (1881)\" >}}"_s
        << Value()
        << u"<figure><img src=\"/images/Victor_Hugo-Hunchback.jpg\"/><figcaption>\n            <h4>Illustration from Victor Hugo et son temps (1881)</h4>\n        </figcaption>\n</figure>\n"_s;
    QTest::newRow("figure class, link, caption over lines (loveit)")
        << u"loveit-builtin-shortcodes"_s
        << u"{{< figure\n    src=\"/images/zion-national-park.jpg\"\n    alt=\"A photograph of Zion National Park\"\n    link=\"https://www.nps.gov/zion/index.htm\"\n    caption=\"Zion National Park\"\n    class=\"ma0 w-75\"\n>}}"_s
        << Value()
        << u"<figure class=\"ma0 w-75\"><a href=\"https://www.nps.gov/zion/index.htm\"><img src=\"/images/zion-national-park.jpg\"\n         alt=\"A photograph of Zion National Park\"/></a><figcaption>\n            <p>Zion National Park</p>\n        </figcaption>\n</figure>\n"_s;
    QTest::newRow("gist (doit)")
        << u"doit-builtin-shortcodes"_s << u"{{< gist spf13 7896402 >}}"_s << Value()
        << u"<script type=\"application/javascript\" src=\"https://gist.github.com/spf13/7896402.js\"></script>\n"_s;
    QTest::newRow("gist (congo)")
        << u"congo-rich-content-zh-hans"_s << u"{{< gist jpanther a873e1219ffeaa80a926bbe8255f348e >}}"_s << Value()
        << u"<script type=\"application/javascript\" src=\"https://gist.github.com/jpanther/a873e1219ffeaa80a926bbe8255f348e.js\"></script>\n"_s;
    QTest::newRow("param (doit)")
        << u"doit-builtin-shortcodes"_s << u"{{< param description >}}"_s
        << map({{u"description"_s, Value(u"Built-in Shortcodes Tests"_s)}}) << u"Built-in Shortcodes Tests"_s;
}

void TestShortcodes::rendersBuiltinsLikeHugo0111()
{
    QFETCH(QString, body);
    QFETCH(Value, frontMatter);
    QFETCH(QString, expected);
    const ShortcodeExpansion x = expand(body, HugoVersion::V0_111, frontMatter);
    QCOMPARE(x.markdown, placeholderToken(0));
    QCOMPARE(x.placeholderHtml, QStringList{expected});
    QCOMPARE(summary(x.diagnostics), QStringList());
}

void TestShortcodes::goldenSnippetsAreHugos()
{
    FRONTMARK_REQUIRE_CORPUS();
    QFETCH(QString, corpus);
    QFETCH(QString, expected);
    QVERIFY2(corpusExpected(corpus).contains(expected), qPrintable(corpus));
}

void TestShortcodes::rendersOtherHugo0111Forms_data()
{
    // Forms the corpus does not use, from the 0.111 templates (shortcodes/youtube.html,
    // vimeo.html, figure.html, gist.html).
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    const QString iframeStyle = u"style=\""_s + kIframeStyle + u"\" "_s;
    QTest::newRow("youtube, positional class")
        << u"{{< youtube w7Ft2ymGmfc video >}}"_s
        << u"\n<div class=\"video\">\n  <iframe src=\"https://www.youtube.com/embed/w7Ft2ymGmfc\" allowfullscreen title=\"YouTube Video\"></iframe>\n</div>\n"_s;
    QTest::newRow("youtube, autoplay=\"true\" and a title")
        << u"{{< youtube id=\"w7Ft2ymGmfc\" autoplay=\"true\" title=\"Talk\" >}}"_s
        << u"\n<div style=\""_s + kDivStyle + u"\">\n  <iframe src=\"https://www.youtube.com/embed/w7Ft2ymGmfc?autoplay=1\" "_s
               + iframeStyle + u"allowfullscreen title=\"Talk\"></iframe>\n</div>\n"_s;
    QTest::newRow("youtube, bare autoplay=true is a boolean, not \"true\"")
        << u"{{< youtube id=w7Ft2ymGmfc autoplay=true >}}"_s
        << u"\n<div style=\""_s + kDivStyle + u"\">\n  <iframe src=\"https://www.youtube.com/embed/w7Ft2ymGmfc\" "_s
               + iframeStyle + u"allowfullscreen title=\"YouTube Video\"></iframe>\n</div>\n"_s;
    QTest::newRow("vimeo, named")
        << u"{{< vimeo id=\"146022717\" class=\"v\" title=\"T\" >}}"_s
        << u"<div class=\"v\">\n  <iframe src=\"https://player.vimeo.com/video/146022717\" title=\"T\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>"_s;
    QTest::newRow("vimeo, id class title")
        << u"{{< vimeo 146022717 v \"My video\" >}}"_s
        << u"\n<div style=\""_s + kDivStyle
               + u"\">\n  <iframe src=\"https://player.vimeo.com/video/146022717\" title=\"My video\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe>\n</div>\n"_s;
    QTest::newRow("figure, attr and attrlink")
        << u"{{< figure src=\"a.jpg\" attr=\"Photo *me*\" attrlink=\"https://e.org/x y\" >}}"_s
        << u"<figure><img src=\"a.jpg\"/><figcaption>\n            <p>\n                    <a href=\"https://e.org/x%20y\">Photo <em>me</em></a></p>\n        </figcaption>\n</figure>\n"_s;
    QTest::newRow("figure, non-ASCII path (urlNormalizer, lower-case hex)")
        << u"{{< figure src=\"/images/我的 圖.jpg\" caption=\"A *small* cat\" >}}"_s
        << u"<figure><img src=\"/images/%e6%88%91%e7%9a%84%20%e5%9c%96.jpg\"\n         alt=\"A small cat\"/><figcaption>\n            <p>A <em>small</em> cat</p>\n        </figcaption>\n</figure>\n"_s;
    QTest::newRow("gist, one file")
        << u"{{< gist spf13 7896402 \"img.html\" >}}"_s
        << u"<script type=\"application/javascript\" src=\"https://gist.github.com/spf13/7896402.js?file=img.html\"></script>\n"_s;
    QTest::newRow("tweet by id alone: a card")
        << u"{{< tweet 1453110110599868418 >}}"_s
        << u"<span class=\"twitter-tweet fm-embed hugoref-stub\" data-shortcode=\"tweet\" data-fm-embed=\"tweet\"><a href=\"https://twitter.com/i/status/1453110110599868418\">@i on Twitter: post 1453110110599868418</a></span>\n"_s;
}

void TestShortcodes::rendersOtherHugo0111Forms()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    const ShortcodeExpansion x = expand(body, HugoVersion::V0_111);
    QCOMPARE(x.placeholderHtml, QStringList{expected});
    QCOMPARE(summary(x.diagnostics), QStringList());
}

void TestShortcodes::corpusBuiltinsMatchHugo0111_data()
{
    FRONTMARK_SKIP_WITHOUT_CORPUS();
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("builtins");
    // Posts whose {{< >}} built-ins Hugo rendered offline, and how many such outputs each has.
    QTest::newRow("ananke-about") << u"ananke-about"_s << 1;
    QTest::newRow("congo-rich-content-zh-hans") << u"congo-rich-content-zh-hans"_s << 2;
    QTest::newRow("doit-builtin-shortcodes") << u"doit-builtin-shortcodes"_s << 5;
    QTest::newRow("hbe-rich-content") << u"hbe-rich-content"_s << 1;
    QTest::newRow("jwalbert-rich-content-zh-tw") << u"jwalbert-rich-content-zh-tw"_s << 2;
    QTest::newRow("loveit-builtin-shortcodes") << u"loveit-builtin-shortcodes"_s << 5;
    QTest::newRow("mimao-introduction-hugo-zh-cn") << u"mimao-introduction-hugo-zh-cn"_s << 1;
    QTest::newRow("papermod-rich-content") << u"papermod-rich-content"_s << 2;
    QTest::newRow("seed-ai-race") << u"seed-ai-race"_s << 1;
    QTest::newRow("stack-shortcodes-zh-hant-tw") << u"stack-shortcodes-zh-hant-tw"_s << 1;
}

void TestShortcodes::corpusBuiltinsMatchHugo0111()
{
    // Every built-in output the pass produces for a real post appears verbatim in what Hugo
    // 0.111.3 published for it (boxes, cards, highlight and refs have their own tests).
    FRONTMARK_REQUIRE_CORPUS();
    QFETCH(QString, name);
    QFETCH(int, builtins);
    const CorpusPost post = corpusPost(name);
    QVERIFY(!post.body.isEmpty());
    const QString expected = corpusExpected(name);
    const ShortcodeExpansion x = expand(post.body, HugoVersion::V0_111, post.frontMatter, post.firstLine);
    int checked = 0;
    for (const QString &html : x.placeholderHtml) {
        if (html.isEmpty() || html.contains(u"fm-shortcode"_s) || html.contains(u"data-fm-embed"_s)
            || html.startsWith(u"<pre><code"_s) || html.startsWith(u'#'))
            continue;
        // The corpus files end without the final newline Hugo's .Content has.
        QVERIFY2(expected.contains(html) || (html.endsWith(u'\n') && expected.endsWith(html.chopped(1))),
                 qPrintable(html));
        ++checked;
    }
    QCOMPARE(checked, builtins);
}

void TestShortcodes::highlightKeepsChromasText_data()
{
    FRONTMARK_SKIP_WITHOUT_CORPUS();
    QTest::addColumn<QString>("name");
    QTest::newRow("codecousins-example") << u"codecousins-example"_s;
    QTest::newRow("congo-markdown-ja (linenos=table)") << u"congo-markdown-ja"_s;
    QTest::newRow("hbe-markdown-syntax") << u"hbe-markdown-syntax"_s;
    QTest::newRow("jane-theme-preview") << u"jane-theme-preview"_s;
    QTest::newRow("jwalbert-markdown-sample-zh-tw") << u"jwalbert-markdown-sample-zh-tw"_s;
    QTest::newRow("loveit-basic-markdown-zh-cn") << u"loveit-basic-markdown-zh-cn"_s;
    QTest::newRow("loveit-builtin-shortcodes") << u"loveit-builtin-shortcodes"_s;
}

void TestShortcodes::highlightKeepsChromasText()
{
    // compare-html.py --ignore-highlight reduces Chroma's markup to <pre><code class=
    // "language-x">text</code></pre>: the pass's plain block must hold exactly Chroma's text.
    FRONTMARK_REQUIRE_CORPUS();
    QFETCH(QString, name);
    const CorpusPost post = corpusPost(name);
    const QString expected = corpusExpected(name);
    const ShortcodeExpansion x = expand(post.body, HugoVersion::V0_111, post.frontMatter, post.firstLine);
    static const QRegularExpression ours(u"^<pre><code class=\"language-([^\"]+)\" data-lang=\"[^\"]+\">(.*)</code></pre>$"_s,
                                         QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    int checked = 0;
    for (const QString &html : x.placeholderHtml) {
        const auto m = ours.match(html);
        if (!m.hasMatch())
            continue;
        const QString open = u"<code class=\"language-%1\" data-lang=\"%1\">"_s.arg(m.captured(1));
        QStringList chroma;
        for (qsizetype at = expected.indexOf(open); at >= 0; at = expected.indexOf(open, at + 1)) {
            const qsizetype end = expected.indexOf(u"</code>"_s, at);
            chroma.append(expected.sliced(at + open.size(), end - at - open.size()).remove(tags));
        }
        QVERIFY2(chroma.contains(m.captured(2)), qPrintable(m.captured(2)));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestShortcodes::refsNotFoundAreReportedWhereHugoReportsThem()
{
    // render-log.tsv: REF_NOT_FOUND at content/posts/doit-builtin-shortcodes.md:29:7 and :31:10.
    FRONTMARK_REQUIRE_CORPUS();
    const CorpusPost post = corpusPost(u"doit-builtin-shortcodes"_s);
    const ShortcodeExpansion x = expand(post.body, HugoVersion::V0_111, post.frontMatter, post.firstLine);
    QStringList refs;
    for (const Diagnostic &d : x.diagnostics) {
        if (d.message.startsWith(u"REF_NOT_FOUND"_s))
            refs.append(u"%1:%2 %3"_s.arg(d.line).arg(d.column).arg(d.message));
    }
    QCOMPARE(refs, (QStringList{u"29:7 REF_NOT_FOUND: Ref “about/index.en.md”: page not found."_s,
                               u"31:10 REF_NOT_FOUND: Ref “../../../about/index.en.md”: page not found."_s}));
    // Without refLinksNotFoundURL the link gets html/template's failsafe.
    QVERIFY(resolved(x).contains(u"[ref](«#ZgotmplZ»)"_s));
}

void TestShortcodes::rendersBuiltinsLikeCurrentHugo_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("diagnostics");
    const QString allow = u"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"_s;
    QTest::newRow("youtube")
        << u"{{< youtube 0RKpf3rK57I >}}"_s
        << u"«<div style=\""_s + kDivStyle + u"\">\n      <iframe allow=\""_s + allow
               + u"; fullscreen\" loading=\"eager\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/0RKpf3rK57I?autoplay=0&amp;controls=1&amp;end=0&amp;loop=0&amp;mute=0&amp;start=0\" style=\""_s
               + kIframeStyle + u"\" title=\"YouTube video\"></iframe>\n    </div>\n»"_s
        << QStringList{};
    QTest::newRow("youtube, every option")
        << u"{{< youtube id=0RKpf3rK57I class=\"video\" title=\"My \\\"talk\\\"\" loading=lazy start=30 autoplay=true loop=true allowFullScreen=false >}}"_s
        << u"«<div class=\"video\">\n      <iframe allow=\""_s + allow
               + u"\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/0RKpf3rK57I?autoplay=1&amp;controls=1&amp;end=0&amp;loop=1&amp;mute=1&amp;playlist=0RKpf3rK57I&amp;start=30\" title=\"My &#34;talk&#34;\"></iframe>\n    </div>\n»"_s
        << QStringList{};
    QTest::newRow("youtube without id")
        << u"{{< youtube class=x >}}"_s << u"«»"_s << QStringList{u"error 1:1 The “youtube” shortcode needs a video id."_s};
    QTest::newRow("vimeo")
        << u"{{< vimeo 55073825 >}}"_s
        << u"«\n      <div\n          style=\""_s + kDivStyle
               + u"\">\n        <iframe\n          src=\"https://player.vimeo.com/video/55073825?dnt=0\"\n            style=\""_s
               + kIframeStyle + u"\" allow=\"fullscreen\">\n        </iframe>\n      </div>\n»"_s
        << QStringList{};
    QTest::newRow("vimeo, named")
        << u"{{< vimeo id=55073825 class=\"foo bar\" loading=lazy title=\"My Video\" >}}"_s
        << u"«\n      <div\n          class=\"foo bar\">\n        <iframe\n          src=\"https://player.vimeo.com/video/55073825?dnt=0\" allow=\"fullscreen\" loading=\"lazy\" title=\"My Video\">\n        </iframe>\n      </div>\n»"_s
        << QStringList{};
    QTest::newRow("figure, every option (Hugo's TestFigureShortcode)")
        << u"{{< figure\n  src=\"a.jpg\"\n  alt=\"alternate text\"\n  width=600\n  height=400\n  loading=\"lazy\"\n  class=\"my-class\"\n  link=\"https://example.org\"\n  target=\"_blank\"\n  rel=\"noopener\"\n  title=\"my-title\"\n  caption=\"a **bold** word\"\n  attr=\"an _emphasized_ word\"\n  attrlink=\"https://example.org/foo\"\n>}}"_s
        << u"«<figure class=\"my-class\"><a href=\"https://example.org\" target=\"_blank\" rel=\"noopener\"><img src=\"a.jpg\"\n    alt=\"alternate text\" width=\"600\" height=\"400\" loading=\"lazy\"></a><figcaption>\n      <h4>my-title</h4><p>a <strong>bold</strong> word\n          <a href=\"https://example.org/foo\">an <em>emphasized</em> word</a></p>\n    </figcaption>\n</figure>\n»"_s
        << QStringList{};
    QTest::newRow("figure, caption is the alt, path re-escaped")
        << u"{{< figure src=\"/images/我的 圖.jpg\" caption=\"A *small* cat\" >}}"_s
        << u"«<figure><img src=\"/images/%E6%88%91%E7%9A%84%20%E5%9C%96.jpg\"\n    alt=\"A small cat\"><figcaption>\n      <p>A <em>small</em> cat</p>\n    </figcaption>\n</figure>\n»"_s
        << QStringList{};
    QTest::newRow("figure, unsafe scheme")
        << u"{{< figure src=\"javascript:alert(1)\" >}}"_s << u"«<figure><img src=\"#ZgotmplZ\">\n</figure>\n»"_s
        << QStringList{};
    QTest::newRow("gist (Hugo's TestGistShortcode)")
        << u"{{< gist jmooring 23932424365401ffa5e9d9810102a477 >}}"_s
        << u"«<script src=\"https://gist.github.com/jmooring/23932424365401ffa5e9d9810102a477.js\"></script>\n»"_s
        << QStringList{u"warning 1:1 Hugo deprecated the “gist” shortcode in v0.143.0 and will remove it."_s};
    QTest::newRow("highlight")
        << u"{{< highlight go >}}\na := \"x\" < 'y' & z\n{{< /highlight >}}"_s
        << u"«<pre><code class=\"language-go\" data-lang=\"go\">a := &#34;x&#34; &lt; &#39;y&#39; &amp; z</code></pre>»"_s
        << QStringList{};
    QTest::newRow("highlight indented in a list")
        << u"- item\n  {{< highlight go >}}\n  a\n    b\n  {{< /highlight >}}"_s
        << u"- item\n  «<pre><code class=\"language-go\" data-lang=\"go\">a\n  b</code></pre>»"_s << QStringList{};
    QTest::newRow("highlight holds a nested call's output")
        << u"{{< highlight text >}}\n{{< param title >}}\n{{< /highlight >}}"_s
        << u"«<pre><code class=\"language-text\" data-lang=\"text\">T &amp;amp; U</code></pre>»"_s << QStringList{};
    QTest::newRow("param as Markdown (Hugo's TestParamShortcode)")
        << u"A: {{% param \"a\" %}}"_s << u"A: 1"_s << QStringList{};
    QTest::newRow("details (Hugo's TestDetailsShortcode)")
        << u"{{< details summary=\"A **bold** word\" open=true >}}\nB: An _emphasized_ word.\n{{< /details >}}"_s
        << u"«\n<details open>\n\t<summary>A <strong>bold</strong> word</summary>\n\t<p>B: An <em>emphasized</em> word.</p>\n</details>\n»"_s
        << QStringList{};
    QTest::newRow("comment (Hugo's TestCommentShortcode)")
        << u"a{{< comment >}}b{{< /comment >}}c"_s << u"a«»c"_s
        << QStringList{u"warning 1:2 Hugo deprecated the “comment” shortcode in v0.143.0; use an HTML comment."_s};
    QTest::newRow("x: a card, never the network")
        << u"{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}"_s
        << u"«<span class=\"twitter-tweet fm-embed hugoref-stub\" data-shortcode=\"x\" data-fm-embed=\"x\"><a href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\">@SanDiegoZoo on X: post 1453110110599868418</a></span>\n»"_s
        << QStringList{};
    QTest::newRow("tweet is deprecated")
        << u"{{< tweet user=\"a\" id=\"1\" >}}"_s
        << u"«<span class=\"twitter-tweet fm-embed hugoref-stub\" data-shortcode=\"tweet\" data-fm-embed=\"tweet\"><a href=\"https://twitter.com/a/status/1\">@a on Twitter: post 1</a></span>\n»"_s
        << QStringList{u"warning 1:1 Hugo deprecated the “tweet” shortcode in v0.142.0 and will remove it; use “x”."_s};
    QTest::newRow("x without user")
        << u"{{< x id=\"1\" >}}"_s << u"«»"_s
        << QStringList{u"error 1:1 The “x” shortcode needs two named arguments: user and id."_s};
    QTest::newRow("vimeo_simple: a card")
        << u"{{< vimeo_simple 48912912 >}}"_s
        << u"«<span class=\"fm-embed-card fm-embed hugoref-stub\" data-shortcode=\"vimeo_simple\" data-fm-embed=\"vimeo_simple\"><a href=\"https://vimeo.com/48912912\">Vimeo video 48912912</a></span>\n»"_s
        << QStringList{};
    QTest::newRow("ref outside a site")
        << u"[a]({{< relref \"posts/x.md#top\" >}})"_s << u"[a](«#ZgotmplZ»)"_s
        << QStringList{u"warning 1:5 REF_NOT_FOUND: Ref “posts/x.md#top”: page not found."_s};
    QTest::newRow("ref to an anchor on this page") << u"{{< ref \"#top\" >}}"_s << u"«#top»"_s << QStringList{};
    QTest::newRow("qr cannot be previewed")
        << u"{{< qr text=\"https://gohugo.io\" />}}"_s
        << u"«"_s + unknownBox(u"div"_s, u"qr"_s, u"text=&#34;https://gohugo.io&#34;"_s) + u"»"_s
        << QStringList{u"warning 1:1 The preview cannot draw Hugo's “qr” shortcode; it shows a placeholder."_s};
    QTest::newRow("indented unpaired output (text.VisitLinesAfter)")
        << u"- item\n  {{% param d %}}"_s << u"- item\n  one\n  two"_s << QStringList{};
}

void TestShortcodes::rendersBuiltinsLikeCurrentHugo()
{
    QFETCH(QString, body);
    QFETCH(QString, markdown);
    QFETCH(QStringList, diagnostics);
    const Value fm = map({{u"title"_s, Value(u"T & U"_s)},
                          {u"d"_s, Value(u"one\ntwo"_s)},
                          {u"params"_s, map({{u"a"_s, Value(1)}})}});
    const ShortcodeExpansion x = expand(body, HugoVersion::Current, fm);
    QCOMPARE(resolved(x), markdown);
    QCOMPARE(summary(x.diagnostics), diagnostics);
}

void TestShortcodes::rendersCurrentInstagramCardOffline()
{
    // instagram.html ("render-instagram") needs no network in current Hugo.
    ShortcodeExpansion x = expand(u"{{< instagram CxOWiQNP2MO >}}"_s);
    QCOMPARE(x.placeholderHtml.size(), 1);
    const QString html = x.placeholderHtml.first();
    QCOMPARE(html, u"<blockquote class=\"instagram-media\" data-instgrm-captioned"
                   " data-instgrm-permalink=\"https://www.instagram.com/p/CxOWiQNP2MO\" data-instgrm-version=\"14\">"
                   "<a href=\"https://www.instagram.com/p/CxOWiQNP2MO\">View this post on Instagram</a></blockquote>"
                   "<script async src=\"https://www.instagram.com/embed.js\"></script>"_s);
    x = expand(u"{{< instagram CxOWiQNP2MO >}}"_s, HugoVersion::V0_111);
    QCOMPARE(x.placeholderHtml,
             QStringList{u"<span class=\"instagram-media fm-embed hugoref-stub\" data-shortcode=\"instagram\" data-fm-embed=\"instagram\"><a href=\"https://www.instagram.com/p/CxOWiQNP2MO/\">View this post on Instagram</a></span>\n"_s});
    // x is no built-in of 0.111: a theme would have to provide it.
    x = expand(u"{{< x user=\"a\" id=\"1\" >}}"_s, HugoVersion::V0_111);
    QCOMPARE(summary(x.diagnostics), QStringList{unknownWarning(1, 1, u"x"_s)});
}

void TestShortcodes::readsParams_data()
{
    QTest::addColumn<Value>("frontMatter");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("diagnostics");
    const QStringList none;
    QTest::newRow("string, escaped")
        << map({{u"Title"_s, Value(u"Hello <World>"_s)}}) << u"{{< param title >}}"_s << u"«Hello &lt;World&gt;»"_s << none;
    QTest::newRow("dotted key")
        << map({{u"author"_s, map({{u"Name"_s, Value(u"Ann"_s)}})}}) << u"{{< param \"author.name\" >}}"_s << u"«Ann»"_s
        << none;
    QTest::newRow("list") << map({{u"tags"_s, Value(Value::List{Value(u"a"_s), Value(u"b"_s)})}})
                          << u"{{< param tags >}}"_s << u"«[a b]»"_s << none;
    QTest::newRow("map, sorted lower-case keys")
        << map({{u"social"_s, map({{u"github"_s, Value(u"x"_s)}, {u"Email"_s, Value(u"y"_s)}})}})
        << u"{{< param social >}}"_s << u"«map[email:y github:x]»"_s << none;
    QTest::newRow("integer") << map({{u"weight"_s, Value(3)}}) << u"{{< param weight >}}"_s << u"«3»"_s << none;
    QTest::newRow("float") << map({{u"ratio"_s, Value(1.5)}}) << u"{{< param ratio >}}"_s << u"«1.5»"_s << none;
    // html/template escapes '+' in text as &#43;.
    QTest::newRow("large float") << map({{u"big"_s, Value(1e6)}}) << u"{{< param big >}}"_s << u"«1e&#43;06»"_s << none;
    QTest::newRow("true") << map({{u"toc"_s, Value(true)}}) << u"{{< param toc >}}"_s << u"«true»"_s << none;
    QTest::newRow("date with offset")
        << map({{u"date"_s, Value(*DateTimeValue::parse(u"2021-04-16T14:08:05+01:00"))}}) << u"{{< param date >}}"_s
        << u"«2021-04-16 14:08:05 &#43;0100 &#43;0100»"_s << none;
    QTest::newRow("false is not found")
        << map({{u"draft"_s, Value(false)}}) << u"{{< param draft >}}"_s << u"«»"_s
        << QStringList{u"error 1:1 Param “draft” not found in the front matter or the site params."_s};
    QTest::newRow("missing") << Value() << u"x {{< param nope >}}"_s << u"x «»"_s
                             << QStringList{u"error 1:3 Param “nope” not found in the front matter or the site params."_s};
    QTest::newRow("no key") << Value() << u"{{< param >}}"_s << u"«»"_s
                            << QStringList{u"error 1:1 The “param” shortcode needs a key: {{< param key >}}."_s};
}

void TestShortcodes::readsParams()
{
    QFETCH(Value, frontMatter);
    QFETCH(QString, body);
    QFETCH(QString, markdown);
    QFETCH(QStringList, diagnostics);
    const ShortcodeExpansion x = expand(body, HugoVersion::Current, frontMatter);
    QCOMPARE(resolved(x), markdown);
    QCOMPARE(summary(x.diagnostics), diagnostics);
}

void TestShortcodes::usesSiteSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(dir.filePath(path)).path());
        QFile f(dir.filePath(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(u"hugo.toml"_s, "baseURL = \"https://example.org/\"\nrefLinksNotFoundURL = \"/missing/\"\n"
                          "refLinksErrorLevel = \"WARNING\"\n[privacy.youtube]\nprivacyEnhanced = true\n"
                          "[params]\nsiteOnly = \"from the site\"\n"_ba);
    write(u"content/posts/p.md"_s, "---\ntitle: p\n---\n"_ba);
    write(u"content/about.md"_s, "---\ntitle: about\n---\n"_ba);
    const auto loaded = Site::load(dir.path());
    if (!loaded.ok() || !loaded.value().youtubePrivacyEnhanced())
        QSKIP("Site does not read hugo.toml yet (site.cpp is a stub)");
    RenderOptions options;
    options.site = loaded.value();
    options.postPath = dir.filePath(u"content/posts/p.md"_s);
    const ShortcodeContext context{&options, fakeMarkdownify};
    const ShortcodeExpansion x = expandShortcodes(
        u"{{< youtube abc >}} {{< param siteOnly >}} {{< relref \"nope.md\" >}} {{< relref \"about.md\" >}}"_s, context);
    QCOMPARE(x.placeholderHtml.size(), 4);
    QVERIFY(x.placeholderHtml[0].contains(u"https://www.youtube-nocookie.com/embed/abc?"_s));
    QCOMPARE(x.placeholderHtml[1], u"from the site"_s);
    QCOMPARE(x.placeholderHtml[2], u"/missing/"_s);
    const auto about = options.site.findContent(u"about.md"_s, options.postPath);
    QVERIFY(about);
    QCOMPARE(x.placeholderHtml[3], options.site.permalinkPath(*about, Value()));
    QCOMPARE(places(x.diagnostics), QStringList{u"warning 1:44"_s});
}

void TestShortcodes::placeholderTokenIsLettersAndDigits()
{
    static const QRegularExpression lettersAndDigits(u"^[A-Za-z0-9]+$"_s);
    for (const qsizetype i : {qsizetype(0), qsizetype(7), qsizetype(12345)})
        QVERIFY(lettersAndDigits.match(placeholderToken(i)).hasMatch());
    // No token is a prefix of another, so "…1X" never matches inside "…12X".
    QVERIFY(!placeholderToken(12).contains(placeholderToken(1)));
}

void TestShortcodes::survivesGarbage()
{
    // Random mixes of shortcode syntax: never crash, keep one source line per Markdown line,
    // non-decreasing, and a placeholder for every HTML entry.
    const QStringList pieces = {u"{{<"_s, u"{{%"_s, u">}}"_s, u"%}}"_s, u"/"_s, u"/*"_s, u"*/"_s, u"\""_s, u"`"_s,
                                u"\\"_s, u"="_s, u" "_s, u"\n"_s, u"\r\n"_s, u"\t"_s, u"a"_s, u"x"_s, u"youtube"_s,
                                u"highlight"_s, u"figure"_s, u"param"_s, u"details"_s, u".inline"_s, u"{{"_s,
                                u"}}"_s, u"中"_s, u"😀"_s, u"-"_s, u"."_s, u"id=1"_s, u"src=\"a b\""_s, u"<p>"_s};
    QRandomGenerator random(20250512);
    for (int round = 0; round < 3000; ++round) {
        QString body;
        const int length = random.bounded(60);
        for (int i = 0; i < length; ++i)
            body += pieces[random.bounded(int(pieces.size()))];
        const HugoVersion version = round % 2 ? HugoVersion::Current : HugoVersion::V0_111;
        const ShortcodeExpansion x = expand(body, version, {}, 1 + round % 5);
        QCOMPARE(x.sourceLines.size(), x.markdown.count(u'\n') + 1);
        QVERIFY(std::is_sorted(x.sourceLines.begin(), x.sourceLines.end()));
        QVERIFY(x.sourceLines.first() == 1 + round % 5);
        for (qsizetype i = 0; i < x.placeholderHtml.size(); ++i)
            QVERIFY2(x.markdown.contains(placeholderToken(i)), qPrintable(body));
        (void)scanShortcodes(body);
    }
}

void TestShortcodes::staysFastOnPathologicalInput_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("many openers") << u"{{<"_s.repeated(300000);
    QTest::newRow("many escape openers") << u"{{</*"_s.repeated(200000);
    QTest::newRow("many raw strings") << u"{{< x `"_s.repeated(100000);
    QTest::newRow("many quotes") << u"{{< x \""_s.repeated(100000);
    QTest::newRow("deep nesting") << u"{{< a >}}"_s.repeated(20000) + u"{{< /a >}}"_s.repeated(20000);
    QTest::newRow("deep nesting, mixed names")
        << (u"{{< a >}}{{% b %}}"_s.repeated(5000) + u"{{% /b %}}{{< /a >}}"_s.repeated(5000));
    QTest::newRow("many unpaired on one line") << u"{{% a %}}"_s.repeated(100000);
    QTest::newRow("many stray closing tags") << u"{{< a >}}"_s.repeated(50000) + u"{{< /b >}}"_s.repeated(50000);
    QTest::newRow("long unclosed call") << u"{{< x "_s + u"a "_s.repeated(500000);
}

void TestShortcodes::staysFastOnPathologicalInput()
{
    QFETCH(QString, body);
    QElapsedTimer timer;
    timer.start();
    const ShortcodeExpansion x = expand(body);
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(x.sourceLines.size(), x.markdown.count(u'\n') + 1);
    QVERIFY(x.diagnostics.size() <= 501);
}

QTEST_GUILESS_MAIN(TestShortcodes)
#include "tst_shortcodes.moc"
