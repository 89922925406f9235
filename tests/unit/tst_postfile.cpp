// SPDX-License-Identifier: GPL-3.0-or-later
// PostFile: splitting a post the way Hugo does (BOM, lead blank lines, YAML/TOML/JSON front
// matter, body), byte-exact toBytes(), blocks that never close (issue #21), and
// load()/save() on disk. Every comparison is on bytes, so a dropped "\r" or BOM fails.

#include "document/postfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

Q_DECLARE_METATYPE(frontmark::FrontMatterFormat)
Q_DECLARE_METATYPE(frontmark::LineEnding)

namespace frontmark {
// Readable QCOMPARE failures (found by argument-dependent lookup).
static char *toString(FrontMatterFormat format)
{
    return QTest::toString(formatName(format));
}
static char *toString(LineEnding eol)
{
    switch (eol) {
    case LineEnding::None: return qstrdup("None");
    case LineEnding::Lf: return qstrdup("Lf");
    case LineEnding::CrLf: return qstrdup("CrLf");
    case LineEnding::Mixed: return qstrdup("Mixed");
    }
    return qstrdup("?");
}
static char *toString(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Io: return qstrdup("Io");
    case Error::Kind::Syntax: return qstrdup("Syntax");
    case Error::Kind::Invalid: return qstrdup("Invalid");
    case Error::Kind::Unsupported: return qstrdup("Unsupported");
    }
    return qstrdup("?");
}
} // namespace frontmark

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "<cannot open>"_ba;
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString errorText(const Status &s)
{
    return s.ok() ? QString() : s.error().toString();
}

QString errorText(const Result<PostFile> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

} // namespace

class TestPostFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsFrontMatterFromBody_data();
    void splitsFrontMatterFromBody();
    void toBytesReturnsTheBytesRead_data();
    void toBytesReturnsTheBytesRead();
    void keepsBomOutsideBody();
    void malformedFrontMatterStillLoadsWithFileLine();
    void editKeepsDelimitersBodyAndCrlf();
    void loadsBlockThatNeverClosesAsRawBlock_data();
    void loadsBlockThatNeverClosesAsRawBlock();
    void detectsLineEndingAndFinalNewline_data();
    void detectsLineEndingAndFinalNewline();
    void saveWritesIdenticalBytes();
    void saveReplacesExistingFile();
    void saveIntoMissingDirectoryFailsWithIo();
    void loadOfMissingFileNamesTheFile();
    void bodyTextRoundTrip_data();
    void bodyTextRoundTrip();
};

void TestPostFile::splitsFrontMatterFromBody_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("bodyFirstLine");

    QTest::newRow("yaml ---") << "---\ntitle: A\n---\nText\n"_ba << FrontMatterFormat::Yaml
                              << "title: A\n"_ba << "Text\n"_ba << 4;
    QTest::newRow("toml +++") << "+++\ntitle = \"A\"\ndraft = true\n+++\n\nText\n"_ba << FrontMatterFormat::Toml
                              << "title = \"A\"\ndraft = true\n"_ba << "\nText\n"_ba << 5;
    QTest::newRow("json object at start") << "{\n  \"title\": \"A\"\n}\nText\n"_ba << FrontMatterFormat::Json
                                          << "{\n  \"title\": \"A\"\n}"_ba << "Text\n"_ba << 4;
    QTest::newRow("json braces and escaped quotes in strings")
        << "{\"title\": \"a } b {\", \"q\": \"say \\\"}\\\" \\\\\"}\nBody {x}\n"_ba << FrontMatterFormat::Json
        << "{\"title\": \"a } b {\", \"q\": \"say \\\"}\\\" \\\\\"}"_ba << "Body {x}\n"_ba << 2;
    QTest::newRow("no front matter") << "# Hi\n---\n"_ba << FrontMatterFormat::None << QByteArray() << "# Hi\n---\n"_ba << 1;
    QTest::newRow("empty file") << QByteArray() << FrontMatterFormat::None << QByteArray() << QByteArray() << 1;
    QTest::newRow("blank lines before --- (Hugo skips them)")
        << "\n  \n---\ntitle: A\n---\nBody"_ba << FrontMatterFormat::Yaml << "title: A\n"_ba << "Body"_ba << 6;
    QTest::newRow("CRLF on every line") << "---\r\nx: 1\r\n---\r\nT\r\nU\r\n"_ba << FrontMatterFormat::Yaml
                                        << "x: 1\r\n"_ba << "T\r\nU\r\n"_ba << 4;
    QTest::newRow("mixed endings kept per line") << "+++\r\nx = 1\ny = 2\r\n+++\nA\r\nB\n"_ba << FrontMatterFormat::Toml
                                                 << "x = 1\ny = 2\r\n"_ba << "A\r\nB\n"_ba << 5;
    QTest::newRow("no final newline") << "---\na: 1\n---\nLast line"_ba << FrontMatterFormat::Yaml << "a: 1\n"_ba
                                      << "Last line"_ba << 4;
    QTest::newRow("closing delimiter at EOF without newline")
        << "---\na: 1\n---"_ba << FrontMatterFormat::Yaml << "a: 1\n"_ba << QByteArray() << 3;
    QTest::newRow("--- later in the body is body")
        << "---\na: 1\n---\nx\n---\ny\n"_ba << FrontMatterFormat::Yaml << "a: 1\n"_ba << "x\n---\ny\n"_ba << 4;
}

