// SPDX-License-Identifier: GPL-3.0-or-later
// bench_open: opens huge posts in the real editor window and measures what a writer sees
// (issue #20): the time until the window is usable, the longest time the UI thread was
// blocked after the window showed, and the peak memory.
//
//   bench_open [--budget SECONDS] [--trace] [CASE ...]
//
// CASE is lines:MB (a post of that many MB made of the sample body repeated, many lines) or
// oneline:MB (one paragraph holding a pasted image as a `data:` URI, on a single line).
// Without cases: lines:2 lines:10 lines:30 lines:64 oneline:1 oneline:5. A "64 MB" post is
// just under PostFile::maxFileSize(), the largest post Frontmark opens.
//
// --trace also lists the longest event deliveries on the UI thread (over 16 ms) by receiver.
//
// Each case runs in a child process of its own (the same executable with --one), because a
// case that freezes the UI thread can only be stopped from outside it: a watchdog thread in
// the child prints "did not finish" with the figures so far once the budget (default 60 s) is
// spent, and exits. Figures:
// - usable: openFile() called → the editor holds the whole body and the preview has applied
//   the render of the opened revision (or shows its size notice).
// - longest UI block: the largest gap between ticks of a 1 ms timer, from just before
//   openFile() (the window is already shown) until usable plus 2 s of idling (the highlighter,
//   spell checker and images scan that run after the text is in); a block still going on when
//   the budget ends counts up to that moment.
// - peak RSS: VmHWM of the editor process, and the peak of the whole process tree (the editor
//   plus its QtWebEngineProcess children), sampled every 50 ms.

#include "../gui/previewtestutil.h"
#include "editor/markdowneditor.h"
#include "mainwindow.h"
#include "preview/previewwidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <vector>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace frontmark;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

/**
 * With --trace, times every event delivered from the top of the event loop and keeps those
 * over 16 ms with what received them, so a long UI block can be named (which object, which
 * event) without a profiler. Only the outermost delivery is timed: nested ones are inside it.
 */
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Block
    {
        double ms;
        QString what;
        double atMs; // since the open began
    };
    bool tracing = false;
    std::vector<Block> blocks;
    std::vector<Block> gaps; // gaps between the ticker's beats over 16 ms, whatever filled them
    QElapsedTimer sinceOpen;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const qint64 startNs = sinceOpen.isValid() ? sinceOpen.nsecsElapsed() : 0;
        const bool result = QApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        --m_depth;
        if (ms > 16.0) {
            QString what = QString::fromLatin1(receiver->metaObject()->className());
            if (!receiver->objectName().isEmpty())
                what += u" \""_s + receiver->objectName() + u'"';
            what += u" event "_s + QString::number(int(event->type()));
            blocks.push_back({ms, what, double(startNs) / 1e6});
        }
        return result;
    }

private:
    int m_depth = 0;
};

/// A /proc/<pid>/status field in kB ("VmHWM", "VmRSS"); 0 when absent.
qint64 statusKb(const QString &pid, const QByteArray &field)
{
    QFile f(u"/proc/"_s + pid + u"/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray all = f.readAll();
    const qsizetype at = all.indexOf(QByteArray("\n" + field + ":"));
    if (at < 0)
        return 0;
    const qsizetype end = all.indexOf('\n', at + 1);
    return all.mid(at + field.size() + 2, end - at - field.size() - 2).trimmed().split(' ').value(0).toLongLong();
}

/// Resident memory of this process and all its descendants, in kB.
qint64 treeRssKb()
{
    std::multimap<QString, QString> children; // ppid → pid
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(u"/proc/"_s + pid + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')'); // the name may hold spaces and brackets
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children.emplace(QString::fromLatin1(fields[1]), pid);
    }
    qint64 total = 0;
    QStringList todo{QString::number(::getpid())};
    while (!todo.isEmpty()) {
        const QString pid = todo.takeLast();
        total += statusKb(pid, "VmRSS"_ba);
        const auto range = children.equal_range(pid);
        for (auto it = range.first; it != range.second; ++it)
            todo.append(it->second);
    }
    return total;
}

QByteArray frontMatter(const QByteArray &title)
{
    return "---\ntitle: \"" + title + "\"\ndate: 2025-06-02T09:00:00+08:00\ndraft: true\n---\n";
}

