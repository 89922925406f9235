// SPDX-License-Identifier: GPL-3.0-or-later
// Spell checking of issue #7 (part 4): which words of a Markdown line are checked at all
// (code, URLs, shortcodes, HTML and CJK never are), how a post's language picks a Hunspell
// dictionary, and the editor's underlines and context menu with a real English dictionary.

#include "guitestutil.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::useOffscreenWithoutDisplay();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

class TestSpellCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void checksOnlyProseWords_data();
    void checksOnlyProseWords();
    void tellsIndentedCodeFromListContent();
    void picksDictionaryForLanguage_data();
    void picksDictionaryForLanguage();
    void convertsToDictionaryEncoding();
    void underlinesOnlyMisspelledProse();
    void hugePostTakesNewAnswersInSlices();
    void menuOffersSuggestionsForWordUnderMouse();
    void suggestionReplacesWordAsOneUndoStep();
    void addToDictionaryPersistsWord();
    void ignoreLastsForSession();
    void languageWithoutDictionaryTurnsCheckingOff();
    void actionTurnsCheckingOff();

private:
    void requireEnglish();
    void setUpEditor(MarkdownEditor &editor, const QString &text);

    QTemporaryDir m_englishOnly; // the system's English dictionary and nothing else
    QString m_english;           // its name, empty if none is installed
};

static const QString sample = u"This sentense is fine.\n\n```\nmispeled code\n```\n\n"
                              u"中文句子 with `codde` and {{< youtube abcdefgh >}} and https://exampel.com\n"_s;

// The words of `text` underlined as misspelled, as "line:word".
static QStringList underlined(const MarkdownEditor &editor)
{
    QStringList found;
    for (QTextBlock block = editor.document()->firstBlock(); block.isValid(); block = block.next()) {
        for (const WordRange &word : MarkdownHighlighter::misspelledWords(block))
            found.append(u"%1:%2"_s.arg(block.blockNumber() + 1).arg(block.text().mid(word.start, word.length)));
    }
    return found;
}

// A point (viewport coordinates) in the middle of the first `word` in the editor.
static QPoint pointOn(const MarkdownEditor &editor, const QString &word)
{
    QTextCursor start = editor.document()->find(word);
    Q_ASSERT(!start.isNull());
    start.setPosition(start.selectionStart() + int(word.size() / 2));
    return editor.cursorRect(start).center();
}

static QList<QAction *> actionsNamed(QMenu *menu, const QString &name)
{
    QList<QAction *> found;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == name)
            found.append(action);
    }
    return found;
}

void TestSpellCheck::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_englishOnly.isValid());
    SpellChecker system;
    m_english = system.dictionaryFor(u"en"_s);
    if (m_english.isEmpty())
        return;
    for (const QString &path : system.searchPaths()) {
        const QString aff = path + u'/' + m_english + u".aff"_s;
        if (QFile::exists(aff)) {
            QVERIFY(QFile::link(aff, m_englishOnly.filePath(m_english + u".aff"_s)));
            QVERIFY(QFile::link(path + u'/' + m_english + u".dic"_s, m_englishOnly.filePath(m_english + u".dic"_s)));
            break;
        }
    }
}

void TestSpellCheck::init()
{
    QFile::remove(SpellChecker::personalWordsPath());
}

void TestSpellCheck::cleanupTestCase()
{
    QFile::remove(SpellChecker::personalWordsPath());
}

void TestSpellCheck::requireEnglish()
{
    if (m_english.isEmpty())
        QSKIP("No English Hunspell dictionary is installed (apt-get install hunspell-en-us)");
}

void TestSpellCheck::setUpEditor(MarkdownEditor &editor, const QString &text)
{
    editor.spellChecker()->setSearchPaths({m_englishOnly.path()});
    editor.resize(800, 400);
    editor.setPlainText(text);
    editor.setSpellLanguage(u"en-us"_s);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // The dictionary is read on the thread pool: checking starts when it is in use.
    if (!m_english.isEmpty())
        QTRY_VERIFY(editor.spellChecker()->isActive());
}

