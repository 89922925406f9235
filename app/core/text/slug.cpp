// SPDX-License-Identifier: GPL-3.0-or-later
#include "slug.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QChar>
#include <QSet>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace frontmark::text {

namespace {

// Hugo's template functions are Go code working on UTF-8 bytes with Go's `unicode` package.
// These helpers reproduce the Go primitives they use. Case mapping is per code point
// (Go's unicode.ToLower/ToUpper/ToTitle are the simple mappings; QString::toLower is the full
// one and would turn "ß" into "SS" where Go keeps it).

struct Rune {
    char32_t value = 0;
    qsizetype size = 1;
};

// Go's utf8.DecodeRune: an invalid byte decodes as U+FFFD of width 1.
Rune decodeRune(QByteArrayView s, qsizetype i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80)
        return {b0, 1};
    auto cont = [&](qsizetype k) -> int {
        if (i + k >= s.size())
            return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        const int c1 = cont(1);
        if (c1 >= 0)
            return {char32_t((b0 & 0x1F) << 6 | c1), 2};
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        const int c1 = cont(1);
        const int c2 = cont(2);
        if (c1 >= 0 && c2 >= 0) {
            const char32_t v = char32_t((b0 & 0x0F) << 12 | c1 << 6 | c2);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF))
                return {v, 3};
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        const int c1 = cont(1);
        const int c2 = cont(2);
        const int c3 = cont(3);
        if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
            const char32_t v = char32_t((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3);
            if (v >= 0x10000 && v <= 0x10FFFF)
                return {v, 4};
        }
    }
    return {0xFFFD, 1};
}

QByteArray encodeRune(char32_t c)
{
    return QString::fromUcs4(&c, 1).toUtf8();
}

// Qt leaves a code point alone when SpecialCasing.txt gives it a multi-character mapping;
// Go falls back to UnicodeData's simple mapping, which exists for these few.
char32_t goSimpleUpper(char32_t c)
{
    if ((c >= 0x1F80 && c <= 0x1F87) || (c >= 0x1F90 && c <= 0x1F97) || (c >= 0x1FA0 && c <= 0x1FA7))
        return c + 8; // Greek with ypogegrammeni → the prosgegrammeni capital
    if (c == 0x1FB3 || c == 0x1FC3 || c == 0x1FF3)
        return c + 9;
    return 0;
}
char32_t lowerRune(char32_t c) { return c == 0x130 ? U'i' : QChar::toLower(c); } // 'İ' → 'i'
char32_t upperRune(char32_t c) { const char32_t g = goSimpleUpper(c); return g ? g : QChar::toUpper(c); }
char32_t titleRune(char32_t c) { const char32_t g = goSimpleUpper(c); return g ? g : QChar::toTitleCase(c); }
bool isLetter(char32_t c) { return QChar::isLetter(c); }
bool isNumber(char32_t c) { return QChar::isNumber(c); }                                 // \p{N}
bool isDigit(char32_t c) { return QChar::category(c) == QChar::Number_DecimalDigit; }  // Go IsDigit: Nd
bool isMark(char32_t c) { return QChar::isMark(c); }
bool isPunct(char32_t c) { return QChar::isPunct(c); }
bool isUpper(char32_t c) { return c != 0 && QChar::isUpper(c); }
// Go's unicode.IsSpace (the White_Space property) equals Qt's Separator_* plus \t-\r, U+0085.
bool isSpace(char32_t c) { return QChar::isSpace(c); }

std::u32string toU32(const QString &s) { return s.toStdU32String(); }
QString fromU32(const std::u32string &s) { return QString::fromStdU32String(s); }

std::u32string mapRunes(std::u32string s, char32_t (*f)(char32_t))
{
    for (char32_t &c : s)
        c = f(c);
    return s;
}

// Go's strings.ToLower on UTF-8 bytes.
QByteArray goLower(QByteArrayView s)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        const Rune r = decodeRune(s, i);
        if (r.value < 0x80)
            out.append(char(lowerRune(r.value)));
        else
            out.append(encodeRune(lowerRune(r.value)));
        i += r.size;
    }
    return out;
}

