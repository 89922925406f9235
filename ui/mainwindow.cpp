// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the part that shows a post: opening it (through the PostSession), putting it in
// the form and the editor, asking for renders and mapping their results to the preview, the
// Problems panel and the counts, and the editor/preview scroll sync. The window's layout and
// actions are in mainwindowui.cpp; saving, publishing and recovery in mainwindowfiles.cpp.
#include "mainwindow.h"

#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "images/imagespanel.h"
#include "live/renderworker.h"
#include "messagebar.h"
#include "preferencesdialog.h"
#include "preview/previewwidget.h"
#include "problems/problemspanel.h"
#include "publish/validator.h"
#include "rawplaintext.h"
#include "recentfilesmenu.h"
#include "recovery/autosaver.h"
#include "site/siteterms.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

QStringList postSuffixes()
{
    return {u"md"_s, u"markdown"_s, u"mdown"_s, u"html"_s};
}

QString untitledPostText()
{
    const QString date = DateTimeValue::now().isoText();
    return u"---\ntitle: \"\"\ndate: %1\ndraft: true\n---\n\n"_s.arg(date);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    m_session = new PostSession(this);
    connect(m_session->renderer(), &RenderWorker::rendered, this, &MainWindow::onRendered);
    connect(m_session, &PostSession::changedOnDisk, this, &MainWindow::onFileChangedOnDisk);
    connect(m_session, &PostSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &PostSession::openFailed, this, &MainWindow::onOpenFailed);
    connect(m_session, &PostSession::baseChanged, this, [this](const QString &path, const QByteArray &bytes) {
        if (m_autoSaver)
            m_autoSaver->setDocument(path, bytes);
    });

    createLayout();
    createActions();
    retranslateUi();
    setAcceptDrops(true);
    readSettings();
    // Nothing the set-up did counts as an edit (fonts, margins): a new window is unmodified.
    m_editor->document()->setModified(false);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Destroying the children may commit an open cell editor or field (a caption being typed),
    // whose signal must not reach this half-destroyed window.
    for (QObject *child : std::initializer_list<QObject *>{m_images, m_form, m_problems, m_findBar})
        child->disconnect(this);
}

QString MainWindow::filePath() const
{
    return m_session->path();
}

quint64 MainWindow::requestedRevision() const
{
    return m_session->revision();
}

bool MainWindow::isModified() const
{
    return m_editor->document()->isModified() || m_form->frontMatter().bytes() != m_session->post().frontMatter().bytes();
}

QByteArray MainWindow::currentBytes() const
{
    PostFile out = m_session->post();
    out.frontMatter() = m_form->frontMatter();
    // While a large body is still loading (read-only), the editor holds a prefix of it.
    out.setBodyText(m_loading ? rawPlainText(m_editor->document()) + QStringView(m_loadingText).mid(m_loadedChars)
                              : rawPlainText(m_editor->document()));
    return out.toBytes();
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    return openPath(path);
}

bool MainWindow::openPath(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A post of a few hundred kilobytes reads and splits in a millisecond or two: at once, so
    // the window shows it when this returns. A larger one on a pool thread, with the progress
    // box up (issue #20): the UI thread never waits for the disk or the UTF-8 decoding.
    if (QFileInfo(absolute).size() > ReadInBackgroundBytes) {
        m_session->open(absolute);
        if (!m_loading) {
            m_loadBar->setRange(0, 0); // busy: reading
            m_loadBox->show();
        }
        return true;
    }
    auto opened = PostSession::read(absolute);
    if (!opened.ok()) {
        m_errorBar->showMessage(opened.error().toString());
        return false;
    }
    m_session->accept(opened.value());
    onOpened(opened.value());
    return true;
}

void MainWindow::onOpened(const PostSession::Opened &opened)
{
    showPost(opened.body);
    m_recentMenu->add(opened.path);
    if (m_lineAfterReload > 0) {
        m_editor->goToLine(m_lineAfterReload);
        m_lineAfterReload = 0;
    }
}

void MainWindow::onOpenFailed(const QString &path, const Error &error)
{
    Q_UNUSED(path);
    m_lineAfterReload = 0;
    if (!m_loading)
        m_loadBox->hide();
    m_errorBar->showMessage(error.toString());
}

void MainWindow::newPost()
{
    auto post = PostFile::fromBytes(untitledPostText().toUtf8());
    if (!post.ok())
        return;
    m_session->adopt(post.value(), QString(), QByteArray());
    showPost(post.value().bodyText());
}

