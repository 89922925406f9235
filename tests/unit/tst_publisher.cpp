// SPDX-License-Identifier: GPL-3.0-or-later
// Publishing (issue #5): validation, where the post goes, what changes on disk, images
// copied along, and that a refused or failed publish leaves every file as it was.
#include "../testfiles.h"
#include "clirun.h"
#include "commands.h"
#include "document/postfile.h"
#include "publish/publisher.h"
#include "io/safewrite.h"
#include "render/markdownrenderer.h"
#include "site/site.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cerrno>
#include <memory>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

const QString kSampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site");
const QString kSamplePost = u"content/posts/2025-06-02-taiwan-chip-energy.md"_s;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

PostFile loadPost(const QString &path)
{
    auto loaded = PostFile::load(path);
    if (!loaded.ok())
        qFatal("cannot load %s", qPrintable(loaded.error().toString()));
    return loaded.value();
}

QStringList problemTexts(const publisher::Plan &plan)
{
    QStringList out;
    for (const Diagnostic &d : plan.problems)
        out << d.toString();
    return out;
}

// Lines that differ between two texts of the same line count (bytes, endings included).
QList<int> changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n'), lb = b.split('\n');
    QList<int> out;
    for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i) {
        if (la.value(i) != lb.value(i))
            out << int(i + 1);
    }
    return out;
}

using test::CliRun;
using test::runCli;

const QDateTime kNow = QDateTime(QDate(2026, 11, 29), QTime(10, 0), QTimeZone(8 * 3600));

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void publishesSamplePostFlippingOnlyDraft();
    void publishingAPublishedPostChangesNothing();
    void setDateChangesOnlyDateAndDraft();
    void missingImageIsRefusedWithItsPlace();
    void problemsAreLocatedInTheFileAsPublished();
    void validationProblems_data();
    void validationProblems();
    void brokenSiteConfigIsAnError();
    void unknownShortcodeIsFineWhenTheSiteHasItsTemplate();
    void publishesDraftFromOutsideSiteWithItsImages();
    void outsideDraftNeedsASite();
    void defaultNameKeepsCjkTitles();
    void neverOverwritesAnotherPostWithoutAsking();
    void refusesWhenTheTargetChangedAfterTheCheck();
    void differentImageAlreadyInSiteIsAnError();
    void writeFailureKeepsTheOldFile();
    void cliPublishesInPlace();
    void cliWarningsNeedYes();
    void cliDryRunWritesNothing();
    void cliRefusesMissingImageWithItsPlace();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_site;
    QString m_post;
    QByteArray m_original;
};

void TestPublisher::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_site = m_tmp->path() + u"/site"_s;
    QVERIFY(test::copyTree(kSampleSite, m_site));
    m_post = m_site + u'/' + kSamplePost;
    m_original = readFile(m_post);
    QVERIFY(m_original.contains("\ndraft: false\n"));
    // The sample is published; make it the draft a writer is about to publish.
    QByteArray draft = m_original;
    draft.replace("\ndraft: false\n", "\ndraft: true\n");
    writeFile(m_post, draft);
}

void TestPublisher::publishesSamplePostFlippingOnlyDraft()
{
    const QByteArray before = readFile(m_post);
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY2(!plan.hasErrors(), qPrintable(problemTexts(plan).join(u'\n')));
    QVERIFY(plan.inPlace);
    QCOMPARE(plan.targetPath, m_post);
    QCOMPARE(plan.oldBytes, before);
    QVERIFY(plan.images.isEmpty());
    const QString diff = plan.diff();
    QVERIFY2(diff.contains(u"\n-draft: true\n+draft: false\n"_s), qPrintable(diff));
    QStringList changes;
    for (const QString &line : diff.split(u'\n')) {
        if ((line.startsWith(u'+') && !line.startsWith(u"+++"_s)) || (line.startsWith(u'-') && !line.startsWith(u"---"_s)))
            changes << line;
    }
    QCOMPARE(changes, (QStringList{u"-draft: true"_s, u"+draft: false"_s}));

    const auto written = publisher::execute(plan);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    // Byte for byte the published sample: only the draft line flipped.
    QCOMPARE(readFile(m_post), m_original);
    QCOMPARE(changedLines(before, readFile(m_post)), QList<int>{9});
}

