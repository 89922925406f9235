// SPDX-License-Identifier: GPL-3.0-or-later
// Saving and publishing from the window never loses a word (issue #5): a file changed by
// another process since it was loaded makes Save ask (and each answer does what it says),
// a failed write leaves the file intact and says where the text is, Publish writes only
// the draft flip, and a recovered copy comes back as an unsaved change.

#include "previewtestutil.h"
#include "editor/markdowneditor.h"
#include "mainwindow.h"
#include "publish/conflictdialog.h"
#include "publish/publishdialog.h"
#include "publish/recovery.h"
#include "io/safewrite.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cerrno>
#include <functional>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::prepareWebEngineApp();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

const QString kSampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;
const QString kPost = u"/content/posts/2025-06-02-taiwan-chip-energy.md"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs `handle` on the next modal dialog the code under test opens (QDialog::exec blocks).
void onNextModal(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        }
    });
    timer->start();
}

// Changes the post the way another program would: a separate process appends a line.
void changeByAnotherProcess(const QString &path, const QByteArray &line)
{
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u"printf '%s\\n' \"$1\" >> \"$2\""_s, u"sh"_s, QString::fromUtf8(line), path});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
}

} // namespace

class TestSaveSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void conflictOnSaveAsksAndCancelKeepsBothVersions();
    void conflictOverwriteWritesOurVersion();
    void conflictSaveAsWritesElsewhere();
    void failedWriteKeepsFileAndSaysWhereTheTextIs_data();
    void failedWriteKeepsFileAndSaysWhereTheTextIs();
    void publishFromTheWindowFlipsOnlyDraft();
    void publishAsksWhenAnotherProgramChangedThePost();
    void recoveredCopyComesBackAsUnsavedChange();

private:
    // Opens the sample post and types `text` at its end, as a writer with unsaved words.
    void openAndType(MainWindow &w, const QString &text);

    QString m_site;
    QString m_post;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSaveSafety::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_site = m_dir->path() + u"/site"_s;
    QVERIFY(test::copyTree(kSampleSite, m_site));
    m_post = m_site + kPost;
}

void TestSaveSafety::openAndType(MainWindow &w, const QString &text)
{
    QVERIFY(w.openFile(m_post));
    w.show();
    w.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(w.editor(), text);
}

void TestSaveSafety::conflictOnSaveAsksAndCancelKeepsBothVersions()
{
    MainWindow w;
    openAndType(w, u"my unsaved words"_s);
    if (QTest::currentTestFailed())
        return;
    changeByAnotherProcess(m_post, "Written by another program.");
    const QByteArray theirs = readAll(m_post);

    bool asked = false;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ConflictDialog *>(modal);
        asked = dialog != nullptr;
        QVERIFY(dialog);
        dialog->reject(); // Cancel
    });
    QVERIFY(!w.save());
    QVERIFY(asked);
    QCOMPARE(readAll(m_post), theirs);                      // their version is untouched
    QVERIFY(w.editor()->toPlainText().endsWith(u"my unsaved words"_s)); // ours too
    QVERIFY(w.isModified());
}

void TestSaveSafety::conflictOverwriteWritesOurVersion()
{
    MainWindow w;
    openAndType(w, u"mine"_s);
    if (QTest::currentTestFailed())
        return;
    changeByAnotherProcess(m_post, "Theirs.");
    const QByteArray ours = w.currentBytes();
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<ConflictDialog *>(modal);
        QVERIFY(dialog);
        for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>()) {
            if (b->text().remove(u'&').contains(u"Overwrite"_s)) {
                b->click();
                return;
            }
        }
        QFAIL("no Overwrite button");
    });
    QVERIFY(w.save());
    QCOMPARE(readAll(m_post), ours);
    QVERIFY(!w.isModified());
    // Saved: the next save is ours to make without asking.
    QTest::keyClicks(w.editor(), u"!"_s);
    QVERIFY(w.save());
    QVERIFY(readAll(m_post).endsWith("mine!\n") || readAll(m_post).endsWith("mine!"));
}

void TestSaveSafety::conflictSaveAsWritesElsewhere()
{
    MainWindow w;
    openAndType(w, u"elsewhere"_s);
    if (QTest::currentTestFailed())
        return;
    changeByAnotherProcess(m_post, "Theirs.");
    const QByteArray theirs = readAll(m_post);
    // The Save As path through the window's own saveAs(): the conflict only guards m_path.
    const QString other = m_site + u"/content/posts/copy.md"_s;
    QVERIFY(w.saveAs(other));
    QCOMPARE(readAll(m_post), theirs);
    QVERIFY(readAll(other).contains("elsewhere"));
    QCOMPARE(w.filePath(), other);
}

