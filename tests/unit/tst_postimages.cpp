// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/postfile.h"
#include "images/imageedits.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"
#include "render/shortcodes.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

using Kind = PostImage::Kind;
using Caption = PostImage::CaptionSource;

Q_DECLARE_METATYPE(PostImage::Kind)
Q_DECLARE_METATYPE(PostImage::CaptionSource)

namespace {

const QString kSamplePost = u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;

QString textAt(const QString &body, const TextRange &range)
{
    return range.isNull() ? u"<null>"_s : body.mid(range.start, range.length);
}

QString applied(const QString &body, const Result<TextEdit> &edit)
{
    if (!edit.ok())
        qWarning("edit refused: %s", qPrintable(edit.error().message));
    return edit.ok() ? edit.value().applied(body) : QString();
}

// Decodes HTML character references once (so "&amp;amp;" reads "&amp;").
QString decodeHtml(const QString &html)
{
    static const QRegularExpression ref(u"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);"_s);
    static const QHash<QString, QString> named{{u"amp"_s, u"&"_s}, {u"lt"_s, u"<"_s}, {u"gt"_s, u">"_s},
                                               {u"quot"_s, u"\""_s}, {u"apos"_s, u"'"_s}};
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).sliced(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name.startsWith(u'#')) {
            const bool hex = name.size() > 1 && (name[1] == u'x' || name[1] == u'X');
            const char32_t c = name.mid(hex ? 2 : 1).toUInt(nullptr, hex ? 16 : 10);
            out += QString::fromUcs4(&c, 1);
        } else {
            out += named.value(name, m.captured(0));
        }
        last = m.capturedEnd();
    }
    return out + QStringView(html).sliced(last);
}

// The decoded alt attribute of the <img> whose src is `src`, or a null string.
QString altOf(const QString &html, const QString &src)
{
    const QRegularExpression re(u"<img src=\""_s + QRegularExpression::escape(src) + u"\"\\s+alt=\"([^\"]*)\""_s);
    const QRegularExpressionMatch m = re.match(html);
    return m.hasMatch() ? decodeHtml(m.captured(1)) : QString();
}

// The HTML between two marker paragraphs, trimmed.
QString between(const QString &html, const QString &from, const QString &to)
{
    const qsizetype a = html.indexOf(u"<p>"_s + from + u"</p>"_s);
    const qsizetype b = html.indexOf(u"<p>"_s + to + u"</p>"_s);
    if (a < 0 || b < a)
        return u"<markers not found>"_s;
    const qsizetype start = a + from.size() + 7;
    return html.mid(start, b - start).trimmed();
}

QString render(const QString &body)
{
    return MarkdownRenderer().render(body, RenderOptions()).html;
}

/// Builds `body` as a post of a minimal Hugo site with the real hugo; the page's HTML, or a
/// null string with `why` set. `missing` says whether hugo is not installed at all.
QString hugoRender(const QString &body, QString *why, bool *missing)
{
    const QString hugo = QStandardPaths::findExecutable(u"hugo"_s);
    *missing = hugo.isEmpty();
    if (hugo.isEmpty()) {
        *why = u"hugo is not installed (CI installs Hugo 0.111.3; these rows run there)"_s;
        return {};
    }
    QTemporaryDir dir;
    const auto write = [&](const QString &path, const QString &text) {
        QDir().mkpath(QFileInfo(dir.filePath(path)).absolutePath());
        QFile f(dir.filePath(path));
        return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
    };
    write(u"hugo.toml"_s, u"baseURL = \"https://example.org/\"\n"
                          "disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\", \"home\", \"section\"]\n"_s);
    write(u"layouts/_default/single.html"_s, u"{{ .Content }}"_s);
    write(u"content/posts/x.md"_s, u"---\ntitle: x\n---\n\n"_s + body);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(hugo, {u"--quiet"_s, u"--source"_s, dir.path()});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *why = u"hugo failed: "_s + QString::fromUtf8(p.readAll());
        return {};
    }
    QFile out(dir.filePath(u"public/posts/x/index.html"_s));
    if (!out.open(QIODevice::ReadOnly)) {
        *why = u"hugo wrote no page"_s;
        return {};
    }
    return QString::fromUtf8(out.readAll());
}

// Alt texts as a writer types them; each must come out of Hugo exactly so.
QStringList typedAltTexts()
{
    return {u"a ] b"_s, u"a [ b"_s, u"[x] and [y](z)"_s, u"*not em* and **not strong**"_s, u"_not em_"_s,
            u"snake_case_name 中_文"_s, u"back`tick and ``two``"_s, u"C:\\path\\ and a \\* b\\"_s,
            u"<b>tag</b> & <https://x.org>"_s, u"&amp; literally, &#42; and AT&T"_s,
            u"He said \"hi\" and 'yo'"_s, u"It's a \"quote\""_s, u"「」，。！？（）"_s,
            u"中文「引號」與 \"quotes\""_s, u"a -- b --- c ... d << e >> f - g"_s, u"{{< not a shortcode >}}"_s,
            u"~~strike~~ ~x~"_s, u"![nested](x.jpg)"_s, u"all `\"'[]*_\\<&amp; at once"_s, u"100% & 50$ | pipe"_s};
}

QStringList typedArguments()
{
    return {u"plain"_s, u"with \"double\" quotes"_s, u"with 'single' quotes"_s, u"back`tick"_s,
            u"back\\slash and ends with \\"_s, u"a \"b\" `c`"_s, u"<b>&amp;</b> [x] *y* _z_"_s,
            u"「」，。！？（）"_s, u"raw \"q\" \\n"_s, u"{{< not a shortcode >}} {{% nor this %}}"_s};
}

struct CaptionRow {
    QString typed;
    QString html; // the paragraph's inner HTML as Hugo writes it (hand-written)
};
QList<CaptionRow> typedCaptions()
{
    return {{u"# not a heading"_s, u"# not a heading"_s},         {u"- not a list"_s, u"- not a list"_s},
            {u"+ not a list"_s, u"+ not a list"_s},               {u"* not a list"_s, u"* not a list"_s},
            {u"> not a quote"_s, u"&gt; not a quote"_s},          {u"1. not a list"_s, u"1. not a list"_s},
            {u"2) not a list"_s, u"2) not a list"_s},             {u"---"_s, u"---"_s},
            {u"***"_s, u"***"_s},                                  {u"==="_s, u"==="_s},
            {u"```not a fence"_s, u"```not a fence"_s},           {u"~~~ nope"_s, u"~~~ nope"_s},
            {u"| a | b |"_s, u"| a | b |"_s},                     {u": not a definition"_s, u": not a definition"_s},
            {u"[x]: /not-a-definition"_s, u"[x]: /not-a-definition"_s}, {u"<div> x"_s, u"&lt;div&gt; x"_s},
            {u"    four spaces"_s, u"four spaces"_s},             {u"line one\nline two"_s, u"line one line two"_s},
            {u"By *me*, see [site](https://e.org)"_s, u"By <em>me</em>, see <a href=\"https://e.org\">site</a>"_s},
            {u"「」，。！？（） a ] b [ c \\*x\\*"_s, u"「」，。！？（） a ] b [ c *x*"_s}};
}

} // namespace

class TestPostImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplePost();
    void kinds_data();
    void kinds();
    void notImages_data();
    void notImages();
    void figures_data();
    void figures();
    void captions_data();
    void captions();
    void status();
    void fileLinesAndColumns();
    void crlfBody();
    void largeBodyStaysLinear();
    void altTextRoundTrips();
    void shortcodeArgumentsRoundTrip();
    void captionParagraphsRoundTrip();
    void hugoRendersAltAsTyped();
    void hugoReadsShortcodeArguments();
    void hugoRendersCaptionsAsTyped();
    void setCaptionChangesOnlyTheCaption();
    void setAlt_data();
    void setAlt();
    void setUrl_data();
    void setUrl();
    void setCaption_data();
    void setCaption();
    void separateMergedCaption_data();
    void separateMergedCaption();
    void figureRoundTrip_data();
    void figureRoundTrip();
    void convertLinkedImage();
    void refusals_data();
    void refusals();
};

void TestPostImages::samplePost()
{
    const QString path = QStringLiteral(FRONTMARK_SOURCE_DIR) + kSamplePost;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList fileLines = QString::fromUtf8(file.readAll()).split(u'\n');
    const qsizetype closing = fileLines.indexOf(u"---"_s, 1); // the front matter's closing line
    QVERIFY(closing > 0);
    const Result<PostFile> post = PostFile::load(path);
    QVERIFY(post.ok());
    QCOMPARE(post.value().bodyFirstLine(), int(closing) + 2);
    const Result<Site> site = Site::load(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s);
    QVERIFY(site.ok());
    RenderOptions options;
    options.site = site.value();
    options.postPath = path;
    options.bodyFirstLine = post.value().bodyFirstLine();
    const QString body = post.value().bodyText();

    const QList<PostImage> images = findImages(body, options);
    const QStringList urls{u"/images/posts/20250602-3fa91c2e.jpg"_s, u"/images/posts/20250602-8c41d7a0.jpg"_s,
                           u"/images/posts/20250602-5e07b9d3.jpg"_s, u"/images/posts/20250602-d2a6f418.jpg"_s};
    const QStringList captions{QString(), u"無塵室的空調與排氣系統必須全年無休"_s, u"輸電線路是電網最容易被忽略的環節"_s,
                               u"冰水主機與廢熱回收是節能改造的重點"_s};
    QCOMPARE(images.size(), 4);
    for (qsizetype i = 0; i < images.size(); ++i) {
        const PostImage &image = images[i];
        QCOMPARE(image.kind, Kind::Inline);
        QCOMPARE(image.url, urls[i]);
        QCOMPARE(image.status, PostImage::Status::Found);
        QVERIFY(image.filePath.endsWith(u"/static"_s + urls[i]));
        QVERIFY(image.imageOnly);
        const qsizetype fileLine = fileLines.indexOf(u"!["_s + image.alt + u"]("_s + urls[i] + u')') + 1;
        QCOMPARE(image.line, int(fileLine));
        QCOMPARE(image.column, 1);
        QCOMPARE(image.caption, captions[i]);
        QCOMPARE(image.captionSource, i == 0 ? Caption::None : Caption::Paragraph);
        if (i > 0) {
            QCOMPARE(textAt(body, image.captionRange), captions[i]);
            QCOMPARE(fileLines.value(fileLine + 1), captions[i]); // two lines below the image
        }
    }
    // The paragraph after the cover image is body text: one line of 158 CJK characters (316
    // columns, past a caption's 300), so no caption.
    QCOMPARE(images[0].alt, u"封面圖"_s);
    QCOMPARE(fileLines.value(images[0].line), QString());
    QCOMPARE(fileLines.value(images[0].line + 1).size(), 158);
    QCOMPARE(textAt(body, images[0].block), images[0].sourceText);
}

