// SPDX-License-Identifier: GPL-3.0-or-later
// The images side of MainWindow (issue #6): the Images panel, edits it asks for, images
// pasted or dropped into the editor, and relinking a missing image.

#include "mainwindow.h"

#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "images/imageedits.h"
#include "images/imageimport.h"
#include "images/imagespanel.h"
#include "preferencesdialog.h"
#include "preview/previewwidget.h"
#include "rawplaintext.h"
#include "live/renderworker.h"

#include <QBuffer>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageWriter>
#include <QPointer>
#include <QStatusBar>
#include <QTextBlock>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

constexpr int MessageTimeout = 8000;

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

// The post's date as the image folder pattern wants it: the front matter's date, else today.
QDate postDate(const Value &date)
{
    if (date.type() == Value::Type::DateTime)
        return date.toDateTime().dateTime.date();
    if (date.isString()) {
        const QDateTime parsed = QDateTime::fromString(date.toString().trimmed(), Qt::ISODate);
        if (parsed.isValid())
            return parsed.date();
        const QDate day = QDate::fromString(date.toString().trimmed().left(10), Qt::ISODate);
        if (day.isValid())
            return day;
    }
    return QDate::currentDate();
}

} // namespace

void MainWindow::createImagesDock()
{
    m_images = new ImagesPanel(this);
    m_imagesDock = new QDockWidget(this);
    m_imagesDock->setObjectName(u"imagesDock"_s);
    m_imagesDock->setWidget(m_images);
    addDockWidget(Qt::BottomDockWidgetArea, m_imagesDock);
    tabifyDockWidget(m_problemsDock, m_imagesDock);
    m_imagesDock->hide();

    // The list costs a second parse of the body: only while the panel is shown.
    connect(m_imagesDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_session->renderer()->setFindImages(visible);
        if (visible)
            requestRender();
    });
    connect(m_session->renderer(), &RenderWorker::imagesFound, this, [this](quint64 revision, const QList<PostImage> &images) {
        if (revision != m_session->revision())
            return; // an older text's ranges would patch the wrong place
        if (m_imagesDock->isVisible())
            m_images->setImages(images);
        const Diagnostics problems = imageProblems(images, QString());
        if (problems.size() != m_imageProblems.size() || !problems.isEmpty()) {
            m_imageProblems = problems;
            updateProblems();
        }
    });
    connect(m_images, &ImagesPanel::imageSelected, this, &MainWindow::showImage);
    connect(m_images, &ImagesPanel::altTextEdited, this, [this](const PostImage &image, const QString &alt) {
        applyImageEdit(image, imageedits::setAlt(rawPlainText(m_editor->document()), image, alt));
    });
    connect(m_images, &ImagesPanel::captionEdited, this, [this](const PostImage &image, const QString &caption) {
        applyImageEdit(image, imageedits::setCaption(rawPlainText(m_editor->document()), image, caption));
    });
    connect(m_images, &ImagesPanel::separateCaptionRequested, this, [this](const PostImage &image) {
        applyImageEdit(image, imageedits::separateMergedCaption(rawPlainText(m_editor->document()), image));
    });
    connect(m_images, &ImagesPanel::convertRequested, this, [this](const PostImage &image) {
        const QString body = rawPlainText(m_editor->document());
        applyImageEdit(image, image.kind == PostImage::Kind::Figure ? imageedits::convertFromFigure(body, image)
                                                                     : imageedits::convertToFigure(body, image));
    });
    connect(m_images, &ImagesPanel::relinkRequested, this, &MainWindow::chooseRelinkFile);
    connect(m_editor, &MarkdownEditor::imagesInserted, this, &MainWindow::addImages);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_imagesDock->isVisible())
            m_images->followCursor(m_editor->textCursor().position());
    });
    connect(m_preview, &PreviewWidget::imageClicked, this, [this](int blockIndex, int nth) {
        // The nth listed image in that block (blocks are listed in order, like the images).
        const QList<PostImage> &images = m_images->images();
        int seen = 0;
        for (int row = 0; row < images.size(); ++row) {
            if (m_preview->blockIndexForLine(images.at(row).line) != blockIndex)
                continue;
            if (seen++ == nth) {
                m_images->selectImage(row);
                return;
            }
        }
    });
}

void MainWindow::showImage(const PostImage &image)
{
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(std::min(int(image.source.start), m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    // Which image of its preview block it is: the listed images before it in the same block.
    const int block = m_preview->blockIndexForLine(image.line);
    int nth = 0;
    for (const PostImage &other : m_images->images()) {
        if (other.source == image.source)
            break;
        if (m_preview->blockIndexForLine(other.line) == block)
            ++nth;
    }
    m_preview->showImage(block, nth);
}

bool MainWindow::applyImageEdit(const PostImage &image, const Result<TextEdit> &edit)
{
    if (!edit) {
        statusBar()->showMessage(edit.error().message, MessageTimeout);
        return false;
    }
    const QString body = rawPlainText(m_editor->document());
    if (body.mid(image.source.start, image.source.length) != image.sourceText) {
        statusBar()->showMessage(tr("The text around this image changed since the list was made; try again."), MessageTimeout);
        requestRender();
        return false;
    }
    const TextEdit &e = edit.value();
    if (e.range.isNull() || e.range.end() > body.size())
        return false;
    if (QStringView(body).sliced(e.range.start, e.range.length) == e.text)
        return true; // already says that
    // One undo step: the selection replaced in one go.
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(e.range.start));
    cursor.setPosition(int(e.range.end()), QTextCursor::KeepAnchor);
    cursor.insertText(e.text);
    return true;
}

void MainWindow::chooseRelinkFile(const PostImage &image)
{
    const QStringList statics = m_options.site.staticDirs();
    const QString start = !statics.isEmpty() ? statics.constFirst()
                                             : (filePath().isEmpty() ? QDir::homePath() : QFileInfo(filePath()).absolutePath());
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Relink “%1”").arg(image.url), start,
        tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.avif *.svg *.bmp);;All files (*)"));
    if (!file.isEmpty())
        relinkImage(image, file);
}

