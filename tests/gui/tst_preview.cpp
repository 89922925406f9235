// SPDX-License-Identifier: GPL-3.0-or-later
// The live preview (issue #4; docs/decisions.md, decisions 5, 6, 8, 9), driven through the real render
// worker and a real QWebEngineView: the sample post's page, its images from the site's static
// folder, the YouTube player, block patches that keep untouched nodes, offline mode, the CSP,
// and the scheme handler's refusal to serve files outside the site.

#include "previewtestutil.h"
#include "preview/previewscheme.h"
#include "preview/previewbridge.h"
#include "preview/previewwidget.h"
#include "document/postfile.h"
#include "live/renderworker.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace frontmark;
using test::runJs;

static void preAppInit()
{
    test::prepareWebEngineApp();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

static const QString samplePost = QStringLiteral(FRONTMARK_SOURCE_DIR)
    + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;

// A preview on one post with the real worker behind it, as the editor drives it.
class PreviewHarness
{
public:
    explicit PreviewHarness(EmbedMode mode = EmbedMode::Live)
    {
        QObject::connect(&worker, &RenderWorker::rendered, &preview, &PreviewWidget::showRender);
        preview.setEmbedMode(mode);
        preview.resize(900, 700);
        preview.show();
    }

    bool open(const QString &path)
    {
        auto post = PostFile::load(path);
        if (!post.ok())
            return false;
        options.site = Site::forPost(path);
        options.postPath = path;
        options.frontMatter = post.value().frontMatter().toMap();
        body = QString::fromUtf8(post.value().body());
        preview.setPost(options.site, path, options.site.permalinkPath(path, options.frontMatter));
        return render(body);
    }

    /// Renders `text` and waits until the page has applied it.
    bool render(const QString &text)
    {
        body = text;
        const quint64 rev = ++revision;
        worker.request(rev, text, options);
        return QTest::qWaitFor([&] { return preview.appliedRevision() >= rev; }, 60000);
    }

    QWebEnginePage *page() const { return preview.page(); }

    PreviewWidget preview;
    RenderWorker worker;
    RenderOptions options;
    QString body;
    quint64 revision = 0;
};

class TestPreview : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    // QDesktopServices hands the links the preview opens to this instead of a browser.
    void openInBrowser(const QUrl &url) { m_opened.append(url); }

private Q_SLOTS:
    void showsSamplePostHeadingsImagesAndPlayer();
    void typingPatchesWithoutRecreatingOrReloading();
    void offlineShowsCardsAndBlocksRemoteRequests();
    void clickToLoadShowsCardWithButton();
    void contentScriptNeverRuns();
    void servesNothingOutsideTheSite_data();
    void servesNothingOutsideTheSite();
    void missingImageShowsMarker();
    void pageBundleImageResolves();
    void networkEmbedsAreCards();
    void themeSwitchesWithoutReload();
    void linksOpenInTheBrowserNotThePreview();
    void refusedPageShowsErrorAndRetryLoadsIt();
    void pageThatNeverAnswersShowsErrorWithinTheBudget();
    void overdueRenderIsReportedThenCleared();
    void largeRenderGoesInPiecesAndEndsExact();

private:
    QList<QUrl> m_opened;
};

void TestPreview::showsSamplePostHeadingsImagesAndPlayer()
{
    PreviewHarness h;
    QVERIFY(h.open(samplePost));
    const QStringList headings = runJs(h.page(), u"[...document.querySelectorAll('#content h2')].map(e => e.textContent)"_s)
                                     .value_or(QVariant()).toStringList();
    QCOMPARE(headings.value(0), u"一座晶圓廠把電用在哪裡"_s);
    QVERIFY2(headings.size() >= 4, qPrintable(headings.join(u" | ")));
    // Hugo's heading ids, CJK kept.
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content h2').id"_s)->toString(), u"一座晶圓廠把電用在哪裡"_s);

    // Every image comes from the site's static folder and decodes (the sample JPEGs are 640x360).
    QCOMPARE(runJs(h.page(), u"document.querySelectorAll('#content img').length"_s)->toInt(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), u"[...document.querySelectorAll('#content img')]"
                                               u".filter(i => i.complete && i.naturalWidth === 640).length"_s)
                                  ->toInt(),
                              4, 20000);
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content img').src"_s)->toString(),
             u"fmsite://site/images/posts/20250602-3fa91c2e.jpg"_s);

    // The YouTube player, with the embed URL Hugo writes.
    const QString src = runJs(h.page(), u"(document.querySelector('#content iframe') || {}).src || ''"_s)->toString();
    QVERIFY2(src.startsWith(u"https://www.youtube.com/embed/aqz-KE-bpKQ"_s), qPrintable(src));
    QVERIFY(h.page()->url().toString().startsWith(u"fmsite://site/posts/"_s));
}

