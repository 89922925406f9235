// SPDX-License-Identifier: GPL-3.0-or-later
// writeFileAtomically(): every failure leaves the old file byte-identical and no temporary
// file behind, and says which step failed and why. Faults come from the test seam and, where
// the machine allows it (root), from a real full tmpfs and a real read-only bind mount.

#include "io/safewrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <memory>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using frontmark::Error;
using frontmark::Status;
using frontmark::writeFileAtomically;
using frontmark::WriteFailure;
using frontmark::writeFailureOf;
using Step = frontmark::writefaults::Step;

Q_DECLARE_METATYPE(frontmark::writefaults::Step)
Q_DECLARE_METATYPE(frontmark::WriteFailure)

namespace {

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

QString failureText(const Status &st)
{
    return st.ok() ? u"(succeeded)"_s : st.error().toString();
}

// Runs a command; returns its combined output, or nullopt-like empty + false on failure.
bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        if (output)
            *output = u"timed out"_s;
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool isCharDevice(const char *path)
{
    struct stat st {};
    return ::lstat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

} // namespace

class TestSafeWrite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void writesExactBytes_data();
    void writesExactBytes();
    void writesThroughSymlink();
    void injectedFailureKeepsOldFile_data();
    void injectedFailureKeepsOldFile();
    void injectedFailureCreatesNoNewFile();
    void failureNamesItsCause_data();
    void failureNamesItsCause();
    void diskFullKeepsOldFile();
    void readOnlyMountKeepsOldFile();
    void refusesNonRegularTarget_data();
    void refusesNonRegularTarget();
    void missingFolderIsNamed();
    void keepsPermissions_data();
    void keepsPermissions();
    void fileHolds_data();
    void fileHolds();

private:
    // Runs mount(8); a new mount point `dir` is unmounted by cleanup() before its folder goes.
    bool mount(const QStringList &args, const QString &newMountPoint, QString *why);

    std::unique_ptr<QTemporaryDir> m_mountBase;
    QStringList m_mounted;
};

void TestSafeWrite::init()
{
    frontmark::writefaults::inject(Step::None, 0);
}

void TestSafeWrite::cleanup()
{
    frontmark::writefaults::inject(Step::None, 0);
    // Innermost first (the read-only remount sits on the bind mount of the same folder).
    while (!m_mounted.isEmpty()) {
        const QString dir = m_mounted.takeLast();
        QString out;
        if (!run(u"umount"_s, {dir}, &out) && !run(u"umount"_s, {u"-l"_s, dir}, &out))
            qWarning("could not unmount %s: %s", qPrintable(dir), qPrintable(out));
    }
    m_mountBase.reset();
}

bool TestSafeWrite::mount(const QStringList &args, const QString &newMountPoint, QString *why)
{
    if (QStandardPaths::findExecutable(u"mount"_s).isEmpty()) {
        *why = u"no mount command"_s;
        return false;
    }
    QString out;
    if (!run(u"mount"_s, args, &out)) {
        *why = out.isEmpty() ? u"mount failed"_s : out;
        return false;
    }
    if (!newMountPoint.isEmpty())
        m_mounted.append(newMountPoint);
    return true;
}

void TestSafeWrite::writesExactBytes_data()
{
    QTest::addColumn<QByteArray>("old");
    QTest::addColumn<bool>("hasOld");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("new file") << QByteArray() << false << "---\ntitle: A\n---\nBody\n"_ba;
    QTest::newRow("over a longer file") << "a much longer old text\nwith two lines\n"_ba << true << "short\n"_ba;
    QTest::newRow("over a shorter file") << "x"_ba << true << "a longer new text\n"_ba;
    QTest::newRow("empty bytes") << "old\n"_ba << true << QByteArray();
    QTest::newRow("BOM, CRLF, CJK, no final newline")
        << "old\n"_ba << true << "\xEF\xBB\xBF---\r\ntitle: 台灣晶片\r\n---\r\n能源與半導體"_ba;
    QTest::newRow("200 KB") << "old\n"_ba << true << QByteArray(200 * 1024, 'z');
}

