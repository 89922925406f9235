// SPDX-License-Identifier: GPL-3.0-or-later
// FrontMatter: typed values from YAML, TOML and JSON; keys in file order; lossless in-place
// edits (quote style, comments, key order, CRLF), appends and removals in the block's own
// style; located errors for blocks that do not parse; DateTimeValue and parseValueText.
// Edits are checked on the block's bytes, so a changed quote or a dropped "\r" fails.

#include "document/frontmatter.h"
#include "document/value.h"
#include "document/valuetext.h"

#include <QScopeGuard>
#include <QTest>

#include <ctime>
#include <initializer_list>

using namespace Qt::StringLiterals;
using namespace frontmark;

Q_DECLARE_METATYPE(frontmark::FrontMatterFormat)
Q_DECLARE_METATYPE(frontmark::Value)
Q_DECLARE_METATYPE(frontmark::DateTimeValue::Kind)

namespace frontmark {
// Readable QCOMPARE failures (found by argument-dependent lookup).
static char *toString(const Value &v)
{
    return QTest::toString(Value::typeName(v.type()) + u": "_s + v.toDisplayString());
}
static char *toString(DateTimeValue::Kind kind)
{
    switch (kind) {
    case DateTimeValue::Kind::Date: return qstrdup("Date");
    case DateTimeValue::Kind::LocalDateTime: return qstrdup("LocalDateTime");
    case DateTimeValue::Kind::OffsetDateTime: return qstrdup("OffsetDateTime");
    }
    return qstrdup("?");
}
static char *toString(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Io: return qstrdup("Io");
    case Error::Kind::Syntax: return qstrdup("Syntax");
    case Error::Kind::Invalid: return qstrdup("Invalid");
    case Error::Kind::Unsupported: return qstrdup("Unsupported");
    }
    return qstrdup("?");
}
} // namespace frontmark

namespace {

Value listOf(std::initializer_list<Value> items)
{
    return Value(Value::List(items));
}

Value mapOf(std::initializer_list<std::pair<QString, Value>> items)
{
    return Value::fromMap(Value::Map(items));
}

Value dateOf(const QString &text)
{
    const auto dt = DateTimeValue::parse(text);
    return dt ? Value(*dt) : Value(u"<unparsable date "_s + text + u'>');
}

QString errorText(const Status &s)
{
    return s.ok() ? QString() : s.error().toString();
}

QString blockError(const FrontMatter &fm)
{
    return fm.isValid() ? QString() : fm.error()->toString();
}

// "+HH:MM" / "-HH:MM" for an offset in seconds.
QString offsetSuffix(int seconds)
{
    const int abs = seconds < 0 ? -seconds : seconds;
    return (seconds < 0 ? u"-"_s : u"+"_s)
        + u"%1:%2"_s.arg(abs / 3600, 2, 10, QChar(u'0')).arg((abs % 3600) / 60, 2, 10, QChar(u'0'));
}

} // namespace

class TestFrontMatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTypedValuesInFileOrder_data();
    void readsTypedValuesInFileOrder();
    void readsDatesWithKindAndOffset_data();
    void readsDatesWithKindAndOffset();
    void tomlTableIsListedButNotEditable();

    void setValueKeepsTheBlockStyle_data();
    void setValueKeepsTheBlockStyle();
    void setValueAppendsNewKeyInBlockStyle_data();
    void setValueAppendsNewKeyInBlockStyle();
    void removeDropsOnlyThatKeysLines_data();
    void removeDropsOnlyThatKeysLines();
    void settingCurrentValueChangesNoByte_data();
    void settingCurrentValueChangesNoByte();
    void yamlQuotesValuesThatNeedIt_data();
    void yamlQuotesValuesThatNeedIt();
    void multiLineStringBecomesLiteralBlock_data();
    void multiLineStringBecomesLiteralBlock();

    void parsesDateText_data();
    void parsesDateText();
    void setValueWritesEveryParsedDateForm_data();
    void setValueWritesEveryParsedDateForm();
    void nowEndsWithLocalOffset_data();
    void nowEndsWithLocalOffset();

    void reportsInvalidBlockAtFileLine_data();
    void reportsInvalidBlockAtFileLine();
    void invalidBlockRefusesEditsAndKeepsBytes();
    void setBytesWithFixedBlockMakesItValid();

    void parsesValueText_data();
    void parsesValueText();
};

// ---- reading ----------------------------------------------------------------------------

