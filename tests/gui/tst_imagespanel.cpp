// SPDX-License-Identifier: GPL-3.0-or-later
// The Images panel (issue #6): the post's images in order with their captions, alt text and
// captions edited in place as one undo step, the merged-caption fix, images dropped or pasted
// into the editor, and relinking a missing image; checked in the editor's text, on disk and
// in the preview's DOM. Its texts follow a change of interface language (issue #7) without
// touching the rows, the selection or what the writer is typing.

#include "loopbackserver.h"
#include "previewtestutil.h"
#include "editor/markdowneditor.h"
#include "images/imagespanel.h"
#include "mainwindow.h"
#include "preview/previewwidget.h"
#include "problems/problemspanel.h"
#include "translations.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::prepareWebEngineApp();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

const QString kSampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;
const QString kSamplePost = u"/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
constexpr int kTimeout = 20000;

using test::readFile;
using test::writeFile;

QString body(const MainWindow &w)
{
    return w.editor()->toPlainText();
}

// The panel's rows as "url | alt | caption | status" (the status without its sign).
QStringList rows(const ImagesPanel *panel)
{
    QStringList out;
    QTreeWidget *view = panel->view();
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = view->topLevelItem(i);
        out << u"%1 | %2 | %3 | %4"_s.arg(item->text(ImagesPanel::PathColumn), item->text(ImagesPanel::AltColumn),
                                          item->text(ImagesPanel::CaptionColumn), item->text(ImagesPanel::StatusColumn).mid(2));
    }
    return out;
}

// The panel's text for `source` in the interface language of the moment.
QString panelText(const char *source)
{
    return QCoreApplication::translate("frontmark::ImagesPanel", source);
}

// The rows' data, none of their words: "url | alt | caption" per row.
QStringList rowData(const ImagesPanel *panel)
{
    QStringList out;
    QTreeWidget *view = panel->view();
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = view->topLevelItem(i);
        out << u"%1 | %2 | %3"_s.arg(panel->images().value(i).url, item->text(ImagesPanel::AltColumn),
                                     item->text(ImagesPanel::CaptionColumn));
    }
    return out;
}

QStringList statusColumn(const ImagesPanel *panel)
{
    QStringList out;
    for (int i = 0; i < panel->view()->topLevelItemCount(); ++i)
        out << panel->view()->topLevelItem(i)->text(ImagesPanel::StatusColumn);
    return out;
}

QString labelFor(const ImagesPanel *panel, const QWidget *field)
{
    const QList<QLabel *> labels = panel->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->buddy() == field)
            return label->text();
    }
    return {};
}

// Every signal by which the panel asks the window to change the post or move the cursor.
struct PanelSpies {
    explicit PanelSpies(ImagesPanel *panel)
        : selected(panel, &ImagesPanel::imageSelected)
        , alt(panel, &ImagesPanel::altTextEdited)
        , caption(panel, &ImagesPanel::captionEdited)
        , separate(panel, &ImagesPanel::separateCaptionRequested)
        , convert(panel, &ImagesPanel::convertRequested)
        , relink(panel, &ImagesPanel::relinkRequested)
    {
    }
    qsizetype total() const
    {
        return selected.size() + alt.size() + caption.size() + separate.size() + convert.size() + relink.size();
    }
    QSignalSpy selected, alt, caption, separate, convert, relink;
};

// A window on `path` with the Images panel shown, once the preview shows the newest text and
// the panel lists its images.
std::unique_ptr<MainWindow> openWithPanel(const QString &path)
{
    auto w = std::make_unique<MainWindow>();
    if (!w->openFile(path))
        return nullptr;
    w->resize(1300, 900);
    w->show();
    w->imagesDock()->show();
    if (!QTest::qWaitFor([&] { return w->preview()->isReady(); }, kTimeout))
        return nullptr;
    return w;
}

// The sample site copied into `dir`, its post open with the Images panel listing its four
// images.
std::unique_ptr<MainWindow> openSampleWithPanel(const QTemporaryDir &dir)
{
    if (!test::copyTree(kSampleSite, dir.path()))
        return nullptr;
    auto w = openWithPanel(dir.path() + kSamplePost);
    if (!w || !QTest::qWaitFor([&] { return w->imagesPanel()->images().size() == 4; }, kTimeout))
        return nullptr;
    return w;
}

