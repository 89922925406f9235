// SPDX-License-Identifier: GPL-3.0-or-later
// bench_editor: drives the real editor window and measures what a writer feels while typing
// (issue #4): keystroke-to-preview-applied latency (the page confirms the DOM patch of the
// revision that holds the key) and the longest time the UI thread was blocked.
//
//   bench_editor [--keys N] [--interval MS] [--offline|--live] [POST.md ...]
//
// Without posts it measures the sample post and a 2 MB post made of the sample body repeated
// (written into a copy of the sample site, so its images resolve). Keys are sent as real key
// events to the editor at the end of the document, one every --interval ms (default 100 ms,
// a fast typist; 30 ms is a stress burst). UI-thread blocking is measured two ways: the time
// each key event took to handle (the editor, highlighter and render request all run inside
// it), and the largest gap between ticks of a 1 ms timer while typing (everything else the UI
// thread did: applying results, WebChannel traffic, painting).

#include "../gui/previewtestutil.h"
#include "editor/markdowneditor.h"
#include "benchutil.h"
#include "mainwindow.h"
#include "publish/recovery.h"
#include "rawplaintext.h"
#include "preview/previewscheme.h"
#include "preview/previewwidget.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

struct Figures {
    std::vector<double> latencyMs;   // per key: key sent → page applied a revision containing it
    std::vector<double> handleMs;    // per key: time inside the key event
    double maxGapMs = 0;             // longest UI-thread stall seen by the 1 ms ticker
    double catchUpMs = 0;            // the last key's latency: the lag once typing stops
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
    return v[i];
}

// Runs the event loop until `done` holds. Not QTest::qWaitFor: it sleeps 10 ms between event
// batches, and WebEngine's UI-thread tasks then crawl (a page load takes seconds instead of
// a fraction of one).
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    if (!done())
        loop.exec();
    return done() && clock.elapsed() <= timeoutMs;
}

bool waitCaughtUp(MainWindow &w, int timeoutMs = 120000)
{
    return spinUntil([&] { return w.preview()->appliedRevision() >= w.requestedRevision(); }, timeoutMs);
}

Figures typeInto(MainWindow &w, int keys, int intervalMs)
{
    Figures f;
    MarkdownEditor *editor = w.editor();
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClick(editor, Qt::Key_Return);
    if (!waitCaughtUp(w))
        qFatal("preview did not catch up");

    QElapsedTimer clock;
    clock.start();
    struct Pending { quint64 revision; qint64 sentNs; };
    std::vector<Pending> pending;
    auto conn = QObject::connect(w.preview(), &PreviewWidget::revisionApplied, [&](quint64 rev) {
        const qint64 now = clock.nsecsElapsed();
        auto it = pending.begin();
        while (it != pending.end() && it->revision <= rev) {
            f.latencyMs.push_back(double(now - it->sentNs) / 1e6);
            ++it;
        }
        pending.erase(pending.begin(), it);
    });

    qint64 lastTick = -1;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0)
            f.maxGapMs = std::max(f.maxGapMs, double(now - lastTick) / 1e6 - 1.0);
        lastTick = now;
    });
    ticker.start();

    static const QString text = u"the preview follows every key without a stutter "_s;
    for (int i = 0; i < keys; ++i) {
        const QChar c = text.at(i % text.size());
        const qint64 sent = clock.nsecsElapsed();
        QTest::keyClick(editor, c.toLatin1());
        const qint64 handled = clock.nsecsElapsed();
        f.handleMs.push_back(double(handled - sent) / 1e6);
        pending.push_back({w.requestedRevision(), sent});
        lastTick = handled; // the key event itself is counted in handleMs, not as a gap
        const qint64 next = sent + qint64(intervalMs) * 1000000;
        spinUntil([&] { return clock.nsecsElapsed() >= next; });
    }
    if (!spinUntil([&] { return pending.empty(); }))
        std::fprintf(stderr, "preview did not catch up within 120 s\n");
    // The last key's latency is how long the preview lagged once the writer stopped.
    f.catchUpMs = f.latencyMs.empty() ? 0 : f.latencyMs.back();
    ticker.stop();
    QObject::disconnect(conn);
    return f;
}

