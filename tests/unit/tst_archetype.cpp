// SPDX-License-Identifier: GPL-3.0-or-later
// New posts from archetypes, as `hugo new` writes them. The reference is the real hugo:
// matchesHugoNew() runs `hugo new posts/<name>.md` on one copy of a site and our `new`
// command on another, then compares the files byte for byte (the date value aside, which
// is checked for format, offset and time instead). The other tests pin the template subset,
// its located errors, Hugo's archetype lookup order and the CLI's exit codes.

#include "../testfiles.h"
#include "commands.h"
#include "document/postfile.h"
#include "publish/archetype.h"
#include "site/site.h"
#include "text/slug.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

// The zone both hugo and we run in: a non-zero offset, so "+08:00" (not "Z") is exercised.
constexpr char kZone[] = "Asia/Taipei";

QString sampleSite()
{
    return QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;
}

QString hugoPath()
{
    return QStandardPaths::findExecutable(u"hugo"_s);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

CliRun runNew(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::newPost(args, out, err);
    out.flush();
    err.flush();
    return r;
}

struct HugoRun {
    bool ok = false;
    QString output;
};

HugoRun runHugo(const QString &hugo, const QString &workDir, const QStringList &args)
{
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TZ"_s, QString::fromLatin1(kZone));
    proc.setProcessEnvironment(env);
    proc.setWorkingDirectory(workDir);
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(hugo, args);
    HugoRun r;
    r.ok = proc.waitForFinished(60000) && proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
    r.output = QString::fromUtf8(proc.readAll());
    return r;
}

const QRegularExpression &rfc3339()
{
    static const QRegularExpression re(u"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})"_s);
    return re;
}

// The new post's bytes with its one RFC 3339 date replaced by "<DATE>"; `date` gets the value.
QByteArray withoutDate(const QByteArray &bytes, QString *date)
{
    const QString text = QString::fromUtf8(bytes);
    const auto match = rfc3339().match(text);
    if (!match.hasMatch())
        return bytes;
    if (date)
        *date = match.captured(0);
    return QString(text.left(match.capturedStart()) + u"<DATE>"_s + text.mid(match.capturedEnd())).toUtf8();
}

// `bytes` with `from` replaced by `to` on the front matter's title line only.
QByteArray withTitleValue(const QByteArray &bytes, const QString &from, const QString &to)
{
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray &line : lines) {
        if (line.startsWith("title") && line.contains(from.toUtf8())) {
            line.replace(from.toUtf8(), to.toUtf8());
            break;
        }
    }
    return lines.join('\n');
}

// QVERIFY2 evaluates its message even when the check passes.
template <typename T>
QString errorText(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

archetype::NewPost fixedPost(const QString &title, const QString &name = QString())
{
    archetype::NewPost post;
    post.title = title;
    post.name = name;
    post.now = QDateTime(QDate(2025, 6, 2), QTime(9, 30, 5), QTimeZone(8 * 3600));
    return post;
}

} // namespace

class TestArchetype : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void matchesHugoNew_data();
    void matchesHugoNew();

    void expand_data();
    void expand();
    void refusesUnsupportedTemplates_data();
    void refusesUnsupportedTemplates();
    void findsArchetypeInHugoOrder_data();
    void findsArchetypeInHugoOrder();
    void builtinArchetypeWhenSiteHasNone();
    void titleEditChangesOnlyTheTitleBytes();
    void createMakesMissingFolders();
    void createRefusesToOverwrite();
    void createRefusesPathsOutsideContent_data();
    void createRefusesPathsOutsideContent();
    void cliExitCodes();

private:
    QString site(const QString &kind, const QString &where);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_hugo;
    QString m_freshSite; // made once by `hugo new site`
    QByteArray m_oldTz;
    bool m_hadTz = false;
};

