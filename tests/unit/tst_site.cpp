// SPDX-License-Identifier: GPL-3.0-or-later
// Site: finding a Hugo site from a post, reading its configuration in every format Hugo
// accepts (case-insensitive keys, config/_default, themes), resolving local image URLs
// without ever leaving the site's folders, default permalinks and ref/relref lookups.
// Fixtures are small sites written into a QTemporaryDir.

#include "document/value.h"
#include "site/site.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <initializer_list>

using namespace Qt::StringLiterals;
using namespace frontmark;

Q_DECLARE_METATYPE(frontmark::Value)

namespace {

using Files = QList<std::pair<QString, QByteArray>>;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY2(QDir().mkpath(QFileInfo(path).absolutePath()), qPrintable(path));
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

void writeFiles(const QString &root, const Files &files)
{
    for (const auto &[rel, bytes] : files) {
        if (rel.endsWith(u'/'))
            QVERIFY(QDir().mkpath(root + u'/' + rel));
        else
            writeFile(root + u'/' + rel, bytes);
    }
}

Value mapOf(std::initializer_list<std::pair<QString, Value>> items)
{
    return Value::fromMap(Value::Map(items));
}

QString flag(bool b)
{
    return b ? u"true"_s : u"false"_s;
}

// One property of a loaded site, spelled as a test row expects it ("contentDir", "unsafe",
// "param:author.name", …). Paths are relative to the site root.
QString describe(const Site &site, const QString &what)
{
    const QDir root(site.root());
    if (what == u"isHugoSite"_s)
        return flag(site.isHugoSite());
    if (what == u"contentDir"_s)
        return root.relativeFilePath(site.contentDir());
    if (what == u"staticDirs"_s) {
        QStringList dirs;
        for (const QString &dir : site.staticDirs())
            dirs << root.relativeFilePath(dir);
        return dirs.join(u',');
    }
    const MarkupSettings &m = site.markup();
    if (what == u"unsafe"_s) return flag(m.unsafe);
    if (what == u"typographer"_s) return flag(m.typographer);
    if (what == u"linkify"_s) return flag(m.linkify);
    if (what == u"footnote"_s) return flag(m.footnote);
    if (what == u"definitionList"_s) return flag(m.definitionList);
    if (what == u"table"_s) return flag(m.table);
    if (what == u"strikethrough"_s) return flag(m.strikethrough);
    if (what == u"taskList"_s) return flag(m.taskList);
    if (what == u"autoHeadingID"_s) return flag(m.autoHeadingID);
    if (what == u"attributeTitle"_s) return flag(m.attributeTitle);
    if (what == u"hardWraps"_s) return flag(m.hardWraps);
    if (what == u"privacyEnhanced"_s) return flag(site.youtubePrivacyEnhanced());
    if (what == u"refNotFound"_s) return site.refLinksNotFoundUrl();
    if (what == u"configError"_s) return flag(site.configError().has_value());
    if (what.startsWith(u"param:"_s)) {
        const Value v = site.param(what.mid(6));
        return v.isNull() ? u"<null>"_s : v.toDisplayString();
    }
    return u"<unknown property "_s + what + u'>';
}

void checkProperties(const Site &site, const QStringList &expected)
{
    for (const QString &line : expected) {
        const qsizetype eq = line.indexOf(u'=');
        QVERIFY2(eq > 0, qPrintable(line));
        const QString what = line.left(eq);
        const QString actual = describe(site, what);
        QVERIFY2(actual == line.mid(eq + 1),
                 qPrintable(what + u": expected “"_s + line.mid(eq + 1) + u"”, got “"_s + actual + u'”'));
    }
}

// Hugo's defaults, as every unconfigured site must report them.
const QStringList kDefaults{
    u"contentDir=content"_s, u"staticDirs=static"_s, u"unsafe=false"_s, u"typographer=true"_s,
    u"linkify=true"_s, u"footnote=true"_s, u"definitionList=true"_s, u"table=true"_s,
    u"strikethrough=true"_s, u"taskList=true"_s, u"autoHeadingID=true"_s, u"attributeTitle=true"_s,
    u"hardWraps=false"_s, u"privacyEnhanced=false"_s, u"refNotFound="_s, u"configError=false"_s,
};

} // namespace

class TestSite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void readsConfig_data();
    void readsConfig();
    void brokenConfigKeepsDefaults_data();
    void brokenConfigKeepsDefaults();
    void loadRefusesFolderWithoutConfig();

    void forPostWalksUpToTheRoot_data();
    void forPostWalksUpToTheRoot();

    void isLocalUrl_data();
    void isLocalUrl();
    void resolveLocalStaysInsideTheSite_data();
    void resolveLocalStaysInsideTheSite();

    void permalinkPath_data();
    void permalinkPath();
    void findContent_data();
    void findContent();

    void sampleSiteImagesResolve_data();
    void sampleSiteImagesResolve();

private:
    QTemporaryDir m_dir;
    QString m_base; // canonical m_dir path: site/, loose/, secret.txt
};