void TestSpellCheck::checksOnlyProseWords_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("inFence");
    QTest::addColumn<QStringList>("words");

    const auto row = [](const char *name, const QString &line, const QStringList &words, bool inFence = false) {
        QTest::newRow(name) << line << inFence << words;
    };
    row("plain prose", u"Hello world, this is text."_s, {u"Hello"_s, u"world"_s, u"this"_s, u"is"_s, u"text"_s});
    row("code span", u"Use `codde here` now"_s, {u"Use"_s, u"now"_s});
    row("double-backtick code span", u"Run ``co`de`` today"_s, {u"Run"_s, u"today"_s});
    row("unclosed backtick is text", u"one `tick only"_s, {u"one"_s, u"tick"_s, u"only"_s});
    row("inside a fence (block state)", u"mispeled code"_s, {}, true);
    row("fence opener with info string", u"```pythn"_s, {});
    row("tilde fence opener", u"~~~ infoo"_s, {});
    row("indented code", u"    mispeled code"_s, {});
    row("tab-indented code", u"\tmispeled code"_s, {});
    row("bare URL", u"see https://exampel.com/pathh?q=1 now"_s, {u"see"_s, u"now"_s});
    row("www URL", u"at www.exampel.com today"_s, {u"at"_s, u"today"_s});
    row("mailto URL", u"write mailto:someone@exampel.com now"_s, {u"write"_s, u"now"_s});
    row("URL next to CJK", u"請看https://exampel.com網站 ok"_s, {u"ok"_s});
    row("autolinks", u"<https://exampel.com> and <mail@exampel.com>"_s, {u"and"_s});
    row("link text checked, destination and title not", u"[link textt](https://exampel.com/x \"Titel\") after"_s,
        {u"link"_s, u"textt"_s, u"after"_s});
    row("link destination with parentheses", u"[wiki](https://en.wikipedia.org/wiki/Foo_(barr)) end"_s,
        {u"wiki"_s, u"end"_s});
    row("reference link label", u"[some text][refname] end"_s, {u"some"_s, u"text"_s, u"end"_s});
    row("image alt text checked", u"![alt textt](/images/fotoo.png)"_s, {u"alt"_s, u"textt"_s});
    row("brackets that are no link", u"[note] (aside)"_s, {u"note"_s, u"aside"_s});
    row("reference definition", u"[refname]: https://exampel.com \"Titel\""_s, {});
    row("footnote definition", u"[^1]: Footnote text"_s, {u"Footnote"_s, u"text"_s});
    row("shortcode", u"{{< youtube abcdefgh >}} after"_s, {u"after"_s});
    row("shortcode with quoted arguments", u"{{% notice warnin \"Titel here\" %}} text"_s, {u"text"_s});
    row("shortcode going on in the next line", u"intro {{< figure src=\"x.png\""_s, {u"intro"_s});
    row("closing shortcode", u"{{< /notice >}}"_s, {});
    row("Go template action", u"{{ .Titel }} text"_s, {u"text"_s});
    row("HTML tags and attributes", u"<span class=\"highlite\">inner</span> text"_s, {u"inner"_s, u"text"_s});
    row("HTML comment", u"<!-- commentt --> visible"_s, {u"visible"_s});
    row("HTML entities", u"one&nbsp;word &amp; more&#8212;end"_s, {u"one"_s, u"word"_s, u"more"_s, u"end"_s});
    row("heading attribute", u"## Title {#custom-idd}"_s, {u"Title"_s});
    row("TeX math", u"Inline $\\frac{a}{bee}$ math, costs $5 and $10"_s,
        {u"Inline"_s, u"math"_s, u"costs"_s, u"and"_s});
    row("display math", u"$$\\begin{alignat} x \\end{alignat}$$ after"_s, {u"after"_s});
    row("TeX command and its arguments", u"\\textbf{boldd}[opt] text"_s, {u"text"_s});
    row("CJK runs", u"中文句子とひらがなカタカナ한국어ㄅㄆ"_s, {});
    row("fullwidth forms", u"全角ＡＢＣｄｅｆ文字，１２３"_s, {});
    row("Latin inside CJK is checked", u"我用Hugo寫作"_s, {u"Hugo"_s});
    row("Han extension B", u"𠮷野家 wordd"_s, {u"wordd"_s});
    row("other scripts", u"λόγος Москва word"_s, {u"word"_s});
    row("apostrophes", u"don't can’t 'quoted' writers'"_s, {u"don't"_s, u"can’t"_s, u"quoted"_s, u"writers"_s});
    row("hyphenated words", u"well-known state-of-the-art"_s,
        {u"well"_s, u"known"_s, u"state"_s, u"of"_s, u"the"_s, u"art"_s});
    row("words with digits", u"abc123 3rd v2 x86-64 utf-8 H2O"_s, {});
    row("all caps", u"NASA HTML APIs NASA's OK"_s, {});
    row("internal capital", u"camelCase iPhone JavaScript McDonald"_s, {});
    row("names, paths and addresses", u"snake_case foo.bar /usr/share e.g. user@exampel.com @handle C:\\Users"_s, {});
    row("single letters", u"a b c"_s, {});
    row("emphasis", u"*emphh* and **bold** _under_"_s, {u"emphh"_s, u"and"_s, u"bold"_s, u"under"_s});
    row("heading", u"## Headingg text"_s, {u"Headingg"_s, u"text"_s});
    row("list items and task boxes", u"- [x] done item"_s, {u"done"_s, u"item"_s});
    row("ordered list", u"12. first"_s, {u"first"_s});
    row("block quote", u"> > quoted wordz"_s, {u"quoted"_s, u"wordz"_s});
    row("escapes", u"\\*not emph\\*"_s, {u"not"_s, u"emph"_s});
    row("accented Latin", u"café naïve Zürich"_s, {u"café"_s, u"naïve"_s, u"Zürich"_s});
}

