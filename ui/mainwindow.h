// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/postfile.h"
#include "session/postsession.h"
#include "images/postimages.h"
#include "util/result.h"
#include "render/renderoptions.h"
#include "render/renderresult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QTextCursor>

#include <map>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QMenu;
class QScrollArea;
class QSplitter;
class QToolBar;
class QToolButton;

namespace frontmark {

class FindBar;
class FrontMatterForm;
class ImagesPanel;
class MarkdownEditor;
class MessageBar;
class PreviewWidget;
class ProblemsPanel;
struct Preferences;
class AutoSaver;
class RecentFilesMenu;
class RecoveryStore;
struct Diagnostic;
struct TextEdit;
struct RecoveryEntry;

/**
 * The editor window (issue #4): the front matter form and the Markdown editor on the left,
 * the live preview on the right. Owns the open post (as loaded or last saved) and the render
 * worker; every keystroke and form edit requests a render with a new revision, and the UI
 * thread only applies results (docs/decisions.md, decision 8). Saving joins the form's front matter
 * (patched key by key) and the editor's body and writes them with QSaveFile.
 *
 * Settings (window geometry, splitters, recent files, preview modes) persist in QSettings.
 * Offline is not the window's but the run's (OfflineMode, issue #21): every window follows
 * it, and View ▸ Offline Preview in any of them switches them all. UI thread only.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `path` (asks first if the current post has unsaved changes); on failure shows
    /// the located error and returns false.
    bool openFile(const QString &path);
    /// Saves to the current path (or asks for one). True when the file is on disk.
    bool save();
    bool saveAs(const QString &path);
    /// Starts an untitled post with a title, today's date (local offset) and draft: true.
    void newPost();

    /// Autosaves recovery copies of this window's post into `store` (not owned; outlives the
    /// window) a few seconds after each change; a save or a discarded change removes them.
    void setRecoveryStore(RecoveryStore *store);
    /// Shows a recovered copy as an unsaved change to its original post (or an untitled one).
    void restoreRecovered(const RecoveryEntry &entry);
    /// Validates the post, shows what will change and writes it (File ▸ Publish).
    void publish();
    /// File ▸ New Post: a post from a site's archetype, opened once written.
    void newPostFromArchetype();

    /// Takes every window of the run to or from the offline preview, as View ▸ Offline Preview
    /// does (OfflineMode), without remembering it for the next start.
    void setOfflinePreview(bool offline);

    QString filePath() const;
    bool isModified() const;
    /// The exact bytes a save would write now.
    QByteArray currentBytes() const;
    /// Bodies longer than this many characters go into the editor a slice per event-loop turn.
    /// (A short post goes in at once: its first paint has it all, and it costs a frame or two.)
    static constexpr qsizetype LargeBodyChars = 128 * 1024;
    /// Posts larger than this many bytes are read and split on a pool thread: openFile()
    /// returns at once and the post appears when it is in (isOpening()).
    static constexpr qint64 ReadInBackgroundBytes = 512 * 1024;
    bool isOpening() const { return m_session->isOpening(); }
    /// True while a large body is still going into the editor (startLoading()).
    bool isLoading() const { return m_loading; }

    MarkdownEditor *editor() const { return m_editor; }
    FrontMatterForm *form() const { return m_form; }
    PreviewWidget *preview() const { return m_preview; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    ImagesPanel *imagesPanel() const { return m_images; }
    QDockWidget *imagesDock() const { return m_imagesDock; }

    /// Points `image` at `file`: linked at once where it is if it is in the site's static
    /// folders, else copied in first on a worker (as a dropped image) and linked when the copy
    /// is done. One undo step. False, with a message in the status bar, if the link failed now;
    /// a failed copy says so in the status bar later.
    bool relinkImage(const PostImage &image, const QString &file);
    /// The revision of the newest render requested (for tests and the benchmark).
    quint64 requestedRevision() const;

Q_SIGNALS:
    void fileSaved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createLayout();
    /// Sets every menu, action and label text in the interface language; the constructor calls
    /// it and so does a language change (Edit ▸ Preferences), with texts built from state
    /// (counts, position, file format, problems, message bars) rebuilt from that state.
    void retranslateUi();
    void updateFormatLabel();
    void updateCounts();
    void readSettings();
    void writeSettings() const;

    bool maybeSave();
    void jumpTo(const Diagnostic &problem);
    void createImagesDock();
    void showImage(const PostImage &image);
    bool applyImageEdit(const PostImage &image, const Result<TextEdit> &edit);
    void chooseRelinkFile(const PostImage &image);
    // What a finished copy of images into the site does: insert their Markdown at `insertAt`
    // (a paste or drop), or point `relink` at the first copy.
    struct ImageJob {
        QTextCursor insertAt;
        std::optional<PostImage> relink;
    };
    void addImages(const QTextCursor &at, const QStringList &files, const QImage &pasted);
    void startImageImport(const ImageJob &job, const QStringList &files, const QImage &pasted);
    void finishImageImport(quint64 job, const QStringList &urls, const QStringList &errors);
    void insertImageMarkdown(QTextCursor cursor, const QStringList &urls);
    int bodyFirstLine() const;
    void updateProblems();
    // Shows the session's post (its base), whose body text is `body`.
    void showPost(const QString &body);
    void onOpened(const PostSession::Opened &opened);
    void onOpenFailed(const QString &path, const Error &error);
    void reportWriteFailure(const QString &path, const Error &error);
    // Opening a body of more than LargeBodyChars (issue #20): it goes into the editor a slice
    // per event-loop turn, read-only and without undo until it is all in, with a progress bar
    // and Cancel in the status bar; currentBytes() includes what is not in yet.
    void startLoading(const QString &body);
    void loadNextSlice();
    void finishLoading();
    QString stopLoading(); // returns the whole body that was going in
    bool openPath(const QString &path); // openFile() without asking to save first
    void cancelLoading();
    void onFileChangedOnDisk(bool deleted);
    void reloadFromDisk();
    void requestRender();
    void renderText(const QString &body);
    void onRendered(quint64 revision, const RenderResult &result);
    void onFormEdited();
    void splitClosedFrontMatter();
    void onDocumentEdited();
    void onFormError(const QString &message);
    void onEditorScrolled(int line);
    void onPreviewScrolled(int line);
    void updateTitle();
    void updatePosition(int line, int column);
    void showPosition();
    void setPreviewVisible(bool visible);
    void setFormVisible(bool visible);
    void applyEmbedMode();
    void zoom(int steps);
    void loadSiteTerms();
    void showAbout();
    void showPreferences();
    void applyPreferences(const frontmark::Preferences &preferences);

    // The open post as loaded or last saved (its front matter is the form's base), its file,
    // the bytes on disk, the file watch and the render worker: the window maps what it
    // reports to widgets and dialogs.
    PostSession *m_session = nullptr;
    int m_lineAfterReload = 0; // reloadFromDisk(): where the cursor goes once the post is in
    AutoSaver *m_autoSaver = nullptr;
    RecoveryStore *m_recoveryStore = nullptr;

    RenderOptions m_options;
    bool m_syncingScroll = false;
    int m_zoomSteps = 0;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_editorSplitter = nullptr;
    QScrollArea *m_formArea = nullptr;
    QToolButton *m_formToggle = nullptr;
    FrontMatterForm *m_form = nullptr;
    MarkdownEditor *m_editor = nullptr;
    FindBar *m_findBar = nullptr;
    PreviewWidget *m_preview = nullptr;
    MessageBar *m_errorBar = nullptr;
    MessageBar *m_diskBar = nullptr;
    QLabel *m_positionLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_formatLabel = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QToolButton *m_problemsButton = nullptr;
    QList<Diagnostic> m_renderProblems; // the newest render's, in editor lines
    QList<Diagnostic> m_imageProblems;  // imageProblems() of the newest image list
    QString m_previewProblem; // what the preview's watchdog stopped, until it recovers
    ImagesPanel *m_images = nullptr;
    std::map<quint64, ImageJob> m_imageJobs; // images being copied into the site, by job number
    quint64 m_imageJobCount = 0;
    QDockWidget *m_imagesDock = nullptr;

    RecentFilesMenu *m_recentMenu = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_togglePreviewAction = nullptr;
    QAction *m_offlineAction = nullptr;
    QAction *m_clickToLoadAction = nullptr;
    QAction *m_toggleFormAction = nullptr;
    // The menus and actions that only retranslateUi() needs to reach again.
    struct Texts {
        QMenu *fileMenu = nullptr;
        QMenu *editMenu = nullptr;
        QMenu *viewMenu = nullptr;
        QMenu *helpMenu = nullptr;
        QToolBar *toolBar = nullptr;
        QAction *newPost = nullptr;
        QAction *newFromArchetype = nullptr;
        QAction *open = nullptr;
        QAction *saveAs = nullptr;
        QAction *quit = nullptr;
        QAction *undo = nullptr;
        QAction *redo = nullptr;
        QAction *cut = nullptr;
        QAction *copy = nullptr;
        QAction *paste = nullptr;
        QAction *selectAll = nullptr;
        QAction *find = nullptr;
        QAction *findNext = nullptr;
        QAction *findPrevious = nullptr;
        QAction *replace = nullptr;
        QAction *preferences = nullptr;
        QAction *zoomIn = nullptr;
        QAction *zoomOut = nullptr;
        QAction *resetZoom = nullptr;
        QAction *about = nullptr;
        QAction *aboutQt = nullptr;
    } m_texts;
    // State the status bar and message bars show, kept so a language change can say it again.
    TextStats m_stats;
    bool m_hasStats = false;
    bool m_loading = false;             // a large body is still going into the editor
    QString m_loadingText;              // that body, whole
    qsizetype m_loadedChars = 0;        // how much of it the editor holds
    QWidget *m_loadBox = nullptr;       // progress bar and Cancel in the status bar
    QProgressBar *m_loadBar = nullptr;
    QElapsedTimer m_loadBarClock; // when the bar last moved
    QToolButton *m_loadCancel = nullptr;
    int m_line = 1;
    int m_column = 1;
    QString m_formError;                // the form's parse error the error bar shows, if any
    std::optional<bool> m_diskChange;   // the disk bar shows a change (true: the file is gone)
};

} // namespace frontmark
