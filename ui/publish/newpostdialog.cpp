// SPDX-License-Identifier: GPL-3.0-or-later
#include "newpostdialog.h"

#include "messagebar.h"
#include "sitedestinationfields.h"

#include "publish/archetype.h"
#include "text/slug.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

NewPostDialog::NewPostDialog(const QString &initialSiteRoot, QWidget *parent)
    : QDialog(parent)
    , m_siteTimer(new QTimer(this))
{
    setObjectName(u"newPostDialog"_s);
    setWindowTitle(tr("New Post"));

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_messageBar = new MessageBar(MessageBar::Kind::Error, this);
    m_messageBar->setObjectName(u"newPostMessageBar"_s);
    outer->addWidget(m_messageBar);
    auto *body = new QVBoxLayout;
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin, nullptr, this);
    body->setContentsMargins(margin + 4, margin + 2, margin + 4, margin);
    body->setSpacing(12);
    outer->addLayout(body, 1);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    body->addLayout(m_form);

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"titleEdit"_s);
    m_title->setPlaceholderText(tr("The post’s title, as readers will see it"));
    m_form->addRow(tr("&Title:"), m_title);

    m_fields = new SiteDestinationFields(m_form, this);
    m_fields->setShowsConfigError(true); // creating works, but the writer should know

    m_target = new QLabel(this);
    m_target->setObjectName(u"targetLabel"_s);
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for a second line from the start, so a long path or "already exists" wraps
    // instead of being clipped, and the buttons do not jump while typing.
    m_target->setMinimumHeight(2 * m_target->fontMetrics().lineSpacing() + 2);
    auto *targetCaption = new QLabel(tr("Will create:"), this);
    targetCaption->setAlignment(Qt::AlignLeft | Qt::AlignTop); // level with the path's first line
    targetCaption->setMinimumHeight(m_target->minimumHeight());
    m_form->addRow(targetCaption, m_target);

    body->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    m_createButton = buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(u"createButton"_s);
    m_createButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewPostDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewPostDialog::reject);
    body->addWidget(buttons);

    m_siteTimer->setSingleShot(true);
    m_siteTimer->setInterval(250);
    connect(m_siteTimer, &QTimer::timeout, this, &NewPostDialog::checkSite);
    connect(m_fields, &SiteDestinationFields::siteTextChanged, this, [this] {
        m_siteTimer->start(); // Site::load reads the configuration: wait for a pause in typing
        refresh();
    });
    connect(m_fields, &SiteDestinationFields::siteChosen, this, &NewPostDialog::checkSite);
    connect(m_title, &QLineEdit::textChanged, this, &NewPostDialog::titleChanged);
    connect(m_fields, &SiteDestinationFields::sectionChanged, this, &NewPostDialog::refresh);
    connect(m_fields, &SiteDestinationFields::nameEdited, this, [this](const QString &text) {
        // Clearing the name hands it back to the title.
        m_nameEdited = !text.trimmed().isEmpty();
        if (!m_nameEdited)
            titleChanged();
    });
    connect(m_fields, &SiteDestinationFields::nameChanged, this, &NewPostDialog::refresh);

    QString site = initialSiteRoot;
    if (site.isEmpty())
        site = SiteDestinationFields::lastSite();
    setSiteRoot(site);
    titleChanged();
    setMinimumWidth(560);
    resize(620, sizeHint().height());
    m_title->setFocus();
}

NewPostDialog::~NewPostDialog() = default;

QString NewPostDialog::title() const
{
    return m_title->text().trimmed();
}

void NewPostDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString NewPostDialog::siteRoot() const
{
    return m_fields->siteRoot();
}

void NewPostDialog::setSiteRoot(const QString &root)
{
    m_fields->setSiteRoot(root);
    checkSite();
}

bool NewPostDialog::isSiteValid() const
{
    return m_fields->isSiteValid();
}

QString NewPostDialog::section() const
{
    return m_fields->section();
}

void NewPostDialog::setSection(const QString &section)
{
    m_fields->setSection(section);
}

QString NewPostDialog::fileName() const
{
    return m_fields->baseName();
}

void NewPostDialog::setFileName(const QString &name)
{
    m_fields->setFileName(name);
    m_nameEdited = !name.trimmed().isEmpty();
    if (!m_nameEdited)
        titleChanged();
}

QString NewPostDialog::targetPath() const
{
    if (!isSiteValid() || fileName().isEmpty() || !m_fields->nameProblem().isEmpty() || section().isEmpty())
        return {};
    archetype::NewPost post;
    post.title = title();
    post.section = section();
    post.name = fileName();
    return archetype::targetPath(m_fields->site(), post);
}

void NewPostDialog::checkSite()
{
    m_siteTimer->stop();
    // Another site starts from Hugo's usual section when the writer left none.
    if (m_fields->checkSite() && section().isEmpty())
        setSection(u"posts"_s);
    refresh();
}

void NewPostDialog::titleChanged()
{
    const QString slug = title().isEmpty() ? QString() : text::slugify(title());
    m_fields->setNamePlaceholder(slug);
    if (!m_nameEdited)
        m_fields->suggestFileName(slug); // not an edit by the writer
    refresh();
}

void NewPostDialog::refresh()
{
    m_fields->validateName();

    const QString path = targetPath();
    bool exists = false;
    if (m_siteTimer->isActive()) {
        m_target->setText(tr("Checking the site folder…"));
        SiteDestinationFields::setErrorStyle(m_target, false);
        m_target->setForegroundRole(QPalette::PlaceholderText);
    } else if (path.isEmpty()) {
        m_target->setText(!isSiteValid() ? tr("Choose the Hugo site first.")
                          : title().isEmpty() && fileName().isEmpty() ? tr("Type a title first.")
                                                                      : tr("Choose a file name and a section."));
        SiteDestinationFields::setErrorStyle(m_target, false);
        m_target->setForegroundRole(QPalette::PlaceholderText);
    } else {
        exists = QFileInfo::exists(path);
        const QString shown = QDir::toNativeSeparators(QDir(m_fields->site().root()).relativeFilePath(path));
        m_target->setText(exists ? tr("%1 already exists: choose another file name.").arg(shown) : shown);
        m_target->setForegroundRole(QPalette::WindowText);
        SiteDestinationFields::setErrorStyle(m_target, exists);
    }
    m_target->setToolTip(QDir::toNativeSeparators(path));
    m_createButton->setEnabled(!m_siteTimer->isActive() && !title().isEmpty() && !path.isEmpty() && !exists);
}

void NewPostDialog::accept()
{
    if (m_siteTimer->isActive())
        checkSite();
    refresh();
    if (!m_createButton->isEnabled())
        return;
    archetype::NewPost post;
    post.title = title();
    post.section = section();
    post.name = fileName();
    post.now = QDateTime::currentDateTime();
    const Result<QString> created = archetype::create(m_fields->site(), post);
    if (!created.ok()) {
        const Error &error = created.error();
        QString message = error.message;
        if (!error.file.isEmpty()) {
            QString where = QDir::toNativeSeparators(error.file);
            if (error.line > 0)
                where += u':' + QString::number(error.line) + (error.column > 0 ? u':' + QString::number(error.column) : QString());
            message = tr("%1 (%2)").arg(message, where);
        }
        m_messageBar->showMessage(message);
        refresh();
        return;
    }
    m_createdPath = created.value();
    SiteDestinationFields::rememberSite(m_fields->site().root());
    QDialog::accept();
}

} // namespace frontmark
