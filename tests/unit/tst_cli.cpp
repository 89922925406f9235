// SPDX-License-Identifier: GPL-3.0-or-later
// frontmark-cli's commands, called in-process with string streams: exit codes, the exact
// output format, and that `set` changes only the bytes of the key it sets (or none at all).

#include "clirun.h"
#include "commands.h"
#include "document/postfile.h"
#include "testutil.h"
#include "../testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

using test::CliRun;
using test::runCli;

QString describe(const CliRun &r)
{
    return u"exit %1\n--- out:\n%2--- err:\n%3"_s.arg(r.code).arg(r.out, r.err);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString samplePost()
{
    return QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
}

const QString kSampleTitle = u"晶片之島的電力難題：半導體擴產與能源轉型的拉鋸"_s;

/// Sets the file's modification time far in the past, so "not touched" is observable.
bool ageFile(const QString &path, const QDateTime &when)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    return f.setFileTime(when, QFileDevice::FileModificationTime);
}

const QDateTime kOld(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC);

bool allCrlf(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            return false;
    }
    return bytes.contains("\r\n");
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void checkCleanPostPrintsNothing();
    void checkBadPostPrintsLocatedErrors();
    void checkJsonIsAnArrayOfProblems();
    void checkJsonOfCleanPostIsEmptyArray();
    void checkMissingFileCouldNotRun();
    void badUsageCouldNotRun_data();
    void badUsageCouldNotRun();
    void checkWarningsOnlyIsClean();
    void unclosedFrontMatterIsAProblemAtItsOpening_data();
    void unclosedFrontMatterIsAProblemAtItsOpening();

    void getPrintsTitle();
    void getListPrintsOneItemPerLine();
    void getJsonPrintsJson_data();
    void getJsonPrintsJson();
    void getMissingKeyIsAProblem();
    void getBrokenFrontMatterIsAProblem();

    void setTitleChangesOnlyThatLine();
    void setSameValueLeavesFileUntouched_data();
    void setSameValueLeavesFileUntouched();
    void setRejectsValueOfWrongType();
    void setListFromCommaSeparatedText();
    void setKeepsTypeOfExistingKey();
    void setNewKeyInfersType_data();
    void setNewKeyInfersType();
    void setNegativeNumber();
    void setKeepsCrlf();

    void imagesListsTheSamplePostsImages();
    void imagesJson();

private:
    QString copyOfSample();
    QString write(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::cleanup()
{
    m_dir.reset();
}

QString TestCli::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The sample post in a copy of its site, so its images are there (check reports missing ones).
QString TestCli::copyOfSample()
{
    const QString site = m_dir->filePath(u"site"_s);
    const QString sampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;
    if (!QFileInfo::exists(site) && !frontmark::test::copyTree(sampleSite, site))
        qFatal("cannot copy the sample site %s", qPrintable(sampleSite));
    return site + u"/content/posts/"_s + QFileInfo(samplePost()).fileName();
}

// ---- check ------------------------------------------------------------------------------

void TestCli::checkCleanPostPrintsNothing()
{
    const QString path = copyOfSample();
    const CliRun r = runCli({u"check"_s, path});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, QString());
}

void TestCli::checkBadPostPrintsLocatedErrors()
{
    const QString path = write(u"bad.md"_s, "---\ntitle: [a, b]\ndraft: maybe\ndate: 2025-01-01\n---\nBody\n"_ba);
    const CliRun r = runCli({u"check"_s, path});
    QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
    QVERIFY2(r.out.endsWith(u'\n'), qPrintable(describe(r)));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(2));
    const QRegularExpression format(u"^"_s + QRegularExpression::escape(path) + u":(\\d+):(\\d+): error: \\S.*$"_s);
    for (const QString &line : lines)
        QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
    QVERIFY2(lines[0].startsWith(path + u":2:1: error: "_s), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(path + u":3:1: error: "_s), qPrintable(lines[1]));
    QCOMPARE(readFile(path), "---\ntitle: [a, b]\ndraft: maybe\ndate: 2025-01-01\n---\nBody\n"_ba); // check never writes
}