void TestPostFile::splitsFrontMatterFromBody()
{
    QFETCH(QByteArray, file);
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(QByteArray, body);
    QFETCH(int, bodyFirstLine);

    const auto post = PostFile::fromBytes(file, u"post.md"_s);
    QVERIFY2(post.ok(), qPrintable(errorText(post)));
    QCOMPARE(post.value().format(), format);
    QCOMPARE(post.value().frontMatter().bytes(), block);
    QCOMPARE(post.value().body(), body);
    QCOMPARE(post.value().bodyFirstLine(), bodyFirstLine);
    QCOMPARE(post.value().toBytes(), file);
    if (format != FrontMatterFormat::None) {
        const FrontMatter &fm = post.value().frontMatter();
        QVERIFY2(fm.isValid(), qPrintable(fm.isValid() ? QString() : fm.error()->toString()));
        QVERIFY(!fm.keys().isEmpty());
    }
}

void TestPostFile::toBytesReturnsTheBytesRead_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::newRow("BOM + yaml") << "\xEF\xBB\xBF---\ntitle: A\n---\nBody\n"_ba;
    QTest::newRow("BOM + toml CRLF") << "\xEF\xBB\xBF+++\r\ntitle = 'A'\r\n+++\r\nBody"_ba;
    QTest::newRow("BOM + json") << "\xEF\xBB\xBF{\"a\": 1}\r\n\r\nBody\r\n"_ba;
    QTest::newRow("BOM only") << "\xEF\xBB\xBF"_ba;
    QTest::newRow("tabs and CRLF before ---") << "\t\r\n \r\n---\r\na: 1\r\n---\r\n"_ba;
    QTest::newRow("delimiter followed by text on its line") << "---\na: 1\n--- trailing\nBody\n"_ba;
    QTest::newRow("CJK body, no final newline") << "---\ntitle: 中文標題\n---\n正文，沒有結尾換行"_ba;
}

void TestPostFile::toBytesReturnsTheBytesRead()
{
    QFETCH(QByteArray, file);
    const auto post = PostFile::fromBytes(file);
    QVERIFY2(post.ok(), qPrintable(errorText(post)));
    QCOMPARE(post.value().toBytes(), file);
    QCOMPARE(post.value().hasBom(), file.startsWith("\xEF\xBB\xBF"));
}

void TestPostFile::keepsBomOutsideBody()
{
    const auto plain = PostFile::fromBytes("\xEF\xBB\xBFHello\n"_ba);
    QVERIFY2(plain.ok(), qPrintable(errorText(plain)));
    QVERIFY(plain.value().hasBom());
    QCOMPARE(plain.value().format(), FrontMatterFormat::None);
    QCOMPARE(plain.value().body(), "Hello\n"_ba);

    // The BOM does not hide the front matter, and is not part of its block.
    const auto yaml = PostFile::fromBytes("\xEF\xBB\xBF---\ntitle: A\n---\nB"_ba);
    QVERIFY2(yaml.ok(), qPrintable(errorText(yaml)));
    QVERIFY(yaml.value().hasBom());
    QCOMPARE(yaml.value().format(), FrontMatterFormat::Yaml);
    QCOMPARE(yaml.value().frontMatter().value(u"title"_s), Value(u"A"_s));
    QCOMPARE(yaml.value().body(), "B"_ba);
}