void TestSpellCheck::checksOnlyProseWords()
{
    QFETCH(QString, line);
    QFETCH(bool, inFence);
    QFETCH(QStringList, words);
    SpellContext context;
    context.inFence = inFence;
    QStringList found;
    for (const WordRange &word : checkableWords(line, context))
        found.append(line.mid(word.start, word.length));
    QCOMPARE(found, words);
}

void TestSpellCheck::tellsIndentedCodeFromListContent()
{
    const QStringList lines{u"- item"_s,       u""_s,   u"    continued in item"_s, u""_s, u"Para graph"_s,
                            u"    lazy line"_s, u""_s,   u"    code herre"_s,        u""_s, u"1. next"_s,
                            u""_s,             u"   still next"_s};
    QStringList found;
    SpellContext context;
    for (const QString &line : lines) {
        for (const WordRange &word : checkableWords(line, context))
            found.append(line.mid(word.start, word.length));
        context = nextSpellContext(line, context);
    }
    QCOMPARE(found, (QStringList{u"item"_s, u"continued"_s, u"in"_s, u"item"_s, u"Para"_s, u"graph"_s, u"lazy"_s,
                                 u"line"_s, u"next"_s, u"still"_s, u"next"_s}));

    // After a shortcode that an earlier line opened, only the rest of the line counts.
    const QString closing = u"  caption=\"captionn\" >}} afterr"_s;
    const qsizetype from = closing.indexOf(u">}}") + 3;
    const QList<WordRange> rest = checkableWords(closing, {}, from);
    QCOMPARE(rest.size(), 1);
    QCOMPARE(closing.mid(rest[0].start, rest[0].length), u"afterr"_s);
}

void TestSpellCheck::picksDictionaryForLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("dictionary");
    QTest::newRow("en-us") << u"en-us"_s << u"en_US"_s;
    QTest::newRow("en") << u"en"_s << u"en_US"_s;
    QTest::newRow("en_GB") << u"en_GB"_s << u"en_GB"_s;
    QTest::newRow("EN-gb") << u"EN-gb"_s << u"en_GB"_s;
    QTest::newRow("en-au falls back to en_US") << u"en-au"_s << u"en_US"_s;
    QTest::newRow("empty is Hugo's English") << QString() << u"en_US"_s;
    QTest::newRow("zh-tw checks English words") << u"zh-tw"_s << u"en_US"_s;
    QTest::newRow("zh-Hant-TW") << u"zh-Hant-TW"_s << u"en_US"_s;
    QTest::newRow("ja") << u"ja"_s << u"en_US"_s;
    QTest::newRow("ko-KR") << u"ko-KR"_s << u"en_US"_s;
    QTest::newRow("de prefers de_DE over de_DE_frami") << u"de"_s << u"de_DE"_s;
    QTest::newRow("de-AT falls back to de_DE") << u"de-AT"_s << u"de_DE"_s;
    QTest::newRow("pt has only pt_BR") << u"pt"_s << u"pt_BR"_s;
    QTest::newRow("fr-CA to region-less fr") << u"fr-CA"_s << u"fr"_s;
    QTest::newRow("locale with encoding") << u"pt_BR.UTF-8"_s << u"pt_BR"_s;
    QTest::newRow("it: none") << u"it"_s << QString();
}