void TestPublisher::publishingAPublishedPostChangesNothing()
{
    writeFile(m_post, m_original);
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY(!plan.hasErrors());
    QCOMPARE(plan.newBytes, m_original);
    QVERIFY(plan.diff().isEmpty());
}

void TestPublisher::setDateChangesOnlyDateAndDraft()
{
    const QByteArray before = readFile(m_post);
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.setDate = true, .now = kNow});
    QVERIFY(!plan.hasErrors());
    QCOMPARE(changedLines(before, plan.newBytes), (QList<int>{3, 9}));
    const QByteArray dateLine = plan.newBytes.split('\n').at(2);
    QCOMPARE(dateLine, "date: 2026-11-29T10:00:00+08:00"_ba);
}

void TestPublisher::missingImageIsRefusedWithItsPlace()
{
    QByteArray bytes = readFile(m_post);
    const int lineCount = int(bytes.count('\n'));
    bytes += "\n![不見了](/images/posts/nope.jpg)\n";
    writeFile(m_post, bytes);
    const int imageLine = lineCount + 2;

    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY(plan.hasErrors());
    const QString where = u"%1:%2:%3: error: "_s.arg(m_post).arg(imageLine).arg(8);
    QVERIFY2(problemTexts(plan).filter(where).size() == 1, qPrintable(problemTexts(plan).join(u'\n') + u"\nwanted " + where));
    QVERIFY(problemTexts(plan).filter(where).first().contains(u"/images/posts/nope.jpg"_s));

    const auto written = publisher::execute(plan);
    QVERIFY(!written.ok());
    QCOMPARE(readFile(m_post), bytes);
}

void TestPublisher::problemsAreLocatedInTheFileAsPublished()
{
    // No date yet: "set the date to now" adds a line, so the image moves from line 6 to 7.
    const QString path = m_site + u"/content/posts/undated.md"_s;
    writeFile(path, "---\ntitle: A\ndraft: true\n---\n\n![x](/images/nope.png)\n"_ba);
    const publisher::Plan plan = publisher::prepare(loadPost(path), path, {.setDate = true, .now = kNow});
    QVERIFY(plan.newBytes.contains("\ndate: 2026-11-29T10:00:00+08:00\n"));
    QCOMPARE(plan.newBytes.split('\n').indexOf("![x](/images/nope.png)") + 1, 7);
    QVERIFY2(problemTexts(plan).filter(path + u":7:6: error: "_s).size() == 1, qPrintable(problemTexts(plan).join(u'\n')));
}

