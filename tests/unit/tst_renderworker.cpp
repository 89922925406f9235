// SPDX-License-Identifier: GPL-3.0-or-later
// RenderWorker (docs/decisions.md, decision 8): renders off the calling thread, coalesces
// requests, never delivers a result older than the newest request, and shuts down cleanly.

#include "live/renderworker.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

#include <time.h>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestRenderWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rendersOffTheCallingThread();
    void deliversOnlyTheNewestOfABurst();
    void resultsNeverGoBackwards();
    void destroyingWhileBusyIsSafe();
    void hugeBodyIsPreviewedUpToTheLimit();
};

void TestRenderWorker::rendersOffTheCallingThread()
{
    RenderWorker worker;
    QSignalSpy spy(&worker, &RenderWorker::rendered);
    worker.request(1, u"# Title\n\nText with [^1].\n\n[^1]: Note.\n"_s, {});
    // request() only queues: nothing can have been delivered before the event loop runs.
    QCOMPARE(spy.count(), 0);
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toULongLong(), 1ull);
    const auto result = spy.first().at(1).value<RenderResult>();
    QVERIFY(result.html.startsWith(u"<h1 id=\"title\">Title</h1>"_s));
    QVERIFY(result.html.contains(u"footnote-ref"_s));
}

void TestRenderWorker::deliversOnlyTheNewestOfABurst()
{
    RenderWorker worker;
    QSignalSpy spy(&worker, &RenderWorker::rendered);
    // A large body keeps the worker busy while the burst arrives.
    QString big;
    for (int i = 0; i < 4000; ++i)
        big += u"## Heading %1\n\nSome *text* and a [link](https://example.org/%1).\n\n"_s.arg(i);
    for (quint64 rev = 1; rev <= 50; ++rev)
        worker.request(rev, rev == 50 ? u"final **text**"_s : big, {});
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.last().at(0).toULongLong() == 50, 30000);
    // Far fewer renders were delivered than requested, and the last one is the newest text.
    QVERIFY2(spy.count() < 50, qPrintable(QString::number(spy.count())));
    QCOMPARE(spy.last().at(1).value<RenderResult>().html, u"<p>final <strong>text</strong></p>\n"_s);
    QCOMPARE(worker.latestRevision(), 50ull);
}

void TestRenderWorker::resultsNeverGoBackwards()
{
    RenderWorker worker;
    QSignalSpy spy(&worker, &RenderWorker::rendered);
    for (quint64 rev = 1; rev <= 200; ++rev) {
        worker.request(rev, u"Revision %1"_s.arg(rev), {});
        if (rev % 20 == 0)
            QTest::qWait(1); // let some results through while requests keep coming
    }
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.last().at(0).toULongLong() == 200, 30000);
    quint64 previous = 0;
    for (const QList<QVariant> &args : std::as_const(spy)) {
        const quint64 rev = args.at(0).toULongLong();
        QVERIFY2(rev > previous, "a result older than one already delivered arrived");
        previous = rev;
        QCOMPARE(args.at(1).value<RenderResult>().html, u"<p>Revision %1</p>\n"_s.arg(rev));
    }
}

namespace {

// The worker's own log lines (category frontmark.render, written on its thread) are how the
// test sees what the thread did, and which QThread it is.
struct WorkerLog {
    std::mutex mutex;
    QStringList lines;
    QThread *thread = nullptr;
    QtMessageHandler previous = nullptr;
};
WorkerLog *workerLog = nullptr;

void recordWorkerLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (workerLog && context.category && qstrcmp(context.category, "frontmark.render") == 0
        && QThread::currentThread() != QCoreApplication::instance()->thread()) {
        std::lock_guard lock(workerLog->mutex);
        workerLog->lines.append(message);
        workerLog->thread = QThread::currentThread();
        return;
    }
    if (workerLog && workerLog->previous)
        workerLog->previous(type, context, message);
}

// CPU time spent by every thread but this one: in this test, the render thread.
std::chrono::nanoseconds otherThreadsCpu()
{
    timespec process{}, self{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &process);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &self);
    const auto ns = [](const timespec &t) { return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec); };
    return ns(process) - ns(self);
}

} // namespace