void TestPostFile::malformedFrontMatterStillLoadsWithFileLine()
{
    // Blank line 1, "---" on line 2, keys from line 3; the broken key is on file line 4.
    const QByteArray file = "\n---\ntitle: A\ntitle: B\n---\nBody\n"_ba;
    const auto post = PostFile::fromBytes(file, u"broken.md"_s);
    QVERIFY2(post.ok(), qPrintable(errorText(post)));
    const FrontMatter &fm = post.value().frontMatter();
    QVERIFY(!fm.isValid());
    QVERIFY(fm.error().has_value());
    QCOMPARE(fm.error()->line, 4);
    QCOMPARE(fm.error()->file, u"broken.md"_s);
    QVERIFY2(fm.error()->message.contains(u"title"_s), qPrintable(fm.error()->message));
    QCOMPARE(post.value().toBytes(), file);
}

void TestPostFile::editKeepsDelimitersBodyAndCrlf()
{
    auto loaded = PostFile::fromBytes("\xEF\xBB\xBF---\r\ntitle: A # keep\r\ndraft: true\r\n---\r\nBody\r\n"_ba);
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    PostFile post = loaded.value();
    const Status st = post.frontMatter().setValue(u"title"_s, Value(u"B"_s));
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(post.toBytes(), "\xEF\xBB\xBF---\r\ntitle: B # keep\r\ndraft: true\r\n---\r\nBody\r\n"_ba);
    QCOMPARE(post.lineEnding(), LineEnding::CrLf);
}

void TestPostFile::loadsBlockThatNeverClosesAsRawBlock_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("line");         // of the opening delimiter
    QTest::addColumn<QString>("mention");  // the missing delimiter
    QTest::addColumn<QByteArray>("block"); // the raw block: everything after the opening line
    QTest::addColumn<QByteArray>("fixed"); // the block with the missing delimiter typed in
    QTest::addColumn<QByteArray>("body");  // the body once the fixed post is split again

    QTest::newRow("yaml, LF") << "---\ntitle: x\n\nbody\n"_ba << 1 << u"---"_s << "title: x\n\nbody\n"_ba
                              << "title: x\n---\n\nbody\n"_ba << "\nbody\n"_ba;
    QTest::newRow("yaml, CRLF") << "---\r\ntitle: x\r\n\r\nbody\r\n"_ba << 1 << u"---"_s << "title: x\r\n\r\nbody\r\n"_ba
                                << "title: x\r\n---\r\n\r\nbody\r\n"_ba << "\r\nbody\r\n"_ba;
    QTest::newRow("yaml, BOM, no final newline") << "\xEF\xBB\xBF---\ntitle: x\nbody"_ba << 1 << u"---"_s << "title: x\nbody"_ba
                                                 << "title: x\n---\nbody"_ba << "body"_ba;
    QTest::newRow("yaml after blank lines") << "\n\n---\ntitle: A\n"_ba << 3 << u"---"_s << "title: A\n"_ba
                                            << "title: A\n---\n"_ba << QByteArray();
    QTest::newRow("yaml, only the opening line") << "---\n"_ba << 1 << u"---"_s << QByteArray() << "---\n"_ba << QByteArray();
    QTest::newRow("yaml \"closed\" with +++") << "---\ntitle: A\n+++\nBody\n"_ba << 1 << u"---"_s << "title: A\n+++\nBody\n"_ba
                                              << "title: A\n---\n+++\nBody\n"_ba << "+++\nBody\n"_ba;
    QTest::newRow("toml, LF") << "+++\ntitle = \"A\"\n\nBody text\n"_ba << 1 << u"+++"_s << "title = \"A\"\n\nBody text\n"_ba
                              << "title = \"A\"\n+++\n\nBody text\n"_ba << "\nBody text\n"_ba;
    QTest::newRow("toml, BOM and CRLF") << "\xEF\xBB\xBF+++\r\ntitle = 'A'\r\n\r\nBody\r\n"_ba << 1 << u"+++"_s
                                        << "title = 'A'\r\n\r\nBody\r\n"_ba << "title = 'A'\r\n+++\r\n\r\nBody\r\n"_ba << "\r\nBody\r\n"_ba;
    QTest::newRow("json") << "{\n  \"title\": \"A\"\n\nBody\n"_ba << 1 << u"}"_s << "{\n  \"title\": \"A\"\n\nBody\n"_ba
                          << "{\n  \"title\": \"A\"\n}\n\nBody\n"_ba << "\nBody\n"_ba;
    QTest::newRow("json, brace only inside a string") << "{\"title\": \"}\"\nBody\n"_ba << 1 << u"}"_s << "{\"title\": \"}\"\nBody\n"_ba
                                                      << "{\"title\": \"}\"}\nBody\n"_ba << "Body\n"_ba;
}