void TestPublisher::validationProblems_data()
{
    QTest::addColumn<QByteArray>("post");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("where");   // ":line:column: error|warning: "
    QTest::addColumn<QString>("fragment");

    QTest::newRow("no title") << "---\ndate: 2025-01-01\ndraft: true\n---\nText\n"_ba << true
                              << u":2:1: error: "_s << u"no title"_s;
    QTest::newRow("empty title") << "---\ntitle: \"\"\ndate: 2025-01-01\n---\nText\n"_ba << true
                                 << u":2:1: error: "_s << u"no title"_s;
    QTest::newRow("future date warns") << "---\ntitle: A\ndate: 2027-01-01T00:00:00+08:00\ndraft: true\n---\nText\n"_ba
                                       << false << u":3:1: warning: "_s << u"buildFuture"_s;
    QTest::newRow("unreadable date") << "---\ntitle: A\ndate: \"next tuesday\"\n---\nText\n"_ba << true
                                     << u":3:1: error: "_s << u"not a date"_s;
    QTest::newRow("no date warns") << "---\ntitle: A\n---\nText\n"_ba << false << u":2:1: warning: "_s << u"no date"_s;
    QTest::newRow("broken front matter") << "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nText\n"_ba << true
                                         << u":3:5: error: "_s << QString();
    QTest::newRow("unknown shortcode") << "---\ntitle: A\ndate: 2025-01-01\n---\nText\n\n{{< nosuch thing >}}\n"_ba << true
                                       << u":7:1: error: "_s << u"nosuch"_s;
    QTest::newRow("malformed shortcode") << "---\ntitle: A\ndate: 2025-01-01\n---\n\n{{< youtube >}}\n"_ba << true
                                         << u":6:1: error: "_s << u"youtube"_s;
    QTest::newRow("merged caption warns") << "---\ntitle: A\ndate: 2025-01-01\n---\n\n![](/images/posts/20250602-8c41d7a0.jpg)\n無塵室\n"_ba
                                          << false << u":7:1: warning: "_s << u"one paragraph"_s;
    QTest::newRow("raw html dropped") << "---\ntitle: A\ndate: 2025-01-01\n---\n\n<div class=\"x\">hi</div>\n"_ba << false
                                      << u":6:1: warning: "_s << u"unsafe"_s;
}

void TestPublisher::validationProblems()
{
    QFETCH(QByteArray, post);
    QFETCH(bool, isError);
    QFETCH(QString, where);
    QFETCH(QString, fragment);
    const QString path = m_site + u"/content/posts/check.md"_s;
    writeFile(path, post);
    const publisher::Plan plan = publisher::prepare(loadPost(path), path, {.now = kNow});
    const QStringList texts = problemTexts(plan);
    const QStringList hits = texts.filter(path + where);
    QVERIFY2(!hits.isEmpty(), qPrintable(texts.join(u'\n') + u"\nwanted " + path + where));
    QVERIFY2(fragment.isEmpty() || hits.first().contains(fragment, Qt::CaseInsensitive), qPrintable(hits.first()));
    QCOMPARE(plan.hasErrors(), isError);
    if (isError)
        QVERIFY(!publisher::execute(plan).ok());
    QCOMPARE(readFile(path), post);
}

void TestPublisher::brokenSiteConfigIsAnError()
{
    writeFile(m_site + u"/hugo.toml"_s, "baseURL = \"https://example.org/\"\ntitle = \"unclosed\n"_ba);
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY(plan.hasErrors());
    QVERIFY2(problemTexts(plan).join(u'\n').contains(m_site + u"/hugo.toml:2:"_s), qPrintable(problemTexts(plan).join(u'\n')));
    QVERIFY(!publisher::execute(plan).ok());
}

void TestPublisher::unknownShortcodeIsFineWhenTheSiteHasItsTemplate()
{
    const QString path = m_site + u"/content/posts/note.md"_s;
    writeFile(path, "---\ntitle: A\ndate: 2025-01-01\ndraft: true\n---\n{{< note >}}Careful{{< /note >}}\n"_ba);
    QVERIFY(publisher::prepare(loadPost(path), path, {.now = kNow}).hasErrors());
    writeFile(m_site + u"/layouts/shortcodes/note.html"_s, "<aside>{{ .Inner }}</aside>\n"_ba);
    const publisher::Plan plan = publisher::prepare(loadPost(path), path, {.now = kNow});
    QVERIFY2(!plan.hasErrors(), qPrintable(problemTexts(plan).join(u'\n')));
    QVERIFY(!plan.hasWarnings());
}

