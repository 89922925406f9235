// SPDX-License-Identifier: GPL-3.0-or-later
#include "wordcount.h"

#include <QChar>

namespace frontmark {
namespace {

enum class Kind { Space, Cjk, Word, Punctuation, Ignorable };

constexpr bool isAsciiLetter(char32_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

constexpr bool isAsciiDigit(char32_t c)
{
    return c >= u'0' && c <= u'9';
}

Kind classify(char32_t cp)
{
    if (cp < 0x80) {
        if (isAsciiLetter(cp) || isAsciiDigit(cp))
            return Kind::Word;
        if (cp == u' ' || (cp >= 0x09 && cp <= 0x0D))
            return Kind::Space;
        return cp < 0x20 || cp == 0x7F ? Kind::Ignorable : Kind::Punctuation;
    }
    // The common CJK blocks hold letters only: no table look-up for them.
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3041 && cp <= 0x3096)
        || (cp >= 0x30A1 && cp <= 0x30FA))
        return Kind::Cjk;
    switch (QChar::category(cp)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return Kind::Space;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Other_Control:
        return cp == 0x85 ? Kind::Space : Kind::Ignorable; // U+0085 NEXT LINE is a line break
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        switch (QChar::script(cp)) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Hangul:
            return Kind::Cjk;
        default:
            // The prolonged sound marks (コーヒー) are script Common, but a reader counts them.
            return cp == 0x30FC || cp == 0xFF70 ? Kind::Cjk : Kind::Word;
        }
    default:
        return Kind::Punctuation;
    }
}

// The single pass behind countText(). The "no closer" flags and "fail until" offsets make a
// failed search for the end of some syntax happen at most once per text (or per line), so
// the pass stays linear even for text full of unclosed "{{<", "<!--", "<a" or "](".
class Counter
{
public:
    explicit Counter(QStringView text) : m_text(text), m_size(text.size()) {}
    TextStats run();

private:
    char32_t codePointAt(qsizetype i, qsizetype *units) const;
    bool joinsWord(char32_t cp, qsizetype next) const;
    qsizetype shortcodeEnd(qsizetype i);
    qsizetype commentEnd(qsizetype i);
    qsizetype tagEnd(qsizetype i);
    qsizetype destinationEnd(qsizetype i);
    qsizetype urlEnd(qsizetype i);
    qsizetype skipListNumber(qsizetype i);

    QStringView m_text;
    qsizetype m_size;
    TextStats m_stats;
    bool m_inWord = false;
    bool m_lastWasDigit = false;
    qsizetype m_wordStart = 0;
    int m_wordCharacters = 0;
    bool m_noAngleShortcodeEnd = false;
    bool m_noPercentShortcodeEnd = false;
    bool m_noCommentEnd = false;
    qsizetype m_noTagEndBefore = -1;
    qsizetype m_noDestinationEndBefore = -1;
};

char32_t Counter::codePointAt(qsizetype i, qsizetype *units) const
{
    const QChar c = m_text[i];
    if (c.isHighSurrogate() && i + 1 < m_size && m_text[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, m_text[i + 1]);
    }
    *units = 1;
    return c.unicode(); // a lone surrogate stays itself and counts as punctuation
}

// Apostrophes, hyphens and underscores join letters and digits (don't, e-mail, snake_case);
// "." and "," join digits only (3.14, 1,000), so a sentence's full stop still ends its word.
bool Counter::joinsWord(char32_t cp, qsizetype next) const
{
    const bool betweenDigits = cp == u'.' || cp == u',';
    if (!betweenDigits && cp != u'\'' && cp != u'-' && cp != u'_' && cp != 0x2019 && cp != 0x2010
        && cp != 0x2011)
        return false;
    if (next >= m_size || (betweenDigits && !m_lastWasDigit))
        return false;
    qsizetype units = 0;
    const char32_t after = codePointAt(next, &units);
    return betweenDigits ? isAsciiDigit(after) : classify(after) == Kind::Word;
}

qsizetype Counter::shortcodeEnd(qsizetype i)
{
    const QStringView rest = m_text.sliced(i);
    if (rest.startsWith(u"{{<") && !m_noAngleShortcodeEnd) {
        const qsizetype end = m_text.indexOf(u">}}", i + 3);
        m_noAngleShortcodeEnd = end < 0;
        return end < 0 ? -1 : end + 3;
    }
    if (rest.startsWith(u"{{%") && !m_noPercentShortcodeEnd) {
        const qsizetype end = m_text.indexOf(u"%}}", i + 3);
        m_noPercentShortcodeEnd = end < 0;
        return end < 0 ? -1 : end + 3;
    }
    return -1;
}

qsizetype Counter::commentEnd(qsizetype i)
{
    if (m_noCommentEnd || !m_text.sliced(i).startsWith(u"<!--"))
        return -1;
    const qsizetype end = m_text.indexOf(u"-->", i + 4);
    m_noCommentEnd = end < 0;
    return end < 0 ? -1 : end + 3;
}

// An HTML tag or autolink: "<" then a letter or "/" and a letter, up to ">" on the same line.
qsizetype Counter::tagEnd(qsizetype i)
{
    if (i < m_noTagEndBefore || i + 1 >= m_size)
        return -1;
    const char16_t first = m_text[i + 1].unicode();
    const bool closing = first == u'/' && i + 2 < m_size && isAsciiLetter(m_text[i + 2].unicode());
    if (!closing && !isAsciiLetter(first))
        return -1;
    qsizetype j = i + 1;
    while (j < m_size && m_text[j] != u'>' && m_text[j] != u'\n')
        ++j;
    if (j < m_size && m_text[j] == u'>')
        return j + 1;
    m_noTagEndBefore = j; // no ">" left on this line
    return -1;
}

