// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "offlinemode.h"
#include "preview/previewscheme.h"
#include "preview/previewwidget.h"
#include "publish/recovery.h"
#include "recovery/recoverydialog.h"
#include "startup.h"
#include "translations.h"
#include "uilog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <memory>

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
        // Let images decode and the compositor present the frame (docs/testing.md, "GUI tests without a display").
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

// Copies the recovery dialog restored: they are discarded once their text is safe again,
// saved by its window or at a clean quit (by then the writer saved or discarded every
// change). Until then a second crash offers them again, next to the new session's copies.
struct RestoredCopies {
    QList<frontmark::RecoveryEntry> pending;
    QList<QPointer<frontmark::MainWindow>> extraWindows; // deleted before the store goes
};

// Offers the copies a crashed or killed session left behind, once the first window shows
// its post: the first restored copy goes into that window, each further one into a new one.
static void offerRecovery(frontmark::MainWindow *first, frontmark::RecoveryStore *store, RestoredCopies *restored)
{
    using namespace frontmark;
    const QList<RecoveryEntry> orphans = RecoveryStore::orphaned(store->rootDir());
    if (orphans.isEmpty())
        return;
    auto *dialog = new RecoveryDialog(orphans, first);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, first, [dialog, first, store, restored] {
        const QList<RecoveryEntry> entries = dialog->toRestore();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const RecoveryEntry &entry = entries.at(i);
            MainWindow *window = first;
            if (i > 0) {
                window = new MainWindow;
                window->setAttribute(Qt::WA_DeleteOnClose);
                if (store->isOpen())
                    window->setRecoveryStore(store);
                restored->extraWindows.append(window);
                window->show();
            }
            window->restoreRecovered(entry);
            // A copy the window could not take (it showed why) stays for the next start.
            if (window->currentBytes() != entry.bytes)
                continue;
            restored->pending.append(entry);
            QObject::connect(window, &MainWindow::fileSaved, qApp, [entry, restored] {
                const qsizetype before = restored->pending.size();
                restored->pending.removeIf([&entry](const RecoveryEntry &e) {
                    return e.sessionDir == entry.sessionDir && e.id == entry.id;
                });
                if (restored->pending.size() != before)
                    RecoveryStore::discard(entry);
            });
        }
    });
    dialog->open();
}

int main(int argc, char *argv[])
{
    frontmark::registerPreviewScheme(); // before QApplication (docs/decisions.md, "Qt WebEngine housekeeping")
    chooseSceneGraphBackend(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Frontmark"_s);
    QApplication::setOrganizationName(u"Frontmark"_s);
    QApplication::setApplicationVersion(QStringLiteral(FRONTMARK_VERSION));
    QApplication::setDesktopFileName(u"org.frontmark.Frontmark"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/org.frontmark.Frontmark.svg"_s));
    // Before the first widget and the --help text: ui/language, else the system's languages.
    frontmark::installTranslators(app, frontmark::preferredUiLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Markdown editor for Hugo posts"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"files"_s, QApplication::translate("main", "The posts to open (each in its own window)."),
                                 u"[files…]"_s);
    QCommandLineOption screenshot(u"screenshot"_s,
                                  QApplication::translate("main", "Save a picture of the window once the preview is ready, then quit."),
                                  u"png"_s);
    QCommandLineOption offline(u"offline"_s, QApplication::translate("main", "Start with the offline preview."));
    QCommandLineOption size(u"size"_s, QApplication::translate("main", "Window size, e.g. 1400x900."), u"WxH"_s);
    QCommandLineOption recoveryDir(u"recovery-dir"_s,
                                   QApplication::translate("main", "Keep recovery copies of unsaved posts in DIR (default: %1).")
                                       .arg(frontmark::RecoveryStore::defaultRoot()),
                                   u"DIR"_s, frontmark::RecoveryStore::defaultRoot());
    parser.addOptions({screenshot, offline, size, recoveryDir});
    parser.process(app);

    // Declared before the windows, so it outlives them (each window's autosaver uses it).
    frontmark::RecoveryStore store(parser.value(recoveryDir));
    if (const frontmark::Status opened = store.open(); !opened.ok())
        qCWarning(lcUi) << "autosave is off:" << opened.error().toString();
    RestoredCopies restored;

    // Before the first window: offline is the run's (issue #21), so every window of it (each
    // file given, each recovered post) and every later New or Open stays off the network.
    frontmark::OfflineMode::instance()->start(parser.isSet(offline));
    frontmark::MainWindow window;
    if (store.isOpen())
        window.setRecoveryStore(&store);
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
    const bool takingScreenshot = parser.isSet(screenshot);
    QTimer::singleShot(0, &window, [&window, &store, &restored, files, takingScreenshot] {
        for (frontmark::MainWindow *extra : frontmark::openPosts(&window, files, &store))
            restored.extraWindows.append(extra);
        if (!takingScreenshot)
            offerRecovery(&window, &store, &restored);
    });
    if (takingScreenshot)
        scheduleScreenshot(&window, QFileInfo(parser.value(screenshot)).absoluteFilePath());

    // A clean quit removes this session's copies. If a window still shows unsaved changes
    // (the session ended without asking), they stay and are offered at the next start.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&store, &restored] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        const bool unsaved = std::any_of(windows.cbegin(), windows.cend(), [](QWidget *w) {
            auto *editor = qobject_cast<frontmark::MainWindow *>(w);
            return editor && editor->isVisible() && editor->isModified();
        });
        if (unsaved)
            return;
        for (const frontmark::RecoveryEntry &entry : std::as_const(restored.pending))
            frontmark::RecoveryStore::discard(entry);
        restored.pending.clear();
        store.close();
    });
    const int status = QApplication::exec();
    for (const QPointer<frontmark::MainWindow> &extra : std::as_const(restored.extraWindows))
        delete extra.data();
    return status;
}
