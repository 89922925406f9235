// SPDX-License-Identifier: GPL-3.0-or-later
#include "spellchecker.h"

#include "io/safewrite.h"
#include "uilog.h"

#include <hunspell.hxx>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QCoreApplication>
#include <QThreadPool>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace frontmark {
namespace {

constexpr int maxListIndent = 15; // what the highlighter's block state keeps (4 bits)

enum class Kind { Other, Latin, Mark, Digit, Foreign, Cjk };

bool isCjk(char32_t c)
{
    // CJK symbols and punctuation, fullwidth and halfwidth forms: "Ｈｕｇｏ" is Latin script
    // to Unicode but CJK typography, and Hunspell would only trip over it.
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
        return true;
    const QChar::Script script = QChar::script(c);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana
        || script == QChar::Script_Hangul || script == QChar::Script_Bopomofo;
}

Kind kindOf(char32_t c)
{
    if (c < 0x80) { // the common case, without Unicode tables
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            return Kind::Latin;
        return c >= u'0' && c <= u'9' ? Kind::Digit : Kind::Other;
    }
    if (isCjk(c))
        return Kind::Cjk;
    if (QChar::isMark(c))
        return Kind::Mark;
    if (QChar::isNumber(c))
        return Kind::Digit;
    if (QChar::isLetter(c))
        return QChar::script(c) == QChar::Script_Latin ? Kind::Latin : Kind::Foreign;
    return Kind::Other;
}

bool inToken(Kind kind) { return kind != Kind::Other && kind != Kind::Cjk; }
bool isAsciiAlnum(QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); }
bool isSpace(QChar c) { return c == u' ' || c == u'\t'; }

qsizetype runOf(QStringView t, qsizetype i, QChar c)
{
    qsizetype j = i;
    while (j < t.size() && t[j] == c)
        ++j;
    return j - i;
}

// Columns of leading white space (a tab advances to the next multiple of 4) and its end.
std::pair<int, qsizetype> indentation(QStringView t)
{
    int columns = 0;
    qsizetype i = 0;
    for (; i < t.size() && isSpace(t[i]); ++i)
        columns = t[i] == u'\t' ? (columns / 4 + 1) * 4 : columns + 1;
    return {columns, i};
}

// Width of a list marker ("-", "*", "+", "1." or "1)") at `i` before a space or the end, or 0.
qsizetype listMarkerWidth(QStringView t, qsizetype i)
{
    qsizetype width = t[i] == u'-' || t[i] == u'*' || t[i] == u'+' ? 1 : 0;
    if (width == 0) {
        while (i + width < t.size() && width < 10 && t[i + width].isDigit())
            ++width;
        if (width == 0 || width > 9 || i + width >= t.size() || (t[i + width] != u'.' && t[i + width] != u')'))
            return 0;
        ++width;
    }
    return i + width == t.size() || isSpace(t[i + width]) ? width : 0;
}

// A fence opener as the highlighter sees it: ``` or ~~~ at any indentation.
bool opensFence(QStringView t, qsizetype i)
{
    const qsizetype run = i < t.size() && (t[i] == u'`' || t[i] == u'~') ? runOf(t, i, t[i]) : 0;
    return run >= 3 && (t[i] == u'~' || !t.sliced(i + run).contains(u'`'));
}

// An ATX heading: it ends a paragraph as a blank line does.
bool isHeading(QStringView t, qsizetype i)
{
    const qsizetype level = runOf(t, i, u'#');
    return level >= 1 && level <= 6 && (i + level == t.size() || isSpace(t[i + level]));
}

// One line's scan. Searches charge a budget linear in the line's length, so a line of
// thousands of unclosed "<" or "](" costs less checking, never quadratic time.
struct Scanner {
    QStringView t;
    qsizetype n = t.size();
    qint64 budget = 8 * qint64(t.size()) + 64;
    int openBrackets = 0;
    QList<WordRange> words;

    qsizetype find(QStringView needle, qsizetype from)
    {
        if (budget <= 0 || from >= n)
            return -1;
        const qsizetype at = t.sliced(from).indexOf(needle);
        budget -= at < 0 ? n - from : at + needle.size();
        return at < 0 ? -1 : from + at;
    }
    qsizetype find(QChar c, qsizetype from) { return find(QStringView(&c, 1), from); }
    qsizetype skipSpaces(qsizetype i) const { return i + indentation(t.sliced(std::min(i, n))).second; }