void MainWindow::showPost(const QString &body)
{
    const PostFile &post = m_session->post();
    const QString path = m_session->path();
    m_errorBar->hide();
    m_diskBar->hide();

    m_renderProblems.clear();
    m_imageProblems.clear();
    m_imageJobs.clear(); // an image still being copied belongs to the post it was dropped on
    m_options = RenderOptions();
    m_options.hugoVersion = Preferences::load().hugoVersion;
    m_options.site = path.isEmpty() ? Site() : Site::forPost(path);
    m_options.postPath = path;
    m_options.frontMatter = post.frontMatter().toMap();
    m_options.bodyFirstLine = 1; // the preview maps lines to the editor, which holds the body only

    m_form->setFrontMatter(post.frontMatter());
    if (!post.frontMatter().isValid() && post.frontMatter().error())
        onFormError(post.frontMatter().error()->toString());
    m_preview->setPost(m_options.site, path, path.isEmpty() ? u"/"_s : m_options.site.permalinkPath(path, m_options.frontMatter));
    // Not under a QSignalBlocker: the highlighter listens to the document's changes. The render
    // this triggers is the one the preview needs anyway.
    // Latin words are checked in the post's language: its own `lang`, else the site's
    // languageCode, else Hugo's default (English); a Chinese post checks its English words.
    QString language = post.frontMatter().value(u"lang"_s).toString();
    if (language.isEmpty())
        language = m_options.site.config().hugoValue(u"languageCode").toString();
    m_editor->setSpellLanguage(language);
    if (m_loading)
        stopLoading(); // another post replaces one still loading
    if (body.size() > LargeBodyChars) {
        startLoading(body);
    } else {
        m_editor->setPlainText(body);
        m_editor->document()->setModified(false);
        m_editor->moveCursor(QTextCursor::Start);
        m_loadBox->hide(); // a large post still being read when this one came is dropped
    }
    if (post.frontMatter().isValid())
        m_editor->setFocus(); // a writer opens a post to type in it (else: the raw editor, at the error)

    updateFormatLabel();
    updatePosition(1, 1);
    if (m_autoSaver)
        m_autoSaver->markClean(); // a fresh document: nothing unsaved to keep
    updateTitle();
    loadSiteTerms();
}

void MainWindow::updateFormatLabel()
{
    const PostFile &post = m_session->post();
    const LineEnding eol = m_session->lineEnding();
    m_formatLabel->setText(tr("%1 · %2%3").arg(formatName(post.format()).toUpper(),
                                              eol == LineEnding::CrLf ? u"CRLF"_s : eol == LineEnding::Mixed ? tr("mixed EOL") : u"LF"_s,
                                              post.hasBom() ? tr(" · BOM") : QString()));
}