void TestArchetype::initTestCase()
{
    m_hadTz = qEnvironmentVariableIsSet("TZ");
    m_oldTz = qgetenv("TZ");
    qputenv("TZ", kZone);
    tzset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_hugo = hugoPath();
    if (!m_hugo.isEmpty()) {
        m_freshSite = m_dir->filePath(u"fresh"_s);
        const HugoRun made = runHugo(m_hugo, m_dir->path(), {u"new"_s, u"site"_s, m_freshSite});
        QVERIFY2(made.ok, qPrintable(made.output));
    }
}

void TestArchetype::cleanupTestCase()
{
    if (m_hadTz)
        qputenv("TZ", m_oldTz);
    else
        qunsetenv("TZ");
    tzset();
}

// A site of `kind` at `where`: "sample" (resources/sample-site), "fresh" (`hugo new site`),
// "section" (fresh + archetypes/posts.md in TOML with replace/title/.Date/draft and more),
// "theme" (fresh + a theme whose posts.md must win over the site's default.md).
QString TestArchetype::site(const QString &kind, const QString &where)
{
    if (kind == u"sample"_s) {
        if (!test::copyTree(sampleSite(), where))
            return {};
        return where;
    }
    if (!test::copyTree(m_freshSite, where))
        return {};
    if (kind == u"section"_s) {
        const bool ok = writeFile(where + u"/archetypes/posts.md"_s,
                                  "+++\n"
                                  "title = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n"
                                  "date = {{ .Date }}\n"
                                  "draft = true\n"
                                  "slug = \"{{ .Name | urlize }}\"\n"
                                  "kind = \"{{ .Type | upper }}/  {{- .Section }}\"\n"
                                  "summary = \"{{ humanize .Name }} ({{ trim \"--x--\" \"-\" }})\"{{/* dropped */}}\n"
                                  "tags = []\n"
                                  "+++\n"
                                  "\n"
                                  "Written for {{ .Site.Title }}.\n"
                                  "{{< figure src=\"/images/x.png\" >}}\n"_ba);
        return ok ? where : QString();
    }
    if (kind == u"theme"_s) {
        QFile config(where + u"/config.toml"_s);
        if (!config.open(QIODevice::Append) || config.write("theme = \"plain\"\n") < 0)
            return {};
        config.close();
        const bool ok = writeFile(where + u"/themes/plain/archetypes/posts.md"_s,
                                  "---\ntitle: \"{{ .Name | humanize }}\"\ndate: {{ .Date }}\nfrom: theme\n---\n"_ba)
            && writeFile(where + u"/themes/plain/archetypes/default.md"_s, "---\nfrom: theme default\n---\n"_ba);
        return ok ? where : QString();
    }
    return where;
}