void TestSpellCheck::picksDictionaryForLanguage()
{
    QFETCH(QString, code);
    QFETCH(QString, dictionary);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : {u"en_US"_s, u"en_GB"_s, u"de_DE_frami"_s, u"de_DE"_s, u"pt_BR"_s, u"fr"_s}) {
        for (const QString &suffix : {u".aff"_s, u".dic"_s}) {
            QFile file(dir.filePath(name + suffix));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }
    QFile lone(dir.filePath(u"it_IT.aff"_s)); // without its .dic: not a dictionary
    QVERIFY(lone.open(QIODevice::WriteOnly));
    SpellChecker checker;
    checker.setSearchPaths({dir.path()});
    QCOMPARE(checker.availableDictionaries(),
             (QStringList{u"de_DE"_s, u"de_DE_frami"_s, u"en_GB"_s, u"en_US"_s, u"fr"_s, u"pt_BR"_s}));
    QCOMPARE(checker.dictionaryFor(code), dictionary);
}

void TestSpellCheck::convertsToDictionaryEncoding()
{
    // A tiny ISO 8859-1 dictionary: Hunspell sees bytes in that encoding, never UTF-8.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile aff(dir.filePath(u"xx_XX.aff"_s));
    QVERIFY(aff.open(QIODevice::WriteOnly));
    aff.write("SET ISO8859-1\nTRY aefc\n");
    aff.close();
    QFile dic(dir.filePath(u"xx_XX.dic"_s));
    QVERIFY(dic.open(QIODevice::WriteOnly));
    dic.write("2\ncaf\xe9\nna\xefve\n");
    dic.close();

    SpellChecker checker;
    checker.setSearchPaths({dir.path()});
    QCOMPARE(checker.setLanguage(u"xx"_s), u"xx_XX"_s);
    QVERIFY(checker.isActive());
    QVERIFY(checker.isCorrect(u"café"_s));
    QVERIFY(checker.isCorrect(u"naïve"_s));
    QVERIFY(!checker.isCorrect(u"cafe"_s));
    QVERIFY(!checker.isCorrect(u"caféŧ"_s)); // not representable in Latin-1
    QVERIFY(checker.suggestions(u"cafe"_s).contains(u"café"_s));
}