void MainWindow::loadSiteTerms()
{
    if (m_options.site.contentDir().isEmpty())
        return;
    // Reading every post of a site is I/O: a worker thread, results back through a queued call.
    const Site site = m_options.site;
    QPointer<MainWindow> self(this);
    QThread *thread = QThread::create([site, self] {
        const QStringList tags = siteTerms(site, u"tags"_s);
        const QStringList categories = siteTerms(site, u"categories"_s);
        QMetaObject::invokeMethod(qApp, [self, tags, categories] {
            if (self) {
                self->m_form->setTermSuggestions(u"tags"_s, tags);
                self->m_form->setTermSuggestions(u"categories"_s, categories);
            }
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

void MainWindow::requestRender()
{
    if (m_loading)
        return; // finishLoading() asks once the whole body is in
    renderText(rawPlainText(m_editor->document()));
}

void MainWindow::renderText(const QString &body)
{
    m_preview->watchRender(m_session->requestRender(body, m_options));
}

int MainWindow::bodyFirstLine() const
{
    // The form may have added or removed front matter lines since the post was read.
    const PostFile &post = m_session->post();
    const qsizetype added = m_form->frontMatter().bytes().count('\n') - post.frontMatter().bytes().count('\n');
    return post.bodyFirstLine() + int(added);
}

void MainWindow::onRendered(quint64 revision, const RenderResult &result)
{
    m_preview->showRender(revision, result);
    m_renderProblems = validator::reviewRender(result.diagnostics, m_options.site);
    updateProblems();
    m_stats = result.stats;
    m_hasStats = true;
    updateCounts();
}

void MainWindow::updateCounts()
{
    if (!m_hasStats)
        return;
    const QLocale locale;
    m_countLabel->setText(tr("%1 words · %2 min read").arg(locale.toString(m_stats.words)).arg(m_stats.readingMinutes));
    m_countLabel->setToolTip(tr("%1 CJK characters, %2 Latin words, %3 characters without spaces")
                                 .arg(locale.toString(m_stats.cjkCharacters), locale.toString(m_stats.latinWords),
                                      locale.toString(m_stats.characters)));
}

void MainWindow::updateProblems()
{
    // The front matter as the form holds it now (cheap: a few keys), and the body's problems
    // from the render, moved from editor lines to file lines.
    PostFile current = m_session->post();
    current.frontMatter() = m_form->frontMatter();
    Diagnostics all = validator::checkPost(current);
    const int offset = bodyFirstLine() - 1;
    const QString file = filePath().isEmpty() ? tr("Untitled") : filePath();
    for (const Diagnostics *body : {&m_renderProblems, &m_imageProblems}) {
        for (Diagnostic d : *body) {
            if (d.line > 0)
                d.line += offset;
            all.append(d);
        }
    }
    if (!m_previewProblem.isEmpty())
        all.append(Diagnostic{Diagnostic::Severity::Warning, m_previewProblem, QString(), 0, 0, {}, {}});
    for (Diagnostic &d : all)
        d.file = file;
    m_problems->setProblems(all);
    const int errors = m_problems->errorCount();
    const int warnings = m_problems->warningCount();
    const auto counted = [](int n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    m_problemsButton->setText(errors + warnings == 0 ? tr("No problems")
                              : counted(errors, tr("1 error"), tr("%1 errors")) + u", "_s
                                    + counted(warnings, tr("1 warning"), tr("%1 warnings")));
    m_problemsButton->setIcon(style()->standardIcon(errors > 0 ? QStyle::SP_MessageBoxCritical
                                                    : warnings > 0 ? QStyle::SP_MessageBoxWarning
                                                                   : QStyle::SP_DialogApplyButton));
}

void MainWindow::onFormEdited()
{
    if (m_form->frontMatter().isUnclosed()) {
        // After the raw editor's own handling of this keystroke (it is still on the stack).
        QMetaObject::invokeMethod(this, &MainWindow::splitClosedFrontMatter, Qt::QueuedConnection);
    }
    if (m_form->frontMatter().isValid())
        m_options.frontMatter = m_form->frontMatter().toMap();
    updateTitle();
    requestRender();
    onDocumentEdited();
}

void MainWindow::onDocumentEdited()
{
    if (!m_autoSaver || m_loading)
        return;
    if (isModified())
        m_autoSaver->markChanged();
    else
        m_autoSaver->markClean(); // undone back to what is on disk
}

void MainWindow::onFormError(const QString &message)
{
    m_formError = message;
    if (message.isEmpty()) {
        m_errorBar->hide();
        return;
    }
    QString where = message;
    while (where.endsWith(u'.'))
        where.chop(1);
    m_errorBar->showMessage(tr("The front matter does not parse: %1. Fix it in the raw editor above; "
                               "the body stays editable and nothing is lost.").arg(where));
}

void MainWindow::onEditorScrolled(int line)
{
    if (m_syncingScroll)
        return;
    m_preview->scrollToLine(line);
    // Keep the cursor's block visible too, so a jump to a heading shows that heading.
    const int cursorLine = m_editor->currentLine();
    if (cursorLine >= line)
        m_preview->revealLine(cursorLine);
}

void MainWindow::onPreviewScrolled(int line)
{
    m_syncingScroll = true;
    m_editor->scrollToLine(line);
    m_syncingScroll = false;
}

void MainWindow::updatePosition(int line, int column)
{
    m_line = line;
    m_column = column;
    showPosition();
}

void MainWindow::showPosition()
{
    m_positionLabel->setText(tr("Ln %1, Col %2").arg(m_line).arg(m_column));
}

void MainWindow::updateTitle()
{
    const bool modified = isModified();
    setWindowModified(modified);
    const QString name = filePath().isEmpty() ? tr("Untitled") : QFileInfo(filePath()).fileName();
    setWindowTitle(tr("%1[*] — Frontmark").arg(name));
    m_saveAction->setEnabled(modified || filePath().isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

static QString droppedPost(const QMimeData *mime)
{
    if (!mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && postSuffixes().contains(QFileInfo(url.toLocalFile()).suffix().toLower()))
            return url.toLocalFile();
    }
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPost(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPost(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // Open after the drop returns: a modal "unsaved changes" question inside a drop is fragile.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport()) {
        if (event->type() == QEvent::DragEnter) {
            auto *e = static_cast<QDragEnterEvent *>(event);
            if (!droppedPost(e->mimeData()).isEmpty()) {
                e->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *e = static_cast<QDropEvent *>(event);
            if (!droppedPost(e->mimeData()).isEmpty()) {
                dropEvent(e);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace frontmark
