// SPDX-License-Identifier: GPL-3.0-or-later
// validator::checkPost: every value Hugo would reject is an error at the key's own file line
// and column, posts Hugo reads but will not publish get a warning, and a clean post gets
// nothing at all. The clock is fixed, so date checks do not depend on when the tests run.

#include "document/postfile.h"
#include "publish/validator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

// 2025-07-01 12:00 in Taipei.
const QDateTime kNow(QDate(2025, 7, 1), QTime(12, 0), Qt::OffsetFromUTC, 8 * 3600);

/// "error 3:1" / "warning 2:1" for each diagnostic, in order: what the rows compare.
// What a post lacks (no front matter, title or date) is checked on its own slot; the data rows
// are about the keys that are there.
bool isCompleteness(const Diagnostic &d)
{
    return d.code == u"no-front-matter"_s || d.code == u"no-title"_s || d.code == u"no-date"_s;
}

QStringList summary(const Diagnostics &diags)
{
    QStringList out;
    for (const Diagnostic &d : diags)
        if (!isCompleteness(d))
            out.append(u"%1 %2:%3"_s.arg(d.isError() ? u"error"_s : u"warning"_s).arg(d.line).arg(d.column));
    return out;
}

QString messages(const Diagnostics &diags)
{
    QStringList out;
    for (const Diagnostic &d : diags)
        out.append(d.toString());
    return out.join(u'\n');
}

QString sampleSitePosts()
{
    return QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site/content/posts"_s;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsEachProblemAtItsKey_data();
    void reportsEachProblemAtItsKey();
    void futureDateDependsOnNow();
    void unterminatedQuoteIsASyntaxError_data();
    void unterminatedQuoteIsASyntaxError();
    void samplePostsAreClean_data();
    void samplePostsAreClean();
    void unloadableFileGivesOneError();
    void diagnosticFormatsLikeACompiler_data();
    void diagnosticFormatsLikeACompiler();
    void reportedDiagnosticNamesTheFile();
    void reportsWhatThePostLacks_data();
    void reportsWhatThePostLacks();
};

