// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagespanel.h"

#include "preview/previewinterceptor.h"

#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

constexpr QSize ThumbnailSize(160, 120);
constexpr QSize RowIconSize(48, 36);

QImage decodeThumbnail(QImageReader &reader)
{
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > ThumbnailSize.width() || full.height() > ThumbnailSize.height()))
        reader.setScaledSize(full.scaled(ThumbnailSize, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > ThumbnailSize.width() || image.height() > ThumbnailSize.height()))
        image = image.scaled(ThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation); // SVG, or no scaled reads
    return image;
}

QString captionNote(const PostImage &image)
{
    switch (image.captionSource) {
    case PostImage::CaptionSource::Paragraph:
        return ImagesPanel::tr("The paragraph under the image.");
    case PostImage::CaptionSource::MergedLine:
        return ImagesPanel::tr("The line under the image (no blank line between them).");
    case PostImage::CaptionSource::FigureCaption:
        return ImagesPanel::tr("The figure's caption argument.");
    case PostImage::CaptionSource::FigureTitle:
        return ImagesPanel::tr("The figure's title argument.");
    case PostImage::CaptionSource::Title:
        return ImagesPanel::tr("The image's title.");
    case PostImage::CaptionSource::None:
        break;
    }
    if (image.kind == PostImage::Kind::Figure)
        return ImagesPanel::tr("No caption. Type one to add a caption argument.");
    return image.imageOnly ? ImagesPanel::tr("No caption. Type one to add a paragraph under the image.")
                           : ImagesPanel::tr("No caption. The image shares its paragraph; a caption becomes its title.");
}

QString statusText(PostImage::Status status)
{
    switch (status) {
    case PostImage::Status::Found:
        return ImagesPanel::tr("Found");
    case PostImage::Status::Missing:
        return ImagesPanel::tr("Missing");
    case PostImage::Status::Remote:
        return ImagesPanel::tr("Remote");
    case PostImage::Status::OutsideSite:
        return ImagesPanel::tr("Leaves the site");
    }
    return {};
}

bool sameRows(const QList<PostImage> &a, const QList<PostImage> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const PostImage &x, const PostImage &y) {
        return x.kind == y.kind && x.url == y.url && x.alt == y.alt && x.caption == y.caption
            && x.captionSource == y.captionSource && x.status == y.status && x.filePath == y.filePath
            && x.mergedCaption == y.mergedCaption && x.imageOnly == y.imageOnly; // not lines: they move as one types above
    });
}

} // namespace

