// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "images/imageimport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

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
    p.hugoVersion = s.value(u"preview/hugoVersion"_s).toString() == u"0.111" ? HugoVersion::V0_111 : HugoVersion::Current;
    p.autosaveSeconds = std::clamp(s.value(u"recovery/delaySeconds"_s, 3).toInt(), 1, 120);
    p.uiLanguage = s.value(u"ui/language"_s).toString();
    p.spellCheck = s.value(u"editor/spellCheck"_s, true).toBool();
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
    s.setValue(u"preview/hugoVersion"_s, hugoVersion == HugoVersion::V0_111 ? u"0.111"_s : u"current"_s);
    s.setValue(u"recovery/delaySeconds"_s, autosaveSeconds);
    s.setValue(u"ui/language"_s, uiLanguage);
    s.setValue(u"editor/spellCheck"_s, spellCheck);
}

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
    auto *form = new QFormLayout;
    m_font = new QFontComboBox(this);
    m_font->setObjectName(u"fontCombo"_s);
    m_font->setCurrentFont(current.editorFont);
    m_size = new QSpinBox(this);
    m_size->setObjectName(u"fontSize"_s);
    m_size->setRange(6, 48);
    m_size->setValue(current.editorFont.pointSize());
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_size);
    m_fontLabel = new QLabel(this);
    m_fontLabel->setBuddy(m_font);
    form->addRow(m_fontLabel, fontRow);
    m_spellCheck = new QCheckBox(this);
    m_spellCheck->setObjectName(u"spellCheck"_s);
    m_spellCheck->setChecked(current.spellCheck);
    form->addRow(QString(), m_spellCheck);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"themeCombo"_s);
    // The texts come from retranslateUi(); the data is what preferences() reads.
    m_theme->addItem(QString(), static_cast<int>(PreviewTheme::System));
    m_theme->addItem(QString(), static_cast<int>(PreviewTheme::Light));
    m_theme->addItem(QString(), static_cast<int>(PreviewTheme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(current.previewTheme)));
    m_themeLabel = addRow(form, m_theme);

    m_offline = new QCheckBox(this);
    m_offline->setObjectName(u"offlineCheck"_s);
    m_offline->setChecked(current.offlineByDefault);
    m_networkLabel = addRow(form, m_offline);
    m_clickToLoad = new QCheckBox(this);
    m_clickToLoad->setObjectName(u"clickToLoadCheck"_s);
    m_clickToLoad->setChecked(current.clickToLoadEmbeds);
    form->addRow(QString(), m_clickToLoad);
    m_hugoVersion = new QComboBox(this);
    m_hugoVersion->setObjectName(u"hugoVersionCombo"_s);
    m_hugoVersion->addItem(QString(), static_cast<int>(HugoVersion::Current));
    m_hugoVersion->addItem(QString(), static_cast<int>(HugoVersion::V0_111));
    m_hugoVersion->setCurrentIndex(m_hugoVersion->findData(static_cast<int>(current.hugoVersion)));
    m_hugoVersionLabel = addRow(form, m_hugoVersion);

    m_imagePattern = new QLineEdit(current.imagePattern, this);
    m_imagePattern->setObjectName(u"imagePatternEdit"_s);
    m_imagePattern->setPlaceholderText(imageimport::defaultPattern());
    m_imageExample = new QLabel(this);
    m_imageExample->setObjectName(u"imageExample"_s);
    m_imageExample->setForegroundRole(QPalette::PlaceholderText);
    connect(m_imagePattern, &QLineEdit::textChanged, this, &PreferencesDialog::updateImageExample);
    m_imagePatternLabel = addRow(form, m_imagePattern);
    form->addRow(QString(), m_imageExample);

    m_autosave = new QSpinBox(this);
    m_autosave->setObjectName(u"autosaveSeconds"_s);
    m_autosave->setRange(1, 120);
    m_autosave->setValue(current.autosaveSeconds);
    m_autosaveLabel = addRow(form, m_autosave);

    // Each language is named in itself, so that it can be found whatever the interface shows.
    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(QString(), QString()); // "Follow the system", from retranslateUi()
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"繁體中文（台灣）"_s, u"zh_TW"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.uiLanguage)));
    m_languageLabel = addRow(form, m_language);

    retranslateUi();

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