void TestSite::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_base = QFileInfo(m_dir.path()).canonicalFilePath();
    QVERIFY(!m_base.isEmpty());
    // One site for resolveLocal, permalinkPath and findContent.
    writeFiles(m_base, {
        {u"secret.txt"_s, "outside the site\n"_ba},
        {u"secret.md"_s, "outside the site\n"_ba},
        {u"site/hugo.toml"_s, "staticDir = ['static', 'static2']\ntheme = ['t', 'missing']\n"_ba},
        {u"site/static/images/a.jpg"_s, "a"_ba},
        {u"site/static/images/dup.jpg"_s, "first"_ba},
        {u"site/static/images/my image.jpg"_s, "space"_ba},
        {u"site/static/images/圖.jpg"_s, "cjk"_ba},
        {u"site/static/images/folder/"_s, {}},
        {u"site/static/posts/x/rel.jpg"_s, "beside the permalink"_ba},
        {u"site/static2/images/b.jpg"_s, "b"_ba},
        {u"site/static2/images/dup.jpg"_s, "second"_ba},
        {u"site/themes/t/static/images/theme.jpg"_s, "theme"_ba},
        {u"site/themes/t/static/images/a.jpg"_s, "theme's a"_ba},
        {u"site/content/_index.md"_s, "---\ntitle: Home\n---\n"_ba},
        {u"site/content/about.md"_s, "---\ntitle: About\n---\n"_ba},
        {u"site/content/posts/_index.md"_s, "---\ntitle: Posts\n---\n"_ba},
        {u"site/content/posts/x.md"_s, "---\ntitle: X\n---\n"_ba},
        {u"site/content/posts/other.md"_s, "---\ntitle: Other\n---\n"_ba},
        {u"site/content/posts/dup.md"_s, "---\ntitle: Dup\n---\n"_ba},
        {u"site/content/posts/side.jpg"_s, "beside x.md"_ba},
        {u"site/content/posts/b/index.md"_s, "---\ntitle: Bundle\n---\n"_ba},
        {u"site/content/posts/b/pic.jpg"_s, "bundle"_ba},
        {u"site/content/posts/b/img/sub.png"_s, "bundle sub"_ba},
        {u"site/content/posts/b/notes.md"_s, "---\ntitle: Notes\n---\n"_ba},
        {u"site/content/posts/c/index.md"_s, "---\ntitle: C\n---\n"_ba},
        {u"site/content/notes/dup.md"_s, "---\ntitle: Dup 2\n---\n"_ba},
        {u"site/content/notes/deep/unique-name.md"_s, "---\ntitle: U\n---\n"_ba},
        {u"loose/post.md"_s, "# Loose\n"_ba},
        {u"loose/pic.jpg"_s, "loose"_ba},
        {u"loose/sub/p.png"_s, "loose sub"_ba},
        {u"loose/index.md"_s, "# Loose bundle\n"_ba},
        {u"loose/other.md"_s, "# Other\n"_ba},
    });
    // A link inside static that escapes the site, one that stays inside, and a link to a folder.
    QVERIFY(QFile::link(m_base + u"/secret.txt"_s, m_base + u"/site/static/images/evil.jpg"_s));
    QVERIFY(QFile::link(m_base + u"/site/static/images/a.jpg"_s, m_base + u"/site/static/images/alias.jpg"_s));
    QVERIFY(QFile::link(m_base, m_base + u"/site/static/up"_s));
    QVERIFY(QFile::link(m_base + u"/secret.md"_s, m_base + u"/site/content/notes/evil.md"_s));
}

