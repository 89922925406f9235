// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #21: nothing named in a post, a dialog or a pattern writes outside its folder
// (confinedPath), image paths that leave the site are errors at their line for check, Publish
// and the Problems panel alike, and every command keeps one exit-code contract.
#include "../testfiles.h"
#include "clirun.h"
#include "commands.h"
#include "document/postfile.h"
#include "images/imageimport.h"
#include "images/postimages.h"
#include "publish/archetype.h"
#include "publish/publisher.h"
#include "publish/validator.h"
#include "site/site.h"
#include "util/confinedpath.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

const QString kSampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site");
const QByteArray kTinyPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

using test::CliRun;
using test::runCli;

// Every file below `dir`, relative, sorted: what a refused publish must leave as it was.
QStringList listTree(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

QByteArray traversalPost(const QByteArray &url)
{
    return "---\ntitle: \"Innocent post\"\ndate: 2025-01-01T10:00:00+08:00\ndraft: true\n---\n\nHello.\n\n![](" + url
        + ")\n";
}

} // namespace

class TestConfinement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void confinedPath_data();
    void confinedPath();
    void confinedPathRefusesSymlinksLeadingOut();
    void siteUrlPath_data();
    void siteUrlPath();
    void traversalPostIsRefusedEverywhere_data();
    void traversalPostIsRefusedEverywhere();
    void symlinkedStaticFolderPointingOutIsRefused();
    void sectionAndNameCannotLeaveContent_data();
    void sectionAndNameCannotLeaveContent();
    void newPostRefusesASymlinkedSection();
    void imageImportRefusesASymlinkedFolder();
    void checkSaysWhatPublishSays_data();
    void checkSaysWhatPublishSays();
    void everyCommandKeepsTheExitCodeContract();
    void symlinkLoopIsNamedAsSuch();
    void buildRenderNeverIsAWarning_data();
    void buildRenderNeverIsAWarning();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_site;
    QString m_outside; // a folder beside the site, standing for ~/.config
};

void TestConfinement::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_site = m_tmp->path() + u"/site"_s;
    QVERIFY(test::copyTree(kSampleSite, m_site));
    m_outside = m_tmp->path() + u"/home/.config/autostart"_s;
    QVERIFY(QDir().mkpath(m_outside));
}

void TestConfinement::confinedPath_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("expected"); // relative to the folder; empty: refused
    QTest::newRow("plain") << u"images/x.jpg"_s << u"images/x.jpg"_s;
    QTest::newRow("dot segments") << u"./images//./x.jpg"_s << u"images/x.jpg"_s;
    QTest::newRow("parent inside") << u"a/../images/x.jpg"_s << u"images/x.jpg"_s;
    QTest::newRow("CJK") << u"圖片/港口.jpg"_s << u"圖片/港口.jpg"_s;
    QTest::newRow("parent out") << u"../x.jpg"_s << QString();
    QTest::newRow("parent out after a folder") << u"a/../../x.jpg"_s << QString();
    QTest::newRow("absolute") << u"/etc/passwd"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only dots") << u"./."_s << QString();
    QTest::newRow("the folder itself") << u"a/.."_s << QString();
    QTest::newRow("backslash") << u"..\\..\\x"_s << QString();
    QTest::newRow("NUL") << u"a\u0000b"_s << QString();
}

void TestConfinement::confinedPath()
{
    QFETCH(QString, relative);
    QFETCH(QString, expected);
    const QString folder = m_site + u"/static"_s;
    const Result<QString> got = frontmark::confinedPath(folder, relative);
    if (expected.isEmpty()) {
        QVERIFY2(!got.ok(), qPrintable(got.ok() ? got.value() : QString()));
        QVERIFY(got.error().message.contains(u"leaves the folder"_s));
    } else {
        QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message));
        QCOMPARE(got.value(), folder + u'/' + expected);
    }
}