/// Writes the post of one case into `dir` and returns its path.
QString writePost(const QString &dir, const QString &kind, qint64 megabytes)
{
    const qint64 target = std::min(megabytes * kMiB, qint64(64) * kMiB - 4096);
    QByteArray post = frontMatter(kind.toUtf8() + " " + QByteArray::number(megabytes) + " MB");
    if (kind == u"oneline") {
        // A pasted screenshot: one paragraph, one line, megabytes of base64.
        post += "Before the picture.\n\n![A pasted screenshot](data:image/png;base64,";
        static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        post.reserve(target + 64);
        quint32 x = 12345;
        while (post.size() < target - 32) {
            x = x * 1103515245u + 12345u;
            post += alphabet.at((x >> 16) % 64);
        }
        post += ")\n\nAfter the picture.\n";
    } else {
        QFile in(QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s);
        if (!in.open(QIODevice::ReadOnly))
            qFatal("cannot read the sample post");
        const QByteArray all = in.readAll();
        const QByteArray body = all.mid(all.indexOf("\n---\n", 4) + 5);
        post.reserve(target + body.size());
        while (post.size() + body.size() + 1 <= target)
            post += body + "\n";
    }
    const QString path = dir + u"/"_s + kind + u"-"_s + QString::number(megabytes) + u"mb.md"_s;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(post) != post.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Runs the event loop until `done` holds or `deadline` passes (not QTest::qWaitFor: its 10 ms
// sleeps slow WebEngine's UI-thread tasks down; see bench_editor).
bool spinUntil(const std::function<bool()> &done, const QElapsedTimer &clock, qint64 deadlineMs)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() >= deadlineMs)
            loop.quit();
    });
    check.start();
    if (!done())
        loop.exec();
    return done();
}

/// One case, in this (child) process. Prints one line of figures.
int runOne(const QString &path, const QString &label, int budgetS, bool trace)
{
    auto *app = static_cast<TracingApplication *>(QCoreApplication::instance());
    const qint64 bytes = QFileInfo(path).size();
    std::atomic<qint64> lastBeatNs{-1};
    std::atomic<qint64> maxGapNs{0};
    std::atomic<qint64> peakTreeKb{0};
    std::atomic<bool> finished{false};
    QElapsedTimer clock;
    clock.start();

    // Watchdog: samples the process tree's memory, and ends a case that went over budget
    // with the figures so far (the UI thread may be stuck inside one call for minutes).
    std::thread watchdog([&] {
        while (!finished.load()) {
            peakTreeKb.store(std::max(peakTreeKb.load(), treeRssKb()));
            if (clock.elapsed() > qint64(budgetS) * 1000) {
                const qint64 last = lastBeatNs.load();
                const qint64 ongoing = last < 0 ? 0 : clock.nsecsElapsed() - last;
                std::printf("%-12s %7.1f MB  did not finish within %d s | longest UI block >= %8.0f ms"
                            " | peak RSS %6.0f MB, process tree %6.0f MB\n",
                            qPrintable(label), double(bytes) / double(kMiB), budgetS,
                            double(std::max(maxGapNs.load(), ongoing)) / 1e6,
                            double(statusKb(u"self"_s, "VmHWM"_ba)) / 1024.0, double(peakTreeKb.load()) / 1024.0);
                std::fflush(stdout);
                ::_exit(3);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });

    int rc = 0;
    {
        MainWindow w;
        w.setOfflinePreview(true);
        w.resize(1400, 900);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w))
            qFatal("window not exposed");
        // The empty window's own preview load first, so the figures are the post's.
        spinUntil([&] { return w.preview()->appliedRevision() >= w.requestedRevision(); }, clock, 30000);
        const qint64 baseKb = statusKb(u"self"_s, "VmRSS"_ba);

        // The body is the whole file but its few lines of front matter. (Counted before the
        // ticker starts: decoding 64 MB here would be a UI block of the benchmark's own.)
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        const qsizetype expectedChars = QString::fromUtf8(file.readAll()).size() - 200;
        file.close();

        qint64 openStart = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&, app] {
            const qint64 now = clock.nsecsElapsed();
            const qint64 last = lastBeatNs.exchange(now);
            if (last >= 0)
                maxGapNs.store(std::max(maxGapNs.load(), now - last - 1000000));
            if (trace && last >= 0 && now - last > 17000000)
                app->gaps.push_back({double(now - last) / 1e6, QString(), double(now - openStart) / 1e6 - double(now - last) / 1e6});
        });
        ticker.start();
        lastBeatNs.store(clock.nsecsElapsed());
        app->tracing = trace;

        openStart = clock.nsecsElapsed();
        app->sinceOpen.start();
        const qint64 deadline = qint64(budgetS) * 1000;
        bool opened = false;
        QTimer::singleShot(0, &w, [&] { opened = w.openFile(path); });
        qint64 textInNs = -1;
        const bool usable = spinUntil(
            [&] {
                const bool textIn = opened && w.editor()->document()->characterCount() > expectedChars;
                if (textIn && textInNs < 0)
                    textInNs = clock.nsecsElapsed() - openStart;
                return textIn && w.preview()->appliedRevision() >= w.requestedRevision();
            },
            clock, deadline);
        const double usableMs = double(clock.nsecsElapsed() - openStart) / 1e6;
        if (usable) {
            // What runs after the text is in (highlighting, spell check, images) blocks too.
            const qint64 idleUntil = clock.elapsed() + 2000;
            spinUntil([] { return false; }, clock, std::min(idleUntil, deadline));
        }
        ticker.stop();
        app->tracing = false;
        finished.store(true);
        watchdog.join();
        const QString textIn = textInNs < 0 ? u"never"_s : QString::number(double(textInNs) / 1e6, 'f', 0);
        if (!usable) {
            std::printf("%-12s %7.1f MB  did not finish within %d s (text in after %s ms) | longest UI block %8.1f ms"
                        " | peak RSS %6.0f MB, process tree %6.0f MB\n",
                        qPrintable(label), double(bytes) / double(kMiB), budgetS, qPrintable(textIn),
                        double(maxGapNs.load()) / 1e6, double(statusKb(u"self"_s, "VmHWM"_ba)) / 1024.0,
                        double(peakTreeKb.load()) / 1024.0);
            rc = 3;
        } else {
            std::printf("%-12s %7.1f MB  usable after %8.0f ms (text in after %s ms) | longest UI block %8.1f ms"
                        " | peak RSS %6.0f MB (%4.1f× the file above the %4.0f MB base), process tree %6.0f MB\n",
                        qPrintable(label), double(bytes) / double(kMiB), usableMs, qPrintable(textIn),
                        double(maxGapNs.load()) / 1e6, double(statusKb(u"self"_s, "VmHWM"_ba)) / 1024.0,
                        double(statusKb(u"self"_s, "VmHWM"_ba) - baseKb) * 1024.0 / double(bytes), double(baseKb) / 1024.0,
                        double(peakTreeKb.load()) / 1024.0);
        }
        if (trace) {
            std::sort(app->blocks.begin(), app->blocks.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
            for (std::size_t i = 0; i < std::min<std::size_t>(12, app->blocks.size()); ++i)
                std::printf("    block %8.1f ms at %8.0f ms  %s\n", app->blocks[i].ms, app->blocks[i].atMs, qPrintable(app->blocks[i].what));
            std::sort(app->gaps.begin(), app->gaps.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
            for (std::size_t i = 0; i < std::min<std::size_t>(6, app->gaps.size()); ++i)
                std::printf("    gap   %8.1f ms at %8.0f ms\n", app->gaps[i].ms, app->gaps[i].atMs);
        }
        std::fflush(stdout);
        w.editor()->document()->setModified(false); // no "save changes?" on close
        w.close();
    }
    return rc;
}

} // namespace