void TestArchetype::matchesHugoNew_data()
{
    QTest::addColumn<QString>("siteKind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("name"); // empty: slugify(title), for both hugo and us
    QTest::addColumn<bool>("titleDiffers"); // the archetype's title is not what was typed

    QTest::newRow("sample site, English") << u"sample"_s << u"My First Post"_s << QString() << false;
    QTest::newRow("sample site, CJK title") << u"sample"_s << u"人工智慧的競賽：誰會贏？"_s << QString() << true;
    QTest::newRow("sample site, small words") << u"sample"_s << u"A Tale of Two Cities"_s << QString() << false;
    QTest::newRow("sample site, small words typed lower case")
        << u"sample"_s << u"the lord of the rings"_s << QString() << true;
    QTest::newRow("sample site, explicit name") << u"sample"_s << u"晶片之島"_s << u"chip-island"_s << true;
    QTest::newRow("fresh hugo site, English") << u"fresh"_s << u"My First Post"_s << QString() << false;
    QTest::newRow("fresh hugo site, CJK title") << u"fresh"_s << u"人工智慧的競賽：誰會贏？"_s << QString() << true;
    QTest::newRow("fresh hugo site, small words")
        << u"fresh"_s << u"The End of the World as We Know It"_s << QString() << false;
    QTest::newRow("section archetype, hyphenated title") << u"section"_s << u"Re-Entry of the Craft"_s << QString() << true;
    QTest::newRow("section archetype, CJK title") << u"section"_s << u"人工智慧的競賽：誰會贏？"_s << QString() << true;
    QTest::newRow("section archetype, small words") << u"section"_s << u"Of Mice and Men"_s << QString() << false;
    QTest::newRow("theme archetype beats site default") << u"theme"_s << u"My first post"_s << QString() << false;
}

void TestArchetype::matchesHugoNew()
{
    QFETCH(QString, siteKind);
    QFETCH(QString, title);
    QFETCH(QString, name);
    QFETCH(bool, titleDiffers);
    if (m_hugo.isEmpty())
        QFAIL("hugo is not on PATH: run packaging/dev.sh deps (hugo is in its package list; it is the reference for `frontmark-cli new`)");

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString theirs = site(siteKind, work.filePath(u"hugo-copy"_s));
    const QString ours = site(siteKind, work.filePath(u"our-copy"_s));
    QVERIFY(!theirs.isEmpty() && !ours.isEmpty());

    const QString fileName = (name.isEmpty() ? text::slugify(title) : name) + u".md"_s;
    const HugoRun hugo = runHugo(m_hugo, theirs, {u"new"_s, u"posts/"_s + fileName});
    QVERIFY2(hugo.ok, qPrintable(hugo.output));
    const QByteArray hugoBytes = readFile(theirs + u"/content/posts/"_s + fileName);
    QVERIFY2(!hugoBytes.isEmpty(), qPrintable(hugo.output));

    QStringList args{title, u"--site"_s, ours, u"--section"_s, u"posts"_s};
    if (!name.isEmpty())
        args << u"--name"_s << name;
    const QDateTime before = QDateTime::currentDateTime();
    const CliRun run = runNew(args);
    QVERIFY2(run.code == cli::Clean, qPrintable(run.err));
    const QString written = ours + u"/content/posts/"_s + fileName;
    QCOMPARE(run.out, written + u'\n');
    const QByteArray ourBytes = readFile(written);

    // The date: RFC 3339, our local offset equal to hugo's, within a minute of now.
    QString hugoDate, ourDate;
    const QByteArray hugoNoDate = withoutDate(hugoBytes, &hugoDate);
    const QByteArray ourNoDate = withoutDate(ourBytes, &ourDate);
    if (!hugoDate.isEmpty()) {
        QVERIFY2(!ourDate.isEmpty(), ourBytes.constData());
        const QDateTime ourTime = QDateTime::fromString(ourDate, Qt::ISODate);
        QVERIFY2(ourTime.isValid(), qPrintable(ourDate));
        QVERIFY2(qAbs(ourTime.secsTo(before)) <= 60, qPrintable(ourDate));
        QCOMPARE(ourDate.right(6), hugoDate.right(6)); // "+08:00"
        QVERIFY2(hugoDate.endsWith(u"+08:00"_s), qPrintable(hugoDate));
    }

    // The title: Hugo's comes from the file name; ours is what was typed, in the same quotes.
    auto hugoPost = PostFile::fromBytes(hugoBytes, u"hugo.md"_s);
    QVERIFY(hugoPost.ok());
    const QString hugoTitle = hugoPost.value().frontMatter().value(u"title"_s).toString();
    QCOMPARE(hugoTitle != title, titleDiffers);
    const QByteArray expected = titleDiffers ? withTitleValue(hugoNoDate, hugoTitle, title) : hugoNoDate;
    if (ourNoDate != expected) {
        qWarning().noquote() << "hugo wrote:\n" << hugoBytes << "\nwe wrote:\n" << ourBytes;
        QCOMPARE(ourNoDate, expected);
    }
    // And without our title edit, the expansion alone is Hugo's bytes exactly.
    archetype::NewPost post;
    post.title = title;
    post.name = name;
    post.section = u"posts"_s;
    const auto loaded = Site::load(ours);
    QVERIFY(loaded.ok());
    const QString archetypeFile = archetype::findArchetype(loaded.value(), u"posts"_s);
    const QByteArray templateText = archetypeFile.isEmpty() ? QByteArray() : readFile(archetypeFile);
    if (!archetypeFile.isEmpty()) {
        const auto expanded = archetype::expand(templateText, archetypeFile, loaded.value(), post);
        QVERIFY2(expanded.ok(), qPrintable(errorText(expanded)));
        QCOMPARE(withoutDate(expanded.value(), nullptr), hugoNoDate);
    }
}

void TestArchetype::expand_data()
{
    QTest::addColumn<QByteArray>("templateText");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QByteArray>("expected");

    const QString t = u"My First Post"_s;
    QTest::newRow("date with offset") << "{{ .Date }}"_ba << t << QString() << u"posts"_s << "2025-06-02T09:30:05+08:00"_ba;
    QTest::newRow("name and file") << "{{ .Name }} {{ .File.ContentBaseName }} {{.File.LogicalName}}"_ba << t
                                   << QString() << u"posts"_s << "my-first-post my-first-post my-first-post.md"_ba;
    QTest::newRow("explicit name") << "{{ .Name }}"_ba << t << u"custom"_s << u"posts"_s << "custom"_ba;
    QTest::newRow("section and type") << "{{ .Section }}/{{ .Type }}/{{ .File.Dir }}"_ba << t << QString()
                                      << u"posts/2025"_s << "posts/posts/posts/2025/"_ba;
    QTest::newRow("top-level content is of type page") << "[{{ .Section }}][{{ .Type }}][{{ .File.Dir }}]"_ba << t
                                                       << QString() << QString() << "[][page][/]"_ba;
    QTest::newRow("site title (sample site)") << "{{ .Site.Title }}"_ba << t << QString() << u"posts"_s
                                              << "前沿筆記"_ba;
    QTest::newRow("string literals") << "{{ \"a\\\"b\" }}{{ `raw \"q\"` }}"_ba << t << QString() << u"posts"_s
                                     << "a\"braw \"q\""_ba;
    QTest::newRow("Hugo's default title")
        << "title: \"{{ replace .File.ContentBaseName \"-\" \" \" | title }}\""_ba << u"the lord of the rings"_s
        << QString() << u"posts"_s << "title: \"The Lord of the Rings\""_ba;
    QTest::newRow("piped value is the last argument") << "{{ \"-\" | replace .Name \"y\" }}"_ba << t << u"x-y"_s
                                                      << u"posts"_s << "x--"_ba;
    QTest::newRow("functions") << "{{ upper .Name }} {{ lower \"ÄB\" }} {{ humanize .Name }} {{ urlize \"A b\" }}"_ba
                               << t << QString() << u"posts"_s << "MY-FIRST-POST äb My first post a-b"_ba;
    QTest::newRow("trim") << "{{ trim \"--a-b--\" \"-\" }}"_ba << t << QString() << u"posts"_s << "a-b"_ba;
    QTest::newRow("namespaced functions") << "{{ strings.ToUpper .Name | strings.Replace \"-\" \"_\" }}"_ba << t
                                          << QString() << u"posts"_s << "-"_ba;
    QTest::newRow("parentheses") << "{{ title (replace .Name \"-\" \" \") }}"_ba << t << QString() << u"posts"_s
                                 << "My First Post"_ba;
    QTest::newRow("trim markers") << "a  {{- .Type -}}  \n b"_ba << t << QString() << u"posts"_s << "apostsb"_ba;
    QTest::newRow("comment") << "a{{/* note */}}b {{- /* x */}} c"_ba << t << QString() << u"posts"_s << "ab c"_ba;
    QTest::newRow("shortcodes pass through") << "{{< figure src=\"x\" >}} {{% note %}}"_ba << t << QString()
                                             << u"posts"_s << "{{< figure src=\"x\" >}} {{% note %}}"_ba;
    QTest::newRow("no actions") << "---\ndraft: true\n---\n"_ba << t << QString() << u"posts"_s
                                << "---\ndraft: true\n---\n"_ba;
    QTest::newRow("CJK name") << "{{ replace .Name \"-\" \" \" | title }}"_ba << u"人工智慧的競賽：誰會贏？"_s
                              << QString() << u"posts"_s << "人工智慧的競賽誰會贏"_ba;
}

void TestArchetype::expand()
{
    QFETCH(QByteArray, templateText);
    QFETCH(QString, title);
    QFETCH(QString, name);
    QFETCH(QString, section);
    QFETCH(QByteArray, expected);
    const auto site = Site::load(sampleSite());
    QVERIFY(site.ok());
    archetype::NewPost post = fixedPost(title, name);
    post.section = section;
    const auto out = archetype::expand(templateText, u"archetypes/default.md"_s, site.value(), post);
    QVERIFY2(out.ok(), qPrintable(errorText(out)));
    QCOMPARE(out.value(), expected);
}

void TestArchetype::refusesUnsupportedTemplates_data()
{
    QTest::addColumn<QByteArray>("templateText");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("page field") << "---\ntitle: {{ .Title }}\n---\n"_ba << 2 << 11 << Error::Kind::Unsupported;
    QTest::newRow("site params") << "x: {{ .Site.Params.author }}\n"_ba << 1 << 7 << Error::Kind::Unsupported;
    QTest::newRow("unknown function") << "date: {{ now.Format \"2006\" }}\n"_ba << 1 << 10 << Error::Kind::Unsupported;
    QTest::newRow("if block") << "a\n  {{ if .Draft }}x{{ end }}\n"_ba << 2 << 6 << Error::Kind::Unsupported;
    QTest::newRow("variable") << "{{ $x := .Name }}"_ba << 1 << 4 << Error::Kind::Unsupported;
    QTest::newRow("number") << "{{ replace .Name \"-\" \" \" 1 }}"_ba << 1 << 26 << Error::Kind::Unsupported;
    QTest::newRow("CJK before the error counts characters") << "標題：{{ .Title }}"_ba << 1 << 7
                                                             << Error::Kind::Unsupported;
    QTest::newRow("late error is still found first") << "{{ .Name }}\n{{ .Date }}\n{{ .Params.x }}"_ba << 3 << 4
                                                     << Error::Kind::Unsupported;
    QTest::newRow("unclosed action") << "ok\n{{ .Name "_ba << 2 << 3 << Error::Kind::Syntax;
    QTest::newRow("unclosed string") << "{{ \"abc }}"_ba << 1 << 4 << Error::Kind::Syntax;
    QTest::newRow("empty action") << "{{ }}"_ba << 1 << 1 << Error::Kind::Syntax;
    QTest::newRow("wrong argument count") << "{{ replace .Name \"-\" }}"_ba << 1 << 4 << Error::Kind::Invalid;
    QTest::newRow("argument to a non-function") << "{{ .Name | .Section }}"_ba << 1 << 12 << Error::Kind::Syntax;
}

void TestArchetype::refusesUnsupportedTemplates()
{
    QFETCH(QByteArray, templateText);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(Error::Kind, kind);
    const auto site = Site::load(sampleSite());
    QVERIFY(site.ok());
    const auto out = archetype::expand(templateText, u"/site/archetypes/posts.md"_s, site.value(), fixedPost(u"T"_s));
    QVERIFY(!out.ok());
    const Error &e = out.error();
    QCOMPARE(e.file, u"/site/archetypes/posts.md"_s);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QCOMPARE(e.kind, kind);
    QVERIFY(!e.message.isEmpty());
}

void TestArchetype::findsArchetypeInHugoOrder_data()
{
    QTest::addColumn<QStringList>("files"); // archetype files present, relative to the site
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("expected"); // empty: Hugo's built-in default
    const QString sitePosts = u"archetypes/posts.md"_s;
    const QString siteDefault = u"archetypes/default.md"_s;
    const QString themePosts = u"themes/t/archetypes/posts.md"_s;
    const QString themeDefault = u"themes/t/archetypes/default.md"_s;
    QTest::newRow("site section archetype first")
        << QStringList{sitePosts, siteDefault, themePosts, themeDefault} << u"posts"_s << sitePosts;
    // Checked with hugo 0.111.3: a theme's section archetype beats the site's default.md.
    QTest::newRow("theme section archetype before site default")
        << QStringList{siteDefault, themePosts, themeDefault} << u"posts"_s << themePosts;
    QTest::newRow("site default") << QStringList{siteDefault, themeDefault} << u"posts"_s << siteDefault;
    QTest::newRow("theme default") << QStringList{themeDefault} << u"posts"_s << themeDefault;
    QTest::newRow("nested section uses the first folder") << QStringList{sitePosts, siteDefault} << u"posts/2025"_s
                                                          << sitePosts;
    QTest::newRow("other section falls back to default") << QStringList{sitePosts, siteDefault} << u"notes"_s
                                                         << siteDefault;
    QTest::newRow("top level uses default only") << QStringList{sitePosts, siteDefault} << QString() << siteDefault;
    QTest::newRow("none: built-in") << QStringList{} << u"posts"_s << QString();
}

void TestArchetype::findsArchetypeInHugoOrder()
{
    QFETCH(QStringList, files);
    QFETCH(QString, section);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"hugo.toml"_s), "title = \"t\"\ntheme = \"t\"\n"_ba));
    for (const QString &f : files)
        QVERIFY(writeFile(dir.filePath(f), "---\n---\n"_ba));
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    const QString found = archetype::findArchetype(site.value(), section);
    QCOMPARE(found, expected.isEmpty() ? QString() : QDir::cleanPath(dir.filePath(expected)));
}

