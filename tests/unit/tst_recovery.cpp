// SPDX-License-Identifier: GPL-3.0-or-later
// RecoveryStore: copies survive a SIGKILL byte-exact and are offered by the next process;
// a live editor's session (in this process or another) is never offered or discarded.
// Child sessions run this same binary with --recovery-child (see main() at the end).

#include "publish/recovery.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

#include <sys/prctl.h>
#include <sys/time.h>

using namespace Qt::StringLiterals;
using frontmark::Error;
using frontmark::RecoveryEntry;
using frontmark::RecoveryStore;
using frontmark::Status;

namespace {

const QByteArray kChildBytes = "\xEF\xBB\xBF---\r\ntitle: 台灣晶片與能源\r\ndraft: true\r\n---\r\n未存的一段 text\r\n"_ba;

QString failureText(const Status &st)
{
    return st.ok() ? u"(succeeded)"_s : st.error().toString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList sessionsIn(const QString &root)
{
    return QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

bool setAge(const QString &path, int seconds)
{
    struct timeval times[2];
    gettimeofday(&times[0], nullptr);
    times[0].tv_sec -= seconds;
    times[1] = times[0];
    return ::utimes(QFile::encodeName(path).constData(), times) == 0;
}

// The child: open a store in argv's root, save one copy, say where, then wait to be killed.
int runChild(const QStringList &args)
{
    if (args.size() < 5)
        return 2;
    static RecoveryStore store(args.at(2)); // static: a SIGKILL never runs destructors anyway
    if (!store.open().ok())
        return 3;
    if (!store.save(args.at(3), args.at(4), kChildBytes, RecoveryStore::hashOf("on disk\n"_ba)).ok())
        return 4;
    std::printf("ready %s\n", qPrintable(store.sessionDir()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void savesExactBytes_data();
    void savesExactBytes();
    void saveReplacesAndRemoveDeletes();
    void closeRemovesSessionFolder();
    void refusesBadIdAndClosedStore();
    void liveSessionInThisProcessIsNotOrphaned();
    void droppedStoreLeavesOrphan();
    void killedChildLeavesOrphan();
    void liveChildIsNotOrphaned();
    void unreadableOldLockIsOrphaned();
    void newestFirst();

private:
    // Starts a child session; returns its session folder (empty on failure).
    QString startChild(QProcess &child, const QString &root, const QString &id, const QString &originalPath);
};

void TestRecovery::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never touch the real recovery folder
}

QString TestRecovery::startChild(QProcess &child, const QString &root, const QString &id, const QString &originalPath)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If this test process dies (a ctest timeout), the child goes with it.
    child.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    child.start(QCoreApplication::applicationFilePath(), {u"--recovery-child"_s, root, id, originalPath});
    if (!child.waitForStarted(20000))
        return {};
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (!child.waitForReadyRead(20000))
            return {};
        line += child.readAll();
    }
    if (!line.startsWith("ready "))
        return {};
    return QString::fromLocal8Bit(line.mid(6).trimmed());
}

void TestRecovery::savesExactBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("originalPath");
    QTest::newRow("CJK, BOM, CRLF") << kChildBytes << u"/site/content/posts/台灣.md"_s;
    QTest::newRow("never saved post") << "---\ntitle: Untitled\n---\n"_ba << QString();
    QTest::newRow("empty") << QByteArray() << u"/x/empty.md"_s;
    QTest::newRow("no final newline, lone CR") << "a\rb\r\nc"_ba << u"/x/y.md"_s;
    QTest::newRow("2 MB") << QByteArray(2 * 1024 * 1024, 'm') << u"/x/big.md"_s;
}

void TestRecovery::savesExactBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, originalPath);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    {
        RecoveryStore store(root.path());
        QVERIFY(!store.isOpen());
        const Status opened = store.open();
        QVERIFY2(opened.ok(), qPrintable(failureText(opened)));
        QVERIFY(store.isOpen());
        QVERIFY(store.sessionDir().startsWith(root.path()));
        const Status saved = store.save(u"doc-1"_s, originalPath, bytes, RecoveryStore::hashOf("disk"_ba));
        QVERIFY2(saved.ok(), qPrintable(failureText(saved)));
        QCOMPARE(readAll(store.sessionDir() + u"/doc-1.md"_s), bytes);
        QVERIFY(QFileInfo::exists(store.sessionDir() + u"/doc-1.json"_s));
        // The store goes without close(): like a crash, the copy stays for the next start.
    }
    const QList<RecoveryEntry> entries = RecoveryStore::orphaned(root.path());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, u"doc-1"_s);
    QCOMPARE(entries.first().bytes, bytes);
    QCOMPARE(entries.first().originalPath, originalPath);
    QCOMPARE(entries.first().diskBytesHash, RecoveryStore::hashOf("disk"_ba));
    QVERIFY(entries.first().savedAt.isValid());
    QVERIFY(qAbs(entries.first().savedAt.secsTo(QDateTime::currentDateTime())) < 60);
}

