#pragma once

#include "preview/previewscheme.h"

#include <QDialog>
#include <QFont>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace frontmark {

/// What the Preferences dialog edits, stored with QSettings.
struct Preferences {
    QFont editorFont;
    PreviewTheme previewTheme = PreviewTheme::System;
    bool offlineByDefault = false;
    bool clickToLoadEmbeds = false;

    static Preferences load();
    void save() const;
};

/**
 * Edit ▸ Preferences: the editor font, the preview theme, and the preview's network modes.
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
};

} // namespace frontmark
