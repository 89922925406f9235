// SPDX-License-Identifier: GPL-3.0-or-later
// The body editor of issue #4: Markdown/Hugo highlighting (fences hide everything inside),
// body-relative line/column navigation with CJK text, input-method typing, scrolling and zoom;
// its spelling action and the find bar follow a change of the interface language (issue #7).

#include "../testfiles.h"
#include "guitestutil.h"
#include "editor/findbar.h"
#include "editor/markdowneditor.h"
#include "editor/markdownhighlighter.h"
#include "editor/spellchecker.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace frontmark;
using Style = MarkdownHighlighter::Style;

static void preAppInit()
{
    test::useOffscreenWithoutDisplay();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

class TestMarkdownEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void highlightsHeadingsButNotInsideFences();
    void fenceClosesOnlyWithSameCharacterAndLength_data();
    void fenceClosesOnlyWithSameCharacterAndLength();
    void highlightsInlineSyntax_data();
    void highlightsInlineSyntax();
    void leavesPlainTextAlone_data();
    void leavesPlainTextAlone();
    void carriesShortcodesAndCommentsAcrossLines();
    void staysFastOnPathologicalLines_data();
    void staysFastOnPathologicalLines();
    void rehighlightsWhileTyping();
    void followsPaletteIntoDarkMode();
    void goesToLineAndColumnInCjkText();
    void typesCjkThroughInputMethod();
    void scrollsLineToTopWithoutMovingCursor();
    void zoomsWithinLimits();
    void highlightsTwoMegabyteDocument();
    void spellCheckActionFollowsTheLanguage();
    void findBarFollowsTheLanguage();
    void cleanup();
};

void TestMarkdownEditor::cleanup()
{
    // A failed language test must not leave the others in Chinese.
    if (installedUiLanguage() != u"en"_s)
        test::switchUiLanguage(u"en"_s);
}

static QString editorText(const char *source)
{
    return QCoreApplication::translate("frontmark::MarkdownEditor", source);
}

static QString findBarText(const char *source, int n = -1)
{
    return QCoreApplication::translate("frontmark::FindBar", source, nullptr, n);
}

// The format the highlighter gave the character at `position` of `block` (empty if none).
static QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

static QTextBlock blockAt(const MarkdownEditor &editor, int number)
{
    return editor.document()->findBlockByNumber(number);
}

static bool hasStyle(const MarkdownEditor &editor, const QTextCharFormat &format, Style style)
{
    return format.foreground() == editor.highlighter()->styleFormat(style).foreground();
}

static bool isHeading(const MarkdownEditor &editor, int blockNumber)
{
    const QTextCharFormat f = formatAt(blockAt(editor, blockNumber), 0);
    return f.fontWeight() == QFont::Bold && hasStyle(editor, f, Style::Heading);
}

// Every character of the block has the Code style and nothing else (no bold, no italic).
static bool isAllCode(const MarkdownEditor &editor, int blockNumber)
{
    const QTextBlock block = blockAt(editor, blockNumber);
    for (int i = 0; i < block.length() - 1; ++i) {
        const QTextCharFormat f = formatAt(block, i);
        if (!hasStyle(editor, f, Style::Code) || f.fontWeight() == QFont::Bold || f.fontItalic())
            return false;
    }
    return block.length() > 1;
}

void TestMarkdownEditor::highlightsHeadingsButNotInsideFences()
{
    MarkdownEditor editor;
    editor.setPlainText(u"# 標題 Heading\n"
                        u"\n"
                        u"Text *emphasis* and **strong** here\n"
                        u"```cpp\n"
                        u"# not a heading\n"
                        u"int x = *p; // *not emphasis* {{< nor a shortcode >}}\n"
                        u"```\n"
                        u"## After the fence\n"_s);
    QVERIFY(isHeading(editor, 0));
    QCOMPARE(formatAt(blockAt(editor, 0), 9).fontWeight(), QFont::Bold); // the whole line

    const QTextBlock prose = blockAt(editor, 2);
    QVERIFY(!formatAt(prose, 0).fontItalic());
    QVERIFY(formatAt(prose, 6).fontItalic());                            // "emphasis"
    QCOMPARE(formatAt(prose, int(prose.text().indexOf(u"strong"))).fontWeight(), QFont::Bold);

    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 3), 0), Style::CodeFence));
    QVERIFY(!isHeading(editor, 4));
    QVERIFY(isAllCode(editor, 4));
    QVERIFY(isAllCode(editor, 5));
    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 6), 0), Style::CodeFence));
    QVERIFY(isHeading(editor, 7));
}