std::u32string trimGoSpace(const std::u32string &s)
{
    qsizetype b = 0;
    qsizetype e = qsizetype(s.size());
    while (b < e && isSpace(s[size_t(b)]))
        ++b;
    while (e > b && isSpace(s[size_t(e - 1)]))
        --e;
    return s.substr(size_t(b), size_t(e - b));
}

// Go's strings.Title: upper-cases (to title case) each letter that follows a separator.
std::u32string goStringsTitle(std::u32string s)
{
    auto isSeparator = [](char32_t r) {
        if (r <= 0x7F) {
            const bool word = (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_';
            return !word;
        }
        if (isLetter(r) || isDigit(r))
            return false;
        return isSpace(r);
    };
    char32_t prev = U' ';
    for (char32_t &c : s) {
        const char32_t original = c;
        if (isSeparator(prev))
            c = titleRune(c);
        prev = original;
    }
    return s;
}

// --- title: github.com/jdkato/prose/transform, as Hugo 0.111 vendors it -----------------

constexpr std::array<QByteArrayView, 23> kSmallWords{
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor",
    "of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v."};

constexpr std::array<QByteArrayView, 31> kPrepositions{
    "with", "from", "into", "during", "including", "until", "against", "among",
    "throughout", "despite", "towards", "upon", "concerning", "about", "over",
    "through", "before", "between", "after", "since", "without", "under",
    "within", "along", "following", "across", "beyond", "around", "down",
    "near", "above"};

template <size_t N>
bool listContains(const std::array<QByteArrayView, N> &list, QByteArrayView word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

// prose replaces curly quotes, en/em dashes and the ellipsis with ASCII before looking at
// neighbouring bytes, but matches words in the original string. The byte offsets of the two
// strings then disagree; Hugo's output carries that quirk, so we do too.
QByteArray proseSanitize(QByteArrayView s)
{
    static const std::array<std::pair<QByteArrayView, QByteArrayView>, 7> pairs{{
        {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
        {"\xE2\x80\x93", "-"},  {"\xE2\x80\x94", "-"},  {"\xE2\x80\xA6", "..."},
    }};
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto &[from, to] : pairs) {
            if (s.sliced(i).startsWith(from)) {
                out.append(to);
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out.append(s[i++]);
    }
    return out;
}

// Go's regexp \s is ASCII only: [\t\n\f\r ].
bool isRegexSpace(char32_t c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

QString proseTitle(const QString &text, bool chicago)
{
    const QByteArray s = text.toUtf8();
    const QByteArray t = proseSanitize(s);
    const qsizetype end = t.size();
    // charAt: the byte at i, or the first byte when i is out of range (prose's behaviour).
    auto charAt = [&t](qsizetype i) -> char { return i >= 0 && i < t.size() ? t[i] : t[0]; };

    QByteArray out;
    out.reserve(s.size());
    qsizetype idx = 0;
    for (qsizetype i = 0; i < s.size();) {
        const Rune first = decodeRune(s, i);
        if (!isLetter(first.value) && !isNumber(first.value)) {
            out.append(s.sliced(i, first.size));
            i += first.size;
            continue;
        }
        // A word is `[\p{N}\p{L}]+[^\s-/]*`: from a letter or digit up to a space, '-' or '/'.
        qsizetype j = i;
        while (j < s.size()) {
            const Rune r = decodeRune(s, j);
            if (isRegexSpace(r.value) || r.value == '-' || r.value == '/')
                break;
            j += r.size;
        }
        const QByteArrayView m = QByteArrayView(s).sliced(i, j - i);
        i = j;

        const QByteArray sm = goLower(m);
        const qsizetype found = idx <= t.size() ? t.indexOf(m, idx) : -1;
        const qsizetype pos = found >= 0 ? found : idx - 1; // strings.Index(t[idx:], m) + idx
        const char prev = charAt(pos - 1);
        // prose 1.2 counts the word's length in runes but uses it as a byte offset (Hugo
        // 0.111.3: "aéa a b" → "Aéa A B"), so after a multi-byte letter it looks back into
        // the previous word.
        qsizetype ext = 0;
        for (qsizetype k = 0; k < m.size(); k += decodeRune(m, k).size)
            ++ext;
        idx = pos + ext;
        const bool bounding = pos == 0 || idx == end;
        const bool ignore = !bounding && (listContains(kSmallWords, sm) || (chicago && listContains(kPrepositions, sm)));
        if (ignore && (prev == ' ' || prev == '-' || prev == '/') && charAt(pos - 2) != ':' && charAt(pos - 2) != '-'
            && (charAt(pos + ext) != '-' || charAt(pos - 1) == '-')) {
            out.append(sm);
        } else {
            const Rune r = decodeRune(m, 0);
            out.append(encodeRune(titleRune(r.value)));
            out.append(m.sliced(r.size));
        }
    }
    return QString::fromUtf8(out);
}

// --- humanize: github.com/gobuffalo/flect, as Hugo 0.111 uses it ---------------------------

const QSet<QString> &baseAcronyms()
{
    static const QSet<QString> set{
        u"OK"_s,    u"UTF8"_s,  u"HTML"_s,  u"JSON"_s,  u"JWT"_s,   u"ID"_s,    u"UUID"_s,  u"SQL"_s,
        u"ACK"_s,   u"ACL"_s,   u"ADSL"_s,  u"AES"_s,   u"ANSI"_s,  u"API"_s,   u"ARP"_s,   u"ATM"_s,
        u"BGP"_s,   u"BSS"_s,   u"CCITT"_s, u"CHAP"_s,  u"CIDR"_s,  u"CIR"_s,   u"CLI"_s,   u"CPE"_s,
        u"CPU"_s,   u"CRC"_s,   u"CRT"_s,   u"CSMA"_s,  u"CMOS"_s,  u"DCE"_s,   u"DEC"_s,   u"DES"_s,
        u"DHCP"_s,  u"DNS"_s,   u"DRAM"_s,  u"DSL"_s,   u"DSLAM"_s, u"DTE"_s,   u"DMI"_s,   u"EHA"_s,
        u"EIA"_s,   u"EIGRP"_s, u"EOF"_s,   u"ESS"_s,   u"FCC"_s,   u"FCS"_s,   u"FDDI"_s,  u"FTP"_s,
        u"GBIC"_s,  u"gbps"_s,  u"GEPOF"_s, u"HDLC"_s,  u"HTTP"_s,  u"HTTPS"_s, u"IANA"_s,  u"ICMP"_s,
        u"IDF"_s,   u"IDS"_s,   u"IEEE"_s,  u"IETF"_s,  u"IMAP"_s,  u"IP"_s,    u"IPS"_s,   u"ISDN"_s,
        u"ISP"_s,   u"kbps"_s,  u"LACP"_s,  u"LAN"_s,   u"LAPB"_s,  u"LAPF"_s,  u"LLC"_s,   u"MAC"_s,
        u"Mbps"_s,  u"MC"_s,    u"MDF"_s,   u"MIB"_s,   u"MoCA"_s,  u"MPLS"_s,  u"MTU"_s,   u"NAC"_s,
        u"NAT"_s,   u"NBMA"_s,  u"NIC"_s,   u"NRZ"_s,   u"NRZI"_s,  u"NVRAM"_s, u"OSI"_s,   u"OSPF"_s,
        u"OUI"_s,   u"PAP"_s,   u"PAT"_s,   u"PC"_s,    u"PIM"_s,   u"PCM"_s,   u"PDU"_s,   u"POP3"_s,
        u"POTS"_s,  u"PPP"_s,   u"PPTP"_s,  u"PTT"_s,   u"PVST"_s,  u"RAM"_s,   u"RARP"_s,  u"RFC"_s,
        u"RIP"_s,   u"RLL"_s,   u"ROM"_s,   u"RSTP"_s,  u"RTP"_s,   u"RCP"_s,   u"SDLC"_s,  u"SFD"_s,
        u"SFP"_s,   u"SLARP"_s, u"SLIP"_s,  u"SMTP"_s,  u"SNA"_s,   u"SNAP"_s,  u"SNMP"_s,  u"SOF"_s,
        u"SRAM"_s,  u"SSH"_s,   u"SSID"_s,  u"STP"_s,   u"SYN"_s,   u"TDM"_s,   u"TFTP"_s,  u"TIA"_s,
        u"TOFU"_s,  u"UDP"_s,   u"URL"_s,   u"URI"_s,   u"USB"_s,   u"UTP"_s,   u"VC"_s,    u"VLAN"_s,
        u"VLSM"_s,  u"VPN"_s,   u"W3C"_s,   u"WAN"_s,   u"WEP"_s,   u"WiFi"_s,  u"WPA"_s,   u"WWW"_s,
    };
    return set;
}

bool isAcronym(const std::u32string &s)
{
    return baseAcronyms().contains(fromU32(s));
}

constexpr std::array<char32_t, 5> kFlectSpaces{U'_', U' ', U':', U'-', U'/'};

bool isFlectSpace(char32_t c)
{
    return std::find(kFlectSpaces.begin(), kFlectSpaces.end(), c) != kFlectSpaces.end() || isSpace(c);
}

// Go's strings.Trim(s, "<c>").
std::u32string trimRune(const std::u32string &s, char32_t c)
{
    size_t b = 0;
    size_t e = s.size();
    while (b < e && s[b] == c)
        ++b;
    while (e > b && s[e - 1] == c)
        --e;
    return s.substr(b, e - b);
}

void flectAppend(std::vector<std::u32string> &parts, std::u32string s)
{
    s = trimGoSpace(s);
    for (char32_t c : kFlectSpaces)
        s = trimRune(s, c);
    const std::u32string up = mapRunes(s, upperRune);
    if (isAcronym(up))
        s = up;
    if (!s.empty())
        parts.push_back(s);
}

std::vector<std::u32string> flectParts(const std::u32string &input)
{
    std::vector<std::u32string> parts;
    const std::u32string s = trimGoSpace(input);
    if (s.empty())
        return parts;
    const std::u32string up = mapRunes(s, upperRune);
    if (isAcronym(up))
        return {up};
    char32_t prev = 0;
    std::u32string x;
    for (const char32_t c : s) {
        if (isFlectSpace(c) || (isUpper(c) && !isUpper(prev)) || (isUpper(c) && isAcronym(x))) {
            flectAppend(parts, x);
            x = std::u32string(1, c);
            prev = c;
            continue;
        }
        if (isLetter(c) || isDigit(c) || isPunct(c) || c == U'`') {
            prev = c;
            x += c;
            continue;
        }
        flectAppend(parts, x);
        x.clear();
        prev = c;
    }
    flectAppend(parts, x);
    return parts;
}

std::u32string flectHumanize(const std::u32string &s)
{
    if (s.empty())
        return {};
    const std::vector<std::u32string> parts = flectParts(s);
    std::vector<std::u32string> out;
    for (size_t i = 0; i < parts.size(); ++i)
        flectAppend(out, i == 0 ? goStringsTitle(parts[i]) : parts[i]);
    std::u32string joined;
    for (size_t i = 0; i < out.size(); ++i) {
        if (i > 0)
            joined += U' ';
        joined += out[i];
    }
    return joined;
}

// Go's strconv.Atoi on a 64-bit platform.
std::optional<qint64> goAtoi(const QString &s)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        negative = s[i] == u'-';
        ++i;
    }
    if (i == s.size())
        return std::nullopt;
    quint64 value = 0;
    const quint64 limit = negative ? quint64(1) << 63 : (quint64(1) << 63) - 1;
    for (; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + quint64(c - u'0');
        if (value > limit)
            return std::nullopt;
    }
    if (negative)
        return value == (quint64(1) << 63) ? std::numeric_limits<qint64>::min() : -qint64(value);
    return qint64(value);
}

// flect.Ordinalize: "1" → "1st", "12" → "12th", "103" → "103rd".
QString ordinalize(qint64 number)
{
    if (number == std::numeric_limits<qint64>::min())
        return QString::number(number) + u"th"_s;
    const qint64 magnitude = number < 0 ? -number : number;
    QString suffix = u"th"_s;
    const qint64 lastTwo = magnitude % 100;
    if (lastTwo < 11 || lastTwo > 13) {
        switch (magnitude % 10) {
        case 1: suffix = u"st"_s; break;
        case 2: suffix = u"nd"_s; break;
        case 3: suffix = u"rd"_s; break;
        default: break;
        }
    }
    return QString::number(number) + suffix;
}

// --- urlize: Hugo's paths.Sanitize, strings.ToLower, then Go's url.Parse(…).String() -----

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Hugo's common/paths Sanitize: letters, digits, marks and ./\_-#+~@ are kept (and "%XX"),
// a space after kept text becomes one hyphen unless a hyphen is already there, the rest is
// dropped.
QString hugoSanitize(const QString &s)
{
    const std::u32string in = toU32(s);
    std::u32string out;
    bool prependHyphen = false;
    bool wasHyphen = false;
    for (size_t i = 0; i < in.size(); ++i) {
        const char32_t r = in[i];
        bool allowed = isLetter(r) || isDigit(r) || isMark(r) || std::u32string_view(U"./\\_-#+~@").find(r) != std::u32string_view::npos;
        if (r == U'%' && i + 2 < in.size() && in[i + 1] < 0x80 && in[i + 2] < 0x80
            && isHex(QChar(char16_t(in[i + 1]))) && isHex(QChar(char16_t(in[i + 2]))))
            allowed = true;
        if (allowed) {
            wasHyphen = r == U'-';
            if (prependHyphen) {
                if (!wasHyphen)
                    out += U'-';
                prependHyphen = false;
            }
            out += r;
        } else if (!out.empty() && !wasHyphen && isSpace(r)) {
            prependHyphen = true;
        }
    }
    return fromU32(out);
}

enum class UrlPart { Path, Fragment };

// Go's net/url shouldEscape.
bool shouldEscape(char c, UrlPart part)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return false;
    switch (c) {
    case '-': case '_': case '.': case '~':
        return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?': case '@':
        return part == UrlPart::Path ? c == '?' : false;
    default:
        break;
    }
    if (part == UrlPart::Fragment) {
        switch (c) {
        case '!': case '(': case ')': case '*':
            return false;
        default:
            break;
        }
    }
    return true;
}

QByteArray urlEscape(QByteArrayView s, UrlPart part)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (const char c : s) {
        if (shouldEscape(c, part)) {
            const auto b = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[b >> 4]);
            out.append(hex[b & 15]);
        } else {
            out.append(c);
        }
    }
    return out;
}