void TestPostFile::loadsBlockThatNeverClosesAsRawBlock()
{
    QFETCH(QByteArray, file);
    QFETCH(int, line);
    QFETCH(QString, mention);
    QFETCH(QByteArray, block);
    QFETCH(QByteArray, fixed);
    QFETCH(QByteArray, body);

    // Issue #21: it loads, with every byte after the opening line in the raw block.
    const auto loaded = PostFile::fromBytes(file, u"open.md"_s);
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    PostFile post = loaded.value();
    QCOMPARE(post.frontMatter().bytes(), block);
    QCOMPARE(post.body(), QByteArray());
    QCOMPARE(post.toBytes(), file);

    // Invalid, located at the opening line, naming what is missing.
    const FrontMatter &fm = post.frontMatter();
    QVERIFY(fm.isUnclosed());
    QVERIFY(!fm.isValid());
    const Error &e = *fm.error();
    QCOMPARE(e.kind, Error::Kind::Syntax);
    QCOMPARE(e.file, u"open.md"_s);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, 1);
    QVERIFY2(e.message.contains(mention), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"line %1"_s.arg(line)), qPrintable(e.message));
    QVERIFY(fm.keys().isEmpty());
    QVERIFY(!post.frontMatter().setValue(u"title"_s, Value(u"B"_s)).ok());
    QCOMPARE(post.toBytes(), file);

    // Round trip on disk: an unchanged save writes the same bytes, which load the same way.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"open.md"_s);
    const Status saved = post.save(path);
    QVERIFY2(saved.ok(), qPrintable(errorText(saved)));
    QCOMPARE(readAll(path), file);
    const auto reloaded = PostFile::load(path);
    QVERIFY2(reloaded.ok(), qPrintable(errorText(reloaded)));
    QVERIFY(reloaded.value().frontMatter().isUnclosed());
    QCOMPARE(reloaded.value().frontMatter().error()->line, line);

    // Still unclosed after a raw edit that does not add the delimiter.
    post.frontMatter().setBytes(block + "draft: true\n"_ba);
    QVERIFY(post.frontMatter().isUnclosed());
    QVERIFY(!post.frontMatter().isValid());

    // Typing the missing delimiter into the raw block: split again, the post is valid.
    post.frontMatter().setBytes(fixed);
    const auto split = PostFile::fromBytes(post.toBytes(), u"open.md"_s);
    QVERIFY2(split.ok(), qPrintable(errorText(split)));
    QVERIFY(!split.value().frontMatter().isUnclosed());
    const FrontMatter &closed = split.value().frontMatter();
    QVERIFY2(closed.isValid(), qPrintable(closed.isValid() ? QString() : closed.error()->toString()));
    QCOMPARE(split.value().body(), body);
    QCOMPARE(split.value().toBytes(), post.toBytes());
}

void TestPostFile::detectsLineEndingAndFinalNewline_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<LineEnding>("eol");
    QTest::addColumn<bool>("endsWithNewline");

    QTest::newRow("LF") << "---\na: 1\n---\nx\n"_ba << LineEnding::Lf << true;
    QTest::newRow("CRLF") << "---\r\na: 1\r\n---\r\nx\r\n"_ba << LineEnding::CrLf << true;
    QTest::newRow("mixed") << "---\r\na: 1\n---\nx\r\n"_ba << LineEnding::Mixed << true;
    QTest::newRow("CRLF, no final newline") << "+++\r\na = 1\r\n+++\r\nx"_ba << LineEnding::CrLf << false;
    QTest::newRow("one line, no newline") << "just text"_ba << LineEnding::None << false;
}

