// SPDX-License-Identifier: GPL-3.0-or-later
// importImage(): the bytes land under the pattern's path in the site's static folder (or in
// images/ beside a post outside a site), an identical file is reused, a different one is never
// replaced (the name takes "-2", "-3", …), and a refusal or a failed write leaves nothing
// behind. Also sniffExtension(), markdownFor() and the no-replace write underneath.

#include "images/imageimport.h"
#include "io/safewrite.h"
#include "site/site.h"
#include "../testfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using frontmark::Error;
using frontmark::NewFile;
using frontmark::Site;
using frontmark::imageimport::Imported;
using frontmark::imageimport::Request;
using Step = frontmark::writefaults::Step;

Q_DECLARE_METATYPE(frontmark::writefaults::Step)

namespace {

const QString samplePost = u"content/posts/2025-06-02-taiwan-chip-energy.md"_s;
const QString sampleJpeg = u"static/images/posts/20250602-3fa91c2e.jpg"_s;

QByteArray bigEndian(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char(quint8(v >> (24 - 8 * i)));
    return b;
}

quint32 crc32(const QByteArray &data)
{
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data) {
        c ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return ~c;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian(quint32(data.size())) + type + data + bigEndian(crc32(type + data));
}

// A valid 1×1 grey PNG (QtGui is not linked here): IHDR, one IDAT holding a zlib stream with
// one stored block, IEND. Different `grey` values give different files.
QByteArray png(quint8 grey)
{
    const QByteArray ihdr = bigEndian(1) + bigEndian(1) + "\x08\x00\x00\x00\x00"_ba; // 8-bit greyscale
    QByteArray raw("\0"_ba);                                                           // filter: none
    raw += char(grey);
    const quint32 adler = ((1u + grey) % 65521u) | ((1u + (1u + grey)) % 65521u) << 16;
    const QByteArray zlib = "\x78\x01\x01\x02\x00\xFD\xFF"_ba + raw + bigEndian(adler);
    return "\x89PNG\r\n\x1A\n"_ba + pngChunk("IHDR"_ba, ihdr) + pngChunk("IDAT"_ba, zlib) + pngChunk("IEND"_ba, {});
}

QString hash8(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(8));
}


// Every entry below `dir` (hidden ones too, so a left-over temporary file shows), relative.
QStringList treeOf(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries << QDir(dir).relativeFilePath(it.next());
    entries.sort();
    return entries;
}

QString failureText(const frontmark::Result<Imported> &r)
{
    return r.ok() ? u"(succeeded)"_s : r.error().toString();
}

bool run(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        *output = u"timed out"_s;
        return false;
    }
    *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Runs `write` while another writer waits for a temporary file to appear in `target`'s folder
// (so after the writer under test has checked that the name is free, and before it names its
// file) and then creates `target` with `racerBytes`. True if the other writer got the name
// first; false if the writer under test was quicker (or inotify is not available).
bool raceFor(const QString &target, const QByteArray &racerBytes, const std::function<void()> &write)
{
    const int watch = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (watch < 0)
        return false;
    if (::inotify_add_watch(watch, QFile::encodeName(QFileInfo(target).absolutePath()).constData(), IN_CREATE) < 0) {
        ::close(watch);
        return false;
    }
    std::atomic<bool> racerWon{false};
    std::thread racer([&] {
        alignas(inotify_event) char buffer[4096];
        for (;;) {
            pollfd p{watch, POLLIN, 0};
            if (::poll(&p, 1, 10000) <= 0)
                return;
            const ssize_t n = ::read(watch, buffer, sizeof buffer);
            for (ssize_t at = 0; n > 0 && at + ssize_t(sizeof(inotify_event)) <= n;) {
                inotify_event event;
                std::memcpy(&event, buffer + at, sizeof event);
                const QByteArray name(buffer + at + sizeof event);
                at += ssize_t(sizeof event + event.len);
                if (!name.startsWith(".frontmark-"))
                    continue;
                const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
                if (fd >= 0) {
                    racerWon = ::write(fd, racerBytes.constData(), size_t(racerBytes.size())) == racerBytes.size();
                    ::close(fd);
                }
                return;
            }
        }
    });
    write();
    racer.join();
    ::close(watch);
    return racerWon;
}

} // namespace

class TestImageImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void sniffExtension_data();
    void sniffExtension();
    void markdownFor_data();
    void markdownFor();

    void importsIntoStaticFolder_data();
    void importsIntoStaticFolder();
    void dateIsTodayWithoutPostDate();
    void namePlaceholder_data();
    void namePlaceholder();
    void sameBytesAgainAreReused();
    void differentBytesTakeNumberedNames();
    void existingEntryIsNeverReplaced_data();
    void existingEntryIsNeverReplaced();
    void createsMissingFolders();
    void refusesNonImages_data();
    void refusesNonImages();
    void refusesBadPatterns_data();
    void refusesBadPatterns();
    void postOutsideSiteGoesBesideIt();
    void unsavedPostOutsideSiteIsRefused();
    void racingWriterKeepsItsFile();
    void failedWriteLeavesNothing_data();
    void failedWriteLeavesNothing();
    void readOnlyMountLeavesNothing_data();
    void readOnlyMountLeavesNothing();

    void newFileIsWritten();
    void newFileRefusesTakenName_data();
    void newFileRefusesTakenName();
    void newFileNeverReplacesARacer();
    void newFileRaceLosesCleanly();
    void newFileFallsBackToLink();
    void newFileFailureLeavesNothing_data();
    void newFileFailureLeavesNothing();