    Kind kindAt(qsizetype i, qsizetype *width = nullptr) const
    {
        const bool pair = t[i].isHighSurrogate() && i + 1 < n && t[i + 1].isLowSurrogate();
        if (width)
            *width = pair ? 2 : 1;
        return kindOf(pair ? QChar::surrogateToUcs4(t[i], t[i + 1]) : t[i].unicode());
    }

    void scanInline(qsizetype i)
    {
        while (i < n) {
            if (const qsizetype next = skipMarkup(i); next > i) {
                i = next;
                continue;
            }
            qsizetype width = 1;
            i = inToken(kindAt(i, &width)) ? scanToken(i) : i + width;
        }
    }

    // Where the scan goes on if Markdown, HTML, a shortcode or math starts at `i`, else `i`.
    qsizetype skipMarkup(qsizetype i)
    {
        const QStringView rest = t.sliced(i);
        const QChar next = i + 1 < n ? t[i + 1] : QChar();
        switch (t[i].unicode()) {
        case u'\\': // Markdown escapes ASCII punctuation only; before anything else it is a backslash
            return next.unicode() < 0x80 && next.isPunct() ? i + 2 : i + 1;
        case u'`':
            return afterCodeSpan(i);
        case u'$':
            return afterMath(i);
        case u'{': { // shortcodes with their arguments, Go template actions, attributes {#id .class}
            static constexpr std::pair<QStringView, QStringView> pairs[]{
                {u"{{<", u">}}"}, {u"{{%", u"%}}"}, {u"{{", u"}}"}, {u"{#", u"}"}, {u"{.", u"}"}};
            for (const auto &[opener, closer] : pairs) {
                if (rest.startsWith(opener)) {
                    const qsizetype end = find(closer, i + 2);
                    // An unclosed shortcode goes on in the next lines: the highlighter knows where it ends.
                    return end >= 0 ? end + closer.size() : closer.size() == 1 ? i + 1 : n;
                }
            }
            return i + 1;
        }
        case u'<': {
            if (rest.startsWith(u"<!--")) {
                const qsizetype end = find(u"-->", i + 4);
                return end >= 0 ? end + 3 : n;
            }
            // HTML tags with their attributes, autolinks (<https://…>, <a@b.example>).
            if (next.unicode() >= 0x80 || !(next.isLetter() || next == u'/' || next == u'!' || next == u'?'))
                return i + 1;
            const qsizetype end = find(u'>', i + 1);
            return end >= 0 ? end + 1 : i + 1;
        }
        case u'&': { // entities: &nbsp; &#8212;
            qsizetype j = i + 1;
            while (j < n && j - i < 32 && (isAsciiAlnum(t[j]) || t[j] == u'#'))
                ++j;
            return j < n && t[j] == u';' && j > i + 1 ? j + 1 : i + 1;
        }
        case u'[':
            ++openBrackets;
            return i + 1;
        case u']': { // link text is prose; the destination, title or reference label is not
            const bool link = openBrackets > 0 && (next == u'(' || next == u'[');
            openBrackets = std::max(openBrackets - 1, 0);
            qsizetype end = -1;
            if (link && next == u'(')
                end = afterLinkTail(i + 1);
            else if (link && (end = find(u']', i + 2)) >= 0)
                ++end;
            return end >= 0 ? end : i + 1;
        }
        default:
            return i;
        }
    }

    // A code span: a backtick run closed by a run of the same length (CommonMark 6.1); an
    // unclosed run is literal text.
    qsizetype afterCodeSpan(qsizetype i)
    {
        const qsizetype run = runOf(t, i, u'`');
        for (qsizetype j = i + run; j < n && budget > 0; --budget) {
            const qsizetype close = runOf(t, j, u'`');
            if (close == run)
                return j + close;
            j += std::max<qsizetype>(close, 1);
        }
        return i + run;
    }