void TestSite::readsConfig_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("expected");

    const QByteArray markupToml =
        "[markup.goldmark.renderer]\nunsafe = true\nhardWraps = true\n"
        "[markup.goldmark.extensions]\ntypographer = false\nlinkify = false\nfootnote = false\n"
        "definitionList = false\ntable = false\nstrikethrough = false\ntaskList = false\n"
        "[markup.goldmark.parser]\nautoHeadingID = false\n[markup.goldmark.parser.attribute]\ntitle = false\n"_ba;
    const QStringList allOff{u"unsafe=true"_s, u"hardWraps=true"_s, u"typographer=false"_s, u"linkify=false"_s,
                             u"footnote=false"_s, u"definitionList=false"_s, u"table=false"_s,
                             u"strikethrough=false"_s, u"taskList=false"_s, u"autoHeadingID=false"_s,
                             u"attributeTitle=false"_s};

    QTest::newRow("empty hugo.toml: Hugo's defaults") << Files{{u"hugo.toml"_s, {}}} << kDefaults;
    QTest::newRow("toml: every markup flag") << Files{{u"hugo.toml"_s, markupToml}} << allOff;
    QTest::newRow("toml: dotted keys")
        << Files{{u"hugo.toml"_s, "markup.goldmark.renderer.unsafe = true\nprivacy.youtube.privacyEnhanced = true\n"_ba}}
        << QStringList{u"unsafe=true"_s, u"privacyEnhanced=true"_s, u"typographer=true"_s};
    QTest::newRow("toml: dirs, params, privacy, refLinksNotFoundURL")
        << Files{{u"hugo.toml"_s,
                  "contentDir = 'posts-src'\nstaticDir = 'assets-static'\nrefLinksNotFoundURL = '/404/'\n"
                  "[params]\nsubtitle = 'Notes'\n[params.author]\nname = 'Ann'\n"
                  "[privacy.youtube]\nprivacyEnhanced = true\n"_ba}}
        << QStringList{u"contentDir=posts-src"_s, u"staticDirs=assets-static"_s, u"refNotFound=/404/"_s,
                       u"param:subtitle=Notes"_s, u"param:author.name=Ann"_s, u"param:author.missing=<null>"_s,
                       u"param:nothing=<null>"_s, u"privacyEnhanced=true"_s};
    QTest::newRow("yaml")
        << Files{{u"hugo.yaml"_s,
                  "contentDir: src\nstaticDir: [s1, s2]\nmarkup:\n  goldmark:\n    renderer:\n      unsafe: true\n"
                  "    extensions:\n      table: false\nparams:\n  tags: [a, b]\n"_ba}}
        << QStringList{u"contentDir=src"_s, u"staticDirs=s1,s2"_s, u"unsafe=true"_s, u"table=false"_s,
                       u"linkify=true"_s, u"param:tags=[\"a\", \"b\"]"_s};
    QTest::newRow("yml, with a document marker")
        << Files{{u"hugo.yml"_s, "---\nmarkup:\n  goldmark:\n    renderer:\n      hardWraps: true\n"_ba}}
        << QStringList{u"hardWraps=true"_s, u"unsafe=false"_s};
    QTest::newRow("json")
        << Files{{u"hugo.json"_s,
                  "{\"contentDir\": \"c\", \"staticDir\": [\"x\"], \"markup\": {\"goldmark\": {\"renderer\": "
                  "{\"unsafe\": true}, \"extensions\": {\"strikethrough\": false}}}, \"params\": {\"n\": 3}}"_ba}}
        << QStringList{u"contentDir=c"_s, u"staticDirs=x"_s, u"unsafe=true"_s, u"strikethrough=false"_s,
                       u"param:n=3"_s};
    QTest::newRow("config.toml (the name before Hugo 0.110)")
        << Files{{u"config.toml"_s, "contentDir = 'old'\n"_ba}} << QStringList{u"contentDir=old"_s};
    QTest::newRow("config.json") << Files{{u"config.json"_s, "{\"contentDir\": \"j\"}"_ba}}
                                 << QStringList{u"contentDir=j"_s};
    QTest::newRow("hugo.toml wins over config.toml")
        << Files{{u"hugo.toml"_s, "contentDir = 'new'\n"_ba}, {u"config.toml"_s, "contentDir = 'old'\n"_ba}}
        << QStringList{u"contentDir=new"_s};
    QTest::newRow("hugo.toml wins over hugo.yaml")
        << Files{{u"hugo.toml"_s, "contentDir = 'toml'\n"_ba}, {u"hugo.yaml"_s, "contentDir: yaml\n"_ba}}
        << QStringList{u"contentDir=toml"_s};
    QTest::newRow("config/_default with markup.toml and params.yaml")
        << Files{{u"config/_default/hugo.toml"_s, "contentDir = 'dir'\n"_ba},
                 {u"config/_default/markup.toml"_s, "[goldmark.renderer]\nunsafe = true\n"_ba},
                 {u"config/_default/params.yaml"_s, "author:\n  name: Bo\n"_ba},
                 {u"config/_default/privacy.json"_s, "{\"youtube\": {\"privacyEnhanced\": true}}"_ba}}
        << QStringList{u"contentDir=dir"_s, u"unsafe=true"_s, u"param:author.name=Bo"_s,
                       u"privacyEnhanced=true"_s};
    QTest::newRow("config/_default is merged over the root file")
        << Files{{u"hugo.toml"_s, "contentDir = 'root'\nstaticDir = 'rs'\n[params]\na = 1\nb = 1\n"_ba},
                 {u"config/_default/params.toml"_s, "b = 2\n"_ba},
                 {u"config/_default/hugo.toml"_s, "contentDir = 'dir'\n"_ba}}
        << QStringList{u"contentDir=dir"_s, u"staticDirs=rs"_s, u"param:a=1"_s, u"param:b=2"_s};
    QTest::newRow("config/_default per-language params")
        << Files{{u"config/_default/hugo.toml"_s, {}},
                 {u"config/_default/params.en.toml"_s, "x = 1\n"_ba}}
        << QStringList{u"param:x=<null>"_s, u"isHugoSite=true"_s};
    QTest::newRow("keys are case-insensitive")
        << Files{{u"hugo.toml"_s,
                  "CONTENTDIR = 'upper'\nStaticDIR = ['A', 'B']\nREFLINKSNOTFOUNDURL = '#x'\n"
                  "[Markup.GoldMark.Renderer]\nUnsafe = true\n[MARKUP.goldmark.Extensions]\nTYPOGRAPHER = false\n"
                  "[Params.Author]\nName = 'Cy'\n[Privacy.YouTube]\nPRIVACYENHANCED = true\n"_ba}}
        << QStringList{u"contentDir=upper"_s, u"staticDirs=A,B"_s, u"refNotFound=#x"_s, u"unsafe=true"_s,
                       u"typographer=false"_s, u"param:author.name=Cy"_s, u"param:AUTHOR.NAME=Cy"_s,
                       u"privacyEnhanced=true"_s};
    QTest::newRow("typographer map with disable = true")
        << Files{{u"hugo.toml"_s, "[markup.goldmark.extensions.typographer]\ndisable = true\n"_ba}}
        << QStringList{u"typographer=false"_s};
    QTest::newRow("typographer map with disable = false")
        << Files{{u"hugo.toml"_s, "[markup.goldmark.extensions.typographer]\ndisable = false\nellipsis = '…'\n"_ba}}
        << QStringList{u"typographer=true"_s};
    QTest::newRow("parser.attribute as one bool (Hugo < 0.81)")
        << Files{{u"hugo.yaml"_s, "markup:\n  goldmark:\n    parser:\n      attribute: false\n"_ba}}
        << QStringList{u"attributeTitle=false"_s};
    QTest::newRow("staticDir as a list")
        << Files{{u"hugo.toml"_s, "staticDir = ['one', 'two', 'three']\n"_ba}}
        << QStringList{u"staticDirs=one,two,three"_s};
    QTest::newRow("themes after the site, in order, only if present")
        << Files{{u"hugo.toml"_s, "staticDir = ['s1', 's2']\ntheme = ['first', 'absent', 'second']\n"_ba},
                 {u"themes/first/static/"_s, {}}, {u"themes/second/static/"_s, {}}, {u"themes/absent/"_s, {}}}
        << QStringList{u"staticDirs=s1,s2,themes/first/static,themes/second/static"_s};
    QTest::newRow("theme as a string, custom themesDir")
        << Files{{u"hugo.toml"_s, "theme = 'solo'\nthemesDir = 'th'\n"_ba}, {u"th/solo/static/"_s, {}}}
        << QStringList{u"staticDirs=static,th/solo/static"_s};
    QTest::newRow("UTF-8 BOM") << Files{{u"hugo.toml"_s, "\xEF\xBB\xBF" "contentDir = 'bom'\n"_ba}}
                               << QStringList{u"contentDir=bom"_s, u"configError=false"_s};
}

