// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the GUI tests, WebEngine or not (previewtestutil.h adds the WebEngine ones).
// UI thread only, like the widgets and translators they touch.

#include "translations.h"

#include <QCoreApplication>
#include <QEvent>
#include <QString>
#include <QtGlobal>

namespace frontmark::test {

/// Sets QT_QPA_PLATFORM=offscreen when there is no display, so a bare ctest passes too. For a
/// Q_CONSTRUCTOR_FUNCTION in the test's own source: it must run before the QApplication exists.
inline void useOffscreenWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

/// Installs the interface language as the Preferences do (installTranslators()), then delivers
/// the LanguageChange events Qt posts to the widgets, so they have retranslated on return.
/// False, with nothing delivered, when the catalogue cannot be loaded (the interface is then
/// English). A test class that switches calls it with "en" in cleanup() when
/// installedUiLanguage() is not "en", so a failed test does not leave the next one in Chinese.
inline bool switchUiLanguage(const QString &language)
{
    if (!installTranslators(*QCoreApplication::instance(), language))
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return true;
}

} // namespace frontmark::test