void TestFrontMatter::readsTypedValuesInFileOrder_data()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<Value>("expected"); // a map: every key, in file order

    QTest::newRow("yaml") << FrontMatterFormat::Yaml
                          << "title: Hello world\n"
                             "quoted_true: \"true\"\n"
                             "single_num: '123'\n"
                             "draft: yes\n"
                             "published: no\n"
                             "flag: true\n"
                             "weight: 42\n"
                             "neg: -7\n"
                             "ratio: 3.5\n"
                             "nothing: ~\n"
                             "empty:\n"
                             "quoted_date: \"2019-03-11\"\n"
                             "tags: [a, \"b c\", 3]\n"
                             "authors:\n"
                             "  - Ann\n"
                             "  - Bo\n"
                             "params:\n"
                             "  zeta: 1\n"
                             "  alpha: two\n"
                             "  mid: [x]\n"_ba
                          << mapOf({{u"title"_s, u"Hello world"_s},
                                    {u"quoted_true"_s, u"true"_s},
                                    {u"single_num"_s, u"123"_s},
                                    {u"draft"_s, Value(true)},
                                    {u"published"_s, Value(false)},
                                    {u"flag"_s, Value(true)},
                                    {u"weight"_s, 42},
                                    {u"neg"_s, -7},
                                    {u"ratio"_s, 3.5},
                                    {u"nothing"_s, Value()},
                                    {u"empty"_s, Value()},
                                    {u"quoted_date"_s, u"2019-03-11"_s},
                                    {u"tags"_s, listOf({u"a"_s, u"b c"_s, 3})},
                                    {u"authors"_s, listOf({u"Ann"_s, u"Bo"_s})},
                                    {u"params"_s, mapOf({{u"zeta"_s, 1}, {u"alpha"_s, u"two"_s}, {u"mid"_s, listOf({u"x"_s})}})}});

    QTest::newRow("toml") << FrontMatterFormat::Toml
                          << "title = \"Hello \\\"world\\\"\"\n"
                             "path = 'C:\\dir'\n"
                             "draft = false\n"
                             "weight = 42\n"
                             "ratio = 3.5\n"
                             "tags = [\"a\", \"b\"]\n"
                             "empty = []\n"
                             "author = { name = \"Ann\", age = 30 }\n"
                             "\n"
                             "[params]\n"
                             "zeta = 1\n"
                             "alpha = \"two\"\n"_ba
                          << mapOf({{u"title"_s, u"Hello \"world\""_s},
                                    {u"path"_s, u"C:\\dir"_s},
                                    {u"draft"_s, Value(false)},
                                    {u"weight"_s, 42},
                                    {u"ratio"_s, 3.5},
                                    {u"tags"_s, listOf({u"a"_s, u"b"_s})},
                                    {u"empty"_s, listOf({})},
                                    {u"author"_s, mapOf({{u"name"_s, u"Ann"_s}, {u"age"_s, 30}})},
                                    {u"params"_s, mapOf({{u"zeta"_s, 1}, {u"alpha"_s, u"two"_s}})}});

    QTest::newRow("json") << FrontMatterFormat::Json
                          << "{\n"
                             "  \"title\": \"Say \\\"hi\\\" \\u00e9\",\n"
                             "  \"draft\": false,\n"
                             "  \"weight\": 42,\n"
                             "  \"ratio\": 1.5,\n"
                             "  \"big\": 1e3,\n"
                             "  \"neg\": -0.25,\n"
                             "  \"date\": \"2025-05-12T14:30:25+08:00\",\n"
                             "  \"tags\": [\"a\", 2, null],\n"
                             "  \"nothing\": null,\n"
                             "  \"params\": {\"zeta\": 1, \"alpha\": \"two\"}\n"
                             "}"_ba
                          << mapOf({{u"title"_s, u"Say \"hi\" é"_s},
                                    {u"draft"_s, Value(false)},
                                    {u"weight"_s, 42},
                                    {u"ratio"_s, 1.5},
                                    {u"big"_s, 1000.0},
                                    {u"neg"_s, -0.25},
                                    // JSON has no date type: a date stays the string it is.
                                    {u"date"_s, u"2025-05-12T14:30:25+08:00"_s},
                                    {u"tags"_s, listOf({u"a"_s, 2, Value()})},
                                    {u"nothing"_s, Value()},
                                    {u"params"_s, mapOf({{u"zeta"_s, 1}, {u"alpha"_s, u"two"_s}})}});
}

void TestFrontMatter::readsTypedValuesInFileOrder()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(Value, expected);

    const FrontMatter fm(format, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    QStringList expectedKeys;
    for (const auto &[key, value] : expected.toMap())
        expectedKeys.append(key);
    QCOMPARE(fm.keys(), expectedKeys);
    for (const auto &[key, value] : expected.toMap()) {
        const Value actual = fm.value(key);
        QVERIFY2(actual == value,
                 qPrintable(key + u": got "_s + Value::typeName(actual.type()) + u' ' + actual.toDisplayString()
                            + u", want "_s + Value::typeName(value.type()) + u' ' + value.toDisplayString()));
        // Nested maps keep file order too (operator== on maps is order-sensitive, but say so).
        if (value.isMap()) {
            QStringList want;
            QStringList got;
            for (const auto &entry : value.toMap())
                want.append(entry.first);
            for (const auto &entry : actual.toMap())
                got.append(entry.first);
            QCOMPARE(got, want);
        }
    }
    QVERIFY(fm.isEditable(expectedKeys.first()));
    // The block is untouched by reading.
    QCOMPARE(fm.bytes(), block);
}