void TestValidator::reportsEachProblemAtItsKey_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("fragment"); // in the first diagnostic's message

    const QStringList none;

    // title
    QTest::newRow("title a block list") << "---\ntitle:\n  - a\n  - b\ndraft: false\n---\nBody\n"_ba
                                        << QStringList{u"error 2:1"_s} << u"list"_s;
    QTest::newRow("title a flow list, second key") << "---\ndraft: false\ntitle: [a, b]\n---\n"_ba
                                                   << QStringList{u"error 3:1"_s} << u"list"_s;
    QTest::newRow("title an integer") << "---\ntitle: 2025\n---\n"_ba << QStringList{u"error 2:1"_s} << u"integer"_s;
    QTest::newRow("title a map, indented block") << "---\n  draft: false\n  title: {a: 1}\n---\n"_ba
                                                 << QStringList{u"error 3:3"_s} << u"map"_s;
    QTest::newRow("title an integer, TOML") << "+++\ndraft = false\ntitle = 42\n+++\n"_ba
                                            << QStringList{u"error 3:1"_s} << u"integer"_s;
    QTest::newRow("title an integer, JSON") << "{\n  \"draft\": false,\n  \"title\": 42\n}\n"_ba
                                            << QStringList{u"error 3:3"_s} << u"integer"_s;
    QTest::newRow("title after a BOM and blank lines") << "\xEF\xBB\xBF\n\n---\ntitle: 7\n---\n"_ba
                                                       << QStringList{u"error 4:1"_s} << u"integer"_s;
    QTest::newRow("title empty is unset") << "---\ntitle:\n---\n"_ba << none << QString();
    QTest::newRow("title quoted number is text") << "---\ntitle: \"2025\"\n---\n"_ba << none << QString();

    // dates
    QTest::newRow("date unparsable") << "---\ntitle: A\ndate: next tuesday\n---\n"_ba
                                     << QStringList{u"error 3:1"_s} << u"date"_s;
    QTest::newRow("date impossible day") << "---\ntitle: A\ndate: \"2025-02-30\"\n---\n"_ba
                                         << QStringList{u"error 3:1"_s} << u"date"_s;
    QTest::newRow("lastmod unparsable, TOML") << "+++\ntitle = \"A\"\nlastmod = \"soon\"\n+++\n"_ba
                                              << QStringList{u"error 3:1"_s} << u"lastmod"_s;
    QTest::newRow("date quoted but valid") << "---\ntitle: A\ndate: \"2025-05-12\"\n---\n"_ba << none << QString();
    QTest::newRow("date empty string is unset") << "---\ntitle: A\ndate: \"\"\n---\n"_ba << none << QString();
    QTest::newRow("date with offset, TOML") << "+++\ndate = 2025-05-12T14:30:25+08:00\n+++\n"_ba << none << QString();
    QTest::newRow("date in the future") << "---\ntitle: A\ndate: 2030-01-01\n---\n"_ba
                                        << QStringList{u"warning 3:1"_s} << u"future"_s;
    QTest::newRow("publishDate in the future, TOML") << "+++\ntitle = \"A\"\npublishDate = 2030-01-01T00:00:00Z\n+++\n"_ba
                                                     << QStringList{u"warning 3:1"_s} << u"future"_s;
    QTest::newRow("date an hour after now") << "---\ndate: 2025-07-01T13:00:00+08:00\n---\n"_ba
                                            << QStringList{u"warning 2:1"_s} << u"future"_s;
    QTest::newRow("date an hour before now") << "---\ndate: 2025-07-01T11:00:00+08:00\n---\n"_ba << none << QString();
    QTest::newRow("expiryDate passed") << "---\ntitle: A\nexpiryDate: 2020-01-01\n---\n"_ba
                                       << QStringList{u"warning 3:1"_s} << u"passed"_s;
    QTest::newRow("unpublishdate passed") << "---\nunpublishdate: 2024-12-31T23:59:59Z\n---\n"_ba
                                          << QStringList{u"warning 2:1"_s} << u"passed"_s;
    QTest::newRow("expiryDate ahead") << "---\nexpiryDate: 2030-01-01\n---\n"_ba << none << QString();

    // draft
    QTest::newRow("draft maybe") << "---\ntitle: A\ndraft: maybe\n---\n"_ba << QStringList{u"error 3:1"_s}
                                 << u"true or false"_s;
    QTest::newRow("draft a number") << "---\ndraft: 1\n---\n"_ba << QStringList{u"error 2:1"_s} << u"true or false"_s;
    QTest::newRow("draft quoted false") << "---\ntitle: A\ndraft: \"false\"\n---\n"_ba
                                        << QStringList{u"warning 3:1"_s} << u"quotes"_s;
    QTest::newRow("draft quoted true, TOML") << "+++\ndraft = 'true'\n+++\n"_ba << QStringList{u"warning 2:1"_s}
                                             << u"quotes"_s;
    QTest::newRow("draft yes is YAML 1.1 true") << "---\ndraft: yes\n---\n"_ba << none << QString();

    // tags and categories
    QTest::newRow("tags a map") << "---\ntitle: A\ntags:\n  a: 1\n---\n"_ba << QStringList{u"error 3:1"_s} << u"list"_s;
    QTest::newRow("tags a string") << "---\ntitle: A\ntags: go\n---\n"_ba << none << QString();
    QTest::newRow("tags a list of strings") << "---\ntags: [\"半導體\", 能源]\n---\n"_ba << none << QString();
    QTest::newRow("tags a list of numbers") << "---\ntags: [2024, 2025]\n---\n"_ba << none << QString();
    QTest::newRow("tags list holding a map") << "---\ntitle: A\ntags:\n  - a\n  - b: c\n---\n"_ba
                                             << QStringList{u"error 3:1"_s} << u"map"_s;
    QTest::newRow("tags list holding a list") << "---\ntags: [a, [b, c]]\n---\n"_ba << QStringList{u"error 2:1"_s}
                                              << u"list"_s;
    QTest::newRow("categories a map, TOML") << "+++\n[categories]\na = 1\n+++\n"_ba << QStringList{u"error 2:2"_s}
                                            << u"categories"_s;

    // Hugo matches keys case-insensitively.
    QTest::newRow("Title and Date in JSON") << "{\n  \"Title\": 5,\n  \"Date\": \"garbage\"\n}\n"_ba
                                            << QStringList{u"error 2:3"_s, u"error 3:3"_s} << u"“Title” must be text"_s;
    QTest::newRow("DRAFT and ExpiryDate in YAML") << "---\nDRAFT: maybe\nExpiryDate: 2020-01-01\n---\n"_ba
                                                  << QStringList{u"warning 3:1"_s, u"error 2:1"_s} << u"ExpiryDate"_s;
    QTest::newRow("TAGS in TOML") << "+++\nTAGS = { a = 1 }\n+++\n"_ba << QStringList{u"error 2:1"_s} << u"TAGS"_s;

    // Several problems: all of them, title first, then dates, draft, tags.
    QTest::newRow("four problems") << "---\ntags: {a: 1}\ndraft: maybe\ndate: nope\ntitle: [a]\n---\n"_ba
                                   << QStringList{u"error 5:1"_s, u"error 4:1"_s, u"error 3:1"_s, u"error 2:1"_s}
                                   << u"title"_s;

    // Syntax errors are located in the file, not in the block.
    QTest::newRow("YAML syntax error") << "\n\n---\ntitle: A\n\nfoo: bar: baz\n---\nBody\n"_ba
                                       << QStringList{u"error 6:9"_s} << QString();
    QTest::newRow("YAML tab indentation") << "---\ntitle: A\n\ttags: x\n---\n"_ba << QStringList{u"error 3:1"_s}
                                          << QString();
    QTest::newRow("YAML duplicate key") << "---\ntitle: A\ntitle: B\n---\n"_ba << QStringList{u"error 3:1"_s}
                                        << u"twice"_s;
    QTest::newRow("TOML syntax error") << "+++\ntitle = \"A\"\ndate = \n+++\n"_ba << QStringList{u"error 3:8"_s}
                                       << QString();
    QTest::newRow("JSON syntax error") << "{\n  \"title\": \"A\",\n  \"date\": \n}\n"_ba
                                       << QStringList{u"error 4:1"_s} << QString();

    QTest::newRow("no front matter") << "Just text.\n"_ba << none << QString();
    QTest::newRow("empty front matter") << "---\n---\nText\n"_ba << none << QString();
}

