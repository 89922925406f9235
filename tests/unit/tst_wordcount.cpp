// SPDX-License-Identifier: GPL-3.0-or-later
// Word count of a post body (issue #4): CJK characters and space-separated words, with the
// Markdown and Hugo syntax that is not prose left out, and the reading time derived from both.

#include "text/wordcount.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestWordCount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsWords_data();
    void countsWords();
    void countsWholeCjkBlocks();
    void countsCharacters_data();
    void countsCharacters();
    void estimatesReadingTime_data();
    void estimatesReadingTime();
    void countsTwoMegabyteBodyQuickly();
    void staysLinearOnUnclosedSyntax_data();
    void staysLinearOnUnclosedSyntax();
};

void TestWordCount::countsWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cjk");
    QTest::addColumn<int>("latin");

    QTest::newRow("Chinese sentence, fullwidth punctuation") << u"今天天氣很好，我們去公園散步。"_s << 13 << 0;
    QTest::newRow("English sentence") << u"The quick brown fox jumps over the lazy dog."_s << 0 << 9;
    QTest::newRow("mixed Chinese, Latin and a digit") << u"我用 Qt 6 寫程式"_s << 5 << 2;
    QTest::newRow("Hiragana and Katakana") << u"ひらがなとカタカナ"_s << 9 << 0;
    QTest::newRow("Katakana prolonged sound mark") << u"コーヒーを飲む。"_s << 7 << 0;
    QTest::newRow("Korean syllables") << u"안녕하세요, 세계!"_s << 7 << 0;
    QTest::newRow("CJK punctuation only") << u"，。「」！？、…『』"_s << 0 << 0;
    QTest::newRow("Greek and Cyrillic words") << u"Καλημέρα κόσμε, привет мир"_s << 0 << 4;
    QTest::newRow("combining accent stays in its word") << u"cafe\u0301 ok"_s << 0 << 2;
    QTest::newRow("surrogate-pair ideograph alone") << u"𠮷"_s << 1 << 0;
    QTest::newRow("surrogate-pair ideograph in a name") << u"𠮷野家 rocks"_s << 3 << 1;
    QTest::newRow("apostrophes join") << u"don't stop, it’s fine"_s << 0 << 4;
    QTest::newRow("hyphens and underscores join") << u"e-mail state-of-the-art snake_case"_s << 0 << 3;
    QTest::newRow("double hyphen and em dash split") << u"yes -- no, well—done"_s << 0 << 4;
    QTest::newRow("decimal point and thousands separator join digits") << u"3.14 and 1,000 end."_s << 0 << 4;
    QTest::newRow("Hugo shortcode arguments skipped")
        << u"Watch {{< youtube id=\"dQw4w9WgXcQ\" title=\"My video\" >}} now."_s << 0 << 2;
    QTest::newRow("paired shortcode: inner text counts")
        << u"{{% notice tip %}}Be careful{{% /notice %}}"_s << 0 << 2;
    QTest::newRow("shortcode across lines")
        << u"前{{< figure\n  src=\"a.png\"\n  caption=\"說明文字\" >}}後"_s << 2 << 0;
    QTest::newRow("escaped shortcode skipped") << u"{{</* gist spf13 7896402 */>}} shows"_s << 0 << 1;
    QTest::newRow("unclosed shortcode read as prose") << u"a {{< b"_s << 0 << 2;
    QTest::newRow("link destination skipped, link text counted")
        << u"Read [the Hugo docs](https://gohugo.io/content-management/ \"Hugo docs\") today"_s << 0 << 5;
    QTest::newRow("image source skipped, alt text counted") << u"![一隻貓 sleeping](images/cat-1.png)"_s << 3 << 1;
    QTest::newRow("parentheses inside a destination")
        << u"[wiki](https://en.wikipedia.org/wiki/Qt_(software)) ok"_s << 0 << 2;
    QTest::newRow("HTML comment across lines skipped") << u"before <!-- hidden words\nhere --> after"_s << 0 << 2;
    QTest::newRow("HTML tags skipped") << u"<span class=\"note\">紅色</span> text"_s << 2 << 1;
    QTest::newRow("autolink skipped") << u"see <https://example.com/path>"_s << 0 << 1;
    QTest::newRow("bare URL skipped") << u"see https://example.com/a-b?x=1 and 網站"_s << 2 << 2;
    QTest::newRow("Markdown markers are no words")
        << u"# Title\n\n- item one\n* item two\n1. three\n> 2) four\n\n> **bold** and _it_ ~~gone~~"_s << 0 << 11;
    QTest::newRow("inline and fenced code count")
        << u"Run `hugo server` now\n\n```go\nfmt.Println(x)\n```\n"_s << 0 << 8;
    QTest::newRow("empty") << QString() << 0 << 0;
    QTest::newRow("spaces, tabs, newlines, ideographic space") << u"  \n\t\u3000 \r\n"_s << 0 << 0;
}

void TestWordCount::countsWords()
{
    QFETCH(QString, text);
    QFETCH(int, cjk);
    QFETCH(int, latin);
    const TextStats stats = countText(text);
    QCOMPARE(stats.cjkCharacters, cjk);
    QCOMPARE(stats.latinWords, latin);
    QCOMPARE(stats.words, cjk + latin);
}

// countText() takes the big CJK blocks as letters without a table look-up; Qt's Unicode
// tables must agree, code point by code point.
void TestWordCount::countsWholeCjkBlocks()
{
    const std::pair<char32_t, char32_t> blocks[] = {
        {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}};
    for (const auto &[first, last] : blocks) {
        for (char32_t cp = first; cp <= last; ++cp) {
            const QChar::Script script = QChar::script(cp);
            const bool cjk = script == QChar::Script_Han || script == QChar::Script_Hiragana
                || script == QChar::Script_Katakana || script == QChar::Script_Hangul;
            QVERIFY2(cjk && QChar::isLetter(cp), qPrintable(u"U+"_s + QString::number(uint(cp), 16)));
        }
    }
    QCOMPARE(countText(u"\u9FFF\uD7A3\u3041\u30FA"_s).cjkCharacters, 4);
}