// Typing as an input method commits it (QTest::keyClicks takes Latin-1 only): how CJK text
// arrives from an IME.
void commitText(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

bool previewCaughtUp(const MainWindow &w)
{
    return w.preview()->appliedRevision() == w.requestedRevision();
}

// A real PNG, 40×30, one colour.
QByteArray pngBytes(QRgb colour)
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// What the preview shows for its images: "src|alt|loaded" per <img>, and missing ones.
QString previewImages(const MainWindow &w)
{
    const auto v = test::runJs(w.preview()->page(), uR"(
        Array.from(document.querySelectorAll('#content img, #content .fm-missing-image')).map(e =>
            e.tagName === 'IMG' ? e.getAttribute('src') + '|' + e.alt + '|' + (e.complete && e.naturalWidth > 0 ? 'loaded' : 'not loaded')
                                : 'missing|' + e.title).join('\n'))"_s);
    return v ? v->toString() : u"(no answer)"_s;
}

} // namespace

class TestImagesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanup()
    {
        if (installedUiLanguage() != u"en"_s) // a failed test must not leave the others in Chinese
            test::switchUiLanguage(u"en"_s);
    }
    void listsTheSamplePostsImagesWithCaptions();
    void captionEditChangesOnlyThoseBytesAndUndoes();
    void altTextIsEscapedToRenderAsTyped();
    void mergedCaptionIsFlaggedAndFixed();
    void droppedPngIsCopiedAndShown();
    void pastedImageIsCopiedAndLinked();
    void missingImageIsRelinked();
    void selectingARowShowsTheImage();
    void fetchesOnlyWhatThePreviewWouldLoad();
    void windowGoesWithTypingUncommitted();
    void languageChangeRetranslatesAndKeepsTheTyping();
    void languageChangeLeavesACellBeingEditedAlone();
};

void TestImagesPanel::listsTheSamplePostsImagesWithCaptions()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(kSampleSite, dir.path()));
    auto w = openWithPanel(dir.path() + kSamplePost);
    QVERIFY(w);
    const QStringList expected{
        u"/images/posts/20250602-3fa91c2e.jpg | 封面圖 |  | Found"_s,
        u"/images/posts/20250602-8c41d7a0.jpg |  | 無塵室的空調與排氣系統必須全年無休 | Found"_s,
        u"/images/posts/20250602-5e07b9d3.jpg |  | 輸電線路是電網最容易被忽略的環節 | Found"_s,
        u"/images/posts/20250602-d2a6f418.jpg |  | 冰水主機與廢熱回收是節能改造的重點 | Found"_s,
    };
    QTRY_COMPARE_WITH_TIMEOUT(rows(w->imagesPanel()), expected, kTimeout);
    // Lines are the editor's: the body starts at file line 11 (after the closing "---"), so
    // the image on file line 28 is on body line 18.
    QCOMPARE(w->imagesPanel()->images().at(1).line, 28 - 11 + 1);
    // Thumbnails decode off the UI thread and arrive as row icons.
    QTRY_VERIFY_WITH_TIMEOUT(!w->imagesPanel()->view()->topLevelItem(3)->icon(ImagesPanel::NumberColumn).isNull(), kTimeout);
}

void TestImagesPanel::captionEditChangesOnlyThoseBytesAndUndoes()
{
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    const QString before = body(*w);

    // Edit the second image's caption in the list, as the writer does (the cell's editor).
    QTreeWidgetItem *row = panel->view()->topLevelItem(1);
    row->setText(ImagesPanel::CaptionColumn, u"無塵室的空調系統*全年*運轉"_s);
    const QString after = body(*w);
    const QString oldCaption = u"無塵室的空調與排氣系統必須全年無休"_s;
    const qsizetype at = before.indexOf(oldCaption);
    QVERIFY(at > 0);
    QCOMPARE(after, QString(before.left(at) + u"無塵室的空調系統*全年*運轉"_s + before.mid(at + oldCaption.size())));
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().at(1).caption, u"無塵室的空調系統*全年*運轉"_s, kTimeout);

    // One undo step restores exactly the old text.
    QVERIFY(w->editor()->document()->isUndoAvailable());
    w->editor()->undo();
    QCOMPARE(body(*w), before);
    QVERIFY(!w->isModified());
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().at(1).caption, oldCaption, kTimeout);

    // The same through the field beside the list; the file saved holds only that change.
    panel->selectImage(2);
    QLineEdit *caption = panel->captionEdit();
    QCOMPARE(caption->text(), u"輸電線路是電網最容易被忽略的環節"_s);
    caption->setFocus();
    caption->selectAll();
    commitText(caption, u"輸電線路常被忽略"_s);
    QTest::keyClick(caption, Qt::Key_Return);
    QVERIFY(w->save());
    QByteArray expected = readFile(kSampleSite + kSamplePost);
    expected.replace("輸電線路是電網最容易被忽略的環節", "輸電線路常被忽略");
    QCOMPARE(readFile(dir.path() + kSamplePost), expected);
}