void TestMarkdownEditor::fenceClosesOnlyWithSameCharacterAndLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("codeLine");    // 0-based block inside the fence
    QTest::addColumn<int>("headingLine"); // 0-based block after it

    QTest::newRow("shorter tilde run and backticks do not close a ~~~~ fence")
        << u"~~~~\n~~~\n```\n# still code\n~~~~~\n# heading"_s << 3 << 5;
    QTest::newRow("closing line with text after the run does not close")
        << u"```\n``` not a closer\n# inside\n```  \n# heading"_s << 2 << 4;
    QTest::newRow("longer backtick fence needs as many to close")
        << u"````md\n```\n# inside\n````\n# heading"_s << 2 << 4;
    QTest::newRow("fence indented in a list item") << u"- item\n\n    ```\n    # code\n    ```\n# heading"_s << 3 << 5;
}

void TestMarkdownEditor::fenceClosesOnlyWithSameCharacterAndLength()
{
    QFETCH(QString, text);
    QFETCH(int, codeLine);
    QFETCH(int, headingLine);
    MarkdownEditor editor;
    editor.setPlainText(text);
    QVERIFY(isAllCode(editor, codeLine));
    QVERIFY(isHeading(editor, headingLine));
}

void TestMarkdownEditor::highlightsInlineSyntax_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("style");

    const auto row = [](const char *name, const QString &line, const QString &fragment, Style style) {
        QTest::newRow(name) << line << fragment << static_cast<int>(style);
    };
    row("angle shortcode", u"看 {{< youtube id=\"abc\" >}} 影片"_s, u"{{< youtube id=\"abc\" >}}"_s, Style::Shortcode);
    row("percent shortcode", u"{{% notice tip %}}小心{{% /notice %}}"_s, u"{{% /notice %}}"_s, Style::Shortcode);
    row("code span", u"Run `hugo server -D` now"_s, u"`hugo server -D`"_s, Style::Code);
    row("double-backtick code span", u"a ``x ` y`` b"_s, u"``x ` y``"_s, Style::Code);
    row("link text", u"見 [文件](https://gohugo.io/) 說明"_s, u"[文件]"_s, Style::LinkText);
    row("link destination dimmed", u"見 [文件](https://gohugo.io/) 說明"_s, u"(https://gohugo.io/)"_s, Style::LinkUrl);
    row("image alt", u"![一隻貓](images/cat.png \"貓\")"_s, u"![一隻貓]"_s, Style::LinkText);
    row("image source dimmed", u"![一隻貓](images/cat.png \"貓\")"_s, u"(images/cat.png \"貓\")"_s, Style::LinkUrl);
    row("reference link label", u"[text][ref] b"_s, u"[ref]"_s, Style::LinkUrl);
    row("autolink", u"see <https://example.com/a> now"_s, u"<https://example.com/a>"_s, Style::LinkUrl);
    row("HTML comment", u"a <!-- 註解 --> b"_s, u"<!-- 註解 -->"_s, Style::Comment);
    row("bullet marker", u"- 項目"_s, u"-"_s, Style::ListMarker);
    row("ordered marker", u"12. item"_s, u"12."_s, Style::ListMarker);
    row("task box", u"* [x] done"_s, u"[x]"_s, Style::ListMarker);
    row("thematic break", u"* * *"_s, u"* * *"_s, Style::ListMarker);
    row("quote marker", u"> 引用"_s, u">"_s, Style::ListMarker);
    row("quoted text", u"> 引用"_s, u"引用"_s, Style::Quote);
    row("reference definition", u"[hugo]: https://gohugo.io \"Hugo\""_s, u"https://gohugo.io \"Hugo\""_s, Style::LinkUrl);
    row("strikethrough", u"a ~~gone~~ b"_s, u"~~gone~~"_s, Style::Strikethrough);
}

