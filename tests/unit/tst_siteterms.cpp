// SPDX-License-Identifier: GPL-3.0-or-later
// siteTerms: the tags and categories a site already uses, most used first, for the form's
// completion. Fixtures are small sites written into a QTemporaryDir, plus the bundled sample site.

#include "site/site.h"
#include "site/siteterms.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

using Files = QList<std::pair<QString, QByteArray>>;

void writeFiles(const QString &root, const Files &files)
{
    for (const auto &[rel, bytes] : files) {
        const QString path = root + u'/' + rel;
        QVERIFY2(QDir().mkpath(QFileInfo(path).absolutePath()), qPrintable(path));
        QFile f(path);
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        QCOMPARE(f.write(bytes), bytes.size());
    }
}

// A site whose posts mix YAML and TOML, flow and block lists, a lone string, a broken post,
// a non-post file and a nested section.
const Files mixedSite = {
    {u"hugo.toml"_s, "title = \"t\"\n"_ba},
    {u"content/posts/a.md"_s, "---\ntitle: A\ntags: [\"台灣\", AI, 能源]\ncategories: 產業\n---\nA\n"_ba},
    {u"content/posts/b.md"_s, "+++\ntitle = \"B\"\ntags = [\"AI\", \"半導體\"]\ncategories = [\"產業\", \"科技\"]\n+++\nB\n"_ba},
    {u"content/posts/c.markdown"_s, "---\ntags:\n  - 台灣\n  - AI\n  - \" 半導體 \"\n  - \"\"\n---\nC\n"_ba},
    {u"content/posts/deep/2025/d.md"_s, "---\nTags: [ai, AI, Zeta]\n---\nD\n"_ba},
    {u"content/posts/e.html"_s, "---\ntags: [網頁]\n---\n<p>E</p>\n"_ba},
    {u"content/posts/broken.md"_s, "---\ntags: [壞掉, \n---\nX\n"_ba},
    {u"content/posts/notes.txt"_s, "---\ntags: [不是文章]\n---\n"_ba},
    {u"content/posts/nofm.md"_s, "# No front matter\n"_ba},
    {u"content/_index.md"_s, "---\ntitle: Home\n---\n"_ba},
};

} // namespace

class TestSiteTerms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ordersByUseThenAlphabetically_data();
    void ordersByUseThenAlphabetically();
    void emptyForSiteWithoutContent();
    void readsSampleSiteTags();
};

void TestSiteTerms::ordersByUseThenAlphabetically_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected");
    // AI: a, b, c, d ("ai" and "AI" in d are one term, counted once) = 4; 台灣 2; 半導體 2 (trimmed);
    // then the singles alphabetically (case-insensitive): Zeta, 網頁, 能源 by code point.
    QTest::newRow("tags") << u"tags"_s
                          << QStringList{u"AI"_s, u"半導體"_s, u"台灣"_s, u"Zeta"_s, u"網頁"_s, u"能源"_s};
    // A lone string counts as one term.
    QTest::newRow("categories, lone string") << u"categories"_s << QStringList{u"產業"_s, u"科技"_s};
    QTest::newRow("absent key") << u"series"_s << QStringList{};
}

void TestSiteTerms::ordersByUseThenAlphabetically()
{
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFiles(dir.path(), mixedSite);
    const auto site = Site::load(dir.path());
    QVERIFY2(site.ok(), qPrintable(site.ok() ? QString() : site.error().toString()));
    QCOMPARE(siteTerms(site.value(), key), expected);
}

void TestSiteTerms::emptyForSiteWithoutContent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFiles(dir.path(), {{u"hugo.toml"_s, "title = \"t\"\n"_ba}});
    const auto site = Site::load(dir.path());
    QVERIFY(site.ok());
    QCOMPARE(siteTerms(site.value(), u"tags"_s), QStringList{});
    QCOMPARE(siteTerms(Site(), u"tags"_s), QStringList{});
}

void TestSiteTerms::readsSampleSiteTags()
{
    const auto site = Site::load(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s);
    QVERIFY(site.ok());
    // One post uses each, so the order is alphabetical by code point.
    QStringList expected{u"半導體"_s, u"能源"_s, u"台灣"_s};
    expected.sort(Qt::CaseInsensitive);
    QCOMPARE(siteTerms(site.value(), u"tags"_s), expected);
    QCOMPARE(siteTerms(site.value(), u"categories"_s), QStringList{u"產業觀察"_s});
}

QTEST_GUILESS_MAIN(TestSiteTerms)
#include "tst_siteterms.moc"
