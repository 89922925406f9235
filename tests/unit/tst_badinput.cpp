// SPDX-License-Identifier: GPL-3.0-or-later
// Input Hugo cannot read, or that an attacker or a broken tool could produce: every case must
// come back as a clear, located Error (or load as documented), never crash, hang or eat memory.
//
// The cases that could hang or allocate without bound (deep nesting, the alias bomb, random
// garbage) run in a child process of this binary, watched for time and memory: a regression
// then fails one test with a message instead of taking the whole run (or the CI machine) down.

#include "document/postfile.h"
#include "images/postimages.h"
#include "render/markdownrenderer.h"
#include "render/tablelimits.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

const char *const kChildEnv = "FRONTMARK_BADINPUT_CHILD";

bool inChild()
{
    return qEnvironmentVariableIsSet(kChildEnv);
}

/// A kernel memory figure ("VmRSS", "VmHWM") of process `pid` in KiB, or -1.
qint64 procStatusKb(const QString &pid, const QByteArray &field)
{
    QFile f(u"/proc/"_s + pid + u"/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field + ':'))) {
            const QByteArray number = line.mid(field.size() + 1).trimmed().split(' ').value(0);
            bool ok = false;
            const qint64 kb = number.toLongLong(&ok);
            return ok ? kb : -1;
        }
    }
    return -1;
}

struct ChildRun {
    bool started = false;
    bool finishedInTime = false; // not killed for time or memory
    bool normalExit = false;     // did not crash
    int exitCode = -1;
    qint64 elapsedMs = 0;
    qint64 peakRssMb = 0;
    QString killedBecause;
    QString output;
};

// AddressSanitizer (packaging/dev.sh asan, run by CI) keeps freed memory in quarantine and adds
// shadow memory and redzones: the same work takes about three times the memory and time.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kSanitizerFactor = 3;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kSanitizerFactor = 3;
#else
constexpr int kSanitizerFactor = 1;
#endif
#else
constexpr int kSanitizerFactor = 1;
#endif

/// Runs `testFunction` ("slot" or "slot:row") of this binary in a child process, killing it
/// after `timeoutMs` or as soon as its resident memory passes `maxRssMb` (both scaled by
/// kSanitizerFactor under AddressSanitizer).
ChildRun runInChild(const QString &testFunction, int timeoutMs, qint64 maxRssMb)
{
    timeoutMs *= kSanitizerFactor;
    maxRssMb *= kSanitizerFactor;
    ChildRun run;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildEnv), u"1"_s);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(), {testFunction});
    run.started = child.waitForStarted(30000);
    if (!run.started) {
        run.output = child.errorString();
        return run;
    }
    const QString pid = QString::number(child.processId());
    while (child.state() != QProcess::NotRunning && !child.waitForFinished(20)) {
        const qint64 rssMb = procStatusKb(pid, "VmRSS") / 1024;
        run.peakRssMb = qMax(run.peakRssMb, rssMb);
        if (timer.elapsed() > timeoutMs)
            run.killedBecause = u"still running after %1 ms"_s.arg(timeoutMs);
        else if (rssMb > maxRssMb)
            run.killedBecause = u"resident memory reached %1 MB (limit %2 MB)"_s.arg(rssMb).arg(maxRssMb);
        if (!run.killedBecause.isEmpty()) {
            child.kill();
            child.waitForFinished(30000);
            break;
        }
    }
    run.elapsedMs = timer.elapsed();
    run.finishedInTime = run.killedBecause.isEmpty();
    run.normalExit = run.finishedInTime && child.exitStatus() == QProcess::NormalExit;
    run.exitCode = child.exitCode();
    run.output = QString::fromLocal8Bit(child.readAll());
    return run;
}

/// The test function currently running, as the command line names it ("slot:row").
QString currentTestSpec()
{
    QString spec = QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag(); tag && *tag)
        spec += u':' + QString::fromUtf8(tag);
    return spec;
}

/// The child's output, shortened for a failure message: runs of identical stack frames (a
/// stack overflow prints tens of thousands) fold into one line, and the middle is cut.
QString condensed(const QString &output)
{
    static const QRegularExpression framePrefix(u"^\\s*#\\d+\\s+(0x[0-9a-f]+\\s+)?"_s);
    QStringList out;
    QString previous;
    int repeats = 0;
    for (const QString &line : output.split(u'\n')) {
        QString key = line;
        key.remove(framePrefix);
        if (key == previous && line.trimmed().startsWith(u'#')) {
            ++repeats;
            continue;
        }
        if (repeats > 0)
            out.append(u"    ... %1 more frames like the one above"_s.arg(repeats));
        repeats = 0;
        previous = key;
        out.append(line);
    }
    if (repeats > 0)
        out.append(u"    ... %1 more frames like the one above"_s.arg(repeats));
    const QString text = out.join(u'\n');
    return text.size() <= 6000 ? text : text.left(3000) + u"\n[...]\n"_s + text.right(3000);
}

