// The interface language (issue #7): LANGUAGE=zh_TW (as QLocale::system() reads it on Linux)
// gives the Traditional Chinese menus of the compiled-in catalogue, ui/language = "en"
// overrides the system, and chooseUiLanguage() maps each locale to the language we have.

#include "previewtestutil.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QDate>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    // Before QApplication: the system locale is read once, from the environment.
    qputenv("LANGUAGE", "zh_TW");
    test::prepareWebEngineApp();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

const QString kCatalogue = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/translations/frontmark_zh_TW.ts"_s;
const QStringList kMenus{u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Help"_s};

// The committed translation of `source` in `context`, or null.
QString translationInCatalogue(const QString &context, const QString &source)
{
    QFile file(kCatalogue);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QString currentContext;
    QString currentSource;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            currentContext = xml.readElementText();
        else if (xml.name() == u"source")
            currentSource = xml.readElementText();
        else if (xml.name() == u"translation" && currentContext == context && currentSource == source)
            return xml.readElementText();
    }
    return {};
}

QStringList menuTitles(const MainWindow &window)
{
    QStringList out;
    for (const QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            out << action->text();
    }
    return out;
}

} // namespace

class TestTranslationsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { installTranslators(*qApp, u"en"_s); }
    void choosesTheLanguageWeHave_data();
    void choosesTheLanguageWeHave();
    void followsTheLanguageVariable();
    void menusReadChineseFromTheCatalogue();
    void englishSettingOverridesTheSystem();
};

void TestTranslationsUi::choosesTheLanguageWeHave_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("expected");
    const QString en = u"en"_s;
    const QString zh = u"zh_TW"_s;
    QTest::newRow("Taiwan") << QString() << QStringList{u"zh-TW"_s, u"zh-Hant-TW"_s} << zh;
    QTest::newRow("Hong Kong reads Traditional") << QString() << QStringList{u"zh-HK"_s, u"zh-Hant-HK"_s} << zh;
    QTest::newRow("Macao reads Traditional") << QString() << QStringList{u"zh-MO"_s} << zh;
    QTest::newRow("zh-Hant without a region") << QString() << QStringList{u"zh-Hant"_s} << zh;
    QTest::newRow("POSIX spelling zh_TW") << QString() << QStringList{u"zh_TW"_s} << zh;
    QTest::newRow("case does not matter") << QString() << QStringList{u"ZH-hant-tw"_s} << zh;
    QTest::newRow("Simplified stays English") << QString() << QStringList{u"zh-CN"_s, u"zh-Hans-CN"_s, u"zh"_s} << en;
    QTest::newRow("Singapore stays English") << QString() << QStringList{u"zh-SG"_s} << en;
    QTest::newRow("script beats region") << QString() << QStringList{u"zh-Hans-TW"_s} << en;
    QTest::newRow("bare zh is Simplified") << QString() << QStringList{u"zh"_s} << en;
    QTest::newRow("LANGUAGE=zh_CN:zh_TW takes the second")
        << QString() << QStringList{u"zh-CN"_s, u"zh-Hans-CN"_s, u"zh"_s, u"zh-TW"_s, u"zh-Hant-TW"_s} << zh;
    QTest::newRow("English listed first wins") << QString() << QStringList{u"en-GB"_s, u"zh-TW"_s} << en;
    QTest::newRow("languages we lack are skipped") << QString() << QStringList{u"fr-FR"_s, u"ja"_s, u"zh-TW"_s} << zh;
    QTest::newRow("nothing we have is English") << QString() << QStringList{u"fr-FR"_s, u"de"_s} << en;
    QTest::newRow("C locale") << QString() << QStringList{u"C"_s} << en;
    QTest::newRow("no languages") << QString() << QStringList() << en;
    QTest::newRow("setting en beats the system") << en << QStringList{u"zh-TW"_s} << en;
    QTest::newRow("setting zh_TW beats the system") << zh << QStringList{u"en-US"_s} << zh;
    QTest::newRow("setting as a locale name") << u"zh_TW.UTF-8"_s << QStringList{u"en-US"_s} << zh;
    QTest::newRow("unknown setting follows the system") << u"fr"_s << QStringList{u"zh-TW"_s} << zh;
    QTest::newRow("Simplified setting follows the system") << u"zh_CN"_s << QStringList{u"en-US"_s} << en;
}

void TestTranslationsUi::choosesTheLanguageWeHave()
{
    QFETCH(QString, setting);
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, expected);
    QCOMPARE(chooseUiLanguage(setting, uiLanguages), expected);
    QVERIFY(availableUiLanguages().contains(expected));
}

void TestTranslationsUi::followsTheLanguageVariable()
{
    const QStringList system = QLocale::system().uiLanguages();
    QVERIFY2(!system.isEmpty() && system.constFirst().startsWith(u"zh-TW"_s), qPrintable(system.join(u", "_s)));
    QCOMPARE(preferredUiLanguage(), u"zh_TW"_s);
}

void TestTranslationsUi::menusReadChineseFromTheCatalogue()
{
    QStringList expected;
    for (const QString &source : kMenus) {
        const QString translated = translationInCatalogue(u"frontmark::MainWindow"_s, source);
        QVERIFY2(!translated.isEmpty() && translated != source, qPrintable(u"no translation of "_s + source));
        expected << translated;
    }

    QVERIFY(installTranslators(*qApp, preferredUiLanguage()));
    MainWindow window;
    const QStringList titles = menuTitles(window);
    for (const QString &title : std::as_const(expected))
        QVERIFY2(titles.contains(title), qPrintable(titles.join(u" | "_s)));
    // Dates follow the language.
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QCOMPARE(QLocale().script(), QLocale::TraditionalHanScript);
    QVERIFY(QLocale().toString(QDate(2025, 6, 2), QLocale::LongFormat).contains(u'年'));
}

void TestTranslationsUi::englishSettingOverridesTheSystem()
{
    QSettings().setValue(UiLanguageKey, u"en"_s);
    QCOMPARE(preferredUiLanguage(), u"en"_s);
    // After Chinese: installing again replaces the translators instead of adding to them.
    QVERIFY(installTranslators(*qApp, u"zh_TW"_s));
    QVERIFY(installTranslators(*qApp, preferredUiLanguage()));
    MainWindow window;
    const QStringList titles = menuTitles(window);
    for (const QString &source : kMenus)
        QVERIFY2(titles.contains(source), qPrintable(titles.join(u" | "_s)));
    // English dates: en_US, or the system's own locale when it is English or C. (Qt Quick's
    // static initialisers read the system locale before preAppInit() sets LANGUAGE, so here
    // QLocale::system() is the C locale of LANG=C.UTF-8; uiLanguages() reads LANGUAGE live.)
    QVERIFY2(QLocale().language() == QLocale::English || QLocale().language() == QLocale::C,
             qPrintable(QLocale().name()));
    QVERIFY(!QLocale().toString(QDate(2025, 6, 2), QLocale::LongFormat).contains(u'年'));
}

QTEST_MAIN(TestTranslationsUi)
#include "tst_translations_ui.moc"