void TestImagesPanel::altTextIsEscapedToRenderAsTyped()
{
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();

    const QString typed = u"He said \"power\" & 'grid' [x]*y* _z_ `c` \\ <b> 「電網」，真的！（註）"_s;
    panel->selectImage(0);
    QLineEdit *alt = panel->altEdit();
    alt->setFocus();
    alt->selectAll();
    commitText(alt, typed);
    QCOMPARE(alt->text(), typed);
    QTest::keyClick(alt, Qt::Key_Return);
    QVERIFY2(body(*w).startsWith(u"\n![He said"_s), qPrintable(body(*w).left(120)));
    QVERIFY(!body(*w).contains(typed)); // not pasted raw: as raw Markdown it would not render as typed

    // The preview's DOM has exactly what was typed, curly-quote free and without markup.
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(previewImages(*w).section(u'\n', 0, 0),
                              u"/images/posts/20250602-3fa91c2e.jpg|"_s + typed + u"|loaded"_s, kTimeout);
    // And the panel reads it back the same.
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().at(0).alt, typed, kTimeout);
}

void TestImagesPanel::mergedCaptionIsFlaggedAndFixed()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(kSampleSite, dir.path()));
    const QString path = dir.path() + u"/content/posts/merged.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: Merged\n---\n\nIntro.\n\n"
                            "![Cooling towers](/images/posts/20250602-8c41d7a0.jpg)\n"
                            "冷卻水塔\n\nMore text.\n"));
    auto w = openWithPanel(path);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().size(), 1, kTimeout);
    QVERIFY(panel->images().at(0).mergedCaption);
    QCOMPARE(panel->images().at(0).caption, u"冷卻水塔"_s);
    QVERIFY(rows(panel).at(0).contains(u"Caption merged"_s));
    // The Problems panel has it too, at the caption's file line (8), with the code to act on.
    auto mergedProblems = [&] {
        QStringList out;
        for (const Diagnostic &d : w->problemsPanel()->problems()) {
            if (d.code == u"merged-caption"_s)
                out << u"%1:%2 %3"_s.arg(d.line).arg(d.column).arg(d.subject);
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(mergedProblems(), QStringList{u"8:1 /images/posts/20250602-8c41d7a0.jpg"_s}, kTimeout);
    // Hugo puts both in one paragraph; so does the preview.
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    auto merged = test::runJs(w->preview()->page(), u"document.querySelector('#content img').parentElement.textContent.trim()"_s);
    QVERIFY(merged);
    QCOMPARE(merged->toString(), u"冷卻水塔"_s);

    panel->selectImage(0);
    QVERIFY(panel->findChild<QLabel *>(u"mergedCaptionWarning"_s)->isVisibleTo(panel));
    QPushButton *fix = panel->fixCaptionButton();
    QVERIFY(fix->isVisibleTo(panel));
    const QString before = body(*w);
    fix->click();
    QCOMPARE(body(*w), QString(before).replace(u"jpg)\n冷卻水塔"_s, u"jpg)\n\n冷卻水塔"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->images().isEmpty() && !panel->images().at(0).mergedCaption, kTimeout);
    QCOMPARE(panel->images().at(0).captionSource, PostImage::CaptionSource::Paragraph);
    QVERIFY(!fix->isVisibleTo(panel));
    QTRY_COMPARE_WITH_TIMEOUT(mergedProblems(), QStringList(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    auto separate = test::runJs(w->preview()->page(), u"document.querySelector('#content img').parentElement.textContent.trim()"_s);
    QVERIFY(separate);
    QCOMPARE(separate->toString(), QString());
    w->editor()->undo();
    QCOMPARE(body(*w), before);
}

void TestImagesPanel::droppedPngIsCopiedAndShown()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(kSampleSite, dir.path()));
    const QString path = dir.path() + u"/content/posts/drop.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: Drop\ndate: 2025-07-04T10:00:00+08:00\n---\n\nFirst paragraph.\nSecond line.\n"));
    auto w = openWithPanel(path);
    QVERIFY(w);
    const QString png = dir.path() + u"/Screenshot 1.png"_s;
    const QByteArray bytes = pngBytes(qRgb(200, 40, 40));
    QVERIFY(writeFile(png, bytes));

    // A real drop on the editor's viewport, at the end of the first line.
    MarkdownEditor *editor = w->editor();
    QTextCursor end(editor->document()->findBlockByNumber(1)); // "First paragraph."
    end.movePosition(QTextCursor::EndOfBlock);
    const QPoint at = editor->cursorRect(end).center();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(png)});
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor->viewport(), &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor->viewport(), &drop);

    // Copied into static under the sample site's pattern, byte for byte; the original stays.
    QDir images(dir.path() + u"/static/images/posts"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!images.entryList({u"20250704-*.png"_s}).isEmpty(), kTimeout);
    const QStringList copies = images.entryList({u"20250704-*.png"_s});
    QCOMPARE(copies.size(), 1);
    QVERIFY(QRegularExpression(u"^20250704-[0-9a-f]{8}\\.png$"_s).match(copies.constFirst()).hasMatch());
    QCOMPARE(readFile(images.filePath(copies.constFirst())), bytes);
    QCOMPARE(readFile(png), bytes);
    const QString url = u"/images/posts/"_s + copies.constFirst();

    // The Markdown is its own paragraph with an empty caption line, where the cursor waits;
    // the text after the drop point moved below it.
    QTRY_VERIFY_WITH_TIMEOUT(body(*w).contains(url), kTimeout);
    QCOMPARE(body(*w), u"\nFirst paragraph.\n\n![](%1)\n\n\n\nSecond line.\n"_s.arg(url));
    QCOMPARE(editor->textCursor().block().text(), QString());
    QCOMPARE(editor->textCursor().block().previous().previous().text(), u"![](%1)"_s.arg(url));
    commitText(editor, u"紅色方塊"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!w->imagesPanel()->images().isEmpty()
                                 && w->imagesPanel()->images().constFirst().caption == u"紅色方塊"_s, kTimeout);

    // The preview shows the copied file, loaded from the site.
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(previewImages(*w), url + u"||loaded"_s, kTimeout);

    // A different image under the same file name gets a file of its own; the first copy is
    // not overwritten.
    QVERIFY(writeFile(png, pngBytes(qRgb(40, 200, 40))));
    QApplication::sendEvent(editor->viewport(), &enter);
    QApplication::sendEvent(editor->viewport(), &move);
    QDropEvent again(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor->viewport(), &again);
    QTRY_COMPARE_WITH_TIMEOUT(images.entryList({u"20250704-*.png"_s}).size(), 2, kTimeout);
    QCOMPARE(readFile(images.filePath(copies.constFirst())), bytes);
}