void TestConfinement::confinedPathRefusesSymlinksLeadingOut()
{
    const QString folder = m_site + u"/static"_s;
    QVERIFY(QFile::link(m_outside, folder + u"/out"_s));            // a folder link leading out
    QVERIFY(QFile::link(folder + u"/images"_s, folder + u"/in"_s)); // one that stays inside
    QVERIFY(QFile::link(m_outside + u"/evil.desktop"_s, folder + u"/leaf.desktop"_s)); // dangling, outside
    QVERIFY(!frontmark::confinedPath(folder, u"out/evil.desktop"_s).ok());
    QVERIFY(!frontmark::confinedPath(folder, u"out/new/deeper/evil.desktop"_s).ok());
    QVERIFY(!frontmark::confinedPath(folder, u"leaf.desktop"_s).ok());
    QVERIFY(frontmark::confinedPath(folder, u"in/posts/x.jpg"_s).ok());
    // A static folder that does not exist yet is judged by its nearest existing parent.
    QVERIFY(frontmark::confinedPath(m_site + u"/static2"_s, u"images/x.jpg"_s).ok());
    QVERIFY(!frontmark::confinedPath(m_site + u"/static2"_s, u"../static/x.jpg"_s).ok());
}

void TestConfinement::siteUrlPath_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("expected"); // empty: leaves the site
    QTest::newRow("site path") << u"/images/x.jpg"_s << u"/posts/a/"_s << u"/images/x.jpg"_s;
    QTest::newRow("relative") << u"x.jpg"_s << u"/posts/a/"_s << u"/posts/a/x.jpg"_s;
    QTest::newRow("relative up, inside") << u"../../images/x.jpg?w=3#top"_s << u"/posts/a/"_s << u"/images/x.jpg"_s;
    QTest::newRow("issue's post") << u"/../../../../../../../home/USER/.config/autostart/evil.desktop"_s
                                  << u"/posts/a/"_s << QString();
    QTest::newRow("relative climbing out") << u"../../../x.jpg"_s << u"/posts/a/"_s << QString();
    QTest::newRow("percent-encoded dots") << u"%2e%2e/%2E%2E/%2e%2e/x.jpg"_s << u"/posts/a/"_s << QString();
    QTest::newRow("encoded slash") << u"..%2f..%2f..%2fx.jpg"_s << u"/posts/a/"_s << QString();
    QTest::newRow("backslashes") << u"..\\..\\..\\x.jpg"_s << u"/posts/a/"_s << QString();
    QTest::newRow("CJK encoded") << u"/images/%E6%B8%AF.jpg"_s << u"/"_s << u"/images/港.jpg"_s;
}

void TestConfinement::siteUrlPath()
{
    QFETCH(QString, url);
    QFETCH(QString, page);
    QFETCH(QString, expected);
    const std::optional<QString> got = frontmark::siteUrlPath(url, page);
    QCOMPARE(got.value_or(QString()), expected);
}

void TestConfinement::traversalPostIsRefusedEverywhere_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::newRow("absolute with ..") << "/../../../../../../../OUTSIDE/evil.desktop"_ba;
    QTest::newRow("percent-encoded relative") << "%2e%2e/%2e%2e/%2e%2e/%2e%2e/OUTSIDE/evil.desktop"_ba;
}