void TestMarkdownEditor::highlightsInlineSyntax()
{
    QFETCH(QString, line);
    QFETCH(QString, fragment);
    QFETCH(int, style);
    MarkdownEditor editor;
    editor.setPlainText(line);
    const QTextBlock block = blockAt(editor, 0);
    const int start = int(line.indexOf(fragment));
    QVERIFY(start >= 0);
    for (int i = start; i < start + fragment.size(); ++i)
        QVERIFY2(hasStyle(editor, formatAt(block, i), static_cast<Style>(style)), qPrintable(u"at %1"_s.arg(i)));
    // The style ends with the fragment (and does not leak into plain text after it).
    if (start + fragment.size() < line.size() && style != static_cast<int>(Style::Quote))
        QVERIFY(!hasStyle(editor, formatAt(block, start + int(fragment.size())), static_cast<Style>(style)));
}

void TestMarkdownEditor::leavesPlainTextAlone_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("intraword underscores") << u"snake_case_name and foo_bar_"_s;
    QTest::newRow("spaced asterisks") << u"2 * 3 * 4"_s;
    QTest::newRow("escaped emphasis") << u"\\*not emphasis\\*"_s;
    QTest::newRow("hashtag is no heading") << u"#hashtag 中文"_s;
    QTest::newRow("seven hashes is no heading") << u"####### seven"_s;
    QTest::newRow("brackets without destination") << u"[just brackets] and (parens)"_s;
    QTest::newRow("unclosed code span") << u"a `b c"_s;
    QTest::newRow("two backticks is no fence") << u"``"_s;
    QTest::newRow("CJK prose") << u"今天天氣很好，我們去公園散步。"_s;
}

void TestMarkdownEditor::leavesPlainTextAlone()
{
    QFETCH(QString, line);
    MarkdownEditor editor;
    editor.setPlainText(line);
    const QList<QTextLayout::FormatRange> ranges = blockAt(editor, 0).layout()->formats();
    QVERIFY2(ranges.isEmpty(), qPrintable(u"formatted from %1"_s.arg(ranges.value(0).start)));
}

void TestMarkdownEditor::staysFastOnPathologicalLines_data()
{
    QTest::addColumn<QString>("unit");
    QTest::newRow("unclosed brackets") << u"[a "_s;
    QTest::newRow("unclosed emphasis") << u"*a _b ~~c "_s;
    QTest::newRow("nested brackets") << u"[[(("_s;
    QTest::newRow("backtick runs of growing length") << u"` `` ``` "_s;
}

// One 200 KB line of openers without closers: every search may fail, but their cost is
// bounded by the line's budget, so this takes milliseconds, not minutes.
void TestMarkdownEditor::staysFastOnPathologicalLines()
{
    QFETCH(QString, unit);
    const QString line = unit.repeated(200 * 1024 / unit.size());
    MarkdownEditor editor;
    QElapsedTimer timer;
    timer.start();
    editor.setPlainText(line);
    const qint64 ms = timer.elapsed();
    qInfo("%s: %lld ms", QTest::currentDataTag(), static_cast<long long>(ms));
    QVERIFY2(ms < 5000, qPrintable(u"took %1 ms"_s.arg(ms)));
}

void TestMarkdownEditor::carriesShortcodesAndCommentsAcrossLines()
{
    MarkdownEditor editor;
    editor.setPlainText(u"{{< figure\n"
                        u"  src=\"a.png\"\n"
                        u"  caption=\"說明\" >}} after\n"
                        u"<!--\n"
                        u"# not a heading\n"
                        u"-->\n"
                        u"# heading\n"
                        u"{{< unclosed\n"
                        u"\n"
                        u"# heading after a blank line\n"_s);
    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 1), 3), Style::Shortcode));
    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 2), 15), Style::Shortcode)); // ">}}"
    QVERIFY(!hasStyle(editor, formatAt(blockAt(editor, 2), 20), Style::Shortcode)); // "after"
    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 4), 2), Style::Comment));
    QVERIFY(!isHeading(editor, 4));
    QVERIFY(isHeading(editor, 6));
    QVERIFY(hasStyle(editor, formatAt(blockAt(editor, 7), 5), Style::Shortcode));
    QVERIFY(isHeading(editor, 9));
}