void TestSite::readsConfig()
{
    QFETCH(Files, files);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFiles(dir.path(), files);
    const auto site = Site::load(dir.path());
    QVERIFY2(site.ok(), qPrintable(site.ok() ? QString() : site.error().toString()));
    const auto &error = site.value().configError();
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    QVERIFY(site.value().isHugoSite());
    QCOMPARE(site.value().root(), QDir::cleanPath(dir.path()));
    checkProperties(site.value(), expected);
}

void TestSite::brokenConfigKeepsDefaults_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("errorFile");
    QTest::addColumn<int>("errorLine");

    QTest::newRow("toml") << Files{{u"hugo.toml"_s, "contentDir = 'x'\nunsafe = = true\n"_ba}} << u"hugo.toml"_s << 2;
    QTest::newRow("yaml") << Files{{u"hugo.yaml"_s, "contentDir: x\nmarkup: [unclosed\n"_ba}} << u"hugo.yaml"_s << 0;
    QTest::newRow("json") << Files{{u"hugo.json"_s, "{\"contentDir\": \"x\",\n \"staticDir\": }"_ba}} << u"hugo.json"_s
                          << 2;
    QTest::newRow("config/_default/markup.toml")
        << Files{{u"hugo.toml"_s, "contentDir = 'x'\n[markup.goldmark.renderer]\nunsafe = true\n"_ba},
                 {u"config/_default/markup.toml"_s, "\n\n[goldmark\n"_ba}}
        << u"config/_default/markup.toml"_s << 3;
}

void TestSite::brokenConfigKeepsDefaults()
{
    QFETCH(Files, files);
    QFETCH(QString, errorFile);
    QFETCH(int, errorLine);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFiles(dir.path(), files);
    writeFile(dir.path() + u"/content/posts/p.md"_s, "---\ntitle: P\n---\n"_ba);

    // Both ways in load the site, with Hugo's defaults and a located error.
    const auto loaded = Site::load(dir.path());
    QVERIFY(loaded.ok());
    const Site viaPost = Site::forPost(dir.path() + u"/content/posts/p.md"_s);
    for (const Site &site : {loaded.value(), viaPost}) {
        QVERIFY(site.isHugoSite());
        QCOMPARE(site.root(), QDir::cleanPath(dir.path()));
        QVERIFY(site.configError().has_value());
        const Error &e = *site.configError();
        QCOMPARE(QFileInfo(e.file).canonicalFilePath(), QFileInfo(dir.path() + u'/' + errorFile).canonicalFilePath());
        QVERIFY2(!e.message.isEmpty(), "an error needs a sentence");
        if (errorLine > 0)
            QCOMPARE(e.line, errorLine);
        QVERIFY(site.config().toMap().isEmpty());
        QStringList defaults = kDefaults;
        defaults.removeAll(u"configError=false"_s);
        checkProperties(site, defaults << u"configError=true"_s);
    }
}

void TestSite::loadRefusesFolderWithoutConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.path() + u"/content/x.md"_s, "# x\n"_ba);
    const auto noConfig = Site::load(dir.path());
    QVERIFY(!noConfig.ok());
    QVERIFY(!noConfig.error().message.isEmpty());
    const auto missing = Site::load(dir.path() + u"/no-such-folder"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::Io);
}