void TestPublisher::publishesDraftFromOutsideSiteWithItsImages()
{
    const QString drafts = m_tmp->path() + u"/Documents"_s;
    const QString draft = drafts + u"/我的草稿.md"_s;
    const QByteArray jpeg = readFile(m_site + u"/static/images/posts/20250602-3fa91c2e.jpg"_s);
    QVERIFY(!jpeg.isEmpty());
    QByteArray other = jpeg;
    other[other.size() - 3] = 'x';
    writeFile(drafts + u"/images/new/harbour.jpg"_s, jpeg);     // site path, kept beside the draft
    writeFile(drafts + u"/diagram.png"_s, other);               // relative to the post
    writeFile(drafts + u"/static/images/new/cover.jpg"_s, other + "c"); // a static/ folder beside it
    const QByteArray text = "---\ntitle: \"港口的早晨\"\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\n"
                            "cover:\n  image: /images/new/cover.jpg\n---\n\n"
                            "![港口](/images/new/harbour.jpg)\n\n![圖](diagram.png)\n\n"
                            "{{< figure src=\"/images/posts/20250602-3fa91c2e.jpg\" caption=\"已在網站\" >}}\n"_ba;
    writeFile(draft, text);

    publisher::Options options{.targetSite = m_site, .section = u"posts"_s, .name = u"harbour-morning"_s, .now = kNow};
    const publisher::Plan plan = publisher::prepare(loadPost(draft), draft, options);
    QVERIFY2(!plan.hasErrors(), qPrintable(problemTexts(plan).join(u'\n')));
    QVERIFY(!plan.inPlace);
    QVERIFY(!plan.targetExists);
    const QString target = m_site + u"/content/posts/harbour-morning.md"_s;
    QCOMPARE(plan.targetPath, target);
    QCOMPARE(plan.siteRoot, m_site);
    QStringList copies;
    for (const auto &copy : plan.images)
        copies << copy.to.mid(m_site.size());
    copies.sort();
    QCOMPARE(copies, (QStringList{u"/static/images/new/cover.jpg"_s, u"/static/images/new/harbour.jpg"_s,
                                  u"/static/posts/harbour-morning/diagram.png"_s}));

    const auto written = publisher::execute(plan);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    QCOMPARE(written.value(), target);
    QByteArray expected = text;
    expected.replace("draft: true", "draft: false");
    QCOMPARE(readFile(target), expected);
    QCOMPARE(readFile(draft), text); // the draft itself is left as it was
    QCOMPARE(readFile(m_site + u"/static/images/new/harbour.jpg"_s), jpeg);
    QCOMPARE(readFile(m_site + u"/static/posts/harbour-morning/diagram.png"_s), other);

    // The published post, rendered in its site, finds every image.
    const Site site = Site::forPost(target);
    const PostFile published = loadPost(target);
    RenderOptions ro;
    ro.site = site;
    ro.postPath = target;
    ro.frontMatter = published.frontMatter().toMap();
    ro.bodyFirstLine = published.bodyFirstLine();
    const RenderResult result = MarkdownRenderer().render(published.bodyText(), ro);
    for (const Diagnostic &d : result.diagnostics)
        QVERIFY2(!d.message.contains(u"image"_s), qPrintable(d.toString()));
    static const QRegularExpression img(u"<img[^>]*src=\"([^\"]+)\""_s);
    int images = 0;
    for (auto it = img.globalMatch(result.html); it.hasNext(); ++images) {
        const QString src = it.next().captured(1);
        QVERIFY2(site.resolveLocal(src, target).has_value(), qPrintable(src));
    }
    QCOMPARE(images, 3);
    QVERIFY(site.resolveLocal(u"/images/new/cover.jpg"_s, target).has_value());

    // And Hugo itself, building the site, publishes a page whose every image is there.
    const QString hugo = QStandardPaths::findExecutable(u"hugo"_s);
    if (hugo.isEmpty())
        QFAIL("hugo is not installed: run packaging/dev.sh deps (it is in the package list)");
    writeFile(m_site + u"/layouts/_default/single.html"_s, "<main>{{ .Content }}</main>\n"_ba);
    const QString out = m_tmp->path() + u"/public"_s;
    QProcess build;
    build.start(hugo, {u"--source"_s, m_site, u"--destination"_s, out, u"--quiet"_s});
    QVERIFY(build.waitForFinished(120000));
    QVERIFY2(build.exitCode() == 0, build.readAllStandardError().constData());
    const QString page = QString::fromUtf8(readFile(out + u"/posts/harbour-morning/index.html"_s));
    QVERIFY2(!page.isEmpty(), "hugo wrote no page for the published post");
    int hugoImages = 0;
    for (auto it = img.globalMatch(page); it.hasNext(); ++hugoImages) {
        QString src = it.next().captured(1);
        if (!src.startsWith(u'/'))
            src = u"/posts/harbour-morning/"_s + src;
        QVERIFY2(QFileInfo::exists(out + QUrl::fromPercentEncoding(src.toUtf8())), qPrintable(src));
    }
    QCOMPARE(hugoImages, 3);

    // Publishing it again finds everything in place: nothing to copy, nothing changes.
    const publisher::Plan again = publisher::prepare(loadPost(draft), draft, options);
    QVERIFY(again.overwritesAnotherFile());
    for (const auto &copy : again.images)
        QVERIFY2(copy.sameFileThere, qPrintable(copy.to));
}