void TestSafeWrite::writesExactBytes()
{
    QFETCH(QByteArray, old);
    QFETCH(bool, hasOld);
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"post.md"_s);
    if (hasOld)
        QVERIFY(writeAll(path, old));

    const Status st = writeFileAtomically(path, bytes);
    QVERIFY2(st.ok(), qPrintable(failureText(st)));
    QCOMPARE(readAll(path), bytes);
    QCOMPARE(filesIn(dir.path()), QStringList{u"post.md"_s});
    QVERIFY(frontmark::fileHolds(path, bytes));
}

void TestSafeWrite::writesThroughSymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"real"_s));
    const QString real = dir.filePath(u"real/post.md"_s);
    const QString link = dir.filePath(u"link.md"_s);
    QVERIFY(writeAll(real, "old\n"_ba));
    QVERIFY(QFile::link(real, link));

    const Status st = writeFileAtomically(link, "new\n"_ba);
    QVERIFY2(st.ok(), qPrintable(failureText(st)));
    QVERIFY2(QFileInfo(link).isSymLink(), "the link must stay a link");
    QCOMPARE(readAll(real), "new\n"_ba);
}

void TestSafeWrite::injectedFailureKeepsOldFile_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<int>("errnoValue");
    QTest::addColumn<QString>("stepText");
    QTest::addColumn<QString>("reason");

    const struct {
        Step step;
        const char *name;
        QString text;
    } steps[] = {
        {Step::Open, "open", u"creating the temporary file in "_s},
        {Step::Write, "write", u"while writing"_s},
        {Step::Sync, "sync", u"while syncing to disk"_s},
        {Step::Commit, "commit", u"while replacing the file"_s},
    };
    const struct {
        int value;
        const char *name;
        QString reason;
    } errors[] = {
        {ENOSPC, "ENOSPC", u"No space left on device"_s},
        {EROFS, "EROFS", u"Read-only file system"_s},
        {EIO, "EIO", u"Input/output error"_s},
    };
    for (const auto &s : steps) {
        for (const auto &e : errors)
            QTest::addRow("%s, %s", s.name, e.name) << s.step << e.value << s.text << e.reason;
    }
}

void TestSafeWrite::injectedFailureKeepsOldFile()
{
    QFETCH(Step, step);
    QFETCH(int, errnoValue);
    QFETCH(QString, stepText);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"2025-06-02-台灣.md"_s);
    const QByteArray old = "---\ntitle: 舊\n---\nold body\r\n"_ba;
    QVERIFY(writeAll(path, old));

    frontmark::writefaults::inject(step, errnoValue);
    const Status st = writeFileAtomically(path, "---\ntitle: new\n---\nnew body, longer than the old one\n"_ba);
    frontmark::writefaults::inject(Step::None, 0);

    QVERIFY2(!st.ok(), "an injected fault must fail the write");
    const Error &e = st.error();
    QCOMPARE(e.kind, Error::Kind::Io);
    QCOMPARE(e.file, path);
    QVERIFY2(e.message.contains(stepText), qPrintable(e.message));
    if (step == Step::Open)
        QVERIFY2(e.message.contains(QDir::toNativeSeparators(dir.path())), qPrintable(e.message));
    QVERIFY2(e.message.contains(reason), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"2025-06-02-台灣.md"_s), qPrintable(e.message));
    QVERIFY2(e.message.endsWith(u"The file on disk was not changed."_s), qPrintable(e.message));
    QVERIFY2(e.toString().startsWith(path), qPrintable(e.toString()));

    QCOMPARE(readAll(path), old);
    QCOMPARE(filesIn(dir.path()), QStringList{u"2025-06-02-台灣.md"_s});

    // The seam is off again: the same write now succeeds.
    const Status again = writeFileAtomically(path, "fine\n"_ba);
    QVERIFY2(again.ok(), qPrintable(failureText(again)));
    QCOMPARE(readAll(path), "fine\n"_ba);
}

