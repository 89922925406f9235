// SPDX-License-Identifier: GPL-3.0-or-later
// The publish dialogs: DiffView paints a unified diff readably in light and dark palettes and
// says "No changes" for none; ConflictDialog reports the button the writer chose; PublishDialog
// prepares off the UI thread, lists problems (activating one asks the window to go there),
// publishes in place changing only the draft line, and publishes a draft from outside a site
// to the section and name the writer picks, with its image; NewPostDialog creates a post from
// the site's archetype. With FRONTMARK_SHOTS=<dir> set, each dialog is also saved as a PNG.

#include "../testfiles.h"
#include "guitestutil.h"
#include "publish/conflictdialog.h"
#include "publish/diffview.h"
#include "publish/newpostdialog.h"
#include "publish/publishdialog.h"

#include "document/postfile.h"
#include "text/slug.h"

#include "../unit/testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::useOffscreenWithoutDisplay();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

constexpr int kPlanTimeout = 20000;
const QString kSamplePost = u"content/posts/2025-06-02-taiwan-chip-energy.md"_s;

QString sampleSite()
{
    return QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

PostFile loadPost(const QString &path)
{
    auto post = PostFile::load(path);
    if (!post.ok())
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(post.error().toString()));
    return post.value();
}

// Saves `widget` as <FRONTMARK_SHOTS>/<name>.png when that variable is set.
void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FRONTMARK_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // let queued layout and paint events land
    if (!widget->grab().save(dir + u'/' + name + u".png"_s))
        qWarning("could not save the screenshot %s", qPrintable(name));
}

// Runs `answer` on the next message box that opens (QMessageBox::exec spins its own loop).
void answerNextMessageBox(std::function<void(QMessageBox *)> answer)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer = std::move(answer)] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->deleteLater();
            timer->stop();
            answer(box);
        }
    });
    timer->start();
}

QPoint lineCenter(QPlainTextEdit *edit, int line, QWidget *relativeTo)
{
    QTextCursor cursor(edit->document()->findBlockByNumber(line));
    const QRect r = edit->cursorRect(cursor);
    return edit->viewport()->mapTo(relativeTo, QPoint(edit->viewport()->width() - 4, r.center().y()));
}

bool waitForPlan(PublishDialog &dialog)
{
    return QTest::qWaitFor([&] { return dialog.hasPlan() && !dialog.isPreparing(); }, kPlanTimeout);
}

QTreeWidgetItem *problemAtLine(QTreeWidget *view, int line)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = view->topLevelItem(i);
        if (item->text(0).section(u':', 0, 0).toInt() == line)
            return item;
    }
    return nullptr;
}

const QString kDiff = u"--- a.md\n"
                      u"+++ b.md\n"
                      u"@@ -1,4 +1,3 @@\n"
                      u" ---\n"
                      u"-draft: true\n"
                      u"+draft: false\n"
                      u" title: \"晶片之島\"\n"
                      u"--- a line that reads like a header\n"
                      u"@@ -20,2 +20,3 @@\n"
                      u" context\n"
                      u"+added\n"
                      u" last\n"_s;

} // namespace

class TestPublishDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void diffViewClassifiesLines_data();
    void diffViewClassifiesLines();
    void diffViewTintsLines_data();
    void diffViewTintsLines();
    void diffViewShowsNoChanges();
    void diffViewScrollsInsteadOfWrapping();

    void conflictDialogReportsChoice_data();
    void conflictDialogReportsChoice();

    void publishesInPlaceChangingOnlyDraft();
    void missingImageBlocksAndLocatesProblem();
    void warningsMakePublishAnyway();
    void setDateRepreparesWithNewDate();
    void publishesDraftFromOutsideSite();
    void rejectsSlashInFileName_data();
    void rejectsSlashInFileName();
    void asksBeforeReplacingAnotherFile_data();
    void asksBeforeReplacingAnotherFile();

    void newPostFollowsTitleAndCreates_data();
    void newPostFollowsTitleAndCreates();
    void newPostKeepsEditedName();
    void newPostRefusesExistingFile();
    void newPostShowsSiteError();
    void errorTextReadableInDarkPalette();

private:
    QString copySite();
    QTemporaryDir m_tmp;
    int m_sites = 0;
};

void TestPublishDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"frontmark-tests"_s);
    QCoreApplication::setApplicationName(u"tst_publishdialogs"_s);
    QVERIFY(m_tmp.isValid());
}

void TestPublishDialogs::init()
{
    QSettings().remove(u"publish/lastSite"_s);
}

QString TestPublishDialogs::copySite()
{
    const QString dir = m_tmp.filePath(u"site%1"_s.arg(++m_sites));
    if (!test::copyTree(sampleSite(), dir))
        qFatal("cannot copy the sample site to %s", qPrintable(dir));
    return dir;
}

// --- DiffView -------------------------------------------------------------------------------

void TestPublishDialogs::diffViewClassifiesLines_data()
{
    using K = DiffView::LineKind;
    QTest::addColumn<int>("line");
    QTest::addColumn<K>("kind");
    QTest::newRow("old file header") << 0 << K::FileHeader;
    QTest::newRow("new file header") << 1 << K::FileHeader;
    QTest::newRow("hunk header") << 2 << K::Hunk;
    QTest::newRow("context") << 3 << K::Context;
    QTest::newRow("removed") << 4 << K::Removed;
    QTest::newRow("added") << 5 << K::Added;
    QTest::newRow("removed line starting with --") << 7 << K::Removed;
    QTest::newRow("second hunk") << 8 << K::Hunk;
    QTest::newRow("added in second hunk") << 10 << K::Added;
}

void TestPublishDialogs::diffViewClassifiesLines()
{
    QFETCH(int, line);
    QFETCH(DiffView::LineKind, kind);
    DiffView view;
    view.setDiff(kDiff);
    QCOMPARE(view.lineKind(line), kind);
}

void TestPublishDialogs::diffViewTintsLines_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestPublishDialogs::diffViewTintsLines()
{
    QFETCH(bool, dark);
    DiffView view;
    QPalette pal = view.palette();
    if (dark) {
        pal.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        pal.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        pal.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        pal.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    } else {
        pal.setColor(QPalette::Base, Qt::white);
        pal.setColor(QPalette::Text, Qt::black);
    }
    view.setPalette(pal);
    view.setDiff(kDiff);
    view.resize(520, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    shoot(&view, dark ? u"diffview-dark"_s : u"diffview-light"_s);

    const QImage image = view.grab().toImage();
    const auto pixel = [&](int line) {
        return image.pixelColor(lineCenter(view.textEdit(), line, &view) * image.devicePixelRatio());
    };
    const QColor base = pal.color(QPalette::Base);
    const QColor added = pixel(5);
    const QColor removed = pixel(4);
    const QColor context = pixel(3);
    // Whole rows are tinted (sampled at the right edge, past the text), green for added and
    // red for removed; context rows keep the base colour.
    QCOMPARE(context.rgb(), base.rgb());
    QCOMPARE(added.rgb(), view.background(DiffView::LineKind::Added).rgb());
    QCOMPARE(removed.rgb(), view.background(DiffView::LineKind::Removed).rgb());
    QVERIFY2(added.green() > added.red() && added.green() > added.blue(), qPrintable(added.name()));
    QVERIFY2(removed.red() > removed.green() && removed.red() > removed.blue(), qPrintable(removed.name()));
    // The tint stays on the palette's side of light and dark, so the text on it stays readable.
    const QColor text = pal.color(QPalette::Text);
    for (const QColor &tint : {added, removed}) {
        QCOMPARE(tint.lightnessF() < 0.5, dark);
        QVERIFY2(std::abs(tint.lightnessF() - text.lightnessF()) > 0.5, qPrintable(tint.name()));
    }
    // Hunk headers are dimmed: their text lies between the text colour and the base colour.
    const QColor hunk = view.foreground(DiffView::LineKind::Hunk);
    QVERIFY(std::abs(hunk.lightnessF() - text.lightnessF()) > 0.2);
    QVERIFY(std::abs(hunk.lightnessF() - base.lightnessF()) > 0.2);
}

void TestPublishDialogs::diffViewShowsNoChanges()
{
    DiffView view;
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *placeholder = view.findChild<QLabel *>(u"diffPlaceholder"_s);
    QVERIFY(placeholder);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->text(), u"No changes"_s);
    QVERIFY(!view.textEdit()->isVisible());
    QVERIFY(!view.hasChanges());
    shoot(&view, u"diffview-empty"_s);

    view.setDiff(kDiff);
    QVERIFY(view.textEdit()->isVisible());
    QVERIFY(!placeholder->isVisible());
    QCOMPARE(view.textEdit()->document()->blockCount(), 12); // no empty block for the final newline

    view.setDiff(QString());
    QVERIFY(placeholder->isVisible());
    QVERIFY(!view.textEdit()->isVisible());
}