bool MainWindow::relinkImage(const PostImage &image, const QString &file)
{
    // A file already in one of the site's static folders is linked where it is; any other is
    // copied in first, as a dropped image would be.
    const QString canonical = QFileInfo(file).canonicalFilePath();
    QString url;
    for (const QString &dir : m_options.site.staticDirs()) {
        const QString root = QFileInfo(dir).canonicalFilePath();
        if (!root.isEmpty() && canonical.startsWith(root + u'/')) {
            url = canonical.mid(root.size());
            break;
        }
    }
    if (url.isEmpty()) {
        startImageImport({QTextCursor(), image}, {file}, QImage());
        return true;
    }
    return applyImageEdit(image, imageedits::setUrl(rawPlainText(m_editor->document()), image, url));
}

void MainWindow::addImages(const QTextCursor &at, const QStringList &files, const QImage &pasted)
{
    startImageImport({at, std::nullopt}, files, pasted);
}

void MainWindow::startImageImport(const ImageJob &job, const QStringList &files, const QImage &pasted)
{
    // Reading, hashing and writing a photo is I/O: on a worker, then the Markdown goes where
    // the drop or paste was (a QTextCursor follows edits made meanwhile), or the link changes.
    imageimport::Request base;
    base.postDate = postDate(m_form->frontMatter().value(u"date"_s));
    base.pattern = Preferences::load().imagePattern;
    QList<imageimport::Request> requests;
    if (!pasted.isNull()) {
        imageimport::Request request = base;
        QBuffer buffer(&request.bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter(&buffer, "png").write(pasted);
        requests.append(request);
    }
    const Site site = m_options.site;
    const QString postPath = filePath();
    QPointer<MainWindow> self(this);
    // What to do with the copies stays on the UI thread (a QTextCursor belongs to its
    // document's thread); the worker carries only the job's number.
    const quint64 number = ++m_imageJobCount;
    m_imageJobs.emplace(number, job);
    QThreadPool::globalInstance()->start([self, site, postPath, files, requests, base, number]() mutable {
        QStringList urls;
        QStringList errors;
        for (const QString &file : files) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                errors.append(tr("Could not read %1: %2.").arg(file, in.errorString()));
                continue;
            }
            imageimport::Request request = base;
            request.bytes = in.readAll();
            request.originalName = QFileInfo(file).fileName();
            requests.append(request);
        }
        for (const imageimport::Request &request : std::as_const(requests)) {
            const Result<imageimport::Imported> imported = imageimport::importImage(site, postPath, request);
            if (imported)
                urls.append(imported.value().url);
            else
                errors.append(imported.error().toString());
        }
        QMetaObject::invokeMethod(qApp, [self, number, urls, errors] {
            if (MainWindow *window = self.data())
                window->finishImageImport(number, urls, errors);
        });
    });
}

void MainWindow::finishImageImport(quint64 number, const QStringList &urls, const QStringList &errors)
{
    if (!errors.isEmpty())
        statusBar()->showMessage(errors.join(u' '), MessageTimeout);
    const auto found = m_imageJobs.find(number);
    if (found == m_imageJobs.end())
        return; // another post was opened meanwhile
    const ImageJob job = found->second;
    m_imageJobs.erase(found);
    if (urls.isEmpty())
        return;
    if (job.relink) {
        // The edit checks the text still holds the image where the list saw it.
        applyImageEdit(*job.relink, imageedits::setUrl(rawPlainText(m_editor->document()), *job.relink, urls.constFirst()));
        return;
    }
    if (!job.insertAt.isNull() && job.insertAt.document() == m_editor->document())
        insertImageMarkdown(job.insertAt, urls);
}

void MainWindow::insertImageMarkdown(QTextCursor cursor, const QStringList &urls)
{
    // Each image is a paragraph of its own with an empty caption line under it, a blank line
    // away from the text around it (docs/decisions.md, decision 7), and the cursor waits on the first
    // caption line.
    const QTextBlock block = cursor.block();
    const QString before = block.text().left(cursor.positionInBlock());
    const QString after = block.text().mid(cursor.positionInBlock());
    QString prefix;
    if (!isBlank(before))
        prefix = u"\n\n"_s;
    else if (block.previous().isValid() && !isBlank(block.previous().text()))
        prefix = u"\n"_s;
    QString suffix;
    if (!isBlank(after))
        suffix = u"\n\n"_s;
    else if (block.next().isValid() && !isBlank(block.next().text()))
        suffix = u"\n"_s;

    cursor.beginEditBlock();
    cursor.insertText(prefix);
    int captionAt = -1;
    for (qsizetype i = 0; i < urls.size(); ++i) {
        if (i > 0)
            cursor.insertText(u"\n\n"_s);
        cursor.insertText(imageimport::markdownFor(urls.at(i), QString()));
        if (captionAt < 0)
            captionAt = cursor.position();
    }
    cursor.insertText(suffix);
    cursor.endEditBlock();
    cursor.setPosition(captionAt);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
    statusBar()->showMessage(urls.size() == 1 ? tr("Added %1. Type its caption on this line.").arg(urls.constFirst())
                                              : tr("Added %n images.", nullptr, int(urls.size())),
                             MessageTimeout);
}

} // namespace frontmark
