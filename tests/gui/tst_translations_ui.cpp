// SPDX-License-Identifier: GPL-3.0-or-later
// The interface language (issue #7): LANGUAGE=zh_TW (as QLocale::system() reads it on Linux)
// gives the Traditional Chinese menus of the compiled-in catalogue, ui/language = "en"
// overrides the system, and chooseUiLanguage() maps each locale to the language we have.
// Choosing another language in Preferences switches the running window, every text of it and
// the preview's own labels, without touching the post.

#include "../catalogue.h"
#include "previewtestutil.h"
#include "editor/markdowneditor.h"
#include "frontmatter/frontmatterform.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "preview/previewwidget.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSettings>
#include <QTest>

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

const QStringList kMenus{u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Help"_s};

// The committed translation of `source` in `context`, or null.
QString translationInCatalogue(const QString &context, const QString &source)
{
    return test::translationOf(test::readCatalogue(), context, source);
}

// Every source text of the catalogue whose translation differs from it.
QSet<QString> translatedSources()
{
    QSet<QString> out;
    for (const test::Message &m : test::readCatalogue().messages) {
        const QString translation = m.translations.join(QString());
        if (!translation.isEmpty() && translation != m.source)
            out.insert(m.source);
    }
    return out;
}

// One user-visible text of a widget or action: `what` names it ("text", "toolTip", "item 2"…).
struct ShownText
{
    QPointer<QObject> object;
    QString what;
    QString value;
};

QString readText(const QObject *o, const QString &what)
{
    const QStringList parts = what.split(u' ');
    const int n = parts.size() > 1 ? parts.at(1).toInt() : 0;
    if (what.startsWith(u"item"))
        return static_cast<const QComboBox *>(o)->itemText(n);
    if (what.startsWith(u"header")) {
        const QAbstractItemModel *model = static_cast<const QAbstractItemView *>(o)->model();
        return model->headerData(n, Qt::Horizontal).toString();
    }
    return o->property(what.toLatin1().constData()).toString();
}

// What a writer can read in `root` and its children: labels, buttons, placeholders, tips,
// titles, combo items, list headers and action texts (never the post's own text, which lives in
// line edits' and editors' contents).
QList<ShownText> shownTexts(QObject *root)
{
    QList<ShownText> out;
    const auto add = [&out](QObject *o, const QString &what) {
        const QString value = readText(o, what);
        if (!value.trimmed().isEmpty())
            out.append({o, what, value});
    };
    QList<QObject *> objects = root->findChildren<QObject *>();
    objects.prepend(root);
    for (QObject *o : std::as_const(objects)) {
        if (qobject_cast<QAction *>(o)) {
            for (const char *p : {"text", "statusTip"})
                add(o, QString::fromLatin1(p));
        }
        auto *w = qobject_cast<QWidget *>(o);
        if (!w)
            continue;
        for (const char *p : {"toolTip", "statusTip", "whatsThis"})
            add(o, QString::fromLatin1(p));
        if (w->isWindow() || qobject_cast<QDockWidget *>(w))
            add(o, u"windowTitle"_s);
        if (qobject_cast<QLabel *>(w) || qobject_cast<QAbstractButton *>(w))
            add(o, u"text"_s);
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w))
            add(o, u"placeholderText"_s);
        if (qobject_cast<QMenu *>(w) || qobject_cast<QGroupBox *>(w))
            add(o, u"title"_s);
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(o, u"item %1"_s.arg(i));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c)
                add(o, u"header %1"_s.arg(c));
        }
    }
    return out;
}

QString describe(const ShownText &t)
{
    const QObject *o = t.object.data();
    return u"%1 \"%2\" %3: %4"_s.arg(o ? QString::fromLatin1(o->metaObject()->className()) : u"(gone)"_s,
                                     o ? o->objectName() : QString(), t.what, t.value);
}

PreferencesDialog *openPreferences(MainWindow &window)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->menuRole() == QAction::PreferencesRole) {
            action->trigger();
            break;
        }
    }
    PreferencesDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] { return (dialog = window.findChild<PreferencesDialog *>()) && dialog->isVisible(); }, 5000);
    return shown ? dialog : nullptr;
}

bool chooseLanguage(PreferencesDialog *dialog, const QString &language)
{
    auto *combo = dialog->findChild<QComboBox *>(u"languageCombo"_s);
    if (!combo || combo->findData(language) < 0)
        return false;
    combo->setCurrentIndex(combo->findData(language));
    return true;
}

QAbstractButton *dialogButton(PreferencesDialog *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(which) : nullptr;
}

