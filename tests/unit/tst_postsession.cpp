// SPDX-License-Identifier: GPL-3.0-or-later
// PostSession (issue #14): opening, saving, conflicts, write failures and reloads of the open
// post, without a window or WebEngine. The window's tests (tst_savesafety) only check that it
// turns these outcomes into the right dialogs.
#include "session/postsession.h"

#include "io/safewrite.h"
#include "live/renderworker.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

const QString kSamplePost = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Changes the post the way another program would: a separate process appends a line.
void changeByAnotherProcess(const QString &path, const QByteArray &line)
{
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u"printf '%s\\n' \"$1\" >> \"$2\""_s, u"sh"_s, QString::fromUtf8(line), path});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
}

// Opens `path` in `session` and waits for the outcome; the Opened post, or nullopt on failure.
std::optional<PostSession::Opened> openAndWait(PostSession &session, const QString &path)
{
    QSignalSpy opened(&session, &PostSession::opened);
    QSignalSpy failed(&session, &PostSession::openFailed);
    session.open(path);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 10000))
        return std::nullopt;
    if (opened.isEmpty())
        return std::nullopt;
    return opened.first().first().value<PostSession::Opened>();
}

} // namespace

class TestPostSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void openReadsOffTheCallingThreadAndKeepsEveryByte_data();
    void openReadsOffTheCallingThreadAndKeepsEveryByte();
    void openFailureIsLocatedAndKeepsTheBase();
    void laterOpenSupersedesEarlier();
    void cancelledOpenDeliversNothing();
    void savingUnchangedTextIsByteIdentical();
    void conflictWritesNothingAndCarriesTheDiskBytes();
    void overwriteAfterConflictWritesOurs();
    void keepingOurVersionMakesTheDiskTheBase();
    void saveAsElsewhereMovesTheSession();
    void failedWriteLeavesTheFileAndSaysWhichStep();
    void changeOnDiskIsSignalled();
    void reloadAfterChangeReadsTheNewBytes();
    void baseChangedFeedsTheAutosaver();
    void renderRevisionsGrow();

private:
    QString copyPost(const QByteArray &bytes, const QString &name = u"post.md"_s);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPostSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPostSession::cleanup()
{
    writefaults::inject(writefaults::Step::None, 0);
    m_dir.reset();
}

QString TestPostSession::copyPost(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    writeAll(path, bytes);
    return path;
}

void TestPostSession::openReadsOffTheCallingThreadAndKeepsEveryByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<LineEnding>("lineEnding");
    QTest::newRow("sample post") << readAll(kSamplePost) << LineEnding::Lf;
    QTest::newRow("crlf, bom, no final newline")
        << QByteArray("\xEF\xBB\xBF---\r\ntitle: \"中文\"\r\n---\r\nBody 內文\r\nlast") << LineEnding::CrLf;
    QTest::newRow("toml, mixed") << QByteArray("+++\ntitle = \"x\"\n+++\r\none\ntwo\r\n") << LineEnding::Mixed;
    QTest::newRow("unclosed front matter") << QByteArray("---\ntitle: x\nbody\n") << LineEnding::Lf;
}

void TestPostSession::openReadsOffTheCallingThreadAndKeepsEveryByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(LineEnding, lineEnding);
    const QString path = copyPost(bytes);
    PostSession session;
    QSignalSpy base(&session, &PostSession::baseChanged);
    session.open(path);
    // Nothing changes until the read is delivered: the window still shows the old post.
    QVERIFY(session.isOpening());
    QVERIFY(session.path().isEmpty());
    QCOMPARE(base.size(), 0);

    const auto opened = openAndWait(session, path);
    QVERIFY(opened);
    QCOMPARE(opened->path, QFileInfo(path).absoluteFilePath());
    QCOMPARE(opened->bytes, bytes);
    QCOMPARE(opened->post.toBytes(), bytes);
    QCOMPARE(opened->body, opened->post.bodyText());
    QCOMPARE(opened->lineEnding, lineEnding);
    QVERIFY(!session.isOpening());
    QCOMPARE(session.path(), opened->path);
    QCOMPARE(session.diskBytes(), bytes);
    QCOMPARE(session.lineEnding(), lineEnding);
    QCOMPARE(session.post().toBytes(), bytes);
    QVERIFY(!session.conflictingDiskBytes());
}

void TestPostSession::openFailureIsLocatedAndKeepsTheBase()
{
    const QString good = copyPost("---\ntitle: a\n---\nbody\n");
    const QString binary = copyPost(QByteArray("---\ntitle: b\n---\nab\0cd\n", 22), u"binary.md"_s);
    PostSession session;
    QVERIFY(openAndWait(session, good));

    for (const QString &bad : {binary, m_dir->filePath(u"missing.md"_s)}) {
        QSignalSpy failed(&session, &PostSession::openFailed);
        session.open(bad);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toString(), QFileInfo(bad).absoluteFilePath());
        const Error error = failed.first().at(1).value<Error>();
        QCOMPARE(error.file, bad);
        QVERIFY2(!error.message.isEmpty(), qPrintable(error.toString()));
        // The post that was open stays the base.
        QCOMPARE(session.path(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(session.diskBytes(), "---\ntitle: a\n---\nbody\n"_ba);
    }
    QSignalSpy failed(&session, &PostSession::openFailed);
    session.open(binary);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).value<Error>().line, 4); // the NUL byte's line
}