void TestSpellCheck::underlinesOnlyMisspelledProse()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    QTRY_COMPARE(underlined(editor), QStringList{u"1:sentense"_s});

    // Underlined on top of the other formats, with the spell-check style.
    const QTextBlock first = editor.document()->firstBlock();
    bool wavy = false;
    for (const QTextLayout::FormatRange &range : first.layout()->formats())
        wavy = wavy || (range.start == 5 && range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline);
    QVERIFY(wavy);

    // Typing keeps it current.
    QTextCursor cursor(editor.document()->findBlockByNumber(2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(u"\nnew wrongg word"_s); // still inside the fence
    QCOMPARE(underlined(editor), QStringList{u"1:sentense"_s});
    cursor = QTextCursor(editor.document()->lastBlock());
    cursor.insertText(u"Outside wrongg"_s);
    QCOMPARE(underlined(editor), (QStringList{u"1:sentense"_s, u"9:wrongg"_s}));
}

// Issue #20: a 30 MB post froze the window for seconds each time the underlines changed
// (the dictionary coming in, checking turned off). Past the slicing size, the lines take
// their new formats over several event-loop turns, from the top, and all of them do.
void TestSpellCheck::hugePostTakesNewAnswersInSlices()
{
    requireEnglish();
    const QString line = u"A sentense here.\n"_s;
    const QString text = line.repeated(MarkdownHighlighter::kSlicedRehighlightChars / line.size() + 1000);
    MarkdownEditor editor;
    setUpEditor(editor, text);
    MarkdownHighlighter *highlighter = editor.highlighter();
    QTRY_VERIFY_WITH_TIMEOUT(!highlighter->isRehighlighting(), 60000);
    const auto wordsIn = [](const QTextBlock &block) {
        QStringList words;
        for (const WordRange &word : MarkdownHighlighter::misspelledWords(block))
            words.append(block.text().mid(word.start, word.length));
        return words;
    };
    const QTextBlock first = editor.document()->firstBlock();
    const QTextBlock last = editor.document()->lastBlock().previous(); // the text ends with a newline
    QCOMPARE(wordsIn(first), QStringList{u"sentense"_s});
    QCOMPARE(wordsIn(last), QStringList{u"sentense"_s});

    editor.setSpellCheckEnabled(false);
    QVERIFY(highlighter->isRehighlighting()); // returned before the last line was done
    QCOMPARE(wordsIn(last), QStringList{u"sentense"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!highlighter->isRehighlighting(), 60000);
    QCOMPARE(wordsIn(first), QStringList());
    QCOMPARE(wordsIn(last), QStringList());
}

void TestSpellCheck::menuOffersSuggestionsForWordUnderMouse()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    // The text cursor is elsewhere: the menu is about the word under the mouse.
    editor.moveCursor(QTextCursor::End);
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    const QList<QAction *> actions = menu->actions();
    const QList<QAction *> suggestions = actionsNamed(menu.get(), u"spellSuggestion"_s);
    QVERIFY(!suggestions.isEmpty());
    QVERIFY(suggestions.size() <= 6);
    QVERIFY(std::any_of(suggestions.cbegin(), suggestions.cend(),
                        [](QAction *a) { return a->text() == u"sentence"; }));
    // Suggestions first, then Add and Ignore, a separator, then the usual menu.
    const qsizetype n = suggestions.size();
    QCOMPARE(actions.mid(0, n), suggestions);
    QCOMPARE(actions.value(n)->objectName(), u"spellAdd"_s);
    QCOMPARE(actions.value(n)->text(), u"Add “sentense” to Dictionary"_s);
    QCOMPARE(actions.value(n + 1)->text(), u"Ignore “sentense”"_s);
    QVERIFY(actions.value(n + 2)->isSeparator());
    QVERIFY(actions.size() > n + 3);

    // A correct word, or a misspelled one only under the text cursor, gets the usual menu.
    editor.setTextCursor(editor.document()->find(u"sentense"_s));
    std::unique_ptr<QMenu> plain(editor.createSpellMenu(pointOn(editor, u"fine"_s)));
    QVERIFY(actionsNamed(plain.get(), u"spellAdd"_s).isEmpty());
    QVERIFY(!plain->actions().isEmpty());
    QVERIFY(!plain->actions().constFirst()->isSeparator());
    // Right of the line's end, nearest to a misspelled word that ends it, is not on it.
    editor.setPlainText(u"fine sentense\n\nmore"_s);
    QTextCursor end(editor.document()->firstBlock());
    end.movePosition(QTextCursor::EndOfBlock);
    std::unique_ptr<QMenu> past(editor.createSpellMenu(editor.cursorRect(end).center() + QPoint(200, 0)));
    QVERIFY(actionsNamed(past.get(), u"spellAdd"_s).isEmpty());
}

void TestSpellCheck::suggestionReplacesWordAsOneUndoStep()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    const QList<QAction *> suggestions = actionsNamed(menu.get(), u"spellSuggestion"_s);
    const auto sentence = std::find_if(suggestions.cbegin(), suggestions.cend(),
                                       [](QAction *a) { return a->text() == u"sentence"; });
    QVERIFY(sentence != suggestions.cend());
    (*sentence)->trigger();
    QCOMPARE(editor.document()->firstBlock().text(), u"This sentence is fine."_s);
    QVERIFY(underlined(editor).isEmpty());
    editor.undo();
    QCOMPARE(editor.toPlainText(), sample);
    QCOMPARE(underlined(editor), QStringList{u"1:sentense"_s});
}