// Sanitize only keeps '%' before two hex digits, so unescaping cannot fail here.
QByteArray urlUnescape(QByteArrayView s)
{
    return QByteArray::fromPercentEncoding(s.toByteArray());
}

// Go's validEncoded: every byte either needs no escaping or is an escape.
bool validEncoded(QByteArrayView s, UrlPart part)
{
    for (const char c : s) {
        if (QByteArrayView("!$&'()*+,;=:@[]").contains(c) || c == '%')
            continue;
        if (shouldEscape(c, part))
            return false;
    }
    return true;
}

// url.URL's Path/RawPath (or Fragment/RawFragment) round trip: keeps the writer's escapes
// when they are all valid, re-escapes everything otherwise.
QByteArray urlRoundTrip(QByteArrayView raw, UrlPart part)
{
    const QByteArray decoded = urlUnescape(raw);
    const QByteArray escaped = urlEscape(decoded, part);
    if (escaped == raw)
        return escaped;
    if (validEncoded(raw, part) && urlUnescape(raw) == decoded)
        return raw.toByteArray();
    return escaped;
}

} // namespace

TitleCaseStyle titleCaseStyleFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"chicago"_s)
        return TitleCaseStyle::Chicago;
    if (n == u"go"_s)
        return TitleCaseStyle::Go;
    // Hugo 0.111.3 knows no other name ("firstupper" and "none" came later): AP.
    return TitleCaseStyle::Ap;
}