void TestFrontMatter::readsDatesWithKindAndOffset_data()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<DateTimeValue::Kind>("kind");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<int>("offset"); // seconds east of UTC; checked for OffsetDateTime only
    QTest::addColumn<QString>("text");

    const QDate d(2025, 5, 12);
    const QTime t(14, 30, 25);
    QTest::newRow("yaml +08:00") << FrontMatterFormat::Yaml << "date: 2025-05-12T14:30:25+08:00\n"_ba
                                 << DateTimeValue::Kind::OffsetDateTime << d << t << 8 * 3600
                                 << u"2025-05-12T14:30:25+08:00"_s;
    QTest::newRow("yaml date only") << FrontMatterFormat::Yaml << "date: 2025-05-12\n"_ba << DateTimeValue::Kind::Date
                                    << d << QTime(0, 0) << 0 << u"2025-05-12"_s;
    QTest::newRow("yaml local date-time") << FrontMatterFormat::Yaml << "date: 2025-05-12T14:30:25\n"_ba
                                          << DateTimeValue::Kind::LocalDateTime << d << t << 0
                                          << u"2025-05-12T14:30:25"_s;
    QTest::newRow("toml -05:30, space separator") << FrontMatterFormat::Toml << "date = 2025-05-12 14:30:25-05:30\n"_ba
                                                  << DateTimeValue::Kind::OffsetDateTime << d << t << -(5 * 3600 + 1800)
                                                  << u"2025-05-12 14:30:25-05:30"_s;
    QTest::newRow("toml date only") << FrontMatterFormat::Toml << "date = 2025-05-12\n"_ba << DateTimeValue::Kind::Date
                                    << d << QTime(0, 0) << 0 << u"2025-05-12"_s;
    QTest::newRow("toml local date-time") << FrontMatterFormat::Toml << "date = 2025-05-12T14:30:25\n"_ba
                                          << DateTimeValue::Kind::LocalDateTime << d << t << 0
                                          << u"2025-05-12T14:30:25"_s;
}

void TestFrontMatter::readsDatesWithKindAndOffset()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(DateTimeValue::Kind, kind);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(int, offset);
    QFETCH(QString, text);

    const FrontMatter fm(format, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    const Value v = fm.value(u"date"_s);
    QCOMPARE(v.type(), Value::Type::DateTime);
    const DateTimeValue &dt = v.toDateTime();
    QCOMPARE(dt.kind, kind);
    QCOMPARE(dt.dateTime.date(), date);
    QCOMPARE(dt.dateTime.time(), time);
    if (kind == DateTimeValue::Kind::OffsetDateTime)
        QCOMPARE(dt.dateTime.offsetFromUtc(), offset);
    QCOMPARE(dt.text.trimmed(), text);
}

void TestFrontMatter::tomlTableIsListedButNotEditable()
{
    const QByteArray block = "title = \"A\"\ndraft = false\n\n[params]\n  x = 1\n  y = \"b\"\n"_ba;
    FrontMatter fm(FrontMatterFormat::Toml, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    QCOMPARE(fm.keys(), (QStringList{u"title"_s, u"draft"_s, u"params"_s}));
    QCOMPARE(fm.value(u"params"_s), mapOf({{u"x"_s, 1}, {u"y"_s, u"b"_s}}));
    QVERIFY(fm.isEditable(u"title"_s));
    QVERIFY(!fm.isEditable(u"params"_s));

    const Status set = fm.setValue(u"params"_s, mapOf({{u"x"_s, 2}}));
    QVERIFY2(!set.ok(), "setValue on a [table] must be refused");
    QVERIFY(!set.error().message.isEmpty());
    QCOMPARE(fm.bytes(), block);
    QCOMPARE(fm.value(u"params"_s), mapOf({{u"x"_s, 1}, {u"y"_s, u"b"_s}}));

    const Status rm = fm.remove(u"params"_s);
    QVERIFY2(!rm.ok(), "remove of a [table] must be refused");
    QCOMPARE(fm.bytes(), block);
}

// ---- editing ----------------------------------------------------------------------------

static void addEditColumns()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("key");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QByteArray>("expected");
}

static void checkEdit(FrontMatterFormat format, const QByteArray &block, const QString &key, const Value &value,
                      const QByteArray &expected)
{
    FrontMatter fm(format, block, u"post.md"_s, 2);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    const QStringList keysBefore = fm.keys();
    const Status st = fm.setValue(key, value);
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(fm.bytes(), expected);
    QCOMPARE(fm.value(key), value);
    // Keys in file order: the old ones keep their order, a new one sits where it was written.
    QStringList others = fm.keys();
    others.removeAll(key);
    QStringList oldOthers = keysBefore;
    oldOthers.removeAll(key);
    QCOMPARE(others, oldOthers);
    QCOMPARE(fm.keys(), FrontMatter(format, expected).keys());
    // The bytes alone give the new value back.
    const FrontMatter reparsed(format, fm.bytes());
    QVERIFY2(reparsed.isValid(), qPrintable(blockError(reparsed)));
    QCOMPARE(reparsed.value(key), value);
}