void TestMarkdownEditor::rehighlightsWhileTyping()
{
    MarkdownEditor editor;
    editor.setPlainText(u"# one\ntwo"_s);
    editor.moveCursor(QTextCursor::Start);
    QTest::keyClicks(&editor, u"```"_s);
    QTest::keyClick(&editor, Qt::Key_Return);
    QVERIFY(isAllCode(editor, 1)); // "# one" is inside the new fence now
    QVERIFY(isAllCode(editor, 2));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, u"```"_s);
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, u"# three"_s);
    QVERIFY(isHeading(editor, 4));
}

void TestMarkdownEditor::followsPaletteIntoDarkMode()
{
    MarkdownEditor editor;
    editor.setPlainText(u"# Heading"_s);
    QPalette dark = editor.palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    editor.setPalette(dark);
    QVERIFY(editor.highlighter()->isDarkMode());
    const QColor darkHeading = formatAt(blockAt(editor, 0), 0).foreground().color();
    QVERIFY2(darkHeading.lightnessF() > 0.6f, qPrintable(darkHeading.name()));

    QPalette light = editor.palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    editor.setPalette(light);
    QVERIFY(!editor.highlighter()->isDarkMode());
    const QColor lightHeading = formatAt(blockAt(editor, 0), 0).foreground().color();
    QVERIFY2(lightHeading.lightnessF() < 0.45f, qPrintable(lightHeading.name()));
}

void TestMarkdownEditor::goesToLineAndColumnInCjkText()
{
    MarkdownEditor editor;
    editor.setPlainText(u"第一行\n第二行有𠮷字\n第三行"_s);
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.clearFocus();
    QSignalSpy moved(&editor, &MarkdownEditor::cursorPositionMoved);

    editor.goToLine(2, 6); // 第 二 行 有 𠮷 | 字: column 6 is before 字, 𠮷 counts once
    QCOMPARE(editor.currentLine(), 2);
    QCOMPARE(editor.currentColumn(), 6);
    QCOMPARE(editor.textCursor().positionInBlock(), 6); // 𠮷 is two UTF-16 units
    QCOMPARE(editor.document()->characterAt(editor.textCursor().position()), QChar(u'字'));
    QTRY_VERIFY(editor.hasFocus());
    QVERIFY(!moved.isEmpty());
    QCOMPARE(moved.last(), (QList<QVariant>{2, 6}));

    editor.goToLine(99, 99); // clamped to the end of the last line
    QCOMPARE(editor.currentLine(), 3);
    QCOMPARE(editor.currentColumn(), 4);
    QCOMPARE(moved.last(), (QList<QVariant>{3, 4}));
    editor.goToLine(0, 0);
    QCOMPARE(editor.currentLine(), 1);
    QCOMPARE(editor.currentColumn(), 1);

    editor.moveCursor(QTextCursor::Down);
    editor.moveCursor(QTextCursor::EndOfLine);
    QCOMPARE(editor.currentColumn(), 7);
}

void TestMarkdownEditor::typesCjkThroughInputMethod()
{
    MarkdownEditor editor;
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    editor.setFocus();
    QVERIFY(editor.testAttribute(Qt::WA_InputMethodEnabled));

    QInputMethodEvent preedit(u"zhong"_s, {});
    QCoreApplication::sendEvent(&editor, &preedit);
    QCOMPARE(editor.toPlainText(), QString()); // a preedit string is shown, not yet text

    QInputMethodEvent commit;
    commit.setCommitString(u"中文"_s);
    QCoreApplication::sendEvent(&editor, &commit);
    QCOMPARE(editor.toPlainText(), u"中文"_s);

    QInputMethodEvent extensionB;
    extensionB.setCommitString(u"𠮷"_s);
    QCoreApplication::sendEvent(&editor, &extensionB);
    QCOMPARE(editor.toPlainText(), u"中文𠮷"_s);
    QCOMPARE(editor.currentColumn(), 4);

    // Some input methods deliver committed text as key events instead.
    QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, u"字"_s);
    QCoreApplication::sendEvent(&editor, &press);
    QCOMPARE(editor.toPlainText(), u"中文𠮷字"_s);
}