private:
    // The sample site copied into m_dir; returns the post's path.
    QString copySampleSite();
    QString staticDir() const { return m_dir->filePath(u"static"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_mountBase;
    QStringList m_mounted;
};

void TestImageImport::init()
{
    frontmark::writefaults::inject(Step::None, 0);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestImageImport::cleanup()
{
    frontmark::writefaults::inject(Step::None, 0);
    while (!m_mounted.isEmpty()) {
        const QString dir = m_mounted.takeLast();
        QString out;
        if (!run(u"umount"_s, {dir}, &out) && !run(u"umount"_s, {u"-l"_s, dir}, &out))
            qWarning("could not unmount %s: %s", qPrintable(dir), qPrintable(out));
    }
    m_mountBase.reset();
    m_dir.reset();
}

QString TestImageImport::copySampleSite()
{
    if (!frontmark::test::copyTree(QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site"), m_dir->path()))
        return QString();
    return m_dir->filePath(samplePost);
}

void TestImageImport::sniffExtension_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("ext");

    QFile jpeg(QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site/") + sampleJpeg);
    QVERIFY(jpeg.open(QIODevice::ReadOnly));
    const QByteArray ftypAvif = bigEndian(28) + "ftypavif"_ba + bigEndian(0) + "avifmif1miaf"_ba;

    QTest::newRow("PNG") << png(0) << u"png"_s;
    QTest::newRow("JPEG (sample site)") << jpeg.readAll() << u"jpg"_s;
    QTest::newRow("GIF87a") << "GIF87a\x01\x00\x01\x00\x80\x00\x00"_ba << u"gif"_s;
    QTest::newRow("GIF89a") << "GIF89a\x01\x00\x01\x00\x80\x00\x00"_ba << u"gif"_s;
    QTest::newRow("WebP") << "RIFF\x24\x00\x00\x00WEBPVP8 "_ba << u"webp"_s;
    QTest::newRow("AVIF, major brand") << ftypAvif << u"avif"_s;
    QTest::newRow("AVIF sequence") << bigEndian(20) + "ftypavis"_ba + bigEndian(0) + "avis"_ba << u"avif"_s;
    QTest::newRow("AVIF, compatible brand after mif1")
        << bigEndian(32) + "ftypmif1"_ba + bigEndian(0) + "mif1miafMA1Bavif"_ba << u"avif"_s;
    QTest::newRow("BMP") << "BM\x3A\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00\x01\x00"_ba << u"bmp"_s;
    QTest::newRow("SVG") << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"_ba << u"svg"_s;
    QTest::newRow("SVG, BOM, declaration, comment, doctype")
        << "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- Generator: Adobe Illustrator -->\n"
           "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" "
           "[ <!ENTITY ns \"x\"> ]>\n<svg version=\"1.1\">\n</svg>\n"_ba
        << u"svg"_s;
    QTest::newRow("SVG after white space") << "\n\n  \t<svg>\n</svg>"_ba << u"svg"_s;

    QTest::newRow("HEIC is not for browsers") << bigEndian(24) + "ftypheic"_ba + bigEndian(0) + "mif1heic"_ba << QString();
    QTest::newRow("RIFF WAVE") << "RIFF\x24\x00\x00\x00WAVEfmt "_ba << QString();
    QTest::newRow("text starting with BM") << "BMW and Audi sell more cars this year."_ba << QString();
    QTest::newRow("PNG signature cut short") << "\x89PNG\r\n"_ba << QString();
    QTest::newRow("XML, not SVG") << "<?xml version=\"1.0\"?>\n<html><svg/></html>"_ba << QString();
    QTest::newRow("unclosed comment before svg") << "<!-- <svg>"_ba << QString();
    QTest::newRow("svg-like element name") << "<svgfoo/>"_ba << QString();
    QTest::newRow("HTML") << "<!DOCTYPE html>\n<html><body><svg></svg></body></html>"_ba << QString();
    QTest::newRow("Markdown") << "# Title\n\nSome *text*.\n"_ba << QString();
    QTest::newRow("PDF") << "%PDF-1.7\n"_ba << QString();
    QTest::newRow("garbage") << "\x00\x13\x37\xFE\xED\xFA\xCE"_ba << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestImageImport::sniffExtension()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, ext);
    QCOMPARE(frontmark::imageimport::sniffExtension(bytes), ext);
}

void TestImageImport::markdownFor_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("alt");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("plain") << u"/images/posts/20250602-3fa91c2e.png"_s << u"A chip"_s
                           << u"![A chip](/images/posts/20250602-3fa91c2e.png)\n\n"_s;
    QTest::newRow("empty alt") << u"images/x.png"_s << QString() << u"![](images/x.png)\n\n"_s;
    QTest::newRow("CJK alt") << u"/images/台灣.png"_s << u"台灣晶片"_s << u"![台灣晶片](/images/台灣.png)\n\n"_s;
    QTest::newRow("brackets and backslash in alt")
        << u"/a.png"_s << u"a [b] c\\d"_s << u"![a \\[b\\] c\\\\d](/a.png)\n\n"_s;
    QTest::newRow("line break in alt") << u"/a.png"_s << u"one\r\ntwo\nthree"_s << u"![one two three](/a.png)\n\n"_s;
    QTest::newRow("space in url") << u"/images/my photo.png"_s << u"x"_s << u"![x](</images/my photo.png>)\n\n"_s;
    QTest::newRow("parentheses in url") << u"/images/a(1).png"_s << u"x"_s << u"![x](</images/a(1).png>)\n\n"_s;
    QTest::newRow("angle brackets in url") << u"/a<b>.png"_s << u"x"_s << u"![x](</a\\<b\\>.png>)\n\n"_s;
}

void TestImageImport::markdownFor()
{
    QFETCH(QString, url);
    QFETCH(QString, alt);
    QFETCH(QString, markdown);
    QCOMPARE(frontmark::imageimport::markdownFor(url, alt), markdown);
}

void TestImageImport::importsIntoStaticFolder_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expectedUrl"); // empty: computed from the PNG's hash

    QFile jpeg(QStringLiteral(FRONTMARK_SOURCE_DIR "/resources/sample-site/") + sampleJpeg);
    QVERIFY(jpeg.open(QIODevice::ReadOnly));
    QTest::newRow("PNG") << png(0x80) << QString();
    // sha256sum of that file starts 0a8e8bd0 (its name is the sample site's, not its hash).
    QTest::newRow("sample JPEG") << jpeg.readAll() << u"/images/posts/20250602-0a8e8bd0.jpg"_s;
}

void TestImageImport::importsIntoStaticFolder()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expectedUrl);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const Site site = Site::forPost(post);
    QVERIFY(site.isHugoSite());
    if (expectedUrl.isEmpty())
        expectedUrl = u"/images/posts/20250602-"_s + hash8(bytes) + u".png"_s;
    const QStringList before = treeOf(m_dir->path());

    Request request;
    request.bytes = bytes;
    request.originalName = u"Photo.png"_s;
    request.postDate = QDate(2025, 6, 2);
    const auto r = frontmark::imageimport::importImage(site, post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    QCOMPARE(r.value().url, expectedUrl);
    QCOMPARE(r.value().filePath, staticDir() + expectedUrl);
    QCOMPARE(r.value().reused, false);
    QCOMPARE(frontmark::test::readFile(staticDir() + expectedUrl), bytes);

    QStringList after = before;
    after << u"static"_s + expectedUrl;
    after.sort();
    QCOMPARE(treeOf(m_dir->path()), after);
    // The site's resolver finds the new file from the post's link.
    QCOMPARE(site.resolveLocal(r.value().url, post).value_or(QString()), QFileInfo(r.value().filePath).canonicalFilePath());
}

