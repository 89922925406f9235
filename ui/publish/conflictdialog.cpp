// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictdialog.h"

#include "diffview.h"

#include "text/linediff.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

ConflictDialog::ConflictDialog(const QString &path, const QByteArray &diskBytes, const QByteArray &editorBytes,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"conflictDialog"_s);
    const QString fileName = QFileInfo(path).fileName();
    setWindowTitle(tr("File Changed on Disk"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *heading = new QLabel(this);
    heading->setObjectName(u"conflictHeading"_s);
    heading->setTextFormat(Qt::PlainText);
    heading->setText(tr("“%1” was changed by another program since you opened it.").arg(fileName));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    auto *explanation = new QLabel(tr("Overwrite replaces the other program’s version with yours. "
                                      "Save As… keeps both: yours goes to a new file."),
                                   this);
    explanation->setWordWrap(true);
    auto *location = new QLabel(path, this);
    location->setObjectName(u"conflictPath"_s);
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    location->setForegroundRole(QPalette::PlaceholderText);
    location->setWordWrap(true);

    auto *textColumn = new QVBoxLayout;
    textColumn->setSpacing(6);
    textColumn->addWidget(heading);
    textColumn->addWidget(location);
    textColumn->addWidget(explanation);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(textColumn, 1);

    auto *diffCaption = new QLabel(tr("What would change on disk (disk version → your version):"), this);
    m_diff = new DiffView(this);
    m_diff->setObjectName(u"conflictDiff"_s);
    m_diff->setPlaceholderText(tr("The two versions are identical."));
    m_diff->setDiff(text::unifiedDiff(diskBytes, editorBytes, tr("%1 (on disk)").arg(fileName),
                                      tr("%1 (your version)").arg(fileName)));
    diffCaption->setBuddy(m_diff);

    auto *buttons = new QDialogButtonBox(this);
    m_overwrite = buttons->addButton(tr("Overwrite"), QDialogButtonBox::DestructiveRole);
    m_overwrite->setObjectName(u"overwriteButton"_s);
    m_overwrite->setToolTip(tr("Replace the file on disk with your version"));
    m_saveAs = buttons->addButton(tr("Save As…"), QDialogButtonBox::ActionRole);
    m_saveAs->setObjectName(u"saveAsButton"_s);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(u"cancelButton"_s);
    // Enter must never destroy the other program's work.
    m_overwrite->setAutoDefault(false);
    m_saveAs->setAutoDefault(false);
    m_cancel->setDefault(true);
    connect(m_overwrite, &QPushButton::clicked, this, [this] { choose(Choice::Overwrite); });
    connect(m_saveAs, &QPushButton::clicked, this, [this] { choose(Choice::SaveAs); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { choose(Choice::Cancel); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addWidget(diffCaption);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(720, 480);
    m_cancel->setFocus();
}

void ConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Cancel)
        reject();
    else
        accept();
}

} // namespace frontmark