void TestRenderWorker::destroyingWhileBusyIsSafe()
{
    WorkerLog log;
    workerLog = &log;
    log.previous = qInstallMessageHandler(recordWorkerLine);
    QLoggingCategory::setFilterRules(u"frontmark.render.debug=true"_s);
    const auto restore = qScopeGuard([&] {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(log.previous);
        workerLog = nullptr;
    });
    const auto logged = [&log](const QString &prefix) {
        std::lock_guard lock(log.mutex);
        return std::any_of(log.lines.cbegin(), log.lines.cend(), [&](const QString &l) { return l.startsWith(prefix); });
    };

    QString big;
    for (int i = 0; i < 20000; ++i)
        big += u"Paragraph %1 with `code` and **bold**.\n\n"_s.arg(i);
    for (int round = 0; round < 3; ++round) {
        {
            std::lock_guard lock(log.mutex);
            log.lines.clear();
            log.thread = nullptr;
        }
        auto worker = std::make_unique<RenderWorker>();
        QSignalSpy rendered(worker.get(), &RenderWorker::rendered);
        QSignalSpy images(worker.get(), &RenderWorker::imagesFound);
        // A first render starts the thread and names it (its log line).
        worker->request(1, u"warm-up"_s, {});
        QVERIFY(rendered.wait(10000));
        QThread *thread = nullptr;
        {
            std::lock_guard lock(log.mutex);
            thread = log.thread;
        }
        QVERIFY(thread);
        std::atomic<bool> finished{false};
        connect(thread, &QThread::finished, thread, [&finished] { finished = true; }, Qt::DirectConnection);

        // Busy: the thread has spent 20 ms of CPU on revision 2; revision 3 waits behind it.
        const auto cpu = otherThreadsCpu();
        worker->request(2, big, {});
        QTRY_VERIFY_WITH_TIMEOUT(otherThreadsCpu() - cpu >= std::chrono::milliseconds(20), 10000);
        QVERIFY2(!logged(u"revision 2:"_s), "the render finished before the test could destroy the worker");
        worker->request(3, big + u"more"_s, {});
        worker.reset();

        // The destructor returned after the thread ended, having finished the render in
        // progress and not started the one waiting.
        QVERIFY(finished.load());
        QVERIFY(logged(u"revision 2:"_s));
        QVERIFY(!logged(u"revision 3:"_s));
        // Nothing of revision 2 or 3 reaches anyone, however long the event loop runs on.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(rendered.count(), 1);
        for (const QList<QVariant> &args : std::as_const(images))
            QCOMPARE(args.at(0).toULongLong(), 1ull);
    }

    // cmark-gfm's global tables are intact: a new worker renders as before.
    RenderWorker worker;
    QSignalSpy rendered(&worker, &RenderWorker::rendered);
    worker.request(1, u"*after*"_s, {});
    QVERIFY(rendered.wait(10000));
    QCOMPARE(rendered.first().at(1).value<RenderResult>().html, u"<p><em>after</em></p>\n"_s);
}

// Issue #20: a body past PreviewLimit is previewed up to a paragraph break before it, with a
// notice block after; the word count covers all of it.
void TestRenderWorker::hugeBodyIsPreviewedUpToTheLimit()
{
    QString body;
    int paragraphs = 0;
    while (body.size() <= RenderWorker::PreviewLimit + 1000)
        body += u"Paragraph %1 of plain words.\n\n"_s.arg(paragraphs++);
    const QString last = u"Paragraph %1 of"_s.arg(paragraphs - 1);
    RenderWorker worker;
    QSignalSpy spy(&worker, &RenderWorker::rendered);
    worker.request(1, body, {});
    QVERIFY(spy.wait(60000));
    const auto result = spy.at(0).at(1).value<RenderResult>();
    QVERIFY(!result.blocks.isEmpty());
    const RenderBlock notice = result.blocks.constLast();
    QVERIFY2(notice.html.contains(u"class=\"fm-preview-notice\""_s), qPrintable(notice.html.left(200)));
    QVERIFY(!result.html.contains(last));                // the tail is not rendered
    QVERIFY(result.html.contains(u"<p>Paragraph 0 of"_s)); // the head is
    const qsizetype cut = previewCut(body);
    QVERIFY(cut <= RenderWorker::PreviewLimit && cut > RenderWorker::PreviewLimit / 2);
    QVERIFY(body.left(cut).endsWith(u"\n\n"_s));      // at a paragraph break
    QCOMPARE(notice.firstLine, int(body.left(cut).count(u'\n')) + 1);
    QCOMPARE(result.stats.latinWords, 5 * paragraphs); // counted whole: "Paragraph", its number, "of plain words."
    // A body within the limit gets no notice.
    QCOMPARE(previewCut(u"short\n"_s), qsizetype(6));
}

QTEST_GUILESS_MAIN(TestRenderWorker)
#include "tst_renderworker.moc"