void TestFrontMatter::setValueKeepsTheBlockStyle_data()
{
    addEditColumns();
    QTest::newRow("yaml double quotes kept")
        << FrontMatterFormat::Yaml << "title: \"Old\"\ndraft: true\n"_ba << u"title"_s << Value(u"New \"v2\""_s)
        << "title: \"New \\\"v2\\\"\"\ndraft: true\n"_ba;
    QTest::newRow("yaml single quotes kept")
        << FrontMatterFormat::Yaml << "title: 'Old'\ndraft: true\n"_ba << u"title"_s << Value(u"It's"_s)
        << "title: 'It''s'\ndraft: true\n"_ba;
    QTest::newRow("yaml plain, trailing comment kept")
        << FrontMatterFormat::Yaml << "title: Old   # the title\ndraft: true # publish later\n"_ba << u"draft"_s
        << Value(false) << "title: Old   # the title\ndraft: false # publish later\n"_ba;
    QTest::newRow("yaml other comments and key order kept")
        << FrontMatterFormat::Yaml << "# top\ntitle: A\n# about tags\ntags: [a]\nweight: 1\n# end\n"_ba << u"weight"_s
        << Value(2) << "# top\ntitle: A\n# about tags\ntags: [a]\nweight: 2\n# end\n"_ba;
    QTest::newRow("yaml CRLF block list re-emitted")
        << FrontMatterFormat::Yaml << "tags:\r\n  - a\r\n  - b\r\ntitle: A\r\n"_ba << u"tags"_s
        << listOf({u"a"_s, u"c"_s}) << "tags:\r\n  - a\r\n  - c\r\ntitle: A\r\n"_ba;
    QTest::newRow("yaml flow list keeps its quotes and spacing")
        << FrontMatterFormat::Yaml << "tags: [\"a\",\"b\"]\ntitle: A\n"_ba << u"tags"_s << listOf({u"a"_s, u"c"_s})
        << "tags: [\"a\",\"c\"]\ntitle: A\n"_ba;
    QTest::newRow("yaml flow list, trailing comment kept")
        << FrontMatterFormat::Yaml << "tags: [a] # topics\ntitle: A\n"_ba << u"tags"_s << listOf({u"a"_s, u"b"_s})
        << "tags: [a, b] # topics\ntitle: A\n"_ba;
    QTest::newRow("toml array, trailing comment kept")
        << FrontMatterFormat::Toml << "tags = [\"a\"] # topics\ntitle = \"x\"\n"_ba << u"tags"_s
        << listOf({u"a"_s, u"b"_s}) << "tags = [\"a\", \"b\"] # topics\ntitle = \"x\"\n"_ba;
    QTest::newRow("toml string with comment, CRLF")
        << FrontMatterFormat::Toml << "title = \"Old\" # note\r\ndraft = true\r\n"_ba << u"title"_s << Value(u"New"_s)
        << "title = \"New\" # note\r\ndraft = true\r\n"_ba;
    QTest::newRow("toml literal string kept")
        << FrontMatterFormat::Toml << "path = 'C:\\old'\n"_ba << u"path"_s << Value(u"C:\\new"_s)
        << "path = 'C:\\new'\n"_ba;
    QTest::newRow("toml multi-line array keeps one item per line")
        << FrontMatterFormat::Toml << "tags = [\n  \"a\",\n  \"b\",\n]\ntitle = \"T\"\n"_ba << u"tags"_s
        << listOf({u"a"_s, u"c"_s}) << "tags = [\n  \"a\",\n  \"c\",\n]\ntitle = \"T\"\n"_ba;
    QTest::newRow("json value replaced in place, CRLF")
        << FrontMatterFormat::Json << "{\r\n  \"title\": \"Old\",\r\n  \"n\": 1\r\n}"_ba << u"n"_s << Value(2)
        << "{\r\n  \"title\": \"Old\",\r\n  \"n\": 2\r\n}"_ba;
}

void TestFrontMatter::setValueKeepsTheBlockStyle()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QByteArray, expected);
    checkEdit(format, block, key, value, expected);
}

void TestFrontMatter::setValueAppendsNewKeyInBlockStyle_data()
{
    addEditColumns();
    QTest::newRow("yaml flow lists followed")
        << FrontMatterFormat::Yaml << "title: A\ntags: [a, b]\n"_ba << u"categories"_s << listOf({u"go"_s, u"rust"_s})
        << "title: A\ntags: [a, b]\ncategories: [go, rust]\n"_ba;
    QTest::newRow("yaml block lists followed")
        << FrontMatterFormat::Yaml << "title: A\ntags:\n  - a\n"_ba << u"categories"_s << listOf({u"go"_s, u"rust"_s})
        << "title: A\ntags:\n  - a\ncategories:\n  - go\n  - rust\n"_ba;
    QTest::newRow("yaml double quotes and CRLF followed")
        << FrontMatterFormat::Yaml << "title: \"A\"\r\n"_ba << u"subtitle"_s << Value(u"B"_s)
        << "title: \"A\"\r\nsubtitle: \"B\"\r\n"_ba;
    QTest::newRow("toml goes before [params]")
        << FrontMatterFormat::Toml << "title = \"A\"\n\n[params]\n  x = 1\n"_ba << u"draft"_s << Value(true)
        << "title = \"A\"\ndraft = true\n\n[params]\n  x = 1\n"_ba;
    QTest::newRow("json comma and same indentation, CRLF")
        << FrontMatterFormat::Json << "{\r\n    \"title\": \"A\"\r\n}"_ba << u"draft"_s << Value(true)
        << "{\r\n    \"title\": \"A\",\r\n    \"draft\": true\r\n}"_ba;
    QTest::newRow("json one-line object")
        << FrontMatterFormat::Json << "{\"title\": \"A\"}"_ba << u"n"_s << Value(1) << "{\"title\": \"A\", \"n\": 1}"_ba;
}

