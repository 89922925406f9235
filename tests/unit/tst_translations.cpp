// SPDX-License-Identifier: GPL-3.0-or-later
// The Traditional Chinese catalogue (issue #7): every message is translated and keeps its
// source's placeholders and accelerator, and every tr() string under ui/ and every
// QCoreApplication::translate() message under app/core/ is in it — so a string added to the
// code without a translation fails here, naming the string.

#include "../catalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString kSourceDir = QStringLiteral(FRONTMARK_SOURCE_DIR);
using frontmark::test::Catalogue;
using frontmark::test::kCatalogue;
using frontmark::test::Message;
using frontmark::test::readCatalogue;
// What the update_translations target runs (ui/CMakeLists.txt), minus where locations go.
const QStringList kLupdateOptions{u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"-source-language"_s, u"en"_s,
                                  u"-target-language"_s, u"zh_TW"_s, u"-silent"_s};

// %1…%9 and %n (also as %L1, %Ln), and the [*] of a window title that shows "modified".
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%L?[1-9n]|\\[\\*\\]"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured());
    std::sort(out.begin(), out.end());
    return out;
}

// Mnemonics: a lone '&' before a character; "&&" is a literal ampersand, "&amp;" an entity.
qsizetype accelerators(QString text)
{
    static const QRegularExpression entity(u"&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);"_s);
    static const QRegularExpression mnemonic(u"&[^&\\s]"_s);
    text.remove(u"&&"_s);
    text.remove(entity);
    return text.count(mnemonic);
}

QString findLupdate()
{
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("FRONTMARK_LUPDATE"); !env.isEmpty())
        candidates << env;
    candidates << QLibraryInfo::path(QLibraryInfo::BinariesPath) + u"/lupdate"_s << u"/usr/lib/qt6/bin/lupdate"_s;
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

QString listed(const QStringList &items)
{
    return u"\n  "_s + items.join(u"\n  "_s);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void messageIsTranslated_data();
    void messageIsTranslated();
    void catalogueHasEveryStringOfTheCode();
    void catalogueHasNoStaleMessages();

private:
    Catalogue m_catalogue;
    std::optional<Catalogue> m_fromCode; // what lupdate finds under ui/ and app/core/ now
    QString m_lupdateProblem;
    void scanCode();
};

void TestTranslations::initTestCase()
{
    m_catalogue = readCatalogue(kCatalogue);
    QVERIFY2(m_catalogue.error.isEmpty(), qPrintable(m_catalogue.error));
    QVERIFY2(!m_catalogue.messages.isEmpty(), qPrintable(kCatalogue + u" holds no messages"_s));
}

void TestTranslations::messageIsTranslated_data()
{
    QTest::addColumn<bool>("numerus");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("translations");
    for (const Message &m : std::as_const(m_catalogue.messages)) {
        QTest::addRow("line %lld, %s", m.line, qPrintable(m.name()))
            << m.numerus << m.source << m.type << m.translations;
    }
}

void TestTranslations::messageIsTranslated()
{
    QFETCH(bool, numerus);
    QFETCH(QString, source);
    QFETCH(QString, type);
    QFETCH(QStringList, translations);
    // lupdate marks new and changed strings "unfinished", removed ones "vanished"/"obsolete".
    QVERIFY2(type.isEmpty(), qPrintable(u"the translation is marked type=\"%1\""_s.arg(type)));
    QVERIFY2(!translations.isEmpty(), "no translation");
    if (!numerus)
        QCOMPARE(translations.size(), 1);
    for (const QString &translation : std::as_const(translations)) {
        QVERIFY2(!translation.trimmed().isEmpty(), "the translation is empty");
        QVERIFY2(placeholders(translation) == placeholders(source),
                 qPrintable(u"“%1” has the placeholders {%2}, the source {%3}"_s.arg(
                     translation, placeholders(translation).join(u' '), placeholders(source).join(u' '))));
        QVERIFY2(accelerators(translation) == accelerators(source),
                 qPrintable(u"“%1” has %2 accelerator(s) (&), the source %3"_s.arg(translation)
                                .arg(accelerators(translation))
                                .arg(accelerators(source))));
    }
}

void TestTranslations::scanCode()
{
    if (m_fromCode || !m_lupdateProblem.isEmpty())
        return;
    const QString lupdate = findLupdate();
    if (lupdate.isEmpty()) {
        m_lupdateProblem = u"lupdate not found (set FRONTMARK_LUPDATE; Debian: qt6-l10n-tools)"_s;
        return;
    }
    QTemporaryDir dir;
    const QString ts = dir.filePath(u"frontmark_zh_TW.ts"_s);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, QStringList{kSourceDir + u"/ui"_s, kSourceDir + u"/app/core"_s, u"-ts"_s, ts} + kLupdateOptions);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_lupdateProblem = u"%1 failed: %2"_s.arg(lupdate, QString::fromLocal8Bit(process.readAll()));
        return;
    }
    m_fromCode = readCatalogue(ts);
}

void TestTranslations::catalogueHasEveryStringOfTheCode()
{
    scanCode();
    if (!m_lupdateProblem.isEmpty())
        QSKIP(qPrintable(m_lupdateProblem));
    QVERIFY2(m_fromCode->error.isEmpty(), qPrintable(m_fromCode->error));
    QVERIFY(!m_fromCode->messages.isEmpty());
    QSet<QString> committed;
    for (const Message &m : std::as_const(m_catalogue.messages))
        committed.insert(m.key());
    QStringList missing;
    for (const Message &m : std::as_const(m_fromCode->messages)) {
        if (!committed.contains(m.key()))
            missing.append(m.name() + (m.numerus ? u" [plural]"_s : QString()));
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 string(s) in the code are not in %2. Refresh it (cmake --build <build> --target "
                        u"update_translations) and translate them:%3"_s
                            .arg(missing.size())
                            .arg(QDir(kSourceDir).relativeFilePath(kCatalogue), listed(missing))));
}

void TestTranslations::catalogueHasNoStaleMessages()
{
    scanCode();
    if (!m_lupdateProblem.isEmpty())
        QSKIP(qPrintable(m_lupdateProblem));
    QSet<QString> inCode;
    for (const Message &m : std::as_const(m_fromCode->messages))
        inCode.insert(m.key());
    QStringList stale;
    for (const Message &m : std::as_const(m_catalogue.messages)) {
        if (!inCode.contains(m.key()))
            stale.append(m.name());
    }
    QVERIFY2(stale.isEmpty(), qPrintable(u"%1 message(s) are no longer in the code; refresh the catalogue "
                                         u"(update_translations runs lupdate -no-obsolete):%2"_s
                                             .arg(stale.size())
                                             .arg(listed(stale))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