void TestImagesPanel::pastedImageIsCopiedAndLinked()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(kSampleSite, dir.path()));
    const QString path = dir.path() + u"/content/posts/paste.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: Paste\ndate: 2025-08-01\n---\n\n"));
    auto w = openWithPanel(path);
    QVERIFY(w);
    QImage image(24, 24, QImage::Format_RGB32);
    image.fill(qRgb(10, 20, 200));
    auto *mime = new QMimeData;
    mime->setImageData(image);
    QApplication::clipboard()->setMimeData(mime);
    if (!QApplication::clipboard()->mimeData() || !QApplication::clipboard()->mimeData()->hasImage())
        QSKIP("This platform's clipboard does not hold images in the test process.");
    MarkdownEditor *editor = w->editor();
    editor->moveCursor(QTextCursor::End);
    editor->paste();
    QTRY_VERIFY_WITH_TIMEOUT(body(*w).contains(u"![](/images/posts/20250801-"_s), kTimeout);
    QDir images(dir.path() + u"/static/images/posts"_s);
    const QStringList copies = images.entryList({u"20250801-*.png"_s});
    QCOMPARE(copies.size(), 1);
    QImage copied;
    QVERIFY(copied.load(images.filePath(copies.constFirst())));
    QCOMPARE(copied.size(), QSize(24, 24));
    QCOMPARE(copied.pixel(5, 5), qRgb(10, 20, 200));
    QTRY_COMPARE_WITH_TIMEOUT(previewImages(*w), u"/images/posts/"_s + copies.constFirst() + u"||loaded"_s, kTimeout);
}

