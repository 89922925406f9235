// SPDX-License-Identifier: GPL-3.0-or-later
// The front matter form (issue #4): fields show the sample post's front matter, each edit
// rewrites only its key's line, invalid input is never written, raw mode reports located parse
// errors and will not hand a broken block back to the form. Also TokenEdit's term parsing.
// Issue #7: a language change retranslates every text and leaves the post's values alone.

#include "guitestutil.h"
#include "frontmatter/frontmatterform.h"
#include "frontmatter/tokenedit.h"
#include "translations.h"

#include "document/postfile.h"

#include "../unit/testutil.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFocusEvent>
#include <QFormLayout>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::useOffscreenWithoutDisplay();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

FrontMatter samplePost()
{
    const QString path = QStringLiteral(FRONTMARK_SOURCE_DIR)
        + u"/resources/sample-site/content/posts/2025-06-02-taiwan-chip-energy.md"_s;
    const auto post = PostFile::load(path);
    if (!post.ok())
        qFatal("cannot load the sample post: %s", qPrintable(post.error().toString()));
    return post.value().frontMatter();
}

FrontMatter fromFile(const QByteArray &bytes)
{
    const auto post = PostFile::fromBytes(bytes, u"post.md"_s);
    if (!post.ok())
        qFatal("cannot split the test post: %s", qPrintable(post.error().toString()));
    return post.value().frontMatter();
}

template <typename T>
T *child(const QWidget &form, const QString &name)
{
    T *w = form.findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

// Types `text` the way a writer does: ASCII as key presses, CJK as an input method commits it
// (QTest::keyClicks handles Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    QString pending;
    auto commit = [&] {
        if (pending.isEmpty())
            return;
        QInputMethodEvent event;
        event.setCommitString(pending);
        QCoreApplication::sendEvent(widget, &event);
        pending.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            commit();
            QTest::keyClick(widget, static_cast<char>(c.unicode()));
        } else {
            pending += c;
        }
    }
    commit();
}

// The one line an edit changed, or a failure message naming every changed line.
QByteArray onlyChangedLine(const QByteArray &before, const QByteArray &after)
{
    const test::LineDiff d = test::diffLines(before, after);
    if (d.removed.size() != 1 || d.added.size() != 1) {
        qWarning("%s", qPrintable(d.unified));
        return "<more than one line changed>";
    }
    return d.added.first();
}

QString formText(const char *source)
{
    return QCoreApplication::translate("frontmark::FrontMatterForm", source);
}

// The form's row labels, top to bottom.
QStringList rowLabels(const FrontMatterForm &form)
{
    auto *layout = qobject_cast<QFormLayout *>(child<QLineEdit>(form, u"titleEdit"_s)->parentWidget()->layout());
    if (!layout)
        qFatal("the fields are not in a QFormLayout");
    QStringList labels;
    for (int row = 0; row < layout->rowCount(); ++row) {
        QLayoutItem *item = layout->itemAt(row, QFormLayout::LabelRole);
        if (auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr)
            labels.append(label->text());
    }
    return labels;
}

// The row labels as the current catalogue says them.
QStringList expectedRowLabels()
{
    QStringList labels;
    for (const char *source : {"Title", "Date", "Description", "Tags", "Categories", "Draft", "Source URL",
                               "Source name", "More fields"})
        labels.append(formText(source));
    return labels;
}

// What the writer sees and has typed; a language change must leave all of it alone.
struct FormValues {
    QByteArray bytes;
    QString title;
    int titleSelectionStart = -1;
    QString titleSelection;
    QDateTime date;
    QString description;
    QString tags;
    QStringList categories;
    bool draft = false;
    QString sourceUrl;
    QStringList table;
    bool raw = false;
    QString rawText;
    int rawCursor = -1;

    static FormValues of(const FrontMatterForm &form)
    {
        FormValues v;
        v.bytes = form.frontMatter().bytes();
        const auto *title = child<QLineEdit>(form, u"titleEdit"_s);
        v.title = title->text();
        v.titleSelectionStart = title->selectionStart();
        v.titleSelection = title->selectedText();
        v.date = child<QDateTimeEdit>(form, u"dateEdit"_s)->dateTime();
        v.description = child<QPlainTextEdit>(form, u"descriptionEdit"_s)->toPlainText();
        v.tags = child<TokenEdit>(form, u"tagsEdit"_s)->text();
        v.categories = child<TokenEdit>(form, u"categoriesEdit"_s)->tokens();
        v.draft = child<QCheckBox>(form, u"draftCheck"_s)->isChecked();
        v.sourceUrl = child<QLineEdit>(form, u"sourceUrlEdit"_s)->text();
        const auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column)
                v.table.append(table->item(row, column) ? table->item(row, column)->text() : u"<none>"_s);
        }
        v.raw = form.isRawMode();
        const auto *raw = child<QPlainTextEdit>(form, u"rawEdit"_s);
        v.rawText = raw->toPlainText();
        v.rawCursor = raw->textCursor().position();
        return v;
    }
};