void TestPostImages::kinds_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("index");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("alt");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("urlText");
    QTest::addColumn<QString>("altText");

    QTest::newRow("inline") << u"Intro ![a](/x.jpg) text"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"a"_s << QString()
                            << u"![a](/x.jpg)"_s << u"/x.jpg"_s << u"a"_s;
    QTest::newRow("inline, title, emphasis") << u"![a *b*](/x.jpg \"T\")"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"a b"_s
                                             << u"T"_s << u"![a *b*](/x.jpg \"T\")"_s << u"/x.jpg"_s << u"a *b*"_s;
    QTest::newRow("angle destination") << u"![a](</my pic.jpg>)"_s << 0 << Kind::Inline << u"/my pic.jpg"_s << u"a"_s
                                       << QString() << u"![a](</my pic.jpg>)"_s << u"/my pic.jpg"_s << u"a"_s;
    QTest::newRow("escaped bracket") << u"![a \\] b](/x.jpg)"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"a ] b"_s
                                     << QString() << u"![a \\] b](/x.jpg)"_s << u"/x.jpg"_s << u"a \\] b"_s;
    QTest::newRow("nested brackets") << u"![a [b] c](/x.jpg)"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"a [b] c"_s
                                     << QString() << u"![a [b] c](/x.jpg)"_s << u"/x.jpg"_s << u"a [b] c"_s;
    QTest::newRow("reference, full") << u"![alt][Ref]\n\n[ref]: /r.jpg \"RT\"\n"_s << 0 << Kind::Reference << u"/r.jpg"_s
                                     << u"alt"_s << u"RT"_s << u"![alt][Ref]"_s << u"/r.jpg"_s << u"alt"_s;
    QTest::newRow("reference, collapsed") << u"![Logo][]\n\n[logo]: /l.png\n"_s << 0 << Kind::Reference << u"/l.png"_s
                                          << u"Logo"_s << QString() << u"![Logo][]"_s << u"/l.png"_s << u"Logo"_s;
    QTest::newRow("reference, shortcut") << u"See ![the  Logo] here.\n\n> [THE logo]: </l 2.png>\n"_s << 0 << Kind::Reference
                                         << u"/l 2.png"_s << u"the  Logo"_s << QString() << u"![the  Logo]"_s
                                         << u"/l 2.png"_s << u"the  Logo"_s;
    QTest::newRow("linked") << u"[![a](/x.jpg)](https://example.org)"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"a"_s
                            << QString() << u"![a](/x.jpg)"_s << u"/x.jpg"_s << u"a"_s;
    QTest::newRow("list item") << u"- one\n- ![li](/li.jpg)\n"_s << 0 << Kind::Inline << u"/li.jpg"_s << u"li"_s
                               << QString() << u"![li](/li.jpg)"_s << u"/li.jpg"_s << u"li"_s;
    QTest::newRow("list continuation") << u"- one\n     ![li](/li.jpg) ![l2](/l2.jpg)\n"_s << 1 << Kind::Inline
                                       << u"/l2.jpg"_s << u"l2"_s << QString() << u"![l2](/l2.jpg)"_s << u"/l2.jpg"_s
                                       << u"l2"_s;
    QTest::newRow("block quote continuation") << u"> quote\n>   ![q](/q.jpg)\n"_s << 0 << Kind::Inline << u"/q.jpg"_s
                                              << u"q"_s << QString() << u"![q](/q.jpg)"_s << u"/q.jpg"_s << u"q"_s;
    QTest::newRow("lazy line after tab") << u"1. x\n\n    a\n\t![t](/t.jpg)\nlazy ![z](/z.jpg)\n"_s << 1 << Kind::Inline
                                         << u"/z.jpg"_s << u"z"_s << QString() << u"![z](/z.jpg)"_s << u"/z.jpg"_s << u"z"_s;
    QTest::newRow("CJK before") << u"中文，「引號」 ![圖](/中文.jpg) 後"_s << 0 << Kind::Inline << u"/中文.jpg"_s << u"圖"_s
                                << QString() << u"![圖](/中文.jpg)"_s << u"/中文.jpg"_s << u"圖"_s;
    QTest::newRow("emoji before") << u"😀😀 ![e](/e.jpg)"_s << 0 << Kind::Inline << u"/e.jpg"_s << u"e"_s << QString()
                                  << u"![e](/e.jpg)"_s << u"/e.jpg"_s << u"e"_s;
    QTest::newRow("second on a line") << u"![a](/1.jpg) and ![b](/2.jpg)"_s << 1 << Kind::Inline << u"/2.jpg"_s << u"b"_s
                                      << QString() << u"![b](/2.jpg)"_s << u"/2.jpg"_s << u"b"_s;
    QTest::newRow("multi-line title") << u"text\n![a](/x.jpg\n\"long\ntitle\") end"_s << 0 << Kind::Inline << u"/x.jpg"_s
                                      << u"a"_s << u"long\ntitle"_s << u"![a](/x.jpg\n\"long\ntitle\")"_s << u"/x.jpg"_s
                                      << u"a"_s;
    QTest::newRow("table cell") << u"| a | b |\n|---|---|\n| ![t](/t.jpg) | x |\n"_s << 0 << Kind::Inline << u"/t.jpg"_s
                                << u"t"_s << QString() << u"![t](/t.jpg)"_s << u"/t.jpg"_s << u"t"_s;
    QTest::newRow("heading") << u"# Title ![h](/h.jpg)\n"_s << 0 << Kind::Inline << u"/h.jpg"_s << u"h"_s << QString()
                             << u"![h](/h.jpg)"_s << u"/h.jpg"_s << u"h"_s;
    QTest::newRow("after a code span") << u"`![x](/x.jpg)` ![y](/x.jpg)"_s << 0 << Kind::Inline << u"/x.jpg"_s << u"y"_s
                                       << QString() << u"![y](/x.jpg)"_s << u"/x.jpg"_s << u"y"_s;
}

void TestPostImages::kinds()
{
    QFETCH(QString, body);
    QFETCH(int, index);
    QFETCH(Kind, kind);
    QFETCH(QString, url);
    QFETCH(QString, alt);
    QFETCH(QString, title);
    QFETCH(QString, source);
    QFETCH(QString, urlText);
    QFETCH(QString, altText);
    const QList<PostImage> images = findImages(body, RenderOptions());
    QCOMPARE(images.size(), index + 1);
    const PostImage &image = images[index];
    QCOMPARE(image.kind, kind);
    QCOMPARE(image.url, url);
    QCOMPARE(image.alt, alt);
    QCOMPARE(image.title, title);
    QCOMPARE(image.sourceText, source);
    QCOMPARE(textAt(body, image.source), source);
    QCOMPARE(textAt(body, image.urlRange), urlText);
    QCOMPARE(textAt(body, image.altRange), altText);
}

void TestPostImages::notImages_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("urls"); // what is found, in order

    QTest::newRow("code fence") << u"```\n![a](/x.jpg)\n```\n"_s << QStringList();
    QTest::newRow("indented code") << u"Text\n\n    ![a](/x.jpg)\n"_s << QStringList();
    QTest::newRow("code span") << u"Use `![a](/x.jpg)` to add one."_s << QStringList();
    QTest::newRow("escaped") << u"\\![a](/x.jpg)"_s << QStringList();
    QTest::newRow("HTML comment") << u"<!--\n![a](/x.jpg)\n-->\n"_s << QStringList();
    QTest::newRow("in a figure's caption") << u"{{< figure src=\"/f.jpg\" caption=\"![x](/y.jpg)\" >}}\n"_s
                                           << QStringList{u"/f.jpg"_s};
    QTest::newRow("in highlighted code") << u"{{< highlight md >}}\n![a](/x.jpg)\n{{< /highlight >}}\n"_s << QStringList();
    QTest::newRow("escaped figure") << u"{{</* figure src=\"/f.jpg\" */>}}\n"_s << QStringList();
    QTest::newRow("figure in a fence") << u"```\n{{< figure src=\"/f.jpg\" >}}\n```\n"_s << QStringList{u"/f.jpg"_s};
    QTest::newRow("document order") << u"![a](/1.jpg)\n\n{{< figure src=\"/2.jpg\" >}}\n\n![b](/3.jpg) {{% figure src=\"/4.jpg\" %}}"_s
                                    << QStringList{u"/1.jpg"_s, u"/2.jpg"_s, u"/3.jpg"_s, u"/4.jpg"_s};
}