QString hugoTitle(const QString &text)
{
    return hugoTitle(text, TitleCaseStyle::Ap);
}

QString hugoTitle(const QString &text, TitleCaseStyle style)
{
    switch (style) {
    case TitleCaseStyle::Ap:
        return proseTitle(text, false);
    case TitleCaseStyle::Chicago:
        return proseTitle(text, true);
    case TitleCaseStyle::Go:
        return fromU32(goStringsTitle(toU32(text)));
    }
    return text;
}

QString hugoHumanize(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Hugo: integers (and strings that parse as one) get an ordinal suffix instead.
    if (const auto number = goAtoi(text))
        return ordinalize(*number);
    // Hugo humanizes twice, the second time in lower case, so "HTTPServer" → "HTTP server".
    const std::u32string once = flectHumanize(toU32(text));
    return fromU32(flectHumanize(mapRunes(once, lowerRune)));
}

QString hugoLower(const QString &text)
{
    return fromU32(mapRunes(toU32(text), lowerRune));
}

QString hugoUpper(const QString &text)
{
    return fromU32(mapRunes(toU32(text), upperRune));
}

QString hugoUrlize(const QString &text)
{
    const QByteArray sanitized = fromU32(mapRunes(toU32(hugoSanitize(text)), lowerRune)).toUtf8();
    // url.Parse splits off a fragment at the first '#'; String() writes it back only if it
    // is not empty.
    const qsizetype hash = sanitized.indexOf('#');
    const QByteArrayView path = hash < 0 ? QByteArrayView(sanitized) : QByteArrayView(sanitized).first(hash);
    QByteArray out = urlRoundTrip(path, UrlPart::Path);
    if (hash >= 0) {
        const QByteArrayView fragment = QByteArrayView(sanitized).sliced(hash + 1);
        if (!urlUnescape(fragment).isEmpty())
            out += '#' + urlRoundTrip(fragment, UrlPart::Fragment);
    }
    return QString::fromUtf8(out);
}

