// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitedestinationfields.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

const auto kLastSiteKey = u"publish/lastSite"_s;
const auto kDefaultSection = u"posts"_s; // what `hugo new` and the sample archetypes use

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy); // QFormLayout sets buddies only for widget fields
    return label;
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    SiteDestinationFields::setErrorStyle(label, true);
    label->hide();
    return label;
}

// A field with its inline message right under it (hidden while there is none).
QLayout *withMessage(QLayout *field, QLabel *message)
{
    auto *column = new QVBoxLayout;
    column->setSpacing(3);
    column->addLayout(field);
    column->addWidget(message);
    return column;
}

} // namespace

SiteDestinationFields::SiteDestinationFields(QFormLayout *form, QWidget *parent)
    : QObject(parent)
{
    m_siteEdit = new QLineEdit(parent);
    m_siteEdit->setObjectName(u"siteEdit"_s);
    m_siteEdit->setPlaceholderText(tr("The folder that holds the site’s hugo.toml"));
    m_siteEdit->setClearButtonEnabled(true);
    auto *choose = new QPushButton(tr("Choose…"), parent);
    choose->setObjectName(u"chooseSiteButton"_s);
    choose->setAutoDefault(false);
    auto *siteRow = new QHBoxLayout;
    siteRow->addWidget(m_siteEdit, 1);
    siteRow->addWidget(choose);
    m_siteError = errorLabel(u"siteError"_s, parent);
    form->addRow(buddyLabel(tr("Hugo &site:"), m_siteEdit), withMessage(siteRow, m_siteError));

    m_section = new QComboBox(parent);
    m_section->setObjectName(u"sectionCombo"_s);
    m_section->setEditable(true);
    m_section->setInsertPolicy(QComboBox::NoInsert);
    m_section->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_section->setMinimumContentsLength(16);
    m_section->setCurrentText(kDefaultSection);
    auto *sectionRow = new QHBoxLayout;
    sectionRow->addWidget(m_section);
    sectionRow->addStretch(1);
    form->addRow(buddyLabel(tr("S&ection:"), m_section), sectionRow);

    m_name = new QLineEdit(parent);
    m_name->setObjectName(u"nameEdit"_s);
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(4);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(new QLabel(u".md"_s, parent));
    m_nameError = errorLabel(u"nameError"_s, parent);
    form->addRow(buddyLabel(tr("&File name:"), m_name), withMessage(nameRow, m_nameError));

    connect(choose, &QPushButton::clicked, this, &SiteDestinationFields::chooseSite);
    connect(m_siteEdit, &QLineEdit::textChanged, this, &SiteDestinationFields::siteTextChanged);
    connect(m_section, &QComboBox::currentTextChanged, this, &SiteDestinationFields::sectionChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SiteDestinationFields::nameChanged);
    connect(m_name, &QLineEdit::textEdited, this, &SiteDestinationFields::nameEdited);
}

SiteDestinationFields::~SiteDestinationFields() = default;

QString SiteDestinationFields::siteRoot() const
{
    const QString text = m_siteEdit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

void SiteDestinationFields::setSiteRoot(const QString &root)
{
    m_siteEdit->setText(QDir::toNativeSeparators(root));
}

bool SiteDestinationFields::checkSite()
{
    const QString root = siteRoot();
    if (root == m_checkedSite && !m_checkedSite.isNull())
        return false;
    m_checkedSite = root.isNull() ? u""_s : root;
    m_siteOk = false;
    m_site = Site();
    m_siteProblem.clear();
    QString shown;
    if (!root.isEmpty()) {
        Result<Site> site = Site::load(root);
        if (site.ok()) {
            m_site = std::move(site).value();
            m_siteOk = true;
            // A broken config still lets Hugo's layout be found: say so, without blocking.
            if (m_showsConfigError && m_site.configError())
                shown = tr("The site’s configuration has an error: %1").arg(m_site.configError()->message);
        } else {
            m_siteProblem = site.error().message;
            shown = m_siteProblem;
        }
    }
    m_siteError->setText(shown);
    m_siteError->setVisible(!shown.isEmpty());
    fillSections();
    return true;
}

QString SiteDestinationFields::section() const
{
    return m_section->currentText().trimmed();
}

void SiteDestinationFields::setSection(const QString &section)
{
    m_section->setCurrentText(section);
}

QString SiteDestinationFields::fileName() const
{
    return m_name->text().trimmed();
}

QString SiteDestinationFields::baseName() const
{
    QString name = fileName();
    if (name.endsWith(u".md", Qt::CaseInsensitive)) // the writer typed the extension we add
        name.chop(3);
    return name;
}

void SiteDestinationFields::setFileName(const QString &name)
{
    m_name->setText(name);
}

void SiteDestinationFields::suggestFileName(const QString &name)
{
    const QSignalBlocker blocker(m_name);
    m_name->setText(name);
}

void SiteDestinationFields::setNamePlaceholder(const QString &text)
{
    m_name->setPlaceholderText(text);
}

QString SiteDestinationFields::nameProblem() const
{
    const QString name = baseName();
    if (name.contains(u'/') || name.contains(u'\\'))
        return tr("A file name cannot contain “/” or “\\”.");
    if (name == u"." || name == u"..")
        return tr("Choose another file name.");
    return {};
}

bool SiteDestinationFields::validateName()
{
    const QString problem = nameProblem();
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

QString SiteDestinationFields::lastSite()
{
    return QSettings().value(kLastSiteKey).toString();
}

void SiteDestinationFields::rememberSite(const QString &root)
{
    QSettings().setValue(kLastSiteKey, root);
}

void SiteDestinationFields::setErrorStyle(QLabel *label, bool on)
{
    QPalette pal = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (on) {
        const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
    }
    label->setPalette(pal);
}

void SiteDestinationFields::chooseSite()
{
    QString start = siteRoot();
    if (start.isEmpty())
        start = lastSite();
    const QString dir = QFileDialog::getExistingDirectory(m_siteEdit->window(), tr("Choose the Hugo Site"), start);
    if (dir.isEmpty())
        return;
    setSiteRoot(dir);
    Q_EMIT siteChosen();
}

void SiteDestinationFields::fillSections()
{
    const QString current = m_section->currentText();
    QStringList sections;
    if (m_siteOk)
        sections = QDir(m_site.contentDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::LocaleAware);
    if (!sections.contains(kDefaultSection))
        sections.prepend(kDefaultSection);
    const QSignalBlocker blocker(m_section);
    m_section->clear();
    m_section->addItems(sections);
    m_section->setCurrentText(current);
}

} // namespace frontmark
