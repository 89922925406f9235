// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoverydialog.h"

#include "publish/diffview.h"

#include "document/postfile.h"
#include "text/linediff.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

enum Column { PostColumn, FolderColumn, SavedColumn, DecisionColumn };

QString postName(const RecoveryEntry &entry)
{
    return entry.originalPath.isEmpty() ? RecoveryDialog::tr("Untitled") : QFileInfo(entry.originalPath).fileName();
}

} // namespace

RecoveryDialog::RecoveryDialog(const QList<RecoveryEntry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_entries(entries)
    , m_decisions(entries.size(), Decision::Undecided)
{
    setObjectName(u"recoveryDialog"_s);
    setWindowTitle(tr("Recover Unsaved Changes"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this).pixmap(iconSize, iconSize));
    auto *heading = new QLabel(entries.size() == 1 ? tr("Frontmark kept unsaved changes to one post.")
                                                   : tr("Frontmark kept unsaved changes to %n posts.", nullptr,
                                                        int(entries.size())),
                               this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    auto *explanation = new QLabel(tr("The editor closed before they were saved. Restore opens the text as an "
                                      "unsaved change to its post; Discard deletes the copy; Decide Later keeps it "
                                      "for the next start."),
                                   this);
    explanation->setWordWrap(true);
    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(heading);
    textColumn->addWidget(explanation);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(textColumn, 1);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"recoveryList"_s);
    m_list->setHeaderLabels({tr("Post"), tr("Folder"), tr("Saved"), tr("Decision")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    const QLocale locale;
    for (const RecoveryEntry &entry : m_entries) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(PostColumn, postName(entry));
        item->setText(FolderColumn, entry.originalPath.isEmpty()
                                        ? tr("never saved")
                                        : QDir::toNativeSeparators(QFileInfo(entry.originalPath).absolutePath()));
        item->setToolTip(FolderColumn, QDir::toNativeSeparators(entry.originalPath));
        item->setText(SavedColumn, locale.toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat));
        if (entry.originalPath.isEmpty())
            item->setForeground(FolderColumn, palette().brush(QPalette::PlaceholderText));
    }
    for (int column : {PostColumn, SavedColumn, DecisionColumn})
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (int row = 0; row < m_entries.size(); ++row)
        updateRow(row);
    // Enough rows to see a few, without pushing the diff away.
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) * 6 + m_list->header()->sizeHint().height() + 8);

    m_detail = new QLabel(this);
    m_detail->setObjectName(u"recoveryDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_diff = new DiffView(this);
    m_diff->setObjectName(u"recoveryDiff"_s);
    m_diff->setMinimumHeight(220);

    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    m_later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    m_restore->setDefault(true);
    m_restore->setToolTip(tr("Open the recovered text in an editor window"));
    m_discard->setToolTip(tr("Delete the recovered copy; the file on disk stays as it is"));
    m_later->setToolTip(tr("Keep the copy and ask again at the next start"));
    // The button box would accept/reject the whole dialog; here each acts on the selection.
    connect(m_restore, &QPushButton::clicked, this, [this] { decideSelected(Decision::Restore); });
    connect(m_discard, &QPushButton::clicked, this, [this] { decideSelected(Decision::Discard); });
    connect(m_later, &QPushButton::clicked, this, [this] { decideSelected(Decision::Later); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addWidget(m_list);
    layout->addWidget(m_detail);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &RecoveryDialog::showDetails);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const bool any = !m_list->selectedItems().isEmpty();
        m_restore->setEnabled(any);
        m_discard->setEnabled(any);
        m_later->setEnabled(any);
    });
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    resize(900, 640);
}

QList<RecoveryEntry> RecoveryDialog::toRestore() const
{
    QList<RecoveryEntry> out;
    if (result() != QDialog::Accepted)
        return out;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_decisions.at(row) == Decision::Restore)
            out.append(m_entries.at(row));
    }
    return out;
}