void TestFrontMatter::setValueAppendsNewKeyInBlockStyle()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(QString, key);
    QFETCH(Value, value);
    QFETCH(QByteArray, expected);
    checkEdit(format, block, key, value, expected);
}

void TestFrontMatter::removeDropsOnlyThatKeysLines_data()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("yaml block list with its items")
        << FrontMatterFormat::Yaml << "title: A\ntags:\n  - a\n  - b\ndraft: true # c\n"_ba << u"tags"_s
        << "title: A\ndraft: true # c\n"_ba;
    QTest::newRow("yaml last key, CRLF nested map")
        << FrontMatterFormat::Yaml << "a: 1\r\nb:\r\n  c: 2\r\n"_ba << u"b"_s << "a: 1\r\n"_ba;
    QTest::newRow("toml multi-line array")
        << FrontMatterFormat::Toml << "title = \"A\"\ntags = [\n  \"a\",\n  \"b\",\n]\ndraft = true\n"_ba << u"tags"_s
        << "title = \"A\"\ndraft = true\n"_ba;
    const QByteArray json = "{\n  \"a\": 1,\n  \"b\": [2, 3],\n  \"c\": \"x\"\n}"_ba;
    QTest::newRow("json first key") << FrontMatterFormat::Json << json << u"a"_s
                                    << "{\n  \"b\": [2, 3],\n  \"c\": \"x\"\n}"_ba;
    QTest::newRow("json middle key") << FrontMatterFormat::Json << json << u"b"_s << "{\n  \"a\": 1,\n  \"c\": \"x\"\n}"_ba;
    QTest::newRow("json last key") << FrontMatterFormat::Json << json << u"c"_s
                                   << "{\n  \"a\": 1,\n  \"b\": [2, 3]\n}"_ba;
    QTest::newRow("json one-line middle key") << FrontMatterFormat::Json << "{\"a\": 1, \"b\": 2, \"c\": 3}"_ba << u"b"_s
                                              << "{\"a\": 1, \"c\": 3}"_ba;
}

void TestFrontMatter::removeDropsOnlyThatKeysLines()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(QString, key);
    QFETCH(QByteArray, expected);

    FrontMatter fm(format, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    QStringList keys = fm.keys();
    keys.removeAll(key);
    const Status st = fm.remove(key);
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(fm.bytes(), expected);
    QVERIFY(!fm.contains(key));
    QCOMPARE(fm.keys(), keys);
    const FrontMatter reparsed(format, fm.bytes());
    QVERIFY2(reparsed.isValid(), qPrintable(blockError(reparsed)));

    // Removing it again (now absent) succeeds and changes nothing.
    QVERIFY(fm.remove(key).ok());
    QCOMPARE(fm.bytes(), expected);
}

void TestFrontMatter::settingCurrentValueChangesNoByte_data()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");

    QTest::newRow("yaml") << FrontMatterFormat::Yaml
                          << "# c\r\ntitle: 'It''s'  # t\r\ndate: 2025-05-12T14:30:25+08:00\r\nday: 2025-05-12\r\n"
                             "tags:\r\n- a\r\n-   \"b\"\r\nparams: {x: 1, y: [1, 2]}\r\nsummary: |\r\n  two\r\n  lines\r\n"
                             "empty:\r\nn: 1.50\r\nok: yes\r\n"_ba;
    QTest::newRow("toml") << FrontMatterFormat::Toml
                          << "title = 'x' # t\ndate = 2025-05-12 14:30:25+08:00\ntags = [ 'a',\"b\" ]\nratio = 1.50\n"
                             "hex = 0xFF\n\n[params]\nx = 1\n"_ba;
    QTest::newRow("json") << FrontMatterFormat::Json
                          << "{ \"a\" : 1.50, \"b\":[1,2], \"c\": {\"d\": null}, \"date\": \"2025-05-12\", \"e\": \"\\u00e9\" }"_ba;
}

void TestFrontMatter::settingCurrentValueChangesNoByte()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    FrontMatter fm(format, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    QVERIFY(!fm.keys().isEmpty());
    for (const QString &key : fm.keys()) {
        const Status st = fm.setValue(key, fm.value(key));
        QVERIFY2(st.ok(), qPrintable(key + u": "_s + errorText(st)));
        QVERIFY2(fm.bytes() == block, qPrintable(key + u" changed the bytes to:\n"_s + QString::fromUtf8(fm.bytes())));
    }
}

void TestFrontMatter::yamlQuotesValuesThatNeedIt_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("text");

    const QByteArray plain = "title: Old\ndraft: false\n"_ba;
    QTest::newRow("contains \": \"") << plain << u"Part 2: the sequel"_s;
    QTest::newRow("starts with [") << plain << u"[draft] notes"_s;
    QTest::newRow("is yes") << plain << u"yes"_s;
    QTest::newRow("is 123") << plain << u"123"_s;
    QTest::newRow("has a newline") << plain << u"line one\nline two"_s;
    QTest::newRow("starts with #, in a single-quoted block") << "title: 'Old'\ndraft: false\n"_ba << u"# not a comment"_s;
}

