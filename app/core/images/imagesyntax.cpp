// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesyntax_p.h"

using namespace Qt::StringLiterals;

namespace frontmark::imagesyntax {

namespace {

// CommonMark limits: a link label has at most 999 characters; cmark-gfm gives up on
// destinations nested deeper than 32 parentheses.
constexpr qsizetype kMaxLabel = 999;
constexpr int kMaxParens = 32;

bool isLineEnd(QChar c)
{
    return c == u'\n' || c == u'\r';
}

// Spaces and tabs, then at most one line ending and the next line's container prefix
// (cmark-gfm allows one line ending between the parts of a link).
qsizetype skipLinkSpace(QStringView s, qsizetype i, qsizetype limit, bool *crossedLine = nullptr)
{
    bool crossed = false;
    while (i < limit) {
        const QChar c = s[i];
        if (c == u' ' || c == u'\t' || (crossed && c == u'>' )) {
            ++i;
        } else if (isLineEnd(c) && !crossed) {
            if (c == u'\r' && i + 1 < limit && s[i + 1] == u'\n')
                ++i;
            ++i;
            crossed = true;
        } else {
            break;
        }
    }
    if (crossedLine)
        *crossedLine = crossed;
    return i;
}

struct Parsed {
    Destination dest;
    qsizetype next = -1; // first position after the destination and title
};

// A destination, then an optional title after white space (the grammar shared by inline
// links and reference definitions).
std::optional<Parsed> parseDestinationAndTitle(QStringView s, qsizetype i, qsizetype limit, bool allowEmpty)
{
    Parsed out;
    if (i < limit && s[i] == u'<') {
        qsizetype j = i + 1;
        while (j < limit && s[j] != u'>') {
            if (isLineEnd(s[j]) || s[j] == u'<')
                return std::nullopt;
            j += (s[j] == u'\\' && j + 1 < limit) ? 2 : 1;
        }
        if (j >= limit)
            return std::nullopt;
        out.dest.url = {i + 1, j - i - 1};
        out.dest.angle = true;
        i = j + 1;
    } else {
        qsizetype j = i;
        int depth = 0;
        while (j < limit) {
            const QChar c = s[j];
            if (c == u'\\' && j + 1 < limit && isAsciiPunctuation(s[j + 1])) {
                j += 2;
                continue;
            }
            if (c.isSpace() || c.unicode() < 0x20)
                break;
            if (c == u'(' && ++depth > kMaxParens)
                return std::nullopt;
            if (c == u')') {
                if (depth == 0)
                    break;
                --depth;
            }
            ++j;
        }
        if (depth != 0 || (j == i && !allowEmpty))
            return std::nullopt;
        out.dest.url = {i, j - i};
        i = j;
    }
    out.dest.end = i;
    out.next = i;
    const qsizetype afterSpace = skipLinkSpace(s, i, limit);
    if (afterSpace < limit && (afterSpace > i || out.dest.url.length == 0)
        && (s[afterSpace] == u'"' || s[afterSpace] == u'\'' || s[afterSpace] == u'(')) {
        const QChar close = s[afterSpace] == u'(' ? u')' : s[afterSpace];
        qsizetype j = afterSpace + 1;
        while (j < limit && s[j] != close) {
            if (close == u')' && s[j] == u'(')
                return out; // not a title: the caller decides what the rest is
            j += (s[j] == u'\\' && j + 1 < limit) ? 2 : 1;
        }
        if (j < limit) {
            out.dest.title = {afterSpace + 1, j - afterSpace - 1};
            out.next = j + 1;
        }
    }
    return out;
}

// Hugo's lexShortcodeQuotedParamVal from the opening quote at `p`: the inside as written,
// where the value ends, and the value read ("\"" allowed, then every backslash dropped).
struct Quoted {
    TextRange inside;
    qsizetype end = -1;
    QString text;
};
std::optional<Quoted> lexQuoted(QStringView s, qsizetype p, qsizetype limit)
{
    bool escapedInner = false;
    qsizetype j = p + 1;
    for (; j < limit; ++j) {
        const QChar c = s[j];
        if (c == u'\n')
            return std::nullopt;
        if (c == u'\\' && j + 1 < limit) {
            if (s[j + 1] == u'`')
                return std::nullopt;
            if (s[j + 1] == u'"') {
                escapedInner = true;
                ++j;
            }
            continue;
        }
        if (c == u'"')
            break;
    }
    if (j >= limit)
        return std::nullopt;
    Quoted q;
    q.inside = {p + 1, j - p - 1};
    q.end = j + 1;
    q.text = s.sliced(p + 1, j - p - 1).toString();
    if (escapedInner)
        q.text.remove(u'\\');
    return q;
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'/' || c == u'.';
}

// A value after "=" or a positional argument: "…", `…` or bare. `bareUntilSpace`: after "=",
// Hugo takes everything up to white space; a positional bare word is letters, digits, - _ .
std::optional<ShortcodeArgument> lexValue(QStringView s, qsizetype p, qsizetype limit, bool bareUntilSpace)
{
    ShortcodeArgument a;
    if (s[p] == u'\\' && p + 1 < limit && s[p + 1] == u'"') {
        // Hugo's \"…\" form: the value ends at the next \", backslashes kept.
        const qsizetype close = s.indexOf(u"\\\""_s, p + 2);
        if (close < 0 || close >= limit || s.sliced(p, close - p).contains(u'\n'))
            return std::nullopt;
        a.value = {p + 2, close - p - 2};
        a.text = s.sliced(p + 2, close - p - 2).toString();
        a.token = {p, close + 2 - p};
    } else if (s[p] == u'"') {
        const std::optional<Quoted> q = lexQuoted(s, p, limit);
        if (!q)
            return std::nullopt;
        a.value = q->inside;
        a.text = q->text;
        a.token = {p, q->end - p};
    } else if (s[p] == u'`') {
        const qsizetype close = s.indexOf(u'`', p + 1);
        if (close < 0 || close >= limit)
            return std::nullopt;
        a.value = {p + 1, close - p - 1};
        a.text = s.sliced(p + 1, close - p - 1).toString();
        a.token = {p, close + 1 - p};
    } else {
        qsizetype q = p;
        while (q < limit && !s[q].isSpace() && (bareUntilSpace || (isNameChar(s[q]) && s[q] != u'/')))
            ++q;
        if (q == p)
            return std::nullopt;
        a.value = {p, q - p};
        a.text = s.sliced(p, q - p).toString();
        a.token = a.value;
    }
    return a;
}

} // namespace

int displayWidth(QStringView text)
{
    // UAX #11 East Asian Wide and Fullwidth ranges that occur in text.
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0xA4CF)
            || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
            || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF)
            || (c >= 0x20000 && c <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

bool isCaptionText(QStringView line)
{
    const QStringView text = line.trimmed();
    return !text.isEmpty() && displayWidth(text) <= kMaxCaptionColumns && !text.startsWith(u"{{<")
        && !text.startsWith(u"{{%") && !text.endsWith(u':') && !text.endsWith(u'：');
}

bool isContainerPrefix(QStringView prefix)
{
    const qsizetype n = prefix.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = prefix[i];
        const auto spaceOrEnd = [&](qsizetype at) { return at >= n || prefix[at] == u' ' || prefix[at] == u'\t'; };
        if (c == u' ' || c == u'\t' || c == u'>') {
            ++i;
        } else if ((c == u'-' || c == u'+' || c == u'*') && spaceOrEnd(i + 1)) {
            ++i;
        } else if (c.isDigit() && c.unicode() < 0x80) {
            qsizetype j = i;
            while (j < n && j - i < 9 && prefix[j].isDigit() && prefix[j].unicode() < 0x80)
                ++j;
            if (j >= n || (prefix[j] != u'.' && prefix[j] != u')') || !spaceOrEnd(j + 1))
                return false;
            i = j + 1;
        } else {
            return false;
        }
    }
    return true;
}

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'!' && u <= u'/') || (u >= u':' && u <= u'@') || (u >= u'[' && u <= u'`') || (u >= u'{' && u <= u'~');
}

