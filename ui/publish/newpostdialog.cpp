#include "newpostdialog.h"

#include "messagebar.h"

#include "publish/archetype.h"
#include "text/slug.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

const auto kLastSiteKey = u"publish/lastSite"_s;

// Red text readable on the window colour of light and dark palettes; `on` false restores
// the palette's own text colour.
void setErrorStyle(QLabel *label, bool on)
{
    QPalette pal = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (on) {
        const bool dark = pal.color(QPalette::Window).lightnessF() < 0.5;
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
    }
    label->setPalette(pal);
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy); // QFormLayout sets buddies only for widget fields
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

    m_siteEdit = new QLineEdit(this);
    m_siteEdit->setObjectName(u"siteEdit"_s);
    m_siteEdit->setPlaceholderText(tr("The folder that holds the site’s hugo.toml"));
    m_siteEdit->setClearButtonEnabled(true);
    auto *choose = new QPushButton(tr("Choose…"), this);
    choose->setObjectName(u"chooseSiteButton"_s);
    choose->setAutoDefault(false);
    auto *siteRow = new QHBoxLayout;
    siteRow->addWidget(m_siteEdit, 1);
    siteRow->addWidget(choose);
    m_siteError = new QLabel(this);
    m_siteError->setObjectName(u"siteError"_s);
    m_siteError->setWordWrap(true);
    setErrorStyle(m_siteError, true);
    m_siteError->hide();
    m_form->addRow(buddyLabel(tr("Hugo &site:"), m_siteEdit), withMessage(siteRow, m_siteError));

    m_section = new QComboBox(this);
    m_section->setObjectName(u"sectionCombo"_s);
    m_section->setEditable(true);
    m_section->setInsertPolicy(QComboBox::NoInsert);
    m_section->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_section->setMinimumContentsLength(16);
    m_section->setCurrentText(u"posts"_s);
    auto *sectionRow = new QHBoxLayout;
    sectionRow->addWidget(m_section);
    sectionRow->addStretch(1);
    m_form->addRow(buddyLabel(tr("S&ection:"), m_section), sectionRow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"nameEdit"_s);
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(4);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(new QLabel(u".md"_s, this));
    m_nameError = new QLabel(this);
    m_nameError->setObjectName(u"nameError"_s);
    m_nameError->setWordWrap(true);
    setErrorStyle(m_nameError, true);
    m_nameError->hide();
    m_form->addRow(buddyLabel(tr("&File name:"), m_name), withMessage(nameRow, m_nameError));

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
    connect(m_siteEdit, &QLineEdit::textChanged, this, [this] {
        m_siteTimer->start(); // Site::load reads the configuration: wait for a pause in typing
        refresh();
    });
    connect(choose, &QPushButton::clicked, this, &NewPostDialog::chooseSite);
    connect(m_title, &QLineEdit::textChanged, this, &NewPostDialog::titleChanged);
    connect(m_section, &QComboBox::currentTextChanged, this, &NewPostDialog::refresh);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Clearing the name hands it back to the title.
        m_nameEdited = !text.trimmed().isEmpty();
        if (!m_nameEdited)
            titleChanged();
    });
    connect(m_name, &QLineEdit::textChanged, this, &NewPostDialog::refresh);

    QString site = initialSiteRoot;
    if (site.isEmpty())
        site = QSettings().value(kLastSiteKey).toString();
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
    const QString text = m_siteEdit->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

void NewPostDialog::setSiteRoot(const QString &root)
{
    m_siteEdit->setText(QDir::toNativeSeparators(root));
    checkSite();
}

QString NewPostDialog::section() const
{
    return m_section->currentText().trimmed();
}

void NewPostDialog::setSection(const QString &section)
{
    m_section->setCurrentText(section);
}

QString NewPostDialog::fileName() const
{
    QString name = m_name->text().trimmed();
    if (name.endsWith(u".md", Qt::CaseInsensitive)) // the writer typed the extension we add
        name.chop(3);
    return name;
}

