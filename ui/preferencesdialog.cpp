#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
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
    return p;
}

} // namespace frontmark