void TestSafeWrite::injectedFailureCreatesNoNewFile()
{
    for (Step step : {Step::Open, Step::Write, Step::Sync, Step::Commit}) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"new.md"_s);
        frontmark::writefaults::inject(step, ENOSPC);
        const Status st = writeFileAtomically(path, "text\n"_ba);
        frontmark::writefaults::inject(Step::None, 0);
        QVERIFY(!st.ok());
        QVERIFY2(filesIn(dir.path()).isEmpty(), qPrintable(filesIn(dir.path()).join(u", "_s)));
    }
}

void TestSafeWrite::failureNamesItsCause_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<int>("errnoValue");
    QTest::addColumn<WriteFailure>("cause");
    // #21: the save-failure dialog told a read-only file system to free some space.
    QTest::newRow("read-only file system, write") << Step::Write << EROFS << WriteFailure::NotWritable;
    QTest::newRow("read-only file system, open") << Step::Open << EROFS << WriteFailure::NotWritable;
    QTest::newRow("permission denied") << Step::Open << EACCES << WriteFailure::NotWritable;
    QTest::newRow("operation not permitted") << Step::Commit << EPERM << WriteFailure::NotWritable;
    QTest::newRow("disk full") << Step::Write << ENOSPC << WriteFailure::NoSpace;
    QTest::newRow("quota exceeded") << Step::Sync << EDQUOT << WriteFailure::NoSpace;
    QTest::newRow("I/O error") << Step::Sync << EIO << WriteFailure::Other;
}

void TestSafeWrite::failureNamesItsCause()
{
    QFETCH(Step, step);
    QFETCH(int, errnoValue);
    QFETCH(WriteFailure, cause);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString existing = dir.filePath(u"post.md"_s);
    QVERIFY(writeAll(existing, "old\n"_ba));

    frontmark::writefaults::inject(step, errnoValue);
    const Status replaced = writeFileAtomically(existing, "new\n"_ba);
    const auto created = frontmark::writeNewFileAtomically(dir.filePath(u"new.md"_s), "new\n"_ba);
    frontmark::writefaults::inject(Step::None, 0);

    QVERIFY(!replaced.ok());
    QCOMPARE(replaced.error().systemError, errnoValue);
    QCOMPARE(writeFailureOf(replaced.error()), cause);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().systemError, errnoValue);
    QCOMPARE(writeFailureOf(created.error()), cause);
    QCOMPARE(readAll(existing), "old\n"_ba);
}

