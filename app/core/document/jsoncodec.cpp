// SPDX-License-Identifier: GPL-3.0-or-later
// JSON front matter (Hugo: a file that starts with "{"). QJsonDocument sorts object keys and
// forgets where values are, so this file has its own small RFC 8259 reader that keeps each
// top-level key's byte span; edits replace only the value's bytes.

#include "codec_p.h"
#include "text/textutil.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace frontmark::detail {

namespace {

struct JsonReader {
    const QByteArray &b;
    const ParseContext &ctx;
    qsizetype pos = 0;
    std::optional<Error> error;

    bool fail(const QString &message, qsizetype at = -1)
    {
        if (!error)
            error = errorAt(b, at < 0 ? pos : at, ctx, Error::Kind::Syntax, message);
        return false;
    }

    void skipSpace()
    {
        while (pos < b.size() && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r'))
            ++pos;
    }

    bool readString(QString &out)
    {
        Q_ASSERT(b[pos] == '"');
        const qsizetype begin = pos++;
        QByteArray raw;
        while (pos < b.size()) {
            const char c = b[pos];
            if (c == '"') {
                ++pos;
                out += QString::fromUtf8(raw);
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(FrontMatter::tr("Control characters must be escaped inside a JSON string."));
            if (c != '\\') {
                raw += c;
                ++pos;
                continue;
            }
            if (pos + 1 >= b.size())
                break;
            const char e = b[pos + 1];
            pos += 2;
            switch (e) {
            case '"': raw += '"'; break;
            case '\\': raw += '\\'; break;
            case '/': raw += '/'; break;
            case 'b': raw += '\b'; break;
            case 'f': raw += '\f'; break;
            case 'n': raw += '\n'; break;
            case 'r': raw += '\r'; break;
            case 't': raw += '\t'; break;
            case 'u': {
                auto hex4 = [&](char32_t &cp) {
                    if (pos + 4 > b.size())
                        return false;
                    bool ok = false;
                    cp = char32_t(b.mid(pos, 4).toUInt(&ok, 16));
                    pos += 4;
                    return ok;
                };
                char32_t cp = 0;
                if (!hex4(cp))
                    return fail(FrontMatter::tr("A \\u escape needs four hex digits."), pos - 2);
                if (cp >= 0xD800 && cp <= 0xDBFF && pos + 1 < b.size() && b[pos] == '\\' && b[pos + 1] == 'u') {
                    pos += 2;
                    char32_t low = 0;
                    if (!hex4(low))
                        return fail(FrontMatter::tr("A \\u escape needs four hex digits."), pos - 2);
                    if (low >= 0xDC00 && low <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        cp = 0xFFFD;
                } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 0xFFFD; // lone surrogate: Go's decoder substitutes U+FFFD too
                }
                raw += QString::fromUcs4(&cp, 1).toUtf8();
                break;
            }
            default:
                return fail(FrontMatter::tr("“\\%1” is not a JSON escape.").arg(QChar::fromLatin1(e)), pos - 2);
            }
        }
        return fail(FrontMatter::tr("This JSON string is never closed."), begin);
    }

    bool readValue(Value &out, int depth)
    {
        if (depth > kMaxDepth)
            return fail(FrontMatter::tr("The front matter nests arrays or objects more than %1 levels deep.").arg(kMaxDepth));
        skipSpace();
        if (pos >= b.size())
            return fail(FrontMatter::tr("The JSON front matter ends where a value was expected."));
        const char c = b[pos];
        if (c == '"') {
            QString s;
            if (!readString(s))
                return false;
            out = Value(s);
            return true;
        }
        if (c == '{') {
            Value::Map map;
            if (!readObject(depth, [&](const QString &k, Value v, qsizetype, qsizetype, qsizetype) {
                    map.append({k, std::move(v)});
                }))
                return false;
            out = Value::fromMap(map);
            return true;
        }
        if (c == '[') {
            ++pos;
            Value::List list;
            skipSpace();
            if (pos < b.size() && b[pos] == ']') {
                ++pos;
                out = Value(list);
                return true;
            }
            while (true) {
                Value item;
                if (!readValue(item, depth + 1))
                    return false;
                list.append(item);
                skipSpace();
                if (pos < b.size() && b[pos] == ',') {
                    ++pos;
                    continue;
                }
                if (pos < b.size() && b[pos] == ']') {
                    ++pos;
                    break;
                }
                return fail(FrontMatter::tr("Expected “,” or “]” in this JSON list."));
            }
            out = Value(list);
            return true;
        }
        for (const auto &[word, value] : {std::pair{"true", Value(true)}, std::pair{"false", Value(false)},
                                          std::pair{"null", Value()}}) {
            const QByteArrayView w(word);
            if (QByteArrayView(b).sliced(pos).startsWith(w)) {
                pos += w.size();
                out = value;
                return true;
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype begin = pos;
            if (b[pos] == '-')
                ++pos;
            bool isFloat = false;
            while (pos < b.size() && ((b[pos] >= '0' && b[pos] <= '9') || b[pos] == '.' || b[pos] == 'e'
                                      || b[pos] == 'E' || b[pos] == '+' || b[pos] == '-')) {
                if (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')
                    isFloat = true;
                ++pos;
            }
            const QByteArray num = b.mid(begin, pos - begin);
            bool ok = false;
            if (!isFloat) {
                const qint64 i = num.toLongLong(&ok);
                if (ok) {
                    out = Value(i);
                    return true;
                }
            }
            const double d = num.toDouble(&ok);
            if (!ok)
                return fail(FrontMatter::tr("“%1” is not a JSON number.").arg(QString::fromLatin1(num)), begin);
            out = Value(d);
            return true;
        }
        return fail(FrontMatter::tr("Unexpected character in JSON front matter; expected a value."));
    }

    template <typename F>
    bool readObject(int depth, F &&onEntry)
    {
        Q_ASSERT(b[pos] == '{');
        ++pos;
        skipSpace();
        if (pos < b.size() && b[pos] == '}') {
            ++pos;
            return true;
        }
        QSet<QString> seen;
        while (true) {
            skipSpace();
            if (pos >= b.size() || b[pos] != '"')
                return fail(FrontMatter::tr("Expected a quoted key in this JSON object."));
            const qsizetype keyStart = pos;
            QString key;
            if (!readString(key))
                return false;
            if (seen.contains(key))
                return fail(FrontMatter::tr("The key “%1” appears twice; the second would silently replace the first.").arg(key), keyStart);
            seen.insert(key);
            skipSpace();
            if (pos >= b.size() || b[pos] != ':')
                return fail(FrontMatter::tr("Expected “:” after the key “%1”.").arg(key));
            ++pos;
            skipSpace();
            const qsizetype valueStart = pos;
            Value v;
            if (!readValue(v, depth + 1))
                return false;
            onEntry(key, std::move(v), keyStart, valueStart, pos);
            skipSpace();
            if (pos < b.size() && b[pos] == ',') {
                ++pos;
                continue;
            }
            if (pos < b.size() && b[pos] == '}') {
                ++pos;
                return true;
            }
            return fail(FrontMatter::tr("Expected “,” or “}” after the value of “%1”.").arg(key));
        }
    }
};

QString jsonString(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += u"\\\""_s; break;
        case '\\': out += u"\\\\"_s; break;
        case '\n': out += u"\\n"_s; break;
        case '\t': out += u"\\t"_s; break;
        case '\r': out += u"\\r"_s; break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString jsonText(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: return u"null"_s;
    case Value::Type::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case Value::Type::Integer: return QString::number(v.toInteger());
    case Value::Type::Float: {
        const double d = v.toFloat();
        if (!std::isfinite(d))
            return u"null"_s;
        QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
        if (!s.contains(u'.') && !s.contains(u'e'))
            s += u".0"_s;
        return s;
    }
    case Value::Type::DateTime: return jsonString(v.toDateTime().isoText());
    case Value::Type::String: return jsonString(v.toString());
    case Value::Type::List: {
        QStringList parts;
        for (const Value &item : v.toList())
            parts.append(jsonText(item));
        return u'[' + parts.join(u", "_s) + u']';
    }
    case Value::Type::Map: {
        QStringList parts;
        for (const auto &[k, item] : v.toMap())
            parts.append(jsonString(k) + u": "_s + jsonText(item));
        return u'{' + parts.join(u", "_s) + u'}';
    }
    }
    return {};
}

class JsonCodec final : public Codec
{
public:
    Result<ParsedBlock> parse(const QByteArray &block, const ParseContext &ctx) const override
    {
        JsonReader r{block, ctx};
        ParsedBlock out;
        const text::LineIndex lines(block);
        r.skipSpace();
        if (r.pos >= block.size() || block[r.pos] != '{')
            return errorAt(block, r.pos, ctx, Error::Kind::Syntax, FrontMatter::tr("JSON front matter must be an object that starts with “{”."));
        const bool ok = r.readObject(1, [&](const QString &k, Value v, qsizetype keyStart, qsizetype valueStart,
                                             qsizetype valueEnd) {
            ParsedEntry e;
            e.key = k;
            e.value = std::move(v);
            e.start = keyStart;
            e.end = valueEnd;
            e.valueStart = valueStart;
            e.valueEnd = valueEnd;
            const text::Position p = lines.positionOf(keyStart);
            e.line = p.line;
            e.column = p.column;
            out.entries.append(e);
        });
        if (!ok)
            return *r.error;
        r.skipSpace();
        if (r.pos < block.size())
            return errorAt(block, r.pos, ctx, Error::Kind::Syntax, FrontMatter::tr("Unexpected text after the JSON front matter object."));
        return out;
    }

    Result<QByteArray> replace(const QByteArray &block, const ParsedBlock &parsed, qsizetype index,
                               const Value &value) const override
    {
        const ParsedEntry &e = parsed.entries[index];
        Value v = value;
        if (v.type() == Value::Type::DateTime)
            v = Value(v.toDateTime().text.trimmed());
        QByteArray out = block;
        out.replace(e.valueStart, e.valueEnd - e.valueStart, jsonText(v).toUtf8());
        return out;
    }

    Result<QByteArray> insert(const QByteArray &block, const ParsedBlock &parsed, const QString &key,
                              const Value &value) const override
    {
        Value v = value;
        if (v.type() == Value::Type::DateTime)
            v = Value(v.toDateTime().text.trimmed());
        const QByteArray entry = (jsonString(key) + u": "_s + jsonText(v)).toUtf8();
        QByteArray out = block;
        if (parsed.entries.isEmpty()) {
            // "{}" stays on one line; "{\n}" gets the key on a line of its own.
            const qsizetype open = block.indexOf('{');
            const qsizetype close = block.lastIndexOf('}');
            if (block.indexOf('\n', open) >= 0 && block.indexOf('\n', open) < close)
                out.insert(open + 1, text::preferredEol(block) + "  " + entry);
            else
                out.insert(open + 1, entry);
            return out;
        }
        // Same indentation and line ending as the last entry.
        const ParsedEntry &last = parsed.entries.last();
        const qsizetype lineBegin = block.lastIndexOf('\n', last.start) + 1;
        QByteArray indent = block.mid(lineBegin, last.start - lineBegin);
        const bool ownLine = text::isBlank(indent);
        const QByteArray sep = ownLine ? "," + text::preferredEol(block) + indent : QByteArray(", ");
        out.insert(last.end, sep + entry);
        return out;
    }

    Result<QByteArray> remove(const QByteArray &block, const ParsedBlock &parsed, qsizetype index) const override
    {
        const ParsedEntry &e = parsed.entries[index];
        QByteArray out = block;
        if (index + 1 < parsed.entries.size()) {
            // Up to the next key, taking this entry's comma and the next line's indent with it.
            const qsizetype lineBegin = block.lastIndexOf('\n', e.start) + 1;
            const bool ownLine = text::isBlank(QByteArrayView(block).sliced(lineBegin, e.start - lineBegin));
            const qsizetype nextLine = block.lastIndexOf('\n', parsed.entries[index + 1].start) + 1;
            if (ownLine && nextLine > e.start)
                out.remove(lineBegin, nextLine - lineBegin);
            else
                out.remove(e.start, parsed.entries[index + 1].start - e.start);
        } else if (index > 0) {
            // Last entry: from the end of the previous value, taking the comma before it.
            const qsizetype from = parsed.entries[index - 1].end;
            out.remove(from, e.end - from);
        } else {
            // The only key: take its whole line when it has one.
            const qsizetype lineBegin = block.lastIndexOf('\n', e.start) + 1;
            const qsizetype lineEnd = text::lineEndWithEol(block, e.end);
            const bool ownLine = text::isBlank(QByteArrayView(block).sliced(lineBegin, e.start - lineBegin))
                && text::isBlank(QByteArrayView(block).sliced(e.end, text::lineContentEnd(block, e.end) - e.end));
            if (ownLine && lineBegin > 0)
                out.remove(lineBegin, lineEnd - lineBegin);
            else
                out.remove(e.start, e.end - e.start);
        }
        return out;
    }
};

} // namespace

const Codec &jsonCodec()
{
    static const JsonCodec codec;
    return codec;
}

} // namespace frontmark::detail