void TestCli::checkJsonIsAnArrayOfProblems()
{
    const QString bad = write(u"bad.md"_s, "---\ntitle: [a, b]\ndate: 2999-01-01\n---\nBody\n"_ba);
    const QString clean = copyOfSample();
    for (const QStringList &args : {QStringList{u"check"_s, u"--json"_s, bad, clean},
                                    QStringList{u"check"_s, bad, clean, u"--json"_s}}) {
        const CliRun r = runCli(args);
        QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u"\n"_s + r.out));
        QVERIFY(doc.isArray());
        const QJsonArray problems = doc.array();
        QCOMPARE(problems.size(), qsizetype(2));
        const QJsonObject first = problems[0].toObject();
        const QJsonObject second = problems[1].toObject();
        for (const QJsonObject &o : {first, second}) {
            QCOMPARE(o.keys(), (QStringList{u"column"_s, u"file"_s, u"line"_s, u"message"_s, u"severity"_s}));
            QCOMPARE(o[u"file"_s].toString(), bad);
            QVERIFY(o[u"line"_s].isDouble());
            QVERIFY(o[u"column"_s].isDouble());
            QVERIFY(!o[u"message"_s].toString().isEmpty());
        }
        QCOMPARE(first[u"severity"_s].toString(), u"error"_s);
        QCOMPARE(first[u"line"_s].toInt(), 2);
        QCOMPARE(first[u"column"_s].toInt(), 1);
        QCOMPARE(second[u"severity"_s].toString(), u"warning"_s);
        QCOMPARE(second[u"line"_s].toInt(), 3);
        QCOMPARE(second[u"column"_s].toInt(), 1);
    }
}

void TestCli::checkJsonOfCleanPostIsEmptyArray()
{
    const CliRun r = runCli({u"check"_s, u"--json"_s, copyOfSample()});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    QVERIFY2(doc.isArray() && doc.array().isEmpty(), qPrintable(r.out));
}

void TestCli::checkMissingFileCouldNotRun()
{
    const QString missing = m_dir->filePath(u"nope.md"_s);
    CliRun r = runCli({u"check"_s, missing});
    QVERIFY2(r.code == cli::CouldNotRun, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(missing), qPrintable(describe(r)));
    QCOMPARE(r.out, QString());

    // A missing file among good ones still cannot count as a clean run.
    r = runCli({u"check"_s, copyOfSample(), missing});
    QVERIFY2(r.code == cli::CouldNotRun, qPrintable(describe(r)));

    r = runCli({u"check"_s, m_dir->path()});
    QVERIFY2(r.code == cli::CouldNotRun, qPrintable(describe(r)));
}

void TestCli::badUsageCouldNotRun_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no arguments") << QStringList();
    QTest::newRow("check without files") << QStringList{u"check"_s};
    QTest::newRow("check --json without files") << QStringList{u"check"_s, u"--json"_s};
    QTest::newRow("unknown option") << QStringList{u"check"_s, u"--bogus"_s, u"a.md"_s};
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s, u"a.md"_s};
    QTest::newRow("get with one argument") << QStringList{u"get"_s, u"a.md"_s};
    QTest::newRow("set without a value") << QStringList{u"set"_s, u"a.md"_s, u"title"_s};
    QTest::newRow("get of a missing file") << QStringList{u"get"_s, u"/nonexistent/a.md"_s, u"title"_s};
    QTest::newRow("set of a missing file") << QStringList{u"set"_s, u"/nonexistent/a.md"_s, u"title"_s, u"A"_s};
}

void TestCli::badUsageCouldNotRun()
{
    QFETCH(QStringList, args);
    const CliRun r = runCli(args);
    QVERIFY2(r.code == cli::CouldNotRun, qPrintable(describe(r)));
    QVERIFY2(!r.err.isEmpty(), qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
}

void TestCli::checkWarningsOnlyIsClean()
{
    const QString path = write(u"future.md"_s, "---\ntitle: Later\ndate: 2999-01-01T00:00:00Z\n---\nBody\n"_ba);
    const CliRun r = runCli({u"check"_s, path});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QVERIFY2(r.out.startsWith(path + u":3:1: warning: "_s), qPrintable(describe(r)));
    QCOMPARE(r.out.count(u'\n'), qsizetype(1));
}

// ---- get --------------------------------------------------------------------------------

void TestCli::unclosedFrontMatterIsAProblemAtItsOpening_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("delimiter");

    QTest::newRow("yaml") << "---\ntitle: x\n\nbody\n"_ba << 1 << u"---"_s;
    QTest::newRow("yaml after blank lines, CRLF") << "\r\n\r\n---\r\ntitle: x\r\n\r\nbody\r\n"_ba << 3 << u"---"_s;
    QTest::newRow("toml, BOM") << "\xEF\xBB\xBF+++\ntitle = \"x\"\n\nbody\n"_ba << 1 << u"+++"_s;
}