void TestPreview::typingPatchesWithoutRecreatingOrReloading()
{
    PreviewHarness h;
    QVERIFY(h.open(samplePost));
    QSignalSpy loads(h.page(), &QWebEnginePage::loadStarted);
    QVERIFY(runJs(h.page(), u"window.__loadId = 42; document.querySelector('#content iframe').__fmKeep = 'same';"
                            u" document.querySelector('#content img').__fmKeep = 'img'; 1"_s));
    const int blocksBefore = runJs(h.page(), u"document.getElementById('content').children.length"_s)->toInt();

    // Type at the end of the first paragraph after the cover image, then add a paragraph at the end.
    QString body = h.body;
    const qsizetype at = body.indexOf(u"立刻窒息。"_s);
    QVERIFY(at > 0);
    body.insert(at + 5, u"新打的字"_s);
    QVERIFY(h.render(body));
    QVERIFY(runJs(h.page(), u"document.getElementById('content').textContent.includes('立刻窒息。新打的字')"_s)->toBool());
    QVERIFY(h.render(body + u"\n\n最後一段 **粗體**。\n"_s));
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content > .fm-block:last-child strong').textContent"_s)->toString(),
             u"粗體"_s);

    // The player's and the cover's DOM nodes are the very same objects; the page never reloaded.
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content iframe').__fmKeep"_s)->toString(), u"same"_s);
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content img').__fmKeep"_s)->toString(), u"img"_s);
    QCOMPARE(runJs(h.page(), u"window.__loadId"_s)->toInt(), 42);
    QCOMPARE(loads.count(), 0);
    QCOMPARE(runJs(h.page(), u"document.getElementById('content').children.length"_s)->toInt(), blocksBefore + 1);

    // Deleting the added paragraph again removes exactly that block.
    QVERIFY(h.render(body));
    QCOMPARE(runJs(h.page(), u"document.getElementById('content').children.length"_s)->toInt(), blocksBefore);
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content iframe').__fmKeep"_s)->toString(), u"same"_s);
}

void TestPreview::offlineShowsCardsAndBlocksRemoteRequests()
{
    PreviewHarness h(EmbedMode::Offline);
    QSignalSpy blocked(&h.preview, &PreviewWidget::requestBlocked);
    QVERIFY(h.open(samplePost));
    QCOMPARE(runJs(h.page(), u"document.querySelectorAll('#content iframe').length"_s)->toInt(), 0);
    const QString card = runJs(h.page(), u"document.querySelector('#content .fm-card').textContent"_s)->toString();
    QVERIFY2(card.contains(u"YouTube"_s) && card.contains(u"aqz-KE-bpKQ"_s) && card.contains(u"Offline"_s),
             qPrintable(card));
    // Local images still load offline.
    QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), u"[...document.querySelectorAll('#content img')]"
                                               u".filter(i => i.naturalWidth > 0).length"_s)->toInt(),
                              4, 20000);

    // A remote image is blocked before any request leaves, and marked in the page.
    QVERIFY(h.render(h.body + u"\n\n![remote](https://example.com/remote.png)\n"_s));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(blocked.cbegin(), blocked.cend(), [](const QList<QVariant> &args) {
                                 return args.at(0).toUrl() == QUrl(u"https://example.com/remote.png"_s);
                             }), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(runJs(h.page(), u"document.getElementById('content').textContent"
                                             u".includes('not loaded offline')"_s)->toBool(), 10000);
}