void compareValues(const FormValues &now, const FormValues &before)
{
    QCOMPARE(now.bytes, before.bytes); // byte-identical block
    QCOMPARE(now.title, before.title);
    QCOMPARE(now.titleSelectionStart, before.titleSelectionStart);
    QCOMPARE(now.titleSelection, before.titleSelection);
    QCOMPARE(now.date, before.date);
    QCOMPARE(now.description, before.description);
    QCOMPARE(now.tags, before.tags);
    QCOMPARE(now.categories, before.categories);
    QCOMPARE(now.draft, before.draft);
    QCOMPARE(now.sourceUrl, before.sourceUrl);
    QCOMPARE(now.table, before.table);
    QCOMPARE(now.raw, before.raw);
    QCOMPARE(now.rawText, before.rawText);
    QCOMPARE(now.rawCursor, before.rawCursor);
}

} // namespace

class TestFrontMatterForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsSamplePostWithoutSignals();
    void titleEditChangesOnlyTitleLine();
    void draftToggleChangesOnlyDraftLine();
    void dateEditKeepsWrittenOffset();
    void dateEditKeepsSpelling_data();
    void dateEditKeepsSpelling();
    void absentDateIsAddedOnlyWhenPicked();
    void tagsEditWritesList();
    void invalidSourceUrlIsNotWritten();
    void emptyFieldKeepsKeyAndAbsentKeyIsAddedOnlyWhenTyped();
    void otherKeysTableEditsListValue();
    void otherKeysTableRefusesWrongType();
    void notEditableKeysAreReadOnly();
    void rawModeReportsErrorAndRefusesToLeave();
    void brokenFrontMatterOpensRawAtError();
    void rawEditKeepsCrlfAndNoBreakSpaces();
    void tomlFrontMatterWorks();
    void tokenEditParsesSeparators_data();
    void tokenEditParsesSeparators();
    void tokenEditEmitsOnlyOnChange();
    void tokenEditCompletionReplacesCurrentTerm();
    void languageChangeRetranslatesFieldsAndKeepsValues();
    void languageChangeRetranslatesNotesAndErrors();
    void languageChangeRetranslatesRawModeMessages();
    void languageChangeSparesOpenCellEditor();
    void languageChangeRetranslatesTokenEditPlaceholder();
    void cleanup();
};

void TestFrontMatterForm::cleanup()
{
    // A failed language test must not leave the others in Chinese.
    if (installedUiLanguage() != u"en"_s)
        test::switchUiLanguage(u"en"_s);
}

void TestFrontMatterForm::showsSamplePostWithoutSignals()
{
    FrontMatterForm form;
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);
    form.setFrontMatter(samplePost());
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));

    QVERIFY(child<QLineEdit>(form, u"titleEdit"_s)->text().startsWith(u"晶片之島的電力難題"_s));
    const auto *date = child<QDateTimeEdit>(form, u"dateEdit"_s);
    QCOMPARE(date->dateTime().date(), QDate(2025, 6, 2));
    QCOMPARE(date->dateTime().time(), QTime(9, 15));
    QCOMPARE(date->text(), u"2025-06-02 09:15:00"_s);
    QCOMPARE(child<QLabel>(form, u"dateOffsetLabel"_s)->text(), u"+08:00"_s);
    QVERIFY(child<QPlainTextEdit>(form, u"descriptionEdit"_s)->toPlainText().startsWith(u"人工智慧帶動"_s));
    QCOMPARE(child<TokenEdit>(form, u"tagsEdit"_s)->tokens(), (QStringList{u"半導體"_s, u"能源"_s, u"台灣"_s}));
    QCOMPARE(child<TokenEdit>(form, u"categoriesEdit"_s)->tokens(), QStringList{u"產業觀察"_s});
    QVERIFY(!child<QCheckBox>(form, u"draftCheck"_s)->isChecked());
    QCOMPARE(child<QLineEdit>(form, u"sourceUrlEdit"_s)->text(), QString());
    // Every key has a field, so the table holds only the row that adds a key.
    const auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(!form.isRawMode());
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(form.frontMatter().bytes(), samplePost().bytes());
}

void TestFrontMatterForm::titleEditChangesOnlyTitleLine()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    title->selectAll();
    typeText(title, u"新的標題: 電力"_s);
    Q_EMIT title->editingFinished();
    QVERIFY(edited.count() > 0);
    QCOMPARE(onlyChangedLine(samplePost().bytes(), form.frontMatter().bytes()), "title: \"新的標題: 電力\"\n"_ba);
    QCOMPARE(form.frontMatter().value(u"title"_s).toString(), u"新的標題: 電力"_s);

    // The window hands the block back after a save: the writer's cursor stays where it was.
    title->setCursorPosition(3);
    form.setFrontMatter(form.frontMatter());
    QCOMPARE(title->cursorPosition(), 3);
}

void TestFrontMatterForm::draftToggleChangesOnlyDraftLine()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    child<QCheckBox>(form, u"draftCheck"_s)->click();
    QCOMPARE(edited.count(), 1);
    QCOMPARE(onlyChangedLine(samplePost().bytes(), form.frontMatter().bytes()), "draft: true\n"_ba);
}