// Issue #21: the post loads, so its content is the problem (exit 1, not 2), located at the
// opening delimiter; publish refuses it and writes nothing.
void TestCli::unclosedFrontMatterIsAProblemAtItsOpening()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, delimiter);
    const QString path = write(u"open.md"_s, bytes);

    const CliRun r = runCli({u"check"_s, path});
    QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), qsizetype(1));
    QVERIFY2(lines[0].startsWith(path + u":%1:1: error: "_s.arg(line)), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u"no closing %1 line"_s.arg(delimiter)), qPrintable(lines[0]));

    const CliRun json = runCli({u"check"_s, u"--json"_s, path});
    QVERIFY2(json.code == cli::Problems, qPrintable(describe(json)));
    const QJsonArray problems = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(problems.size(), qsizetype(1));
    QCOMPARE(problems[0].toObject()[u"line"_s].toInt(), line);
    QCOMPARE(problems[0].toObject()[u"severity"_s].toString(), u"error"_s);

    const CliRun published = runCli({u"publish"_s, path, u"--site"_s, m_dir->path(), u"--yes"_s});
    QVERIFY2(published.code == cli::Problems, qPrintable(describe(published)));
    QVERIFY2(published.err.contains(path + u":%1:1: error: "_s.arg(line)), qPrintable(describe(published)));
    QVERIFY2(published.err.contains(u"Not published"_s), qPrintable(describe(published)));
    QCOMPARE(readFile(path), bytes); // neither command writes
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"open.md"_s});
}