void TestImageImport::dateIsTodayWithoutPostDate()
{
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    Request request;
    request.bytes = png(1);
    const QString today = QDate::currentDate().toString(u"yyyyMMdd"_s);
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    // Run across midnight, the date may be the next day's.
    const QString after = QDate::currentDate().toString(u"yyyyMMdd"_s);
    const QString name = QFileInfo(r.value().filePath).fileName();
    QVERIFY2(name == today + u'-' + hash8(request.bytes) + u".png"_s || name == after + u'-' + hash8(request.bytes) + u".png"_s,
             qPrintable(name));
}

void TestImageImport::namePlaceholder_data()
{
    QTest::addColumn<QString>("originalName");
    QTest::addColumn<QString>("url");
    QTest::newRow("spaces, capitals, CJK") << u"My Photo 台灣.PNG"_s << u"/images/my-photo-台灣.png"_s;
    QTest::newRow("folder dropped, dots kept") << u"/home/me/Pictures/chip.v2.gif"_s << u"/images/chip.v2.png"_s;
    QTest::newRow("a paste") << QString() << u"/images/image.png"_s;
    QTest::newRow("nothing usable") << u"？！.png"_s << u"/images/image.png"_s;
}

void TestImageImport::namePlaceholder()
{
    QFETCH(QString, originalName);
    QFETCH(QString, url);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    Request request;
    request.bytes = png(2); // the extension comes from the bytes, not from the name
    request.originalName = originalName;
    request.pattern = u"/images/{name}.{ext}"_s;
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    QCOMPARE(r.value().url, url);
    QCOMPARE(frontmark::test::readFile(staticDir() + url), request.bytes);
}

void TestImageImport::sameBytesAgainAreReused()
{
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const Site site = Site::forPost(post);
    Request request;
    request.bytes = png(3);
    request.postDate = QDate(2025, 6, 2);
    const auto first = frontmark::imageimport::importImage(site, post, request);
    QVERIFY2(first.ok(), qPrintable(failureText(first)));
    QVERIFY(!first.value().reused);
    const QStringList before = treeOf(m_dir->path());
    const QDateTime modified = QFileInfo(first.value().filePath).lastModified();

    request.originalName = u"another name.png"_s;
    const auto second = frontmark::imageimport::importImage(site, post, request);
    QVERIFY2(second.ok(), qPrintable(failureText(second)));
    QVERIFY(second.value().reused);
    QCOMPARE(second.value().url, first.value().url);
    QCOMPARE(second.value().filePath, first.value().filePath);
    QCOMPARE(treeOf(m_dir->path()), before);
    QCOMPARE(QFileInfo(first.value().filePath).lastModified(), modified);
}

void TestImageImport::differentBytesTakeNumberedNames()
{
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const Site site = Site::forPost(post);
    const QByteArray images[] = {png(10), png(11), png(12)};
    const QString urls[] = {u"/images/posts/20250602.png"_s, u"/images/posts/20250602-2.png"_s,
                            u"/images/posts/20250602-3.png"_s};

    Request request;
    request.postDate = QDate(2025, 6, 2);
    request.pattern = u"/images/posts/{date}.{ext}"_s;
    for (int i = 0; i < 3; ++i) {
        request.bytes = images[i];
        const auto r = frontmark::imageimport::importImage(site, post, request);
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(r.value().url, urls[i]);
        QVERIFY(!r.value().reused);
        for (int k = 0; k <= i; ++k)
            QCOMPARE(frontmark::test::readFile(staticDir() + urls[k]), images[k]); // earlier files untouched
    }
    // Each of them again: found under its own name, nothing new.
    const QStringList before = treeOf(m_dir->path());
    for (int i = 2; i >= 0; --i) {
        request.bytes = images[i];
        const auto r = frontmark::imageimport::importImage(site, post, request);
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(r.value().url, urls[i]);
        QVERIFY(r.value().reused);
    }
    QCOMPARE(treeOf(m_dir->path()), before);
}

void TestImageImport::existingEntryIsNeverReplaced_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a file with other bytes") << u"file"_s;
    QTest::newRow("a folder") << u"folder"_s;
    QTest::newRow("a dangling symbolic link") << u"dangling"_s;
    QTest::newRow("a link to the same bytes elsewhere") << u"link"_s;
}