void TestFrontMatterForm::dateEditKeepsWrittenOffset()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    auto *date = child<QDateTimeEdit>(form, u"dateEdit"_s);
    // The field shows the wall clock in the post's own offset; what the writer picks is read so too.
    date->setDateTime(QDateTime(QDate(2025, 6, 3), QTime(10, 0, 5), Qt::UTC));
    QCOMPARE(onlyChangedLine(samplePost().bytes(), form.frontMatter().bytes()),
             "date: 2025-06-03T10:00:05+08:00\n"_ba);
    const Value v = form.frontMatter().value(u"date"_s);
    QCOMPARE(v.type(), Value::Type::DateTime);
    QCOMPARE(v.toDateTime().dateTime.offsetFromUtc(), 8 * 3600);
    QCOMPARE(child<QLabel>(form, u"dateOffsetLabel"_s)->text(), u"+08:00"_s);

    // Stepping with the keyboard keeps the offset as well.
    date->setFocus();
    date->setCurrentSection(QDateTimeEdit::DaySection);
    QTest::keyClick(date, Qt::Key_Up);
    QCOMPARE(form.frontMatter().value(u"date"_s).toDateTime().text, u"2025-06-04T10:00:05+08:00"_s);
}

void TestFrontMatterForm::dateEditKeepsSpelling_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("offset") << "---\ndate: 2025-06-02T09:15:00+08:00\n---\n"_ba
                            << "date: 2025-02-03T04:05:06+08:00\n"_ba;
    QTest::newRow("Z") << "---\ndate: 2025-06-02T09:15:00Z\n---\n"_ba << "date: 2025-02-03T04:05:06Z\n"_ba;
    QTest::newRow("local, space") << "---\ndate: 2025-06-02 09:15:00\n---\n"_ba << "date: 2025-02-03 04:05:06\n"_ba;
    QTest::newRow("date only") << "---\ndate: 2025-06-02\n---\n"_ba << "date: 2025-02-03\n"_ba;
    QTest::newRow("quoted string") << "---\ndate: \"2025-06-02\"\n---\n"_ba << "date: \"2025-02-03\"\n"_ba;
    QTest::newRow("TOML, negative offset") << "+++\ndate = 2025-06-02T09:15:00-05:00\n+++\n"_ba
                                           << "date = 2025-02-03T04:05:06-05:00\n"_ba;
}

void TestFrontMatterForm::dateEditKeepsSpelling()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, line);
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    child<QDateTimeEdit>(form, u"dateEdit"_s)->setDateTime(QDateTime(QDate(2025, 2, 3), QTime(4, 5, 6), Qt::UTC));
    QCOMPARE(onlyChangedLine(fromFile(file).bytes(), form.frontMatter().bytes()), line);
}

void TestFrontMatterForm::absentDateIsAddedOnlyWhenPicked()
{
    FrontMatterForm form;
    form.setFrontMatter(fromFile("---\ntitle: A\n---\n"_ba));
    auto *date = child<QDateTimeEdit>(form, u"dateEdit"_s);
    QCOMPARE(date->text(), date->specialValueText());
    QCOMPARE(child<QLabel>(form, u"dateOffsetLabel"_s)->text(), QString());

    // Focus offers now as a starting point but writes nothing.
    QFocusEvent in(QEvent::FocusIn, Qt::TabFocusReason);
    QCoreApplication::sendEvent(date, &in);
    QCOMPARE(date->dateTime().date(), QDate::currentDate());
    QVERIFY(!form.frontMatter().contains(u"date"_s));
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(date, &out);
    QCOMPARE(date->text(), date->specialValueText());
    QVERIFY(!form.frontMatter().contains(u"date"_s));

    // A picked date is added with this machine's offset, never as UTC "Z".
    date->setDateTime(QDateTime(QDate(2025, 7, 1), QTime(8, 30), Qt::UTC));
    const Value v = form.frontMatter().value(u"date"_s);
    QCOMPARE(v.type(), Value::Type::DateTime);
    const QDateTime local(QDate(2025, 7, 1), QTime(8, 30), Qt::LocalTime);
    QCOMPARE(v.toDateTime().dateTime.offsetFromUtc(), local.offsetFromUtc());
    QVERIFY2(v.toDateTime().text.startsWith(u"2025-07-01T08:30:00"_s), qPrintable(v.toDateTime().text));
    QVERIFY(!v.toDateTime().text.endsWith(u'Z'));
    QCOMPARE(form.frontMatter().keys(), (QStringList{u"title"_s, u"date"_s}));
}

void TestFrontMatterForm::tagsEditWritesList()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    auto *tags = child<TokenEdit>(form, u"tagsEdit"_s);
    tags->setText(u"半導體, 能源、台灣，AI, 能源"_s);
    Q_EMIT tags->editingFinished();
    QCOMPARE(onlyChangedLine(samplePost().bytes(), form.frontMatter().bytes()),
             "tags: [\"半導體\", \"能源\", \"台灣\", \"AI\"]\n"_ba);
    QCOMPARE(tags->text(), u"半導體, 能源, 台灣, AI"_s);
}

