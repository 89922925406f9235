// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the part that touches files (issue #5): save with the on-disk check, write
// failures that say where the text is, publish, new posts from archetypes, autosave and
// recovery. The layout, actions and preview wiring are in mainwindow.cpp.
#include "mainwindow.h"

#include "preferencesdialog.h"

#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "messagebar.h"
#include "preview/previewwidget.h"
#include "publish/conflictdialog.h"
#include "publish/newpostdialog.h"
#include "publish/publishdialog.h"
#include "publish/recovery.h"
#include "io/safewrite.h"
#include "rawplaintext.h"
#include "recentfilesmenu.h"
#include "recovery/autosaver.h"
#include "uilog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTextCursor>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

bool MainWindow::save()
{
    if (filePath().isEmpty()) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Post"), QString(), tr("Markdown (*.md);;All files (*)"));
        return !path.isEmpty() && saveAs(path);
    }
    return saveAs(filePath());
}

bool MainWindow::saveAs(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray bytes = currentBytes();

    auto outcome = m_session->save(bytes, absolute);
    if (outcome.kind == PostSession::SaveOutcome::Kind::Conflict) {
        // Another program wrote the post since we read it: the writer decides, having seen both.
        ConflictDialog dialog(filePath(), outcome.diskBytes, bytes, this);
        dialog.exec();
        switch (dialog.choice()) {
        case ConflictDialog::Choice::Overwrite:
            outcome = m_session->save(bytes, absolute, true);
            break;
        case ConflictDialog::Choice::SaveAs: {
            const QString other = QFileDialog::getSaveFileName(this, tr("Save Post As"), filePath(),
                                                               tr("Markdown (*.md);;All files (*)"));
            return !other.isEmpty() && QFileInfo(other).absoluteFilePath() != filePath() && saveAs(other);
        }
        case ConflictDialog::Choice::Cancel:
            return false;
        }
    }
    if (outcome.kind == PostSession::SaveOutcome::Kind::WriteFailed) {
        reportWriteFailure(absolute, *outcome.error);
        return false;
    }

    m_form->setFrontMatter(m_session->post().frontMatter());
    m_editor->document()->setModified(false);
    if (m_autoSaver)
        m_autoSaver->markClean();
    m_diskBar->hide();
    if (outcome.renamed) {
        m_recentMenu->add(filePath());
        m_options.site = Site::forPost(filePath());
        m_options.postPath = filePath();
        m_preview->setPost(m_options.site, filePath(), m_options.site.permalinkPath(filePath(), m_options.frontMatter));
        requestRender();
    }
    updateTitle();
    updateFormatLabel();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(filePath()).fileName()), 4000);
    Q_EMIT fileSaved(filePath());
    return true;
}

void MainWindow::reportWriteFailure(const QString &path, const Error &error)
{
    // Say exactly what failed and where the writer's text is now: in this window, and in a
    // recovery copy written right away (the post's own folder may be the thing that failed).
    QString where = tr("Your text is still here in the editor; nothing was lost.");
    if (m_autoSaver && m_recoveryStore) {
        m_autoSaver->markChanged();
        m_autoSaver->flushNow();
        m_autoSaver->waitForWrites(2000); // a rare path; the message must tell the truth
        const QString copy = QDir(m_recoveryStore->sessionDir()).filePath(m_autoSaver->documentId() + u".md"_s);
        if (QFileInfo::exists(copy))
            where += u' ' + tr("A recovery copy is also at %1.").arg(QDir::toNativeSeparators(copy));
    }
    qCWarning(lcUi) << "save failed:" << error.toString();
    QMessageBox box(QMessageBox::Critical, tr("Not saved"), tr("“%1” could not be saved.").arg(QFileInfo(path).fileName()),
                    QMessageBox::Ok, this);
    // The advice follows the cause (#21): telling a read-only file system to free some space
    // sends the writer the wrong way.
    QString advice;
    switch (writeFailureOf(error)) {
    case WriteFailure::NoSpace:
        advice = tr("Free some space or choose File ▸ Save As to write it somewhere else.");
        break;
    case WriteFailure::NotWritable:
        advice = tr("The file or its folder is read-only, or you have no permission to change it: choose File ▸ Save As to write it somewhere else.");
        break;
    case WriteFailure::Other:
        advice = tr("Try again, or choose File ▸ Save As to write it somewhere else.");
        break;
    }
    box.setInformativeText(error.message + u"\n\n"_s + where + u"\n\n"_s + advice);
    box.setDetailedText(error.toString());
    box.exec();
}

