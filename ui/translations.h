// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace frontmark {

/// The QSettings key of the interface language (issue #7): "" follows the system, else a
/// value chooseUiLanguage() returns ("en" or "zh_TW"). The Preferences dialog writes it.
inline constexpr char16_t UiLanguageKey[] = u"ui/language";

/**
 * Choosing and installing the interface language (issue #7). English is the source text in
 * the code; Traditional Chinese as used in Taiwan comes from resources/translations/
 * frontmark_zh_TW.ts, compiled into frontmark_ui as :/i18n/frontmark_zh_TW.qm.
 *
 * chooseUiLanguage() is pure. The others touch application-wide state (translators,
 * QLocale::setDefault): call them on the UI thread. Installing translators makes Qt post
 * QEvent::LanguageChange to every widget; Frontmark's widgets set their texts in a
 * retranslateUi() that runs on that event, so a language chosen in Preferences applies to the
 * open windows at once. Call installTranslators() before the first window all the same, so
 * it is built in its language once.
 */

/// The languages there is an interface for: "en" (the source text) and "zh_TW".
QStringList availableUiLanguages();

/**
 * The interface language to use: `setting` (ui/language) when it names one we have, else
 * the first entry of `uiLanguages` (QLocale::system().uiLanguages(): BCP 47 tags, most
 * preferred first; on Linux from LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that we have, else
 * "en". Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant-*) gives "zh_TW"; Simplified
 * (zh-CN, zh-SG, zh-Hans-*, a bare "zh") has no translation, so it is passed over like any
 * other language we lack. Tags may use '-' or '_'; case does not matter.
 */
QString chooseUiLanguage(const QString &setting, const QStringList &uiLanguages);

/// chooseUiLanguage() for QSettings ui/language and the system locale. Needs the
/// application's organization and name set (QSettings' location).
QString preferredUiLanguage();

/**
 * Makes `language` (a value chooseUiLanguage() returns) the interface language of `app`,
 * replacing what an earlier call installed: Frontmark's compiled-in catalogue, Qt's own
 * qtbase catalogue from the Qt installation (standard buttons, file dialogs; Debian package
 * qt6-translations-l10n) when it is there, and QLocale::setDefault(), so dates and numbers
 * follow the language (the system locale is kept when it already speaks it, e.g. en_GB).
 * Returns false, and logs why, when Frontmark's catalogue for a translated language cannot
 * be loaded: the interface then stays in English. A missing Qt catalogue is not an error.
 */
bool installTranslators(QCoreApplication &app, const QString &language);

/// The language the last installTranslators() call installed ("en" before any call, or when
/// the catalogue could not be loaded).
QString installedUiLanguage();

/**
 * Switches the running application to preferredUiLanguage() if that is not the installed one
 * (Edit ▸ Preferences ▸ Language, applied at once). Qt then posts QEvent::LanguageChange to
 * every widget, and each one retranslates itself. Returns true if the language changed.
 */
bool applyPreferredUiLanguage(QCoreApplication &app);

} // namespace frontmark