void TestRecovery::saveReplacesAndRemoveDeletes()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RecoveryStore store(root.path());
    QVERIFY(store.open().ok());
    const QString md = store.sessionDir() + u"/a.md"_s;

    QVERIFY(store.save(u"a"_s, u"/p.md"_s, "first version, the longer one\n"_ba, {}).ok());
    QVERIFY(store.save(u"b"_s, u"/q.md"_s, "other\n"_ba, {}).ok());
    QVERIFY(store.save(u"a"_s, u"/p.md"_s, "second\n"_ba, {}).ok());
    QCOMPARE(readAll(md), "second\n"_ba);

    store.remove(u"a"_s);
    QVERIFY(!QFileInfo::exists(md));
    QVERIFY(!QFileInfo::exists(store.sessionDir() + u"/a.json"_s));
    QCOMPARE(readAll(store.sessionDir() + u"/b.md"_s), "other\n"_ba);
    store.remove(u"never-saved"_s); // harmless
    QCOMPARE(QDir(store.sessionDir()).entryList({u"*.md"_s}, QDir::Files), QStringList{u"b.md"_s});
}

void TestRecovery::closeRemovesSessionFolder()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RecoveryStore store(root.path());
    QVERIFY(store.open().ok());
    const QString session = store.sessionDir();
    QVERIFY(store.save(u"a"_s, u"/p.md"_s, "text\n"_ba, {}).ok());
    QVERIFY(QFileInfo(session).isDir());

    store.close();
    QVERIFY(!store.isOpen());
    QVERIFY2(!QFileInfo::exists(session), qPrintable(session));
    QVERIFY(sessionsIn(root.path()).isEmpty());
    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    // A closed store saves nothing.
    QVERIFY(!store.save(u"a"_s, u"/p.md"_s, "late\n"_ba, {}).ok());
}

void TestRecovery::refusesBadIdAndClosedStore()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RecoveryStore store(root.path());
    const Status early = store.save(u"a"_s, {}, "x"_ba, {});
    QVERIFY(!early.ok());
    QCOMPARE(early.error().kind, Error::Kind::Io);

    QVERIFY(store.open().ok());
    for (const QString &bad : QStringList{u"../escape"_s, u""_s, u"a/b"_s, u"x y"_s, QString(u"nul"_s + QChar(u'\0'))}) {
        const Status st = store.save(bad, {}, "x"_ba, {});
        QVERIFY2(!st.ok(), qPrintable(bad));
        QCOMPARE(st.error().kind, Error::Kind::Invalid);
    }
    QVERIFY(!QFileInfo::exists(root.filePath(u"escape.md"_s)));
}

void TestRecovery::liveSessionInThisProcessIsNotOrphaned()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RecoveryStore first(root.path());
    QVERIFY(first.open().ok());
    QVERIFY(first.save(u"a"_s, u"/p.md"_s, "mine\n"_ba, {}).ok());
    // Old enough that Qt's default stale time (30 s) would have taken it.
    QVERIFY(setAge(first.sessionDir() + u"/session.lock"_s, 3600));

    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    RecoveryStore second(root.path());
    QVERIFY(second.open().ok());
    QVERIFY(second.sessionDir() != first.sessionDir());
    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    QCOMPARE(readAll(first.sessionDir() + u"/a.md"_s), "mine\n"_ba);
    QVERIFY(first.isOpen());
    QVERIFY(first.save(u"a"_s, u"/p.md"_s, "still mine\n"_ba, {}).ok());

    second.close();
    first.close();
    QVERIFY(sessionsIn(root.path()).isEmpty());
}

void TestRecovery::droppedStoreLeavesOrphan()
{
    // Destroying an open store without close() (or a crash between mkdir and lock) leaves a
    // session folder without a lock file: it is offered, and discard() cleans it up.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString session;
    {
        RecoveryStore store(root.path());
        QVERIFY(store.open().ok());
        session = store.sessionDir();
        QVERIFY(store.save(u"a"_s, u"/p.md"_s, "kept\n"_ba, {}).ok());
    }
    QVERIFY(!QFileInfo::exists(session + u"/session.lock"_s));
    const QList<RecoveryEntry> entries = RecoveryStore::orphaned(root.path());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().bytes, "kept\n"_ba);
    QCOMPARE(entries.first().sessionDir, session);
    // Listing does not consume: a "Decide Later" finds it again.
    QCOMPARE(RecoveryStore::orphaned(root.path()).size(), 1);

    RecoveryStore::discard(entries.first());
    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    QVERIFY(sessionsIn(root.path()).isEmpty());
}