void TestPostImages::notImages()
{
    QFETCH(QString, body);
    QFETCH(QStringList, urls);
    QStringList found;
    for (const PostImage &image : findImages(body, RenderOptions()))
        found.append(image.url);
    QCOMPARE(found, urls);
}

void TestPostImages::figures_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("alt");
    QTest::addColumn<QString>("altText");
    QTest::addColumn<QString>("title");
    QTest::addColumn<Caption>("captionSource");
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("captionText");

    QTest::newRow("caption, title, alt") << u"Hi\n\n{{< figure src=\"/f.jpg\" alt=\"A \\\"q\\\"\" caption=\"Cap *em*\" title=\"T\" >}}\n"_s
                                         << u"A \"q\""_s << u"A \\\"q\\\""_s << u"T"_s << Caption::FigureCaption
                                         << u"Cap *em*"_s << u"Cap *em*"_s;
    QTest::newRow("title only") << u"{{< figure title=\"Only T\" src=\"/f.jpg\" />}}"_s << QString() << u"<null>"_s
                                << u"Only T"_s << Caption::FigureTitle << u"Only T"_s << u"Only T"_s;
    QTest::newRow("raw strings") << u"{{% figure src=`/f.jpg` alt=`raw \"x\" \\y` caption=`c` %}}"_s << u"raw \"x\" \\y"_s
                                 << u"raw \"x\" \\y"_s << QString() << Caption::FigureCaption << u"c"_s << u"c"_s;
    QTest::newRow("nothing") << u"{{< figure src=/f.jpg >}}"_s << QString() << u"<null>"_s << QString() << Caption::None
                             << QString() << u"<null>"_s;
}

void TestPostImages::figures()
{
    QFETCH(QString, body);
    QFETCH(QString, alt);
    QFETCH(QString, altText);
    QFETCH(QString, title);
    QFETCH(Caption, captionSource);
    QFETCH(QString, caption);
    QFETCH(QString, captionText);
    const QList<PostImage> images = findImages(body, RenderOptions());
    QCOMPARE(images.size(), 1);
    const PostImage &f = images[0];
    QCOMPARE(f.kind, Kind::Figure);
    QCOMPARE(f.url, u"/f.jpg"_s);
    QCOMPARE(textAt(body, f.urlRange), u"/f.jpg"_s);
    QCOMPARE(f.alt, alt);
    QCOMPARE(textAt(body, f.altRange), altText);
    QCOMPARE(f.title, title);
    QCOMPARE(f.captionSource, captionSource);
    QCOMPARE(f.caption, caption);
    QCOMPARE(textAt(body, f.captionRange), captionText);
    QVERIFY(f.imageOnly);
    QCOMPARE(f.block, f.source);
    QVERIFY(f.sourceText.startsWith(u"{{"_s));
    QVERIFY(f.sourceText.endsWith(u"}}"_s));
    QCOMPARE(f.sourceText.count(u"}}"_s), 1);
}

void TestPostImages::captions_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<Caption>("captionSource");
    QTest::addColumn<QString>("caption");
    QTest::addColumn<bool>("imageOnly");
    QTest::addColumn<QString>("block");

    const QString img = u"![a](/x.jpg)"_s;
    QTest::newRow("paragraph") << img + u"\n\nA caption  \n\nBody.\n"_s << Caption::Paragraph << u"A caption"_s << true
                               << img + u"\n\nA caption"_s;
    QTest::newRow("paragraph with markup") << img + u"\n\nBy *me*, see [site](https://e.org)\n"_s << Caption::Paragraph
                                           << u"By *me*, see [site](https://e.org)"_s << true
                                           << img + u"\n\nBy *me*, see [site](https://e.org)"_s;
    QTest::newRow("300 columns") << img + u"\n\n"_s + QString(150, u'字') << Caption::Paragraph << QString(150, u'字')
                                 << true << img + u"\n\n"_s + QString(150, u'字');
    QTest::newRow("301 columns") << img + u"\n\n"_s + QString(150, u'字') + u'.' << Caption::None << QString() << true << img;
    QTest::newRow("300 letters") << img + u"\n\n"_s + QString(300, u'a') << Caption::Paragraph << QString(300, u'a')
                                 << true << img + u"\n\n"_s + QString(300, u'a');
    QTest::newRow("301 letters") << img + u"\n\n"_s + QString(301, u'a') << Caption::None << QString() << true << img;
    QTest::newRow("two lines") << img + u"\n\nLine one\nline two\n"_s << Caption::None << QString() << true << img;
    QTest::newRow("heading next") << img + u"\n\n## Heading\n"_s << Caption::None << QString() << true << img;
    QTest::newRow("raw HTML next") << img + u"\n\nA <b>bold</b> one\n"_s << Caption::None << QString() << true << img;
    QTest::newRow("shortcode next") << img + u"\n\n{{< youtube x >}}\n"_s << Caption::None << QString() << true << img;
    // A line ending in a colon introduces what follows ("Or:", "或者："), it does not describe the image.
    QTest::newRow("ends with a colon") << img + u"\n\nOr:\n\n```\ncode\n```\n"_s << Caption::None << QString() << true << img;
    QTest::newRow("ends with a CJK colon") << img + u"\n\n或者：\n"_s << Caption::None << QString() << true << img;
    QTest::newRow("colon inside") << img + u"\n\n圖：台電\n"_s << Caption::Paragraph << u"圖：台電"_s << true
                                  << img + u"\n\n圖：台電"_s;
    QTest::newRow("merged") << img + u"\nThe caption\n\nBody"_s << Caption::MergedLine << u"The caption"_s << true
                            << img + u"\nThe caption"_s;
    QTest::newRow("merged, two lines") << img + u"\nLine one\nline two\n"_s << Caption::None << QString() << false << u"<null>"_s;
    QTest::newRow("text first") << u"See "_s + img + u"\n\nNot a caption\n"_s << Caption::None << QString() << false
                                << u"<null>"_s;
    QTest::newRow("title") << u"Text ![a](/x.jpg \"The title\") more\n"_s << Caption::Title << u"The title"_s << false
                           << u"<null>"_s;
    QTest::newRow("linked") << u"[![a](/x.jpg)](/big.jpg)\n\nCap\n"_s << Caption::Paragraph << u"Cap"_s << true
                            << u"[![a](/x.jpg)](/big.jpg)\n\nCap"_s;
    QTest::newRow("block quote") << u"> "_s + img + u"\n>\n> Quoted cap\n"_s << Caption::Paragraph << u"Quoted cap"_s
                                 << true << img + u"\n>\n> Quoted cap"_s;
    QTest::newRow("list item") << u"- "_s + img + u"\n\n  Item cap\n"_s << Caption::Paragraph << u"Item cap"_s << true
                               << img + u"\n\n  Item cap"_s;
}