/// Parent side: runs the current test function in a child and fails with the child's
/// output if it crashed, failed, hung or used too much memory.
void verifyInChild(int timeoutMs, qint64 maxRssMb)
{
    const QString spec = currentTestSpec();
    const ChildRun run = runInChild(spec, timeoutMs, maxRssMb);
    qInfo("%s: child took %lld ms, peak RSS %lld MB", qPrintable(spec), run.elapsedMs, run.peakRssMb);
    const bool passedInChild = run.finishedInTime && run.normalExit && run.exitCode == 0;
    if (run.started && !passedInChild)
        qWarning().noquote() << u"child output:\n"_s + condensed(run.output); // QTest cuts long failure messages
    QVERIFY2(run.started, qPrintable(u"could not start the child: "_s + run.output));
    QVERIFY2(run.finishedInTime, qPrintable(u"killed: "_s + run.killedBecause));
    QVERIFY2(run.normalExit, "the child crashed; its output is above");
    QVERIFY2(run.exitCode == 0, "the child failed; its output is above");
    const QString passed = u"PASS   : TestBadInput::"_s + QString::fromLatin1(QTest::currentTestFunction());
    QVERIFY2(run.output.contains(passed), qPrintable(u"the child did not run the test:\n"_s + condensed(run.output)));
}

/// The error a bad input produced, whether PostFile refused to load it or loaded it with
/// front matter that does not parse (both are documented outcomes of PostFile).
std::optional<Error> problemOf(const Result<PostFile> &loaded)
{
    if (!loaded.ok())
        return loaded.error();
    if (!loaded.value().frontMatter().isValid())
        return *loaded.value().frontMatter().error();
    return std::nullopt;
}

QString describe(const Result<PostFile> &loaded)
{
    if (!loaded.ok())
        return u"load error: "_s + loaded.error().toString();
    const FrontMatter &fm = loaded.value().frontMatter();
    if (!fm.isValid())
        return u"front matter error: "_s + fm.error()->toString();
    return u"loaded, %1 front matter with keys [%2]"_s.arg(formatName(fm.format()), fm.keys().join(u", "_s));
}

QByteArray repeated(const QByteArray &unit, qsizetype times)
{
    return unit.repeated(times);
}

/// A byte array of a literal that may contain NULs (without the terminating one).
template <std::size_t N>
QByteArray raw(const char (&s)[N])
{
    return QByteArray(s, qsizetype(N) - 1);
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invalidUtf8IsLocated_data();
    void invalidUtf8IsLocated();
    void binaryFileIsRefused_data();
    void binaryFileIsRefused();
    void degenerateFilesLoad_data();
    void degenerateFilesLoad();
    void emptyFrontMatterTakesNewKey();
    void unclosedFrontMatterIsLocatedAtItsOpening_data();
    void unclosedFrontMatterIsLocatedAtItsOpening();
    void topLevelMustBeAMap_data();
    void topLevelMustBeAMap();
    void deepNestingIsAnErrorNotACrash_data();
    void deepNestingIsAnErrorNotACrash();
    void modestNestingLoads_data();
    void modestNestingLoads();
    void yamlAliasBombIsRefusedQuickly();
    void tenMegabyteValueLoadsAndEditsQuickly();
    void oversizedFileIsRefusedWithoutReadingIt();
    void oversizedBytesAreRefused();
    void randomGarbageNeverCrashes();
    void craftedBodiesAreBounded_data();
    void craftedBodiesAreBounded();
    void tableLimitKeepsTextAsWritten();
};

// ---- encoding ---------------------------------------------------------------------------

void TestBadInput::invalidUtf8IsLocated_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("badByte");

    QTest::newRow("latin-1 in body") << "---\ntitle: A\n---\nCaf\xe9 au lait\n"_ba << 4 << 4 << u"0xe9"_s;
    QTest::newRow("latin-1 in front matter value") << "---\ntitle: Caf\xe9\n---\nBody\n"_ba << 2 << 11 << u"0xe9"_s;
    QTest::newRow("invalid byte inside a key") << "---\nti\xfftle: A\n---\n"_ba << 2 << 3 << u"0xff"_s;
    QTest::newRow("column counts characters after CJK")
        << "---\ntitle: \xe6\x99\xb6\xe7\x89\x87\xff\n---\n"_ba << 2 << 10 << u"0xff"_s;
    QTest::newRow("toml front matter") << "+++\ntitle = \"\xe9t\xe9\"\n+++\n"_ba << 2 << 10 << u"0xe9"_s;
    QTest::newRow("json front matter") << "{\n  \"title\": \"\xe9\"\n}\n"_ba << 2 << 13 << u"0xe9"_s;
    QTest::newRow("overlong 2-byte slash") << "---\ntitle: a\xc0\xaf" "b\n---\n"_ba << 2 << 9 << u"0xc0"_s;
    QTest::newRow("overlong 3-byte slash") << "---\ntitle: a\xe0\x80\xaf" "b\n---\n"_ba << 2 << 9 << u"0xe0"_s;
    QTest::newRow("overlong 4-byte slash") << "---\ntitle: a\xf0\x80\x80\xaf" "b\n---\n"_ba << 2 << 9 << u"0xf0"_s;
    QTest::newRow("overlong NUL (modified UTF-8)") << "Text\xc0\x80more\n"_ba << 1 << 5 << u"0xc0"_s;
    QTest::newRow("lone high surrogate ED A0 80") << "---\ntitle: A\n---\nx\xed\xa0\x80y\n"_ba << 4 << 2 << u"0xed"_s;
    QTest::newRow("lone low surrogate ED B0 80") << "x\xed\xb0\x80y\n"_ba << 1 << 2 << u"0xed"_s;
    QTest::newRow("code point past U+10FFFF") << "ab\xf4\x90\x80\x80\n"_ba << 1 << 3 << u"0xf4"_s;
    QTest::newRow("5-byte lead F8") << "ab\xf8\x88\x80\x80\x80\n"_ba << 1 << 3 << u"0xf8"_s;
    QTest::newRow("stray continuation byte") << "---\ntitle: A\n---\n\n\x80\n"_ba << 5 << 1 << u"0x80"_s;
    QTest::newRow("truncated 3-byte sequence at EOF") << "---\ntitle: A\n---\nEnd \xe6\x97"_ba << 4 << 5 << u"0xe6"_s;
    QTest::newRow("truncated 4-byte sequence at EOF") << "x\xf0\x9f\x98"_ba << 1 << 2 << u"0xf0"_s;
    QTest::newRow("lone lead byte at EOF") << "x\xe6"_ba << 1 << 2 << u"0xe6"_s;
    QTest::newRow("truncated sequence mid-line") << "a\xe6\x97 b\n"_ba << 1 << 2 << u"0xe6"_s;
    QTest::newRow("CRLF lines") << "---\r\ntitle: A\r\n---\r\nx\xff\r\n"_ba << 4 << 2 << u"0xff"_s;
    QTest::newRow("after a BOM") << "\xEF\xBB\xBF---\ntitle: \xfe\n---\n"_ba << 2 << 8 << u"0xfe"_s;
}