void NewPostDialog::setFileName(const QString &name)
{
    m_name->setText(name);
    m_nameEdited = !name.trimmed().isEmpty();
    if (!m_nameEdited)
        titleChanged();
}

QString NewPostDialog::targetPath() const
{
    if (!m_siteOk || fileName().isEmpty() || !nameProblem().isEmpty() || section().isEmpty())
        return {};
    archetype::NewPost post;
    post.title = title();
    post.section = section();
    post.name = fileName();
    return archetype::targetPath(m_site, post);
}

void NewPostDialog::checkSite()
{
    m_siteTimer->stop();
    const QString root = siteRoot();
    if (root == m_checkedSite && !m_checkedSite.isNull()) {
        refresh();
        return;
    }
    m_checkedSite = root.isNull() ? u""_s : root;
    m_siteOk = false;
    m_site = Site();
    QString problem;
    if (!root.isEmpty()) {
        Result<Site> site = Site::load(root);
        if (site.ok()) {
            m_site = std::move(site).value();
            m_siteOk = true;
            // A broken config still lets Hugo's layout be found; say so, but allow creating.
            if (m_site.configError())
                problem = tr("The site’s configuration has an error: %1").arg(m_site.configError()->message);
        } else {
            problem = site.error().message;
        }
    }
    m_siteError->setText(problem);
    m_siteError->setVisible(!problem.isEmpty());
    fillSections();
    refresh();
}

void NewPostDialog::chooseSite()
{
    QString start = siteRoot();
    if (start.isEmpty())
        start = QSettings().value(kLastSiteKey).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the Hugo Site"), start);
    if (dir.isEmpty())
        return;
    setSiteRoot(dir);
}

void NewPostDialog::fillSections()
{
    const QString current = m_section->currentText();
    QStringList sections;
    if (m_siteOk)
        sections = QDir(m_site.contentDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::LocaleAware);
    if (!sections.contains(u"posts"_s))
        sections.prepend(u"posts"_s);
    const QSignalBlocker blocker(m_section);
    m_section->clear();
    m_section->addItems(sections);
    m_section->setCurrentText(current.isEmpty() ? u"posts"_s : current);
}

void NewPostDialog::titleChanged()
{
    const QString slug = title().isEmpty() ? QString() : text::slugify(title());
    m_name->setPlaceholderText(slug);
    if (!m_nameEdited) {
        const QSignalBlocker blocker(m_name); // not an edit by the writer
        m_name->setText(slug);
    }
    refresh();
}

QString NewPostDialog::nameProblem() const
{
    const QString name = fileName();
    if (name.contains(u'/') || name.contains(u'\\'))
        return tr("A file name cannot contain “/” or “\\”.");
    if (name == u"." || name == u"..")
        return tr("Choose another file name.");
    return {};
}

void NewPostDialog::refresh()
{
    const QString problem = nameProblem();
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty());

    const QString path = targetPath();
    bool exists = false;
    if (m_siteTimer->isActive()) {
        m_target->setText(tr("Checking the site folder…"));
        setErrorStyle(m_target, false);
        m_target->setForegroundRole(QPalette::PlaceholderText);
    } else if (path.isEmpty()) {
        m_target->setText(!m_siteOk ? tr("Choose the Hugo site first.")
                          : title().isEmpty() && fileName().isEmpty() ? tr("Type a title first.")
                                                                      : tr("Choose a file name and a section."));
        setErrorStyle(m_target, false);
        m_target->setForegroundRole(QPalette::PlaceholderText);
    } else {
        exists = QFileInfo::exists(path);
        const QString shown = QDir::toNativeSeparators(QDir(m_site.root()).relativeFilePath(path));
        m_target->setText(exists ? tr("%1 already exists: choose another file name.").arg(shown) : shown);
        m_target->setForegroundRole(QPalette::WindowText);
        setErrorStyle(m_target, exists);
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
    const Result<QString> created = archetype::create(m_site, post);
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
    QSettings().setValue(kLastSiteKey, m_site.root());
    QDialog::accept();
}

} // namespace frontmark