    // TeX math (KaTeX, MathJax, Hugo's passthrough): $$…$$, and $…$ by pandoc's rule, so that
    // "$5 and $10" is no formula: no space inside the dollars, no digit right after the closing one.
    qsizetype afterMath(qsizetype i)
    {
        if (i + 1 < n && t[i + 1] == u'$') {
            const qsizetype end = find(u"$$", i + 2);
            return end >= 0 ? end + 2 : n;
        }
        if (i + 1 >= n || t[i + 1].isSpace())
            return i + 1;
        for (qsizetype end = find(u'$', i + 1); end >= 0; end = find(u'$', end + 1)) {
            if (!t[end - 1].isSpace() && t[end - 1] != u'\\')
                return end + 1 < n && t[end + 1].isDigit() ? i + 1 : end + 1;
        }
        return i + 1;
    }

    // After "](" at `open`: just past the ")" that ends an inline link's destination and title
    // (CommonMark 6.3), or -1 if what follows is no link.
    qsizetype afterLinkTail(qsizetype open)
    {
        qsizetype i = skipSpaces(open + 1);
        for (int depth = 0; i < n && budget > 0 && !isSpace(t[i]); ++i, --budget) { // also <…>
            if (t[i] == u'\\')
                ++i;
            else if (t[i] == u'(')
                ++depth;
            else if (t[i] == u')' && depth-- == 0)
                break;
        }
        i = skipSpaces(i);
        if (i < n && (t[i] == u'"' || t[i] == u'\'' || t[i] == u'(')) { // a title: skipped with the destination
            const qsizetype end = find(t[i] == u'(' ? u')' : t[i], i + 1);
            if (end < 0)
                return -1;
            i = skipSpaces(end + 1);
        }
        return i < n && t[i] == u')' ? i + 1 : -1;
    }

    // A bare URL starts at `i` ("scheme://", "www.", "mailto:"): where it ends, else `i`.
    qsizetype afterUrl(qsizetype i) const
    {
        qsizetype j = i;
        while (j < n && j - i < 32 && (isAsciiAlnum(t[j]) || t[j] == u'+' || t[j] == u'.' || t[j] == u'-'))
            ++j;
        const QStringView rest = t.sliced(i);
        if (!(j - i >= 2 && rest.sliced(j - i).startsWith(u"://")) && !rest.startsWith(u"www.", Qt::CaseInsensitive)
            && !rest.startsWith(u"mailto:", Qt::CaseInsensitive))
            return i;
        // Up to white space, or to where Markdown, HTML or CJK text takes over.
        while (j < n && !t[j].isSpace() && t[j] != u'<' && t[j] != u'>' && t[j] != u'"' && t[j] != u'`'
               && (t[j].unicode() < 0x80 || !isCjk(t[j].unicode())))
            ++j;
        return j;
    }

    // A token: letters, marks and digits, joined by ' ’ - ‐ . _ @ / between them. Adds its
    // words unless it is a name, a path, a version or an address; returns where it ends.
    qsizetype scanToken(qsizetype start)
    {
        if (const qsizetype url = afterUrl(start); url > start)
            return url;
        // "@name" is a handle; "\name" a TeX command or part of a Windows path.
        const bool command = start > 0 && t[start - 1] == u'\\';
        bool skip = command || (start > 0 && t[start - 1] == u'@');
        qsizetype i = start;
        while (i < n) {
            qsizetype width = 1;
            const Kind kind = kindAt(i, &width);
            if (inToken(kind)) {
                skip = skip || kind == Kind::Digit || kind == Kind::Foreign;
                i += width;
                continue;
            }
            const QChar c = t[i];
            const bool joiner = c == u'\'' || c == u'\u2019' || c == u'-' || c == u'\u2010' || c == u'.' || c == u'_'
                || c == u'@' || c == u'/';
            if (!joiner || i + 1 >= n || !inToken(kindAt(i + 1)) || kindAt(i + 1) == Kind::Mark)
                break;
            skip = skip || (c != u'-' && c != u'\u2010' && c != u'\'' && c != u'\u2019');
            ++i;
        }
        // \begin{aligned}, \textbf{…}[…]: a TeX command's arguments are TeX too.
        while (command && i < n && (t[i] == u'{' || t[i] == u'[')) {
            const qsizetype end = find(t[i] == u'{' ? u'}' : u']', i + 1);
            if (end < 0)
                break;
            i = end + 1;
        }
        for (qsizetype from = start, j = start; !skip && j <= i; ++j) { // a hyphen splits words
            if (j == i || t[j] == u'-' || t[j] == u'\u2010') {
                addWord(from, j);
                from = j + 1;
            }
        }
        return i;
    }

