// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include "uilog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

const QString kEnglish = u"en"_s;
const QString kTraditionalChinese = u"zh_TW"_s;
// Our translators are children of the application with this object name prefix, so a later
// call finds and replaces them (and leaves anyone else's alone).
const QString kTranslatorPrefix = u"frontmark-i18n-"_s;
// What installTranslators() put in place last (UI thread only, like the translators).
QString g_installed = kEnglish;

// The language we have for one tag, or null. Accepts BCP 47 ("zh-Hant-TW") as well as POSIX
// locale names ("zh_TW.UTF-8"), since the setting may be edited by hand.
QString supportedLanguage(const QString &tag)
{
    QString t = tag.trimmed().toLower();
    for (const QChar stop : {u'.', u'@'}) {
        if (const qsizetype at = t.indexOf(stop); at >= 0)
            t.truncate(at);
    }
    const QStringList parts = t.replace(u'_', u'-').split(u'-', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    if (parts.constFirst() == u"en")
        return kEnglish;
    if (parts.constFirst() != u"zh")
        return {};
    // The script decides (zh-Hans-TW is Simplified); without one, the region implies it, as
    // in CLDR's likely subtags: Taiwan, Hong Kong and Macao write Traditional characters.
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part == u"hant" || part == u"tw" || part == u"hk" || part == u"mo")
            return kTraditionalChinese;
        if (part == u"hans")
            return {};
    }
    return {}; // a bare "zh" is Simplified (zh-Hans-CN)
}

// The locale for dates and numbers: the system's when it speaks the language (so en_GB and
// zh_HK keep their formats), else the language's usual one.
QLocale localeFor(const QString &language)
{
    const QLocale system = QLocale::system();
    if (language == kTraditionalChinese) {
        if (system.language() == QLocale::Chinese && system.script() == QLocale::TraditionalHanScript)
            return system;
        return QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Taiwan);
    }
    // The C locale (LANG=C) is English too; keep its ISO-like formats.
    if (system.language() == QLocale::English || system.language() == QLocale::C)
        return system;
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

QStringList availableUiLanguages()
{
    return {kEnglish, kTraditionalChinese};
}

QString chooseUiLanguage(const QString &setting, const QStringList &uiLanguages)
{
    // A setting we cannot honour (edited by hand, or from a newer version) follows the system.
    if (const QString chosen = supportedLanguage(setting); !chosen.isEmpty())
        return chosen;
    for (const QString &tag : uiLanguages) {
        if (const QString chosen = supportedLanguage(tag); !chosen.isEmpty())
            return chosen;
    }
    return kEnglish;
}

QString preferredUiLanguage()
{
    return chooseUiLanguage(QSettings().value(UiLanguageKey).toString(), QLocale::system().uiLanguages());
}

bool installTranslators(QCoreApplication &app, const QString &language)
{
    const QList<QTranslator *> previous = app.findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : previous) {
        if (!translator->objectName().startsWith(kTranslatorPrefix))
            continue;
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    g_installed = kEnglish;
    if (language == kEnglish) {
        QLocale::setDefault(localeFor(kEnglish));
        return true; // the source text
    }

    auto *ours = new QTranslator(&app);
    ours->setObjectName(kTranslatorPrefix + u"frontmark"_s);
    if (!ours->load(u"frontmark_"_s + language, u":/i18n"_s)) {
        qCWarning(lcUi) << "cannot load the" << language << "translation; the interface stays in English";
        delete ours;
        QLocale::setDefault(localeFor(kEnglish)); // dates in the interface's language
        return false;
    }
    QLocale::setDefault(localeFor(language));
    // Qt's own strings (standard buttons, file dialogs, --help) come from the Qt installation.
    auto *qt = new QTranslator(&app);
    qt->setObjectName(kTranslatorPrefix + u"qtbase"_s);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(u"qtbase_"_s + language, qtDir)) {
        QCoreApplication::installTranslator(qt);
    } else {
        qCInfo(lcUi) << "no Qt translation for" << language << "in" << qtDir;
        delete qt;
    }
    QCoreApplication::installTranslator(ours); // installed last, asked first
    g_installed = language;
    return true;
}

QString installedUiLanguage()
{
    return g_installed;
}

bool applyPreferredUiLanguage(QCoreApplication &app)
{
    const QString wanted = preferredUiLanguage();
    if (wanted == g_installed)
        return false;
    installTranslators(app, wanted);
    return true;
}

} // namespace frontmark