void TestBadInput::invalidUtf8IsLocated()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, badByte);

    const auto loaded = PostFile::fromBytes(bytes, u"post.md"_s);
    QVERIFY2(!loaded.ok(), qPrintable(describe(loaded)));
    const Error &e = loaded.error();
    QCOMPARE(e.kind, Error::Kind::Invalid);
    QCOMPARE(e.file, u"post.md"_s);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY2(e.message.contains(u"UTF-8"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(badByte, Qt::CaseInsensitive), qPrintable(e.message));
    QVERIFY2(e.toString().startsWith(u"post.md:%1:%2: "_s.arg(line).arg(column)), qPrintable(e.toString()));
}

void TestBadInput::binaryFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // The first 33 bytes of a real PNG: signature, IHDR chunk (1x1, 8-bit RGBA) and its CRC.
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d494844520000000100000001080600000"
                                               "01f15c489");
    QTest::newRow("PNG header") << png << 3 << 1;
    QTest::newRow("PNG header with trailing data") << QByteArray(png + QByteArray(4096, '\x7f')) << 3 << 1;
    QTest::newRow("NUL inside the front matter") << raw("---\ntitle: A\0B\n---\n") << 2 << 9;
    QTest::newRow("NUL in the body") << raw("---\ntitle: A\n---\nText\0") << 4 << 5;
    QTest::newRow("UTF-16LE text") << raw("\xff\xfe-\0-\0-\0\n\0") << 1 << 4;
    QTest::newRow("only NULs") << QByteArray(1024, '\0') << 1 << 1;
}

void TestBadInput::binaryFileIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);

    const auto fromBytes = PostFile::fromBytes(bytes, u"image.md"_s);
    QVERIFY2(!fromBytes.ok(), qPrintable(describe(fromBytes)));
    QCOMPARE(fromBytes.error().kind, Error::Kind::Invalid);
    QVERIFY2(fromBytes.error().message.contains(u"binary"_s), qPrintable(fromBytes.error().message));
    QCOMPARE(fromBytes.error().line, line);
    QCOMPARE(fromBytes.error().column, column);

    // The same through the file system.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"image.md"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
    f.close();
    const auto loaded = PostFile::load(path);
    QVERIFY2(!loaded.ok(), qPrintable(describe(loaded)));
    QCOMPARE(loaded.error().file, path);
    QCOMPARE(loaded.error().line, line);
}

// ---- degenerate and unclosed ------------------------------------------------------------

void TestBadInput::degenerateFilesLoad_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty file") << QByteArray() << FrontMatterFormat::None << false << QByteArray();
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << FrontMatterFormat::None << true << QByteArray();
    QTest::newRow("only blank lines") << "\n\n  \n"_ba << FrontMatterFormat::None << false << "\n\n  \n"_ba;
    QTest::newRow("only three dashes, no newline") << "---"_ba << FrontMatterFormat::None << false << "---"_ba;
    QTest::newRow("empty YAML block") << "---\n---\n"_ba << FrontMatterFormat::Yaml << false << QByteArray();
    QTest::newRow("empty YAML block, no final newline") << "---\n---"_ba << FrontMatterFormat::Yaml << false << QByteArray();
    QTest::newRow("empty YAML block, CRLF and BOM") << "\xEF\xBB\xBF---\r\n---\r\nBody\r\n"_ba
                                                   << FrontMatterFormat::Yaml << true << "Body\r\n"_ba;
    QTest::newRow("YAML block of only a comment") << "---\n# nothing yet\n---\n"_ba << FrontMatterFormat::Yaml << false
                                                  << QByteArray();
    QTest::newRow("empty TOML block") << "+++\n+++\n"_ba << FrontMatterFormat::Toml << false << QByteArray();
    QTest::newRow("empty JSON object") << "{}\n"_ba << FrontMatterFormat::Json << false << QByteArray();
}