bool startsEntity(QStringView s, qsizetype pos)
{
    if (pos >= s.size() || s[pos] != u'&')
        return false;
    qsizetype i = pos + 1;
    qsizetype maxLength = 32;
    bool hex = false, numeric = false;
    if (i < s.size() && s[i] == u'#') {
        numeric = true;
        ++i;
        maxLength = 7;
        if (i < s.size() && (s[i] == u'x' || s[i] == u'X')) {
            hex = true;
            ++i;
            maxLength = 6;
        }
    }
    const qsizetype first = i;
    while (i < s.size() && i - first < maxLength) {
        const char16_t c = s[i].unicode();
        const bool digit = c >= u'0' && c <= u'9';
        const bool hexLetter = (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (!(digit || (hex && hexLetter) || (!numeric && letter)))
            break;
        ++i;
    }
    return i > first && i < s.size() && s[i] == u';';
}

QString unescape(QStringView text)
{
    if (!text.contains(u'\\') && !text.contains(u'&'))
        return text.toString();
    static const std::pair<QStringView, QStringView> named[] = {
        {u"amp", u"&"}, {u"lt", u"<"}, {u"gt", u">"}, {u"quot", u"\""}, {u"apos", u"'"}, {u"nbsp", u"\u00a0"},
    };
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < text.size() && isAsciiPunctuation(text[i + 1])) {
            out += text[++i];
            continue;
        }
        if (c == u'&' && startsEntity(text, i)) {
            const qsizetype semi = text.indexOf(u';', i);
            const QStringView name = text.sliced(i + 1, semi - i - 1);
            if (name.startsWith(u'#')) {
                const bool hex = name.size() > 1 && (name[1] == u'x' || name[1] == u'X');
                bool ok = false;
                uint cp = name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
                if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    cp = 0xFFFD;
                const char32_t u32 = cp;
                out += QString::fromUcs4(&u32, 1);
                i = semi;
                continue;
            }
            bool found = false;
            for (const auto &[key, value] : named) {
                if (name == key) {
                    out += value;
                    found = true;
                    break;
                }
            }
            if (found) {
                i = semi;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString normalizeLabel(QStringView label)
{
    return label.toString().simplified().toCaseFolded();
}

qsizetype closingBracket(QStringView s, qsizetype open, qsizetype limit)
{
    int depth = 0;
    for (qsizetype i = open; i < limit; ++i) {
        const QChar c = s[i];
        if (c == u'\\' && i + 1 < limit && isAsciiPunctuation(s[i + 1])) {
            ++i;
        } else if (c == u'`') {
            // A code span binds tighter than brackets: find the closing run of equal length.
            qsizetype run = i;
            while (run < limit && s[run] == u'`')
                ++run;
            const qsizetype length = run - i;
            qsizetype j = run;
            qsizetype close = -1;
            while (j < limit) {
                const qsizetype next = s.sliced(j, limit - j).indexOf(u'`');
                if (next < 0)
                    break;
                qsizetype k = j + next;
                qsizetype end = k;
                while (end < limit && s[end] == u'`')
                    ++end;
                if (end - k == length) {
                    close = end;
                    break;
                }
                j = end;
            }
            i = (close >= 0 ? close : run) - 1;
        } else if (c == u'[') {
            ++depth;
        } else if (c == u']') {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

std::optional<Destination> parseInlineTail(QStringView s, qsizetype pos, qsizetype limit)
{
    if (pos >= limit || s[pos] != u'(')
        return std::nullopt;
    const qsizetype start = skipLinkSpace(s, pos + 1, limit);
    if (start < limit && s[start] == u')')
        return Destination{{start, 0}, false, {}, start + 1};
    std::optional<Parsed> p = parseDestinationAndTitle(s, start, limit, true);
    if (!p)
        return std::nullopt;
    const qsizetype close = skipLinkSpace(s, p->next, limit);
    if (close >= limit || s[close] != u')')
        return std::nullopt;
    p->dest.end = close + 1;
    return p->dest;
}

std::optional<TextRange> parseLabel(QStringView s, qsizetype pos, qsizetype limit)
{
    if (pos >= limit || s[pos] != u'[')
        return std::nullopt;
    for (qsizetype j = pos + 1; j < limit && j - pos <= kMaxLabel + 1; ++j) {
        const QChar c = s[j];
        if (c == u'\\' && j + 1 < limit)
            ++j;
        else if (c == u'[')
            return std::nullopt;
        else if (c == u']')
            return TextRange{pos + 1, j - pos - 1};
    }
    return std::nullopt;
}

qsizetype linkEnd(QStringView s, qsizetype imageEnd, qsizetype limit, std::optional<Destination> *dest)
{
    qsizetype close = imageEnd;
    while (close < limit && s[close].isSpace())
        ++close;
    if (close >= limit || s[close] != u']')
        return -1;
    if (std::optional<Destination> d = parseInlineTail(s, close + 1, limit)) {
        if (dest)
            *dest = d;
        return d->end;
    }
    if (const std::optional<TextRange> label = parseLabel(s, close + 1, limit))
        return label->end() + 1;
    return close + 1;
}

QList<Definition> scanDefinitions(QStringView body)
{
    QList<Definition> out;
    const qsizetype n = body.size();
    for (qsizetype ls = 0; ls < n;) {
        qsizetype nl = body.indexOf(u'\n', ls);
        if (nl < 0)
            nl = n;
        const qsizetype le = (nl > ls && body[nl - 1] == u'\r') ? nl - 1 : nl;
        const qsizetype p = contentStart(body, ls, le);
        if (p + 1 < le && body[p] == u'[' && body[p + 1] != u'^') {
            const std::optional<TextRange> label = parseLabel(body, p, le);
            if (label && label->length > 0 && label->end() + 1 < le && body[label->end() + 1] == u':') {
                const qsizetype destStart = skipLinkSpace(body, label->end() + 2, n);
                if (std::optional<Parsed> parsed = parseDestinationAndTitle(body, destStart, n, false)) {
                    // The title must end its line; if it does not, the definition has none,
                    // and then the destination must end its line.
                    Destination dest = parsed->dest;
                    bool ok = false;
                    if (!dest.title.isNull()) {
                        const qsizetype end = lineEnd(body, parsed->next);
                        ok = QStringView(body).sliced(parsed->next, end - parsed->next).trimmed().isEmpty();
                        if (ok)
                            dest.end = parsed->next;
                    }
                    if (!ok) {
                        dest.title = {};
                        const qsizetype end = lineEnd(body, dest.end);
                        ok = body.sliced(dest.end, end - dest.end).trimmed().isEmpty();
                    }
                    if (ok)
                        out.append({normalizeLabel(body.sliced(label->start, label->length)), dest});
                }
            }
        }
        ls = nl + 1;
    }
    return out;
}

const ShortcodeArgument *ShortcodeTag::named(QStringView key) const
{
    for (auto it = arguments.crbegin(); it != arguments.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

bool ShortcodeTag::hasPositional() const
{
    for (const ShortcodeArgument &a : arguments) {
        if (a.key.isEmpty())
            return true;
    }
    return false;
}

std::optional<ShortcodeTag> lexShortcodeTag(QStringView s, qsizetype start)
{
    const qsizetype n = s.size();
    if (start + 3 > n || s[start] != u'{' || s[start + 1] != u'{' || (s[start + 2] != u'<' && s[start + 2] != u'%'))
        return std::nullopt;
    ShortcodeTag tag;
    tag.markdownNotation = s[start + 2] == u'%';
    const QStringView right = tag.markdownNotation ? u"%}}" : u">}}";
    qsizetype p = start + 3;
    while (p < n && s[p].isSpace())
        ++p;
    const qsizetype nameStart = p;
    while (p < n && isNameChar(s[p]) && !s.sliced(p).startsWith(right))
        ++p;
    if (p == nameStart)
        return std::nullopt;
    tag.name = s.sliced(nameStart, p - nameStart).toString();
    tag.nameEnd = p;
    for (;;) {
        while (p < n && s[p].isSpace())
            ++p;
        if (p >= n)
            return std::nullopt;
        if (s.sliced(p).startsWith(right)) {
            tag.closeStart = p;
            p += 3;
            break;
        }
        if (s[p] == u'/') {
            qsizetype q = p + 1;
            while (q < n && s[q].isSpace())
                ++q;
            if (!s.sliced(q).startsWith(right))
                return std::nullopt;
            tag.closeStart = p;
            p = q + 3;
            break;
        }
        const qsizetype tokenStart = p;
        std::optional<ShortcodeArgument> a = lexValue(s, p, n, false);
        if (!a)
            return std::nullopt;
        p = a->token.end();
        qsizetype q = p;
        while (q < n && s[q].isSpace())
            ++q;
        if (q < n && s[q] == u'=' && a->value.start == a->token.start) {
            q += 1;
            while (q < n && s[q].isSpace())
                ++q;
            if (q >= n)
                return std::nullopt;
            const QString key = a->text;
            a = lexValue(s, q, n, true);
            if (!a)
                return std::nullopt;
            a->key = key;
            p = a->token.end();
        }
        a->valueToken = a->token;
        a->token = {tokenStart, p - tokenStart};
        tag.arguments.append(*a);
    }
    tag.range = {start, p - start};
    return tag;
}

std::optional<QString> readShortcodeValue(QStringView token)
{
    if (token.isEmpty())
        return std::nullopt;
    std::optional<ShortcodeArgument> a = lexValue(token, 0, token.size(), true);
    if (!a || a->token.length != token.size())
        return std::nullopt;
    return a->text;
}

qsizetype lineStart(QStringView s, qsizetype pos)
{
    const qsizetype nl = pos > 0 ? s.first(pos).lastIndexOf(u'\n') : -1;
    return nl + 1;
}

qsizetype lineEnd(QStringView s, qsizetype pos)
{
    qsizetype nl = s.indexOf(u'\n', pos);
    if (nl < 0)
        nl = s.size();
    return (nl > pos && s[nl - 1] == u'\r') ? nl - 1 : nl;
}

qsizetype contentStart(QStringView s, qsizetype lineStartPos, qsizetype lineEndPos)
{
    qsizetype p = lineStartPos;
    while (p < lineEndPos && (s[p] == u' ' || s[p] == u'\t' || s[p] == u'>'))
        ++p;
    return p;
}

QString continuationPrefix(QStringView prefix)
{
    QString out;
    out.reserve(prefix.size());
    for (const QChar c : prefix)
        out += (c == u'>' || c == u' ' || c == u'\t') ? c : u' ';
    return out;
}

QString blankLinePrefix(QStringView prefix)
{
    QString out = continuationPrefix(prefix);
    while (!out.isEmpty() && (out.back() == u' ' || out.back() == u'\t'))
        out.chop(1);
    return out;
}

} // namespace frontmark::imagesyntax