void report(const char *label, qint64 bytes, double openMs, const Figures &f)
{
    if (qEnvironmentVariableIsSet("BENCH_EDITOR_VERBOSE")) {
        QStringList each;
        for (double ms : f.latencyMs)
            each.append(QString::number(ms, 'f', 1));
        std::printf("key→preview per key (ms): %s\n", qPrintable(each.join(u' ')));
    }
    std::printf("%-24s %8.1f KB  open→preview %7.0f ms | key→preview median %6.1f ms  p95 %6.1f ms  max %6.1f ms"
                " | key handling median %5.2f ms  max %5.2f ms | longest other UI stall %5.1f ms | last key %6.1f ms\n",
                label, double(bytes) / 1024.0, openMs, percentile(f.latencyMs, 0.5), percentile(f.latencyMs, 0.95),
                percentile(f.latencyMs, 1.0), percentile(f.handleMs, 0.5), percentile(f.handleMs, 1.0), f.maxGapMs,
                f.catchUpMs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    test::prepareWebEngineApp();
    QApplication app(argc, argv);

    int keys = 60;
    int interval = 100;
    bool offline = true;
    QStringList posts;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == u"--keys" && i + 1 < args.size())
            keys = args[++i].toInt();
        else if (args[i] == u"--interval" && i + 1 < args.size())
            interval = args[++i].toInt();
        else if (args[i] == u"--live")
            offline = false;
        else if (args[i] == u"--offline")
            offline = true;
        else
            posts.append(args[i]);
    }

    QTemporaryDir dir;
    if (posts.isEmpty()) {
        const QString site = dir.path() + u"/site"_s;
        if (!test::copyTree(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s, site))
            qFatal("cannot copy the sample site");
        const QString sample = site + u"/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
        QFile in(sample);
        if (!in.open(QIODevice::ReadOnly))
            qFatal("cannot read the sample post");
        const QByteArray all = in.readAll();
        const qsizetype bodyStart = all.indexOf("\n---\n", 4) + 5;
        QByteArray big = all;
        while (big.size() < 2 * 1024 * 1024)
            big += "\n" + all.mid(bodyStart);
        QFile out(site + u"/content/posts/big.md"_s);
        if (!out.open(QIODevice::WriteOnly) || out.write(big) != big.size())
            qFatal("cannot write the 2 MB post");
        out.close();
        posts = {sample, out.fileName()};
    }

    // Spell checking is on, as in the app by default (BENCH_NO_SPELLCHECK=1 to compare without it).
    const bool spellCheck = !qEnvironmentVariableIsSet("BENCH_NO_SPELLCHECK");
    std::printf("frontmark bench_editor: %d keys, one every %d ms, %s preview, window 1400x900%s%s\n\n", keys, interval,
                offline ? "offline" : "live", qEnvironmentVariableIsSet("BENCH_IMAGES_PANEL") ? ", images panel shown" : "",
                spellCheck ? ", spell check on" : ", spell check off");
    QTemporaryDir recoveryDir;
    RecoveryStore recovery(recoveryDir.path());
    if (!recovery.open().ok())
        qFatal("cannot open a recovery store");
    for (const QString &path : posts) {
        MainWindow w;
        // Autosave on, as in the app (BENCH_NO_AUTOSAVE=1 to compare without it).
        if (!qEnvironmentVariableIsSet("BENCH_NO_AUTOSAVE"))
            w.setRecoveryStore(&recovery);
        w.setOfflinePreview(offline);
        w.editor()->setSpellCheckEnabled(spellCheck);
        // The images panel lists images after each pause (BENCH_IMAGES_PANEL=1 to type with it shown).
        if (qEnvironmentVariableIsSet("BENCH_IMAGES_PANEL"))
            w.imagesDock()->show();
        w.resize(1400, 900);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            qFatal("window not exposed");
        QElapsedTimer open;
        open.start();
        if (!w.openFile(path) || !waitCaughtUp(w))
            qFatal("cannot open %s", qPrintable(path));
        const double openMs = double(open.nsecsElapsed()) / 1e6;
        if (spellCheck) // the editor names the dictionary it checks with, or says there is none
            std::printf("  %s\n", qPrintable(w.editor()->spellCheckAction()->toolTip()));
        const Figures f = typeInto(w, keys, interval);
        report(qPrintable(QFileInfo(path).fileName().left(24)), QFileInfo(path).size(), openMs, f);
        // What an autosave costs the UI thread: capturing the editor's text (joining and
        // encoding the bytes, and writing them, run on the autosaver's worker); for scale,
        // building the whole file's bytes on the UI thread, as a save does.
        std::printf("%-24s autosave capture on the UI thread: median %.2f ms (whole file's bytes: %.2f ms)\n\n",
                    qPrintable(QFileInfo(path).fileName().left(24)),
                    frontmark::bench::medianMs(9, [&] { (void)rawPlainText(w.editor()->document()); }),
                    frontmark::bench::medianMs(9, [&] { (void)w.currentBytes(); }));
        w.editor()->document()->setModified(false); // no "save changes?" on close
        w.close();
    }
    return 0;
}