void TestBadInput::degenerateFilesLoad()
{
    QFETCH(QByteArray, bytes);
    QFETCH(FrontMatterFormat, format);
    QFETCH(bool, bom);
    QFETCH(QByteArray, body);

    const auto loaded = PostFile::fromBytes(bytes, u"post.md"_s);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
    const PostFile &post = loaded.value();
    QCOMPARE(post.format(), format);
    QCOMPARE(post.hasBom(), bom);
    QVERIFY2(post.frontMatter().isValid(), qPrintable(describe(loaded)));
    QCOMPARE(post.frontMatter().keys(), QStringList());
    QCOMPARE(post.body(), body);
    QCOMPARE(post.toBytes(), bytes);
}

void TestBadInput::emptyFrontMatterTakesNewKey()
{
    auto loaded = PostFile::fromBytes("---\n---\nBody\n"_ba, u"post.md"_s);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
    PostFile post = loaded.value();
    const Status set = post.frontMatter().setValue(u"title"_s, Value(u"新的"_s));
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
    const QByteArray edited = post.toBytes();
    QVERIFY2(edited.startsWith("---\ntitle: ") && edited.endsWith("\n---\nBody\n"), edited.constData());
    const auto reloaded = PostFile::fromBytes(edited, u"post.md"_s);
    QVERIFY2(reloaded.ok(), qPrintable(describe(reloaded)));
    QCOMPARE(reloaded.value().frontMatter().keys(), QStringList{u"title"_s});
    QCOMPARE(reloaded.value().frontMatter().value(u"title"_s), Value(u"新的"_s));
    QCOMPARE(reloaded.value().body(), "Body\n"_ba);

    const Status removed = post.frontMatter().remove(u"title"_s);
    QVERIFY(removed.ok());
    QCOMPARE(post.toBytes(), "---\n---\nBody\n"_ba);
}

void TestBadInput::unclosedFrontMatterIsLocatedAtItsOpening_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("delimiter");

    QTest::newRow("only ---") << "---\n"_ba << 1 << u"---"_s;
    QTest::newRow("only --- CRLF") << "---\r\n"_ba << 1 << u"---"_s;
    QTest::newRow("YAML never closed") << "---\ntitle: A\ndate: 2025-01-01\n\nBody text.\n"_ba << 1 << u"---"_s;
    QTest::newRow("YAML closed with +++") << "---\ntitle: A\n+++\nBody\n"_ba << 1 << u"---"_s;
    QTest::newRow("YAML after a BOM") << "\xEF\xBB\xBF---\ntitle: A\n"_ba << 1 << u"---"_s;
    QTest::newRow("YAML after blank lines") << "\n\n---\ntitle: A\n"_ba << 3 << u"---"_s;
    QTest::newRow("only +++") << "+++\n"_ba << 1 << u"+++"_s;
    QTest::newRow("TOML never closed") << "+++\ntitle = \"A\"\n\nBody text.\n"_ba << 1 << u"+++"_s;
    QTest::newRow("TOML closed with ---") << "+++\ntitle = \"A\"\n---\nBody\n"_ba << 1 << u"+++"_s;
    QTest::newRow("JSON never closed") << "{\n  \"title\": \"A\"\n\nBody text.\n"_ba << 1 << u"}"_s;
    QTest::newRow("JSON brace inside a string") << "{\"title\": \"}\"\n"_ba << 1 << u"}"_s;
}

void TestBadInput::unclosedFrontMatterIsLocatedAtItsOpening()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, delimiter);

    // Issue #21: it loads, so the raw editor can show it at the error, and its front matter is
    // invalid (a check or publish refuses it).
    const auto loaded = PostFile::fromBytes(bytes, u"post.md"_s);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
    QCOMPARE(loaded.value().toBytes(), bytes);
    const FrontMatter &fm = loaded.value().frontMatter();
    QVERIFY(fm.isUnclosed());
    QVERIFY(fm.error().has_value());
    const Error &e = *fm.error();
    QCOMPARE(e.kind, Error::Kind::Syntax);
    QCOMPARE(e.file, u"post.md"_s);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, 1);
    QVERIFY2(e.message.contains(delimiter), qPrintable(e.message));
}

void TestBadInput::topLevelMustBeAMap_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");

    QTest::newRow("YAML block list") << "---\n- a\n- b\n---\nBody\n"_ba << 2;
    QTest::newRow("YAML flow list") << "---\n[a, b]\n---\nBody\n"_ba << 2;
    QTest::newRow("YAML plain scalar") << "---\njust a sentence\n---\nBody\n"_ba << 2;
    QTest::newRow("YAML quoted scalar") << "---\n\n\"text\"\n---\nBody\n"_ba << 3;
    QTest::newRow("YAML number") << "---\n42\n---\n"_ba << 2;
}