void TestPostSession::laterOpenSupersedesEarlier()
{
    // A large first post is still being read when the second open comes.
    QByteArray big = "---\ntitle: big\n---\n";
    while (big.size() < 8 * 1024 * 1024)
        big += "A line of the large post, with some words in it.\n";
    const QString first = copyPost(big, u"big.md"_s);
    const QString second = copyPost("---\ntitle: small\n---\nsmall\n", u"small.md"_s);
    PostSession session;
    QSignalSpy opened(&session, &PostSession::opened);
    session.open(first);
    session.open(second);
    QVERIFY(opened.wait(10000));
    QTest::qWait(300); // the first read, finished or not, delivers nothing
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().value<PostSession::Opened>().path, QFileInfo(second).absoluteFilePath());
    QCOMPARE(session.path(), QFileInfo(second).absoluteFilePath());
}

void TestPostSession::cancelledOpenDeliversNothing()
{
    const QString path = copyPost("---\ntitle: a\n---\nbody\n");
    PostSession session;
    QSignalSpy opened(&session, &PostSession::opened);
    QSignalSpy failed(&session, &PostSession::openFailed);
    session.open(path);
    session.cancelOpen();
    QVERIFY(!session.isOpening());
    QTest::qWait(300);
    QCOMPARE(opened.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(session.path().isEmpty());
}

void TestPostSession::savingUnchangedTextIsByteIdentical()
{
    const QByteArray bytes("\xEF\xBB\xBF+++\r\ntitle = \"x\" # kept\r\n+++\r\nBody\r\nmixed\n");
    const QString path = copyPost(bytes);
    PostSession session;
    const auto opened = openAndWait(session, path);
    QVERIFY(opened);
    PostFile post = opened->post;
    post.setBodyText(opened->body); // what the window does with the editor's text
    const auto outcome = session.save(post.toBytes());
    QCOMPARE(outcome.kind, PostSession::SaveOutcome::Kind::Saved);
    QVERIFY(!outcome.renamed);
    QCOMPARE(readAll(path), bytes);
}

void TestPostSession::conflictWritesNothingAndCarriesTheDiskBytes()
{
    const QByteArray bytes = readAll(kSamplePost);
    const QString path = copyPost(bytes);
    PostSession session;
    QVERIFY(openAndWait(session, path));
    changeByAnotherProcess(path, "Added by another program.");
    const QByteArray theirs = readAll(path);
    QVERIFY(theirs != bytes);

    QCOMPARE(session.conflictingDiskBytes().value_or(QByteArray()), theirs);
    const auto outcome = session.save(bytes + "Our edit.\n");
    QCOMPARE(outcome.kind, PostSession::SaveOutcome::Kind::Conflict);
    QCOMPARE(outcome.diskBytes, theirs);
    QCOMPARE(readAll(path), theirs); // nothing written
    QCOMPARE(session.diskBytes(), bytes); // the base is still what we read
}

void TestPostSession::overwriteAfterConflictWritesOurs()
{
    const QString path = copyPost("---\ntitle: a\n---\nbody\n");
    PostSession session;
    QVERIFY(openAndWait(session, path));
    changeByAnotherProcess(path, "theirs");
    const QByteArray ours = "---\ntitle: a\n---\nbody, ours\n";
    const auto outcome = session.save(ours, {}, true);
    QCOMPARE(outcome.kind, PostSession::SaveOutcome::Kind::Saved);
    QCOMPARE(readAll(path), ours);
    QCOMPARE(session.diskBytes(), ours);
    QVERIFY(!session.conflictingDiskBytes());
    QCOMPARE(session.post().bodyText(), u"body, ours\n"_s);
}

void TestPostSession::keepingOurVersionMakesTheDiskTheBase()
{
    const QString path = copyPost("---\ntitle: a\n---\nbody\n");
    PostSession session;
    QVERIFY(openAndWait(session, path));
    changeByAnotherProcess(path, "theirs");
    QSignalSpy changed(&session, &PostSession::changedOnDisk);
    QVERIFY(changed.wait(5000));
    session.acceptDiskVersion();
    QVERIFY(!session.conflictingDiskBytes());
    QCOMPARE(session.diskBytes(), readAll(path));
    // The watch knows those bytes too: the same bytes written again are no change.
    writeAll(path, readAll(path));
    QTest::qWait(300);
    QCOMPARE(changed.size(), 1);
    const QByteArray ours = "---\ntitle: a\n---\nours\n";
    QCOMPARE(session.save(ours).kind, PostSession::SaveOutcome::Kind::Saved);
    QCOMPARE(readAll(path), ours);
}

void TestPostSession::saveAsElsewhereMovesTheSession()
{
    const QByteArray bytes = "---\ntitle: a\n---\nbody\n";
    const QString path = copyPost(bytes);
    PostSession session;
    QVERIFY(openAndWait(session, path));
    // Another program changed the original: Save As elsewhere is not a conflict.
    changeByAnotherProcess(path, "theirs");
    const QString other = m_dir->filePath(u"other.md"_s);
    const auto outcome = session.save(bytes, other);
    QCOMPARE(outcome.kind, PostSession::SaveOutcome::Kind::Saved);
    QVERIFY(outcome.renamed);
    QCOMPARE(session.path(), other);
    QCOMPARE(readAll(other), bytes);
    QCOMPARE(readAll(path), bytes + "theirs\n"); // left as the other program wrote it
}

void TestPostSession::failedWriteLeavesTheFileAndSaysWhichStep()
{
    const QByteArray bytes = "---\ntitle: a\n---\nbody\n";
    const QString path = copyPost(bytes);
    PostSession session;
    QVERIFY(openAndWait(session, path));
    writefaults::inject(writefaults::Step::Write, ENOSPC);
    const auto outcome = session.save("---\ntitle: a\n---\nnew body\n");
    writefaults::inject(writefaults::Step::None, 0);
    QCOMPARE(outcome.kind, PostSession::SaveOutcome::Kind::WriteFailed);
    QVERIFY(outcome.error);
    QCOMPARE(writeFailureOf(*outcome.error), WriteFailure::NoSpace);
    QCOMPARE(outcome.error->file, QFileInfo(path).absoluteFilePath());
    QVERIFY2(outcome.error->message.contains(u"not changed"_s), qPrintable(outcome.error->message));
    QCOMPARE(readAll(path), bytes);
    QCOMPARE(session.diskBytes(), bytes); // still the base: the next save compares with it
}

void TestPostSession::changeOnDiskIsSignalled()
{
    const QString path = copyPost("---\ntitle: a\n---\nbody\n");
    PostSession session;
    QVERIFY(openAndWait(session, path));
    QSignalSpy changed(&session, &PostSession::changedOnDisk);
    // Our own save is not a change on disk.
    QCOMPARE(session.save("---\ntitle: a\n---\nours\n").kind, PostSession::SaveOutcome::Kind::Saved);
    QTest::qWait(300);
    QCOMPARE(changed.size(), 0);
    changeByAnotherProcess(path, "theirs");
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.last().first().toBool(), false);
    QFile::remove(path);
    QVERIFY(QTest::qWaitFor([&] { return changed.size() >= 2 && changed.last().first().toBool(); }, 5000));
}