void TestPublishDialogs::diffViewScrollsInsteadOfWrapping()
{
    DiffView view;
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDiff(u"@@ -1 +1 @@\n-short\n+"_s + QString(400, u'x') + u'\n');
    QCOMPARE(view.textEdit()->lineWrapMode(), QPlainTextEdit::NoWrap);
    QVERIFY(view.textEdit()->isReadOnly());
    QCOMPARE(view.textEdit()->document()->blockCount(), 3);
    QTRY_VERIFY(view.textEdit()->horizontalScrollBar()->maximum() > 0);
    QVERIFY(view.textEdit()->font().fixedPitch() || QFontInfo(view.textEdit()->font()).fixedPitch());
}

// --- ConflictDialog -------------------------------------------------------------------------

void TestPublishDialogs::conflictDialogReportsChoice_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<ConflictDialog::Choice>("choice");
    QTest::addColumn<int>("result");
    QTest::newRow("overwrite") << u"overwriteButton"_s << ConflictDialog::Choice::Overwrite << int(QDialog::Accepted);
    QTest::newRow("save as") << u"saveAsButton"_s << ConflictDialog::Choice::SaveAs << int(QDialog::Accepted);
    QTest::newRow("cancel") << u"cancelButton"_s << ConflictDialog::Choice::Cancel << int(QDialog::Rejected);
    QTest::newRow("escape") << QString() << ConflictDialog::Choice::Cancel << int(QDialog::Rejected);
}

void TestPublishDialogs::conflictDialogReportsChoice()
{
    QFETCH(QString, button);
    QFETCH(ConflictDialog::Choice, choice);
    QFETCH(int, result);
    const QByteArray disk = "---\ntitle: 舊的標題\ndraft: true\n---\n\n第一段。\n"_ba;
    const QByteArray mine = "---\ntitle: 新的標題\ndraft: true\n---\n\n第一段。\n\n第二段。\n"_ba;
    ConflictDialog dialog(u"/home/writer/blog/content/posts/晶片.md"_s, disk, mine);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.cancelButton()->isDefault());
    QVERIFY(!dialog.overwriteButton()->isDefault());
    QVERIFY(dialog.findChild<QLabel *>(u"conflictHeading"_s)->text().contains(u"“晶片.md”"_s));
    QVERIFY(dialog.diffView()->hasChanges());
    QVERIFY(dialog.diffView()->diff().contains(u"-title: 舊的標題"_s));
    QVERIFY(dialog.diffView()->diff().contains(u"+title: 新的標題"_s));
    if (button == u"cancelButton")
        shoot(&dialog, u"conflictdialog"_s);

    if (button.isEmpty())
        QTest::keyClick(&dialog, Qt::Key_Escape);
    else
        QTest::mouseClick(dialog.findChild<QPushButton *>(button), Qt::LeftButton);
    QCOMPARE(dialog.choice(), choice);
    QCOMPARE(dialog.result(), result);
    QVERIFY(!dialog.isVisible());
}

// --- PublishDialog --------------------------------------------------------------------------