void TestCli::getPrintsTitle()
{
    const CliRun r = runCli({u"get"_s, copyOfSample(), u"title"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, kSampleTitle + u'\n');
    QCOMPARE(r.err, QString());
}

void TestCli::getListPrintsOneItemPerLine()
{
    const CliRun r = runCli({u"get"_s, copyOfSample(), u"tags"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, u"半導體\n能源\n台灣\n"_s);
}

void TestCli::getJsonPrintsJson_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("json");
    QTest::newRow("string") << u"title"_s << u"\"%1\""_s.arg(kSampleTitle);
    QTest::newRow("list") << u"tags"_s << u"[\"半導體\",\"能源\",\"台灣\"]"_s;
    QTest::newRow("bool") << u"draft"_s << u"false"_s;
    QTest::newRow("empty string") << u"source_url"_s << u"\"\""_s;
    QTest::newRow("date") << u"date"_s << u"\"2025-06-02T09:15:00+08:00\""_s;
}

void TestCli::getJsonPrintsJson()
{
    QFETCH(QString, key);
    QFETCH(QString, json);
    const CliRun r = runCli({u"get"_s, copyOfSample(), key, u"--json"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, json + u'\n');
    // And it is JSON: wrapped in a list it parses.
    QJsonParseError error;
    QJsonDocument::fromJson("[" + r.out.toUtf8() + "]", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestCli::getMissingKeyIsAProblem()
{
    const QString path = copyOfSample();
    const CliRun r = runCli({u"get"_s, path, u"subtitle"_s});
    QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(u"subtitle"_s) && r.err.contains(path), qPrintable(describe(r)));
}

void TestCli::getBrokenFrontMatterIsAProblem()
{
    const QString path = write(u"broken.md"_s, "---\ntitle: A\n\nfoo: bar: baz\n---\n"_ba);
    const CliRun r = runCli({u"get"_s, path, u"title"_s});
    QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
    QVERIFY2(r.err.startsWith(path + u":4:"_s), qPrintable(describe(r)));
}

// ---- set --------------------------------------------------------------------------------

void TestCli::setTitleChangesOnlyThatLine()
{
    const QString path = copyOfSample();
    const QByteArray before = readFile(path);
    const CliRun r = runCli({u"set"_s, path, u"title"_s, u"新標題"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    const QByteArray after = readFile(path);
    const test::LineDiff d = test::diffLines(before, after);
    QVERIFY2(d.removed.size() == 1 && d.added.size() == 1, qPrintable(d.unified));
    QCOMPARE(d.firstLine, 2);
    QCOMPARE(d.added.first(), "title: \"新標題\"\n"_ba);
    QCOMPARE(runCli({u"get"_s, path, u"title"_s}).out, u"新標題\n"_s);
}

void TestCli::setSameValueLeavesFileUntouched_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("title") << u"title"_s << kSampleTitle;
    QTest::newRow("draft") << u"draft"_s << u"false"_s;
    QTest::newRow("tags as comma text") << u"tags"_s << u"半導體, 能源, 台灣"_s;
    QTest::newRow("tags as JSON") << u"tags"_s << u"[\"半導體\", \"能源\", \"台灣\"]"_s;
    QTest::newRow("date") << u"date"_s << u"2025-06-02T09:15:00+08:00"_s;
    QTest::newRow("empty string") << u"source_url"_s << QString();
}

void TestCli::setSameValueLeavesFileUntouched()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString path = copyOfSample();
    const QByteArray before = readFile(path);
    QVERIFY(ageFile(path, kOld));
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOld);

    const CliRun r = runCli({u"set"_s, path, key, value});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(readFile(path), before);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOld);
}

void TestCli::setRejectsValueOfWrongType()
{
    const QString path = copyOfSample();
    const QByteArray before = readFile(path);
    QVERIFY(ageFile(path, kOld));

    const CliRun r = runCli({u"set"_s, path, u"draft"_s, u"maybe"_s});
    QVERIFY2(r.code == cli::Problems, qPrintable(describe(r)));
    QVERIFY2(r.err.startsWith(path + u": "_s) && r.err.contains(u"maybe"_s), qPrintable(describe(r)));
    QCOMPARE(readFile(path), before);
    QCOMPARE(QFileInfo(path).lastModified().toUTC(), kOld);
}

void TestCli::setListFromCommaSeparatedText()
{
    const QString path = copyOfSample();
    const QByteArray before = readFile(path);
    CliRun r = runCli({u"set"_s, path, u"tags"_s, u"a, b"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));

    r = runCli({u"get"_s, path, u"tags"_s, u"--json"_s});
    QCOMPARE(r.out, u"[\"a\",\"b\"]\n"_s);
    const test::LineDiff d = test::diffLines(before, readFile(path));
    QVERIFY2(d.removed.size() == 1 && d.added.size() == 1, qPrintable(d.unified));
    QCOMPARE(d.added.first(), "tags: [\"a\", \"b\"]\n"_ba);

    // Full-width commas, as a CJK input method types them.
    r = runCli({u"set"_s, path, u"tags"_s, u"能源，台灣、半導體"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(runCli({u"get"_s, path, u"tags"_s}).out, u"能源\n台灣\n半導體\n"_s);
}

void TestCli::setKeepsTypeOfExistingKey()
{
    // "2025" would be a number for a new key; title is text, so it stays text.
    const QString path = copyOfSample();
    const CliRun r = runCli({u"set"_s, path, u"title"_s, u"2025"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(runCli({u"get"_s, path, u"title"_s, u"--json"_s}).out, u"\"2025\"\n"_s);
}

void TestCli::setNewKeyInfersType_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::addColumn<Value::Type>("type");
    QTest::newRow("integer") << u"weight"_s << u"5"_s << u"5"_s << Value::Type::Integer;
    QTest::newRow("float") << u"rating"_s << u"4.5"_s << u"4.5"_s << Value::Type::Float;
    QTest::newRow("bool") << u"featured"_s << u"true"_s << u"true"_s << Value::Type::Bool;
    QTest::newRow("date") << u"publishDate"_s << u"2025-07-01"_s << u"\"2025-07-01\""_s << Value::Type::DateTime;
    QTest::newRow("text") << u"subtitle"_s << u"hello: world"_s << u"\"hello: world\""_s << Value::Type::String;
    QTest::newRow("JSON list") << u"aliases"_s << u"[\"/a\", \"/b\"]"_s << u"[\"/a\",\"/b\"]"_s << Value::Type::List;
}

void TestCli::setNewKeyInfersType()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, json);
    QFETCH(Value::Type, type);

    const QString path = copyOfSample();
    const QByteArray before = readFile(path);
    CliRun r = runCli({u"set"_s, path, key, text});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    r = runCli({u"get"_s, path, key, u"--json"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(r.out, json + u'\n');

    const auto post = PostFile::load(path);
    QVERIFY(post.ok());
    QCOMPARE(post.value().frontMatter().value(key).type(), type);
    // One new line at the end of the front matter; nothing else moved.
    const test::LineDiff d = test::diffLines(before, readFile(path));
    QVERIFY2(d.removed.isEmpty() && d.added.size() == 1, qPrintable(d.unified));
    QCOMPARE(d.firstLine, 10); // where the closing "---" was
    QVERIFY2(d.added.first().startsWith(QByteArray(key.toUtf8() + ':')), qPrintable(d.unified));
}

void TestCli::setNegativeNumber()
{
    // Hugo sorts by weight and negative weights are common; "-3" must not read as an option.
    const QString path = copyOfSample();
    CliRun r = runCli({u"set"_s, path, u"weight"_s, u"--"_s, u"-3"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(runCli({u"get"_s, path, u"weight"_s, u"--json"_s}).out, u"-3\n"_s);

    r = runCli({u"set"_s, path, u"weight"_s, u"-7"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(runCli({u"get"_s, path, u"weight"_s, u"--json"_s}).out, u"-7\n"_s);
}

void TestCli::setKeepsCrlf()
{
    const QByteArray original = "---\r\ntitle: \"Old\"\r\ndraft: false\r\ntags: [\"a\"]\r\n---\r\nBody line\r\n"_ba;
    const QString path = write(u"crlf.md"_s, original);

    CliRun r = runCli({u"set"_s, path, u"title"_s, u"New"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    QCOMPARE(readFile(path), "---\r\ntitle: \"New\"\r\ndraft: false\r\ntags: [\"a\"]\r\n---\r\nBody line\r\n"_ba);

    r = runCli({u"set"_s, path, u"tags"_s, u"x, y"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    r = runCli({u"set"_s, path, u"weight"_s, u"5"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));
    r = runCli({u"set"_s, path, u"draft"_s, u"true"_s});
    QVERIFY2(r.code == cli::Clean, qPrintable(describe(r)));

    const QByteArray after = readFile(path);
    QVERIFY2(allCrlf(after), after.constData());
    QCOMPARE(after, "---\r\ntitle: \"New\"\r\ndraft: true\r\ntags: [\"x\", \"y\"]\r\nweight: 5\r\n---\r\nBody line\r\n"_ba);
}

// ---- images ------------------------------------------------------------------------------

void TestCli::imagesListsTheSamplePostsImages()
{
    // Read only: the sample post where it is, in its site, so its images are found.
    const CliRun r = runCli({u"images"_s, samplePost()});
    QCOMPARE(r.code, 0);
    const QString p = samplePost();
    QCOMPARE(r.out, QString(p + u":12:1: found /images/posts/20250602-3fa91c2e.jpg\n    alt: 封面圖\n"_s
                            + p + u":28:1: found /images/posts/20250602-8c41d7a0.jpg\n    alt: (none)\n"
                                  u"    caption (paragraph): 無塵室的空調與排氣系統必須全年無休\n"_s
                            + p + u":47:1: found /images/posts/20250602-5e07b9d3.jpg\n    alt: (none)\n"
                                  u"    caption (paragraph): 輸電線路是電網最容易被忽略的環節\n"_s
                            + p + u":65:1: found /images/posts/20250602-d2a6f418.jpg\n    alt: (none)\n"
                                  u"    caption (paragraph): 冰水主機與廢熱回收是節能改造的重點\n"_s));
}

void TestCli::imagesJson()
{
    const QString path = write(u"merged.md"_s, "---\ntitle: M\n---\n\n![a](/nope.png)\nThe caption\n"_ba);
    const CliRun r = runCli({u"images"_s, u"--json"_s, path});
    QCOMPARE(r.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject image = list.first().toObject();
    QCOMPARE(image.value(u"line"_s).toInt(), 5);
    QCOMPARE(image.value(u"status"_s).toString(), u"missing"_s);
    QCOMPARE(image.value(u"caption"_s).toString(), u"The caption"_s);
    QCOMPARE(image.value(u"captionSource"_s).toString(), u"merged-line"_s);
    QCOMPARE(image.value(u"mergedCaption"_s).toBool(), true);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