void TestBadInput::topLevelMustBeAMap()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);

    const auto loaded = PostFile::fromBytes(bytes, u"post.md"_s);
    // Documented: malformed front matter still loads, and frontMatter().error() says where.
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
    PostFile post = loaded.value();
    const FrontMatter &fm = post.frontMatter();
    QVERIFY2(!fm.isValid(), qPrintable(describe(loaded)));
    QCOMPARE(fm.error()->file, u"post.md"_s);
    QCOMPARE(fm.error()->line, line);
    QVERIFY(!fm.error()->message.isEmpty());
    QCOMPARE(post.toBytes(), bytes);
    // Edits are refused while the block does not parse, and leave the bytes alone.
    QVERIFY(!post.frontMatter().setValue(u"title"_s, Value(u"A"_s)).ok());
    QVERIFY(!post.frontMatter().remove(u"title"_s).ok());
    QCOMPARE(post.toBytes(), bytes);
}

// ---- nesting ----------------------------------------------------------------------------

namespace {

constexpr qsizetype kDeep = 100000;
constexpr qsizetype kDeepBlock = 5000;

QByteArray yamlBlockMaps(qsizetype depth)
{
    QByteArray b = "---\n";
    for (qsizetype i = 0; i < depth; ++i)
        b += QByteArray(i, ' ') + "k:\n";
    b += QByteArray(depth, ' ') + "leaf: 1\n---\n";
    return b;
}

QByteArray yamlBlockLists(qsizetype depth)
{
    QByteArray b = "---\nkey:\n";
    for (qsizetype i = 0; i < depth; ++i)
        b += QByteArray(i + 1, ' ') + "-\n";
    b += QByteArray(depth + 1, ' ') + "leaf\n---\n";
    return b;
}

void addNestingRows(qsizetype deep, qsizetype deepBlock)
{
    QTest::addColumn<QByteArray>("bytes");
    const auto row = [](const char *what, qsizetype depth) {
        return &QTest::newRow(QByteArray(QByteArray(what) + ' ' + QByteArray::number(depth)).constData());
    };
    *row("YAML flow lists", deep) << QByteArray("---\nkey: " + repeated("[", deep) + repeated("]", deep) + "\n---\n");
    *row("YAML flow maps", deep) << QByteArray("---\nkey: " + repeated("{a: ", deep) + "1" + repeated("}", deep) + "\n---\n");
    *row("YAML compact block lists", deep) << QByteArray("---\nkey:\n  " + repeated("- ", deep) + "x\n---\n");
    *row("YAML block maps by indentation", deepBlock) << yamlBlockMaps(deepBlock);
    *row("YAML block lists by indentation", deepBlock) << yamlBlockLists(deepBlock);
    *row("TOML arrays", deep) << QByteArray("+++\nkey = " + repeated("[", deep) + repeated("]", deep) + "\n+++\n");
    *row("TOML inline tables", deep) << QByteArray("+++\nkey = " + repeated("{a = ", deep) + "1" + repeated("}", deep) + "\n+++\n");
    *row("TOML dotted key", deep) << QByteArray("+++\n" + repeated("a.", deep) + "b = 1\n+++\n");
    *row("TOML table header", deep) << QByteArray("+++\n[" + repeated("a.", deep) + "b]\nc = 1\n+++\n");
    *row("JSON arrays", deep) << QByteArray("{\"key\": " + repeated("[", deep) + repeated("]", deep) + "}\n");
    *row("JSON objects", deep) << QByteArray("{\"key\": " + repeated("{\"a\": ", deep) + "1" + repeated("}", deep) + "}\n");
}

} // namespace

void TestBadInput::deepNestingIsAnErrorNotACrash_data()
{
    addNestingRows(kDeep, kDeepBlock);
}

void TestBadInput::deepNestingIsAnErrorNotACrash()
{
    if (!inChild())
        return verifyInChild(120000, 512);

    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const auto loaded = PostFile::fromBytes(bytes, u"deep.md"_s);
    const std::optional<Error> problem = problemOf(loaded);
    qInfo("%lld bytes: %s in %lld ms", qlonglong(bytes.size()), qPrintable(describe(loaded).left(200)), timer.elapsed());
    QVERIFY2(problem.has_value(), qPrintable(describe(loaded).left(500)));
    QCOMPARE(problem->file, u"deep.md"_s);
    QVERIFY2(problem->line >= 1, qPrintable(problem->toString()));
    // Clear: the writer learns the problem is the nesting, not just that the file is bad.
    static const QRegularExpression aboutNesting(u"nest|deep|depth"_s, QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(aboutNesting.match(problem->message).hasMatch(), qPrintable(problem->toString()));
}

void TestBadInput::modestNestingLoads_data()
{
    addNestingRows(50, 50);
}

void TestBadInput::modestNestingLoads()
{
    QFETCH(QByteArray, bytes);
    const auto loaded = PostFile::fromBytes(bytes, u"nested.md"_s);
    QVERIFY2(!problemOf(loaded), qPrintable(describe(loaded).left(500)));
    QCOMPARE(loaded.value().frontMatter().keys().size(), qsizetype(1));
    QCOMPARE(loaded.value().toBytes(), bytes);
}

void TestBadInput::yamlAliasBombIsRefusedQuickly()
{
    if (!inChild())
        return verifyInChild(30000, 512);

    // "Billion laughs": nine levels of nine aliases each expand to 9^9 = 387,420,489 strings.
    QByteArray bytes = "---\ntitle: Laughs\na0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
    for (int level = 1; level <= 8; ++level) {
        const QByteArray prev = "*a" + QByteArray::number(level - 1);
        bytes += 'a' + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 9; ++i)
            bytes += (i ? ", " : "") + prev;
        bytes += "]\n";
    }
    bytes += "---\nBody\n";

    QElapsedTimer timer;
    timer.start();
    const auto loaded = PostFile::fromBytes(bytes, u"bomb.md"_s);
    const qint64 ms = timer.elapsed();
    qInfo("alias bomb: %s in %lld ms", qPrintable(describe(loaded).left(300)), ms);
    QVERIFY2(ms < 5000, qPrintable(u"took %1 ms"_s.arg(ms)));
    const std::optional<Error> problem = problemOf(loaded);
    QVERIFY2(problem.has_value(), qPrintable(describe(loaded).left(500)));
    QVERIFY2(problem->line >= 2, qPrintable(problem->toString()));
}