void TestPreview::clickToLoadShowsCardWithButton()
{
    PreviewHarness h(EmbedMode::ClickToLoad);
    QVERIFY(h.open(samplePost));
    QCOMPARE(runJs(h.page(), u"document.querySelectorAll('#content iframe').length"_s)->toInt(), 0);
    QVERIFY(runJs(h.page(), u"document.querySelector('#content .fm-card button').click(); 1"_s));
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content iframe').getAttribute('src').startsWith("
                             u"'https://www.youtube.com/embed/aqz-KE-bpKQ')"_s)->toBool(), true);
}

static bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

static QByteArray pngBytes(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

void TestPreview::contentScriptNeverRuns()
{
    QTemporaryDir dir;
    const QString root = dir.path() + u"/site"_s;
    QVERIFY(writeFile(root + u"/hugo.toml"_s, "title = 'x'\n[markup.goldmark.renderer]\nunsafe = true\n"));
    const QString post = root + u"/content/posts/p.md"_s;
    QVERIFY(writeFile(post, "---\ntitle: p\n---\n"
                            "<script>window.__pwned = 1;</script>\n\n"
                            "<img src=\"/nope.png\" onerror=\"window.__pwned = 2\">\n\n"
                            "<div onclick=\"window.__pwned = 3\" id=\"clickme\">click</div>\n\n"
                            "<iframe srcdoc=\"<script>parent.__pwned = 4</script>\"></iframe>\n\n"
                            "<a id=\"jslink\" href=\"javascript:window.__pwned = 5\">link</a>\n\n"
                            "Text after.\n"));
    PreviewHarness h;
    QVERIFY(h.open(post));
    QVERIFY(h.page()->url().toString().startsWith(u"fmsite://site/posts/p/"_s));
    // The site is unsafe, so the raw HTML is in the render (the page gets it)...
    QVERIFY(runJs(h.page(), u"document.getElementById('clickme') !== null"_s)->toBool());
    QVERIFY(runJs(h.page(), u"document.getElementById('clickme').click(); document.getElementById('jslink').click(); 1"_s));
    QTest::qWait(300); // give any handler that wrongly ran time to show; nothing to wait for
    // ...but none of it ran.
    QCOMPARE(runJs(h.page(), u"typeof window.__pwned"_s)->toString(), u"undefined"_s);
    QVERIFY(runJs(h.page(), u"document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                            u".content.includes(\"script-src fmsite://site/__frontmark/\")"_s)->toBool());
}

void TestPreview::servesNothingOutsideTheSite_data()
{
    QTest::addColumn<QString>("src");
    QTest::newRow("inside (control)") << u"/images/in.png"_s;
    QTest::newRow("dot-dot") << u"/images/../../secret.png"_s;
    QTest::newRow("encoded dot-dot") << u"/images/%2e%2e/%2e%2e/secret.png"_s;
    QTest::newRow("encoded slash") << u"/images/..%2f..%2fsecret.png"_s;
    QTest::newRow("etc/passwd style") << u"/images/../../../../../../etc/passwd"_s;
    QTest::newRow("symlink out of static") << u"/images/link.png"_s;
    QTest::newRow("file url") << u"file:///etc/passwd"_s;
}

void TestPreview::servesNothingOutsideTheSite()
{
    QFETCH(QString, src);
    QTemporaryDir dir;
    const QString root = dir.path() + u"/site"_s;
    QVERIFY(writeFile(root + u"/hugo.toml"_s, "title = 'x'\n"));
    QVERIFY(writeFile(root + u"/static/images/in.png"_s, pngBytes(32, 16)));
    QVERIFY(writeFile(dir.path() + u"/secret.png"_s, pngBytes(48, 16)));
    QVERIFY(QFile::link(dir.path() + u"/secret.png"_s, root + u"/static/images/link.png"_s));
    const QString post = root + u"/content/posts/p.md"_s;
    QVERIFY(writeFile(post, "---\ntitle: p\n---\nx\n"));
    PreviewHarness h;
    QVERIFY(h.open(post));
    // The page fetches the path the way an <img> in a post would.
    QVERIFY(h.render(u"<p>x</p>\n\n![probe]("_s + src + u")\n"_s));
    const QString probe = u"(() => { const i = document.querySelector('#content img[alt=probe]');"
                          u" return i ? (i.complete ? i.naturalWidth : -1) : -2; })()"_s;
    const QString marker = u"document.querySelectorAll('#content .fm-missing-image').length"_s;
    if (src == u"/images/in.png") {
        QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), probe)->toInt(), 32, 10000);
    } else {
        // Refused: the image errors out and is replaced by the missing-image marker.
        QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), marker)->toInt(), 1, 10000);
        QCOMPARE(runJs(h.page(), probe)->toInt(), -2);
    }
}