void TestArchetype::builtinArchetypeWhenSiteHasNone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"hugo.toml"_s), "title = \"t\"\n"_ba));
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    archetype::NewPost post = fixedPost(u"X Y"_s);
    const auto path = archetype::create(site.value(), post);
    QVERIFY2(path.ok(), qPrintable(errorText(path)));
    // What hugo 0.111.3 writes without any archetype (`hugo new posts/x-y.md`, TZ=Asia/Taipei).
    QCOMPARE(readFile(path.value()), "---\ntitle: \"X Y\"\ndate: 2025-06-02T09:30:05+08:00\ndraft: true\n---\n\n"_ba);
}

void TestArchetype::titleEditChangesOnlyTheTitleBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(u"site"_s);
    QVERIFY(test::copyTree(sampleSite(), root));
    const auto site = Site::load(root);
    QVERIFY(site.ok());
    const archetype::NewPost post = fixedPost(u"晶片之島的電力難題：半導體擴產與能源轉型的拉鋸"_s);
    const QString archetypeFile = archetype::findArchetype(site.value(), post.section);
    const auto expanded = archetype::expand(readFile(archetypeFile), archetypeFile, site.value(), post);
    QVERIFY(expanded.ok());
    const auto path = archetype::create(site.value(), post);
    QVERIFY2(path.ok(), qPrintable(errorText(path)));
    QCOMPARE(QFileInfo(path.value()).fileName(), u"晶片之島的電力難題半導體擴產與能源轉型的拉鋸.md"_s);
    const QByteArray written = readFile(path.value());
    QCOMPARE(written, withTitleValue(expanded.value(), u"晶片之島的電力難題半導體擴產與能源轉型的拉鋸"_s, post.title));
    QVERIFY(written.startsWith("---\ntitle: \"晶片之島的電力難題：半導體擴產與能源轉型的拉鋸\"\n"));
}