void TestSite::forPostWalksUpToTheRoot_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("root"); // relative to the fixture; empty: no site

    const Files site{{u"s/hugo.toml"_s, "title = 'S'\n"_ba}, {u"s/content/posts/x.md"_s, "# x\n"_ba},
                     {u"s/content/posts/b/index.md"_s, "# b\n"_ba}, {u"s/content/_index.md"_s, "# home\n"_ba}};
    QTest::newRow("content/posts/x.md") << site << u"s/content/posts/x.md"_s << u"s"_s;
    QTest::newRow("page bundle content/posts/b/index.md") << site << u"s/content/posts/b/index.md"_s << u"s"_s;
    QTest::newRow("content/_index.md") << site << u"s/content/_index.md"_s << u"s"_s;
    QTest::newRow("a new post in a folder not yet created")
        << site << u"s/content/posts/new/deeper/index.md"_s << u"s"_s;
    QTest::newRow("config/_default only")
        << Files{{u"d/config/_default/hugo.yaml"_s, "title: D\n"_ba}, {u"d/content/a.md"_s, "# a\n"_ba}}
        << u"d/content/a.md"_s << u"d"_s;
    QTest::newRow("config.yaml (old name)")
        << Files{{u"o/config.yaml"_s, "title: O\n"_ba}, {u"o/content/a.md"_s, "# a\n"_ba}}
        << u"o/content/a.md"_s << u"o"_s;
    QTest::newRow("the nearest site wins")
        << Files{{u"outer/hugo.toml"_s, {}}, {u"outer/themes/t/exampleSite/hugo.toml"_s, {}},
                 {u"outer/themes/t/exampleSite/content/a.md"_s, "# a\n"_ba}}
        << u"outer/themes/t/exampleSite/content/a.md"_s << u"outer/themes/t/exampleSite"_s;
    QTest::newRow("a post outside any site") << Files{{u"notes/a.md"_s, "# a\n"_ba}} << u"notes/a.md"_s << QString();
}

void TestSite::forPostWalksUpToTheRoot()
{
    QFETCH(Files, files);
    QFETCH(QString, post);
    QFETCH(QString, root);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFiles(dir.path(), files);
    const Site site = Site::forPost(dir.path() + u'/' + post);
    if (root.isEmpty()) {
        QVERIFY(!site.isHugoSite());
        QVERIFY(site.root().isEmpty());
        QVERIFY(site.staticDirs().isEmpty());
        QVERIFY(!site.configError());
        QCOMPARE(site.markup().unsafe, false);
        QCOMPARE(site.markup().typographer, true);
        return;
    }
    QVERIFY(site.isHugoSite());
    QCOMPARE(site.root(), QDir::cleanPath(dir.path() + u'/' + root));
    QCOMPARE(site.contentDir(), QDir::cleanPath(dir.path() + u'/' + root + u"/content"_s));
    QCOMPARE(site.staticDirs(), QStringList{QDir::cleanPath(dir.path() + u'/' + root + u"/static"_s)});
    QVERIFY(!site.configError());
}

void TestSite::isLocalUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("local");
    QTest::newRow("site-absolute") << u"/images/x.jpg"_s << true;
    QTest::newRow("relative") << u"x.jpg"_s << true;
    QTest::newRow("dot-relative") << u"./img/x.png"_s << true;
    QTest::newRow("parent-relative") << u"../img/y.png"_s << true;
    QTest::newRow("colon after a slash") << u"img/a:b.png"_s << true;
    QTest::newRow("query and fragment") << u"x.jpg?v=1#top"_s << true;
    QTest::newRow("fragment only") << u"#top"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("CJK file") << u"圖片.jpg"_s << true;
    QTest::newRow("http") << u"http://example.org/x.jpg"_s << false;
    QTest::newRow("https") << u"https://example.org/x.jpg"_s << false;
    QTest::newRow("upper-case scheme") << u"HTTPS://example.org/x.jpg"_s << false;
    QTest::newRow("protocol-relative") << u"//cdn.example.org/x.jpg"_s << false;
    QTest::newRow("backslash protocol-relative") << u"/\\evil.example/x.jpg"_s << false;
    QTest::newRow("data") << u"data:image/png;base64,AAAA"_s << false;
    QTest::newRow("mailto") << u"mailto:a@example.org"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("scheme with plus and dot") << u"git+ssh://host/x"_s << false;
    QTest::newRow("leading space") << u"  https://example.org/"_s << false;
}

void TestSite::isLocalUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, local);
    QCOMPARE(Site::isLocalUrl(url), local);
}