// The text of the preview's offline card for the post's YouTube embed.
QString previewCardNote(MainWindow &window)
{
    const auto v = test::runJs(window.preview()->page(),
                               u"(document.querySelector('#content .fm-card-note') || {}).textContent || ''"_s);
    return v ? v->toString() : QString();
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
    void cleanupTestCase() { test::switchUiLanguage(u"en"_s); }
    void choosesTheLanguageWeHave_data();
    void choosesTheLanguageWeHave();
    void followsTheLanguageVariable();
    void menusReadChineseFromTheCatalogue();
    void englishSettingOverridesTheSystem();
    void preferencesSwitchTheRunningWindow();
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

void TestTranslationsUi::preferencesSwitchTheRunningWindow()
{
    QSettings().setValue(UiLanguageKey, u"en"_s);
    QVERIFY(installTranslators(*qApp, u"en"_s));
    const QString samplePost = QStringLiteral(FRONTMARK_SOURCE_DIR)
                             + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    MainWindow window;
    window.setOfflinePreview(true); // the YouTube embed shows as a card with the page's own label
    QVERIFY(window.openFile(samplePost));
    window.resize(1300, 900);
    window.show();
    QVERIFY(QTest::qWaitFor([&] { return window.preview()->isReady(); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return window.preview()->appliedRevision() == window.requestedRevision(); }, 20000));
    window.editor()->moveCursor(QTextCursor::Down);
    const QString body = window.editor()->toPlainText();
    const QByteArray frontMatter = window.form()->frontMatter().bytes();
    const QString englishCard = previewCardNote(window);
    QVERIFY2(englishCard.startsWith(u"Offline preview"_s), qPrintable(englishCard));
    const QString englishTitle = window.windowTitle();

    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    const QList<ShownText> english = shownTexts(&window);
    QVERIFY2(english.size() > 100, qPrintable(QString::number(english.size())));
    QSignalSpy formEdits(window.form(), &FrontMatterForm::frontMatterEdited);
    QSignalSpy bodyEdits(window.editor()->document(), &QTextDocument::contentsChanged);

    // Apply, with the dialog still open: everything switches, the dialog too.
    QVERIFY(chooseLanguage(dialog, u"zh_TW"_s));
    QAbstractButton *apply = dialogButton(dialog, QDialogButtonBox::Apply);
    QVERIFY(apply);
    apply->click();
    QCOMPARE(installedUiLanguage(), u"zh_TW"_s);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    const QSet<QString> translated = translatedSources();
    QVERIFY(translated.size() > 400);
    QStringList stillEnglish;
    for (const ShownText &t : english) {
        if (t.object && translated.contains(t.value) && readText(t.object, t.what) == t.value)
            stillEnglish << describe(t);
    }
    QVERIFY2(stillEnglish.isEmpty(), qPrintable(u"still English after switching:\n"_s + stillEnglish.join(u'\n')));
    const QStringList titles = menuTitles(window);
    for (const QString &source : kMenus)
        QVERIFY2(titles.contains(translationInCatalogue(u"frontmark::MainWindow"_s, source)), qPrintable(titles.join(u" | "_s)));
    // Texts made from state follow too: the word count, the cursor position, the dialog's buttons
    // (Qt's own catalogue), and the preview's card without a reload.
    const auto *counts = window.findChild<QLabel *>(u"countLabel"_s);
    QVERIFY(counts);
    QVERIFY2(!counts->text().isEmpty() && !counts->text().contains(u"min read"_s), qPrintable(counts->text()));
    const auto *position = window.findChild<QLabel *>(u"positionLabel"_s);
    QVERIFY(position);
    QVERIFY2(!position->text().startsWith(u"Ln "_s), qPrintable(position->text()));
    QVERIFY2(dialogButton(dialog, QDialogButtonBox::Cancel)->text() != u"&Cancel"_s,
             qPrintable(dialogButton(dialog, QDialogButtonBox::Cancel)->text()));
    const QString chineseCard = translationInCatalogue(u"frontmark::PreviewPage"_s,
        u"Offline preview: the published post shows the %1 player here."_s).arg(u"YouTube"_s);
    QVERIFY(!chineseCard.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(previewCardNote(window), chineseCard, 10000);
    // Problems and counts are made again in the new language, from the same text.
    QVERIFY(QTest::qWaitFor([&] { return window.preview()->appliedRevision() == window.requestedRevision(); }, 20000));

    // The post is untouched.
    QCOMPARE(window.editor()->toPlainText(), body);
    QCOMPARE(window.form()->frontMatter().bytes(), frontMatter);
    QVERIFY(!window.isModified());
    QCOMPARE(formEdits.count(), 0);
    QCOMPARE(bodyEdits.count(), 0);

    // And back to English with OK: every text reads exactly as it did.
    QVERIFY(chooseLanguage(dialog, u"en"_s));
    dialogButton(dialog, QDialogButtonBox::Ok)->click();
    QCOMPARE(installedUiLanguage(), u"en"_s);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QStringList changed;
    for (const ShownText &t : english) {
        if (t.object && readText(t.object, t.what) != t.value)
            changed << describe(t) + u" → "_s + readText(t.object, t.what);
    }
    QVERIFY2(changed.isEmpty(), qPrintable(u"not as before:\n"_s + changed.join(u'\n')));
    QCOMPARE(window.windowTitle(), englishTitle);
    QTRY_COMPARE_WITH_TIMEOUT(previewCardNote(window), englishCard, 10000);
    QCOMPARE(window.editor()->toPlainText(), body);
    QVERIFY(!window.isModified());
    QCOMPARE(QSettings().value(UiLanguageKey).toString(), u"en"_s);
}

QTEST_MAIN(TestTranslationsUi)
#include "tst_translations_ui.moc"