void TestSafeWrite::diskFullKeepsOldFile()
{
    m_mountBase = std::make_unique<QTemporaryDir>();
    QVERIFY(m_mountBase->isValid());
    const QString small = m_mountBase->filePath(u"small"_s);
    QVERIFY(QDir().mkdir(small));
    QString why;
    if (!mount({u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=64k"_s, u"tmpfs"_s, small}, small, &why))
        QSKIP(qPrintable(u"cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN): "_s + why));

    const QString path = small + u"/post.md"_s;
    const QByteArray old = "---\ntitle: 能源\n---\n"_ba + QByteArray(20 * 1024, 'o') + "\n"_ba;
    QVERIFY(writeAll(path, old));
    QCOMPARE(readAll(path), old);

    const Status st = writeFileAtomically(path, QByteArray(200 * 1024, 'n'));
    QVERIFY2(!st.ok(), "200 KB cannot fit into a 64 KB file system that is partly used");
    QCOMPARE(st.error().kind, Error::Kind::Io);
    QCOMPARE(st.error().file, path);
    QVERIFY2(st.error().message.contains(u"No space left on device"_s), qPrintable(st.error().message));
    QVERIFY2(st.error().message.contains(u"The file on disk was not changed."_s), qPrintable(st.error().message));
    QCOMPARE(writeFailureOf(st.error()), WriteFailure::NoSpace);
    QCOMPARE(readAll(path), old);
    QCOMPARE(filesIn(small), QStringList{u"post.md"_s});

    // The space the failed attempt took is free again: a small save still works.
    const Status small2 = writeFileAtomically(path, "fits\n"_ba);
    QVERIFY2(small2.ok(), qPrintable(failureText(small2)));
    QCOMPARE(readAll(path), "fits\n"_ba);
}

void TestSafeWrite::readOnlyMountKeepsOldFile()
{
    m_mountBase = std::make_unique<QTemporaryDir>();
    QVERIFY(m_mountBase->isValid());
    const QString ro = m_mountBase->filePath(u"ro"_s);
    QVERIFY(QDir().mkdir(ro));
    const QString path = ro + u"/post.md"_s;
    const QByteArray old = "---\ntitle: read only\n---\nBody\n"_ba;
    QVERIFY(writeAll(path, old));

    QString why;
    if (!mount({u"--bind"_s, ro, ro}, ro, &why))
        QSKIP(qPrintable(u"cannot bind-mount here (needs root and CAP_SYS_ADMIN): "_s + why));
    if (!mount({u"-o"_s, u"remount,ro,bind"_s, ro}, QString(), &why))
        QSKIP(qPrintable(u"cannot remount read-only here: "_s + why));
    QVERIFY2(!writeAll(ro + u"/probe"_s, "x"_ba), "the bind mount should be read-only now");

    const Status st = writeFileAtomically(path, "new\n"_ba);
    QVERIFY2(!st.ok(), "a read-only file system cannot take the save");
    QCOMPARE(st.error().file, path);
    QVERIFY2(st.error().message.contains(u"Read-only file system"_s), qPrintable(st.error().message));
    QVERIFY2(st.error().message.contains(u"The file on disk was not changed."_s), qPrintable(st.error().message));
    QCOMPARE(st.error().systemError, EROFS);
    QCOMPARE(writeFailureOf(st.error()), WriteFailure::NotWritable); // not "free some space" (#21)
    QCOMPARE(readAll(path), old);
    QCOMPARE(filesIn(ro), QStringList{u"post.md"_s});
}

void TestSafeWrite::refusesNonRegularTarget_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    // A node of our own first: if refusing were broken it is the one that gets replaced.
    QTest::newRow("device node in a temp folder") << u"own-node"_s << u"not a regular file"_s;
    QTest::newRow("symlink to /dev/full") << u"link"_s << u"not a regular file"_s;
    QTest::newRow("/dev/full") << u"/dev/full"_s << u"not a regular file"_s;
    QTest::newRow("a folder") << u"folder"_s << u"is a folder"_s;
    QTest::newRow("a FIFO") << u"fifo"_s << u"not a regular file"_s;
}

void TestSafeWrite::refusesNonRegularTarget()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path;
    if (kind == u"own-node"_s) {
        path = dir.filePath(u"full"_s);
        if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
            QSKIP("mknod is not permitted here");
    } else if (kind == u"link"_s) {
        path = dir.filePath(u"post.md"_s);
        QVERIFY(QFile::link(u"/dev/full"_s, path));
    } else if (kind == u"folder"_s) {
        path = dir.filePath(u"post.md"_s);
        QVERIFY(QDir().mkdir(path));
    } else if (kind == u"fifo"_s) {
        path = dir.filePath(u"pipe"_s);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    } else {
        path = kind;
        if (!isCharDevice("/dev/full"))
            QSKIP("/dev/full is not a character device on this machine");
    }
    const QStringList before = filesIn(dir.path());

    const Status st = writeFileAtomically(path, "must not land anywhere\n"_ba);
    QVERIFY2(!st.ok(), "a non-regular target must be refused");
    QCOMPARE(st.error().kind, Error::Kind::Io);
    QCOMPARE(st.error().file, path);
    QVERIFY2(st.error().message.contains(expected), qPrintable(st.error().message));
    QVERIFY2(st.error().message.contains(path), qPrintable(st.error().message));

    QCOMPARE(filesIn(dir.path()), before);
    QVERIFY2(isCharDevice("/dev/full"), "/dev/full must still be a character device");
    if (kind == u"own-node"_s)
        QVERIFY(isCharDevice(QFile::encodeName(path).constData()));
    if (kind == u"link"_s)
        QVERIFY(QFileInfo(path).isSymLink());
    if (kind == u"folder"_s)
        QVERIFY(QFileInfo(path).isDir());
}

void TestSafeWrite::missingFolderIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"content/posts"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/post.md"_s;
    QVERIFY(writeAll(path, "old\n"_ba));
    // Someone removes the folder while the post is open.
    QVERIFY(QDir(dir.filePath(u"content"_s)).removeRecursively());

    const Status st = writeFileAtomically(path, "new\n"_ba);
    QVERIFY2(!st.ok(), "saving into a removed folder must fail");
    QCOMPARE(st.error().kind, Error::Kind::Io);
    QCOMPARE(st.error().file, path);
    QVERIFY2(st.error().message.contains(u"does not exist"_s), qPrintable(st.error().message));
    QVERIFY2(st.error().message.contains(QDir::toNativeSeparators(folder)), qPrintable(st.error().message));
    QCOMPARE(writeFailureOf(st.error()), WriteFailure::Other);
    QVERIFY(!QFileInfo::exists(folder));
}