void TestValidator::reportsEachProblemAtItsKey()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, expected);
    QFETCH(QString, fragment);

    const auto post = PostFile::fromBytes(file, u"post.md"_s);
    QVERIFY2(post.ok(), qPrintable(post.ok() ? QString() : post.error().toString()));
    Diagnostics diags = validator::checkPost(post.value(), kNow);
    diags.removeIf(isCompleteness);
    QVERIFY2(summary(diags) == expected,
             qPrintable(u"expected [%1], got:\n%2"_s.arg(expected.join(u", "_s), messages(diags))));
    for (const Diagnostic &d : diags) {
        QCOMPARE(d.file, u"post.md"_s);
        QVERIFY(!d.message.isEmpty());
    }
    if (!fragment.isEmpty())
        QVERIFY2(diags.first().message.contains(fragment), qPrintable(diags.first().message));
}

void TestValidator::futureDateDependsOnNow()
{
    const auto post = PostFile::fromBytes("---\ntitle: A\ndate: 2025-08-01T09:00:00+08:00\n---\n"_ba, u"post.md"_s);
    QVERIFY(post.ok());
    QCOMPARE(summary(validator::checkPost(post.value(), kNow)), QStringList{u"warning 3:1"_s});
    QCOMPARE(summary(validator::checkPost(post.value(), kNow.addMonths(2))), QStringList());
}

void TestValidator::unterminatedQuoteIsASyntaxError_data()
{
    // Hugo (go-yaml) stops with "found unexpected end of stream"; a validator that passes
    // these lets a post through that the site build then rejects.
    QTest::addColumn<QByteArray>("file");
    QTest::newRow("double quote, last key") << "---\ntitle: A\ntags: \"\n---\n"_ba;
    QTest::newRow("double quote swallowing the next key") << "---\ntitle: \"abc\ndraft: true\n---\n"_ba;
    QTest::newRow("single quote") << "---\ntitle: 'abc\n---\n"_ba;
}

void TestValidator::unterminatedQuoteIsASyntaxError()
{
    QFETCH(QByteArray, file);
    const auto post = PostFile::fromBytes(file, u"post.md"_s);
    QVERIFY(post.ok());
    const Diagnostics diags = validator::checkPost(post.value(), kNow);
    QVERIFY2(diags.size() == 1 && diags.first().isError(),
             qPrintable(u"expected one syntax error, got [%1]; front matter parsed as: %2"_s
                            .arg(messages(diags),
                                 post.value().frontMatter().value(u"title"_s).toDisplayString())));
    QVERIFY2(diags.first().line >= 2 && diags.first().line <= 4, qPrintable(diags.first().toString()));
}

void TestValidator::samplePostsAreClean_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(sampleSitePosts());
    const QStringList names = dir.entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(u"no sample posts under "_s + dir.path()));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestValidator::samplePostsAreClean()
{
    QFETCH(QString, path);
    // A year after the newest sample post: neither future nor expired.
    const QDateTime now(QDate(2026, 6, 1), QTime(0, 0), Qt::OffsetFromUTC, 8 * 3600);
    const Diagnostics diags = validator::checkFile(path, now);
    QVERIFY2(diags.isEmpty(), qPrintable(messages(diags)));

    const auto post = PostFile::load(path);
    QVERIFY(post.ok());
    QVERIFY(post.value().frontMatter().contains(u"title"_s));
    QVERIFY(validator::checkPost(post.value(), now).isEmpty());
}