void TestPublisher::outsideDraftNeedsASite()
{
    const QString draft = m_tmp->path() + u"/loose.md"_s;
    writeFile(draft, "---\ntitle: A\ndate: 2025-01-01\n---\nText\n"_ba);
    const publisher::Plan plan = publisher::prepare(loadPost(draft), draft, {.now = kNow});
    QVERIFY(plan.hasErrors());
    QVERIFY(problemTexts(plan).join(u'\n').contains(u"choose the site"_s));
    const publisher::Plan bad = publisher::prepare(loadPost(draft), draft, {.targetSite = m_tmp->path() + u"/nothing"_s, .now = kNow});
    QVERIFY(bad.hasErrors());
    const publisher::Plan slash = publisher::prepare(loadPost(draft), draft, {.targetSite = m_site, .name = u"a/b"_s, .now = kNow});
    QVERIFY(slash.hasErrors());
}

void TestPublisher::defaultNameKeepsCjkTitles()
{
    const QString name = publisher::defaultName(loadPost(m_post), kNow);
    QVERIFY2(name.startsWith(u"2025-06-02-晶片之島的電力難題"_s), qPrintable(name));
    QVERIFY(!name.contains(u'：'));
    QVERIFY(!name.contains(u' '));
}

void TestPublisher::neverOverwritesAnotherPostWithoutAsking()
{
    const QString draft = m_tmp->path() + u"/draft.md"_s;
    writeFile(draft, "---\ntitle: Same name\ndate: 2025-06-02T09:15:00+08:00\ndraft: true\n---\nNew text\n"_ba);
    const publisher::Options options{.targetSite = m_site, .name = u"2025-06-02-taiwan-chip-energy"_s, .now = kNow};
    const publisher::Plan plan = publisher::prepare(loadPost(draft), draft, options);
    QVERIFY(!plan.hasErrors());
    QVERIFY(plan.overwritesAnotherFile());
    QCOMPARE(plan.targetPath, m_post);
    const QByteArray existing = readFile(m_post);
    QVERIFY(!publisher::execute(plan).ok());
    QCOMPARE(readFile(m_post), existing);
    QVERIFY(publisher::execute(plan, /*allowOverwrite=*/true).ok());
    QVERIFY(readFile(m_post).endsWith("New text\n"));
}

void TestPublisher::refusesWhenTheTargetChangedAfterTheCheck()
{
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY(!plan.hasErrors());
    QByteArray outside = readFile(m_post);
    outside += "\nAdded by another program.\n";
    writeFile(m_post, outside);
    const auto written = publisher::execute(plan);
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(u"changed on disk"_s));
    QCOMPARE(readFile(m_post), outside);
}

