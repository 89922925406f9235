// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences apply without a restart, the interface language included (issue #7): Apply with
// another language retranslates the open dialog (labels, items, check boxes, the image
// example) and keeps every choice in it, applied or not, emitting nothing; the File ▸ Open
// Recent menu's Clear List follows the language too.

#include "guitestutil.h"
#include "preferencesdialog.h"
#include "recentfilesmenu.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::useOffscreenWithoutDisplay();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

QString dialogText(const char *source)
{
    return QCoreApplication::translate("frontmark::PreferencesDialog", source);
}

// What the dialog would apply, field by field, so that a comparison names the one that moved.
QStringList choices(const Preferences &p)
{
    return {p.editorFont.family(),
            QString::number(p.editorFont.pointSize()),
            QString::number(static_cast<int>(p.previewTheme)),
            p.offlineByDefault ? u"offline"_s : u"online"_s,
            p.clickToLoadEmbeds ? u"click to load"_s : u"load"_s,
            p.imagePattern,
            QString::number(static_cast<int>(p.hugoVersion)),
            QString::number(p.autosaveSeconds),
            p.uiLanguage,
            p.spellCheck ? u"spell check"_s : u"no spell check"_s};
}

// The form's label for `field` (the dialog makes each row label the buddy of its field).
QString rowLabel(const QDialog &dialog, const QWidget *field)
{
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy() == field)
            return label->text();
    }
    return u"(no label)"_s;
}

QStringList itemTexts(const QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts.append(combo->itemText(i));
    return texts;
}

bool hasLabel(const QDialog &dialog, const QString &text)
{
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&text](const QLabel *label) { return label->text() == text; });
}

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void applyingALanguageRetranslatesTheOpenDialog();
    void recentFilesMenuFollowsTheLanguage();
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"frontmark-tests"_s);
    QCoreApplication::setApplicationName(u"tst_preferencesdialog"_s);
    QSettings().clear();
}

void TestPreferencesDialog::cleanup()
{
    // A failed test must not leave the next one in Chinese.
    if (installedUiLanguage() != u"en"_s)
        test::switchUiLanguage(u"en"_s);
    QSettings().clear();
}

