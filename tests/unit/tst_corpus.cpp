// SPDX-License-Identifier: GPL-3.0-or-later
// Every real post in ../shared/corpus/posts: loads, saves byte-identical, and a single-key
// edit (title, draft, tags, date) changes only that key's lines — proven by a line diff.

#include "document/postfile.h"
#include "publish/validator.h"
#include "testutil.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace frontmark;

class TestCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripIsByteIdentical_data();
    void roundTripIsByteIdentical();
    void singleKeyEditTouchesOnlyThatKey_data();
    void singleKeyEditTouchesOnlyThatKey();
    void settingSameValueChangesNothing_data();
    void settingSameValueChangesNothing();
    void checkReportsNoFalseError_data();
    void checkReportsNoFalseError();
};

void TestCorpus::initTestCase()
{
    // Every slot here reads the corpus: without it the whole program skips (fails under CI=true).
    FRONTMARK_REQUIRE_CORPUS();
}

static void addPostRows()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : test::corpusPosts())
        QTest::newRow(qPrintable(QFileInfo(path).completeBaseName())) << path;
}

void TestCorpus::roundTripIsByteIdentical_data() { addPostRows(); }

void TestCorpus::roundTripIsByteIdentical()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();

    const auto post = PostFile::load(path);
    QVERIFY2(post.ok(), qPrintable(post.ok() ? QString() : post.error().toString()));
    QVERIFY2(post.value().frontMatter().isValid(),
             qPrintable(post.value().frontMatter().isValid() ? QString() : post.value().frontMatter().error()->toString()));
    QVERIFY(!post.value().frontMatter().keys().isEmpty());

    QTemporaryDir dir;
    const QString out = dir.filePath(u"post.md"_s);
    QVERIFY(post.value().save(out).ok());
    QFile saved(out);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), original);
}

void TestCorpus::singleKeyEditTouchesOnlyThatKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    for (const QString &path : test::corpusPosts()) {
        const QString name = QFileInfo(path).completeBaseName();
        for (const QString &key : {u"title"_s, u"draft"_s, u"tags"_s, u"date"_s})
            QTest::newRow(qPrintable(name + u'/' + key)) << path << key;
    }
}

static Value newValueFor(const QString &key, const Value &old)
{
    if (key == u"title"_s)
        return Value(old.toString() + u" — 修訂版 \"v2\": notes"_s);
    if (key == u"draft"_s)
        return Value(!(old.isBool() && old.toBool()));
    if (key == u"tags"_s) {
        QStringList tags = old.toStringList();
        tags.append(u"新標籤"_s);
        tags.append(u"hugo, tips"_s);
        return Value::fromStringList(tags);
    }
    // date: keep the offset style: a fixed RFC 3339 value with +08:00
    DateTimeValue dt;
    dt = *DateTimeValue::parse(u"2026-01-02T03:04:05+08:00"_s);
    return Value(dt);
}

void TestCorpus::singleKeyEditTouchesOnlyThatKey()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    auto loaded = PostFile::load(path);
    QVERIFY(loaded.ok());
    PostFile post = loaded.value();
    const QByteArray before = post.toBytes();
    FrontMatter &fm = post.frontMatter();
    if (!fm.isEditable(key))
        QSKIP("key is written as a TOML table; edits are refused with an error instead");
    const bool existed = fm.contains(key);
    const QStringList keysBefore = fm.keys();
    const Value old = fm.value(key);
    const Value want = newValueFor(key, old);

    const Status st = fm.setValue(key, want);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
    // JSON has no date type, and a date the post quotes stays a quoted string: both store
    // the date as its RFC 3339 text.
    const bool asText = want.type() == Value::Type::DateTime
        && (fm.format() == FrontMatterFormat::Json || (old.isString() && DateTimeValue::parse(old.toString())));
    const Value stored = asText ? Value(want.toDateTime().text) : want;
    QCOMPARE(fm.value(key), stored);

    // Other keys keep their values and their order.
    QStringList expectedKeys = keysBefore;
    if (!existed)
        expectedKeys.append(key);
    QCOMPARE(fm.keys(), expectedKeys);

    const QByteArray after = post.toBytes();
    const test::LineDiff diff = test::diffLines(before, after);
    QVERIFY2(!diff.added.isEmpty() || !diff.removed.isEmpty(), "the edit changed no byte");

    // Only this key's lines changed: the changed region lies between the key's own line and
    // the next key's line, in the file after the edit (and before it, for the removed lines).
    const int keyLine = fm.position(key).first;
    const qsizetype keyIndex = fm.keys().indexOf(key);
    const int nextKeyLine = keyIndex + 1 < fm.keys().size() ? fm.position(fm.keys().at(keyIndex + 1)).first
                                                            : loaded.value().bodyFirstLine() + int(diff.added.size() - diff.removed.size());
    const int lastChanged = diff.firstLine + int(diff.added.size()) - 1;
    // JSON is the one exception: a new last key needs a comma after the value before it.
    const bool jsonComma = !existed && fm.format() == FrontMatterFormat::Json && diff.removed.size() == 1
        && diff.added.first().trimmed() == diff.removed.first().trimmed() + ',';
    QVERIFY2(diff.firstLine >= keyLine || jsonComma, qPrintable(u"change starts above the key (line %1):\n"_s.arg(keyLine) + diff.unified));
    QVERIFY2(lastChanged < nextKeyLine, qPrintable(u"change runs into the next key (line %1):\n"_s.arg(nextKeyLine) + diff.unified));
    if (!existed && !jsonComma)
        QVERIFY2(diff.removed.isEmpty(), qPrintable(diff.unified));
    if (existed) {
        const auto [oldLine, oldColumn] = loaded.value().frontMatter().position(key);
        Q_UNUSED(oldColumn)
        QCOMPARE(keyLine, oldLine);
    }

    // The body is untouched, and other keys keep their values.
    QCOMPARE(post.body(), loaded.value().body());
    for (const QString &other : keysBefore) {
        if (other != key)
            QCOMPARE(fm.value(other), loaded.value().frontMatter().value(other));
    }
    // Added lines use the file's line ending.
    const bool crlf = before.contains("\r\n");
    for (const QByteArray &l : diff.added) {
        if (l.endsWith('\n'))
            QVERIFY2(l.endsWith("\r\n") == crlf, qPrintable(diff.unified));
    }
    qInfo().noquote() << diff.unified.trimmed();

    // And it reloads to the same values from disk.
    const auto reloaded = PostFile::fromBytes(after, path);
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded.value().frontMatter().isValid());
    QCOMPARE(reloaded.value().frontMatter().value(key), stored);
}

void TestCorpus::settingSameValueChangesNothing_data() { addPostRows(); }

void TestCorpus::settingSameValueChangesNothing()
{
    QFETCH(QString, path);
    auto loaded = PostFile::load(path);
    QVERIFY(loaded.ok());
    PostFile post = loaded.value();
    const QByteArray before = post.toBytes();
    for (const QString &key : post.frontMatter().keys()) {
        const Value v = post.frontMatter().value(key);
        QVERIFY(post.frontMatter().setValue(key, v).ok());
    }
    QCOMPARE(post.toBytes(), before);
}

void TestCorpus::checkReportsNoFalseError_data() { addPostRows(); }

void TestCorpus::checkReportsNoFalseError()
{
    QFETCH(QString, path);
    // A fixed "now" so future-date warnings do not depend on the day the test runs.
    const Diagnostics diags = validator::checkFile(path, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    for (const Diagnostic &d : diags)
        QVERIFY2(!d.isError(), qPrintable(d.toString()));
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