void TestPublisher::differentImageAlreadyInSiteIsAnError()
{
    const QString drafts = m_tmp->path() + u"/Documents"_s;
    writeFile(drafts + u"/images/posts/20250602-3fa91c2e.jpg"_s, "not the site's picture"_ba);
    writeFile(drafts + u"/d.md"_s, "---\ntitle: A\ndate: 2025-01-01\n---\n\n![x](/images/posts/20250602-3fa91c2e.jpg)\n"_ba);
    const publisher::Plan plan = publisher::prepare(loadPost(drafts + u"/d.md"_s), drafts + u"/d.md"_s,
                                                    {.targetSite = m_site, .name = u"d"_s, .now = kNow});
    QVERIFY(plan.hasErrors());
    QVERIFY2(problemTexts(plan).join(u'\n').contains(u":6:6: error: The site already has a different file"_s),
             qPrintable(problemTexts(plan).join(u'\n')));
}

void TestPublisher::writeFailureKeepsTheOldFile()
{
    const QByteArray before = readFile(m_post);
    const publisher::Plan plan = publisher::prepare(loadPost(m_post), m_post, {.now = kNow});
    QVERIFY(!plan.hasErrors());
    writefaults::inject(writefaults::Step::Write, ENOSPC);
    const auto written = publisher::execute(plan);
    const CliRun cli = runCli({u"publish"_s, m_post, u"--yes"_s});
    writefaults::inject(writefaults::Step::None, 0);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"No space left on device"_s), qPrintable(written.error().message));
    QCOMPARE(written.error().file, m_post);
    QCOMPARE(readFile(m_post), before);
    QCOMPARE(cli.code, int(cli::CouldNotRun));
    QVERIFY2(cli.err.contains(u"No space left on device"_s) && cli.err.contains(m_post + u" is unchanged"_s), qPrintable(cli.err));
    QCOMPARE(readFile(m_post), before);
    // No temporary file left beside the post.
    const QStringList leftovers = QDir(QFileInfo(m_post).absolutePath()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    QCOMPARE(leftovers, (QStringList{QFileInfo(m_post).fileName(), u"_index.md"_s}));
}

void TestPublisher::cliPublishesInPlace()
{
    const CliRun r = runCli({u"publish"_s, m_post});
    QVERIFY2(r.code == cli::Clean, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(u"+draft: false"_s));
    QVERIFY(r.out.contains(u"Published "_s + m_post));
    QCOMPARE(readFile(m_post), m_original);
}

void TestPublisher::cliWarningsNeedYes()
{
    QByteArray bytes = readFile(m_post);
    bytes.replace("date: 2025-06-02T09:15:00+08:00", "date: 2099-06-02T09:15:00+08:00");
    writeFile(m_post, bytes);
    const CliRun asked = runCli({u"publish"_s, m_post});
    QCOMPARE(asked.code, int(cli::Problems));
    QVERIFY(asked.err.contains(u":3:1: warning: "_s));
    QVERIFY(asked.out.contains(u"--yes"_s));
    QCOMPARE(readFile(m_post), bytes);
    const CliRun yes = runCli({u"publish"_s, m_post, u"--yes"_s});
    QCOMPARE(yes.code, int(cli::Clean));
    QVERIFY(readFile(m_post).contains("\ndraft: false\n"));
}

void TestPublisher::cliDryRunWritesNothing()
{
    const QByteArray before = readFile(m_post);
    const CliRun r = runCli({u"publish"_s, m_post, u"--dry-run"_s, u"--set-date"_s});
    QCOMPARE(r.code, int(cli::Clean));
    QVERIFY(r.out.contains(u"-date: 2025-06-02T09:15:00+08:00"_s));
    QCOMPARE(readFile(m_post), before);
}

void TestPublisher::cliRefusesMissingImageWithItsPlace()
{
    QByteArray bytes = readFile(m_post);
    bytes.replace("![封面圖](/images/posts/20250602-3fa91c2e.jpg)", "![封面圖](/images/posts/missing.jpg)");
    writeFile(m_post, bytes);
    const CliRun r = runCli({u"publish"_s, m_post});
    QCOMPARE(r.code, int(cli::Problems));
    QVERIFY2(r.err.contains(m_post + u":12:8: error: "_s), qPrintable(r.err));
    QCOMPARE(readFile(m_post), bytes);
}

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