void TestImagesPanel::missingImageIsRelinked()
{
    QTemporaryDir dir;
    QVERIFY(test::copyTree(kSampleSite, dir.path()));
    const QString path = dir.path() + u"/content/posts/missing.md"_s;
    QVERIFY(writeFile(path, "---\ntitle: Missing\ndate: 2025-06-02\n---\n\n"
                            "![電塔](/images/posts/old-name.jpg)\n\n高壓電塔\n"));
    auto w = openWithPanel(path);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTRY_COMPARE_WITH_TIMEOUT(rows(panel), QStringList{u"/images/posts/old-name.jpg | 電塔 | 高壓電塔 | Missing"_s}, kTimeout);
    auto missingProblems = [&] {
        int n = 0;
        for (const Diagnostic &d : w->problemsPanel()->problems())
            n += d.code == u"missing-image"_s ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(missingProblems(), 1, kTimeout);
    QCOMPARE(w->problemsPanel()->problems().constFirst().line, 6);
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(previewImages(*w), u"missing|/images/posts/old-name.jpg"_s, kTimeout);
    panel->selectImage(0);
    QVERIFY(panel->relinkButton()->isDefault());

    // A file already in static is linked where it is.
    QVERIFY(w->relinkImage(panel->images().constFirst(), dir.path() + u"/static/images/posts/20250602-5e07b9d3.jpg"_s));
    QCOMPARE(body(*w), u"\n![電塔](/images/posts/20250602-5e07b9d3.jpg)\n\n高壓電塔\n"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rows(panel), QStringList{u"/images/posts/20250602-5e07b9d3.jpg | 電塔 | 高壓電塔 | Found"_s}, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(missingProblems(), 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(previewImages(*w), u"/images/posts/20250602-5e07b9d3.jpg|電塔|loaded"_s, kTimeout);

    // Undo brings the broken link back (one step); a file from outside the site is copied in.
    w->editor()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(missingProblems(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().constFirst().status, PostImage::Status::Missing, kTimeout);
    QTemporaryDir elsewhere;
    const QString photo = elsewhere.path() + u"/tower.png"_s;
    QVERIFY(writeFile(photo, pngBytes(qRgb(1, 2, 3))));
    // A file that cannot be read: a message, and the text stays as it is.
    const QString before = body(*w);
    QVERIFY(w->relinkImage(panel->images().constFirst(), elsewhere.path() + u"/gone.png"_s));
    QTRY_VERIFY_WITH_TIMEOUT(w->statusBar()->currentMessage().contains(u"gone.png"_s), kTimeout);
    QCOMPARE(body(*w), before);
    // The copy runs on a worker: the text changes only once it is done, back on the UI thread.
    QVERIFY(w->relinkImage(panel->images().constFirst(), photo));
    QCOMPARE(body(*w), before);
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().constFirst().status, PostImage::Status::Found, kTimeout);
    const QString url = panel->images().constFirst().url;
    QVERIFY2(url.startsWith(u"/images/posts/20250602-"_s) && url.endsWith(u".png"_s), qPrintable(url));
    QCOMPARE(readFile(dir.path() + u"/static"_s + url), readFile(photo));
    QTRY_COMPARE_WITH_TIMEOUT(missingProblems(), 0, kTimeout);
}

// Whether most of `image` is mostly `channel` (Qt::red or Qt::blue): a one-colour thumbnail
// fills its icon, a placeholder is transparent around a small sign.
static bool mostly(const QImage &image, Qt::GlobalColor channel)
{
    qsizetype hits = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int own = channel == Qt::red ? c.red() : c.blue();
            const int other = channel == Qt::red ? c.blue() : c.red();
            hits += c.alpha() > 200 && own > 200 && other < 60 ? 1 : 0;
        }
    }
    return hits * 2 > qsizetype(image.width()) * image.height();
}

// Row `row`'s icon: its thumbnail once decoded, else a placeholder.
static QImage rowIcon(const ImagesPanel *panel, int row)
{
    return panel->view()->topLevelItem(row)->icon(ImagesPanel::NumberColumn).pixmap(QSize(64, 48)).toImage();
}

void TestImagesPanel::fetchesOnlyWhatThePreviewWouldLoad()
{
    // A PNG on disk linked as a file: URL, which the preview refuses (issue #21), before an
    // http image on a loopback server, which the online preview loads. Blue and red.
    QTemporaryDir dir;
    const QString secret = dir.path() + u"/secret.png"_s;
    QVERIFY(writeFile(secret, pngBytes(qRgb(0x20, 0x40, 0xe0))));
    test::LoopbackServer server(qRgb(0xe0, 0x20, 0x20));
    QVERIFY(server.isListening());
    const QString post = dir.path() + u"/post.md"_s;
    QVERIFY(writeFile(post, u"---\ntitle: T\n---\n\n![secret](%1)\n\n![remote](%2)\n"_s
                                .arg(QUrl::fromLocalFile(secret).toString(), server.url(u"/ok.png"_s)).toUtf8()));
    auto w = openWithPanel(post);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->images().size(), 2, kTimeout);
    QCOMPARE(panel->images().at(0).status, PostImage::Status::Remote); // not local: no site path

    // The http thumbnail arrives; the file: one, asked for first, never does: the panel did
    // not read the file (it has no other way to show blue).
    QTRY_VERIFY_WITH_TIMEOUT(mostly(rowIcon(panel, 1), Qt::red), kTimeout);
    QCOMPARE(server.paths(), QStringList{u"/ok.png"_s});
    QVERIFY(!rowIcon(panel, 0).isNull());
    QVERIFY(!mostly(rowIcon(panel, 0), Qt::blue));
    panel->selectImage(0);
    const QLabel *large = panel->findChild<QLabel *>(u"imageThumbnail"_s);
    QVERIFY(large);
    QVERIFY(!mostly(large->pixmap().toImage(), Qt::blue));
}