ImagesPanel::ImagesPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
{
    setObjectName(u"imagesPanel"_s);
    m_view->setObjectName(u"imagesView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setIconSize(RowIconSize);
    m_view->setColumnCount(StatusColumn + 1);
    // The caption takes what is left; the list fits its width without scrolling sideways.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(48);
    header->setSectionResizeMode(NumberColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PathColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(AltColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(CaptionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(PathColumn, 230);
    m_view->setColumnWidth(AltColumn, 120);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    connect(m_view, &QTreeWidget::itemChanged, this, &ImagesPanel::onItemChanged);
    connect(m_view, &QTreeWidget::currentItemChanged, this, &ImagesPanel::onCurrentItemChanged);
    connect(m_view->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, &ImagesPanel::onEditorClosed);

    // The selected image's details: a larger thumbnail, where it is, and its texts.
    auto *details = new QWidget(this);
    m_preview = new QLabel(details);
    m_preview->setObjectName(u"imageThumbnail"_s);
    m_preview->setFixedSize(ThumbnailSize);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_where = new QLabel(details);
    m_where->setObjectName(u"imageWhere"_s);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_altEdit = new QLineEdit(details);
    m_altEdit->setObjectName(u"altTextEdit"_s);
    m_altEdit->setClearButtonEnabled(true);
    m_captionEdit = new QLineEdit(details);
    m_captionEdit->setObjectName(u"captionEdit"_s);
    m_captionEdit->setClearButtonEnabled(true);
    m_captionNote = new QLabel(details);
    m_captionNote->setWordWrap(true);
    m_captionNote->setForegroundRole(QPalette::PlaceholderText);
    m_warning = new QLabel(details);
    m_warning->setObjectName(u"mergedCaptionWarning"_s);
    m_warning->setWordWrap(true);
    m_fixCaption = new QPushButton(details);
    m_fixCaption->setObjectName(u"fixCaptionButton"_s);
    m_convert = new QPushButton(details);
    m_convert->setObjectName(u"convertButton"_s);
    m_relink = new QPushButton(details);
    m_relink->setObjectName(u"relinkButton"_s);
    connect(m_altEdit, &QLineEdit::editingFinished, this, &ImagesPanel::commitAlt);
    connect(m_captionEdit, &QLineEdit::editingFinished, this, &ImagesPanel::commitCaption);
    connect(m_fixCaption, &QPushButton::clicked, this, [this] {
        if (const PostImage *image = current())
            Q_EMIT separateCaptionRequested(*image);
    });
    connect(m_convert, &QPushButton::clicked, this, [this] {
        if (const PostImage *image = current())
            Q_EMIT convertRequested(*image);
    });
    connect(m_relink, &QPushButton::clicked, this, [this] {
        if (const PostImage *image = current())
            Q_EMIT relinkRequested(*image);
    });

    m_altLabel = new QLabel(details);
    m_altLabel->setBuddy(m_altEdit);
    m_captionLabel = new QLabel(details);
    m_captionLabel->setBuddy(m_captionEdit);
    auto *fields = new QFormLayout;
    fields->addRow(m_altLabel, m_altEdit);
    fields->addRow(m_captionLabel, m_captionEdit);
    fields->addRow(QString(), m_captionNote);
    auto *warningRow = new QHBoxLayout;
    warningRow->addWidget(m_warning, 1);
    warningRow->addWidget(m_fixCaption);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_convert);
    buttons->addWidget(m_relink);
    buttons->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_where);
    right->addLayout(fields);
    right->addLayout(warningRow);
    right->addLayout(buttons);
    right->addStretch(1);
    auto *detailLayout = new QHBoxLayout(details);
    detailLayout->addWidget(m_preview, 0, Qt::AlignTop);
    detailLayout->addLayout(right, 1);

    m_emptyNote = new QLabel(this);
    m_emptyNote->setObjectName(u"imagesEmptyNote"_s);
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    m_detailStack = new QStackedWidget(this);
    m_detailStack->addWidget(m_emptyNote);
    m_detailStack->addWidget(details);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 420});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    retranslateUi();
    showDetails();
}

ImagesPanel::~ImagesPanel() = default;

void ImagesPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ImagesPanel::retranslateUi()
{
    // Issue #7: every text in the language of the moment, from the rows the panel already
    // holds; no field's value, no row, no selection changes, and nothing is emitted.
    m_view->setHeaderLabels({tr("#"), tr("Image"), tr("Alt text"), tr("Caption"), tr("Status")});
    m_view->setAccessibleName(tr("Images in this post"));
    m_altLabel->setText(tr("&Alt text:"));
    m_captionLabel->setText(tr("&Caption:"));
    m_altEdit->setPlaceholderText(tr("Describe the image for readers who cannot see it"));
    m_captionEdit->setPlaceholderText(tr("Caption shown under the image (Markdown)"));
    m_warning->setText(tr("⚠ The caption sits directly under the image, so Hugo puts both in one paragraph."));
    m_fixCaption->setText(tr("Add a Blank Line"));
    m_fixCaption->setToolTip(tr("Separate the caption from the image with a blank line"));
    m_relink->setText(tr("Relink…"));
    m_relink->setToolTip(tr("Choose the image file this image should show"));
    retranslateRows();
    showDetailTexts();
}

void ImagesPanel::setImages(const QList<PostImage> &images)
{
    QWidget *focus = QApplication::focusWidget();
    const bool editingRow = focus && focus != m_view && m_view->isAncestorOf(focus); // a cell's editor
    if (editingRow || m_altEdit->isModified() || m_captionEdit->isModified()) {
        // Not under the writer's fingers: the list follows once the edit is committed.
        m_pending = images;
        m_hasPending = true;
        return;
    }
    m_hasPending = false;
    const bool sameShape = sameRows(m_images, images);
    m_images = images; // the ranges move with every edit even when the rows look the same
    if (!sameShape)
        rebuild();
    else
        showDetails();
}

void ImagesPanel::rebuild()
{
    const int row = currentRow();
    m_filling = true;
    m_view->clear();
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < m_images.size(); ++i) {
        auto *item = new QTreeWidgetItem;
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        items.append(item);
    }
    m_view->addTopLevelItems(items);
    for (int i = 0; i < items.size(); ++i)
        fillItem(items.at(i), i);
    m_filling = false;
    if (row >= 0 && row < m_images.size()) {
        m_following = true;
        m_view->setCurrentItem(m_view->topLevelItem(row));
        m_following = false;
    }
    showDetails();
}