// ---- size -------------------------------------------------------------------------------

void TestBadInput::tenMegabyteValueLoadsAndEditsQuickly()
{
    constexpr qsizetype size = 10 * 1024 * 1024;
    const QByteArray head = "---\ntitle: \"";
    const QByteArray tail = "\"\ndraft: false\n---\nBody\n";
    const QByteArray bytes = head + QByteArray(size, 'x') + tail;

    QElapsedTimer timer;
    timer.start();
    auto loaded = PostFile::fromBytes(bytes, u"big.md"_s);
    const qint64 loadMs = timer.elapsed();
    QVERIFY2(loaded.ok() && loaded.value().frontMatter().isValid(), qPrintable(describe(loaded).left(300)));
    PostFile post = std::move(loaded).value();
    const Value title = post.frontMatter().value(u"title"_s);
    QVERIFY(title.isString());
    QCOMPARE(title.toString().size(), size);
    QCOMPARE(post.frontMatter().position(u"draft"_s), std::make_pair(3, 1));

    timer.restart();
    const Status setDraft = post.frontMatter().setValue(u"draft"_s, Value(true));
    const qint64 setMs = timer.elapsed();
    QVERIFY2(setDraft.ok(), qPrintable(setDraft.ok() ? QString() : setDraft.error().toString()));
    QCOMPARE(post.toBytes(), QByteArray(head + QByteArray(size, 'x') + "\"\ndraft: true\n---\nBody\n"));

    timer.restart();
    const Status addWeight = post.frontMatter().setValue(u"weight"_s, Value(7));
    const qint64 addMs = timer.elapsed();
    QVERIFY(addWeight.ok());
    QCOMPARE(post.frontMatter().value(u"weight"_s), Value(7));
    QCOMPARE(post.frontMatter().value(u"title"_s).toString().size(), size);

    qInfo("10 MB title: load %lld ms, set draft %lld ms, add weight %lld ms", loadMs, setMs, addMs);
    // Generous for Debug + sanitizers; a release build does each in well under a second.
    QVERIFY2(loadMs < 10000, qPrintable(QString::number(loadMs)));
    QVERIFY2(setMs < 10000, qPrintable(QString::number(setMs)));
    QVERIFY2(addMs < 10000, qPrintable(QString::number(addMs)));
}

void TestBadInput::oversizedFileIsRefusedWithoutReadingIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.md"_s);
    {
        // Just over the limit, text only ('a's after a real front matter block), written in chunks.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray head = "---\ntitle: Huge\n---\n";
        QCOMPARE(f.write(head), qint64(head.size()));
        const QByteArray chunk(1024 * 1024, 'a');
        qint64 remaining = PostFile::maxFileSize() + 1 - head.size();
        while (remaining > 0) {
            const qint64 n = qMin<qint64>(remaining, chunk.size());
            QCOMPARE(f.write(chunk.constData(), n), n);
            remaining -= n;
        }
        f.close();
        QCOMPARE(QFileInfo(path).size(), PostFile::maxFileSize() + 1);
    }

    // Reset the peak-RSS counter so VmHWM shows what load() itself allocates.
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    const bool canMeasure = clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
    clearRefs.close();
    const qint64 rssBefore = procStatusKb(u"self"_s, "VmRSS");

    QElapsedTimer timer;
    timer.start();
    const auto loaded = PostFile::load(path);
    const qint64 ms = timer.elapsed();
    const qint64 peak = procStatusKb(u"self"_s, "VmHWM");
    qInfo("64 MiB + 1 file refused in %lld ms; peak RSS grew by %lld KiB", ms, canMeasure ? peak - rssBefore : -1);

    QVERIFY2(!loaded.ok(), qPrintable(describe(loaded).left(300)));
    const Error &e = loaded.error();
    QCOMPARE(e.file, path);
    QVERIFY2(e.message.contains(u"64"_s) && e.message.contains(u"MB"_s), qPrintable(e.message));
    QVERIFY2(ms < 1000, qPrintable(u"took %1 ms"_s.arg(ms)));
    if (canMeasure && rssBefore > 0 && peak > 0)
        QVERIFY2(peak - rssBefore < 16 * 1024, qPrintable(u"peak RSS grew by %1 KiB"_s.arg(peak - rssBefore)));

    QVERIFY(QFile::remove(path));
}