void TestPreferencesDialog::applyingALanguageRetranslatesTheOpenDialog()
{
    Preferences current;
    current.editorFont = QApplication::font();
    current.editorFont.setPointSize(15);
    current.previewTheme = PreviewTheme::Dark;
    current.offlineByDefault = true;
    current.clickToLoadEmbeds = false;
    current.imagePattern = u"images/{name}.{ext}"_s;
    current.hugoVersion = HugoVersion::V0_111;
    current.autosaveSeconds = 9;
    current.uiLanguage = QString();
    current.spellCheck = false;
    PreferencesDialog dialog(current);
    // The window installs the chosen language when the dialog applies.
    connect(&dialog, &PreferencesDialog::applied, this,
            [](const Preferences &p) { installTranslators(*qApp, p.uiLanguage.isEmpty() ? u"en"_s : p.uiLanguage); });
    dialog.show();

    auto *size = dialog.findChild<QSpinBox *>(u"fontSize"_s);
    auto *font = dialog.findChild<QFontComboBox *>(u"fontCombo"_s);
    auto *theme = dialog.findChild<QComboBox *>(u"themeCombo"_s);
    auto *offline = dialog.findChild<QCheckBox *>(u"offlineCheck"_s);
    auto *clickToLoad = dialog.findChild<QCheckBox *>(u"clickToLoadCheck"_s);
    auto *spellCheck = dialog.findChild<QCheckBox *>(u"spellCheck"_s);
    auto *hugo = dialog.findChild<QComboBox *>(u"hugoVersionCombo"_s);
    auto *pattern = dialog.findChild<QLineEdit *>(u"imagePatternEdit"_s);
    auto *example = dialog.findChild<QLabel *>(u"imageExample"_s);
    auto *autosave = dialog.findChild<QSpinBox *>(u"autosaveSeconds"_s);
    auto *language = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(size && font && theme && offline && clickToLoad && spellCheck && hugo && pattern && example && autosave
            && language && buttons);

    QCOMPARE(dialog.windowTitle(), u"Preferences"_s);
    QCOMPARE(itemTexts(theme), (QStringList{u"Follow the system"_s, u"Light"_s, u"Dark"_s}));
    QCOMPARE(itemTexts(language), (QStringList{u"Follow the system"_s, u"English"_s, u"繁體中文（台灣）"_s}));
    QCOMPARE(rowLabel(dialog, theme), u"Theme:"_s);
    QCOMPARE(size->suffix(), u" pt"_s);
    // The language applies at once now, so the dialog no longer says it waits for a restart.
    QVERIFY(!hasLabel(dialog, u"Takes effect the next time Frontmark starts."_s));

    // The writer changes several things, the language among them, and presses Apply.
    theme->setCurrentIndex(theme->findData(static_cast<int>(PreviewTheme::Light)));
    autosave->setValue(20);
    pattern->setText(u"img/{hash}.{ext}"_s);
    language->setCurrentIndex(language->findData(u"zh_TW"_s));
    const QStringList chosen = choices(dialog.preferences());

    QSignalSpy applied(&dialog, &PreferencesDialog::applied);
    QSignalSpy themeIndex(theme, &QComboBox::currentIndexChanged);
    QSignalSpy themeText(theme, &QComboBox::currentTextChanged);
    QSignalSpy hugoText(hugo, &QComboBox::currentTextChanged);
    QSignalSpy languageText(language, &QComboBox::currentTextChanged);
    QSignalSpy languageIndex(language, &QComboBox::currentIndexChanged);
    QSignalSpy fontChanged(font, &QFontComboBox::currentFontChanged);
    QSignalSpy sizeChanged(size, &QSpinBox::valueChanged);
    QSignalSpy autosaveChanged(autosave, &QSpinBox::valueChanged);
    QSignalSpy patternEdited(pattern, &QLineEdit::textChanged);
    QSignalSpy offlineToggled(offline, &QCheckBox::toggled);
    QSignalSpy spellCheckToggled(spellCheck, &QCheckBox::toggled);
    const auto nothingEmitted = [&] {
        for (const QSignalSpy *spy : {&themeIndex, &themeText, &hugoText, &languageText, &languageIndex, &fontChanged,
                                      &sizeChanged, &autosaveChanged, &patternEdited, &offlineToggled,
                                      &spellCheckToggled}) {
            if (spy->count() != 0)
                return false;
        }
        return true;
    };
    buttons->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.constFirst().constFirst().value<Preferences>().uiLanguage, u"zh_TW"_s);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    QVERIFY(dialog.isVisible());
    QVERIFY(dialogText("Preferences") != u"Preferences"_s);
    QCOMPARE(dialog.windowTitle(), dialogText("Preferences"));
    QCOMPARE(rowLabel(dialog, font), dialogText("Editor font:"));
    QCOMPARE(rowLabel(dialog, theme), dialogText("Theme:"));
    QCOMPARE(rowLabel(dialog, offline), dialogText("Network:"));
    QCOMPARE(rowLabel(dialog, hugo), dialogText("Shortcodes as in:"));
    QCOMPARE(rowLabel(dialog, pattern), dialogText("New images:"));
    QCOMPARE(rowLabel(dialog, autosave), dialogText("Recovery copy after:"));
    QCOMPARE(rowLabel(dialog, language), dialogText("Language:"));
    QVERIFY(rowLabel(dialog, theme) != u"Theme:"_s);
    QCOMPARE(itemTexts(theme), (QStringList{dialogText("Follow the system"), dialogText("Light"), dialogText("Dark")}));
    QCOMPARE(itemTexts(hugo), (QStringList{dialogText("Current Hugo releases"), dialogText("Hugo 0.111")}));
    // The languages keep their own names; only "Follow the system" is translated.
    QCOMPARE(itemTexts(language), (QStringList{dialogText("Follow the system"), u"English"_s, u"繁體中文（台灣）"_s}));
    QCOMPARE(offline->text(), dialogText("Start with the offline preview (no remote requests)"));
    QCOMPARE(clickToLoad->text(), dialogText("Load YouTube and Vimeo players only on a click"));
    QCOMPARE(spellCheck->text(),
             dialogText("Check spelling of English words (code, links, shortcodes and CJK text are skipped)"));
    QCOMPARE(theme->toolTip(), dialogText("The window, the editor and the preview"));
    QCOMPARE(autosave->toolTip(),
             dialogText("How long after your last change a recovery copy is written (never over the post)"));
    QCOMPARE(size->suffix(), dialogText(" pt"));
    QCOMPARE(autosave->suffix(), dialogText(" s"));
    QCOMPARE(example->text(), dialogText("For example: %1").arg(u"img/3fa91c2e.png"_s));
    QVERIFY(!example->text().startsWith(u"For example"_s));
    // Qt's own catalogue names the standard buttons, when the system has it; ours is unchanged.
    QVERIFY(!buttons->button(QDialogButtonBox::Apply)->text().isEmpty());

    // Every choice is as the writer left it, and retranslating emitted nothing.
    QCOMPARE(choices(dialog.preferences()), chosen);
    QCOMPARE(theme->currentText(), dialogText("Light"));
    QCOMPARE(language->currentText(), u"繁體中文（台灣）"_s);
    QVERIFY(nothingEmitted());
    QCOMPARE(applied.count(), 1);

    // Choices made in Chinese and not applied survive a change back to English.
    size->setValue(20);
    clickToLoad->setChecked(true);
    hugo->setCurrentIndex(hugo->findData(static_cast<int>(HugoVersion::Current)));
    const QStringList pending = choices(dialog.preferences());
    themeIndex.clear();
    sizeChanged.clear();
    hugoText.clear();
    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(dialog.windowTitle(), u"Preferences"_s);
    QCOMPARE(rowLabel(dialog, theme), u"Theme:"_s);
    QCOMPARE(rowLabel(dialog, font), u"Editor font:"_s);
    QCOMPARE(itemTexts(theme), (QStringList{u"Follow the system"_s, u"Light"_s, u"Dark"_s}));
    QCOMPARE(itemTexts(hugo), (QStringList{u"Current Hugo releases"_s, u"Hugo 0.111"_s}));
    QCOMPARE(itemTexts(language), (QStringList{u"Follow the system"_s, u"English"_s, u"繁體中文（台灣）"_s}));
    QCOMPARE(offline->text(), u"Start with the offline preview (no remote requests)"_s);
    QCOMPARE(size->suffix(), u" pt"_s);
    QCOMPARE(autosave->suffix(), u" s"_s);
    QCOMPARE(example->text(), u"For example: img/3fa91c2e.png"_s);
    QCOMPARE(choices(dialog.preferences()), pending);
    QCOMPARE(size->value(), 20);
    QVERIFY(nothingEmitted());
    QCOMPARE(applied.count(), 1);
}