void TestValidator::unloadableFileGivesOneError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(u"missing.md"_s);
    Diagnostics diags = validator::checkFile(missing, kNow);
    QCOMPARE(diags.size(), qsizetype(1));
    QVERIFY(diags.first().isError());
    QCOMPARE(diags.first().file, missing);
    QVERIFY(!diags.first().message.isEmpty());

    const QString latin1 = dir.filePath(u"latin1.md"_s);
    QFile f(latin1);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("---\ntitle: Caf\xe9\n---\n");
    f.close();
    diags = validator::checkFile(latin1, kNow);
    QCOMPARE(summary(diags), QStringList{u"error 2:11"_s});
    QCOMPARE(diags.first().file, latin1);
    QVERIFY2(diags.first().message.contains(u"UTF-8"_s), qPrintable(diags.first().message));

    const QString unclosed = dir.filePath(u"unclosed.md"_s);
    QFile g(unclosed);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("---\ntitle: A\nBody\n");
    g.close();
    QCOMPARE(summary(validator::checkFile(unclosed, kNow)), QStringList{u"error 1:1"_s});
}

void TestValidator::diagnosticFormatsLikeACompiler_data()
{
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("error") << true << u"content/posts/a.md"_s << 3 << 7 << u"content/posts/a.md:3:7: error: Bad."_s;
    QTest::newRow("warning") << false << u"a.md"_s << 12 << 1 << u"a.md:12:1: warning: Bad."_s;
    QTest::newRow("no column") << true << u"a.md"_s << 3 << 0 << u"a.md:3: error: Bad."_s;
    QTest::newRow("no line") << true << u"a.md"_s << 0 << 0 << u"a.md: error: Bad."_s;
    QTest::newRow("no place at all") << false << QString() << 0 << 0 << u"warning: Bad."_s;
    QTest::newRow("CJK file name") << true << u"文章/晶片.md"_s << 2 << 5 << u"文章/晶片.md:2:5: error: Bad."_s;
}

void TestValidator::diagnosticFormatsLikeACompiler()
{
    QFETCH(bool, error);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);

    const Diagnostic d{error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning, u"Bad."_s, file, line, column};
    QCOMPARE(d.toString(), expected);
}

void TestValidator::reportedDiagnosticNamesTheFile()
{
    const auto post = PostFile::fromBytes("---\ntitle: 2025\ndate: 2025-01-01\n---\n"_ba, u"content/posts/a.md"_s);
    QVERIFY(post.ok());
    const Diagnostics diags = validator::checkPost(post.value(), kNow);
    QCOMPARE(diags.size(), qsizetype(1));
    QCOMPARE(diags.first().toString(), u"content/posts/a.md:2:1: error: "_s + diags.first().message);
}

void TestValidator::reportsWhatThePostLacks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("expected"); // "severity line:column code"
    const QString post = u"content/posts/a.md"_s;
    QTest::newRow("no front matter") << post << "Just text.\n"_ba << QStringList{u"error 1:1 no-front-matter"_s};
    QTest::newRow("empty front matter") << post << "---\n---\nText\n"_ba
                                        << QStringList{u"error 2:1 no-title"_s, u"warning 2:1 no-date"_s};
    QTest::newRow("title empty") << post << "---\ntitle: \"  \"\ndate: 2025-01-01\n---\n"_ba
                                 << QStringList{u"error 2:1 no-title"_s};
    QTest::newRow("title null, TOML") << post << "+++\ndate = 2025-01-01\n+++\n"_ba << QStringList{u"error 2:1 no-title"_s};
    QTest::newRow("no date") << post << "---\ntitle: A\n---\n"_ba << QStringList{u"warning 2:1 no-date"_s};
    QTest::newRow("no date on a list page") << u"content/posts/_index.md"_s << "---\ntitle: A\n---\n"_ba << QStringList();
    QTest::newRow("complete") << post << "---\ntitle: A\ndate: 2025-01-01\n---\n"_ba << QStringList();
}

void TestValidator::reportsWhatThePostLacks()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, file);
    QFETCH(QStringList, expected);
    const auto post = PostFile::fromBytes(file, name);
    QVERIFY(post.ok());
    QStringList got;
    for (const Diagnostic &d : validator::checkPost(post.value(), kNow)) {
        if (isCompleteness(d))
            got << u"%1 %2:%3 %4"_s.arg(d.isError() ? u"error"_s : u"warning"_s).arg(d.line).arg(d.column).arg(d.code);
    }
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
