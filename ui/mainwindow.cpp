// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "images/imagespanel.h"
#include "document/filewatch.h"
#include "messagebar.h"
#include "offlinemode.h"
#include "preferencesdialog.h"
#include "preview/previewwidget.h"
#include "problems/problemspanel.h"
#include "publish/validator.h"
#include "rawplaintext.h"
#include "theme.h"
#include "translations.h"
#include "recentfilesmenu.h"
#include "recovery/autosaver.h"
#include "live/renderworker.h"
#include "site/siteterms.h"
#include "uilog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTextBlock>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

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

void MainWindow::createLayout()
{
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *pane = new QWidget(m_mainSplitter);
    pane->setObjectName(u"editorPane"_s);
    auto *paneLayout = new QVBoxLayout(pane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);

    m_errorBar = new MessageBar(MessageBar::Kind::Error, pane);
    m_errorBar->setObjectName(u"errorBanner"_s);
    m_diskBar = new MessageBar(MessageBar::Kind::Warning, pane);
    m_diskBar->setObjectName(u"diskBanner"_s);
    paneLayout->addWidget(m_errorBar);
    paneLayout->addWidget(m_diskBar);

    m_formToggle = new QToolButton(pane);
    m_formToggle->setObjectName(u"formToggle"_s);
    m_formToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_formToggle->setArrowType(Qt::DownArrow);
    m_formToggle->setAutoRaise(true);
    m_formToggle->setCheckable(true);
    m_formToggle->setChecked(true);
    paneLayout->addWidget(m_formToggle);

    m_editorSplitter = new QSplitter(Qt::Vertical, pane);
    m_editorSplitter->setObjectName(u"editorSplitter"_s);
    m_editorSplitter->setChildrenCollapsible(false);
    m_formArea = new QScrollArea(m_editorSplitter);
    m_formArea->setWidgetResizable(true);
    m_formArea->setFrameShape(QFrame::NoFrame);
    m_form = new FrontMatterForm(m_formArea);
    m_formArea->setWidget(m_form);
    m_editor = new MarkdownEditor(m_editorSplitter);
    m_editorSplitter->addWidget(m_formArea);
    m_editorSplitter->addWidget(m_editor);
    m_editorSplitter->setStretchFactor(0, 0);
    m_editorSplitter->setStretchFactor(1, 1);
    m_editorSplitter->setSizes({300, 600});
    paneLayout->addWidget(m_editorSplitter, 1);

    m_findBar = new FindBar(m_editor, pane);
    paneLayout->addWidget(m_findBar);

    m_preview = new PreviewWidget(m_mainSplitter);
    m_preview->setObjectName(u"preview"_s);
    m_mainSplitter->addWidget(pane);
    m_mainSplitter->addWidget(m_preview);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_mainSplitter);

    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(u"positionLabel"_s);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_formatLabel = new QLabel(this);
    m_formatLabel->setObjectName(u"formatLabel"_s);
    // Problems (issue #6, part 4): a dock below, its count in the status bar.
    m_problems = new ProblemsPanel(this);
    m_problemsDock = new QDockWidget(this);
    m_problemsDock->setObjectName(u"problemsDock"_s);
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();
    connect(m_problems, &ProblemsPanel::problemActivated, this, &MainWindow::jumpTo);
    m_problemsButton = new QToolButton(this);
    m_problemsButton->setObjectName(u"problemsButton"_s);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_problemsButton, &QToolButton::clicked, this, [this] { m_problemsDock->setVisible(!m_problemsDock->isVisible()); });
    statusBar()->addPermanentWidget(m_problemsButton);
    createImagesDock();
    m_loadBox = new QWidget(this);
    m_loadBox->setObjectName(u"loadBox"_s);
    auto *loadLayout = new QHBoxLayout(m_loadBox);
    loadLayout->setContentsMargins(0, 0, 0, 0);
    m_loadBar = new QProgressBar(m_loadBox);
    m_loadBar->setObjectName(u"loadBar"_s);
    m_loadBar->setRange(0, 1000);
    m_loadBar->setMaximumWidth(160);
    m_loadCancel = new QToolButton(m_loadBox);
    m_loadCancel->setObjectName(u"cancelLoad"_s);
    connect(m_loadCancel, &QToolButton::clicked, this, &MainWindow::cancelLoading);
    loadLayout->addWidget(m_loadBar);
    loadLayout->addWidget(m_loadCancel);
    statusBar()->addPermanentWidget(m_loadBox);
    m_loadBox->hide();
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_formatLabel);

    connect(m_formToggle, &QToolButton::toggled, this, &MainWindow::setFormVisible);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, &MainWindow::requestRender);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, &MainWindow::onDocumentEdited);
    connect(m_editor, &MarkdownEditor::cursorPositionMoved, this, &MainWindow::updatePosition);
    connect(m_editor, &MarkdownEditor::topVisibleLineChanged, this, &MainWindow::onEditorScrolled);
    connect(m_form, &FrontMatterForm::frontMatterEdited, this, &MainWindow::onFormEdited);
    connect(m_form, &FrontMatterForm::errorChanged, this, &MainWindow::onFormError);
    connect(m_preview, &PreviewWidget::scrolledToLine, this, &MainWindow::onPreviewScrolled);
    connect(m_preview, &PreviewWidget::lineClicked, this, [this](int line) { m_editor->goToLine(line); });
    // The preview's watchdogs (issue #20): a page that cannot load, a render that is overdue.
    // Said in the status bar, and kept in the Problems panel until the preview recovers.
    connect(m_preview, &PreviewWidget::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message);
        m_previewProblem = message;
        updateProblems();
    });
    connect(m_preview, &PreviewWidget::recovered, this, [this](const QString &message) {
        statusBar()->showMessage(message, 5000);
        m_previewProblem.clear();
        updateProblems();
    });
    // Drops on the editor open posts too (images dropped into the text become image files in
    // the site: MarkdownEditor::imagesInserted).
    m_editor->viewport()->installEventFilter(this);
}