void TestSite::resolveLocalStaysInsideTheSite_data()
{
    QTest::addColumn<QString>("post");     // relative to the fixture base
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // relative to the fixture base; empty: nullopt

    const QString x = u"site/content/posts/x.md"_s;
    const QString b = u"site/content/posts/b/index.md"_s;
    QTest::newRow("static hit") << x << u"/images/a.jpg"_s << u"site/static/images/a.jpg"_s;
    QTest::newRow("second static dir") << x << u"/images/b.jpg"_s << u"site/static2/images/b.jpg"_s;
    QTest::newRow("first static dir wins") << x << u"/images/dup.jpg"_s << u"site/static/images/dup.jpg"_s;
    QTest::newRow("theme static") << x << u"/images/theme.jpg"_s << u"site/themes/t/static/images/theme.jpg"_s;
    QTest::newRow("site overrides theme") << b << u"/images/a.jpg"_s << u"site/static/images/a.jpg"_s;
    QTest::newRow("page resource at its permalink") << x << u"/posts/b/pic.jpg"_s
                                                    << u"site/content/posts/b/pic.jpg"_s;
    QTest::newRow("bundle: relative") << b << u"pic.jpg"_s << u"site/content/posts/b/pic.jpg"_s;
    QTest::newRow("bundle: dot-relative subfolder") << b << u"./img/sub.png"_s
                                                    << u"site/content/posts/b/img/sub.png"_s;
    QTest::newRow("bundle: into a sibling folder") << b << u"../b/img/sub.png"_s
                                                   << u"site/content/posts/b/img/sub.png"_s;
    QTest::newRow("plain post: beside the permalink") << x << u"rel.jpg"_s << u"site/static/posts/x/rel.jpg"_s;
    QTest::newRow("plain post: beside the file") << x << u"side.jpg"_s << u"site/content/posts/side.jpg"_s;
    QTest::newRow("plain post: into a bundle") << x << u"b/pic.jpg"_s << u"site/content/posts/b/pic.jpg"_s;
    QTest::newRow("percent-encoded space") << x << u"/images/my%20image.jpg"_s
                                           << u"site/static/images/my image.jpg"_s;
    QTest::newRow("percent-encoded CJK") << x << u"/images/%E5%9C%96.jpg"_s << u"site/static/images/圖.jpg"_s;
    QTest::newRow("raw CJK") << x << u"/images/圖.jpg"_s << u"site/static/images/圖.jpg"_s;
    QTest::newRow("query string") << x << u"/images/a.jpg?v=2"_s << u"site/static/images/a.jpg"_s;
    QTest::newRow("fragment") << b << u"pic.jpg#zoom"_s << u"site/content/posts/b/pic.jpg"_s;
    QTest::newRow("symlink inside static to static") << x << u"/images/alias.jpg"_s
                                                     << u"site/static/images/a.jpg"_s;
    QTest::newRow("dot segments that stay inside") << x << u"/images/folder/../a.jpg"_s
                                                   << u"site/static/images/a.jpg"_s;

    QTest::newRow("missing file") << x << u"/images/none.jpg"_s << QString();
    QTest::newRow("missing relative file") << b << u"none.jpg"_s << QString();
    QTest::newRow("a folder is not a file") << x << u"/images/folder"_s << QString();
    QTest::newRow("empty") << x << QString() << QString();
    QTest::newRow("fragment only") << x << u"#top"_s << QString();
    QTest::newRow("relative escape") << x << u"../../../secret.txt"_s << QString();
    QTest::newRow("bundle relative escape") << b << u"../../../../secret.txt"_s << QString();
    QTest::newRow("deep relative escape") << x << u"../../../../../../../../../../etc/passwd"_s << QString();
    QTest::newRow("absolute escape") << x << u"/../secret.txt"_s << QString();
    QTest::newRow("absolute escape after a folder") << x << u"/images/../../../secret.txt"_s << QString();
    QTest::newRow("percent-encoded escape") << x << u"%2e%2e/%2e%2e/%2e%2e/secret.txt"_s << QString();
    QTest::newRow("encoded slashes") << x << u"/images%2F..%2F..%2F..%2Fsecret.txt"_s << QString();
    QTest::newRow("site config is not served") << x << u"../../hugo.toml"_s << QString();
    QTest::newRow("symlink to a file outside") << x << u"/images/evil.jpg"_s << QString();
    QTest::newRow("symlinked folder outside") << x << u"/up/secret.txt"_s << QString();
    QTest::newRow("NUL byte") << x << u"/images/a.jpg%00.png"_s << QString();
    QTest::newRow("https") << x << u"https://example.org/images/a.jpg"_s << QString();
    QTest::newRow("protocol-relative") << x << u"//example.org/images/a.jpg"_s << QString();
    QTest::newRow("file URL") << x << (u"file://"_s + u"/etc/passwd"_s) << QString();
    QTest::newRow("data URL") << x << u"data:image/png;base64,AAAA"_s << QString();

    QTest::newRow("outside a site: beside the post") << u"loose/post.md"_s << u"pic.jpg"_s << u"loose/pic.jpg"_s;
    QTest::newRow("outside a site: subfolder") << u"loose/post.md"_s << u"./sub/p.png"_s << u"loose/sub/p.png"_s;
    QTest::newRow("outside a site: no escape") << u"loose/post.md"_s << u"../secret.txt"_s << QString();
    QTest::newRow("outside a site: site-absolute") << u"loose/post.md"_s << u"/pic.jpg"_s << QString();
}

void TestSite::resolveLocalStaysInsideTheSite()
{
    QFETCH(QString, post);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const QString postPath = m_base + u'/' + post;
    const Site site = Site::forPost(postPath);
    QCOMPARE(site.isHugoSite(), post.startsWith(u"site/"_s));
    const auto resolved = site.resolveLocal(url, postPath);
    if (expected.isEmpty()) {
        QVERIFY2(!resolved, qPrintable(u"resolved to "_s + resolved.value_or(QString())));
        return;
    }
    QVERIFY2(resolved.has_value(), qPrintable(url));
    QCOMPARE(*resolved, QFileInfo(m_base + u'/' + expected).canonicalFilePath());
}