void TestPostSession::reloadAfterChangeReadsTheNewBytes()
{
    const QString path = copyPost("---\ntitle: a\n---\nbody\n");
    PostSession session;
    QVERIFY(openAndWait(session, path));
    changeByAnotherProcess(path, "theirs");
    const auto reloaded = openAndWait(session, session.path());
    QVERIFY(reloaded);
    QCOMPARE(reloaded->body, u"body\ntheirs\n"_s);
    QCOMPARE(session.diskBytes(), readAll(path));
    QVERIFY(!session.conflictingDiskBytes());
}

void TestPostSession::baseChangedFeedsTheAutosaver()
{
    const QByteArray bytes = "---\ntitle: a\n---\nbody\n";
    const QString path = copyPost(bytes);
    PostSession session;
    QSignalSpy base(&session, &PostSession::baseChanged);
    QVERIFY(openAndWait(session, path));
    QCOMPARE(base.size(), 1);
    QCOMPARE(base.last().at(0).toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(base.last().at(1).toByteArray(), bytes);
    const QByteArray ours = "---\ntitle: a\n---\nours\n";
    QVERIFY(session.save(ours).kind == PostSession::SaveOutcome::Kind::Saved);
    QCOMPARE(base.size(), 2);
    QCOMPARE(base.last().at(1).toByteArray(), ours);
    // A new post without a file.
    auto untitled = PostFile::fromBytes("---\ntitle: new\n---\n");
    QVERIFY(untitled.ok());
    session.adopt(untitled.value(), {}, {});
    QCOMPARE(base.size(), 3);
    QVERIFY(base.last().at(0).toString().isEmpty());
    QVERIFY(!session.conflictingDiskBytes());
}

void TestPostSession::renderRevisionsGrow()
{
    PostSession session;
    QSignalSpy rendered(session.renderer(), &RenderWorker::rendered);
    const quint64 first = session.requestRender(u"# One\n"_s, RenderOptions());
    const quint64 second = session.requestRender(u"# Two\n"_s, RenderOptions());
    QVERIFY(second > first);
    QCOMPARE(session.revision(), second);
    QVERIFY(QTest::qWaitFor([&] { return !rendered.isEmpty() && rendered.last().first().toULongLong() == second; }, 10000));
    QVERIFY(rendered.last().at(1).value<RenderResult>().html.contains(u"Two"_s));
}

QTEST_GUILESS_MAIN(TestPostSession)
#include "tst_postsession.moc"