void TestPreview::missingImageShowsMarker()
{
    PreviewHarness h;
    QVERIFY(h.open(samplePost));
    QVERIFY(h.render(h.body + u"\n\n![不見了](/images/posts/missing.jpg)\n"_s));
    QTRY_VERIFY_WITH_TIMEOUT(runJs(h.page(), u"[...document.querySelectorAll('#content .fm-missing-image')]"
                                             u".some(e => e.textContent.includes('/images/posts/missing.jpg')"
                                             u" && e.textContent.includes('不見了'))"_s)->toBool(), 10000);
}

void TestPreview::pageBundleImageResolves()
{
    QTemporaryDir dir;
    const QString root = dir.path() + u"/site"_s;
    QVERIFY(writeFile(root + u"/hugo.toml"_s, "title = 'x'\n"));
    const QString post = root + u"/content/posts/bundle/index.md"_s;
    QVERIFY(writeFile(post, "---\ntitle: b\n---\n![b](pic.png)\n"));
    QVERIFY(writeFile(root + u"/content/posts/bundle/pic.png"_s, pngBytes(24, 12)));
    PreviewHarness h;
    QVERIFY(h.open(post));
    QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), u"(document.querySelector('#content img') || {}).naturalWidth"_s)->toInt(),
                              24, 10000);
}

void TestPreview::networkEmbedsAreCards()
{
    PreviewHarness h(EmbedMode::Offline);
    QVERIFY(h.open(samplePost));
    QVERIFY(h.render(u"{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n"
                     u"{{< gist spf13 7896402 >}}\n"_s));
    const QStringList cards = runJs(h.page(), u"[...document.querySelectorAll('#content .fm-card')].map(c => c.textContent)"_s)
                                  ->toStringList();
    QCOMPARE(cards.size(), 2);
    QVERIFY2(cards.at(0).contains(u"@SanDiegoZoo"_s) && cards.at(0).contains(u"Offline"_s), qPrintable(cards.at(0)));
    QVERIFY2(cards.at(1).contains(u"GitHub Gist"_s) && cards.at(1).contains(u"spf13/7896402"_s), qPrintable(cards.at(1)));
    QCOMPARE(runJs(h.page(), u"document.querySelectorAll('#content script').length"_s)->toInt(), 0);
}

void TestPreview::themeSwitchesWithoutReload()
{
    PreviewHarness h;
    h.preview.setTheme(PreviewTheme::Light);
    QVERIFY(h.open(samplePost));
    QSignalSpy loads(h.page(), &QWebEnginePage::loadStarted);
    const QString background = u"getComputedStyle(document.documentElement).backgroundColor"_s;
    QCOMPARE(runJs(h.page(), background)->toString(), u"rgb(255, 255, 255)"_s);
    h.preview.setTheme(PreviewTheme::Dark);
    QTRY_COMPARE_WITH_TIMEOUT(runJs(h.page(), background)->toString(), u"rgb(27, 29, 33)"_s, 10000);
    QCOMPARE(loads.count(), 0);
}

void TestPreview::linksOpenInTheBrowserNotThePreview()
{
    QTemporaryDir dir;
    const QString root = dir.path() + u"/site"_s;
    QVERIFY(writeFile(root + u"/hugo.toml"_s, "baseURL = 'https://blog.example.org/'\ntitle = 'x'\n"));
    const QString post = root + u"/content/posts/p.md"_s;
    QVERIFY(writeFile(post, "---\ntitle: p\n---\n[out](https://example.com/a?b=1) and [in](/posts/other/#part)\n"));
    QDesktopServices::setUrlHandler(u"https"_s, this, "openInBrowser");
    m_opened.clear();
    PreviewHarness h;
    QVERIFY(h.open(post));
    const QUrl page = h.page()->url();
    QVERIFY(runJs(h.page(), u"document.querySelectorAll('#content a')[0].click();"
                            u" document.querySelectorAll('#content a')[1].click(); 1"_s));
    QTRY_COMPARE(m_opened.size(), 2);
    QDesktopServices::unsetUrlHandler(u"https"_s);
    QCOMPARE(m_opened.at(0), QUrl(u"https://example.com/a?b=1"_s));
    QCOMPARE(m_opened.at(1), QUrl(u"https://blog.example.org/posts/other/#part"_s));
    QCOMPARE(h.page()->url(), page); // the preview itself never navigated
}

