// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "preview/previewscheme.h"
#include "render/renderoptions.h"

#include <QDialog>
#include <QFont>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace frontmark {

/// What the Preferences dialog edits, stored with QSettings.
struct Preferences {
    QFont editorFont;
    PreviewTheme previewTheme = PreviewTheme::System;
    bool offlineByDefault = false;
    bool clickToLoadEmbeds = false;
    /// Where pasted and dropped images go (imageimport::defaultPattern() has the placeholders).
    QString imagePattern;
    /// Which Hugo's markup built-in shortcodes get in the preview.
    HugoVersion hugoVersion = HugoVersion::Current;
    /// Seconds from the last change to the recovery copy.
    int autosaveSeconds = 3;
    /// "" follows the system, else "en" or "zh_TW"; read at start-up (main.cpp) and applied,
    /// like the rest, by the window on OK and Apply.
    QString uiLanguage;
    bool spellCheck = true;

    static Preferences load();
    void save() const;
};

/**
 * Edit ▸ Preferences (issue #7): editor font and size, theme (light, dark, the system's; the
 * whole window and the preview), the preview's network modes, the Hugo version whose
 * shortcode markup the preview shows, where new images go, the recovery-copy delay, spell
 * checking and the interface language.
 * applied() fires on OK and Apply, so the window applies changes, the interface language
 * included, without a restart. When Apply changes the language, the dialog retranslates
 * itself and keeps the choices not yet applied. UI thread.
 */
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;

Q_SIGNALS:
    void applied(const frontmark::Preferences &preferences);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addRow(QFormLayout *form, QWidget *field);
    void retranslateUi();
    static void setItemText(QComboBox *combo, const QVariant &data, const QString &text);
    void updateImageExample();

    QFontComboBox *m_font;
    QSpinBox *m_size;
    QComboBox *m_theme;
    QCheckBox *m_offline;
    QCheckBox *m_clickToLoad;
    QLineEdit *m_imagePattern;
    QComboBox *m_hugoVersion;
    QSpinBox *m_autosave;
    QComboBox *m_language;
    QCheckBox *m_spellCheck;
    QLabel *m_imageExample;
    // The labels of the form's rows, for retranslateUi().
    QLabel *m_fontLabel;
    QLabel *m_themeLabel;
    QLabel *m_networkLabel;
    QLabel *m_hugoVersionLabel;
    QLabel *m_imagePatternLabel;
    QLabel *m_autosaveLabel;
    QLabel *m_languageLabel;
};

} // namespace frontmark