void TestSite::permalinkPath_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<Value>("frontMatter");
    QTest::addColumn<QString>("expected");

    const Value none;
    QTest::newRow("plain post") << u"site/content/posts/x.md"_s << none << u"/posts/x/"_s;
    QTest::newRow("top-level page") << u"site/content/about.md"_s << none << u"/about/"_s;
    QTest::newRow("leaf bundle") << u"site/content/posts/b/index.md"_s << none << u"/posts/b/"_s;
    QTest::newRow("section") << u"site/content/posts/_index.md"_s << none << u"/posts/"_s;
    QTest::newRow("home") << u"site/content/_index.md"_s << none << u"/"_s;
    QTest::newRow("deep section") << u"site/content/notes/deep/unique-name.md"_s << none
                                  << u"/notes/deep/unique-name/"_s;
    QTest::newRow("case kept") << u"site/content/Posts/MyPost.md"_s << none << u"/Posts/MyPost/"_s;
    QTest::newRow("spaces become hyphens") << u"site/content/posts/my  first post!.md"_s << none
                                           << u"/posts/my-first-post/"_s;
    QTest::newRow("CJK kept") << u"site/content/posts/晶片之島.md"_s << none << u"/posts/晶片之島/"_s;
    QTest::newRow("CJK outside the BMP kept") << u"site/content/posts/𠮷野家.md"_s << none << u"/posts/𠮷野家/"_s;
    QTest::newRow("emoji dropped as Hugo drops it") << u"site/content/posts/a😀b.md"_s << none << u"/posts/ab/"_s;
    QTest::newRow("dated file name") << u"site/content/posts/2025-06-02-taiwan.md"_s << none
                                     << u"/posts/2025-06-02-taiwan/"_s;
    QTest::newRow("slug") << u"site/content/posts/x.md"_s << mapOf({{u"slug"_s, u"my-slug"_s}})
                          << u"/posts/my-slug/"_s;
    QTest::newRow("Slug key, any case") << u"site/content/posts/x.md"_s << mapOf({{u"SLUG"_s, u"up"_s}})
                                        << u"/posts/up/"_s;
    QTest::newRow("slug on a bundle") << u"site/content/posts/b/index.md"_s << mapOf({{u"slug"_s, u"new"_s}})
                                      << u"/posts/new/"_s;
    QTest::newRow("slug ignored on a section") << u"site/content/posts/_index.md"_s
                                               << mapOf({{u"slug"_s, u"nope"_s}}) << u"/posts/"_s;
    QTest::newRow("empty slug ignored") << u"site/content/posts/x.md"_s << mapOf({{u"slug"_s, u""_s}})
                                        << u"/posts/x/"_s;
    QTest::newRow("url") << u"site/content/posts/x.md"_s
                         << mapOf({{u"slug"_s, u"ignored"_s}, {u"url"_s, u"/custom/path/"_s}})
                         << u"/custom/path/"_s;
    QTest::newRow("url without slashes") << u"site/content/posts/x.md"_s << mapOf({{u"url"_s, u"custom"_s}})
                                         << u"/custom/"_s;
    QTest::newRow("url with a file name") << u"site/content/posts/x.md"_s << mapOf({{u"url"_s, u"/feed.xml"_s}})
                                          << u"/feed.xml"_s;
    QTest::newRow("url on a section") << u"site/content/posts/_index.md"_s << mapOf({{u"url"_s, u"/blog/"_s}})
                                      << u"/blog/"_s;
    // Issue #20: what Hugo does with hostile values; the page always stays below the root.
    QTest::newRow("url with http is ignored") << u"site/content/posts/x.md"_s
                                              << mapOf({{u"url"_s, u"http://127.0.0.1:18765/x"_s}}) << u"/posts/x/"_s;
    QTest::newRow("url with HTTPS is ignored") << u"site/content/posts/x.md"_s
                                               << mapOf({{u"url"_s, u"HTTPS://example.org/"_s}}) << u"/posts/x/"_s;
    QTest::newRow("url javascript: is a path") << u"site/content/posts/x.md"_s
                                               << mapOf({{u"url"_s, u"javascript:alert(1)"_s}})
                                               << u"/javascript:alert(1)/"_s;
    QTest::newRow("url climbing") << u"site/content/posts/x.md"_s << mapOf({{u"url"_s, u"/../../etc/passwd/"_s}})
                                  << u"/etc/passwd/"_s;
    QTest::newRow("url protocol-relative") << u"site/content/posts/x.md"_s << mapOf({{u"url"_s, u"//evil.example/x"_s}})
                                           << u"/evil.example/x/"_s;
    QTest::newRow("slug with parents") << u"site/content/posts/x.md"_s << mapOf({{u"slug"_s, u"../../../../etc"_s}})
                                       << u"/etc/"_s;
    QTest::newRow("slug only dots") << u"site/content/posts/x.md"_s << mapOf({{u"slug"_s, u".."_s}}) << u"/"_s;
    QTest::newRow("outside a site") << u"loose/post.md"_s << none << u"/post/"_s;
    QTest::newRow("outside a site, slug") << u"loose/post.md"_s << mapOf({{u"slug"_s, u"s"_s}}) << u"/s/"_s;
    QTest::newRow("outside a site, bundle") << u"loose/index.md"_s << none << u"/loose/"_s;
}