// Refuses every request of the page it is set on: the page's own load fails at once.
class RefuseEverything : public QWebEngineUrlRequestInterceptor
{
public:
    void interceptRequest(QWebEngineUrlRequestInfo &info) override { info.block(true); }
};

// Takes every request and never answers it: the page's load neither finishes nor fails.
class NeverAnswer : public QWebEngineUrlSchemeHandler
{
public:
    void requestStarted(QWebEngineUrlRequestJob *) override {}
};

static bool errorPaneShown(const PreviewWidget &preview)
{
    const auto *pane = preview.findChild<QWidget *>(u"previewError"_s);
    return pane && pane->isVisible() && preview.loadError().has_value();
}

// Issue #20: a page that cannot load shows an error in the preview within a second or two,
// never an endless wait, and Retry loads it once the cause is gone.
void TestPreview::refusedPageShowsErrorAndRetryLoadsIt()
{
    PreviewHarness h;
    RefuseEverything refuse;
    h.page()->setUrlRequestInterceptor(&refuse);
    QSignalSpy failed(&h.preview, &PreviewWidget::failed);
    QSignalSpy recovered(&h.preview, &PreviewWidget::recovered);
    QElapsedTimer clock;
    clock.start();
    auto post = PostFile::load(samplePost);
    QVERIFY(post.ok());
    h.options.site = Site::forPost(samplePost);
    h.options.postPath = samplePost;
    h.options.frontMatter = post.value().frontMatter().toMap();
    h.preview.setPost(h.options.site, samplePost, h.options.site.permalinkPath(samplePost, h.options.frontMatter));
    QTRY_VERIFY_WITH_TIMEOUT(errorPaneShown(h.preview), 3000);
    QVERIFY2(clock.elapsed() <= 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!h.preview.isReady());
    const QString shown = h.preview.findChild<QLabel *>(u"previewErrorLabel"_s)->text();
    QVERIFY2(shown.contains(u"could not load"_s) && shown.contains(*h.preview.loadError()), qPrintable(shown));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(u"could not load"_s), qPrintable(failed.at(0).at(0).toString()));

    // The cause is gone: Retry loads the page, the error goes, and the page shows the post.
    h.page()->setUrlRequestInterceptor(nullptr);
    auto *retry = h.preview.findChild<QPushButton *>(u"previewRetryButton"_s);
    QVERIFY(retry && retry->isVisible());
    retry->click();
    QVERIFY(h.render(QString::fromUtf8(post.value().body())));
    QVERIFY(h.preview.isReady());
    QVERIFY(!errorPaneShown(h.preview));
    QVERIFY(!h.preview.loadError());
    QVERIFY(runJs(h.page(), u"document.getElementById('content').textContent.includes('一座晶圓廠把電用在哪裡')"_s)->toBool());
}

