// SPDX-License-Identifier: GPL-3.0-or-later
// FileWatch: reports a post whose bytes on disk changed under the editor, and nothing else —
// not a touch, not our own atomic save — and keeps watching after a save renamed a new file
// over the old one.

#include "document/filewatch.h"

#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestFileWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsOnlyRealChanges();
    void reportsDeletion();
};

static bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

static bool saveAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}

void TestFileWatch::reportsOnlyRealChanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"post.md"_s);
    QVERIFY(write(path, "one\n"));
    FileWatch watch;
    QSignalSpy spy(&watch, &FileWatch::changedOnDisk);
    watch.setPath(path, "one\n");

    QVERIFY(write(path, "one\n")); // rewritten with the same bytes: not a change
    QTest::qWait(300);
    QCOMPARE(spy.count(), 0);

    // Our own save through QSaveFile (a rename), with the known bytes updated first.
    watch.setKnownBytes("two\n");
    QVERIFY(saveAtomically(path, "two\n"));
    QTest::qWait(300);
    QCOMPARE(spy.count(), 0);

    // Another program changes it after that rename: still noticed.
    QVERIFY(write(path, "three\n"));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.first().first().toBool(), false);

    // Keeping our version: the disk's bytes become the known ones (PostSession::acceptDiskVersion).
    watch.setKnownBytes("three\n");
    QVERIFY(write(path, "three\n"));
    QTest::qWait(300);
    QCOMPARE(spy.count(), 1);
}

void TestFileWatch::reportsDeletion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"post.md"_s);
    QVERIFY(write(path, "x\n"));
    FileWatch watch;
    QSignalSpy spy(&watch, &FileWatch::changedOnDisk);
    watch.setPath(path, "x\n");
    QVERIFY(QFile::remove(path));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
    QCOMPARE(spy.first().first().toBool(), true);
}

QTEST_GUILESS_MAIN(TestFileWatch)
#include "tst_filewatch.moc"