void TestPublishDialogs::publishesInPlaceChangingOnlyDraft()
{
    const QString site = copySite();
    const QString path = site + u'/' + kSamplePost;
    QByteArray before = readFile(path);
    QVERIFY(before.contains("\ndraft: false\n"));
    before.replace("\ndraft: false\n", "\ndraft: true\n"); // so that publishing changes something
    QVERIFY(writeFile(path, before));

    PublishDialog dialog(loadPost(path), path, publisher::Options{});
    // The plan arrives through the event loop, so it cannot have come yet.
    QVERIFY(dialog.isPreparing());
    QVERIFY(!dialog.publishButton()->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));

    QVERIFY(dialog.publishesInPlace());
    QVERIFY(dialog.plan().inPlace);
    QCOMPARE(QFileInfo(dialog.plan().targetPath).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
    QVERIFY(dialog.findChild<QLabel *>(u"targetLabel"_s)->text().contains(u"posts"_s));
    QVERIFY2(!dialog.plan().hasErrors(), qPrintable(dialog.plan().problems.value(0).toString()));
    QCOMPARE(dialog.problemsView()->topLevelItemCount(), dialog.plan().problems.size());
    QVERIFY(dialog.diffView()->diff().contains(u"-draft: true"_s));
    QVERIFY(dialog.diffView()->diff().contains(u"+draft: false"_s));
    QVERIFY(dialog.publishButton()->isEnabled());
    shoot(&dialog, u"publish-inplace"_s);

    QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QFileInfo(dialog.publishedPath()).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
    const test::LineDiff diff = test::diffLines(before, readFile(path));
    QCOMPARE(diff.removed, QList<QByteArray>{"draft: true\n"_ba});
    QCOMPARE(diff.added, QList<QByteArray>{"draft: false\n"_ba});
}