void TestMarkdownEditor::scrollsLineToTopWithoutMovingCursor()
{
    MarkdownEditor editor;
    QStringList lines;
    for (int i = 1; i <= 1000; ++i) // every third line wraps several times
        lines.append(i % 3 == 0 ? u"第%1行 "_s.arg(i) + u"很長的一段文字，"_s.repeated(30) : u"Line %1"_s.arg(i));
    editor.setPlainText(lines.join(u'\n'));
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.topVisibleLine(), 1);
    QSignalSpy top(&editor, &MarkdownEditor::topVisibleLineChanged);

    editor.scrollToLine(500);
    QCOMPARE(editor.topVisibleLine(), 500);
    QCOMPARE(top.size(), 1);
    QCOMPARE(top.last().at(0).toInt(), 500);
    QCOMPARE(editor.currentLine(), 1);

    editor.scrollToLine(500); // no change, no signal
    QCOMPARE(top.size(), 1);
    editor.scrollToLine(123);
    QCOMPARE(editor.topVisibleLine(), 123);
    QCOMPARE(top.last().at(0).toInt(), 123);
    editor.verticalScrollBar()->setValue(0);
    QCOMPARE(top.last().at(0).toInt(), 1);
}

void TestMarkdownEditor::zoomsWithinLimits()
{
    MarkdownEditor editor;
    const int initial = editor.font().pointSize();
    QCOMPARE(initial, editor.defaultPointSize());
    QVERIFY(initial >= 11);
    editor.zoomBy(3);
    QCOMPARE(editor.font().pointSize(), initial + 3);
    editor.zoomBy(-100);
    QCOMPARE(editor.font().pointSize(), 6);
    editor.zoomBy(100);
    QCOMPARE(editor.font().pointSize(), 48);
    editor.resetZoom();
    QCOMPARE(editor.font().pointSize(), initial);

    const auto ctrlWheel = [&editor](int angle) {
        const QPointF at(10, 10);
        QWheelEvent wheel(at, editor.viewport()->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(editor.viewport(), &wheel);
    };
    ctrlWheel(120);
    QCOMPARE(editor.font().pointSize(), initial + 1);
    ctrlWheel(60); // half a notch from a touchpad: nothing yet
    QCOMPARE(editor.font().pointSize(), initial + 1);
    ctrlWheel(60);
    QCOMPARE(editor.font().pointSize(), initial + 2);
    ctrlWheel(-240);
    QCOMPARE(editor.font().pointSize(), initial);
    QCOMPARE(editor.tabStopDistance(), QFontMetricsF(editor.font()).horizontalAdvance(u' ') * 4);
}

void TestMarkdownEditor::highlightsTwoMegabyteDocument()
{
    const QString section = u"## 第 %1 節：晶片之島\n\n"
                            u"台灣的半導體產業用電量持續成長，*尤其是* **先進製程**。According to [the report]"
                            u"(https://example.com/report \"Report\") demand grows `10%` a year.\n"
                            u"{{< figure src=\"/img/fab.jpg\" caption=\"晶圓廠\" >}}\n\n"
                            u"- 再生能源 renewable energy\n- ~~煤~~ 天然氣\n1. 第一\n> 引用一段話 with _emphasis_\n\n"
                            u"```go\nfunc main() {\n\t# not a heading\n\tfmt.Println(\"hello, 世界\")\n}\n```\n"
                            u"<!-- 註解 -->\n\n"_s;
    QString body;
    int sections = 0;
    while (body.toUtf8().size() < 2 * 1024 * 1024) { // UTF-8 size, as the file on disk
        QString chunk;
        for (int i = 0; i < 200; ++i)
            chunk += section.arg(++sections);
        body += chunk;
    }

    MarkdownEditor editor;
    QElapsedTimer timer;
    timer.start();
    editor.setPlainText(body);
    const qint64 loadMs = timer.elapsed();
    timer.restart();
    editor.highlighter()->rehighlight();
    const qint64 rehighlightMs = timer.elapsed();
    qInfo("2 MiB document (%d lines, %d sections): setPlainText with highlighting %lld ms, rehighlight() %lld ms",
          editor.blockCount(), sections, static_cast<long long>(loadMs), static_cast<long long>(rehighlightMs));

    // The last section is highlighted like the first: the fence states came through intact.
    const QTextBlock lastHeading = editor.document()->find(u"## 第 %1 節"_s.arg(sections)).block();
    QVERIFY(lastHeading.isValid());
    QVERIFY(isHeading(editor, lastHeading.blockNumber()));
    const QTextBlock lastFenced = editor.document()->find(u"# not a heading"_s, QTextCursor(editor.document()->lastBlock()),
                                                         QTextDocument::FindBackward).block();
    QVERIFY(isAllCode(editor, lastFenced.blockNumber()));
}

void TestMarkdownEditor::spellCheckActionFollowsTheLanguage()
{
    QStandardPaths::setTestModeEnabled(true); // the personal word list is not the user's
    // A dictionary of our own, so that the tool tip names one whatever the system has.
    QTemporaryDir dictionaries;
    QVERIFY(dictionaries.isValid());
    QVERIFY(test::writeFile(dictionaries.filePath(u"en_US.aff"_s), "SET UTF-8\n"_ba));
    QVERIFY(test::writeFile(dictionaries.filePath(u"en_US.dic"_s), "1\nhello\n"_ba));
    MarkdownEditor editor;
    editor.spellChecker()->setSearchPaths({dictionaries.path()});
    editor.setPlainText(u"Hello wrold\n中文\n"_s);
    editor.setSpellLanguage(u"en-us"_s);
    QCOMPARE(editor.spellLanguage(), u"en_US"_s);
    QAction *action = editor.spellCheckAction();
    action->setChecked(false);
    QTextCursor cursor = editor.textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u"!"_s);
    cursor.setPosition(2);
    cursor.setPosition(8, QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
    const QString text = editor.toPlainText();
    QCOMPARE(action->text(), u"Check &Spelling"_s);
    QCOMPARE(action->toolTip(), u"Check spelling with the en_US dictionary"_s);

    QSignalSpy textChanged(&editor, &QPlainTextEdit::textChanged);
    QSignalSpy toggled(action, &QAction::toggled);
    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    QVERIFY(editorText("Check &Spelling") != u"Check &Spelling"_s);
    QCOMPARE(action->text(), editorText("Check &Spelling"));
    QCOMPARE(action->toolTip(), editorText("Check spelling with the %1 dictionary").arg(u"en_US"_s));
    QVERIFY(!action->toolTip().startsWith(u"Check"_s));
    QCOMPARE(action->statusTip(), action->toolTip());
    // The user's text, selection, undo history and choice are untouched.
    QCOMPARE(editor.toPlainText(), text);
    QCOMPARE(editor.textCursor().anchor(), 2);
    QCOMPARE(editor.textCursor().position(), 8);
    QVERIFY(editor.document()->isModified());
    QVERIFY(editor.document()->isUndoAvailable());
    QVERIFY(!action->isChecked());
    QVERIFY(!editor.isSpellCheckEnabled());
    QCOMPARE(textChanged.count(), 0);
    QCOMPARE(toggled.count(), 0);

    // Back in English, the tool tip is made from the dictionary in use now (none for French).
    editor.setSpellLanguage(u"fr"_s);
    QCOMPARE(action->toolTip(), editorText("No spelling dictionary is installed for this post’s language"));
    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(action->text(), u"Check &Spelling"_s);
    QCOMPARE(action->toolTip(), u"No spelling dictionary is installed for this post’s language"_s);
    QCOMPARE(action->statusTip(), action->toolTip());
    QCOMPARE(textChanged.count(), 0);
    QCOMPARE(toggled.count(), 0);
}

void TestMarkdownEditor::findBarFollowsTheLanguage()
{
    MarkdownEditor editor;
    editor.setPlainText(u"one two one two one\n"_s);
    FindBar bar(&editor);
    auto *status = bar.findChild<QLabel *>(u"findStatus"_s);
    auto *find = bar.findChild<QLineEdit *>(u"findEdit"_s);
    auto *replace = bar.findChild<QLineEdit *>(u"replaceEdit"_s);
    auto *matchCase = bar.findChild<QCheckBox *>(QString(), Qt::FindDirectChildrenOnly);
    auto *close = bar.findChild<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(status && find && replace && matchCase && close);
    const auto buttonTexts = [&bar] {
        QStringList texts;
        for (const QPushButton *button : bar.findChildren<QPushButton *>(QString(), Qt::FindDirectChildrenOnly))
            texts.append(button->text());
        return texts;
    };
    const QStringList english{u"Next"_s, u"Previous"_s, u"Replace"_s, u"Replace All"_s};
    QCOMPARE(buttonTexts(), english);

    bar.setSearchText(u"one"_s);
    bar.setReplaceText(u"1"_s);
    matchCase->setChecked(true);
    QCOMPARE(bar.replaceAll(), 3);
    QCOMPARE(status->text(), u"3 replaced"_s);
    const QString text = editor.toPlainText();
    const int position = editor.textCursor().position();

    QSignalSpy textChanged(&editor, &QPlainTextEdit::textChanged);
    QSignalSpy findEdited(find, &QLineEdit::textChanged);
    QSignalSpy replaceEdited(replace, &QLineEdit::textChanged);
    QSignalSpy caseToggled(matchCase, &QCheckBox::toggled);
    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    // The status of the last search is said again in the new language.
    QVERIFY(findBarText("%n replaced", 3) != u"3 replaced"_s);
    QCOMPARE(status->text(), findBarText("%n replaced", 3));
    QVERIFY(findBarText("Find") != u"Find"_s);
    QCOMPARE(find->placeholderText(), findBarText("Find"));
    QCOMPARE(replace->placeholderText(), findBarText("Replace with"));
    QCOMPARE(matchCase->text(), findBarText("Match case"));
    QCOMPARE(close->toolTip(), findBarText("Close (Esc)"));
    QCOMPARE(buttonTexts(), (QStringList{findBarText("Next"), findBarText("Previous"), findBarText("Replace"),
                                         findBarText("Replace All")}));
    QVERIFY(buttonTexts() != english);
    // What the user typed and chose, and the editor, are untouched.
    QCOMPARE(find->text(), u"one"_s);
    QCOMPARE(replace->text(), u"1"_s);
    QVERIFY(matchCase->isChecked());
    QCOMPARE(editor.toPlainText(), text);
    QCOMPARE(editor.textCursor().position(), position);
    QVERIFY(editor.document()->isUndoAvailable());
    QCOMPARE(textChanged.count(), 0);
    QCOMPARE(findEdited.count(), 0);
    QCOMPARE(replaceEdited.count(), 0);
    QCOMPARE(caseToggled.count(), 0);

    // A status shown in Chinese comes back in English, as do the rest.
    bar.setSearchText(u"absent"_s);
    QVERIFY(!bar.findNext());
    QCOMPARE(status->text(), findBarText("Not found"));
    QVERIFY(status->text() != u"Not found"_s);
    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(status->text(), u"Not found"_s);
    QCOMPARE(find->placeholderText(), u"Find"_s);
    QCOMPARE(replace->placeholderText(), u"Replace with"_s);
    QCOMPARE(matchCase->text(), u"Match case"_s);
    QCOMPARE(close->toolTip(), u"Close (Esc)"_s);
    QCOMPARE(buttonTexts(), english);
    QCOMPARE(editor.toPlainText(), text);
    QCOMPARE(textChanged.count(), 0);
}

QTEST_MAIN(TestMarkdownEditor)
#include "tst_markdowneditor.moc"