void TestImagesPanel::selectingARowShowsTheImage()
{
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);

    // Row → editor and preview: the cursor on the image's line, the image outlined in view.
    panel->view()->setFocus();
    panel->selectImage(3);
    QCOMPARE(w->editor()->textCursor().block().text(), u"![](/images/posts/20250602-d2a6f418.jpg)"_s);
    const QString selected = u"(() => { const s = document.querySelectorAll('.fm-selected-image');"
                             " if (s.length !== 1) return 'count ' + s.length;"
                             " const r = s[0].getBoundingClientRect();"
                             " return s[0].getAttribute('src') + (r.bottom > 0 && r.top < innerHeight ? ' visible' : ' hidden'); })()"_s;
    QTRY_COMPARE_WITH_TIMEOUT(test::runJs(w->preview()->page(), selected).value_or(QVariant()).toString(),
                              u"/images/posts/20250602-d2a6f418.jpg visible"_s, kTimeout);

    // Editor → row: the cursor moving onto an image selects its row.
    w->editor()->goToLine(18); // the second image's line in the body
    QCOMPARE(w->editor()->textCursor().block().text(), u"![](/images/posts/20250602-8c41d7a0.jpg)"_s);
    QCOMPARE(panel->currentRow(), 1);

    // Preview → row: clicking the first image selects its row and moves the editor there.
    QTRY_VERIFY_WITH_TIMEOUT(test::runJs(w->preview()->page(),
                                         u"document.querySelectorAll('#content img')[0].click(), true"_s).has_value(), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentRow(), 0, kTimeout);
    QCOMPARE(w->editor()->textCursor().block().text(), u"![封面圖](/images/posts/20250602-3fa91c2e.jpg)"_s);
}