void TestPostImages::captions()
{
    QFETCH(QString, body);
    QFETCH(Caption, captionSource);
    QFETCH(QString, caption);
    QFETCH(bool, imageOnly);
    QFETCH(QString, block);
    const QList<PostImage> images = findImages(body, RenderOptions());
    QVERIFY(!images.isEmpty());
    const PostImage &image = images[0];
    QCOMPARE(image.captionSource, captionSource);
    QCOMPARE(image.caption, caption);
    QCOMPARE(image.imageOnly, imageOnly);
    QCOMPARE(image.mergedCaption, captionSource == Caption::MergedLine);
    QCOMPARE(textAt(body, image.block), block);
    QCOMPARE(textAt(body, image.captionRange), caption.isEmpty() ? u"<null>"_s : caption);
}

void TestPostImages::status()
{
    const Result<Site> site = Site::load(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s);
    QVERIFY(site.ok());
    RenderOptions options;
    options.site = site.value();
    options.postPath = site.value().contentDir() + u"/posts/new.md"_s;
    const QString body = u"![r](https://example.org/x.jpg) ![p](//cdn.example.org/x.jpg) ![m](/nope.jpg) "
                         "![f](/images/posts/20250602-3fa91c2e.jpg)"_s;
    const QList<PostImage> images = findImages(body, options);
    QCOMPARE(images.size(), 4);
    QCOMPARE(images[0].status, PostImage::Status::Remote);
    QCOMPARE(images[1].status, PostImage::Status::Remote);
    QCOMPARE(images[2].status, PostImage::Status::Missing);
    QVERIFY(images[2].filePath.isEmpty());
    QCOMPARE(images[3].status, PostImage::Status::Found);
    QVERIFY(QFileInfo::exists(images[3].filePath));
    QCOMPARE(statusName(PostImage::Status::Remote), u"remote"_s);
}

void TestPostImages::fileLinesAndColumns()
{
    RenderOptions options;
    options.bodyFirstLine = 11;
    const QString body = u"First\n\n> 中文😀 ![a](/a.jpg)\n\n  {{< figure src=\"/b.jpg\" >}}\n"_s;
    const QList<PostImage> images = findImages(body, options);
    QCOMPARE(images.size(), 2);
    QCOMPARE(images[0].line, 13);
    QCOMPARE(images[0].column, 7); // "> 中文😀 " is six characters
    QCOMPARE(images[1].line, 15);
    QCOMPARE(images[1].column, 3);
}

void TestPostImages::crlfBody()
{
    const QString body = u"Intro\r\n\r\n![a](/a.jpg)\r\n\r\nCap\r\n\r\n![b](/b.jpg)\r\nMerged\r\n"_s;
    const QList<PostImage> images = findImages(body, RenderOptions());
    QCOMPARE(images.size(), 2);
    QCOMPARE(images[0].caption, u"Cap"_s);
    QCOMPARE(images[0].captionSource, Caption::Paragraph);
    QCOMPARE(images[1].caption, u"Merged"_s);
    QCOMPARE(images[1].line, 7);
}

void TestPostImages::largeBodyStaysLinear()
{
    // 20,000 images on one 400 kB line, then 2 MB of paragraphs with an image each: a scan
    // that rescans the line or the body per image would take minutes.
    QString body;
    for (int i = 0; i < 20000; ++i)
        body += u"中 ![a](/i.jpg) "_s;
    body += u"\n\n"_s;
    int paragraphs = 0;
    while (body.size() < 1000000) {
        body += u"> 段落文字 *強調* 與 `code` ![圖](/p.jpg)\n> 第二行 ![二](/q.jpg)\n\n標題\n\n"_s;
        ++paragraphs;
    }
    QElapsedTimer timer;
    timer.start();
    const QList<PostImage> images = findImages(body, RenderOptions());
    const qint64 ms = timer.elapsed();
    // The first kMaxImages of the 20000 + 2 * paragraphs are listed (issue #21), all on the
    // long line: the scan still walks all of it and the whole body.
    QVERIFY(20000 + 2 * paragraphs > kMaxImages);
    QCOMPARE(images.size(), kMaxImages);
    QCOMPARE(images.last().sourceText, u"![a](/i.jpg)"_s);
    QCOMPARE(images.last().column, int(kMaxImages - 1) * 15 + 3);
    QVERIFY2(ms < 20000, qPrintable(u"took %1 ms"_s.arg(ms)));
}

void TestPostImages::altTextRoundTrips()
{
    for (const QString &typed : typedAltTexts()) {
        const QString body = u"Text ![x](/a.jpg) more"_s;
        const PostImage image = findImages(body, RenderOptions()).value(0);
        const QString after = applied(body, imageedits::setAlt(body, image, typed));
        const QList<PostImage> images = findImages(after, RenderOptions());
        QVERIFY2(images.size() == 1, qPrintable(after));
        QCOMPARE(images[0].alt, typed);
        QCOMPARE(altOf(render(after), u"/a.jpg"_s), typed); // the preview agrees
    }
}

void TestPostImages::shortcodeArgumentsRoundTrip()
{
    for (const QString &typed : typedArguments()) {
        const QString quoted = imageedits::quoteShortcodeArgument(typed);
        const QString body = u"{{< figure src=\"/a.jpg\" alt="_s + quoted + u" >}}"_s;
        const QList<ShortcodeCall> calls = scanShortcodes(body);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls[0].get(u"alt"), typed); // the renderer's own lexer reads it back
        QCOMPARE(findImages(body, RenderOptions()).value(0).alt, typed);
    }
    QCOMPARE(imageedits::quoteShortcodeArgument(u"plain"), u"\"plain\""_s);
    QCOMPARE(imageedits::quoteShortcodeArgument(u"a \"b\""), u"`a \"b\"`"_s);
    QCOMPARE(imageedits::quoteShortcodeArgument(u"a \"b\" `c`"), u"\"a \\\"b\\\" `c`\""_s);
}

void TestPostImages::captionParagraphsRoundTrip()
{
    QString body;
    const QList<CaptionRow> rows = typedCaptions();
    for (qsizetype i = 0; i < rows.size(); ++i)
        body += u"Row%1\n\n"_s.arg(i) + imageedits::escapeCaptionParagraph(rows[i].typed) + u"\n\n"_s;
    body += u"Row%1\n"_s.arg(rows.size());
    const QString html = render(body);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString got = between(html, u"Row%1"_s.arg(i), u"Row%1"_s.arg(i + 1));
        QCOMPARE(decodeHtml(got), decodeHtml(u"<p>"_s + rows[i].html + u"</p>"_s));
    }
}