void TestPublishDialogs::missingImageBlocksAndLocatesProblem()
{
    const QString site = copySite();
    const QString path = site + u"/content/posts/broken.md"_s;
    const QByteArray post = "---\n"
                            "title: \"缺圖的文章\"\n"
                            "date: 2025-06-01T10:00:00+08:00\n"
                            "draft: true\n"
                            "---\n"
                            "\n"
                            "第一段。\n"
                            "\n"
                            "![不存在的圖](/images/posts/missing.jpg)\n"; // line 9
    QVERIFY(writeFile(path, post));

    PublishDialog dialog(loadPost(path), path, publisher::Options{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(dialog.plan().hasErrors());
    QVERIFY(!dialog.publishButton()->isEnabled());
    QTRY_COMPARE(dialog.findChild<QTabWidget *>(u"publishTabs"_s)->currentIndex(), 0);

    QTreeWidgetItem *item = problemAtLine(dialog.problemsView(), 9);
    QVERIFY2(item, "no problem listed on line 9");
    QVERIFY2(item->text(0).contains(u':'), qPrintable(item->text(0))); // "line:column"
    QVERIFY(item->text(0).section(u':', 1).toInt() > 0);
    QVERIFY(item->text(1).contains(u"missing.jpg"_s));
    shoot(&dialog, u"publish-errors"_s);

    QSignalSpy activated(&dialog, &PublishDialog::problemActivated);

    dialog.problemsView()->scrollToItem(item);
    const QRect rect = dialog.problemsView()->visualItemRect(item);
    // What a real double-click delivers: a click, then the double-click.
    QTest::mouseClick(dialog.problemsView()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(dialog.problemsView()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    const auto diagnostic = activated.first().first().value<Diagnostic>();
    QCOMPARE(diagnostic.line, 9);
    QVERIFY(diagnostic.isError());
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // closed so the writer can fix it
    QCOMPARE(readFile(path), post);
}

void TestPublishDialogs::warningsMakePublishAnyway()
{
    const QString site = copySite();
    const QString path = site + u"/content/posts/future.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: \"未來的文章\"\ndate: 2999-01-01T09:00:00+08:00\ndraft: true\n---\n\n內文。\n"_ba));
    PublishDialog dialog(loadPost(path), path, publisher::Options{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(dialog.plan().hasWarnings());
    QVERIFY2(!dialog.plan().hasErrors(), qPrintable(dialog.plan().problems.value(0).toString()));
    QVERIFY(dialog.publishButton()->isEnabled());
    QCOMPARE(dialog.publishButton()->text(), u"Publish Anyway"_s);
    QVERIFY(problemAtLine(dialog.problemsView(), dialog.plan().problems.first().line));
    shoot(&dialog, u"publish-warning"_s);
}

void TestPublishDialogs::setDateRepreparesWithNewDate()
{
    const QString site = copySite();
    const QString path = site + u"/content/posts/dated.md"_s;
    const QByteArray post = "---\ntitle: Dated\ndate: 2020-01-01T09:00:00+08:00\ndraft: true\n---\nText\n"_ba;
    QVERIFY(writeFile(path, post));
    publisher::Options options;
    options.now = QDateTime(QDate(2025, 6, 2), QTime(10, 30), QTimeZone(8 * 3600));
    PublishDialog dialog(loadPost(path), path, options);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(!dialog.diffView()->diff().contains(u"+date:"_s));

    dialog.findChild<QCheckBox *>(u"setDateCheck"_s)->click();
    QVERIFY(dialog.isPreparing());
    QVERIFY(!dialog.publishButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreparing() && dialog.plan().newBytes.contains("2025-06-02"), kPlanTimeout);
    QVERIFY(dialog.diffView()->diff().contains(u"-date: 2020-01-01T09:00:00+08:00"_s));
    QVERIFY(dialog.diffView()->diff().contains(u"+date: 2025-06-02"_s));
    QVERIFY(dialog.publishButton()->isEnabled());
}

void TestPublishDialogs::publishesDraftFromOutsideSite()
{
    const QString site = copySite();
    const QString drafts = m_tmp.filePath(u"drafts-outside"_s);
    const QString path = drafts + u"/hello.md"_s;
    const QByteArray image = "\xFF\xD8\xFF\xE0 not really a jpeg"_ba;
    QVERIFY(writeFile(drafts + u"/x.jpg"_s, image));
    const QByteArray post = "---\n"
                            "title: \"Hello World\"\n"
                            "date: 2025-05-01T08:00:00+08:00\n"
                            "draft: true\n"
                            "---\n"
                            "\n"
                            "![a picture](/images/x.jpg)\n";
    QVERIFY(writeFile(path, post));

    PublishDialog dialog(loadPost(path), path, publisher::Options{});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.publishesInPlace());
    QVERIFY(waitForPlan(dialog));
    QVERIFY(!dialog.publishButton()->isEnabled()); // no site yet
    QCOMPARE(dialog.fileName(), publisher::defaultName(loadPost(path), dialog.options().now));

    dialog.setSiteRoot(site);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreparing() && dialog.plan().siteRoot == QDir::cleanPath(site), kPlanTimeout);
    QCOMPARE(dialog.plan().targetPath, site + u"/content/posts/"_s + dialog.fileName() + u".md"_s);
    auto *sections = dialog.findChild<QComboBox *>(u"sectionCombo"_s);
    QVERIFY(sections->findText(u"posts"_s) >= 0);
    QCOMPARE(sections->currentText(), u"posts"_s);

    dialog.setSection(u"notes"_s);
    dialog.setFileName(u"我的筆記"_s);
    QVERIFY(dialog.isPreparing());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.plan().targetPath, site + u"/content/notes/我的筆記.md"_s, kPlanTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreparing(), kPlanTimeout);
    QVERIFY(dialog.findChild<QLabel *>(u"targetLabel"_s)->text().contains(u"我的筆記.md"_s));
    QVERIFY2(!dialog.plan().hasErrors(), qPrintable(dialog.plan().problems.value(0).toString()));

    QCOMPARE(dialog.plan().images.size(), 1);
    QCOMPARE(dialog.plan().images.first().to, site + u"/static/images/x.jpg"_s);
    QCOMPARE(dialog.imagesView()->topLevelItemCount(), 1);
    QCOMPARE(dialog.imagesView()->topLevelItem(0)->text(0), u"/images/x.jpg"_s);
    QVERIFY(dialog.findChild<QTabWidget *>(u"publishTabs"_s)->isTabVisible(2));
    QVERIFY(dialog.publishButton()->isEnabled());
    dialog.findChild<QTabWidget *>(u"publishTabs"_s)->setCurrentIndex(2);
    shoot(&dialog, u"publish-outside"_s);
    dialog.findChild<QTabWidget *>(u"publishTabs"_s)->setCurrentIndex(1);

    QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QString written = site + u"/content/notes/我的筆記.md"_s;
    QCOMPARE(dialog.publishedPath(), written);
    const test::LineDiff diff = test::diffLines(post, readFile(written));
    QCOMPARE(diff.removed, QList<QByteArray>{"draft: true\n"_ba});
    QCOMPARE(diff.added, QList<QByteArray>{"draft: false\n"_ba});
    QCOMPARE(readFile(site + u"/static/images/x.jpg"_s), image);
    QCOMPARE(readFile(path), post); // the draft itself is left alone
    QCOMPARE(QSettings().value(u"publish/lastSite"_s).toString(), QDir::cleanPath(site));
}

void TestPublishDialogs::rejectsSlashInFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("backslash") << u"a\\b"_s << false;
    QTest::newRow("plain") << u"my-post"_s << true;
    QTest::newRow("with extension") << u"my-post.md"_s << true;
}