void TestArchetype::createMakesMissingFolders()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"hugo.toml"_s), "contentDir = \"src/content\"\n"_ba));
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    archetype::NewPost post = fixedPost(u"Deep"_s);
    post.section = u"notes/2025"_s;
    const auto path = archetype::create(site.value(), post);
    QVERIFY2(path.ok(), qPrintable(errorText(path)));
    QCOMPARE(path.value(), QDir::cleanPath(dir.filePath(u"src/content/notes/2025/deep.md"_s)));
    QVERIFY(QFileInfo(path.value()).isFile());
}

void TestArchetype::createRefusesToOverwrite()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"hugo.toml"_s), "title = \"t\"\n"_ba));
    QVERIFY(writeFile(dir.filePath(u"content/posts/taken.md"_s), "mine\n"_ba));
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    const auto result = archetype::create(site.value(), fixedPost(u"Taken"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, QDir::cleanPath(dir.filePath(u"content/posts/taken.md"_s)));
    QCOMPARE(readFile(dir.filePath(u"content/posts/taken.md"_s)), "mine\n"_ba);
}

void TestArchetype::createRefusesPathsOutsideContent_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("name");
    QTest::newRow("dot-dot section") << u"../outside"_s << u"x"_s;
    QTest::newRow("absolute section") << u"/tmp"_s << u"x"_s;
    QTest::newRow("slash in name") << u"posts"_s << u"a/b"_s;
    QTest::newRow("dot-dot name") << u"posts"_s << u".."_s;
}