void TestPostImages::hugoRendersAltAsTyped()
{
    const QStringList typed = typedAltTexts();
    QString body;
    for (qsizetype i = 0; i < typed.size(); ++i) {
        body += u"![%1](/alt-%2.jpg)\n\n"_s.arg(imageedits::escapeAltText(typed[i])).arg(i);
        body += u"![t](/title-%1.jpg %2)\n\n"_s.arg(i).arg(imageedits::quoteLinkTitle(typed[i]));
    }
    QString why;
    bool missing = false;
    const QString html = hugoRender(body, &why, &missing);
    if (missing)
        QSKIP(qPrintable(why));
    QVERIFY2(!html.isNull(), qPrintable(why));
    const QString ours = render(body);
    static const QRegularExpression title(u"title=\"([^\"]*)\""_s);
    for (qsizetype i = 0; i < typed.size(); ++i) {
        QCOMPARE(altOf(html, u"/alt-%1.jpg"_s.arg(i)), typed[i]);
        const QString tag = u"<img src=\"/title-%1.jpg\""_s.arg(i);
        QCOMPARE(decodeHtml(title.match(html, html.indexOf(tag)).captured(1)), typed[i]);
        QCOMPARE(decodeHtml(title.match(ours, ours.indexOf(tag)).captured(1)), typed[i]);
    }
}

void TestPostImages::hugoReadsShortcodeArguments()
{
    const QStringList typed = typedArguments();
    QString body;
    for (qsizetype i = 0; i < typed.size(); ++i)
        body += u"{{< figure src=\"/arg-%1.jpg\" alt=%2 >}}\n\n"_s.arg(i).arg(imageedits::quoteShortcodeArgument(typed[i]));
    QString why;
    bool missing = false;
    const QString html = hugoRender(body, &why, &missing);
    if (missing)
        QSKIP(qPrintable(why));
    QVERIFY2(!html.isNull(), qPrintable(why));
    for (qsizetype i = 0; i < typed.size(); ++i)
        QCOMPARE(altOf(html, u"/arg-%1.jpg"_s.arg(i)), typed[i]);
}

void TestPostImages::hugoRendersCaptionsAsTyped()
{
    // Paragraph captions, merged caption lines and figure captions, each as the typed text.
    const QList<CaptionRow> rows = typedCaptions();
    QString body;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString caption = imageedits::escapeCaptionParagraph(rows[i].typed);
        body += u"Row%1\n\n%2\n\n![](/m-%1.jpg)\n%2\n\n{{< figure src=\"/fc-%1.jpg\" caption=%3 >}}\n\n"_s.arg(i).arg(
            caption, imageedits::quoteShortcodeArgument(caption));
    }
    body += u"Row%1\n"_s.arg(rows.size());
    QString why;
    bool missing = false;
    const QString html = hugoRender(body, &why, &missing);
    if (missing)
        QSKIP(qPrintable(why));
    QVERIFY2(!html.isNull(), qPrintable(why));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString part = decodeHtml(between(html, u"Row%1"_s.arg(i), u"Row%1"_s.arg(i + 1)));
        const QString expected = decodeHtml(rows[i].html);
        QVERIFY2(part.startsWith(u"<p>"_s + expected + u"</p>\n<p><img src=\"/m-%1.jpg\" alt=\"\">\n"_s.arg(i) + expected
                                 + u"</p>"_s),
                 qPrintable(rows[i].typed + u" → "_s + part));
        QVERIFY2(part.contains(u"<figcaption>\n            <p>"_s + expected + u"</p>"_s),
                 qPrintable(rows[i].typed + u" → "_s + part));
    }
}

void TestPostImages::setCaptionChangesOnlyTheCaption()
{
    const QString path = QStringLiteral(FRONTMARK_SOURCE_DIR) + kSamplePost;
    const Result<PostFile> post = PostFile::load(path);
    QVERIFY(post.ok());
    const QString body = post.value().bodyText();
    const QList<PostImage> before = findImages(body, RenderOptions());
    QCOMPARE(before.size(), 4);
    const PostImage &image = before[2];
    const Result<TextEdit> edit = imageedits::setCaption(body, image, u"新的圖說 *強調*"_s);
    QVERIFY(edit.ok());
    QCOMPARE(edit.value().range, image.captionRange);
    const QString after = edit.value().applied(body);
    // Only the caption's characters differ.
    QCOMPARE(after.left(image.captionRange.start), body.left(image.captionRange.start));
    QCOMPARE(after.mid(after.size() - (body.size() - image.captionRange.end())), body.mid(image.captionRange.end()));
    QCOMPARE(after.mid(image.captionRange.start, after.size() - body.size() + image.captionRange.length),
             u"新的圖說 *強調*"_s);
    const QList<PostImage> images = findImages(after, RenderOptions());
    QCOMPARE(images.size(), 4);
    QCOMPARE(images[2].caption, u"新的圖說 *強調*"_s);
    QCOMPARE(images[2].captionSource, Caption::Paragraph);
    QCOMPARE(images[3].caption, before[3].caption);
}

void TestPostImages::setAlt_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("alt");
    QTest::addColumn<QString>("expected"); // the body after the edit

    QTest::newRow("inline") << u"A ![old](/x.jpg) b"_s << u"new [1]"_s << u"A ![new `[`1`]`](/x.jpg) b"_s;
    QTest::newRow("reference, full") << u"![old][r]\n\n[r]: /x.jpg\n"_s << u"new"_s << u"![new][r]\n\n[r]: /x.jpg\n"_s;
    QTest::newRow("reference, collapsed") << u"![Logo][]\n\n[logo]: /x.jpg\n"_s << u"A \"logo\""_s
                                          << u"![A `\"`logo`\"`][Logo]\n\n[logo]: /x.jpg\n"_s;
    QTest::newRow("reference, shortcut") << u"See ![Logo].\n\n[logo]: /x.jpg\n"_s << u"new"_s
                                         << u"See ![new][Logo].\n\n[logo]: /x.jpg\n"_s;
    QTest::newRow("figure, replaced") << u"{{< figure src=\"/x.jpg\" alt=\"old\" >}}"_s << u"say \"hi\""_s
                                      << u"{{< figure src=\"/x.jpg\" alt=`say \"hi\"` >}}"_s;
    QTest::newRow("figure, added") << u"{{< figure caption=\"c\" src=\"/x.jpg\" >}}"_s << u"新"_s
                                   << u"{{< figure caption=\"c\" src=\"/x.jpg\" alt=\"新\" >}}"_s;
    QTest::newRow("figure, removed") << u"{{< figure src=\"/x.jpg\"  alt=\"old\" >}}"_s << QString()
                                     << u"{{< figure src=\"/x.jpg\" >}}"_s;
}