void TestFrontMatter::yamlQuotesValuesThatNeedIt()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, text);
    FrontMatter fm(FrontMatterFormat::Yaml, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    const Status st = fm.setValue(u"title"_s, Value(text));
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(fm.value(u"title"_s), Value(text));
    const FrontMatter reparsed(FrontMatterFormat::Yaml, fm.bytes());
    QVERIFY2(reparsed.isValid(), qPrintable(blockError(reparsed)));
    QCOMPARE(reparsed.value(u"title"_s), Value(text));
    // The other key's line is untouched.
    QVERIFY2(fm.bytes().endsWith("\ndraft: false\n"), fm.bytes().constData());
}

void TestFrontMatter::multiLineStringBecomesLiteralBlock_data()
{
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("final newline: |") << "title: A\nsummary: short\ndraft: true\n"_ba << u"First line\nSecond line\n"_s
                                      << "title: A\nsummary: |\n  First line\n  Second line\ndraft: true\n"_ba;
    QTest::newRow("no final newline, blank line, CRLF: |-")
        << "title: A\r\nsummary: short\r\n"_ba << u"First line\n\nThird 第三"_s
        << "title: A\r\nsummary: |-\r\n  First line\r\n\r\n  Third 第三\r\n"_ba;
    QTest::newRow("ends with a blank line: |+") << "title: A\nsummary: short\ndraft: true\n"_ba << u"Para one\n\n"_s
                                                << "title: A\nsummary: |+\n  Para one\n\ndraft: true\n"_ba;
}

void TestFrontMatter::multiLineStringBecomesLiteralBlock()
{
    QFETCH(QByteArray, block);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    checkEdit(FrontMatterFormat::Yaml, block, u"summary"_s, Value(text), expected);
}

// ---- dates ------------------------------------------------------------------------------

void TestFrontMatter::parsesDateText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<DateTimeValue::Kind>("kind");
    QTest::addColumn<QDateTime>("wall"); // date and time as written (time spec ignored)
    QTest::addColumn<int>("offset");     // checked for OffsetDateTime only

    const QDate d(2025, 5, 12);
    QTest::newRow("+08:00") << u"2025-05-12T14:30:25+08:00"_s << true << DateTimeValue::Kind::OffsetDateTime
                            << QDateTime(d, QTime(14, 30, 25)) << 8 * 3600;
    QTest::newRow("date only") << u"2025-05-12"_s << true << DateTimeValue::Kind::Date << QDateTime(d, QTime(0, 0)) << 0;
    QTest::newRow("space, no seconds, local") << u"2025-05-12 14:30"_s << true << DateTimeValue::Kind::LocalDateTime
                                              << QDateTime(d, QTime(14, 30)) << 0;
    QTest::newRow("Z is UTC") << u"2025-05-12T14:30:25Z"_s << true << DateTimeValue::Kind::OffsetDateTime
                              << QDateTime(d, QTime(14, 30, 25)) << 0;
    QTest::newRow("month 13 is invalid") << u"2025-13-01"_s << false << DateTimeValue::Kind::Date << QDateTime() << 0;
}

void TestFrontMatter::parsesDateText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(DateTimeValue::Kind, kind);
    QFETCH(QDateTime, wall);
    QFETCH(int, offset);

    const auto dt = DateTimeValue::parse(text);
    QCOMPARE(dt.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(dt->kind, kind);
    QCOMPARE(dt->dateTime.date(), wall.date());
    QCOMPARE(dt->dateTime.time(), wall.time());
    if (kind == DateTimeValue::Kind::OffsetDateTime)
        QCOMPARE(dt->dateTime.offsetFromUtc(), offset);
    QCOMPARE(dt->text, text); // the spelling as written
}

void TestFrontMatter::setValueWritesEveryParsedDateForm_data()
{
    // Whatever DateTimeValue::parse accepts (and so `frontmark-cli set date …` accepts) can be
    // written to a post and reads back as the same date; the spelling may change.
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<QString>("text");
    QTest::newRow("toml offset into date-only key") << FrontMatterFormat::Toml << "date = 2019-03-11\n"_ba
                                                    << u"2025-05-12T14:30:25+08:00"_s;
    QTest::newRow("toml local date-time without seconds") << FrontMatterFormat::Toml << "date = 2019-03-11T10:00:00\n"_ba
                                                          << u"2025-05-12 14:30"_s;
    QTest::newRow("yaml date only into offset key") << FrontMatterFormat::Yaml << "date: 2019-03-11T10:00:00+08:00\n"_ba
                                                    << u"2025-05-12"_s;
    QTest::newRow("yaml RFC 2822 date") << FrontMatterFormat::Yaml << "date: 2019-03-11\n"_ba
                                        << u"Mon, 12 May 2025 14:30:25 +0800"_s;
}