QString slugify(const QString &title)
{
    // Hugo's urlize keeps what a URL can carry; a file name needs a little more care: path
    // characters (/ \ # + ~ @ %) are dropped like other punctuation, dashes of any kind and
    // slashes separate words, and a '.' survives only inside a word ("v1.2", "node.js").
    const std::u32string in = toU32(title);
    auto isWordChar = [](char32_t c) { return isLetter(c) || isDigit(c) || isMark(c) || c == U'_'; };
    auto isSeparator = [](char32_t c) {
        return isSpace(c) || c == U'/' || c == U'\\' || QChar::category(c) == QChar::Punctuation_Dash;
    };
    std::u32string out;
    bool pendingSeparator = false;
    for (size_t i = 0; i < in.size(); ++i) {
        const char32_t c = in[i];
        const bool keepDot = c == U'.' && !out.empty() && !pendingSeparator && isWordChar(out.back())
            && i + 1 < in.size() && isWordChar(in[i + 1]);
        if (isWordChar(c) || keepDot) {
            if (pendingSeparator && !out.empty())
                out += U'-';
            pendingSeparator = false;
            out += lowerRune(c);
        } else if (isSeparator(c)) {
            pendingSeparator = true;
        }
    }
    QString slug = fromU32(out);
    // Most file systems allow 255 bytes per name; leave room for ".md" and a "-2" suffix.
    constexpr qsizetype maxBytes = 200;
    if (slug.toUtf8().size() > maxBytes) {
        QString cut;
        qsizetype bytes = 0;
        for (const char32_t c : out) {
            const qsizetype n = encodeRune(c).size();
            if (bytes + n > maxBytes)
                break;
            bytes += n;
            cut += QString::fromUcs4(&c, 1);
        }
        while (cut.endsWith(u'-') || cut.endsWith(u'.'))
            cut.chop(1);
        slug = cut;
    }
    return slug.isEmpty() ? u"untitled"_s : slug;
}

} // namespace frontmark::text