void TestPostImages::setAlt()
{
    QFETCH(QString, body);
    QFETCH(QString, alt);
    QFETCH(QString, expected);
    const PostImage image = findImages(body, RenderOptions()).value(0);
    const QString after = applied(body, imageedits::setAlt(body, image, alt));
    QCOMPARE(after, expected);
    const PostImage changed = findImages(after, RenderOptions()).value(0);
    QCOMPARE(changed.alt, alt);
    QCOMPARE(changed.url, u"/x.jpg"_s);
    QCOMPARE(changed.kind, image.kind);
}

void TestPostImages::setUrl_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("inline") << u"![a](/x.jpg \"t\")"_s << u"/y.png"_s << u"![a](/y.png \"t\")"_s;
    QTest::newRow("inline, needs brackets") << u"![a](/x.jpg)"_s << u"/my pic (1).png"_s << u"![a](</my pic (1).png>)"_s;
    QTest::newRow("inline, emptied, title kept") << u"![a](/x.jpg \"t\")"_s << QString() << u"![a](<> \"t\")"_s;
    QTest::newRow("inline, loses brackets") << u"![a](</x y.jpg>)"_s << u"/y.png"_s << u"![a](/y.png)"_s;
    QTest::newRow("reference") << u"![a][r]\n\n[r]: /x.jpg \"t\"\n"_s << u"/y.png"_s << u"![a][r]\n\n[r]: /y.png \"t\"\n"_s;
    QTest::newRow("figure") << u"{{< figure src=\"/x.jpg\" >}}"_s << u"/中文 圖.png"_s
                            << u"{{< figure src=\"/中文 圖.png\" >}}"_s;
}

void TestPostImages::setUrl()
{
    QFETCH(QString, body);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const PostImage image = findImages(body, RenderOptions()).value(0);
    const QString after = applied(body, imageedits::setUrl(body, image, url));
    QCOMPARE(after, expected);
    QCOMPARE(findImages(after, RenderOptions()).value(0).url, url);
}

void TestPostImages::setCaption_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<Caption>("source"); // after the edit

    const QString img = u"![a](/x.jpg)"_s;
    QTest::newRow("paragraph") << img + u"\n\nOld\n\nBody"_s << u"# New"_s << img + u"\n\n\\# New\n\nBody"_s << Caption::Paragraph;
    QTest::newRow("paragraph, removed") << u"> "_s + img + u"\n>\n> Old\n>\n> ## Body"_s << QString()
                                        << u"> "_s + img + u"\n>\n> ## Body"_s << Caption::None;
    QTest::newRow("merged") << img + u"\nOld\n"_s << u"--"_s << img + u"\n\\--\n"_s << Caption::MergedLine;
    QTest::newRow("merged, removed") << img + u"\\\nOld\n"_s << QString() << img + u"\n"_s << Caption::None;
    QTest::newRow("figure caption") << u"{{< figure src=\"/x.jpg\" caption=\"Old\" >}}"_s << u"New \"q\""_s
                                    << u"{{< figure src=\"/x.jpg\" caption=`New \"q\"` >}}"_s << Caption::FigureCaption;
    QTest::newRow("figure caption, added") << u"{{< figure src=\"/x.jpg\" >}}"_s << u"New"_s
                                           << u"{{< figure src=\"/x.jpg\" caption=\"New\" >}}"_s << Caption::FigureCaption;
    QTest::newRow("figure title") << u"{{< figure src=\"/x.jpg\" title=\"Old\" />}}"_s << u"New"_s
                                  << u"{{< figure src=\"/x.jpg\" title=\"New\" />}}"_s << Caption::FigureTitle;
    QTest::newRow("title") << u"A ![a](/x.jpg 'Old') b"_s << u"say \"hi\" \\ &amp;"_s
                           << u"A ![a](/x.jpg \"say \\\"hi\\\" \\\\ &amp;amp;\") b"_s << Caption::Title;
    QTest::newRow("title, removed") << u"A ![a](</x y.jpg> \"Old\") b"_s << QString() << u"A ![a](</x y.jpg>) b"_s
                                    << Caption::None;
    QTest::newRow("reference title") << u"A ![a][r] b\n\n[r]: /x.jpg (Old)\n"_s << u"New"_s
                                     << u"A ![a][r] b\n\n[r]: /x.jpg \"New\"\n"_s << Caption::Title;
    QTest::newRow("new paragraph") << img + u"\n\n## Body"_s << u"- Cap"_s << img + u"\n\n\\- Cap\n\n## Body"_s
                                   << Caption::Paragraph;
    QTest::newRow("new paragraph, heading after") << u"- "_s + img + u"\n  ## H"_s << u"Cap"_s
                                                  << u"- "_s + img + u"\n\n  Cap\n\n  ## H"_s << Caption::Paragraph;
    QTest::newRow("new title, in text") << u"A "_s + img + u" b"_s << u"T"_s << u"A ![a](/x.jpg \"T\") b"_s
                                        << Caption::Title;
}

void TestPostImages::setCaption()
{
    QFETCH(QString, body);
    QFETCH(QString, caption);
    QFETCH(QString, expected);
    QFETCH(Caption, source);
    const PostImage image = findImages(body, RenderOptions()).value(0);
    const QString after = applied(body, imageedits::setCaption(body, image, caption));
    QCOMPARE(after, expected);
    const PostImage changed = findImages(after, RenderOptions()).value(0);
    QCOMPARE(changed.captionSource, source);
    if (source == Caption::Title || source == Caption::FigureCaption || source == Caption::FigureTitle)
        QCOMPARE(changed.caption, caption);
    else if (source != Caption::None)
        QCOMPARE(changed.caption, imageedits::escapeCaptionParagraph(caption));
}

void TestPostImages::separateMergedCaption_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QByteArray>("blankLine");

    QTest::newRow("top level") << u"Intro\n\n![a](/x.jpg)\nThe caption\n\nBody\n"_s << "\n"_ba;
    QTest::newRow("block quote") << u"> ![a](/x.jpg)\n> The caption\n"_s << ">\n"_ba;
    QTest::newRow("list item") << u"- ![a](/x.jpg)\n  The caption\n"_s << "\n"_ba;
}