    void addWord(qsizetype start, qsizetype end)
    {
        if (end - start < 2)
            return;
        // ALL-CAPS abbreviations, also in the plural or possessive ("APIs", "NASA's"), and words
        // with a capital after a small letter (camelCase, iPhone, McDonald) are names, not prose.
        qsizetype capsEnd = end;
        if (t[end - 1] == u's')
            capsEnd -= end - start > 2 && (t[end - 2] == u'\'' || t[end - 2] == u'\u2019') ? 2 : 1;
        int upper = 0;
        bool lower = false;
        for (qsizetype i = start; i < end; ++i) {
            if (t[i].isUpper() && i > start && t[i - 1].isLower())
                return;
            upper += t[i].isUpper() && i < capsEnd ? 1 : 0;
            lower = lower || (t[i].isLower() && i < capsEnd);
        }
        if (upper < 2 || lower)
            words.append({start, end - start});
    }
};

} // namespace

SpellContext nextSpellContext(QStringView line, SpellContext context)
{
    SpellContext next;
    next.listIndent = context.listIndent;
    const auto [indent, i] = indentation(line);
    if (i == line.size() || (indent >= context.listIndent + 4 && !context.afterParagraph))
        return next; // a blank line ends a paragraph, not a list; indented code
    if (const qsizetype marker = listMarkerWidth(line, i); marker > 0) {
        const auto [spaces, text] = indentation(line.sliced(i + marker));
        const int gap = spaces >= 1 && spaces <= 4 ? spaces : 1; // CommonMark 5.2
        next.listIndent = std::min(indent + int(marker) + gap, maxListIndent);
        next.afterParagraph = i + marker + text < line.size();
        return next;
    }
    // Less indented than the item's content, after a blank line: an outer item or no list.
    if (context.listIndent > 0 && indent < context.listIndent && !context.afterParagraph)
        next.listIndent = indent;
    next.afterParagraph = !opensFence(line, i) && !isHeading(line, i);
    return next;
}

QList<WordRange> checkableWords(QStringView line, SpellContext context, qsizetype from)
{
    Scanner scanner{line};
    if (context.inFence || from >= line.size())
        return {};
    qsizetype i = from; // > 0: inline text after a shortcode or comment from earlier lines
    if (from == 0) {
        const auto [indent, start] = indentation(line);
        if (start == line.size() || (indent >= context.listIndent + 4 && !context.afterParagraph)
            || opensFence(line, start))
            return {}; // blank, indented code, a fence's opening line and its info string
        for (i = start; i < line.size() && line[i] == u'>';) // block quote markers
            i = scanner.skipSpaces(i + 1);
        // A link reference definition "[label]: destination" holds no prose; a footnote's does.
        const bool label = i + 1 < line.size() && line[i] == u'[' && line[i + 1] != u'^';
        const qsizetype close = label ? scanner.find(u"]:", i + 1) : -1;
        if (close > i && !line.sliced(i + 1, close - i - 1).contains(u']'))
            return {};
    }
    scanner.scanInline(i);
    return scanner.words;
}