void TestImageImport::existingEntryIsNeverReplaced()
{
    QFETCH(QString, kind);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    Request request;
    request.bytes = png(20);
    request.postDate = QDate(2025, 6, 2);
    const QString name = u"20250602-"_s + hash8(request.bytes);
    const QString target = staticDir() + u"/images/posts/"_s + name + u".png"_s;
    const QByteArray planted = "someone else's file\n"_ba;
    const QString elsewhere = m_dir->filePath(u"elsewhere.png"_s);
    if (kind == u"file"_s)
        QVERIFY(frontmark::test::writeFile(target, planted));
    else if (kind == u"folder"_s)
        QVERIFY(QDir().mkdir(target));
    else if (kind == u"dangling"_s)
        QVERIFY(QFile::link(m_dir->filePath(u"missing.png"_s), target));
    else {
        QVERIFY(frontmark::test::writeFile(elsewhere, request.bytes));
        QVERIFY(QFile::link(elsewhere, target));
    }

    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    QCOMPARE(r.value().url, u"/images/posts/"_s + name + u"-2.png"_s);
    QVERIFY(!r.value().reused);
    QCOMPARE(frontmark::test::readFile(r.value().filePath), request.bytes);
    if (kind == u"file"_s)
        QCOMPARE(frontmark::test::readFile(target), planted);
    else if (kind == u"folder"_s)
        QVERIFY(QFileInfo(target).isDir());
    else if (kind == u"dangling"_s)
        QCOMPARE(QFileInfo(target).symLinkTarget(), m_dir->filePath(u"missing.png"_s));
    else
        QCOMPARE(QFileInfo(target).symLinkTarget(), elsewhere);
}

void TestImageImport::createsMissingFolders()
{
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    QVERIFY(QDir(staticDir()).removeRecursively());
    Request request;
    request.bytes = png(30);
    request.pattern = u"uploads//2025/./{hash}.{ext}"_s; // no leading "/", empty and "." segments
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    const QString url = u"/uploads/2025/"_s + hash8(request.bytes) + u".png"_s;
    QCOMPARE(r.value().url, url);
    QCOMPARE(r.value().filePath, staticDir() + url);
    QCOMPARE(frontmark::test::readFile(staticDir() + url), request.bytes);
}

void TestImageImport::refusesNonImages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("originalName");
    QTest::addColumn<QString>("named");
    QTest::newRow("text named .png") << "not really a picture\n"_ba << u"/tmp/fake.png"_s << u"“fake.png”"_s;
    QTest::newRow("HTML") << "<!DOCTYPE html><html></html>"_ba << u"page.html"_s << u"“page.html”"_s;
    QTest::newRow("pasted garbage") << "\x00\x01\x02\x03"_ba << QString() << u"The pasted data"_s;
    QTest::newRow("nothing") << QByteArray() << QString() << u"The pasted data"_s;
}

void TestImageImport::refusesNonImages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, originalName);
    QFETCH(QString, named);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const QStringList before = treeOf(m_dir->path());
    Request request;
    request.bytes = bytes;
    request.originalName = originalName;
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(!r.ok(), "non-image bytes must be refused");
    QCOMPARE(r.error().kind, Error::Kind::Invalid);
    QVERIFY2(r.error().message.contains(named), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"is not an image a browser can show (PNG, JPEG, GIF, WebP, AVIF, SVG)"_s),
             qPrintable(r.error().message));
    QCOMPARE(treeOf(m_dir->path()), before);
}

void TestImageImport::refusesBadPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("reason");
    QTest::newRow("climbs out") << u"/../{hash}.{ext}"_s << u"leads out of the static folder"_s;
    QTest::newRow("climbs out deeper") << u"/images/../../secret/{hash}.{ext}"_s << u"leads out of the static folder"_s;
    QTest::newRow("'..' inside the folder too") << u"/images/../{hash}.{ext}"_s << u"leads out of the static folder"_s;
    QTest::newRow("unknown placeholder") << u"/images/{slug}-{hash}.{ext}"_s << u"unknown placeholder “{slug}”"_s;
    QTest::newRow("placeholders are case-sensitive") << u"/images/{DATE}.{ext}"_s << u"unknown placeholder “{DATE}”"_s;
    QTest::newRow("empty placeholder") << u"/images/{}.{ext}"_s << u"unknown placeholder “{}”"_s;
    QTest::newRow("unclosed brace") << u"/images/{date.{ext}"_s << u"without its “}”"_s;
    QTest::newRow("empty") << QString() << u"gives no file name"_s;
    QTest::newRow("only a slash") << u"/"_s << u"gives no file name"_s;
    QTest::newRow("a folder, no file name") << u"/images/{date}/"_s << u"gives no file name"_s;
}