void TestConfinement::traversalPostIsRefusedEverywhere()
{
    QFETCH(QByteArray, url);
    // The issue's post, pointed at a folder of this test instead of the real ~/.config.
    url.replace("OUTSIDE", QDir(u"/"_s).relativeFilePath(m_outside).toUtf8());
    const QString drafts = m_tmp->path() + u"/Documents"_s;
    QVERIFY(QDir().mkpath(drafts));
    const QString draft = drafts + u"/post.md"_s;
    QVERIFY(test::writeFile(draft, traversalPost(url)));
    QVERIFY(test::writeFile(drafts + u"/evil.desktop"_s, "[Desktop Entry]\nExec=touch /tmp/owned\n"_ba));
    const QStringList siteBefore = listTree(m_site);
    const QStringList outsideBefore = listTree(m_tmp->path() + u"/home"_s);

    // check: exit 1, the error at the image's line (9) and column.
    const CliRun check = runCli({u"check"_s, draft});
    QCOMPARE(check.code, int(cli::Problems));
    QVERIFY2(check.out.contains(draft + u":9:1: error: "_s) && check.out.contains(u"leaves the site"_s), qPrintable(check.out));

    // publish --yes: refused, with the same error; nothing written anywhere.
    const CliRun publish = runCli({u"publish"_s, draft, u"--site"_s, m_site, u"--yes"_s});
    QCOMPARE(publish.code, int(cli::Problems));
    QVERIFY2(publish.err.contains(u":9:1: error: "_s) && publish.err.contains(u"leaves the site"_s), qPrintable(publish.err));
    QCOMPARE(listTree(m_site), siteBefore);
    QCOMPARE(listTree(m_tmp->path() + u"/home"_s), outsideBefore);
    QVERIFY(!QFileInfo::exists(m_outside + u"/evil.desktop"_s));

    // The plan itself plans no copy, so even a caller that ignored the errors could not write it.
    const auto post = PostFile::load(draft);
    QVERIFY(post.ok());
    publisher::Options options;
    options.targetSite = m_site;
    const publisher::Plan plan = publisher::prepare(post.value(), draft, options);
    QVERIFY(plan.hasErrors());
    QVERIFY(plan.images.isEmpty());
    QVERIFY(!publisher::execute(plan).ok());
    QVERIFY(!QFileInfo::exists(m_outside + u"/evil.desktop"_s));

    // The Problems panel's parts say the same: the images list marks it and imageProblems errs.
    RenderOptions render;
    render.site = Site::forPost(draft);
    render.postPath = draft;
    render.bodyFirstLine = post.value().bodyFirstLine();
    const QList<PostImage> images = findImages(post.value().bodyText(), render);
    QCOMPARE(images.size(), 1);
    QCOMPARE(images[0].status, PostImage::Status::OutsideSite);
    const Diagnostics problems = imageProblems(images, draft);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0].isError());
    QCOMPARE(problems[0].line, 9);
    QCOMPARE(problems[0].code, u"path-leaves-site"_s);
}

void TestConfinement::symlinkedStaticFolderPointingOutIsRefused()
{
    // static/images/new is a link to a folder outside the site: a draft's image copied to
    // /images/new/x.png would land there.
    QVERIFY(QFile::link(m_outside, m_site + u"/static/images/new"_s));
    const QString drafts = m_tmp->path() + u"/Documents"_s;
    const QString draft = drafts + u"/post.md"_s;
    QVERIFY(QDir().mkpath(drafts + u"/images/new"_s));
    QVERIFY(test::writeFile(drafts + u"/images/new/x.png"_s, kTinyPng));
    QVERIFY(test::writeFile(draft, traversalPost("/images/new/x.png")));
    const CliRun publish = runCli({u"publish"_s, draft, u"--site"_s, m_site, u"--yes"_s});
    QCOMPARE(publish.code, int(cli::Problems));
    QVERIFY2(publish.err.contains(u"leaves the folder"_s), qPrintable(publish.err));
    QVERIFY(listTree(m_outside).isEmpty());
    QVERIFY(!QFileInfo::exists(m_site + u"/content/posts/2025-01-01-innocent-post.md"_s));

    // Without the link the same draft publishes, copying its image (the test can fail).
    QVERIFY(QFile::remove(m_site + u"/static/images/new"_s));
    const CliRun again = runCli({u"publish"_s, draft, u"--site"_s, m_site, u"--yes"_s});
    QCOMPARE(again.code, int(cli::Clean));
    QVERIFY(QFileInfo(m_site + u"/static/images/new/x.png"_s).isFile());
}

void TestConfinement::sectionAndNameCannotLeaveContent_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("section ..") << QStringList{u"--section"_s, u"../../home"_s};
    QTest::newRow("section absolute") << QStringList{u"--section"_s, u"/tmp"_s};
    QTest::newRow("section through a link") << QStringList{u"--section"_s, u"linked"_s};
    QTest::newRow("name with ..") << QStringList{u"--name"_s, u"../../evil"_s};
    QTest::newRow("name with a slash") << QStringList{u"--name"_s, u"a/b"_s};
}

