// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the part that builds and dresses the window: layout, menus and actions, their
// texts in the interface language, the settings it keeps, view toggles, zoom and preferences.
// Opening, showing and rendering a post are in mainwindow.cpp; files in mainwindowfiles.cpp.
#include "mainwindow.h"

#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "images/imagespanel.h"
#include "messagebar.h"
#include "offlinemode.h"
#include "preferencesdialog.h"
#include "preview/previewwidget.h"
#include "problems/problemspanel.h"
#include "recentfilesmenu.h"
#include "recovery/autosaver.h"
#include "theme.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

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

} // namespace frontmark