QLabel *PreferencesDialog::addRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(this);
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    // Issue #7: Apply may install another interface language while the dialog stays open.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

// Sets every text of the dialog and nothing else: the choices not yet applied (font, combo
// indices, check boxes, the pattern being typed) stay as they are, and no signal is emitted
// (setItemText() on the current item would emit currentTextChanged).
void PreferencesDialog::retranslateUi()
{
    setWindowTitle(tr("Preferences"));

    m_fontLabel->setText(tr("Editor font:"));
    m_size->setSuffix(tr(" pt"));
    m_spellCheck->setText(tr("Check spelling of English words (code, links, shortcodes and CJK text are skipped)"));

    m_themeLabel->setText(tr("Theme:"));
    {
        const QSignalBlocker blocker(m_theme);
        setItemText(m_theme, static_cast<int>(PreviewTheme::System), tr("Follow the system"));
        setItemText(m_theme, static_cast<int>(PreviewTheme::Light), tr("Light"));
        setItemText(m_theme, static_cast<int>(PreviewTheme::Dark), tr("Dark"));
    }
    m_theme->setToolTip(tr("The window, the editor and the preview"));

    m_networkLabel->setText(tr("Network:"));
    m_offline->setText(tr("Start with the offline preview (no remote requests)"));
    m_clickToLoad->setText(tr("Load YouTube and Vimeo players only on a click"));
    m_hugoVersionLabel->setText(tr("Shortcodes as in:"));
    {
        const QSignalBlocker blocker(m_hugoVersion);
        setItemText(m_hugoVersion, static_cast<int>(HugoVersion::Current), tr("Current Hugo releases"));
        setItemText(m_hugoVersion, static_cast<int>(HugoVersion::V0_111), tr("Hugo 0.111"));
    }
    m_hugoVersion->setToolTip(tr("The markup built-in shortcodes (figure, youtube, …) get in the preview"));

    m_imagePatternLabel->setText(tr("New images:"));
    m_imagePattern->setToolTip(tr("Where pasted and dropped images are copied, inside the site's static folder.\n"
                                  "{date}: the post's date (yyyyMMdd)  {hash}: 8 hex digits of the image's SHA-256\n"
                                  "{name}: the dropped file's name  {ext}: png, jpg, …"));
    updateImageExample();

    m_autosaveLabel->setText(tr("Recovery copy after:"));
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setToolTip(tr("How long after your last change a recovery copy is written (never over the post)"));

    m_languageLabel->setText(tr("Language:"));
    {
        const QSignalBlocker blocker(m_language);
        setItemText(m_language, QString(), tr("Follow the system"));
    }
}

void PreferencesDialog::setItemText(QComboBox *combo, const QVariant &data, const QString &text)
{
    if (const int index = combo->findData(data); index >= 0)
        combo->setItemText(index, text);
}

void PreferencesDialog::updateImageExample()
{
    QString example = m_imagePattern->text().trimmed();
    if (example.isEmpty())
        example = imageimport::defaultPattern();
    example.replace(u"{date}"_s, QDate::currentDate().toString(u"yyyyMMdd"_s))
        .replace(u"{hash}"_s, u"3fa91c2e"_s)
        .replace(u"{name}"_s, u"screenshot"_s)
        .replace(u"{ext}"_s, u"png"_s);
    m_imageExample->setText(tr("For example: %1").arg(example));
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
    p.hugoVersion = static_cast<HugoVersion>(m_hugoVersion->currentData().toInt());
    p.autosaveSeconds = m_autosave->value();
    p.uiLanguage = m_language->currentData().toString();
    p.spellCheck = m_spellCheck->isChecked();
    return p;
}

} // namespace frontmark