void TestBadInput::oversizedBytesAreRefused()
{
    const QByteArray bytes = "---\ntitle: Huge\n---\n" + QByteArray(PostFile::maxFileSize(), 'a');
    const auto loaded = PostFile::fromBytes(bytes, u"huge.md"_s);
    QVERIFY2(!loaded.ok(), qPrintable(describe(loaded).left(300)));
    QCOMPARE(loaded.error().file, u"huge.md"_s);
    QVERIFY2(loaded.error().message.contains(u"64"_s), qPrintable(loaded.error().message));
}

// ---- fuzz -------------------------------------------------------------------------------

void TestBadInput::randomGarbageNeverCrashes()
{
    if (!inChild())
        return verifyInChild(300000, 512);

    QRandomGenerator rng(20250602u);
    // Tokens rather than bytes, so multi-byte characters stay whole and most inputs are UTF-8:
    // they then reach the front matter parsers instead of stopping at the encoding check.
    const QList<QByteArray> tokens{"-", "+", "{", "}", "[", "]", ":", ": ", ",", "\"", "'", "#", "&a", "*a", "!", "|",
                                   ">", "?", "=", " = ", ".", "\\", " ", "  ", "\t", "\n", "\r\n", "\n- ", "\n  ",
                                   "title", "Title", "draft", "tags", "date", "true", "1", "2025-05-12", "x",
                                   "\xe6\x99\xb6", "\xc3\xa9", "\xf0\x9f\x98\x80", "---", "+++", "\"\"\"", "'''"};
    const QList<QByteArray> keys{"title", "Title", "draft", "tags", "date", "x", "\"q k\""};
    const QList<QByteArray> openers{"---\n", "+++\n", "{", "---\r\n", "\xEF\xBB\xBF---\n", QByteArray()};
    int loaded = 0;
    int valid = 0;
    int edited = 0;
    for (int i = 0; i < 2000; ++i) {
        const int length = rng.bounded(0, 400);
        QByteArray bytes;
        if (i % 4 == 0) {
            bytes.resize(length);
            for (qsizetype k = 0; k < length; ++k)
                bytes[k] = char(rng.bounded(0, 256));
        } else if (i % 4 == 1) {
            bytes = openers[rng.bounded(0, int(openers.size()))];
            for (int k = 0; k < length / 3; ++k)
                bytes += tokens[rng.bounded(0, int(tokens.size()))];
        } else {
            // Key/value lines with random values: mostly well-formed, so edits get exercised.
            const bool toml = i % 4 == 3;
            bytes = toml ? "+++\n" : "---\n";
            const int lines = rng.bounded(1, 8);
            for (int l = 0; l < lines; ++l) {
                bytes += keys[rng.bounded(0, int(keys.size()))] + (l ? QByteArray::number(l) : QByteArray()) + (toml ? " = " : ": ");
                const int parts = rng.bounded(1, 4);
                for (int k = 0; k < parts; ++k)
                    bytes += tokens[rng.bounded(0, int(tokens.size()))];
                bytes += '\n';
            }
        }
        if (i % 4 != 0) {
            if (bytes.startsWith("---") || bytes.startsWith("\xEF\xBB\xBF---"))
                bytes += "\n---\nBody\n";
            else if (bytes.startsWith("+++"))
                bytes += "\n+++\nBody\n";
        }
        const QByteArray row = "iteration " + QByteArray::number(i) + ": " + bytes.toPercentEncoding();
        auto result = PostFile::fromBytes(bytes, u"fuzz.md"_s);
        if (!result.ok()) {
            QVERIFY2(!result.error().message.isEmpty(), row.constData());
            continue;
        }
        ++loaded;
        PostFile post = std::move(result).value();
        QVERIFY2(post.toBytes() == bytes, row.constData()); // unedited: exactly the bytes read
        if (!post.frontMatter().isValid()) {
            QVERIFY2(post.frontMatter().error()->line >= 1, row.constData());
            continue;
        }
        ++valid;
        const Value title(u"Fuzz \"title\": #%1 — 標題"_s.arg(i));
        const Status set = post.frontMatter().setValue(u"title"_s, title);
        if (set.ok()) {
            ++edited;
            QVERIFY2(post.frontMatter().value(u"title"_s) == title, row.constData());
            const auto reloaded = PostFile::fromBytes(post.toBytes(), u"fuzz.md"_s);
            QVERIFY2(reloaded.ok() && reloaded.value().frontMatter().value(u"title"_s) == title, row.constData());
        }
        const Status removed = post.frontMatter().remove(u"title"_s);
        if (removed.ok())
            QVERIFY2(!post.frontMatter().contains(u"title"_s), row.constData());
    }
    qInfo("random garbage: %d of 2000 loaded, %d with valid front matter, %d took a new title", loaded, valid, edited);
}

// ---- crafted bodies (issue #21) ----------------------------------------------------------

namespace {

QString tableRows(int columns, int rows)
{
    QString out = u"|"_s;
    for (int c = 0; c < columns; ++c)
        out += u"c%1|"_s.arg(c);
    out += u"\n|"_s + u"-|"_s.repeated(columns) + u'\n';
    const QString row = u"|"_s + u"v|"_s.repeated(columns) + u'\n';
    return out + row.repeated(rows);
}

} // namespace