void TestFrontMatterForm::invalidSourceUrlIsNotWritten()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    auto *url = child<QLineEdit>(form, u"sourceUrlEdit"_s);
    typeText(url, u"example.org/news"_s);
    QCOMPARE(form.frontMatter().bytes(), samplePost().bytes());
    QCOMPARE(edited.count(), 0);
    QVERIFY(url->property("frontmarkError").toBool());
    QVERIFY(!url->toolTip().isEmpty());

    url->clear();
    typeText(url, u"https://example.org/news?id=1"_s);
    QVERIFY(!url->property("frontmarkError").toBool());
    QCOMPARE(onlyChangedLine(samplePost().bytes(), form.frontMatter().bytes()),
             "source_url: \"https://example.org/news?id=1\"\n"_ba);

    // ftp: and a scheme without a host are not web addresses.
    url->selectAll();
    typeText(url, u"ftp://example.org/x"_s);
    QCOMPARE(form.frontMatter().value(u"source_url"_s).toString(), u"https://example.org/news?id=1"_s);
    QVERIFY(url->property("frontmarkError").toBool());
}

void TestFrontMatterForm::emptyFieldKeepsKeyAndAbsentKeyIsAddedOnlyWhenTyped()
{
    FrontMatterForm form;
    form.setFrontMatter(fromFile("---\ntitle: \"A\"\n---\nBody\n"_ba));
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    title->selectAll();
    QTest::keyClick(title, Qt::Key_Backspace);
    QVERIFY(form.frontMatter().contains(u"title"_s));
    QCOMPARE(form.frontMatter().value(u"title"_s).toString(), QString());

    // Focusing and leaving an absent field writes nothing; typing adds the key at the end.
    auto *name = child<QLineEdit>(form, u"sourceNameEdit"_s);
    Q_EMIT name->editingFinished();
    QVERIFY(!form.frontMatter().contains(u"source_name"_s));
    typeText(name, u"中央社"_s);
    QCOMPARE(form.frontMatter().value(u"source_name"_s).toString(), u"中央社"_s);
    QCOMPARE(form.frontMatter().keys(), (QStringList{u"title"_s, u"source_name"_s}));
}

void TestFrontMatterForm::otherKeysTableEditsListValue()
{
    const QByteArray file = "---\ntitle: T\naliases: [/old/a, /old/b]\nweight: 3\n---\nBody\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    QCOMPARE(table->rowCount(), 3); // aliases, weight, the row that adds a key
    QCOMPARE(table->item(0, 0)->text(), u"aliases"_s);
    QCOMPARE(table->item(0, 1)->text(), u"[\"/old/a\", \"/old/b\"]"_s);
    QCOMPARE(table->item(1, 1)->text(), u"3"_s);

    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    table->item(0, 1)->setText(u"/old/a, /new/c"_s); // comma-separated terms read as the list it is
    QCOMPARE(edited.count(), 1);
    QCOMPARE(form.frontMatter().value(u"aliases"_s).toStringList(), (QStringList{u"/old/a"_s, u"/new/c"_s}));
    const QByteArray line = onlyChangedLine(fromFile(file).bytes(), form.frontMatter().bytes());
    QVERIFY2(line.startsWith("aliases: ["), line.constData());
    QCOMPARE(table->item(0, 1)->text(), u"[\"/old/a\", \"/new/c\"]"_s);

    // The last row adds a key, its type inferred.
    table->item(2, 0)->setText(u"slug"_s);
    table->item(2, 1)->setText(u"taiwan-power"_s);
    QCOMPARE(form.frontMatter().value(u"slug"_s).toString(), u"taiwan-power"_s);
    QCOMPARE(table->rowCount(), 4);
}

void TestFrontMatterForm::otherKeysTableRefusesWrongType()
{
    const QByteArray file = "---\ntitle: T\nweight: 3\n---\nBody\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    table->item(0, 1)->setText(u"heavy"_s);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(form.frontMatter().bytes(), fromFile(file).bytes());
    QVERIFY(table->item(0, 1)->toolTip().contains(u"integer"_s));
    auto *message = child<QLabel>(form, u"formMessage"_s);
    QVERIFY(message->isVisibleTo(&form));

    table->item(0, 1)->setText(u"5"_s);
    QCOMPARE(form.frontMatter().value(u"weight"_s).toInteger(), 5);
    QVERIFY(table->item(0, 1)->toolTip().isEmpty());
    QVERIFY(!message->isVisibleTo(&form));
}

void TestFrontMatterForm::notEditableKeysAreReadOnly()
{
    // A TOML [table] cannot be patched in place, and a title written as a map has no text field.
    FrontMatterForm form;
    form.setFrontMatter(fromFile("+++\ntitle = \"T\"\n[params]\nx = 1\n+++\nBody\n"_ba));
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    QCOMPARE(table->item(0, 0)->text(), u"params"_s);
    QVERIFY(!(table->item(0, 1)->flags() & Qt::ItemIsEditable));
    QVERIFY(!child<QLineEdit>(form, u"titleEdit"_s)->isReadOnly());

    form.setFrontMatter(fromFile("---\ntitle:\n  en: Power\n  zh: 電力\n---\nBody\n"_ba));
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    QVERIFY(title->isReadOnly());
    QVERIFY(!title->toolTip().isEmpty());
    QCOMPARE(table->item(0, 0)->text(), u"title"_s);
}

