// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "images/postimages.h"

#include <QHash>
#include <QIcon>
#include <QImage>
#include <QWidget>

class QEvent;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontmark {

/**
 * The Images panel (issue #6): every image of the open post in document order (Markdown
 * images, reference images, figure shortcodes) with a thumbnail, its path, alt text, caption
 * (docs/decisions.md, decision 7) and whether the file was found. The alt text and caption are edited
 * in place, in the list (double-click, F2) or in the fields beside it; the panel only asks,
 * with signals carrying the image as listed, and the window patches the post's text. Images
 * whose caption Hugo would merge into the image's paragraph are flagged with a fix.
 *
 * Thumbnails are decoded on a worker thread and cached by file and modification time;
 * remote images are fetched only when remote thumbnails are allowed (online preview), and
 * only what the preview itself would load (PreviewInterceptor::allows(): http(s) and data:,
 * never a file: URL, issue #21).
 * Its texts follow the interface language (issue #7) without touching the rows' data, the
 * selection or what the writer is typing. UI thread only.
 */
class ImagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ImagesPanel(QWidget *parent = nullptr);
    ~ImagesPanel() override;

    /// Replaces the list (from a render of the current text); the selected row stays
    /// selected when the image is still there. Rows are not rebuilt while one is edited.
    void setImages(const QList<PostImage> &images);
    const QList<PostImage> &images() const { return m_images; }

    /// Selects the image whose text holds body offset `position` (or none), without
    /// emitting imageSelected(): the editor's cursor moved there.
    void followCursor(qsizetype position);
    /// Selects row `row` as the writer would (emits imageSelected()).
    void selectImage(int row);
    /// The selected row, -1 if none.
    int currentRow() const;

    /// Remote thumbnails are fetched only when allowed (not in offline preview); disallowing
    /// stops the downloads under way.
    void setRemoteThumbnailsAllowed(bool allowed);

    QTreeWidget *view() const { return m_view; }
    QLineEdit *altEdit() const { return m_altEdit; }
    QLineEdit *captionEdit() const { return m_captionEdit; }
    QPushButton *fixCaptionButton() const { return m_fixCaption; }
    QPushButton *convertButton() const { return m_convert; }
    QPushButton *relinkButton() const { return m_relink; }

    enum Column { NumberColumn, PathColumn, AltColumn, CaptionColumn, StatusColumn };

Q_SIGNALS:
    /// The writer selected `image` in the list: show it in the editor and the preview.
    void imageSelected(const frontmark::PostImage &image);
    void altTextEdited(const frontmark::PostImage &image, const QString &alt);
    void captionEdited(const frontmark::PostImage &image, const QString &caption);
    void separateCaptionRequested(const frontmark::PostImage &image);
    void convertRequested(const frontmark::PostImage &image);
    void relinkRequested(const frontmark::PostImage &image);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    void fillItem(QTreeWidgetItem *item, int row);
    void fillItemTexts(QTreeWidgetItem *item, int row);
    void retranslateRows();
    void onEditorClosed();
    void showDetails();
    void showDetailTexts();
    void onItemChanged(QTreeWidgetItem *item, int column);
    void onCurrentItemChanged();
    void commitAlt();
    void commitCaption();
    const PostImage *current() const;
    QIcon placeholderIcon(PostImage::Status status) const;
    QImage thumbnailFor(const PostImage &image);
    void decodeOnPool(const QString &key, const QString &path, const QByteArray &bytes);
    void onThumbnailReady(const QString &key, const QImage &image);

    QList<PostImage> m_images;
    QList<PostImage> m_pending;   // arrived while a row was being edited
    bool m_hasPending = false;
    bool m_filling = false;       // itemChanged from our own fill, not the writer
    bool m_following = false;     // selection set by followCursor(): no imageSelected()
    bool m_remoteAllowed = false;
    bool m_rowTextsStale = false; // a cell being edited kept its old-language texts
    QHash<QString, QImage> m_thumbnails; // key: file path + mtime, or URL; null: loading
    QNetworkAccessManager *m_network = nullptr;

    QTreeWidget *m_view = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_emptyNote = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_altLabel = nullptr;
    QLabel *m_captionLabel = nullptr;
    QLineEdit *m_altEdit = nullptr;
    QLineEdit *m_captionEdit = nullptr;
    QLabel *m_captionNote = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_fixCaption = nullptr;
    QPushButton *m_convert = nullptr;
    QPushButton *m_relink = nullptr;
};

} // namespace frontmark