void TestSaveSafety::failedWriteKeepsFileAndSaysWhereTheTextIs_data()
{
    QTest::addColumn<int>("errnoValue");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("advice");
    QTest::addColumn<QString>("notAdvice");
    QTest::newRow("disk full") << ENOSPC << u"No space left on device"_s << u"Free some space"_s << u"read-only"_s;
    // #21: a read-only file system was told to free some space.
    QTest::newRow("read-only file system") << EROFS << u"Read-only file system"_s << u"read-only, or you have no permission"_s
                                           << u"space"_s;
    QTest::newRow("I/O error") << EIO << u"Input/output error"_s << u"Try again"_s << u"space"_s;
}

void TestSaveSafety::failedWriteKeepsFileAndSaysWhereTheTextIs()
{
    QFETCH(int, errnoValue);
    QFETCH(QString, reason);
    QFETCH(QString, advice);
    QFETCH(QString, notAdvice);
    QTemporaryDir recoveryRoot;
    RecoveryStore store(recoveryRoot.path());
    QVERIFY(store.open().ok());
    MainWindow w;
    w.setRecoveryStore(&store);
    QVERIFY(w.openFile(m_post));
    w.show();
    const QByteArray before = readAll(m_post);
    w.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(w.editor(), u"precious"_s);

    QString shown;
    onNextModal([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        shown = box->text() + u'\n' + box->informativeText();
        box->accept();
    });
    // The post's disk fails; the app's data folder (the recovery copies) is elsewhere.
    writefaults::inject(writefaults::Step::Write, errnoValue, m_site);
    const bool saved = w.save();
    writefaults::inject(writefaults::Step::None, 0);
    QVERIFY(!saved);
    QCOMPARE(readAll(m_post), before);
    QVERIFY(w.isModified());
    QVERIFY2(shown.contains(reason), qPrintable(shown));
    QVERIFY2(shown.contains(advice), qPrintable(shown));
    QVERIFY2(!shown.contains(notAdvice, Qt::CaseInsensitive), qPrintable(shown));
    QVERIFY2(shown.contains(u"Save As"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"still here in the editor"_s), qPrintable(shown));
    QVERIFY2(shown.contains(store.sessionDir()), qPrintable(shown));
    // The copy it names holds the writer's text, byte for byte.
    const QRegularExpression copyPath(u"recovery copy is also at (\\S+\\.md)"_s);
    const QString copy = copyPath.match(shown).captured(1);
    QVERIFY2(!copy.isEmpty(), qPrintable(shown));
    QFile copyFile(copy);
    QVERIFY(copyFile.open(QIODevice::ReadOnly));
    QCOMPARE(copyFile.readAll(), w.currentBytes());
    QVERIFY(RecoveryStore::orphaned(recoveryRoot.path()).isEmpty()); // our own live session is never offered
}

void TestSaveSafety::publishFromTheWindowFlipsOnlyDraft()
{
    QByteArray draft = readAll(m_post);
    const QByteArray published = draft;
    draft.replace("\ndraft: false\n", "\ndraft: true\n");
    {
        QFile f(m_post);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(draft);
    }
    MainWindow w;
    QVERIFY(w.openFile(m_post));
    w.show();
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<PublishDialog *>(modal);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan() && !dialog->isPreparing(), 20000);
        QVERIFY(dialog->publishButton()->isEnabled());
        dialog->publishButton()->click();
    });
    w.publish();
    QCOMPARE(readAll(m_post), published);
    QVERIFY(!w.isModified());
}

void TestSaveSafety::publishAsksWhenAnotherProgramChangedThePost()
{
    MainWindow w;
    QVERIFY(w.openFile(m_post));
    w.show();
    changeByAnotherProcess(m_post, "Theirs, written while the post was open.");
    const QByteArray theirs = readAll(m_post);
    bool asked = false;
    onNextModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ConflictDialog *>(modal);
        asked = dialog != nullptr;
        QVERIFY(dialog);
        QVERIFY(!dialog->saveAsButton()->isVisible());
        QVERIFY(dialog->diffView());
        dialog->cancelButton()->click();
    });
    w.publish();
    QVERIFY(asked);
    QCOMPARE(readAll(m_post), theirs);
}

void TestSaveSafety::recoveredCopyComesBackAsUnsavedChange()
{
    QByteArray recovered = readAll(m_post);
    recovered += "\n救回來的段落。\n";
    RecoveryEntry entry;
    entry.id = u"doc"_s;
    entry.originalPath = m_post;
    entry.bytes = recovered;
    entry.savedAt = QDateTime::currentDateTime();
    MainWindow w;
    w.restoreRecovered(entry);
    QCOMPARE(w.filePath(), m_post);
    QCOMPARE(w.currentBytes(), recovered);
    QVERIFY(w.isModified());
    QVERIFY(w.save());
    QCOMPARE(readAll(m_post), recovered);
}

QTEST_MAIN(TestSaveSafety)
#include "tst_savesafety.moc"