void TestImageImport::refusesBadPatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, reason);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const QStringList before = treeOf(m_dir->path());
    Request request;
    request.bytes = png(40);
    request.pattern = pattern;
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(!r.ok(), "a bad pattern must be refused");
    QCOMPARE(r.error().kind, Error::Kind::Invalid);
    QVERIFY2(r.error().message.contains(u"“"_s + pattern + u"”"_s), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    QCOMPARE(treeOf(m_dir->path()), before);
}

void TestImageImport::postOutsideSiteGoesBesideIt()
{
    const QString post = m_dir->filePath(u"notes/draft.md"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"notes"_s)));
    QVERIFY(frontmark::test::writeFile(post, "# Draft\n"_ba));
    const Site site = Site::forPost(post);
    QVERIFY(!site.isHugoSite());
    Request request;
    request.bytes = png(50);
    request.postDate = QDate(2024, 12, 31);
    const auto r = frontmark::imageimport::importImage(site, post, request);
    QVERIFY2(r.ok(), qPrintable(failureText(r)));
    const QString name = u"20241231-"_s + hash8(request.bytes) + u".png"_s;
    QCOMPARE(r.value().url, u"images/"_s + name);
    QCOMPARE(r.value().filePath, m_dir->filePath(u"notes/images/"_s + name));
    QCOMPARE(frontmark::test::readFile(r.value().filePath), request.bytes);
    QCOMPARE(site.resolveLocal(r.value().url, post).value_or(QString()), QFileInfo(r.value().filePath).canonicalFilePath());
}

void TestImageImport::unsavedPostOutsideSiteIsRefused()
{
    Request request;
    request.bytes = png(60);
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path())); // a relative write would land here
    const auto r = frontmark::imageimport::importImage(Site(), QString(), request);
    QVERIFY(QDir::setCurrent(cwd));
    QVERIFY2(!r.ok(), "an unsaved post outside a site has no folder for images");
    QVERIFY2(r.error().message.contains(u"Save the post first"_s), qPrintable(r.error().message));
    QCOMPARE(treeOf(m_dir->path()), QStringList());
}

void TestImageImport::racingWriterKeepsItsFile()
{
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const Site site = Site::forPost(post);
    Request request;
    request.bytes = png(65) + QByteArray(32 * 1024 * 1024, '\0'); // a long write: the other writer gets in
    request.postDate = QDate(2025, 6, 2);
    const QString name = u"20250602-"_s + hash8(request.bytes);
    const QString target = staticDir() + u"/images/posts/"_s + name + u".png"_s;
    const QByteArray racerBytes = "another program's file\n"_ba;
    for (int attempt = 0; attempt < 5; ++attempt) {
        std::optional<frontmark::Result<Imported>> r;
        const bool racerWon =
            raceFor(target, racerBytes, [&] { r = frontmark::imageimport::importImage(site, post, request); });
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(failureText(*r)));
        if (!racerWon) {
            QVERIFY(QFile::remove(r->value().filePath));
            continue;
        }
        QCOMPARE(frontmark::test::readFile(target), racerBytes);
        QCOMPARE(r->value().url, u"/images/posts/"_s + name + u"-2.png"_s);
        QVERIFY(!r->value().reused);
        QCOMPARE(frontmark::test::readFile(r->value().filePath), request.bytes);
        return;
    }
    QSKIP("the other writer never got the name first (or inotify is not available)");
}

void TestImageImport::failedWriteLeavesNothing_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("stepText");
    QTest::newRow("open, existing folder") << Step::Open << frontmark::imageimport::defaultPattern() << u"creating the temporary file in"_s;
    QTest::newRow("write, existing folder") << Step::Write << frontmark::imageimport::defaultPattern() << u"while writing"_s;
    QTest::newRow("sync, existing folder") << Step::Sync << frontmark::imageimport::defaultPattern() << u"while syncing to disk"_s;
    QTest::newRow("naming, existing folder") << Step::Commit << frontmark::imageimport::defaultPattern() << u"giving the file its name"_s;
    QTest::newRow("open, new folders") << Step::Open << u"/new/deeper/{hash}.{ext}"_s << u"creating the temporary file in"_s;
    QTest::newRow("naming, new folders") << Step::Commit << u"/new/deeper/{hash}.{ext}"_s << u"giving the file its name"_s;
}