void TestFrontMatterForm::rawModeReportsErrorAndRefusesToLeave()
{
    FrontMatterForm form;
    form.setFrontMatter(samplePost());
    auto *toggle = child<QToolButton>(form, u"rawToggle"_s);
    auto *raw = child<QPlainTextEdit>(form, u"rawEdit"_s);
    toggle->click();
    QVERIFY(form.isRawMode());
    QCOMPARE(raw->toPlainText().toUtf8(), samplePost().bytes());

    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);
    raw->setPlainText(u"title: \"Raw\"\ntags: [a, b\ndraft: true\n"_s);
    QVERIFY(edited.count() >= 1);
    QVERIFY(!form.frontMatter().isValid());
    QVERIFY(errors.wait(2000));
    const QString message = errors.last().first().toString();
    // The sample's block starts on file line 2, so its lines are file lines 2, 3, 4.
    QVERIFY2(message.startsWith(u"line "_s) && message.contains(u", column "_s), qPrintable(message));
    const int line = message.mid(5, message.indexOf(u',') - 5).toInt();
    QVERIFY2(line >= 3 && line <= 5, qPrintable(message));

    toggle->click(); // refused: the form cannot show a block that does not parse
    QVERIFY(form.isRawMode());
    QVERIFY(toggle->isChecked());
    QVERIFY(child<QLabel>(form, u"formMessage"_s)->text().contains(message));

    raw->setPlainText(u"title: \"Raw\"\ntags: [a, b]\ndraft: true\n"_s);
    QCOMPARE(errors.count(), 2); // a fix is reported at once
    QCOMPARE(errors.last().first().toString(), QString());
    QCOMPARE(form.frontMatter().bytes(), "title: \"Raw\"\ntags: [a, b]\ndraft: true\n"_ba);
    toggle->click();
    QVERIFY(!form.isRawMode());
    QCOMPARE(child<QLineEdit>(form, u"titleEdit"_s)->text(), u"Raw"_s);
    QVERIFY(child<QCheckBox>(form, u"draftCheck"_s)->isChecked());
}

void TestFrontMatterForm::brokenFrontMatterOpensRawAtError()
{
    const FrontMatter broken = fromFile("---\ntitle: \"ok\"\ntags: [a, b\n---\n正文\n"_ba);
    QVERIFY(!broken.isValid());
    QVERIFY(broken.error()->line >= 2);
    FrontMatterForm form;
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);
    form.setFrontMatter(broken);
    QVERIFY(form.isRawMode());
    QVERIFY(child<QToolButton>(form, u"rawToggle"_s)->isChecked());
    const QTextCursor cursor = child<QPlainTextEdit>(form, u"rawEdit"_s)->textCursor();
    QCOMPARE(cursor.blockNumber() + 2, broken.error()->line); // the block's first line is file line 2
    QCOMPARE(cursor.positionInBlock() + 1, std::max(broken.error()->column, 1));
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);
    QVERIFY(child<QLabel>(form, u"formMessage"_s)->text().startsWith(u"line %1"_s.arg(broken.error()->line)));

    // A post that parses takes the form back out of the raw mode it forced.
    form.setFrontMatter(samplePost());
    QVERIFY(!form.isRawMode());

    // showRawEditor() puts the cursor on a file line.
    form.showRawEditor(5, 3);
    QVERIFY(form.isRawMode());
    const QTextCursor c = child<QPlainTextEdit>(form, u"rawEdit"_s)->textCursor();
    QCOMPARE(c.blockNumber(), 3);
    QCOMPARE(c.positionInBlock(), 2);
}

void TestFrontMatterForm::rawEditKeepsCrlfAndNoBreakSpaces()
{
    const QByteArray file = "---\r\ntitle: \"A\u00a0B\"\r\ndraft: false\r\n---\r\nBody\r\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    child<QToolButton>(form, u"rawToggle"_s)->click();
    QCOMPARE(edited.count(), 0); // showing the text changes nothing
    auto *raw = child<QPlainTextEdit>(form, u"rawEdit"_s);
    QTextCursor cursor = raw->textCursor();
    cursor.movePosition(QTextCursor::End);
    raw->setTextCursor(cursor);
    typeText(raw, u"weight: 2"_s);
    QTest::keyClick(raw, Qt::Key_Return);
    QCOMPARE(form.frontMatter().bytes(), "title: \"A\u00a0B\"\r\ndraft: false\r\nweight: 2\r\n"_ba);
    QVERIFY(edited.count() > 0);

    // The description field keeps no-break spaces too.
    child<QToolButton>(form, u"rawToggle"_s)->click();
    auto *description = child<QPlainTextEdit>(form, u"descriptionEdit"_s);
    description->setPlainText(u"一\u00a0二"_s);
    QCOMPARE(form.frontMatter().value(u"description"_s).toString(), u"一\u00a0二"_s);
}

void TestFrontMatterForm::tomlFrontMatterWorks()
{
    const QByteArray file = "+++\ntitle = \"T\"\ndate = 2025-05-12T14:30:25+08:00\ntags = [\"a\"]\ndraft = true\n+++\nBody\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    QCOMPARE(title->text(), u"T"_s);
    QCOMPARE(child<QLabel>(form, u"dateOffsetLabel"_s)->text(), u"+08:00"_s);
    QCOMPARE(child<TokenEdit>(form, u"tagsEdit"_s)->tokens(), QStringList{u"a"_s});
    QVERIFY(child<QCheckBox>(form, u"draftCheck"_s)->isChecked());

    title->selectAll();
    typeText(title, u"台灣"_s);
    QCOMPARE(onlyChangedLine(fromFile(file).bytes(), form.frontMatter().bytes()), "title = \"台灣\"\n"_ba);
    child<QCheckBox>(form, u"draftCheck"_s)->click();
    QCOMPARE(form.frontMatter().bytes(),
             "title = \"台灣\"\ndate = 2025-05-12T14:30:25+08:00\ntags = [\"a\"]\ndraft = false\n"_ba);
}