void TestSpellCheck::addToDictionaryPersistsWord()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample + u"Sentense starts a line.\n"_s);
    QCOMPARE(underlined(editor), (QStringList{u"1:sentense"_s, u"8:Sentense"_s}));
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    const QList<QAction *> add = actionsNamed(menu.get(), u"spellAdd"_s);
    QCOMPARE(add.size(), 1);
    QSignalSpy failed(&editor, &MarkdownEditor::addingWordFailed);
    add.constFirst()->trigger();
    QCOMPARE(failed.size(), 0);
    QVERIFY(underlined(editor).isEmpty()); // the capitalised form too
    QVERIFY(!editor.document()->isModified() || editor.document()->isUndoAvailable());

    QFile words(SpellChecker::personalWordsPath());
    QVERIFY(words.open(QIODevice::ReadOnly));
    QCOMPARE(words.readAll(), "sentense\n"_ba);

    // A new editor (another post, the next session) knows it.
    MarkdownEditor next;
    setUpEditor(next, sample);
    QVERIFY(underlined(next).isEmpty());
    QCOMPARE(next.spellChecker()->personalWords(), QStringList{u"sentense"_s});
}

void TestSpellCheck::ignoreLastsForSession()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    const QList<QAction *> ignore = actionsNamed(menu.get(), u"spellIgnore"_s);
    QCOMPARE(ignore.size(), 1);
    ignore.constFirst()->trigger();
    QVERIFY(underlined(editor).isEmpty());
    QVERIFY(!QFile::exists(SpellChecker::personalWordsPath()));

    MarkdownEditor other;
    setUpEditor(other, sample);
    QCOMPARE(underlined(other), QStringList{u"1:sentense"_s});
}

void TestSpellCheck::languageWithoutDictionaryTurnsCheckingOff()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    QCOMPARE(editor.spellLanguage(), m_english);
    if (m_english == u"en_US")
        QCOMPARE(editor.spellLanguage(), u"en_US"_s); // "en-us" picks en_US when it exists
    QCOMPARE(underlined(editor), QStringList{u"1:sentense"_s});

    editor.setSpellLanguage(u"fr"_s); // only English is on the search path
    QCOMPARE(editor.spellLanguage(), QString());
    QVERIFY(!editor.spellChecker()->isActive());
    QVERIFY(underlined(editor).isEmpty());
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    QVERIFY(actionsNamed(menu.get(), u"spellAdd"_s).isEmpty());

    // A Chinese post checks its English words with English.
    // The dictionary is read on the thread pool, not while the UI thread waits: named at once,
    // in use a moment later.
    editor.setSpellLanguage(u"zh-tw"_s);
    QCOMPARE(editor.spellLanguage(), m_english);
    QVERIFY(!editor.spellChecker()->isActive());
    QTRY_COMPARE(underlined(editor), QStringList{u"1:sentense"_s});
}

void TestSpellCheck::actionTurnsCheckingOff()
{
    requireEnglish();
    MarkdownEditor editor;
    setUpEditor(editor, sample);
    QAction *action = editor.spellCheckAction();
    QVERIFY(action->isCheckable());
    QVERIFY(action->isChecked());
    QCOMPARE(underlined(editor), QStringList{u"1:sentense"_s});

    // Only formats change: the window must not take this for an edit (render, autosave).
    QSignalSpy edits(editor.document(), &QTextDocument::contentsChanged);
    action->trigger();
    QVERIFY(!editor.isSpellCheckEnabled());
    QCOMPARE(edits.size(), 0);
    QVERIFY(underlined(editor).isEmpty());
    std::unique_ptr<QMenu> menu(editor.createSpellMenu(pointOn(editor, u"sentense"_s)));
    QVERIFY(actionsNamed(menu.get(), u"spellAdd"_s).isEmpty());

    editor.setSpellCheckEnabled(true);
    QVERIFY(action->isChecked());
    QCOMPARE(underlined(editor), QStringList{u"1:sentense"_s});
    QVERIFY(!editor.document()->isModified());
}

QTEST_MAIN(TestSpellCheck)
#include "tst_spellcheck.moc"
