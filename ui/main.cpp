#include "mainwindow.h"
#include "preview/previewscheme.h"
#include "preview/previewwidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QQuickWindow>
#include <QTimer>

using namespace Qt::StringLiterals;

// --screenshot FILE: once the preview shows the post, grab the window into FILE and quit
// (the README's screenshot, and a way to look at the window under Xvfb).
static void scheduleScreenshot(frontmark::MainWindow *window, const QString &file)
{
    auto *poll = new QTimer(window);
    poll->setInterval(100);
    QObject::connect(poll, &QTimer::timeout, window, [window, file, poll] {
        if (window->requestedRevision() == 0 || window->preview()->appliedRevision() < window->requestedRevision())
            return;
        poll->stop();
        // Let images decode and the compositor present the frame (HEADLESS-QT.md section 7).
        QTimer::singleShot(1500, window, [window, file] {
            window->grab().save(file);
            QApplication::exit(0);
        });
    });
    poll->start();
}

// With Chromium's GPU disabled, WebEngine composites each frame in software and hands Qt an
// image; drawing it through OpenGL then only adds a software GL rasterizer (Mesa's llvmpipe
// under Xvfb or in a VM) to every repaint — most of the CPU a keystroke cost. Qt Quick's
// software renderer shows the same frames without it. QT_QUICK_BACKEND still wins if set.
static void chooseSceneGraphBackend(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        return;
    bool gpuDisabled = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").contains("--disable-gpu");
    for (int i = 1; i < argc; ++i)
        gpuDisabled = gpuDisabled || qstrcmp(argv[i], "--disable-gpu") == 0;
    if (gpuDisabled)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

int main(int argc, char *argv[])
{
    frontmark::registerPreviewScheme(); // before QApplication (HEADLESS-QT.md 5.1)
    chooseSceneGraphBackend(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Frontmark"_s);
    QApplication::setOrganizationName(u"Frontmark"_s);
    QApplication::setApplicationVersion(QStringLiteral(FRONTMARK_VERSION));
    QApplication::setDesktopFileName(u"org.frontmark.Frontmark"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Markdown editor for Hugo posts"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"file"_s, QApplication::translate("main", "The post to open."));
    QCommandLineOption screenshot(u"screenshot"_s,
                                  QApplication::translate("main", "Save a picture of the window once the preview is ready, then quit."),
                                  u"png"_s);
    QCommandLineOption offline(u"offline"_s, QApplication::translate("main", "Start with the offline preview."));
    QCommandLineOption size(u"size"_s, QApplication::translate("main", "Window size, e.g. 1400x900."), u"WxH"_s);
    parser.addOptions({screenshot, offline, size});
    parser.process(app);

    frontmark::MainWindow window;
    if (parser.isSet(offline))
        window.setOfflinePreview(true);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        if (wh.size() == 2)
            window.resize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    // The window first, the post right after: it maps at once, and the text follows as soon
    // as it is read (a 2 MB post takes a moment to lay out and highlight).
    window.show();
    window.activateWindow();
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        if (files.isEmpty())
            window.newPost();
        else
            window.openFile(files.constFirst());
    });
    if (parser.isSet(screenshot))
        scheduleScreenshot(&window, QFileInfo(parser.value(screenshot)).absoluteFilePath());
    return QApplication::exec();
}