void TestImagesPanel::languageChangeRetranslatesAndKeepsTheTyping()
{
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTreeWidget *view = panel->view();
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);

    // The second image (no alt text, a caption paragraph), with alt text typed but not committed.
    panel->selectImage(1);
    QLineEdit *alt = panel->altEdit();
    QLineEdit *caption = panel->captionEdit();
    alt->setFocus();
    commitText(alt, u"空調"_s);
    QCOMPARE(alt->text(), u"空調"_s);
    QVERIFY(alt->isModified());
    auto *where = panel->findChild<QLabel *>(u"imageWhere"_s);
    const int line = panel->images().at(1).line;
    QCOMPARE(view->headerItem()->text(ImagesPanel::PathColumn), u"Image"_s);
    QCOMPARE(statusColumn(panel), QStringList(4, u"✓ Found"_s));
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::AltColumn), u"No alt text"_s);
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::CaptionColumn), u"The paragraph under the image."_s);
    QCOMPARE(labelFor(panel, alt), u"&Alt text:"_s);
    QCOMPARE(panel->convertButton()->text(), u"Convert to Figure Shortcode"_s);
    QVERIFY(where->text().contains(u"Line %1"_s.arg(line)));

    const QString bodyBefore = body(*w);
    const QStringList dataBefore = rowData(panel);
    const bool modifiedBefore = w->isModified();
    const int undoSteps = w->editor()->document()->availableUndoSteps();
    const QString captionBefore = caption->text();
    const int scroll = view->verticalScrollBar()->value();
    PanelSpies spies(panel);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));

    // Every word of the panel in Chinese: headers, status words, tooltips, details, buttons.
    QVERIFY(panelText("Image") != u"Image"_s);
    const QStringList headers{panelText("#"), panelText("Image"), panelText("Alt text"), panelText("Caption"),
                              panelText("Status")};
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(view->headerItem()->text(column), headers.at(column));
    QVERIFY(panelText("Found") != u"Found"_s);
    QCOMPARE(statusColumn(panel), QStringList(4, u"✓ "_s + panelText("Found")));
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::AltColumn), panelText("No alt text"));
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::CaptionColumn), panelText("The paragraph under the image."));
    QCOMPARE(view->accessibleName(), panelText("Images in this post"));
    QCOMPARE(labelFor(panel, alt), panelText("&Alt text:"));
    QCOMPARE(labelFor(panel, caption), panelText("&Caption:"));
    QCOMPARE(alt->placeholderText(), panelText("Describe the image for readers who cannot see it"));
    QCOMPARE(caption->placeholderText(), panelText("Caption shown under the image (Markdown)"));
    QVERIFY(where->text().contains(panelText("Line %1").arg(line)));
    QCOMPARE(panel->convertButton()->text(), panelText("Convert to Figure Shortcode"));
    QCOMPARE(panel->convertButton()->toolTip(), panelText("Write this image and its caption as {{< figure >}}"));
    QCOMPARE(panel->relinkButton()->text(), panelText("Relink…"));
    QCOMPARE(panel->relinkButton()->toolTip(), panelText("Choose the image file this image should show"));
    QCOMPARE(panel->fixCaptionButton()->text(), panelText("Add a Blank Line"));
    QCOMPARE(panel->findChild<QLabel *>(u"mergedCaptionWarning"_s)->text(),
             panelText("⚠ The caption sits directly under the image, so Hugo puts both in one paragraph."));

    // Nothing of the writer's moved: the rows, the selection, the typing (still uncommitted),
    // the post; and the panel asked for nothing.
    auto unchanged = [&] {
        QCOMPARE(rowData(panel), dataBefore);
        QCOMPARE(view->topLevelItemCount(), 4);
        QCOMPARE(panel->currentRow(), 1);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
        QCOMPARE(alt->text(), u"空調"_s);
        QVERIFY(alt->isModified());
        QVERIFY(alt->hasFocus());
        QCOMPARE(caption->text(), captionBefore);
        QVERIFY(!caption->isModified());
        QCOMPARE(body(*w), bodyBefore);
        QCOMPARE(w->isModified(), modifiedBefore);
        QCOMPARE(w->editor()->document()->availableUndoSteps(), undoSteps);
        QCOMPARE(spies.total(), 0);
    };
    unchanged();
    if (QTest::currentTestFailed())
        return;
    // The window checks and renders again in the new language; the rows it sends keep all that.
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    unchanged();
    if (QTest::currentTestFailed())
        return;

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(view->headerItem()->text(ImagesPanel::PathColumn), u"Image"_s);
    QCOMPARE(statusColumn(panel), QStringList(4, u"✓ Found"_s));
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::AltColumn), u"No alt text"_s);
    QCOMPARE(labelFor(panel, alt), u"&Alt text:"_s);
    QCOMPARE(alt->placeholderText(), u"Describe the image for readers who cannot see it"_s);
    QCOMPARE(panel->relinkButton()->text(), u"Relink…"_s);
    QVERIFY(where->text().contains(u"Line %1"_s.arg(line)));
    unchanged();
    if (QTest::currentTestFailed())
        return;

    // The typing survived both changes: committing it now writes it into that image.
    QTest::keyClick(alt, Qt::Key_Return);
    QCOMPARE(spies.alt.size(), 1);
    QCOMPARE(spies.alt.at(0).at(1).toString(), u"空調"_s);
    QVERIFY2(body(*w).contains(u"![空調](/images/posts/20250602-8c41d7a0.jpg)"_s), qPrintable(body(*w)));
    view->setFocus();
}