void ImagesPanel::fillItem(QTreeWidgetItem *item, int row)
{
    const PostImage &image = m_images.at(row);
    const QImage thumbnail = thumbnailFor(image);
    item->setText(NumberColumn, QString::number(row + 1));
    item->setIcon(NumberColumn, thumbnail.isNull() ? placeholderIcon(image.status)
                                                   : QIcon(QPixmap::fromImage(thumbnail.scaled(RowIconSize, Qt::KeepAspectRatio,
                                                                                               Qt::SmoothTransformation))));
    item->setToolTip(PathColumn, image.filePath.isEmpty() ? image.url : image.filePath);
    item->setText(AltColumn, image.alt);
    item->setForeground(AltColumn, palette().brush(image.alt.isEmpty() ? QPalette::PlaceholderText : QPalette::Text));
    item->setText(CaptionColumn, image.caption);
    fillItemTexts(item, row);
}

void ImagesPanel::fillItemTexts(QTreeWidgetItem *item, int row)
{
    // The row's words (not its data), also on a language change. A cell with an open editor
    // is left alone: any change to its data would put the model's text back into the editor
    // over what the writer is typing (QAbstractItemView::dataChanged).
    const PostImage &image = m_images.at(row);
    auto editing = [this, item](int column) { return m_view->itemWidget(item, column) != nullptr; };
    if (!editing(PathColumn))
        item->setText(PathColumn, image.kind == PostImage::Kind::Figure ? tr("%1 (figure)").arg(image.url) : image.url);
    if (!editing(AltColumn))
        item->setToolTip(AltColumn, image.alt.isEmpty() ? tr("No alt text") : image.alt);
    if (!editing(CaptionColumn))
        item->setToolTip(CaptionColumn, captionNote(image));
    if (editing(StatusColumn))
        return;
    // Status as words with a sign (the row's icon size is the thumbnails'): found, missing,
    // remote, and a merged caption, which is the writer's to fix.
    QString status = statusText(image.status);
    if (image.mergedCaption)
        status = image.status == PostImage::Status::Found ? tr("Caption merged") : tr("%1 · caption merged").arg(status);
    const bool problem = image.status == PostImage::Status::Missing || image.status == PostImage::Status::OutsideSite
                         || image.mergedCaption;
    item->setText(StatusColumn, (problem ? u"⚠ "_s : image.status == PostImage::Status::Found ? u"✓ "_s : u"☁ "_s) + status);
    item->setForeground(StatusColumn, problem ? QBrush(QColor(0xd0, 0x3a, 0x1f)) : palette().brush(QPalette::Text));
    item->setToolTip(StatusColumn, image.status == PostImage::Status::Missing
                                       ? tr("No file for “%1” in the site's static or content folders").arg(image.url)
                                       : image.status == PostImage::Status::OutsideSite
                                       ? tr("“%1” climbs above the site's root: nothing outside the site is shown or copied").arg(image.url)
                                       : (image.mergedCaption ? tr("Hugo renders the caption in the image's paragraph")
                                                              : statusText(image.status)));
}