void TestWordCount::countsCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("characters");

    QTest::newRow("Latin, CJK and punctuation; spaces left out") << u"Hello, 世界!"_s << 9;
    QTest::newRow("shortcode adds nothing") << u"a {{< x y=\"z\" >}} b"_s << 2;
    QTest::newRow("link brackets count, destination does not") << u"[連結](http://x.y)"_s << 4;
    QTest::newRow("list markers count as characters") << u"1. item\n- x"_s << 8;
    QTest::newRow("combining mark adds nothing") << u"e\u0301"_s << 1;
    QTest::newRow("surrogate pair is one character") << u"𠮷"_s << 1;
    QTest::newRow("lone surrogate is one character") << QString(QChar(0xD842)) << 1;
    QTest::newRow("whitespace only") << u"  \n \u3000"_s << 0;
}

void TestWordCount::countsCharacters()
{
    QFETCH(QString, text);
    QFETCH(int, characters);
    QCOMPARE(countText(text).characters, characters);
}

void TestWordCount::estimatesReadingTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minutes");

    const QString latinWord = u"word "_s;
    const QString ideograph = u"字"_s;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("punctuation only") << u"。！ -- ..."_s << 0;
    QTest::newRow("one word") << u"hello"_s << 1;
    QTest::newRow("200 Latin words") << latinWord.repeated(200) << 1;
    QTest::newRow("201 Latin words") << latinWord.repeated(201) << 2;
    QTest::newRow("300 CJK characters") << ideograph.repeated(300) << 1;
    QTest::newRow("301 CJK characters") << ideograph.repeated(301) << 2;
    QTest::newRow("150 CJK + 100 Latin: one minute") << ideograph.repeated(150) + u' ' + latinWord.repeated(100) << 1;
    QTest::newRow("151 CJK + 100 Latin: rounds up") << ideograph.repeated(151) + u' ' + latinWord.repeated(100) << 2;
    QTest::newRow("600 CJK + 400 Latin") << ideograph.repeated(600) + u' ' + latinWord.repeated(400) << 4;
}

void TestWordCount::estimatesReadingTime()
{
    QFETCH(QString, text);
    QFETCH(int, minutes);
    QCOMPARE(countText(text).readingMinutes, minutes);
}

void TestWordCount::countsTwoMegabyteBodyQuickly()
{
    const QString paragraph = u"## 晶片之島的能源問題\n\n"
                              u"台灣的半導體產業用電量持續成長，{{< figure src=\"/img/fab.jpg\" caption=\"晶圓廠\" >}} "
                              u"according to [TSMC's report](https://www.tsmc.com/english/csr \"CSR\") the fab's "
                              u"demand grows 10.5% a year, see https://example.com/energy.\n"
                              u"- 再生能源 renewable energy 𠮷\n- `power_usage()` returns kWh\n\n"
                              u"<!-- TODO: 補上資料來源 -->\n"
                              u"```go\nfmt.Println(\"hello, 世界\")\n```\n\n"_s;
    const qsizetype utf8PerParagraph = paragraph.toUtf8().size();
    const qsizetype repetitions = (2 * 1024 * 1024 + utf8PerParagraph - 1) / utf8PerParagraph;
    const QString body = paragraph.repeated(repetitions);
    const TextStats one = countText(paragraph);
    QVERIFY(one.words > 0);

    QList<qint64> nanoseconds;
    TextStats stats;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        stats = countText(body);
        nanoseconds.append(timer.nsecsElapsed());
    }
    std::sort(nanoseconds.begin(), nanoseconds.end());
    qInfo("countText: 2 MiB body (UTF-8; %lld UTF-16 units, %d words): median %.2f ms of 5 runs",
          static_cast<long long>(body.size()), stats.words, static_cast<double>(nanoseconds.at(2)) / 1e6);
    QCOMPARE(stats.words, int(repetitions) * one.words);
    QCOMPARE(stats.cjkCharacters, int(repetitions) * one.cjkCharacters);
    QCOMPARE(stats.characters, int(repetitions) * one.characters);
}

void TestWordCount::staysLinearOnUnclosedSyntax_data()
{
    QTest::addColumn<QString>("unit");
    QTest::newRow("unclosed shortcodes") << u"{{< a "_s;
    QTest::newRow("unclosed percent shortcodes") << u"{{% a "_s;
    QTest::newRow("unclosed comments") << u"<!-- a "_s;
    QTest::newRow("unclosed tags") << u"<a b "_s;
    QTest::newRow("unclosed destinations") << u"[x](y "_s;
    QTest::newRow("nested destinations") << u"]((( "_s;
}

// A search for a closer that fails must not be repeated for every opener: 1 MiB of openers
// would take minutes if the pass were quadratic.
void TestWordCount::staysLinearOnUnclosedSyntax()
{
    QFETCH(QString, unit);
    const QString body = unit.repeated(1024 * 1024 / unit.size());
    QElapsedTimer timer;
    timer.start();
    const TextStats stats = countText(body);
    const qint64 ms = timer.elapsed();
    qInfo("%s: %lld ms", QTest::currentDataTag(), static_cast<long long>(ms));
    QVERIFY(stats.characters > 0);
    QVERIFY2(ms < 2000, qPrintable(u"took %1 ms"_s.arg(ms)));
}

QTEST_GUILESS_MAIN(TestWordCount)
#include "tst_wordcount.moc"