void TestSite::permalinkPath()
{
    QFETCH(QString, post);
    QFETCH(Value, frontMatter);
    QFETCH(QString, expected);
    const QString postPath = m_base + u'/' + post;
    QCOMPARE(Site::forPost(postPath).permalinkPath(postPath, frontMatter), expected);
}

void TestSite::findContent_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("expected"); // relative to the fixture base; empty: nullopt

    const QString x = u"site/content/posts/x.md"_s;
    const QString about = u"site/content/about.md"_s;
    const QString b = u"site/content/posts/b/index.md"_s;
    QTest::newRow("path with extension") << about << u"posts/x.md"_s << x;
    QTest::newRow("path without extension") << about << u"posts/x"_s << x;
    QTest::newRow("absolute") << x << u"/about"_s << about;
    QTest::newRow("absolute with extension") << x << u"/about.md"_s << about;
    QTest::newRow("trailing slash") << x << u"/about/"_s << about;
    QTest::newRow("home") << x << u"/"_s << u"site/content/_index.md"_s;
    QTest::newRow("section") << x << u"/posts"_s << u"site/content/posts/_index.md"_s;
    QTest::newRow("bundle by path") << about << u"posts/b"_s << b;
    QTest::newRow("bundle by index file") << about << u"posts/b/index.md"_s << b;
    QTest::newRow("same section first") << x << u"dup.md"_s << u"site/content/posts/dup.md"_s;
    QTest::newRow("sibling in the section") << x << u"other"_s << u"site/content/posts/other.md"_s;
    QTest::newRow("from a bundle: its section") << b << u"x.md"_s << x;
    QTest::newRow("from a bundle: ../ climbs from the bundle") << b << u"../x.md"_s << x;
    QTest::newRow("from a bundle: sibling bundle") << b << u"c"_s << u"site/content/posts/c/index.md"_s;
    QTest::newRow("by unique base name") << about << u"unique-name.md"_s
                                         << u"site/content/notes/deep/unique-name.md"_s;
    QTest::newRow("by unique base name, no extension") << x << u"unique-name"_s
                                                       << u"site/content/notes/deep/unique-name.md"_s;
    QTest::newRow("case-insensitive") << about << u"Posts/X.md"_s << x;
    QTest::newRow("with an anchor") << about << u"posts/x.md#part-2"_s << x;
    QTest::newRow("anchor only: the page itself") << x << u"#top"_s << x;
    QTest::newRow("ambiguous base name") << about << u"dup.md"_s << QString();
    QTest::newRow("missing") << x << u"posts/nothing.md"_s << QString();
    QTest::newRow("not a content file") << x << u"/posts/side.jpg"_s << QString();
    QTest::newRow("no escape to the config") << x << u"../../hugo.toml"_s << QString();
    QTest::newRow("no escape from the content folder") << x << u"../../../secret.md"_s << QString();
    QTest::newRow("symlink out of content") << about << u"notes/evil.md"_s << QString();
    QTest::newRow("outside a site: beside the post") << u"loose/post.md"_s << u"other.md"_s << u"loose/other.md"_s;
    QTest::newRow("outside a site: no escape") << u"loose/post.md"_s << u"../secret.md"_s << QString();
}

void TestSite::findContent()
{
    QFETCH(QString, from);
    QFETCH(QString, ref);
    QFETCH(QString, expected);
    const QString fromPath = m_base + u'/' + from;
    const auto found = Site::forPost(fromPath).findContent(ref, fromPath);
    if (expected.isEmpty()) {
        QVERIFY2(!found, qPrintable(u"found "_s + found.value_or(QString())));
        return;
    }
    QVERIFY2(found.has_value(), qPrintable(ref));
    QCOMPARE(*found, QFileInfo(m_base + u'/' + expected).canonicalFilePath());
}

void TestSite::sampleSiteImagesResolve_data()
{
    QTest::addColumn<QString>("url");
    const QString post = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    QFile f(post);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(post));
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression image(u"!\\[[^\\]]*\\]\\(([^)\\s]+)"_s);
    int count = 0;
    for (auto it = image.globalMatch(text); it.hasNext();) {
        const QString url = it.next().captured(1);
        QTest::newRow(qPrintable(url)) << url;
        ++count;
    }
    QVERIFY2(count >= 1, "the sample post should have images");
}

void TestSite::sampleSiteImagesResolve()
{
    QFETCH(QString, url);
    const QString root = QDir::cleanPath(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s);
    const QString post = root + u"/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    const Site site = Site::forPost(post);
    QVERIFY2(!site.configError(), qPrintable(site.configError() ? site.configError()->toString() : QString()));
    QCOMPARE(site.root(), root);
    QCOMPARE(site.markup().unsafe, false);
    QCOMPARE(site.permalinkPath(post, Value()), u"/posts/2025-06-02-taiwan-chip-energy/"_s);
    const auto resolved = site.resolveLocal(url, post);
    QVERIFY2(resolved.has_value(), qPrintable(url));
    QVERIFY(resolved->startsWith(QFileInfo(root + u"/static"_s).canonicalFilePath() + u'/'));
    QVERIFY(QFileInfo(*resolved).isFile());
}

QTEST_GUILESS_MAIN(TestSite)
#include "tst_site.moc"