namespace {

// Hunspell refuses longer words (MAXWORDLEN); they are taken as correct.
constexpr qsizetype maxWordBytes = 99;
constexpr qsizetype maxCacheSize = 200'000;

struct Locale { QString language, region; };

// "en-us", "en_GB", "zh-Hant-TW", "de_DE_frami", "pt_BR.UTF-8" → language and region.
Locale parseLocale(const QString &code)
{
    const QStringList parts = code.section(u'.', 0, 0).section(u'@', 0, 0).trimmed().replace(u'-', u'_').split(u'_');
    Locale locale{parts.value(0).toLower(), {}};
    // After the language: maybe a script (Hant, Latn), then maybe a region (TW, 419).
    const QString region = parts.value(parts.value(1).size() == 4 ? 2 : 1);
    if (region.size() == 2 || (region.size() == 3 && region[0].isDigit()))
        locale.region = region.toUpper();
    return locale;
}

QStringList defaultSearchPaths()
{
    QStringList paths;
    for (const QString &path : qEnvironmentVariable("DICPATH").split(u':', Qt::SkipEmptyParts))
        paths.append(path);
    for (const QString &dir : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        paths << dir + u"/hunspell"_s << dir + u"/myspell"_s << dir + u"/myspell/dicts"_s;
    paths << u"/usr/share/hunspell"_s << u"/usr/share/myspell/dicts"_s; // also in test mode
    paths.removeDuplicates();
    return paths;
}

QStringList readWordList(const QString &path)
{
    QFile file(path);
    QStringList words;
    if (file.open(QIODevice::ReadOnly))
        words = QString::fromUtf8(file.readAll()).remove(u'\r').split(u'\n', Qt::SkipEmptyParts);
    words.removeDuplicates();
    return words;
}

} // namespace

SpellChecker::SpellChecker(QObject *parent)
    : QObject(parent), m_searchPaths(defaultSearchPaths()), m_personal(readWordList(personalWordsPath()))
{
}

SpellChecker::~SpellChecker() = default;

// Hunspell takes and gives bytes in the dictionary's encoding (the .aff file's SET).
std::optional<std::string> SpellChecker::encode(const QString &word) const
{
    m_encoder.resetState();
    const QByteArray bytes = m_encoder(word);
    return m_encoder.hasError() ? std::nullopt : std::optional(bytes.toStdString());
}

QMap<QString, QString> SpellChecker::findDictionaries() const
{
    QMap<QString, QString> found; // name → path without ".aff"
    for (const QString &path : m_searchPaths) {
        const QDir dir(path);
        for (const QFileInfo &aff : dir.entryInfoList({u"*.aff"_s}, QDir::Files | QDir::Readable)) {
            const QString base = dir.filePath(aff.completeBaseName());
            const QFileInfo dic(base + u".dic"_s);
            if (!found.contains(aff.completeBaseName()) && dic.isFile() && dic.isReadable())
                found.insert(aff.completeBaseName(), base);
        }
    }
    return found;
}

QString SpellChecker::dictionaryFor(const QString &languageCode) const
{
    Locale want = parseLocale(languageCode);
    if (want.language.isEmpty())
        want.language = u"en"_s;
    static const QStringList cjk{u"zh"_s, u"ja"_s, u"ko"_s, u"yue"_s, u"cmn"_s};
    if (cjk.contains(want.language))
        want = {u"en"_s, QString()};
    const QString usual = want.language == u"en" ? u"US"_s : want.language.toUpper();
    QString best;
    int bestRank = 0;
    for (const QString &name : findDictionaries().keys()) {
        const Locale have = parseLocale(name);
        if (have.language != want.language)
            continue;
        const int rank = !want.region.isEmpty() && have.region == want.region ? 0
            : have.region == usual                                            ? 1
            : have.region.isEmpty()                                           ? 2
                                                                              : 3;
        if (best.isEmpty() || rank < bestRank || (rank == bestRank && name.size() < best.size())) {
            best = name;
            bestRank = rank;
        }
    }
    return best;
}

std::optional<QString> SpellChecker::switchTo(const QString &name)
{
    if (name == m_dictionary)
        return std::nullopt;
    ++m_loads; // a load still on its way is for another language now
    m_hunspell.reset();
    m_cache.clear();
    m_dictionary = name;
    const QString base = findDictionaries().value(name);
    if (base.isEmpty()) {
        m_dictionary.clear();
        Q_EMIT changed();
    }
    return base;
}

static std::shared_ptr<Hunspell> readDictionary(const QString &base)
{
    return std::make_shared<Hunspell>(QFile::encodeName(base + u".aff"_s).constData(),
                                      QFile::encodeName(base + u".dic"_s).constData());
}

QString SpellChecker::setLanguage(const QString &languageCode)
{
    const QString name = dictionaryFor(languageCode);
    if (const std::optional<QString> base = switchTo(name); base && !base->isEmpty())
        install(m_loads, name, readDictionary(*base));
    return m_dictionary;
}

QString SpellChecker::loadLanguage(const QString &languageCode)
{
    const QString name = dictionaryFor(languageCode);
    const std::optional<QString> base = switchTo(name);
    if (!base || base->isEmpty())
        return m_dictionary;
    const quint64 load = m_loads;
    const QPointer<SpellChecker> self(this);
    QThreadPool::globalInstance()->start([self, load, name, base = *base] {
        std::shared_ptr<Hunspell> hunspell = readDictionary(base);
        QMetaObject::invokeMethod(qApp, [self, load, name, hunspell] {
            if (SpellChecker *checker = self.data())
                checker->install(load, name, hunspell);
        });
    });
    return m_dictionary;
}

void SpellChecker::install(quint64 load, const QString &name, std::shared_ptr<Hunspell> hunspell)
{
    if (load != m_loads)
        return;
    const QByteArray encoding = QByteArray::fromStdString(hunspell->get_dict_encoding());
    m_encoder = QStringEncoder(encoding.constData());
    m_decoder = QStringDecoder(encoding.constData());
    if (m_encoder.isValid() && m_decoder.isValid()) {
        m_hunspell = std::move(hunspell);
        for (const QString &word : std::as_const(m_personal))
            addToHunspell(word);
    } else {
        qCWarning(lcUi) << "Spell checking is off: dictionary" << name << "has an unknown encoding" << encoding;
        m_dictionary.clear();
    }
    Q_EMIT changed();
}

bool SpellChecker::isCorrect(const QString &word)
{
    if (!m_hunspell || word.isEmpty())
        return true;
    if (const auto cached = m_cache.constFind(word); cached != m_cache.cend())
        return *cached;
    bool correct = m_ignored.contains(word);
    if (!correct) {
        const std::optional<std::string> bytes = encode(word);
        correct = bytes && (qsizetype(bytes->size()) > maxWordBytes || m_hunspell->spell(*bytes));
        // Dictionaries without ICONV for the typographic apostrophe still know "don't".
        if (!correct && word.contains(u'\u2019'))
            correct = isCorrect(QString(word).replace(u'\u2019', u'\''));
    }
    if (m_cache.size() >= maxCacheSize)
        m_cache.clear();
    m_cache.insert(word, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word, int limit) const
{
    QStringList out;
    if (!m_hunspell || limit <= 0)
        return out;
    const std::optional<std::string> bytes = encode(word);
    if (!bytes || qsizetype(bytes->size()) > maxWordBytes)
        return out;
    for (const std::string &suggestion : m_hunspell->suggest(*bytes)) {
        m_decoder.resetState();
        const QString text = m_decoder(QByteArrayView(suggestion.data(), qsizetype(suggestion.size())));
        if (!text.isEmpty() && text != word && !out.contains(text))
            out.append(text);
        if (out.size() >= limit)
            break;
    }
    return out;
}

QString SpellChecker::personalWordsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/words.txt"_s;
}

bool SpellChecker::addToHunspell(const QString &word)
{
    const std::optional<std::string> bytes = m_hunspell ? encode(word) : std::nullopt;
    return bytes && m_hunspell->add(*bytes) == 0;
}

Status SpellChecker::add(const QString &word)
{
    const QString added = word.trimmed();
    if (added.isEmpty() || added.contains(u'\n'))
        return Ok{};
    // Another window may have added words since this one read the list: keep theirs too.
    const QString path = personalWordsPath();
    QStringList words = readWordList(path) + m_personal + QStringList{added};
    words.removeDuplicates();
    for (const QString &w : std::as_const(words)) {
        if (!m_personal.contains(w))
            addToHunspell(w);
    }
    m_personal = words;
    m_cache.clear(); // also the capitalised forms Hunspell now accepts
    Q_EMIT changed();
    QDir().mkpath(QFileInfo(path).absolutePath());
    return writeFileAtomically(path, (words.join(u'\n') + u'\n').toUtf8());
}

void SpellChecker::ignore(const QString &word)
{
    if (word.isEmpty() || m_ignored.contains(word))
        return;
    m_ignored.insert(word);
    m_cache.insert(word, true);
    Q_EMIT changed();
}

} // namespace frontmark