void TestPublishDialogs::rejectsSlashInFileName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const QString site = copySite();
    const QString path = m_tmp.filePath(u"drafts-names/%1.md"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(writeFile(path, "---\ntitle: Names\ndate: 2025-05-01T08:00:00+08:00\ndraft: true\n---\nText\n"_ba));
    publisher::Options options;
    options.targetSite = site;
    PublishDialog dialog(loadPost(path), path, options);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(dialog.publishButton()->isEnabled());

    dialog.setFileName(name);
    auto *error = dialog.findChild<QLabel *>(u"nameError"_s);
    QCOMPARE(error->isVisible(), !valid);
    if (!valid) {
        QVERIFY(error->text().contains(u'/'));
        QVERIFY(!dialog.publishButton()->isEnabled());
        QTRY_VERIFY(!dialog.isPreparing());
        QVERIFY(!dialog.publishButton()->isEnabled());
        if (name.contains(u'\\'))
            shoot(&dialog, u"publish-bad-name"_s);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(dialog.plan().targetPath, site + u"/content/posts/my-post.md"_s, kPlanTimeout);
        QTRY_VERIFY(dialog.publishButton()->isEnabled());
    }
}

void TestPublishDialogs::asksBeforeReplacingAnotherFile_data()
{
    QTest::addColumn<bool>("replace");
    QTest::newRow("no") << false;
    QTest::newRow("replace") << true;
}

void TestPublishDialogs::asksBeforeReplacingAnotherFile()
{
    QFETCH(bool, replace);
    const QString site = copySite();
    const QString existing = site + u'/' + kSamplePost;
    const QByteArray existingBytes = readFile(existing);
    const QString path = m_tmp.filePath(u"drafts-replace-%1/p.md"_s.arg(replace));
    const QByteArray post = "---\ntitle: Replacement\ndate: 2025-05-01T08:00:00+08:00\ndraft: true\n---\nNew text\n"_ba;
    QVERIFY(writeFile(path, post));
    publisher::Options options;
    options.targetSite = site;
    options.name = QFileInfo(existing).completeBaseName();
    PublishDialog dialog(loadPost(path), path, options);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForPlan(dialog));
    QVERIFY(dialog.plan().overwritesAnotherFile());
    QVERIFY(dialog.publishButton()->isEnabled());

    bool defaultWasNo = false;
    answerNextMessageBox([&](QMessageBox *box) {
        defaultWasNo = box->defaultButton() == box->button(QMessageBox::No);
        box->button(replace ? QMessageBox::Yes : QMessageBox::No)->click();
    });
    QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
    QVERIFY(defaultWasNo);
    if (replace) {
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(readFile(existing).contains("New text"));
    } else {
        QVERIFY(dialog.isVisible()); // nothing lost: the writer can pick another name
        QCOMPARE(readFile(existing), existingBytes);
    }
}

// --- NewPostDialog --------------------------------------------------------------------------

void TestPublishDialogs::newPostFollowsTitleAndCreates_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("english") << u"My First Post"_s;
    QTest::newRow("chinese") << u"晶片之島的電力難題"_s;
}

void TestPublishDialogs::newPostFollowsTitleAndCreates()
{
    QFETCH(QString, title);
    const QString site = copySite();
    NewPostDialog dialog(site);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.isSiteValid());
    QCOMPARE(dialog.section(), u"posts"_s);
    QVERIFY(!dialog.createButton()->isEnabled()); // the title is required

    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"titleEdit"_s), u"x"_s);
    dialog.setTitle(title);
    const QString slug = text::slugify(title);
    QCOMPARE(dialog.fileName(), slug);
    const QString expected = site + u"/content/posts/"_s + slug + u".md"_s;
    QCOMPARE(QDir::cleanPath(dialog.targetPath()), expected);
    QVERIFY(dialog.findChild<QLabel *>(u"targetLabel"_s)->text().contains(slug + u".md"_s));
    QVERIFY(dialog.createButton()->isEnabled());
    if (QTest::currentDataTag() == "chinese"_ba)
        shoot(&dialog, u"newpost"_s);

    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(QDir::cleanPath(dialog.createdPath()), expected);
    const auto created = PostFile::load(expected);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    QCOMPARE(created.value().frontMatter().value(u"title"_s).toString(), title);
    QVERIFY(created.value().frontMatter().value(u"draft"_s).toBool()); // the sample archetype's
}