void TestSafeWrite::keepsPermissions_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0640") << 0640;
    QTest::newRow("0600") << 0600;
    QTest::newRow("0664") << 0664;
    QTest::newRow("0755") << 0755;
}

void TestSafeWrite::keepsPermissions()
{
    QFETCH(int, mode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"post.md"_s);
    QVERIFY(writeAll(path, "old\n"_ba));
    const QByteArray native = QFile::encodeName(path);
    QCOMPARE(::chmod(native.constData(), mode_t(mode)), 0);

    const Status st = writeFileAtomically(path, "new\n"_ba);
    QVERIFY2(st.ok(), qPrintable(failureText(st)));
    struct stat after {};
    QCOMPARE(::stat(native.constData(), &after), 0);
    QCOMPARE(int(after.st_mode & 07777), mode);
    QCOMPARE(readAll(path), "new\n"_ba);
}

void TestSafeWrite::fileHolds_data()
{
    QTest::addColumn<QByteArray>("onDisk");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("holds");
    QTest::newRow("same bytes") << "台灣\r\n"_ba << u"file"_s << "台灣\r\n"_ba << true;
    QTest::newRow("empty file, empty bytes") << QByteArray() << u"file"_s << QByteArray() << true;
    QTest::newRow("line ending differs") << "a\r\n"_ba << u"file"_s << "a\n"_ba << false;
    QTest::newRow("prefix only") << "abc"_ba << u"file"_s << "ab"_ba << false;
    QTest::newRow("missing file") << QByteArray() << u"missing"_s << QByteArray() << false;
    QTest::newRow("a folder") << QByteArray() << u"folder"_s << QByteArray() << false;
}

void TestSafeWrite::fileHolds()
{
    QFETCH(QByteArray, onDisk);
    QFETCH(QString, kind);
    QFETCH(QByteArray, expected);
    QFETCH(bool, holds);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"post.md"_s);
    if (kind == u"file"_s)
        QVERIFY(writeAll(path, onDisk));
    else if (kind == u"folder"_s)
        QVERIFY(QDir().mkdir(path));
    QCOMPARE(frontmark::fileHolds(path, expected), holds);
}

QTEST_GUILESS_MAIN(TestSafeWrite)
#include "tst_safewrite.moc"
