// RenderWorker (DESIGN.md decision 8): renders off the calling thread, coalesces requests,
// never delivers a result older than the newest request, and shuts down cleanly.

#include "render/renderworker.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

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

void TestRenderWorker::destroyingWhileBusyIsSafe()
{
    QString big;
    for (int i = 0; i < 20000; ++i)
        big += u"Paragraph %1 with `code` and **bold**.\n\n"_s.arg(i);
    for (int round = 0; round < 5; ++round) {
        auto worker = std::make_unique<RenderWorker>();
        worker->request(1, big, {});
        worker.reset(); // waits for the render in progress; its result is discarded
    }
    QTest::qWait(10); // queued deliveries to the destroyed workers must be no-ops
}

QTEST_GUILESS_MAIN(TestRenderWorker)
#include "tst_renderworker.moc"