void TestArchetype::createRefusesPathsOutsideContent()
{
    QFETCH(QString, section);
    QFETCH(QString, name);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"hugo.toml"_s), "title = \"t\"\n"_ba));
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    archetype::NewPost post = fixedPost(u"T"_s, name);
    post.section = section;
    const auto result = archetype::create(site.value(), post);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Invalid);
}

void TestArchetype::cliExitCodes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(u"site"_s);
    QVERIFY(test::copyTree(sampleSite(), root));

    const CliRun made = runNew({u"Hello World"_s, u"--site"_s, root});
    QCOMPARE(made.code, int(cli::Clean));
    QCOMPARE(made.out, root + u"/content/posts/hello-world.md\n"_s);

    const CliRun again = runNew({u"Hello World"_s, u"--site"_s, root});
    QCOMPARE(again.code, int(cli::Problems));
    QVERIFY2(again.err.contains(u"hello-world.md"_s), qPrintable(again.err));

    const CliRun named = runNew({u"Hello World"_s, u"--site"_s, root, u"--section"_s, u"notes"_s, u"--name"_s, u"hi.md"_s});
    QCOMPARE(named.code, int(cli::Clean));
    QCOMPARE(named.out, root + u"/content/notes/hi.md\n"_s);

    QCOMPARE(runNew({u"No Site"_s}).code, int(cli::CouldNotRun));
    QCOMPARE(runNew({u"--site"_s, root}).code, int(cli::CouldNotRun));
    QCOMPARE(runNew({u"A"_s, u"B"_s, u"--site"_s, root}).code, int(cli::CouldNotRun));
    QCOMPARE(runNew({u"T"_s, u"--site"_s, dir.filePath(u"missing"_s)}).code, int(cli::CouldNotRun));
    QCOMPARE(runNew({u"T"_s, u"--site"_s, root, u"--bogus"_s}).code, int(cli::CouldNotRun));

    QVERIFY(writeFile(root + u"/archetypes/posts.md"_s, "---\ntitle: {{ .Title }}\n---\n"_ba));
    const CliRun unsupported = runNew({u"Another"_s, u"--site"_s, root});
    QCOMPARE(unsupported.code, int(cli::CouldNotRun));
    QVERIFY2(unsupported.err.startsWith(root + u"/archetypes/posts.md:2:11: "_s), qPrintable(unsupported.err));
    QVERIFY(!QFileInfo::exists(root + u"/content/posts/another.md"_s));

    // Through the dispatcher as well.
    QString out, err;
    QTextStream o(&out), e(&err);
    QCOMPARE(cli::run({u"new"_s, u"Via Run"_s, u"--site"_s, root, u"--section"_s, u"notes"_s}, o, e), int(cli::Clean));
}

QTEST_GUILESS_MAIN(TestArchetype)
#include "tst_archetype.moc"
