// The window of issue #2: opens a post through the core and shows its front matter and body;
// a post whose front matter does not parse opens anyway, with a located error banner.

#include "mainwindow.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsSamplePostFrontMatterAndBody();
    void showsLocatedErrorForBrokenFrontMatter();
};

static QStringList fieldTexts(const MainWindow &w)
{
    QStringList out;
    for (const QLineEdit *e : w.findChildren<QLineEdit *>())
        out.append(e->text());
    return out;
}

void TestMainWindow::showsSamplePostFrontMatterAndBody()
{
    MainWindow w;
    const QString path = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    QVERIFY(w.openFile(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QStringList fields = fieldTexts(w);
    QVERIFY(fields.contains(u"2025-06-02T09:15:00+08:00"_s));
    QVERIFY(std::any_of(fields.begin(), fields.end(), [](const QString &s) { return s.startsWith(u"晶片之島"_s); }));
    auto *body = w.findChild<QPlainTextEdit *>(u"bodyEditor"_s);
    QVERIFY(body);
    QVERIFY(body->toPlainText().contains(u"{{< youtube"_s));
    QVERIFY(!w.findChild<QLabel *>(u"errorBanner"_s)->isVisibleTo(&w));
    QVERIFY(w.windowTitle().contains(u"2025-06-02-taiwan-chip-energy.md"_s));
}

void TestMainWindow::showsLocatedErrorForBrokenFrontMatter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.md"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("---\ntitle: \"ok\"\ntags: [a, b\n---\n正文保持可見\n");
    f.close();

    MainWindow w;
    QVERIFY(w.openFile(path)); // the post opens; only its front matter is broken
    w.show();
    auto *banner = w.findChild<QLabel *>(u"errorBanner"_s);
    QVERIFY(banner->isVisibleTo(&w));
    QVERIFY2(banner->text().contains(u"broken.md:"_s), qPrintable(banner->text()));
    QVERIFY(w.findChild<QPlainTextEdit *>(u"bodyEditor"_s)->toPlainText().contains(u"正文保持可見"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