void TestPostImages::separateMergedCaption()
{
    QFETCH(QString, body);
    QFETCH(QByteArray, blankLine);
    const PostImage image = findImages(body, RenderOptions()).value(0);
    QVERIFY(image.mergedCaption);
    QCOMPARE(image.captionSource, Caption::MergedLine);
    const QString after = applied(body, imageedits::separateMergedCaption(body, image));
    const test::LineDiff diff = test::diffLines(body.toUtf8(), after.toUtf8());
    QVERIFY2(diff.removed.isEmpty(), qPrintable(diff.unified));
    QCOMPARE(diff.added, QList<QByteArray>{blankLine});
    const PostImage separated = findImages(after, RenderOptions()).value(0);
    QCOMPARE(separated.captionSource, Caption::Paragraph);
    QCOMPARE(separated.caption, u"The caption"_s);
    QVERIFY(!separated.mergedCaption);
}

void TestPostImages::figureRoundTrip_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("figure");

    QTest::newRow("caption") << u"Intro\n\n![A cat](/cat.jpg)\n\nA *sleepy* cat\n\nBody\n"_s
                             << u"{{< figure src=\"/cat.jpg\" alt=\"A cat\" caption=\"A *sleepy* cat\" >}}"_s;
    QTest::newRow("title, quotes") << u"![say `\"`hi`\"`](/cat.jpg \"T\")\n"_s
                                   << u"{{< figure src=\"/cat.jpg\" alt=`say \"hi\"` title=\"T\" >}}"_s;
    QTest::newRow("block quote") << u"> ![圖](/中文.jpg)\n>\n> 圖說\n"_s
                                 << u"{{< figure src=\"/中文.jpg\" alt=\"圖\" caption=\"圖說\" >}}"_s;
    QTest::newRow("list item, text after") << u"1. ![a](/x.jpg)\n\n   Cap\n2. next\n"_s
                                           << u"1. {{< figure src=\"/x.jpg\" alt=\"a\" caption=\"Cap\" >}}\n2. next"_s;
}

void TestPostImages::figureRoundTrip()
{
    QFETCH(QString, body);
    QFETCH(QString, figure);
    const PostImage image = findImages(body, RenderOptions()).value(0);
    const QString converted = applied(body, imageedits::convertToFigure(body, image));
    QVERIFY2(converted.contains(figure), qPrintable(converted));
    const QList<PostImage> figures = findImages(converted, RenderOptions());
    QCOMPARE(figures.size(), 1);
    QCOMPARE(figures[0].kind, Kind::Figure);
    QCOMPARE(figures[0].alt, image.alt);
    QCOMPARE(figures[0].url, image.url);
    QCOMPARE(figures[0].caption, image.caption);
    const QString back = applied(converted, imageedits::convertFromFigure(converted, figures[0]));
    QCOMPARE(back, body);
}

void TestPostImages::convertLinkedImage()
{
    const QString body = u"[![a](/x.jpg)](https://e.org/big \"t\")\n\nCap\n"_s;
    const PostImage image = findImages(body, RenderOptions()).value(0);
    QCOMPARE(image.captionSource, Caption::Paragraph);
    const QString figure = applied(body, imageedits::convertToFigure(body, image));
    QCOMPARE(figure, u"{{< figure src=\"/x.jpg\" alt=\"a\" caption=\"Cap\" link=\"https://e.org/big\" >}}\n"_s);
}

void TestPostImages::refusals_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("operation");
    QTest::addColumn<QString>("message"); // a word the sentence must contain

    QTest::newRow("to figure, in text") << u"Line\n\nSee ![a](/x.jpg) here"_s << 0 << u"shares"_s;
    QTest::newRow("from figure, width") << u"Line\n\n  {{< figure src=\"/x.jpg\" width=\"300\" >}}"_s << 1 << u"width"_s;
    QTest::newRow("from figure, positional") << u"{{< figure \"/x.jpg\" >}}"_s << 1 << u"positional"_s;
    QTest::newRow("from figure, caption in text") << u"A {{< figure src=\"/x.jpg\" caption=\"c\" >}} b"_s << 1 << u"line"_s;
    QTest::newRow("separate, nothing merged") << u"![a](/x.jpg)\n\nCap"_s << 2 << u"caption"_s;
    QTest::newRow("figure alt Hugo cannot read") << u"{{< figure src=\"/x.jpg\" >}}"_s << 3 << u"backslash"_s;
    QTest::newRow("text changed") << u"![a](/x.jpg)"_s << 4 << u"changed"_s;
    QTest::newRow("caption too long") << u"![a](/x.jpg)"_s << 5 << u"300 columns"_s;
    QTest::newRow("caption ending in a colon") << u"![a](/x.jpg)"_s << 6 << u"colon"_s;
    QTest::newRow("from figure, link") << u"{{< figure src=\"/x.jpg\" link=\"/big.jpg\" >}}"_s << 1 << u"link"_s;
}

void TestPostImages::refusals()
{
    QFETCH(QString, body);
    QFETCH(int, operation);
    QFETCH(QString, message);
    RenderOptions options;
    options.bodyFirstLine = 5;
    const PostImage image = findImages(body, options).value(0);
    QVERIFY(image.line >= 5);
    Result<TextEdit> edit = TextEdit{};
    switch (operation) {
    case 0: edit = imageedits::convertToFigure(body, image); break;
    case 1: edit = imageedits::convertFromFigure(body, image); break;
    case 2: edit = imageedits::separateMergedCaption(body, image); break;
    case 3: edit = imageedits::setAlt(body, image, u"\"`\\"_s); break;
    case 4: edit = imageedits::setAlt(QString(u"X"_s + body), image, u"b"_s); break;
    case 5: edit = imageedits::setCaption(body, image, QString(151, u'字')); break;
    default: edit = imageedits::setCaption(body, image, u"As follows:"_s); break;
    }
    QVERIFY(!edit.ok());
    QCOMPARE(edit.error().line, image.line);
    QCOMPARE(edit.error().column, image.column);
    QVERIFY2(edit.error().message.contains(message), qPrintable(edit.error().message));
    QCOMPARE(edit.error().kind, operation == 4 ? Error::Kind::Invalid : Error::Kind::Unsupported);
}

QTEST_GUILESS_MAIN(TestPostImages)
#include "tst_postimages.moc"