void TestImageImport::failedWriteLeavesNothing()
{
    QFETCH(Step, step);
    QFETCH(QString, pattern);
    QFETCH(QString, stepText);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const QStringList before = treeOf(m_dir->path());
    Request request;
    request.bytes = png(70);
    request.pattern = pattern;

    // What a read-only static folder does (tests run as root, where chmod 0555 stops nothing).
    frontmark::writefaults::inject(step, EROFS, staticDir());
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    frontmark::writefaults::inject(Step::None, 0);

    QVERIFY2(!r.ok(), "an injected fault must fail the import");
    QCOMPARE(r.error().kind, Error::Kind::Io);
    QVERIFY2(r.error().message.contains(stepText), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"Read-only file system"_s), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"Nothing was written."_s), qPrintable(r.error().message));
    QVERIFY2(r.error().file.startsWith(staticDir()), qPrintable(r.error().file));
    QCOMPARE(treeOf(m_dir->path()), before); // no temporary file, no new folder

    // The fault is gone: the same import works now.
    const auto again = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(again.ok(), qPrintable(failureText(again)));
}

void TestImageImport::readOnlyMountLeavesNothing_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("stepText");
    QTest::newRow("existing folder") << frontmark::imageimport::defaultPattern() << u"creating the temporary file in"_s;
    QTest::newRow("new folder") << u"/new/{hash}.{ext}"_s << u"Creating the folder"_s;
}

void TestImageImport::readOnlyMountLeavesNothing()
{
    QFETCH(QString, pattern);
    QFETCH(QString, stepText);
    const QString post = copySampleSite();
    QVERIFY(!post.isEmpty());
    const QString ro = staticDir();
    QString why;
    if (QStandardPaths::findExecutable(u"mount"_s).isEmpty())
        QSKIP("no mount command");
    if (!run(u"mount"_s, {u"--bind"_s, ro, ro}, &why))
        QSKIP(qPrintable(u"cannot bind-mount here (needs root and CAP_SYS_ADMIN): "_s + why));
    m_mounted << ro;
    if (!run(u"mount"_s, {u"-o"_s, u"remount,ro,bind"_s, ro}, &why))
        QSKIP(qPrintable(u"cannot remount read-only here: "_s + why));
    QVERIFY2(!frontmark::test::writeFile(ro + u"/probe"_s, "x"_ba), "the bind mount should be read-only now");
    const QStringList before = treeOf(m_dir->path());

    Request request;
    request.bytes = png(80);
    request.pattern = pattern;
    const auto r = frontmark::imageimport::importImage(Site::forPost(post), post, request);
    QVERIFY2(!r.ok(), "a read-only static folder cannot take the image");
    QCOMPARE(r.error().kind, Error::Kind::Io);
    QVERIFY2(r.error().message.contains(stepText), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"Read-only file system"_s), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"Nothing was written."_s), qPrintable(r.error().message));
    QCOMPARE(treeOf(m_dir->path()), before);
}

void TestImageImport::newFileIsWritten()
{
    const QString path = m_dir->filePath(u"new.png"_s);
    const QByteArray bytes = png(90);
    const mode_t oldMask = ::umask(022);
    const auto r = frontmark::writeNewFileAtomically(path, bytes);
    ::umask(oldMask);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value(), NewFile::Written);
    QCOMPARE(frontmark::test::readFile(path), bytes);
    QCOMPARE(treeOf(m_dir->path()), QStringList{u"new.png"_s});
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 07777), 0644); // 0666 less the umask, not mkstemp's 0600
}

void TestImageImport::newFileRefusesTakenName_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a file") << u"file"_s;
    QTest::newRow("an empty file") << u"empty"_s;
    QTest::newRow("a folder") << u"folder"_s;
    QTest::newRow("a dangling symbolic link") << u"dangling"_s;
}

void TestImageImport::newFileRefusesTakenName()
{
    QFETCH(QString, kind);
    const QString path = m_dir->filePath(u"taken.png"_s);
    const QByteArray old = "old bytes\n"_ba;
    if (kind == u"file"_s)
        QVERIFY(frontmark::test::writeFile(path, old));
    else if (kind == u"empty"_s)
        QVERIFY(frontmark::test::writeFile(path, QByteArray()));
    else if (kind == u"folder"_s)
        QVERIFY(QDir().mkdir(path));
    else
        QVERIFY(QFile::link(m_dir->filePath(u"nowhere"_s), path));
    const QStringList before = treeOf(m_dir->path());

    const auto r = frontmark::writeNewFileAtomically(path, "new bytes\n"_ba);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value(), NewFile::NameTaken);
    QCOMPARE(treeOf(m_dir->path()), before);
    if (kind == u"file"_s)
        QCOMPARE(frontmark::test::readFile(path), old);
    if (kind == u"empty"_s)
        QCOMPARE(QFileInfo(path).size(), 0);
    if (kind == u"dangling"_s)
        QVERIFY(QFileInfo(path).isSymLink());
}