void TestFrontMatterForm::tokenEditParsesSeparators_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("mixed separators, repeat") << u"a，b、 c, a"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("CJK") << u"台灣, 半導體、AI"_s << QStringList{u"台灣"_s, u"半導體"_s, u"AI"_s};
    QTest::newRow("empty terms") << u" , ,x,,"_s << QStringList{u"x"_s};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("case differs") << u"AI, ai"_s << QStringList{u"AI"_s, u"ai"_s};
}

void TestFrontMatterForm::tokenEditParsesSeparators()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QCOMPARE(TokenEdit::parseTokens(text), tokens);
    TokenEdit edit;
    edit.setText(text);
    QCOMPARE(edit.tokens(), tokens);
}

void TestFrontMatterForm::tokenEditEmitsOnlyOnChange()
{
    TokenEdit edit;
    QSignalSpy spy(&edit, &TokenEdit::tokensEdited);
    edit.setTokens({u"a"_s, u"b"_s});
    QCOMPARE(edit.text(), u"a, b"_s);
    Q_EMIT edit.editingFinished();
    QCOMPARE(spy.count(), 0);
    edit.setText(u"a，b"_s); // same list, other spelling
    Q_EMIT edit.editingFinished();
    QCOMPARE(spy.count(), 0);
    edit.setText(u"a、b、c"_s);
    Q_EMIT edit.editingFinished();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().first().toStringList(), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(edit.text(), u"a, b, c"_s);
    Q_EMIT edit.editingFinished();
    QCOMPARE(spy.count(), 1);
}

void TestFrontMatterForm::tokenEditCompletionReplacesCurrentTerm()
{
    TokenEdit edit;
    edit.setSuggestions({u"半導體"_s, u"能源"_s, u"能源政策"_s});
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    typeText(&edit, u"半導體，能"_s);
    auto *completer = edit.findChild<QCompleter *>();
    QVERIFY(completer);
    QCOMPARE(completer->completionPrefix(), u"能"_s);
    QCOMPARE(completer->completionCount(), 2);
    Q_EMIT completer->activated(u"能源政策"_s);
    QCOMPARE(edit.text(), u"半導體，能源政策"_s);
    QCOMPARE(edit.tokens(), (QStringList{u"半導體"_s, u"能源政策"_s}));

    // Completing a term in the middle replaces only that term.
    edit.setText(u"半, 能源政策"_s);
    edit.setCursorPosition(1);
    Q_EMIT completer->activated(u"半導體"_s);
    QCOMPARE(edit.text(), u"半導體, 能源政策"_s);
}

void TestFrontMatterForm::languageChangeRetranslatesFieldsAndKeepsValues()
{
    const QByteArray file = "---\ntitle: \"晶片之島的電力\"\ndate: 2025-06-02 09:15:00\ndescription: \"用電\"\n"
                            "tags: [半導體, 能源]\ncategories: [產業觀察]\ndraft: true\nweight: 3\n---\nBody\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    title->setSelection(2, 3);
    auto *toggle = child<QToolButton>(form, u"rawToggle"_s);
    auto *draft = child<QCheckBox>(form, u"draftCheck"_s);
    auto *offset = child<QLabel>(form, u"dateOffsetLabel"_s);
    auto *tags = child<TokenEdit>(form, u"tagsEdit"_s);
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    auto *format = child<QLabel>(form, u"formatLabel"_s);
    QCOMPARE(rowLabels(form), (QStringList{u"Title"_s, u"Date"_s, u"Description"_s, u"Tags"_s, u"Categories"_s,
                                           u"Draft"_s, u"Source URL"_s, u"Source name"_s, u"More fields"_s}));
    QCOMPARE(offset->text(), u"local time"_s);
    QCOMPARE(table->item(0, 0)->toolTip(), u"line 8"_s);
    const FormValues before = FormValues::of(form);
    QCOMPARE(before.bytes, fromFile(file).bytes());
    QCOMPARE(before.titleSelection, u"之島的"_s);
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);
    QSignalSpy tagsEdited(tags, &TokenEdit::tokensEdited);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    // The catalogue's words (resources/translations/frontmark_zh_TW.ts), not the English.
    QCOMPARE(rowLabels(form), expectedRowLabels());
    QCOMPARE(rowLabels(form).first(), u"標題"_s);
    QCOMPARE(rowLabels(form).last(), u"其他欄位"_s);
    QCOMPARE(toggle->text(), u"原始文字"_s);
    QCOMPARE(toggle->toolTip(), formText("Edit the front matter as text"));
    QVERIFY(toggle->toolTip() != u"Edit the front matter as text"_s);
    QCOMPARE(draft->text(), u"尚未發布"_s);
    QCOMPARE(format->text(), u"YAML 前置資料"_s);
    QCOMPARE(offset->text(), u"當地時間"_s);
    QCOMPARE(offset->toolTip(), u"原文寫法：2025-06-02 09:15:00"_s);
    QCOMPARE(tags->toolTip(), u"以逗號分隔標籤：, ， 或 、"_s);
    QCOMPARE(tags->placeholderText(), u"項目、項目、…"_s);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), u"鍵"_s);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), u"值"_s);
    QCOMPARE(table->item(0, 0)->toolTip(), u"第 8 行"_s);
    QCOMPARE(table->item(1, 0)->toolTip(), u"輸入新的鍵與值即可新增。"_s);
    compareValues(FormValues::of(form), before);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(tagsEdited.count(), 0);

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(rowLabels(form), (QStringList{u"Title"_s, u"Date"_s, u"Description"_s, u"Tags"_s, u"Categories"_s,
                                           u"Draft"_s, u"Source URL"_s, u"Source name"_s, u"More fields"_s}));
    QCOMPARE(toggle->text(), u"Raw"_s);
    QCOMPARE(draft->text(), u"Not published yet"_s);
    QCOMPARE(format->text(), u"YAML front matter"_s);
    QCOMPARE(offset->text(), u"local time"_s);
    QCOMPARE(offset->toolTip(), u"Written as 2025-06-02 09:15:00"_s);
    QCOMPARE(tags->toolTip(), u"Separate tags with commas: , ， or 、"_s);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), u"Key"_s);
    QCOMPARE(table->item(0, 0)->toolTip(), u"line 8"_s);
    QCOMPARE(table->item(1, 1)->toolTip(), u"Type a new key and its value to add them."_s);
    compareValues(FormValues::of(form), before);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);

    // The form still edits after the round trip.
    draft->click();
    QCOMPARE(edited.count(), 1);
    QCOMPARE(onlyChangedLine(fromFile(file).bytes(), form.frontMatter().bytes()), "draft: false\n"_ba);
}