void TestFrontMatter::setValueWritesEveryParsedDateForm()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(QString, text);

    const auto dt = DateTimeValue::parse(text);
    QVERIFY2(dt.has_value(), qPrintable(text));
    FrontMatter fm(format, block);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    const Status st = fm.setValue(u"date"_s, Value(*dt));
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(fm.value(u"date"_s), Value(*dt));
    const FrontMatter reparsed(format, fm.bytes());
    QVERIFY2(reparsed.isValid(), qPrintable(blockError(reparsed)));
    QCOMPARE(reparsed.value(u"date"_s), Value(*dt));
}

void TestFrontMatter::nowEndsWithLocalOffset_data()
{
    QTest::addColumn<QByteArray>("tz"); // empty: the process's own zone
    QTest::addColumn<int>("offset");    // the zone's offset, when tz is set
    QTest::newRow("process zone") << QByteArray() << 0;
    QTest::newRow("UTC+08") << "<+08>-8"_ba << 8 * 3600;
    QTest::newRow("UTC-05:30") << "<-0530>5:30"_ba << -(5 * 3600 + 1800);
}

void TestFrontMatter::nowEndsWithLocalOffset()
{
    QFETCH(QByteArray, tz);
    QFETCH(int, offset);

    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    const QByteArray oldTz = qgetenv("TZ");
    const auto restore = qScopeGuard([&] {
        if (hadTz)
            qputenv("TZ", oldTz);
        else
            qunsetenv("TZ");
        tzset();
    });
    if (!tz.isEmpty()) {
        qputenv("TZ", tz);
        tzset();
        if (QDateTime::currentDateTime().offsetFromUtc() != offset)
            QSKIP("this Qt does not follow a TZ change at run time");
    }

    const DateTimeValue now = DateTimeValue::now();
    const int local = QDateTime::currentDateTime().offsetFromUtc();
    QCOMPARE(now.kind, DateTimeValue::Kind::OffsetDateTime);
    QCOMPARE(now.dateTime.offsetFromUtc(), local);
    QVERIFY2(now.text.endsWith(offsetSuffix(local)), qPrintable(now.text + u" should end with "_s + offsetSuffix(local)));
    QVERIFY2(!now.text.endsWith(u'Z'), qPrintable(now.text));
    QVERIFY(qAbs(now.dateTime.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    // And it parses back to itself.
    const auto back = DateTimeValue::parse(now.text);
    QVERIFY(back.has_value());
    QCOMPARE(Value(*back), Value(now));
}

// ---- invalid blocks ---------------------------------------------------------------------

void TestFrontMatter::reportsInvalidBlockAtFileLine_data()
{
    QTest::addColumn<FrontMatterFormat>("format");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<int>("line");      // file line; the block starts on file line 2
    QTest::addColumn<int>("column");    // 0: any column > 0
    QTest::addColumn<QString>("mention");

    QTest::newRow("yaml reserved @ starts a value") << FrontMatterFormat::Yaml << "title: A\nbad: @x\nweight: 1\n"_ba
                                                    << 3 << 6 << QString();
    QTest::newRow("yaml duplicate key") << FrontMatterFormat::Yaml << "slug: a\ntags: []\nslug: b\n"_ba << 4 << 1
                                        << u"slug"_s;
    QTest::newRow("json duplicate key") << FrontMatterFormat::Json << "{\n  \"slug\": \"a\",\n  \"slug\": \"b\"\n}"_ba
                                        << 4 << 3 << u"slug"_s;
    QTest::newRow("json missing comma") << FrontMatterFormat::Json << "{\n  \"a\": 1\n  \"b\": 2\n}"_ba << 4 << 3
                                        << QString();
    QTest::newRow("toml value missing") << FrontMatterFormat::Toml << "title = \"A\"\ndraft = \nweight = 1\n"_ba << 3 << 0
                                        << QString();
}

void TestFrontMatter::reportsInvalidBlockAtFileLine()
{
    QFETCH(FrontMatterFormat, format);
    QFETCH(QByteArray, block);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, mention);

    const FrontMatter fm(format, block, u"post.md"_s, 2);
    QVERIFY(!fm.isValid());
    QVERIFY(fm.error().has_value());
    const Error &e = *fm.error();
    QCOMPARE(e.file, u"post.md"_s);
    QVERIFY2(e.line == line, qPrintable(e.toString()));
    if (column > 0)
        QVERIFY2(e.column == column, qPrintable(e.toString()));
    else
        QVERIFY2(e.column > 0, qPrintable(e.toString()));
    QVERIFY(!e.message.isEmpty());
    if (!mention.isEmpty())
        QVERIFY2(e.message.contains(mention), qPrintable(e.message));
}

void TestFrontMatter::invalidBlockRefusesEditsAndKeepsBytes()
{
    const std::pair<FrontMatterFormat, QByteArray> blocks[] = {
        {FrontMatterFormat::Yaml, "title: A\ntitle: B\n"_ba},
        {FrontMatterFormat::Toml, "title = \n"_ba},
        {FrontMatterFormat::Json, "{\"title\": }"_ba},
    };
    for (const auto &[format, block] : blocks) {
        FrontMatter fm(format, block, u"post.md"_s, 2);
        QVERIFY2(!fm.isValid(), qPrintable(formatName(format)));
        const Error expected = *fm.error();

        const Status set = fm.setValue(u"title"_s, Value(u"C"_s));
        QVERIFY2(!set.ok(), qPrintable(formatName(format)));
        QCOMPARE(set.error().line, expected.line);
        QCOMPARE(set.error().message, expected.message);
        QCOMPARE(fm.bytes(), block);

        const Status added = fm.setValue(u"draft"_s, Value(true));
        QVERIFY(!added.ok());
        QCOMPARE(fm.bytes(), block);

        const Status rm = fm.remove(u"title"_s);
        QVERIFY(!rm.ok());
        QCOMPARE(fm.bytes(), block);
        QVERIFY(!fm.isValid());
    }
}

void TestFrontMatter::setBytesWithFixedBlockMakesItValid()
{
    FrontMatter fm(FrontMatterFormat::Yaml, "title: [A\n"_ba, u"post.md"_s, 2);
    QVERIFY(!fm.isValid());
    fm.setBytes("title: A\ndraft: true\n"_ba);
    QVERIFY2(fm.isValid(), qPrintable(blockError(fm)));
    QVERIFY(!fm.error().has_value());
    QCOMPARE(fm.keys(), (QStringList{u"title"_s, u"draft"_s}));
    QCOMPARE(fm.position(u"draft"_s), (std::pair<int, int>{3, 1})); // block line 2 is file line 3
    const Status st = fm.setValue(u"draft"_s, Value(false));
    QVERIFY2(st.ok(), qPrintable(errorText(st)));
    QCOMPARE(fm.bytes(), "title: A\ndraft: false\n"_ba);

    // And breaking it again reports the error once more.
    fm.setBytes("title: A\ndraft: false\ndraft: true\n"_ba);
    QVERIFY(!fm.isValid());
    QCOMPARE(fm.error()->line, 4);
}

// ---- parseValueText ---------------------------------------------------------------------

void TestFrontMatter::parsesValueText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("like"); // a Value::Type, or -1 to infer
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Value>("expected");

    const auto as = [](Value::Type t) { return int(t); };
    QTest::newRow("bool") << u"true"_s << as(Value::Type::Bool) << true << Value(true);
    QTest::newRow("bool mismatch: yes") << u"yes"_s << as(Value::Type::Bool) << false << Value();
    QTest::newRow("integer, spaces trimmed") << u" 42 "_s << as(Value::Type::Integer) << true << Value(42);
    QTest::newRow("integer mismatch: 4.2") << u"4.2"_s << as(Value::Type::Integer) << false << Value();
    QTest::newRow("float") << u"2.5"_s << as(Value::Type::Float) << true << Value(2.5);
    QTest::newRow("float mismatch: abc") << u"abc"_s << as(Value::Type::Float) << false << Value();
    QTest::newRow("date") << u"2025-05-12"_s << as(Value::Type::DateTime) << true << dateOf(u"2025-05-12"_s);
    QTest::newRow("date mismatch: month 13") << u"2025-13-01"_s << as(Value::Type::DateTime) << false << Value();
    QTest::newRow("list as JSON") << u"[\"a\", \"b c\"]"_s << as(Value::Type::List) << true
                                  << listOf({u"a"_s, u"b c"_s});
    QTest::newRow("list comma-separated") << u"AI, 能源 ,"_s << as(Value::Type::List) << true
                                          << listOf({u"AI"_s, u"能源"_s});
    QTest::newRow("list full-width comma") << u"AI，能源，太陽能"_s << as(Value::Type::List) << true
                                           << listOf({u"AI"_s, u"能源"_s, u"太陽能"_s});
    QTest::newRow("list mismatch: broken JSON") << u"[\"a\","_s << as(Value::Type::List) << false << Value();
    QTest::newRow("infer bool") << u"false"_s << -1 << true << Value(false);
    QTest::newRow("infer integer") << u"12"_s << -1 << true << Value(12);
    QTest::newRow("infer float") << u"1.5"_s << -1 << true << Value(1.5);
    QTest::newRow("infer date-time") << u"2025-05-12T14:30:25+08:00"_s << -1 << true
                                     << dateOf(u"2025-05-12T14:30:25+08:00"_s);
    QTest::newRow("infer JSON list") << u"[1, \"a\"]"_s << -1 << true << listOf({1, u"a"_s});
    QTest::newRow("infer text, yes is not a bool") << u"yes, please"_s << -1 << true << Value(u"yes, please"_s);
}

void TestFrontMatter::parsesValueText()
{
    QFETCH(QString, text);
    QFETCH(int, like);
    QFETCH(bool, ok);
    QFETCH(Value, expected);

    const std::optional<Value::Type> type = like < 0 ? std::nullopt : std::optional(static_cast<Value::Type>(like));
    const Result<Value> r = parseValueText(text, type);
    QVERIFY2(r.ok() == ok, qPrintable(r.ok() ? r.value().toDisplayString() : r.error().toString()));
    if (ok) {
        QCOMPARE(r.value(), expected);
    } else {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY2(r.error().message.contains(text), qPrintable(r.error().message));
    }
}

QTEST_GUILESS_MAIN(TestFrontMatter)
#include "tst_frontmatter.moc"