void TestRecovery::killedChildLeavesOrphan()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    RecoveryStore mine(root.path());
    QVERIFY(mine.open().ok());
    QVERIFY(mine.save(u"mine"_s, u"/mine.md"_s, "mine\n"_ba, {}).ok());

    QProcess child;
    const QString session = startChild(child, root.path(), u"c0ffee"_s, u"/site/content/posts/台灣.md"_s);
    QVERIFY2(!session.isEmpty(), "the child did not report its session");
    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());

    QCOMPARE(::kill(pid_t(child.processId()), SIGKILL), 0);
    QVERIFY(child.waitForFinished(20000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(child.exitCode(), SIGKILL);
    QVERIFY2(QFileInfo::exists(session + u"/session.lock"_s), "SIGKILL leaves the lock file behind");

    const QList<RecoveryEntry> entries = RecoveryStore::orphaned(root.path());
    QCOMPARE(entries.size(), 1); // never our own live session
    const RecoveryEntry &e = entries.first();
    QCOMPARE(e.id, u"c0ffee"_s);
    QCOMPARE(e.bytes, kChildBytes);
    QCOMPARE(e.originalPath, u"/site/content/posts/台灣.md"_s);
    QCOMPARE(e.diskBytesHash, RecoveryStore::hashOf("on disk\n"_ba));
    QCOMPARE(QDir::cleanPath(e.sessionDir), QDir::cleanPath(session));

    RecoveryStore::discard(e);
    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    QVERIFY2(!QFileInfo::exists(session), qPrintable(session));
    QCOMPARE(readAll(mine.sessionDir() + u"/mine.md"_s), "mine\n"_ba);
    mine.close();
    QVERIFY(sessionsIn(root.path()).isEmpty());
}

void TestRecovery::liveChildIsNotOrphaned()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcess child;
    const QString session = startChild(child, root.path(), u"live"_s, u"/p.md"_s);
    QVERIFY2(!session.isEmpty(), "the child did not report its session");
    const QString lock = session + u"/session.lock"_s;
    // An hour-old lock of a running editor is still its lock.
    QVERIFY(setAge(lock, 3600));

    QVERIFY(RecoveryStore::orphaned(root.path()).isEmpty());
    RecoveryStore::discard(RecoveryEntry{u"live"_s, u"/p.md"_s, {}, {}, {}, session});
    QCOMPARE(readAll(session + u"/live.md"_s), kChildBytes);
    QVERIFY(QFileInfo::exists(lock));
    // Looking did not disturb it: once it dies it is offered.
    child.kill(); // SIGKILL on Unix
    QVERIFY(child.waitForFinished(20000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(RecoveryStore::orphaned(root.path()).size(), 1);
}

void TestRecovery::unreadableOldLockIsOrphaned()
{
    // A writer that died while creating its lock file leaves it empty.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString session;
    {
        RecoveryStore store(root.path());
        QVERIFY(store.open().ok());
        session = store.sessionDir();
        QVERIFY(store.save(u"a"_s, u"/p.md"_s, "text\n"_ba, {}).ok());
    }
    const QString lock = session + u"/session.lock"_s;
    QFile empty(lock);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    QVERIFY2(RecoveryStore::orphaned(root.path()).isEmpty(), "a fresh empty lock may be a writer mid-start");
    QVERIFY(setAge(lock, 3600));
    QCOMPARE(RecoveryStore::orphaned(root.path()).size(), 1);
}

void TestRecovery::newestFirst()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    {
        RecoveryStore older(root.path());
        QVERIFY(older.open().ok());
        QVERIFY(older.save(u"old"_s, u"/old.md"_s, "old\n"_ba, {}).ok());
        RecoveryStore newer(root.path());
        QVERIFY(newer.open().ok());
        const QDateTime before = QDateTime::currentDateTime();
        // savedAt has millisecond precision; wait until the clock moves on.
        QTRY_VERIFY(QDateTime::currentDateTime().toMSecsSinceEpoch() > before.toMSecsSinceEpoch() + 5);
        QVERIFY(newer.save(u"new"_s, u"/new.md"_s, "new\n"_ba, {}).ok());
    }
    const QList<RecoveryEntry> entries = RecoveryStore::orphaned(root.path());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).id, u"new"_s);
    QCOMPARE(entries.at(1).id, u"old"_s);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc >= 2 && qstrcmp(argv[1], "--recovery-child") == 0)
        return runChild(QCoreApplication::arguments());
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