bool MainWindow::maybeSave()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them first?")
            .arg(filePath().isEmpty() ? tr("Untitled") : QFileInfo(filePath()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard && m_autoSaver)
        m_autoSaver->markClean(); // the writer threw these edits away: no copy to offer later
    return answer == QMessageBox::Discard;
}

void MainWindow::onFileChangedOnDisk(bool deleted)
{
    const QString name = QFileInfo(filePath()).fileName();
    m_diskChange = deleted;
    m_diskBar->clearButtons();
    if (deleted) {
        m_diskBar->showMessage(tr("“%1” was deleted or moved on disk. Your text is still here; save to write it again.").arg(name));
        m_diskBar->addButton(tr("Dismiss"), [this] { m_diskBar->hide(); });
        return;
    }
    m_diskBar->showMessage(isModified()
        ? tr("“%1” changed on disk, and you have unsaved changes here. Reloading would replace them.").arg(name)
        : tr("“%1” changed on disk.").arg(name));
    m_diskBar->addButton(tr("Reload from Disk"), [this] { reloadFromDisk(); });
    m_diskBar->addButton(isModified() ? tr("Keep My Version") : tr("Ignore"), [this] {
        // Keeping ours: what is on disk now is the base; the next save writes our text.
        m_session->acceptDiskVersion();
        m_diskBar->hide();
    });
}