void TestPreview::pageThatNeverAnswersShowsErrorWithinTheBudget()
{
    PreviewHarness h;
    NeverAnswer never;
    QWebEngineProfile *profile = h.page()->profile();
    profile->removeUrlScheme(QByteArrayLiteral("fmsite"));
    profile->installUrlSchemeHandler(QByteArrayLiteral("fmsite"), &never);
    QSignalSpy failed(&h.preview, &PreviewWidget::failed);
    QElapsedTimer clock;
    clock.start();
    h.preview.setPost(Site::forPost(samplePost), samplePost, u"/posts/hang/"_s);
    QTRY_VERIFY_WITH_TIMEOUT(errorPaneShown(h.preview), 3000);
    // Not before the budget (a QTimer may fire 5% early): a slow page is given its time.
    QVERIFY2(clock.elapsed() >= PreviewWidget::LoadBudget.count() * 9 / 10 && clock.elapsed() <= 3000,
             qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(h.preview.loadError()->contains(u"did not finish loading"_s), qPrintable(*h.preview.loadError()));
    QCOMPARE(failed.count(), 1);
    profile->removeUrlSchemeHandler(&never);
}

// Issue #20: a render that does not come back within its budget is reported, never waited
// for; its arrival clears it.
void TestPreview::overdueRenderIsReportedThenCleared()
{
    PreviewWidget preview;
    preview.setRenderBudget(std::chrono::milliseconds(200));
    QSignalSpy failed(&preview, &PreviewWidget::failed);
    QSignalSpy recovered(&preview, &PreviewWidget::recovered);

    // In time: nothing to report.
    preview.watchRender(1);
    preview.showRender(1, RenderResult());
    QVERIFY(!failed.wait(600));

    // Overdue: reported once, however long it takes and however many requests follow.
    preview.watchRender(2);
    QVERIFY(failed.wait(3000));
    QVERIFY2(failed.at(0).at(0).toString().contains(u"still rendering"_s), qPrintable(failed.at(0).at(0).toString()));
    preview.watchRender(3);
    QVERIFY(!failed.wait(600));
    // An older render arriving is progress, not the end of it.
    preview.showRender(2, RenderResult());
    QCOMPARE(recovered.count(), 0);
    preview.showRender(3, RenderResult());
    QCOMPARE(recovered.count(), 1);
    QCOMPARE(failed.count(), 1);
}

void TestPreview::largeRenderGoesInPiecesAndEndsExact()
{
    PreviewHarness h;
    QVERIFY(h.open(samplePost));
    PreviewBridge *bridge = h.preview.findChild<PreviewBridge *>();
    QVERIFY(bridge);
    QSignalSpy patches(bridge, &PreviewBridge::patchRequested);

    // About 1.5 MB of HTML: numbered paragraphs, far over one piece.
    QString big;
    for (int i = 0; i < 12000; ++i)
        big += u"Paragraph number %1 of the long post, with some words to make it longer.\n\n"_s.arg(i);
    const quint64 rev = ++h.revision;
    h.worker.request(rev, big, h.options);
    // A newer render (the writer typed at the top) while the first is still going in.
    QVERIFY(QTest::qWaitFor([&] { return patches.size() >= 2; }, 60000));
    const QString edited = u"# Title typed meanwhile\n\n"_s + big.left(big.size() / 2);
    QVERIFY(h.render(edited));
    QVERIFY(h.preview.appliedRevision() >= h.revision);

    // Pieces: none but the last of a render carries its revision, and none is much over the limit.
    int pieces = 0;
    for (const QList<QVariant> &args : std::as_const(patches)) {
        qsizetype chars = 0;
        for (const QString &html : args.at(3).toStringList())
            chars += html.size();
        QVERIFY2(chars < 160 * 1024 || args.at(3).toStringList().size() == 1, qPrintable(QString::number(chars)));
        if (args.at(0).toDouble() == 0.0)
            ++pieces;
    }
    QVERIFY2(pieces >= 2, qPrintable(QString::number(pieces)));

    // The page holds exactly the newest render: block for block, the same text in order.
    QSignalSpy rendered(&h.worker, &RenderWorker::rendered);
    QVERIFY(h.render(edited + u"\n"_s)); // the same blocks again, to see the render's list
    QVERIFY(!rendered.isEmpty());
    const RenderResult result = rendered.last().at(1).value<RenderResult>();
    QCOMPARE(runJs(h.page(), u"document.getElementById('content').children.length"_s)->toInt(), int(result.blocks.size()));
    QCOMPARE(runJs(h.page(), u"document.querySelector('#content > .fm-block:first-child h1').textContent"_s)->toString(),
             u"Title typed meanwhile"_s);
    const int paragraphs = int(edited.count(u"\n\nParagraph"_s) + (edited.startsWith(u"Paragraph"_s) ? 1 : 0));
    QCOMPARE(runJs(h.page(), u"document.querySelectorAll('#content p').length"_s)->toInt(), paragraphs);
    QCOMPARE(runJs(h.page(), u"[...document.querySelectorAll('#content p')].every((p, i) => p.textContent.startsWith("
                             u"'Paragraph number ' + i + ' '))"_s)->toBool(), true);
}

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"