void TestFrontMatterForm::languageChangeRetranslatesNotesAndErrors()
{
    // A title the text field cannot show, a refused source URL, a refused new key: each note is
    // said again in the new language, and what the writer typed stays.
    const QByteArray file = "---\ntitle:\n  en: Power\n  zh: 電力\nweight: 3\n---\nBody\n"_ba;
    FrontMatterForm form;
    form.setFrontMatter(fromFile(file));
    auto *title = child<QLineEdit>(form, u"titleEdit"_s);
    auto *url = child<QLineEdit>(form, u"sourceUrlEdit"_s);
    auto *date = child<QDateTimeEdit>(form, u"dateEdit"_s);
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    auto *message = child<QLabel>(form, u"formMessage"_s);
    QVERIFY(title->isReadOnly());
    QCOMPARE(title->toolTip(), u"“title” holds a map here; edit it under More fields."_s);
    QCOMPARE(date->text(), u"not set"_s);
    typeText(url, u"example.org/news"_s);
    const QString urlError = u"Not a web address yet: write it like https://example.org/article."_s;
    QCOMPARE(url->toolTip(), urlError);
    QCOMPARE(table->item(0, 0)->text(), u"title"_s);
    const int addRow = table->rowCount() - 1;
    table->item(addRow, 0)->setText(u"weight"_s);
    table->item(addRow, 1)->setText(u"5"_s);
    QCOMPARE(table->item(addRow, 1)->toolTip(), u"“weight” is already in the front matter."_s);
    QVERIFY((QStringList{urlError, u"“weight” is already in the front matter."_s}).contains(message->text()));
    const FormValues before = FormValues::of(form);
    QCOMPARE(before.bytes, fromFile(file).bytes());
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    QCOMPARE(title->toolTip(), u"「title」在這裡是對應表；請在「其他欄位」中編輯。"_s);
    QCOMPARE(date->text(), u"未設定"_s);
    const QString urlErrorZh = u"還不是網址：請寫成 https://example.org/article 這樣的格式。"_s;
    QCOMPARE(url->toolTip(), urlErrorZh);
    QCOMPARE(table->item(addRow, 1)->toolTip(), u"前置資料中已有「weight」。"_s);
    QCOMPARE(table->item(addRow, 0)->toolTip(), u"輸入新的鍵與值即可新增。"_s);
    QVERIFY2((QStringList{urlErrorZh, u"前置資料中已有「weight」。"_s}).contains(message->text()),
             qPrintable(message->text()));
    QVERIFY(message->isVisibleTo(&form));
    QVERIFY(title->isReadOnly());
    QVERIFY(url->property("frontmarkError").toBool());
    compareValues(FormValues::of(form), before);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(title->toolTip(), u"“title” holds a map here; edit it under More fields."_s);
    QCOMPARE(url->toolTip(), urlError);
    QCOMPARE(date->text(), u"not set"_s);
    QCOMPARE(table->item(addRow, 1)->toolTip(), u"“weight” is already in the front matter."_s);
    compareValues(FormValues::of(form), before);
    QCOMPARE(edited.count(), 0);

    // A fixed address clears its mark, and the message says the other error in English.
    url->selectAll();
    typeText(url, u"https://example.org/news"_s);
    QVERIFY(!url->property("frontmarkError").toBool());
    QCOMPARE(message->text(), u"“weight” is already in the front matter."_s);
}