void TestPostFile::detectsLineEndingAndFinalNewline()
{
    QFETCH(QByteArray, file);
    QFETCH(LineEnding, eol);
    QFETCH(bool, endsWithNewline);
    const auto post = PostFile::fromBytes(file);
    QVERIFY2(post.ok(), qPrintable(errorText(post)));
    QCOMPARE(post.value().lineEnding(), eol);
    QCOMPARE(post.value().endsWithNewline(), endsWithNewline);
}

void TestPostFile::saveWritesIdenticalBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray original = "\xEF\xBB\xBF---\r\ntitle: \"中文\" # c\r\ntags:\n  - a\r\n---\r\nBody\nno newline"_ba;
    const QString in = dir.filePath(u"in.md"_s);
    QVERIFY(writeAll(in, original));

    const auto post = PostFile::load(in);
    QVERIFY2(post.ok(), qPrintable(errorText(post)));
    QCOMPARE(post.value().fileName(), in);
    QVERIFY(post.value().frontMatter().isValid());

    const QString out = dir.filePath(u"out.md"_s);
    const Status st = post.value().save(out);
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(readAll(out), original);
}

void TestPostFile::saveReplacesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"post.md"_s);
    // The old file is longer than the new content: nothing of it may be left behind.
    QVERIFY(writeAll(path, "---\ntitle: A much longer old title\n---\nOld body that is long.\n"_ba));

    auto loaded = PostFile::load(path);
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    PostFile post = loaded.value();
    QVERIFY(post.frontMatter().setValue(u"title"_s, Value(u"B"_s)).ok());
    post.setBody("New\n"_ba);
    const Status st = post.save(path);
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(readAll(path), "---\ntitle: B\n---\nNew\n"_ba);
    // No temporary file is left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"post.md"_s});
}

void TestPostFile::saveIntoMissingDirectoryFailsWithIo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto post = PostFile::fromBytes("---\ntitle: A\n---\nBody\n"_ba);
    QVERIFY(post.ok());
    const QString path = dir.filePath(u"no/such/dir/post.md"_s);
    const Status st = post.value().save(path);
    QVERIFY2(!st.ok(), "saving into a missing directory must fail");
    QCOMPARE(st.error().kind, Error::Kind::Io);
    QCOMPARE(st.error().file, path);
    QVERIFY(!st.error().message.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestPostFile::loadOfMissingFileNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing-post.md"_s);
    const auto post = PostFile::load(path);
    QVERIFY2(!post.ok(), "loading a missing file must fail");
    QCOMPARE(post.error().kind, Error::Kind::Io);
    QCOMPARE(post.error().file, path);
    QVERIFY2(post.error().toString().contains(u"missing-post.md"_s), qPrintable(post.error().toString()));
}

void TestPostFile::bodyTextRoundTrip_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("editedText"); // empty: set the text back unchanged
    QTest::addColumn<QByteArray>("expected");
    const QByteArray crlf = "---\r\ntitle: a\r\n---\r\nOne\r\n\r\nTwo\r\n"_ba;
    QTest::newRow("CRLF unchanged") << crlf << QString() << crlf;
    QTest::newRow("CRLF edit stays CRLF") << crlf << u"One\n\nTwo 二\nThree"_s
                                          << "---\r\ntitle: a\r\n---\r\nOne\r\n\r\nTwo \xE4\xBA\x8C\r\nThree"_ba;
    const QByteArray mixed = "---\ntitle: a\n---\nOne\r\nTwo\nThree\r\n"_ba;
    QTest::newRow("mixed endings unchanged") << mixed << QString() << mixed;
    QTest::newRow("LF edit") << "Body\n"_ba << u"Body\nmore\n"_s << "Body\nmore\n"_ba;
    QTest::newRow("no-break space kept") << "A\xC2\xA0" "B"_ba << QString() << "A\xC2\xA0" "B"_ba;
}

void TestPostFile::bodyTextRoundTrip()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, editedText);
    QFETCH(QByteArray, expected);
    auto post = PostFile::fromBytes(file);
    QVERIFY(post.ok());
    PostFile p = post.value();
    QVERIFY(!p.bodyText().contains(u"\r\n"_s));
    p.setBodyText(editedText.isNull() ? p.bodyText() : editedText);
    QCOMPARE(p.toBytes(), expected);
}

QTEST_GUILESS_MAIN(TestPostFile)
#include "tst_postfile.moc"