void RecoveryDialog::decideSelected(Decision decision)
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    for (QTreeWidgetItem *item : selected) {
        const int row = m_list->indexOfTopLevelItem(item);
        m_decisions[row] = decision;
        updateRow(row);
    }
    const auto undecided = std::find(m_decisions.cbegin(), m_decisions.cend(), Decision::Undecided);
    if (undecided == m_decisions.cend()) {
        accept();
        return;
    }
    m_list->clearSelection();
    m_list->setCurrentItem(m_list->topLevelItem(int(undecided - m_decisions.cbegin())));
}

void RecoveryDialog::done(int result)
{
    // Deleting is the one step that cannot be undone, so it waits until the writer has
    // decided about every copy; closing the dialog instead keeps them all.
    if (result == QDialog::Accepted) {
        for (int row = 0; row < m_entries.size(); ++row) {
            if (m_decisions.at(row) == Decision::Discard)
                RecoveryStore::discard(m_entries.at(row));
        }
    }
    QDialog::done(result);
}

void RecoveryDialog::updateRow(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item)
        return;
    QString text;
    switch (m_decisions.at(row)) {
    case Decision::Undecided:
        text = QString();
        break;
    case Decision::Restore:
        text = tr("Restore");
        break;
    case Decision::Discard:
        text = tr("Discard");
        break;
    case Decision::Later:
        text = tr("Decide later");
        break;
    }
    item->setText(DecisionColumn, text);
}

void RecoveryDialog::showDetails()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (row < 0) {
        m_detail->clear();
        m_diff->setDiff({});
        return;
    }
    const RecoveryEntry &entry = m_entries.at(row);
    const QString name = postName(entry);
    const QString recoveredName = tr("recovered copy of %1").arg(name);

    if (entry.originalPath.isEmpty()) {
        m_detail->setText(tr("Never saved: this post had no file yet. Restoring opens it as a new, untitled post."));
        m_diff->setDiff(text::unifiedDiff({}, entry.bytes, tr("(nothing on disk)"), recoveredName));
        return;
    }
    QFile file(entry.originalPath);
    if (!QFileInfo(entry.originalPath).isFile()) {
        m_detail->setText(tr("“%1” no longer exists on disk. Restoring opens the recovered text; saving writes the file "
                             "again.")
                              .arg(QDir::toNativeSeparators(entry.originalPath)));
        m_diff->setDiff(text::unifiedDiff({}, entry.bytes, tr("(no file)"), recoveredName));
        return;
    }
    if (file.size() > PostFile::maxFileSize() || !file.open(QIODevice::ReadOnly)) {
        m_detail->setText(tr("“%1” cannot be read (%2), so the difference cannot be shown.")
                              .arg(QDir::toNativeSeparators(entry.originalPath),
                                   file.error() != QFileDevice::NoError ? file.errorString() : tr("too large")));
        m_diff->setPlaceholderText(tr("Cannot compare"));
        m_diff->setDiff({});
        return;
    }
    const QByteArray disk = file.readAll();
    if (disk == entry.bytes) {
        m_detail->setText(tr("The file on disk already holds exactly this text: nothing was lost, so Discard is safe."));
        m_diff->setPlaceholderText(tr("No differences"));
        m_diff->setDiff({});
        return;
    }
    const bool changedSince = !entry.diskBytesHash.isEmpty() && RecoveryStore::hashOf(disk) != entry.diskBytesHash;
    m_detail->setText(changedSince
                          ? tr("“%1” was changed on disk after the editor loaded it (another program, or a later save). "
                               "Lines marked − are on disk now, lines marked + are in the recovered copy.")
                                .arg(name)
                          : tr("What the recovered copy changes in “%1”: lines marked − are on disk now, lines marked + "
                               "are in the copy.")
                                .arg(name));
    m_diff->setDiff(text::unifiedDiff(disk, entry.bytes, tr("on disk: %1").arg(name), recoveredName));
}

} // namespace frontmark