void TestConfinement::sectionAndNameCannotLeaveContent()
{
    QFETCH(QStringList, args);
    QVERIFY(QFile::link(m_outside, m_site + u"/content/linked"_s));
    const QString draft = m_tmp->path() + u"/post.md"_s;
    QVERIFY(test::writeFile(draft, "---\ntitle: \"A post\"\ndate: 2025-01-01T10:00:00+08:00\ndraft: true\n---\n\nHello.\n"_ba));
    const QStringList before = listTree(m_tmp->path());
    const CliRun publish = runCli(QStringList{u"publish"_s, draft, u"--site"_s, m_site, u"--yes"_s} + args);
    QCOMPARE(publish.code, int(cli::Problems));
    QCOMPARE(listTree(m_tmp->path()), before);

    // `new` takes the same --section and --name.
    const CliRun created = runCli(QStringList{u"new"_s, u"A post"_s, u"--site"_s, m_site} + args);
    QVERIFY2(created.code != int(cli::Clean), qPrintable(created.out + created.err));
    QCOMPARE(listTree(m_tmp->path()), before);
}

void TestConfinement::newPostRefusesASymlinkedSection()
{
    QVERIFY(QFile::link(m_outside, m_site + u"/content/notes"_s));
    auto site = Site::load(m_site);
    QVERIFY(site.ok());
    archetype::NewPost post;
    post.title = u"Hello"_s;
    post.section = u"notes"_s;
    const Result<QString> created = archetype::create(site.value(), post);
    QVERIFY(!created.ok());
    QVERIFY(listTree(m_outside).isEmpty());
    post.section = u"posts"_s; // a real section still works
    QVERIFY(archetype::create(site.value(), post).ok());
}

void TestConfinement::imageImportRefusesASymlinkedFolder()
{
    QVERIFY(QFile::link(m_outside, m_site + u"/static/shots"_s));
    auto site = Site::load(m_site);
    QVERIFY(site.ok());
    imageimport::Request request;
    request.bytes = kTinyPng;
    request.pattern = u"/shots/{hash}.{ext}"_s;
    const auto imported = imageimport::importImage(site.value(), m_site + u"/content/posts/a.md"_s, request);
    QVERIFY(!imported.ok());
    QVERIFY(imported.error().message.contains(u"leaves the folder"_s));
    QVERIFY(listTree(m_outside).isEmpty());
    request.pattern = u"/images/{hash}.{ext}"_s;
    QVERIFY(imageimport::importImage(site.value(), m_site + u"/content/posts/a.md"_s, request).ok());
}

void TestConfinement::checkSaysWhatPublishSays_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line"); // of the first error
    QTest::newRow("no front matter") << "Just text.\n"_ba << 1;
    QTest::newRow("no title") << "---\ndate: 2025-01-01T10:00:00+08:00\ndraft: true\n---\n\nText.\n"_ba << 2;
    QTest::newRow("empty title") << "---\ntitle: \"\"\ndate: 2025-01-01T10:00:00+08:00\n---\n\nText.\n"_ba << 2;
    QTest::newRow("path leaves the site")
        << "---\ntitle: A\ndate: 2025-01-01T10:00:00+08:00\n---\n\nText.\n\n![x](/../../x.png)\n"_ba << 8;
    QTest::newRow("missing image") << "---\ntitle: A\ndate: 2025-01-01T10:00:00+08:00\n---\n\n![x](/images/none.png)\n"_ba
                                   << 6;
    QTest::newRow("unknown shortcode") << "---\ntitle: A\ndate: 2025-01-01T10:00:00+08:00\n---\n\n{{< nosuch >}}\n"_ba << 6;
}

