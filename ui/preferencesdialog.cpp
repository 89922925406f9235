#include "preferencesdialog.h"

#include "images/imageimport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    QFont system = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    system.setPointSize(std::max(system.pointSize(), 11));
    p.editorFont = system;
    if (const QString font = s.value(u"editor/font"_s).toString(); !font.isEmpty())
        p.editorFont.fromString(font);
    const QString theme = s.value(u"preview/theme"_s, u"system"_s).toString();
    p.previewTheme = theme == u"dark" ? PreviewTheme::Dark : theme == u"light" ? PreviewTheme::Light : PreviewTheme::System;
    p.offlineByDefault = s.value(u"preview/offline"_s, false).toBool();
    p.clickToLoadEmbeds = s.value(u"preview/clickToLoad"_s, false).toBool();
    p.imagePattern = s.value(u"images/pattern"_s).toString().trimmed();
    if (p.imagePattern.isEmpty())
        p.imagePattern = imageimport::defaultPattern();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(u"editor/font"_s, editorFont.toString());
    s.setValue(u"preview/theme"_s, previewTheme == PreviewTheme::Dark ? u"dark"_s
                                   : previewTheme == PreviewTheme::Light ? u"light"_s : u"system"_s);
    s.setValue(u"preview/offline"_s, offlineByDefault);
    s.setValue(u"preview/clickToLoad"_s, clickToLoadEmbeds);
    if (imagePattern.trimmed().isEmpty() || imagePattern == imageimport::defaultPattern())
        s.remove(u"images/pattern"_s);
    else
        s.setValue(u"images/pattern"_s, imagePattern.trimmed());
}

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(u"preferencesDialog"_s);
    auto *form = new QFormLayout;
    m_font = new QFontComboBox(this);
    m_font->setObjectName(u"fontCombo"_s);
    m_font->setCurrentFont(current.editorFont);
    m_size = new QSpinBox(this);
    m_size->setObjectName(u"fontSize"_s);
    m_size->setRange(6, 48);
    m_size->setSuffix(tr(" pt"));
    m_size->setValue(current.editorFont.pointSize());
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_size);
    form->addRow(tr("Editor font:"), fontRow);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"themeCombo"_s);
    m_theme->addItem(tr("Follow the system"), static_cast<int>(PreviewTheme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(PreviewTheme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(PreviewTheme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(current.previewTheme)));
    form->addRow(tr("Preview theme:"), m_theme);

    m_offline = new QCheckBox(tr("Start with the offline preview (no remote requests)"), this);
    m_offline->setObjectName(u"offlineCheck"_s);
    m_offline->setChecked(current.offlineByDefault);
    form->addRow(tr("Network:"), m_offline);
    m_clickToLoad = new QCheckBox(tr("Load YouTube and Vimeo players only on a click"), this);
    m_clickToLoad->setObjectName(u"clickToLoadCheck"_s);
    m_clickToLoad->setChecked(current.clickToLoadEmbeds);
    form->addRow(QString(), m_clickToLoad);

    m_imagePattern = new QLineEdit(current.imagePattern, this);
    m_imagePattern->setObjectName(u"imagePatternEdit"_s);
    m_imagePattern->setPlaceholderText(imageimport::defaultPattern());
    m_imagePattern->setToolTip(tr("Where pasted and dropped images are copied, inside the site's static folder.\n"
                                  "{date}: the post's date (yyyyMMdd)  {hash}: 8 hex digits of the image's SHA-256\n"
                                  "{name}: the dropped file's name  {ext}: png, jpg, …"));
    m_imageExample = new QLabel(this);
    m_imageExample->setForegroundRole(QPalette::PlaceholderText);
    auto showExample = [this] {
        QString example = m_imagePattern->text().trimmed();
        if (example.isEmpty())
            example = imageimport::defaultPattern();
        example.replace(u"{date}"_s, QDate::currentDate().toString(u"yyyyMMdd"_s))
            .replace(u"{hash}"_s, u"3fa91c2e"_s)
            .replace(u"{name}"_s, u"screenshot"_s)
            .replace(u"{ext}"_s, u"png"_s);
        m_imageExample->setText(tr("For example: %1").arg(example));
    };
    connect(m_imagePattern, &QLineEdit::textChanged, this, showExample);
    showExample();
    form->addRow(tr("New images:"), m_imagePattern);
    form->addRow(QString(), m_imageExample);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT applied(preferences());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { Q_EMIT applied(preferences()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.editorFont = m_font->currentFont();
    p.editorFont.setPointSize(m_size->value());
    p.previewTheme = static_cast<PreviewTheme>(m_theme->currentData().toInt());
    p.offlineByDefault = m_offline->isChecked();
    p.clickToLoadEmbeds = m_clickToLoad->isChecked();
    p.imagePattern = m_imagePattern->text().trimmed();
    if (p.imagePattern.isEmpty())
        p.imagePattern = imageimport::defaultPattern();
    return p;
}

} // namespace frontmark
