#pragma once

#include "preview/previewscheme.h"

#include <QDialog>
#include <QFont>

class QCheckBox;
class QComboBox;
class QFontComboBox;
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

    static Preferences load();
    void save() const;
};

/**
 * Edit ▸ Preferences: the editor font, the preview theme, the preview's network modes and
 * where new images go.
 * applied() fires on OK and Apply, so the window applies changes without a restart. (The
 * full set with UI language and spell checking is issue #7.) UI thread.
 */
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;

Q_SIGNALS:
    void applied(const frontmark::Preferences &preferences);

private:
    QFontComboBox *m_font;
    QSpinBox *m_size;
    QComboBox *m_theme;
    QCheckBox *m_offline;
    QCheckBox *m_clickToLoad;
    QLineEdit *m_imagePattern;
    QLabel *m_imageExample;
};

} // namespace frontmark