void TestFrontMatterForm::languageChangeRetranslatesRawModeMessages()
{
    const FrontMatter broken = fromFile("---\ntitle: \"ok\"\ntags: [a, b\n---\n正文\n"_ba);
    QVERIFY(!broken.isValid());
    const Error error = *broken.error();
    QVERIFY(error.line > 0 && error.column > 0);
    FrontMatterForm form;
    form.setFrontMatter(broken);
    QVERIFY(form.isRawMode());
    auto *message = child<QLabel>(form, u"formMessage"_s);
    auto *raw = child<QPlainTextEdit>(form, u"rawEdit"_s);
    auto *toggle = child<QToolButton>(form, u"rawToggle"_s);
    const QString english = u"line %1, column %2: %3"_s.arg(error.line).arg(error.column).arg(error.message);
    QCOMPARE(message->text(), english);
    const FormValues before = FormValues::of(form);
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);
    QSignalSpy errors(&form, &FrontMatterForm::errorChanged);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    // The core's own sentence keeps the language it was written in; the form's part is Chinese.
    const QString chinese = u"第 %1 行第 %2 欄：%3"_s.arg(error.line).arg(error.column).arg(error.message);
    QCOMPARE(message->text(), chinese);
    QCOMPARE(toggle->text(), u"原始文字"_s);
    QVERIFY(toggle->isChecked());
    QVERIFY(!raw->document()->isUndoAvailable()); // the raw editor's history is left alone too
    compareValues(FormValues::of(form), before);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(errors.count(), 0);

    // Refused to leave raw mode: the reason follows the language both ways.
    toggle->click();
    QVERIFY(form.isRawMode());
    QCOMPARE(message->text(), u"請先修正前置資料，才能回到表單：%1"_s.arg(chinese));
    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(message->text(), u"Fix the front matter before going back to the form — %1"_s.arg(english));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(edited.count(), 0);
    compareValues(FormValues::of(form), before);
}

void TestFrontMatterForm::languageChangeSparesOpenCellEditor()
{
    // A tool tip is item data, and a change to the data of the cell being edited resets its
    // editor: the new key the writer is typing in the last row must survive a language change.
    FrontMatterForm form;
    form.setFrontMatter(fromFile("---\ntitle: T\nweight: 3\n---\nBody\n"_ba));
    form.show();
    // A window closing commits its open cell editor; when a check fails, let that reach a whole
    // form, not one whose ~FrontMatterForm has already run.
    const auto hideFirst = qScopeGuard([&form] { form.hide(); });
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *table = child<QTableWidget>(form, u"otherKeysTable"_s);
    QCOMPARE(table->rowCount(), 2);
    QTableWidgetItem *newKey = table->item(1, 0);
    QCOMPARE(newKey->toolTip(), u"Type a new key and its value to add them."_s);
    table->setCurrentItem(newKey);
    table->editItem(newKey);
    auto *editor = table->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->setText(u"slug"_s);
    QSignalSpy edited(&form, &FrontMatterForm::frontMatterEdited);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    QCOMPARE(table->item(0, 0)->toolTip(), u"第 3 行"_s);
    QCOMPARE(table->item(1, 1)->toolTip(), u"輸入新的鍵與值即可新增。"_s);
    QCOMPARE(table->viewport()->findChild<QLineEdit *>(), editor);
    QCOMPARE(editor->text(), u"slug"_s);
    QCOMPARE(newKey->text(), QString());
    QCOMPARE(edited.count(), 0);
    QCOMPARE(form.frontMatter().bytes(), "title: T\nweight: 3\n"_ba);

    // The edit goes on as usual: the key is committed, and its value adds it.
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!table->viewport()->findChild<QLineEdit *>());
    QCOMPARE(newKey->text(), u"slug"_s);
    QCOMPARE(edited.count(), 0);
    table->item(1, 1)->setText(u"taiwan-power"_s);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(form.frontMatter().bytes(), "title: T\nweight: 3\nslug: taiwan-power\n"_ba);
}

void TestFrontMatterForm::languageChangeRetranslatesTokenEditPlaceholder()
{
    TokenEdit edit;
    edit.setTokens({u"半導體"_s, u"能源"_s});
    edit.setText(u"半導體, 能源、台"_s); // still being typed: not yet a finished edit
    edit.setCursorPosition(4);
    QSignalSpy spy(&edit, &TokenEdit::tokensEdited);
    QCOMPARE(edit.placeholderText(), u"term, term, …"_s);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    QCOMPARE(edit.placeholderText(), u"項目、項目、…"_s);
    QCOMPARE(edit.placeholderText(), QCoreApplication::translate("frontmark::TokenEdit", "term, term, …"));
    QCOMPARE(edit.text(), u"半導體, 能源、台"_s);
    QCOMPARE(edit.cursorPosition(), 4);
    QCOMPARE(spy.count(), 0);

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(edit.placeholderText(), u"term, term, …"_s);
    QCOMPARE(edit.text(), u"半導體, 能源、台"_s);
    QCOMPARE(spy.count(), 0);
}

QTEST_MAIN(TestFrontMatterForm)
#include "tst_frontmatterform.moc"