void ImagesPanel::retranslateRows()
{
    m_filling = true;
    m_rowTextsStale = false;
    for (int i = 0; i < m_view->topLevelItemCount() && i < m_images.size(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        for (int column = 0; column <= StatusColumn; ++column)
            m_rowTextsStale = m_rowTextsStale || m_view->itemWidget(item, column);
        fillItemTexts(item, i);
    }
    m_filling = false;
}

void ImagesPanel::onEditorClosed()
{
    // A cell edited during a language change gets its texts now that its editor is gone.
    if (m_rowTextsStale)
        retranslateRows();
}

QIcon ImagesPanel::placeholderIcon(PostImage::Status status) const
{
    // Thumbnail-sized, so every row lines up: a small sign where there is no picture (yet).
    QPixmap canvas(RowIconSize * devicePixelRatioF());
    canvas.setDevicePixelRatio(devicePixelRatioF());
    canvas.fill(Qt::transparent);
    if (status != PostImage::Status::Found) {
        const bool bad = status == PostImage::Status::Missing || status == PostImage::Status::OutsideSite;
        const QIcon sign = style()->standardIcon(bad ? QStyle::SP_MessageBoxWarning
                                                                                       : QStyle::SP_DriveNetIcon);
        QPainter painter(&canvas);
        const QSize small(16, 16);
        sign.paint(&painter, QRect(QPoint((RowIconSize.width() - small.width()) / 2, (RowIconSize.height() - small.height()) / 2), small));
    }
    return QIcon(canvas);
}

const PostImage *ImagesPanel::current() const
{
    const int row = currentRow();
    return row >= 0 && row < m_images.size() ? &m_images.at(row) : nullptr;
}

int ImagesPanel::currentRow() const
{
    QTreeWidgetItem *item = m_view->currentItem();
    return item ? m_view->indexOfTopLevelItem(item) : -1;
}

void ImagesPanel::showDetails()
{
    const PostImage *image = current();
    m_detailStack->setCurrentIndex(image ? 1 : 0);
    if (image) {
        const QImage thumbnail = thumbnailFor(*image);
        if (!thumbnail.isNull())
            m_preview->setPixmap(QPixmap::fromImage(thumbnail));
        else
            m_preview->clear(); // showDetailTexts() says why there is no picture
        // A field the writer is typing in keeps what they typed until it is committed.
        if (!m_altEdit->isModified()) {
            m_altEdit->setText(image->alt);
            m_altEdit->setCursorPosition(0);
        }
        if (!m_captionEdit->isModified()) {
            m_captionEdit->setText(image->caption);
            m_captionEdit->setCursorPosition(0);
        }
        m_warning->setVisible(image->mergedCaption);
        m_fixCaption->setVisible(image->mergedCaption);
        m_convert->setEnabled(image->kind == PostImage::Kind::Figure || image->imageOnly);
        m_relink->setDefault(image->status == PostImage::Status::Missing);
    }
    showDetailTexts();
}

void ImagesPanel::showDetailTexts()
{
    // The details' words for the selected image, from what showDetails() last showed; also
    // on a language change, so it reads no file and leaves the fields alone.
    const PostImage *image = current();
    if (!image) {
        m_emptyNote->setText(m_images.isEmpty()
                                 ? tr("This post has no images yet. Paste an image or drop an image file into the editor to add one.")
                                 : tr("Select an image to edit its alt text and caption."));
        return;
    }
    if (m_preview->pixmap().isNull())
        m_preview->setText(image->status == PostImage::Status::Missing ? tr("Not found")
                           : image->status == PostImage::Status::Remote && !m_remoteAllowed ? tr("Remote image\n(offline)")
                                                                                              : tr("No preview"));
    QString where = u"<b>%1</b>"_s.arg(image->url.toHtmlEscaped());
    if (image->status == PostImage::Status::Found)
        where += u"<br>"_s + tr("File: %1").arg(image->filePath.toHtmlEscaped());
    else if (image->status == PostImage::Status::Missing)
        where += u"<br>"_s + tr("Not in the site's static or content folders: the published page will show it broken.");
    else if (image->status == PostImage::Status::OutsideSite)
        where += u"<br>"_s + tr("This path leaves the site: its “..” climbs above the site's root.");
    else
        where += u"<br>"_s + tr("Remote image");
    where += u"<br>"_s + tr("Line %1").arg(image->line);
    m_where->setText(where);
    m_captionNote->setText(captionNote(*image));
    const bool figure = image->kind == PostImage::Kind::Figure;
    m_convert->setText(figure ? tr("Convert to Markdown Image") : tr("Convert to Figure Shortcode"));
    m_convert->setToolTip(figure ? tr("Write this figure as ![alt](src) with a caption paragraph")
                                 : tr("Write this image and its caption as {{< figure >}}"));
}

void ImagesPanel::onCurrentItemChanged()
{
    showDetails();
    if (m_following || m_filling)
        return;
    if (const PostImage *image = current())
        Q_EMIT imageSelected(*image);
}

void ImagesPanel::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling)
        return;
    const int row = m_view->indexOfTopLevelItem(item);
    if (row < 0 || row >= m_images.size())
        return;
    const PostImage image = m_images.at(row);
    const QString text = item->text(column);
    if (column == AltColumn && text != image.alt)
        Q_EMIT altTextEdited(image, text);
    else if (column == CaptionColumn && text != image.caption)
        Q_EMIT captionEdited(image, text);
    else if (column != AltColumn && column != CaptionColumn) {
        m_filling = true; // only alt text and caption are editable; put the rest back
        fillItem(item, row);
        m_filling = false;
    }
    if (m_hasPending)
        setImages(m_pending);
}