// The destination (and title) of a link or image: "(" right after "]", to its matching ")"
// on the same line; CommonMark allows balanced parentheses and escapes inside.
qsizetype Counter::destinationEnd(qsizetype i)
{
    if (i < m_noDestinationEndBefore)
        return -1;
    int depth = 0;
    qsizetype j = i + 1;
    for (; j < m_size; ++j) {
        const QChar c = m_text[j];
        if (c == u'\\') {
            ++j;
        } else if (c == u'\n') {
            break;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (depth == 0)
                return j + 1;
            --depth;
        }
    }
    m_noDestinationEndBefore = j;
    return -1;
}

// A bare URL: the word before ":" was its scheme. Takes the scheme back out of the counts.
qsizetype Counter::urlEnd(qsizetype i)
{
    if (i + 2 >= m_size || m_text[i + 1] != u'/' || m_text[i + 2] != u'/')
        return -1;
    for (qsizetype k = m_wordStart; k < i; ++k) {
        if (!isAsciiLetter(m_text[k].unicode()))
            return -1;
    }
    --m_stats.latinWords;
    m_stats.characters -= m_wordCharacters;
    m_inWord = false;
    qsizetype j = i + 3;
    while (j < m_size) {
        const char16_t c = m_text[j].unicode();
        if (c <= 0x20 || c >= 0x7F || c == u'<' || c == u'>' || c == u'"' || c == u'`')
            break;
        ++j;
    }
    return j;
}

// The number of an ordered list item ("1." or "12)" after spaces and quote markers, then a
// space or the line end) is Markdown syntax: characters, but no word.
qsizetype Counter::skipListNumber(qsizetype i)
{
    qsizetype j = i;
    int quoteMarkers = 0;
    while (j < m_size && (m_text[j] == u' ' || m_text[j] == u'\t' || m_text[j] == u'>')) {
        quoteMarkers += m_text[j] == u'>' ? 1 : 0;
        ++j;
    }
    const qsizetype digits = j;
    while (j < m_size && j - digits < 10 && isAsciiDigit(m_text[j].unicode()))
        ++j;
    const qsizetype count = j - digits;
    if (count == 0 || count > 9 || j >= m_size || (m_text[j] != u'.' && m_text[j] != u')'))
        return i;
    ++j;
    if (j < m_size && m_text[j] != u' ' && m_text[j] != u'\t' && m_text[j] != u'\n' && m_text[j] != u'\r')
        return i;
    m_stats.characters += quoteMarkers + int(count) + 1;
    return j;
}

TextStats Counter::run()
{
    qsizetype i = 0;
    bool atLineStart = true;
    while (i < m_size) {
        if (atLineStart) {
            atLineStart = false;
            i = skipListNumber(i);
            if (i >= m_size)
                break;
        }
        const char16_t u = m_text[i].unicode();
        qsizetype skipTo = -1;
        switch (u) {
        case u'{':
            skipTo = shortcodeEnd(i);
            break;
        case u'<':
            skipTo = commentEnd(i);
            if (skipTo < 0)
                skipTo = tagEnd(i);
            break;
        case u'(':
            if (i > 0 && m_text[i - 1] == u']')
                skipTo = destinationEnd(i);
            break;
        case u':':
            if (m_inWord)
                skipTo = urlEnd(i);
            break;
        default:
            break;
        }
        if (skipTo >= 0) {
            m_inWord = false;
            i = skipTo;
            continue;
        }

        qsizetype units = 1;
        const char32_t cp = u < 0xD800 || u > 0xDFFF ? char32_t(u) : codePointAt(i, &units);
        switch (classify(cp)) {
        case Kind::Space:
            m_inWord = false;
            atLineStart = cp == u'\n';
            break;
        case Kind::Ignorable:
            break;
        case Kind::Cjk:
            m_inWord = false;
            ++m_stats.cjkCharacters;
            ++m_stats.characters;
            break;
        case Kind::Word:
            if (!m_inWord) {
                m_inWord = true;
                m_wordStart = i;
                m_wordCharacters = 0;
                ++m_stats.latinWords;
            }
            m_lastWasDigit = isAsciiDigit(cp);
            ++m_wordCharacters;
            ++m_stats.characters;
            break;
        case Kind::Punctuation:
            ++m_stats.characters;
            if (m_inWord && joinsWord(cp, i + units))
                ++m_wordCharacters;
            else
                m_inWord = false;
            break;
        }
        i += units;
    }

    m_stats.words = m_stats.cjkCharacters + m_stats.latinWords;
    if (m_stats.words > 0) {
        // cjk/300 + latin/200 minutes = (2 cjk + 3 latin)/600, rounded up; 64-bit against overflow.
        const qint64 units600 = 2 * qint64(m_stats.cjkCharacters) + 3 * qint64(m_stats.latinWords);
        m_stats.readingMinutes = int((units600 + 599) / 600);
    }
    return m_stats;
}

} // namespace

TextStats countText(QStringView markdownBody)
{
    return Counter(markdownBody).run();
}

} // namespace frontmark