void TestImageImport::newFileNeverReplacesARacer()
{
    const QString path = m_dir->filePath(u"raced.png"_s);
    const QByteArray bytes = png(94) + QByteArray(32 * 1024 * 1024, '\0');
    const QByteArray racerBytes = "another program's file\n"_ba;
    for (int attempt = 0; attempt < 5; ++attempt) {
        std::optional<frontmark::Result<NewFile>> r;
        const bool racerWon = raceFor(path, racerBytes, [&] { r = frontmark::writeNewFileAtomically(path, bytes); });
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().toString()));
        if (!racerWon) {
            QCOMPARE(r->value(), NewFile::Written);
            QVERIFY(QFile::remove(path));
            continue;
        }
        QCOMPARE(r->value(), NewFile::NameTaken);
        QCOMPARE(frontmark::test::readFile(path), racerBytes);
        QCOMPARE(treeOf(m_dir->path()), QStringList{u"raced.png"_s});
        return;
    }
    QSKIP("the other writer never got the name first (or inotify is not available)");
}

void TestImageImport::newFileRaceLosesCleanly()
{
    // EEXIST at the naming step is what another writer taking the name meanwhile causes.
    const QString path = m_dir->filePath(u"raced.png"_s);
    frontmark::writefaults::inject(Step::Commit, EEXIST);
    const auto r = frontmark::writeNewFileAtomically(path, png(91));
    frontmark::writefaults::inject(Step::None, 0);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value(), NewFile::NameTaken);
    QCOMPARE(treeOf(m_dir->path()), QStringList());
}

void TestImageImport::newFileFallsBackToLink()
{
    // EINVAL from renameat2 is a file system without RENAME_NOREPLACE: link(2) names the file.
    const QString path = m_dir->filePath(u"linked.png"_s);
    const QByteArray bytes = png(92);
    frontmark::writefaults::inject(Step::Commit, EINVAL);
    const auto r = frontmark::writeNewFileAtomically(path, bytes);
    QVERIFY(frontmark::test::writeFile(m_dir->filePath(u"other.png"_s), "other\n"_ba));
    const auto taken = frontmark::writeNewFileAtomically(m_dir->filePath(u"other.png"_s), bytes);
    frontmark::writefaults::inject(Step::None, 0);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value(), NewFile::Written);
    QCOMPARE(frontmark::test::readFile(path), bytes);
    QCOMPARE(QFileInfo(path).size(), bytes.size());
    QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().toString()));
    QCOMPARE(taken.value(), NewFile::NameTaken);
    QCOMPARE(frontmark::test::readFile(m_dir->filePath(u"other.png"_s)), "other\n"_ba);
    QCOMPARE(treeOf(m_dir->path()), (QStringList{u"linked.png"_s, u"other.png"_s}));
}

void TestImageImport::newFileFailureLeavesNothing_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<int>("errnoValue");
    QTest::addColumn<QString>("expected");
    QTest::newRow("open, EROFS") << Step::Open << EROFS << u"creating the temporary file in"_s;
    QTest::newRow("write, ENOSPC") << Step::Write << ENOSPC << u"while writing: No space left on device"_s;
    QTest::newRow("sync, EIO") << Step::Sync << EIO << u"while syncing to disk: Input/output error"_s;
    QTest::newRow("naming, EROFS") << Step::Commit << EROFS << u"giving the file its name: Read-only file system"_s;
    QTest::newRow("missing folder") << Step::None << 0 << u"does not exist"_s;
}

void TestImageImport::newFileFailureLeavesNothing()
{
    QFETCH(Step, step);
    QFETCH(int, errnoValue);
    QFETCH(QString, expected);
    const QString path = step == Step::None ? m_dir->filePath(u"gone/new.png"_s) : m_dir->filePath(u"new.png"_s);
    frontmark::writefaults::inject(step, errnoValue);
    const auto r = frontmark::writeNewFileAtomically(path, png(93));
    frontmark::writefaults::inject(Step::None, 0);
    QVERIFY2(!r.ok(), "the write must fail");
    QCOMPARE(r.error().kind, Error::Kind::Io);
    QCOMPARE(r.error().file, path);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"“new.png”"_s), qPrintable(r.error().message));
    QVERIFY2(r.error().message.endsWith(u"Nothing was written."_s), qPrintable(r.error().message));
    QCOMPARE(treeOf(m_dir->path()), QStringList());
}

QTEST_GUILESS_MAIN(TestImageImport)
#include "tst_imageimport.moc"