void ImagesPanel::commitAlt()
{
    const PostImage *image = current();
    const bool changed = m_altEdit->isModified() && image && m_altEdit->text() != image->alt;
    m_altEdit->setModified(false);
    if (changed)
        Q_EMIT altTextEdited(*image, m_altEdit->text());
    if (m_hasPending)
        setImages(m_pending);
}

void ImagesPanel::commitCaption()
{
    const PostImage *image = current();
    const bool changed = m_captionEdit->isModified() && image && m_captionEdit->text() != image->caption;
    m_captionEdit->setModified(false);
    if (changed)
        Q_EMIT captionEdited(*image, m_captionEdit->text());
    if (m_hasPending)
        setImages(m_pending);
}

void ImagesPanel::followCursor(qsizetype position)
{
    int row = -1;
    for (int i = 0; i < m_images.size(); ++i) {
        const PostImage &image = m_images.at(i);
        const TextRange &r = image.block.isNull() ? image.source : image.block;
        if (position >= r.start && position <= r.end()) {
            row = i;
            break;
        }
    }
    if (row < 0 || row == currentRow())
        return;
    m_following = true;
    m_view->setCurrentItem(m_view->topLevelItem(row));
    m_view->scrollToItem(m_view->topLevelItem(row));
    m_following = false;
}

void ImagesPanel::selectImage(int row)
{
    if (row >= 0 && row < m_view->topLevelItemCount())
        m_view->setCurrentItem(m_view->topLevelItem(row));
}

void ImagesPanel::setRemoteThumbnailsAllowed(bool allowed)
{
    if (m_remoteAllowed == allowed)
        return;
    m_remoteAllowed = allowed;
    if (allowed) {
        rebuild();
    } else if (m_network) {
        // Offline from now on (issue #21): what is still downloading stops, and is fetched
        // again once the preview is online (the reply's handler forgets it).
        const QList<QNetworkReply *> replies = m_network->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies)
            reply->abort();
    }
}

QImage ImagesPanel::thumbnailFor(const PostImage &image)
{
    QString key;
    if (image.status == PostImage::Status::Found) {
        const QFileInfo info(image.filePath);
        key = image.filePath + u'@' + QString::number(info.lastModified().toMSecsSinceEpoch());
    } else if (image.status == PostImage::Status::Remote) {
        // Only what the preview itself would load (issue #21): http(s) while online, data:
        // always, and never file: (which QNetworkAccessManager would read from the disk, the
        // preview never) or any other scheme.
        const QUrl url(image.url.startsWith(u"//"_s) ? u"https:"_s + image.url : image.url);
        const QString scheme = url.scheme();
        if (!(scheme == u"http" || scheme == u"https" || scheme == u"data")
            || !PreviewInterceptor::allows(url, !m_remoteAllowed))
            return {};
        key = image.url;
    } else {
        return {};
    }
    const auto found = m_thumbnails.constFind(key);
    if (found != m_thumbnails.cend())
        return found.value(); // null while it loads or when it could not be read
    m_thumbnails.insert(key, QImage());

    if (image.status == PostImage::Status::Found) {
        decodeOnPool(key, image.filePath, {});
        return {};
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request{QUrl(image.url.startsWith(u"//"_s) ? u"https:"_s + image.url : image.url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            if (!m_remoteAllowed)
                m_thumbnails.remove(key); // stopped by going offline: try again once online
            return;
        }
        decodeOnPool(key, QString(), reply->read(32 * 1024 * 1024));
    });
    return {};
}

void ImagesPanel::decodeOnPool(const QString &key, const QString &path, const QByteArray &bytes)
{
    // From a file, or from downloaded bytes; the result comes back to the UI thread.
    QPointer<ImagesPanel> self(this);
    QThreadPool::globalInstance()->start([self, key, path, bytes] {
        QByteArray downloaded = bytes;
        QBuffer buffer(&downloaded);
        QImageReader reader;
        if (path.isEmpty())
            reader.setDevice(&buffer);
        else
            reader.setFileName(path);
        const QImage thumbnail = decodeThumbnail(reader);
        QMetaObject::invokeMethod(qApp, [self, key, thumbnail] {
            if (self)
                self->onThumbnailReady(key, thumbnail);
        });
    });
}

void ImagesPanel::onThumbnailReady(const QString &key, const QImage &image)
{
    if (image.isNull())
        return;
    m_thumbnails.insert(key, image);
    m_filling = true;
    for (int i = 0; i < m_view->topLevelItemCount() && i < m_images.size(); ++i)
        fillItem(m_view->topLevelItem(i), i);
    m_filling = false;
    showDetails();
}

} // namespace frontmark