void TestPublishDialogs::newPostKeepsEditedName()
{
    NewPostDialog dialog(copySite());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setTitle(u"First"_s);
    auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
    name->selectAll();
    QTest::keyClicks(name, u"chosen-name"_s);
    dialog.setTitle(u"Second Title"_s);
    QCOMPARE(dialog.fileName(), u"chosen-name"_s);
    // Clearing the name hands it back to the title.
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Backspace);
    QCOMPARE(dialog.fileName(), text::slugify(u"Second Title"_s));

    QTest::keyClicks(name, u"/x"_s);
    QVERIFY(dialog.findChild<QLabel *>(u"nameError"_s)->isVisible());
    QVERIFY(!dialog.createButton()->isEnabled());
}

void TestPublishDialogs::newPostRefusesExistingFile()
{
    const QString site = copySite();
    NewPostDialog dialog(site);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setTitle(u"晶片之島的電力難題"_s);
    dialog.setFileName(QFileInfo(kSamplePost).completeBaseName());
    auto *target = dialog.findChild<QLabel *>(u"targetLabel"_s);
    QVERIFY(target->text().contains(u"already exists"_s));
    QVERIFY(!dialog.createButton()->isEnabled());
    const QColor color = target->palette().color(target->foregroundRole());
    QVERIFY2(color.red() > 150 && color.green() < 120, qPrintable(color.name()));
    shoot(&dialog, u"newpost-exists"_s);

    dialog.setFileName(u"another-name"_s);
    QVERIFY(!target->text().contains(u"already exists"_s));
    QVERIFY(dialog.createButton()->isEnabled());
}

void TestPublishDialogs::newPostShowsSiteError()
{
    const QString notASite = m_tmp.filePath(u"not-a-site"_s);
    QVERIFY(QDir().mkpath(notASite));
    NewPostDialog dialog(notASite);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setTitle(u"Anything"_s);
    QVERIFY(!dialog.isSiteValid());
    auto *error = dialog.findChild<QLabel *>(u"siteError"_s);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"hugo.toml"_s));
    QVERIFY(!dialog.createButton()->isEnabled());
    shoot(&dialog, u"newpost-bad-site"_s);

    dialog.setSiteRoot(copySite());
    QVERIFY(dialog.isSiteValid());
    QVERIFY(!error->isVisible());
    QVERIFY(dialog.createButton()->isEnabled());
}

void TestPublishDialogs::errorTextReadableInDarkPalette()
{
    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x6e, 0x6e, 0x6e));
    QApplication::setPalette(dark);
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });

    const QString notASite = m_tmp.filePath(u"not-a-site-dark"_s);
    QVERIFY(QDir().mkpath(notASite));
    NewPostDialog newPost(notASite);
    newPost.setTitle(u"夜間模式"_s);
    newPost.show();
    QVERIFY(QTest::qWaitForWindowExposed(&newPost));
    auto *error = newPost.findChild<QLabel *>(u"siteError"_s);
    QVERIFY(error->isVisible());
    const QColor text = error->palette().color(error->foregroundRole());
    const QColor window = error->palette().color(QPalette::Window);
    QVERIFY2(text.lightnessF() - window.lightnessF() > 0.35, qPrintable(text.name() + u" on "_s + window.name()));
    QVERIFY(text.red() > text.green());
    shoot(&newPost, u"newpost-dark"_s);

    const QString site = copySite();
    const QString path = site + u"/content/posts/dark.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: \"深色\"\ndate: 2025-06-01T10:00:00+08:00\ndraft: true\n---\n\n![](/images/nope.png)\n"_ba));
    PublishDialog publish(loadPost(path), path, publisher::Options{});
    publish.show();
    QVERIFY(QTest::qWaitForWindowExposed(&publish));
    QVERIFY(waitForPlan(publish));
    publish.findChild<QTabWidget *>(u"publishTabs"_s)->setCurrentIndex(1);
    shoot(&publish, u"publish-dark"_s);
}

QTEST_MAIN(TestPublishDialogs)
#include "tst_publishdialogs.moc"