void TestPreferencesDialog::recentFilesMenuFollowsTheLanguage()
{
    RecentFilesMenu menu(u"Open Recent"_s);
    menu.add(u"/posts/first.md"_s);
    menu.add(u"/posts/第二篇.md"_s);
    const QStringList files = menu.files();
    QCOMPARE(files, (QStringList{u"/posts/第二篇.md"_s, u"/posts/first.md"_s}));
    const auto texts = [&menu] {
        QStringList out;
        for (const QAction *action : menu.actions()) {
            if (!action->isSeparator())
                out.append(action->text());
        }
        return out;
    };
    QCOMPARE(texts(), (QStringList{u"第二篇.md"_s, u"first.md"_s, u"Clear List"_s}));
    QSignalSpy chosen(&menu, &RecentFilesMenu::fileChosen);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    const QString clearList = QCoreApplication::translate("frontmark::RecentFilesMenu", "Clear List");
    QVERIFY(clearList != u"Clear List"_s);
    // The file names are not translated; the title is the window's to set.
    QCOMPARE(texts(), (QStringList{u"第二篇.md"_s, u"first.md"_s, clearList}));
    QCOMPARE(menu.title(), u"Open Recent"_s);
    QCOMPARE(menu.files(), files);
    QCOMPARE(chosen.count(), 0);
    // A list rebuilt in Chinese stays in Chinese.
    menu.add(u"/posts/third.md"_s);
    QCOMPARE(texts(), (QStringList{u"third.md"_s, u"第二篇.md"_s, u"first.md"_s, clearList}));

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(texts(), (QStringList{u"third.md"_s, u"第二篇.md"_s, u"first.md"_s, u"Clear List"_s}));
    QCOMPARE(menu.files().size(), 3);
    QCOMPARE(chosen.count(), 0);

    // The list is written to the settings in the background, and a new menu (the next start)
    // reads it back in order; Clear List empties it there too.
    QTRY_COMPARE(RecentFilesMenu(u"Open Recent"_s).files(), menu.files());
    const QList<QAction *> actions = menu.actions();
    actions.last()->trigger(); // Clear List
    QVERIFY(menu.files().isEmpty());
    QTRY_VERIFY(RecentFilesMenu(u"Open Recent"_s).files().isEmpty());
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