void TestImagesPanel::languageChangeLeavesACellBeingEditedAlone()
{
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    ImagesPanel *panel = w->imagesPanel();
    QTreeWidget *view = panel->view();
    QTRY_VERIFY_WITH_TIMEOUT(previewCaughtUp(*w), kTimeout);
    QVERIFY(QTest::qWaitForWindowActive(w.get()));

    // No row selected: the note says how to pick one.
    view->setFocus();
    view->setCurrentItem(nullptr);
    auto *note = panel->findChild<QLabel *>(u"imagesEmptyNote"_s);
    QCOMPARE(note->text(), u"Select an image to edit its alt text and caption."_s);

    // The third image's caption being typed over in its cell, not committed.
    QTreeWidgetItem *item = view->topLevelItem(2);
    const QString oldCaption = item->text(ImagesPanel::CaptionColumn);
    QCOMPARE(item->toolTip(ImagesPanel::CaptionColumn), u"The paragraph under the image."_s);
    view->editItem(item, ImagesPanel::CaptionColumn);
    QPointer<QLineEdit> editor = qobject_cast<QLineEdit *>(view->itemWidget(item, ImagesPanel::CaptionColumn));
    QVERIFY(editor);
    editor->setFocus();
    editor->end(false);
    commitText(editor, u"（草稿）"_s);
    const QString typed = editor->text();
    QCOMPARE(typed, oldCaption + u"（草稿）"_s);
    const QString bodyBefore = body(*w);
    PanelSpies spies(panel);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    QVERIFY(panelText("Select an image to edit its alt text and caption.")
            != u"Select an image to edit its alt text and caption."_s);
    QCOMPARE(note->text(), panelText("Select an image to edit its alt text and caption."));
    QCOMPARE(statusColumn(panel), QStringList(4, u"✓ "_s + panelText("Found")));
    QCOMPARE(view->topLevelItem(1)->toolTip(ImagesPanel::CaptionColumn), panelText("The paragraph under the image."));
    // The cell's editor still holds the typing; the cell's own words wait until it closes (a
    // change to any of its data would put the model's text back into the editor).
    QCOMPARE(view->itemWidget(item, ImagesPanel::CaptionColumn), static_cast<QWidget *>(editor.data()));
    QCOMPARE(editor->text(), typed);
    QCOMPARE(item->toolTip(ImagesPanel::CaptionColumn), u"The paragraph under the image."_s);
    QCOMPARE(item->text(ImagesPanel::CaptionColumn), oldCaption);
    QCOMPARE(panel->currentRow(), -1);
    QCOMPARE(body(*w), bodyBefore);
    QCOMPARE(spies.total(), 0);

    // Escape drops the typing, as always; then the cell's tooltip is in Chinese too.
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(!view->itemWidget(item, ImagesPanel::CaptionColumn));
    QCOMPARE(item->toolTip(ImagesPanel::CaptionColumn), panelText("The paragraph under the image."));
    QCOMPARE(item->text(ImagesPanel::CaptionColumn), oldCaption);
    QCOMPARE(body(*w), bodyBefore);
    QCOMPARE(spies.total(), 0);

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(note->text(), u"Select an image to edit its alt text and caption."_s);
    QCOMPARE(statusColumn(panel), QStringList(4, u"✓ Found"_s));
    QCOMPARE(item->toolTip(ImagesPanel::CaptionColumn), u"The paragraph under the image."_s);
    QCOMPARE(panel->currentRow(), -1);
    QCOMPARE(spies.total(), 0);
}

void TestImagesPanel::windowGoesWithTypingUncommitted()
{
    // Closing a window while a caption is typed but not committed: destroying the focused
    // field commits it, and that must not reach the window being destroyed (a Debug build
    // aborts on a signal into a half-destroyed object).
    QTemporaryDir dir;
    auto w = openSampleWithPanel(dir);
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    ImagesPanel *panel = w->imagesPanel();
    panel->selectImage(1);
    panel->captionEdit()->setFocus();
    QTRY_VERIFY(panel->captionEdit()->hasFocus());
    commitText(panel->captionEdit(), u"未送出的圖說"_s);
    QVERIFY(panel->captionEdit()->isModified());
    QPointer<ImagesPanel> alive(panel);
    w.reset();
    QVERIFY(alive.isNull());
}

QTEST_MAIN(TestImagesPanel)
#include "tst_imagespanel.moc"