void TestConfinement::checkSaysWhatPublishSays()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const QString post = m_site + u"/content/posts/case.md"_s;
    QVERIFY(test::writeFile(post, text));
    const CliRun check = runCli({u"check"_s, post});
    QCOMPARE(check.code, int(cli::Problems));
    QVERIFY2(check.out.contains(post + u':' + QString::number(line) + u':'), qPrintable(check.out));
    const CliRun publish = runCli({u"publish"_s, post, u"--yes"_s});
    QCOMPARE(publish.code, int(cli::Problems));
    QVERIFY2(publish.err.contains(post + u':' + QString::number(line) + u':'), qPrintable(publish.err));
    QCOMPARE(test::readFile(post), text);
}

void TestConfinement::everyCommandKeepsTheExitCodeContract()
{
    // A post whose front matter does not parse: a problem in the post (1) for every command
    // that reads it; a file that is not there: could not run (2).
    const QString bad = m_site + u"/content/posts/bad.md"_s;
    QVERIFY(test::writeFile(bad, "---\ntitle: [unclosed\n---\n\nText.\n"_ba));
    const QString missing = m_site + u"/content/posts/none.md"_s;
    const QList<QStringList> commands{{u"check"_s}, {u"images"_s}, {u"render"_s}, {u"get"_s, u"@"_s, u"title"_s},
                                      {u"set"_s, u"@"_s, u"title"_s, u"B"_s}, {u"publish"_s, u"@"_s, u"--yes"_s}};
    for (const QStringList &command : commands) {
        for (const auto &[file, expected] : {std::pair{bad, int(cli::Problems)}, std::pair{missing, int(cli::CouldNotRun)}}) {
            QStringList args = command;
            if (args.contains(u"@"_s))
                args.replace(args.indexOf(u"@"_s), file);
            else
                args << file;
            const CliRun r = runCli(args);
            QVERIFY2(r.code == expected, qPrintable(args.join(u' ') + u" exited "_s + QString::number(r.code) + u"\n"_s + r.err));
        }
    }
    // And the contract is written in --help.
    const CliRun help = runCli({u"--help"_s});
    QVERIFY(help.out.contains(u"0  clean"_s) && help.out.contains(u"1  problems found"_s) && help.out.contains(u"2  could not run"_s));
}

void TestConfinement::symlinkLoopIsNamedAsSuch()
{
    const QString loop = m_tmp->path() + u"/loop.md"_s;
    QVERIFY(QFile::link(loop, loop));
    for (const QString &command : {u"check"_s, u"images"_s, u"render"_s}) {
        const CliRun r = runCli({command, loop});
        QCOMPARE(r.code, int(cli::CouldNotRun));
        QVERIFY2(r.err.contains(u"symbolic links"_s, Qt::CaseInsensitive), qPrintable(command + u": "_s + r.err));
    }
}

void TestConfinement::buildRenderNeverIsAWarning_data()
{
    QTest::addColumn<QByteArray>("frontMatter");
    QTest::addColumn<bool>("warned");
    QTest::newRow("_build render never") << "_build:\n  render: never\n"_ba << true;
    QTest::newRow("build render never") << "build:\n  render: never\n"_ba << true;
    QTest::newRow("old spelling false") << "_build:\n  render: false\n"_ba << true;
    QTest::newRow("render always") << "build:\n  render: always\n"_ba << false;
    QTest::newRow("list never only") << "build:\n  list: never\n"_ba << false;
}

void TestConfinement::buildRenderNeverIsAWarning()
{
    QFETCH(QByteArray, frontMatter);
    QFETCH(bool, warned);
    const QString post = m_site + u"/content/posts/b.md"_s;
    QVERIFY(test::writeFile(post, "---\ntitle: A\ndate: 2025-01-01T10:00:00+08:00\n" + frontMatter + "---\n\nText.\n"));
    const CliRun check = runCli({u"check"_s, post});
    QCOMPARE(check.code, int(cli::Clean));
    QCOMPARE(check.out.contains(u"Hugo builds no page"_s), warned);
    QCOMPARE(check.out.contains(post + u":4:1: warning:"_s), warned);
}

QTEST_GUILESS_MAIN(TestConfinement)
#include "tst_confinement.moc"