void MainWindow::reloadFromDisk()
{
    if (isModified()) {
        const auto answer = QMessageBox::warning(this, tr("Reload from disk"),
                                                 tr("Replace your unsaved changes with the version on disk?"),
                                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    // Read as any open is (on a pool thread when large); the cursor goes back to its line.
    m_lineAfterReload = m_editor->currentLine();
    if (!openPath(filePath()))
        m_lineAfterReload = 0;
}

void MainWindow::splitClosedFrontMatter()
{
    // Issue #21: a post whose front matter never closed was read with all of the rest of the
    // file as its raw block (PostFile::fromBytes), the body empty. Once the writer has typed the
    // missing delimiter there, split the text again the way Hugo will read it, so the form shows
    // the keys and the body editor the body. The parts join to the very same bytes.
    if (!m_form->frontMatter().isUnclosed())
        return;
    const QByteArray bytes = currentBytes();
    auto split = PostFile::fromBytes(bytes, filePath());
    if (!split.ok() || split.value().frontMatter().isUnclosed())
        return;
    // The new parts are the base for the form from now on. What is on disk is still
    // the session's disk bytes, without the delimiter, so the body stays modified until the next save.
    m_session->setPost(split.value());
    const FrontMatter &fm = m_session->post().frontMatter();
    if (fm.isValid())
        m_options.frontMatter = fm.toMap();
    m_form->setFrontMatter(fm); // the fields, or the raw editor at the block's own error
    onFormError(fm.isValid() ? QString() : fm.error()->toString());
    m_editor->setPlainText(m_session->post().bodyText());
    m_editor->document()->setModified(true);
    m_editor->moveCursor(QTextCursor::Start);
    if (fm.isValid())
        m_editor->setFocus();
    updateTitle();
    onDocumentEdited();
}

void MainWindow::publish()
{
    auto current = PostFile::fromBytes(currentBytes(), filePath());
    if (!current.ok()) {
        m_errorBar->showMessage(current.error().toString());
        return;
    }
    // The same rule as saving: an in-place publish must not overwrite someone else's edit blind.
    if (const auto disk = m_session->conflictingDiskBytes()) {
        ConflictDialog conflict(filePath(), *disk, current.value().toBytes(), this);
        conflict.saveAsButton()->hide(); // publishing goes to the post's place or not at all
        conflict.overwriteButton()->setText(tr("Publish My Version…"));
        conflict.exec();
        if (conflict.choice() != ConflictDialog::Choice::Overwrite)
            return;
        // The writer has seen their change; the publish dialog's diff is against disk as it is now.
        m_session->acceptDiskVersion();
    }

    publisher::Options options;
    options.targetSite = QSettings().value(u"publish/lastSite"_s).toString();
    PublishDialog dialog(current.value(), filePath(), options, this);
    connect(&dialog, &PublishDialog::problemActivated, this, &MainWindow::jumpTo);
    if (dialog.exec() != QDialog::Accepted || dialog.publishedPath().isEmpty())
        return;

    const QString published = QFileInfo(dialog.publishedPath()).absoluteFilePath();
    const QByteArray bytes = readFile(published);
    if (published == filePath()) {
        // Published in place: what is on disk is now this window's saved state.
        auto post = PostFile::fromBytes(bytes, filePath());
        if (post.ok()) {
            m_session->setPost(post.value());
            m_form->setFrontMatter(post.value().frontMatter());
            m_options.frontMatter = post.value().frontMatter().toMap();
            if (post.value().bodyText() == rawPlainText(m_editor->document()))
                m_editor->document()->setModified(false);
        }
        m_session->setDiskBytes(bytes);
        if (m_autoSaver && !isModified())
            m_autoSaver->markClean();
        updateTitle();
        requestRender();
    } else {
        // From outside a site: the draft stays as it was on disk; the window moves to the
        // published post, which holds everything the writer had here.
        if (m_autoSaver)
            m_autoSaver->markClean();
        m_editor->document()->setModified(false);
        m_form->setFrontMatter(m_session->post().frontMatter());
        openFile(published);
    }
    statusBar()->showMessage(tr("Published %1").arg(published), 8000);
}

void MainWindow::jumpTo(const Diagnostic &problem)
{
    if (problem.line <= 0)
        return;
    const int bodyLine = problem.line - bodyFirstLine() + 1;
    if (bodyLine >= 1) {
        m_editor->goToLine(bodyLine);
        m_editor->setFocus();
        return;
    }
    // In the front matter: show the form, and the place in words (the form is by field).
    setFormVisible(true);
    statusBar()->showMessage(tr("Line %1: %2").arg(problem.line).arg(problem.message), 10000);
}

void MainWindow::newPostFromArchetype()
{
    if (!maybeSave())
        return;
    QString site = m_options.site.root();
    if (site.isEmpty())
        site = QSettings().value(u"publish/lastSite"_s).toString();
    NewPostDialog dialog(site, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.createdPath().isEmpty())
        openFile(dialog.createdPath());
}

void MainWindow::setRecoveryStore(RecoveryStore *store)
{
    delete m_autoSaver;
    m_autoSaver = nullptr;
    m_recoveryStore = store;
    if (!store)
        return;
    m_autoSaver = new AutoSaver(store, this);
    m_autoSaver->setDelay(Preferences::load().autosaveSeconds * 1000);
    // What currentBytes() does, split: capture on the UI thread, join and encode on the worker.
    m_autoSaver->setSnapshotProvider([this] {
        PostFile post = m_session->post();
        post.frontMatter() = m_form->frontMatter();
        return AutoSaver::Snapshot([post, text = rawPlainText(m_editor->document())]() mutable {
            post.setBodyText(text);
            return post.toBytes();
        });
    });
    m_autoSaver->setDocument(filePath(), m_session->diskBytes());
    connect(m_autoSaver, &AutoSaver::recoveryFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not write a recovery copy: %1").arg(message), 10000);
    });
    if (isModified())
        m_autoSaver->markChanged();
}

void MainWindow::restoreRecovered(const RecoveryEntry &entry)
{
    auto post = PostFile::fromBytes(entry.bytes, entry.originalPath);
    if (!post.ok()) {
        m_errorBar->showMessage(post.error().toString());
        return;
    }
    const QString path = entry.originalPath.isEmpty() ? QString() : QFileInfo(entry.originalPath).absoluteFilePath();
    // The base for the next save is what is on disk now, not what the copy was made from:
    // the writer saw the difference in the recovery dialog.
    const QByteArray disk = path.isEmpty() ? QByteArray() : readFile(path);
    m_session->adopt(post.value(), path, disk);
    showPost(post.value().bodyText());
    m_editor->document()->setModified(entry.bytes != disk || path.isEmpty());
    if (m_autoSaver)
        m_autoSaver->markChanged();
    updateTitle();
    statusBar()->showMessage(tr("Recovered unsaved changes from %1").arg(QLocale().toString(entry.savedAt, QLocale::ShortFormat)), 10000);
}

void MainWindow::startLoading(const QString &body)
{
    m_loading = true; // first: the editor's change signals below must not render or autosave
    m_loadingText = body;
    m_loadedChars = 0;
    m_editor->setPlainText(QString());
    m_editor->setReadOnly(true);
    m_editor->document()->setUndoRedoEnabled(false);
    m_loadBar->setRange(0, 1000);
    m_loadBar->setValue(0);
    m_loadBox->show();
    QTimer::singleShot(0, this, &MainWindow::loadNextSlice);
}

void MainWindow::loadNextSlice()
{
    if (!m_loading)
        return;
    // Slices of a few hundred lines until about 6 ms have gone: the highlighter colours each
    // slice as it arrives, and the window answers between them (issue #20: one slice must
    // stay well inside a 16 ms frame, highlighting included).
    constexpr qsizetype Slice = 12 * 1024;
    constexpr qint64 BudgetMs = 6;
    QElapsedTimer timer;
    timer.start();
    QTextCursor end(m_editor->document());
    end.movePosition(QTextCursor::End);
    while (m_loadedChars < m_loadingText.size() && timer.elapsed() < BudgetMs) {
        // Whole lines only: a line inserted in pieces is laid out again for every piece.
        const qsizetype newline = m_loadingText.indexOf(u'\n', m_loadedChars + std::min(Slice, m_loadingText.size() - m_loadedChars) - 1);
        const qsizetype n = (newline < 0 ? m_loadingText.size() : newline + 1) - m_loadedChars;
        end.insertText(m_loadingText.mid(m_loadedChars, n));
        m_loadedChars += n;
    }
    m_editor->document()->setModified(false); // nothing the writer typed yet
    // QProgressBar::setValue() repaints at once when what it shows changes (8 ms a time here,
    // 70 ms the first time): the bar moves at most ten times a second.
    if (!m_loadBarClock.isValid() || m_loadBarClock.elapsed() >= 100) {
        m_loadBarClock.start();
        m_loadBar->setValue(int(1000 * m_loadedChars / std::max<qsizetype>(1, m_loadingText.size())));
    }
    if (m_loadedChars < m_loadingText.size()) {
        QTimer::singleShot(0, this, &MainWindow::loadNextSlice);
        return;
    }
    finishLoading();
}

void MainWindow::finishLoading()
{
    // Read-only while it went in: the editor holds exactly this text, so the first render
    // takes it as it is rather than copying 64 MB out of the document again.
    const QString text = stopLoading();
    m_editor->moveCursor(QTextCursor::Start);
    if (m_autoSaver)
        m_autoSaver->markClean();
    updateTitle();
    renderText(text);
}

QString MainWindow::stopLoading()
{
    m_loading = false;
    m_loadedChars = 0;
    m_loadBox->hide();
    m_editor->document()->setUndoRedoEnabled(true);
    m_editor->setReadOnly(false);
    m_editor->document()->setModified(false);
    return std::exchange(m_loadingText, QString());
}

void MainWindow::cancelLoading()
{
    if (m_session->isOpening()) {
        // Still reading: the post that was open stays.
        m_session->cancelOpen();
        m_lineAfterReload = 0;
        m_loadBox->hide();
        return;
    }
    if (!m_loading)
        return;
    // Nothing was changed: the post stays on disk as it is; the window gets a new post.
    stopLoading();
    m_editor->document()->setModified(false);
    statusBar()->showMessage(tr("Opening “%1” was cancelled.").arg(QFileInfo(filePath()).fileName()), 5000);
    newPost();
}

} // namespace frontmark