int main(int argc, char *argv[])
{
    test::prepareWebEngineApp();
    TracingApplication app(argc, argv);

    int budget = 60;
    bool trace = false;
    QStringList cases;
    QString one;
    QString label;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == u"--budget" && i + 1 < args.size())
            budget = args[++i].toInt();
        else if (args[i] == u"--trace")
            trace = true;
        else if (args[i] == u"--one" && i + 2 < args.size()) {
            one = args[++i];
            label = args[++i];
        } else
            cases.append(args[i]);
    }
    if (!one.isEmpty())
        return runOne(one, label, budget, trace);

    if (cases.isEmpty())
        cases = {u"lines:2"_s, u"lines:10"_s, u"lines:30"_s, u"lines:64"_s, u"oneline:1"_s, u"oneline:5"_s};
    std::printf("frontmark bench_open: offline preview, window 1400x900, %d s per case\n", budget);
    std::fflush(stdout);
    QTemporaryDir dir;
    for (const QString &c : std::as_const(cases)) {
        const QString kind = c.section(u':', 0, 0);
        const qint64 mb = c.section(u':', 1, 1).toLongLong();
        if ((kind != u"lines" && kind != u"oneline") || mb <= 0 || mb > 64)
            qFatal("unknown case %s (lines:MB or oneline:MB, MB up to 64)", qPrintable(c));
        const QString path = writePost(dir.path(), kind, mb);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    QStringList{u"--one"_s, path, c, u"--budget"_s, QString::number(budget)} + (trace ? QStringList{u"--trace"_s} : QStringList()));
        // The child's watchdog ends it at the budget; this is the backstop if even that hangs.
        if (!child.waitForFinished((budget + 30) * 1000)) {
            child.kill();
            child.waitForFinished();
            std::printf("%-12s did not finish (killed)\n", qPrintable(c));
            std::fflush(stdout);
        }
        QFile::remove(path);
    }
    return 0;
}