void MainWindow::createActions()
{
    QStyle *s = style();
    auto icon = [s](const char *theme, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(theme), s->standardIcon(fallback));
    };
    // Texts come from retranslateUi(), at the end and on every language change.
    Texts &t = m_texts;

    QMenu *file = t.fileMenu = menuBar()->addMenu(QString());
    t.newPost = file->addAction(icon("document-new", QStyle::SP_FileIcon), QString(), this, [this] {
        if (maybeSave())
            newPost();
    });
    t.newPost->setShortcut(QKeySequence::New);
    t.newFromArchetype = file->addAction(icon("document-new", QStyle::SP_FileIcon), QString(), this,
                                         &MainWindow::newPostFromArchetype);
    t.newFromArchetype->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    t.open = file->addAction(icon("document-open", QStyle::SP_DialogOpenButton), QString(), this, [this] {
        const QString dir = filePath().isEmpty() ? QString() : QFileInfo(filePath()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Post"), dir,
                                                          tr("Posts (*.md *.markdown *.mdown);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    t.open->setShortcut(QKeySequence::Open);
    m_recentMenu = new RecentFilesMenu(QString(), this);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, [this](const QString &path) { openFile(path); });
    file->addMenu(m_recentMenu);
    file->addSeparator();
    m_saveAction = file->addAction(icon("document-save", QStyle::SP_DialogSaveButton), QString(), this, &MainWindow::save);
    m_saveAction->setShortcut(QKeySequence::Save);
    t.saveAs = file->addAction(icon("document-save-as", QStyle::SP_DialogSaveButton), QString(), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Post As"), filePath(),
                                                          tr("Markdown (*.md);;All files (*)"));
        if (!path.isEmpty())
            saveAs(path);
    });
    t.saveAs->setShortcut(QKeySequence::SaveAs);
    m_publishAction = file->addAction(icon("document-send", QStyle::SP_ArrowUp), QString(), this, &MainWindow::publish);
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    file->addSeparator();
    t.quit = file->addAction(icon("application-exit", QStyle::SP_DialogCloseButton), QString(), this, &QWidget::close);
    t.quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = t.editMenu = menuBar()->addMenu(QString());
    t.undo = edit->addAction(icon("edit-undo", QStyle::SP_ArrowBack), QString(), m_editor, &QPlainTextEdit::undo);
    t.undo->setShortcut(QKeySequence::Undo);
    t.undo->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::undoAvailable, t.undo, &QAction::setEnabled);
    t.redo = edit->addAction(icon("edit-redo", QStyle::SP_ArrowForward), QString(), m_editor, &QPlainTextEdit::redo);
    t.redo->setShortcut(QKeySequence::Redo);
    t.redo->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::redoAvailable, t.redo, &QAction::setEnabled);
    edit->addSeparator();
    t.cut = edit->addAction(icon("edit-cut", QStyle::SP_TrashIcon), QString(), m_editor, &QPlainTextEdit::cut);
    t.cut->setShortcut(QKeySequence::Cut);
    t.copy = edit->addAction(icon("edit-copy", QStyle::SP_FileDialogContentsView), QString(), m_editor, &QPlainTextEdit::copy);
    t.copy->setShortcut(QKeySequence::Copy);
    t.paste = edit->addAction(icon("edit-paste", QStyle::SP_FileDialogDetailedView), QString(), m_editor, &QPlainTextEdit::paste);
    t.paste->setShortcut(QKeySequence::Paste);
    t.selectAll = edit->addAction(QString(), m_editor, &QPlainTextEdit::selectAll);
    t.selectAll->setShortcut(QKeySequence::SelectAll);
    // The editor handles its own clipboard keys; the menu shortcuts must not steal them
    // from the form's fields.
    for (QAction *a : edit->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({t.undo, t.redo}); // undo/redo stay window-wide
    m_editor->addActions(edit->actions());
    edit->addSeparator();
    t.find = edit->addAction(icon("edit-find", QStyle::SP_FileDialogContentsView), QString(), m_findBar, &FindBar::showFind);
    t.find->setShortcut(QKeySequence::Find);
    t.findNext = edit->addAction(QString(), m_findBar, &FindBar::findNext);
    t.findNext->setShortcut(QKeySequence::FindNext);
    t.findPrevious = edit->addAction(QString(), m_findBar, &FindBar::findPrevious);
    t.findPrevious->setShortcut(QKeySequence::FindPrevious);
    t.replace = edit->addAction(icon("edit-find-replace", QStyle::SP_FileDialogContentsView), QString(), m_findBar,
                                &FindBar::showReplace);
    t.replace->setShortcut(QKeySequence::Replace);
    edit->addSeparator();
    // Spell check (issue #7): the editor's own action; the choice is the Preferences' too.
    edit->addAction(m_editor->spellCheckAction());
    connect(m_editor->spellCheckAction(), &QAction::toggled, this,
            [](bool on) { QSettings().setValue(u"editor/spellCheck"_s, on); });
    connect(m_editor, &MarkdownEditor::addingWordFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    edit->addSeparator();
    t.preferences = edit->addAction(icon("preferences-system", QStyle::SP_ComputerIcon), QString(), this,
                                    &MainWindow::showPreferences);
    t.preferences->setShortcut(QKeySequence::Preferences);
    t.preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = t.viewMenu = menuBar()->addMenu(QString());
    t.zoomIn = view->addAction(icon("zoom-in", QStyle::SP_ArrowUp), QString(), this, [this] { zoom(1); });
    t.zoomIn->setShortcut(QKeySequence::ZoomIn);
    t.zoomOut = view->addAction(icon("zoom-out", QStyle::SP_ArrowDown), QString(), this, [this] { zoom(-1); });
    t.zoomOut->setShortcut(QKeySequence::ZoomOut);
    t.resetZoom = view->addAction(icon("zoom-original", QStyle::SP_BrowserReload), QString(), this, [this] { zoom(-m_zoomSteps); });
    t.resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    m_togglePreviewAction = view->addAction(icon("view-preview", QStyle::SP_FileDialogInfoView), QString());
    m_togglePreviewAction->setCheckable(true);
    m_togglePreviewAction->setChecked(true);
    m_togglePreviewAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_togglePreviewAction, &QAction::toggled, this, &MainWindow::setPreviewVisible);
    m_toggleFormAction = view->addAction(QString());
    m_toggleFormAction->setCheckable(true);
    m_toggleFormAction->setChecked(true);
    m_toggleFormAction->setShortcut(QKeySequence(Qt::Key_F7));
    connect(m_toggleFormAction, &QAction::toggled, m_formToggle, &QToolButton::setChecked);
    QAction *problemsAction = m_problemsDock->toggleViewAction();
    problemsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    view->addAction(problemsAction);
    QAction *imagesAction = m_imagesDock->toggleViewAction();
    imagesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    view->addAction(imagesAction);
    view->addSeparator();
    m_offlineAction = view->addAction(icon("network-offline", QStyle::SP_MessageBoxWarning), QString());
    m_offlineAction->setObjectName(u"offlineAction"_s);
    m_offlineAction->setCheckable(true);
    connect(m_offlineAction, &QAction::toggled, this, &MainWindow::applyEmbedMode);
    // Offline is the run's, not this window's (issue #21): the writer's choice here switches
    // every window, whose toggles follow, and is remembered for the next start.
    connect(m_offlineAction, &QAction::triggered, this, [](bool offline) {
        OfflineMode::instance()->setOffline(offline);
        QSettings().setValue(u"preview/offline"_s, offline);
    });
    connect(OfflineMode::instance(), &OfflineMode::offlineChanged, m_offlineAction, &QAction::setChecked);
    m_clickToLoadAction = view->addAction(QString());
    m_clickToLoadAction->setCheckable(true);
    connect(m_clickToLoadAction, &QAction::toggled, this, &MainWindow::applyEmbedMode);

    QMenu *help = t.helpMenu = menuBar()->addMenu(QString());
    t.about = help->addAction(QString(), this, &MainWindow::showAbout);
    t.about->setMenuRole(QAction::AboutRole);
    t.aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    t.aboutQt->setMenuRole(QAction::AboutQtRole);

    QToolBar *bar = t.toolBar = addToolBar(QString());
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setIconSize(QSize(18, 18));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(t.newPost);
    bar->addAction(t.open);
    bar->addAction(m_saveAction);
    bar->addAction(m_publishAction);
    bar->addSeparator();
    bar->addAction(t.undo);
    bar->addAction(t.redo);
    bar->addSeparator();
    bar->addAction(m_togglePreviewAction);
    bar->addAction(m_offlineAction);
    for (QAction *a : {t.newPost, t.open, t.undo, t.redo})
        bar->widgetForAction(a)->setProperty("iconOnly", true);
    for (QAction *a : {t.undo, t.redo})
        if (auto *b = qobject_cast<QToolButton *>(bar->widgetForAction(a)))
            b->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::retranslateUi()
{
    m_loadCancel->setText(tr("Cancel"));
    m_loadBar->setFormat(tr("Opening %p%"));
    const Texts &t = m_texts;
    t.fileMenu->setTitle(tr("&File"));
    t.newPost->setText(tr("&New"));
    t.newFromArchetype->setText(tr("New &Post in Site…"));
    t.newFromArchetype->setStatusTip(tr("Create a post from the site's archetype, as “hugo new” does."));
    t.open->setText(tr("&Open…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_saveAction->setText(tr("&Save"));
    t.saveAs->setText(tr("Save &As…"));
    m_publishAction->setText(tr("&Publish…"));
    m_publishAction->setStatusTip(tr("Check the post, show what changes, set draft to false and write it into the site."));
    t.quit->setText(tr("&Quit"));

    t.editMenu->setTitle(tr("&Edit"));
    t.undo->setText(tr("&Undo"));
    t.redo->setText(tr("&Redo"));
    t.cut->setText(tr("Cu&t"));
    t.copy->setText(tr("&Copy"));
    t.paste->setText(tr("&Paste"));
    t.selectAll->setText(tr("Select &All"));
    t.find->setText(tr("&Find…"));
    t.findNext->setText(tr("Find &Next"));
    t.findPrevious->setText(tr("Find Pre&vious"));
    t.replace->setText(tr("&Replace…"));
    t.preferences->setText(tr("Pr&eferences…"));

    t.viewMenu->setTitle(tr("&View"));
    t.zoomIn->setText(tr("Zoom &In"));
    t.zoomOut->setText(tr("Zoom &Out"));
    t.resetZoom->setText(tr("&Reset Zoom"));
    m_togglePreviewAction->setText(tr("Show &Preview"));
    m_toggleFormAction->setText(tr("Show &Front Matter"));
    // A dock's toggle action takes the dock's title whenever the title changes: titles first.
    m_problemsDock->setWindowTitle(tr("Problems"));
    m_imagesDock->setWindowTitle(tr("Images"));
    m_problemsDock->toggleViewAction()->setText(tr("Show Pro&blems"));
    m_imagesDock->toggleViewAction()->setText(tr("Show &Images"));
    m_imagesDock->toggleViewAction()->setStatusTip(tr("List the post's images with their alt text and captions"));
    m_offlineAction->setText(tr("&Offline Preview"));
    m_offlineAction->setStatusTip(tr("Block every remote request; embeds show as cards."));
    m_clickToLoadAction->setText(tr("&Click to Load Embeds"));
    m_clickToLoadAction->setStatusTip(tr("Show YouTube and Vimeo players only after a click."));

    t.helpMenu->setTitle(tr("&Help"));
    t.about->setText(tr("&About Frontmark"));
    t.aboutQt->setText(tr("About &Qt"));
    t.toolBar->setWindowTitle(tr("Main"));

    m_formToggle->setText(tr("Front matter"));
    m_problemsButton->setToolTip(tr("Show or hide the Problems panel"));
    updateTitle();
    showPosition();
    updateCounts();
    if (!m_formatLabel->text().isEmpty()) // empty until a post is shown
        updateFormatLabel();
    if (!m_formError.isEmpty() && !m_errorBar->isHidden())
        onFormError(m_formError);
    if (m_diskChange && !m_diskBar->isHidden())
        onFileChangedOnDisk(*m_diskChange);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    retranslateUi();
    // The problems' messages (core checks, render diagnostics) are made in the language of
    // the moment: check and render again.
    updateProblems();
    requestRender();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        // First start: roomy, but never larger than the screen (xvfb-run's is 1280x1024).
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
        resize(std::min(1400, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    if (!m_mainSplitter->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray()))
        m_mainSplitter->setSizes({width() / 2, width() - width() / 2});
    m_editorSplitter->restoreState(settings.value(u"window/editorSplitter"_s).toByteArray());
    m_offlineAction->setChecked(OfflineMode::instance()->isOffline());
    m_clickToLoadAction->setChecked(settings.value(u"preview/clickToLoad"_s, false).toBool());
    m_togglePreviewAction->setChecked(settings.value(u"preview/visible"_s, true).toBool());
    m_toggleFormAction->setChecked(settings.value(u"form/visible"_s, true).toBool());
    const Preferences preferences = Preferences::load();
    m_editor->setBaseFont(preferences.editorFont);
    m_editor->setSpellCheckEnabled(preferences.spellCheck);
    theme::apply(preferences.previewTheme);
    m_preview->setTheme(preferences.previewTheme);
    m_options.hugoVersion = preferences.hugoVersion;
    zoom(settings.value(u"editor/zoom"_s, 0).toInt());
    applyEmbedMode();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"window/editorSplitter"_s, m_editorSplitter->saveState());
    settings.setValue(u"preview/clickToLoad"_s, m_clickToLoadAction->isChecked());
    settings.setValue(u"preview/visible"_s, m_togglePreviewAction->isChecked());
    settings.setValue(u"form/visible"_s, m_toggleFormAction->isChecked());
    settings.setValue(u"editor/zoom"_s, m_zoomSteps);
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
        language = m_options.site.config().value(u"languageCode"_s, Qt::CaseInsensitive).toString();
    m_editor->setSpellLanguage(language);
    if (m_loading)
        stopLoading(); // another post replaces one still loading
    if (body.size() > LargeBodyChars) {
        startLoading(body);
    } else {
        m_editor->setPlainText(body);
        m_editor->document()->setModified(false);
        m_editor->moveCursor(QTextCursor::Start);
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

void MainWindow::setPreviewVisible(bool visible)
{
    m_preview->setVisible(visible);
}

void MainWindow::setFormVisible(bool visible)
{
    m_formArea->setVisible(visible);
    m_formToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_toggleFormAction->setChecked(visible);
}

void MainWindow::applyEmbedMode()
{
    m_clickToLoadAction->setEnabled(!m_offlineAction->isChecked());
    m_images->setRemoteThumbnailsAllowed(!m_offlineAction->isChecked());
    m_preview->setEmbedMode(m_offlineAction->isChecked() ? EmbedMode::Offline
                            : m_clickToLoadAction->isChecked() ? EmbedMode::ClickToLoad
                                                               : EmbedMode::Live);
}

void MainWindow::setOfflinePreview(bool offline)
{
    OfflineMode::instance()->setOffline(offline);
}

void MainWindow::zoom(int steps)
{
    if (steps == 0)
        return;
    m_zoomSteps = std::clamp(m_zoomSteps + steps, -6, 12);
    if (m_zoomSteps == 0)
        m_editor->resetZoom();
    else
        m_editor->zoomBy(steps);
    m_preview->setZoomFactor(std::pow(1.1, m_zoomSteps));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Frontmark"),
                       tr("<h3>Frontmark %1</h3><p>A Markdown editor for Hugo posts, with a preview that "
                          "renders what Hugo will publish.</p>").arg(QApplication::applicationVersion()));
}

void MainWindow::showPreferences()
{
    Preferences current = Preferences::load();
    current.clickToLoadEmbeds = m_clickToLoadAction->isChecked();
    auto *dialog = new PreferencesDialog(current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::applied, this, &MainWindow::applyPreferences);
    dialog->open();
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    const bool wasOfflineByDefault = Preferences::load().offlineByDefault;
    preferences.save();
    // Every window (and this dialog) retranslates itself on the LanguageChange Qt posts.
    applyPreferredUiLanguage(*qApp);
    m_editor->setBaseFont(preferences.editorFont);
    const int steps = m_zoomSteps;
    m_zoomSteps = 0;
    zoom(steps);
    theme::apply(preferences.previewTheme);
    m_preview->setTheme(preferences.previewTheme);
    // A changed "start offline" takes the whole run there now (issue #21); an unchanged one
    // leaves the run alone, so OK in a run started with --offline keeps it offline.
    if (preferences.offlineByDefault != wasOfflineByDefault)
        OfflineMode::instance()->setOffline(preferences.offlineByDefault);
    m_clickToLoadAction->setChecked(preferences.clickToLoadEmbeds);
    m_editor->setSpellCheckEnabled(preferences.spellCheck);
    if (m_autoSaver)
        m_autoSaver->setDelay(preferences.autosaveSeconds * 1000);
    if (m_options.hugoVersion != preferences.hugoVersion) {
        m_options.hugoVersion = preferences.hugoVersion;
        requestRender();
    }
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