void TestBadInput::craftedBodiesAreBounded_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("code");       // the diagnostic the bound gives (render or images)
    QTest::addColumn<int>("line");           // where it is
    QTest::addColumn<qsizetype>("images");   // what findImages() lists
    QTest::addColumn<bool>("table");         // the HTML still has a <table>

    // 600 KB: took 11-12 GB in `images` and `publish` (a copy of the inner text per call).
    QTest::newRow("20,000 nested figures")
        << (u"{{< figure >}}\n"_s.repeated(20000) + u"{{< /figure >}}\n"_s.repeated(20000)) << u"too-many-images"_s
        << int(kMaxImages) << kMaxImages << false;
    // 2 MB in the issue: over 60 s in cmark-gfm 0.29.0.gfm.6 (a row of n cells costs n²).
    QTest::newRow("table 20,000 columns wide") << tableRows(20000, 10) << u"table-too-large"_s << 1 << qsizetype(0) << false;
    // 200 KB asking cmark-gfm for 10^8 padding cells: past 6 GB.
    QTest::newRow("1,000 columns over 100,000 short rows")
        << (tableRows(1000, 0) + u"x\n"_s.repeated(100000)) << u"table-too-large"_s << 1 << qsizetype(0) << false;
    // Over 60 s in `images` and `publish`: one file look-up per image, and more.
    QString references;
    QString definitions;
    for (int i = 0; i < 50000; ++i) {
        references += u"![img %1][r%1]\n\n"_s.arg(i);
        definitions += u"[r%1]: /images/r%1.jpg\n"_s.arg(i);
    }
    QTest::newRow("50,000 reference images") << references + definitions << u"too-many-images"_s
                                             << int(2 * kMaxImages - 1) << kMaxImages << false;
}

void TestBadInput::craftedBodiesAreBounded()
{
    // 512 MB: the nested figures alone took more than 20 times that before.
    if (!inChild())
        return verifyInChild(120000, 512);

    QFETCH(QString, body);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(qsizetype, images);
    QFETCH(bool, table);
    RenderOptions options;
    options.postPath = u"/nonexistent/crafted.md"_s;

    const QList<PostImage> found = findImages(body, options);
    QCOMPARE(found.size(), images);
    const RenderResult rendered = MarkdownRenderer().render(body, options);
    // Bounded output: no more than a few times the text (the text itself, or a few tags).
    QVERIFY2(rendered.html.size() <= 4 * body.size(), qPrintable(QString::number(rendered.html.size())));
    QCOMPARE(rendered.html.contains(u"<table"_s), table);

    Diagnostics diagnostics = rendered.diagnostics + imageLimitWarnings(found, options.postPath);
    // At most one per image looked up (a missing file), and a few more.
    QVERIFY2(diagnostics.size() <= kMaxImages + 10, qPrintable(QString::number(diagnostics.size())));
    const auto hit = std::find_if(diagnostics.cbegin(), diagnostics.cend(), [&](const Diagnostic &d) { return d.code == code; });
    QVERIFY2(hit != diagnostics.cend(), qPrintable(code));
    QCOMPARE(hit->line, line);
    QCOMPARE(hit->file, options.postPath);
    QVERIFY(!hit->message.isEmpty());
}

void TestBadInput::tableLimitKeepsTextAsWritten()
{
    // At the limit a table is a table; one column more and it is its text, as written (the
    // backslash that stops cmark-gfm escapes a "|", so it does not show).
    const MarkdownRenderer renderer;
    RenderOptions options;
    options.bodyFirstLine = 5;
    const QString atLimitBody = u"Intro\n\n"_s + tableRows(kMaxTableColumns, 2);
    const RenderResult atLimit = renderer.render(atLimitBody, options);
    QVERIFY(atLimit.html.contains(u"<table>"_s));
    QVERIFY(atLimit.diagnostics.isEmpty());

    const QString wide = u"Intro\n\n"_s + tableRows(kMaxTableColumns + 1, 2);
    const RenderResult over = renderer.render(wide, options);
    QVERIFY(!over.html.contains(u"<table"_s));
    QVERIFY(!over.html.contains(u'\\'));
    QVERIFY(over.html.contains(u"|-|-|"_s));
    QCOMPARE(over.diagnostics.size(), 1);
    QCOMPARE(over.diagnostics[0].code, u"table-too-large"_s);
    QCOMPARE(over.diagnostics[0].line, 7); // the header row: body line 3
    QVERIFY(over.diagnostics[0].message.contains(QString::number(kMaxTableColumns + 1)));

    // A table in a block quote is bounded too; the text outside tables is untouched.
    QString quoted = tableRows(kMaxTableColumns + 1, 1);
    quoted.replace(u'\n', u"\n> "_s);
    QString markdown = u"> "_s + quoted;
    const Diagnostics d = limitTables(markdown, {1, 2, 3, 4}, u"q.md"_s);
    QCOMPARE(d.size(), 1);
    QCOMPARE(markdown.size(), quoted.size() + 3);
    QVERIFY(markdown.contains(u"\n> \\|-|"_s));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
