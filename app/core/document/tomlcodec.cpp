// SPDX-License-Identifier: GPL-3.0-or-later
// tomlcodec.cpp: the only translation unit that sees <toml++/toml.h>.
//
// Debian builds toml++ as a shared library with exceptions enabled (the `ex` ABI), so
// TOML_EXCEPTIONS cannot be 0 here: toml::parse_error is caught in this file and nowhere else.

#include "codec_p.h"
#include "text/textutil.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace Qt::StringLiterals;

namespace frontmark::detail {

namespace {

struct TomlConverter {
    std::optional<QString> error;

    Value convert(const toml::node &node, int depth)
    {
        if (depth > kMaxDepth) {
            error = FrontMatter::tr("The front matter nests arrays or tables more than %1 levels deep.").arg(kMaxDepth);
            return {};
        }
        if (auto s = node.as_string())
            return Value(QString::fromStdString(s->get()));
        if (auto i = node.as_integer())
            return Value(qint64(i->get()));
        if (auto f = node.as_floating_point())
            return Value(f->get());
        if (auto b = node.as_boolean())
            return Value(b->get());
        if (auto d = node.as_date()) {
            const auto &v = d->get();
            DateTimeValue dt;
            dt.kind = DateTimeValue::Kind::Date;
            dt.dateTime = QDateTime(QDate(v.year, v.month, v.day), QTime(0, 0), Qt::LocalTime);
            dt.text = dt.dateTime.toString(u"yyyy-MM-dd"_s);
            return Value(dt);
        }
        if (auto t = node.as_time()) {
            const auto &v = t->get();
            return Value(QTime(v.hour, v.minute, v.second, int(v.nanosecond / 1000000)).toString(u"HH:mm:ss"_s));
        }
        if (auto dtNode = node.as_date_time()) {
            const auto &v = dtNode->get();
            const QDate date(v.date.year, v.date.month, v.date.day);
            const QTime time(v.time.hour, v.time.minute, v.time.second, int(v.time.nanosecond / 1000000));
            DateTimeValue dt;
            if (v.offset) {
                dt.kind = DateTimeValue::Kind::OffsetDateTime;
                dt.dateTime = QDateTime(date, time, Qt::OffsetFromUTC, v.offset->minutes * 60);
            } else {
                dt.kind = DateTimeValue::Kind::LocalDateTime;
                dt.dateTime = QDateTime(date, time, Qt::LocalTime);
            }
            std::ostringstream os;
            os << v;
            dt.text = QString::fromStdString(os.str());
            return Value(dt);
        }
        if (auto arr = node.as_array()) {
            Value::List list;
            for (const auto &item : *arr)
                list.append(convert(item, depth + 1));
            return Value(list);
        }
        if (auto tbl = node.as_table()) {
            // toml::table is ordered by key; keep the file's order.
            std::vector<std::pair<const toml::key *, const toml::node *>> items;
            for (const auto &[k, v] : *tbl)
                items.emplace_back(&k, &v);
            std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
                const auto &pa = a.first->source().begin;
                const auto &pb = b.first->source().begin;
                return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
            });
            Value::Map map;
            for (const auto &[k, v] : items)
                map.append({QString::fromStdString(std::string(k->str())), convert(*v, depth + 1)});
            return Value::fromMap(map);
        }
        return {};
    }
};

bool isBareKey(const QString &key)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_-]+$"_s);
    return re.match(key).hasMatch();
}

QString basicString(const QString &s)
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
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString keyText(const QString &key)
{
    return isBareKey(key) ? key : basicString(key);
}

QString valueText(const Value &v, bool literalStrings)
{
    switch (v.type()) {
    case Value::Type::Null: return u"\"\""_s; // TOML has no null; an empty string is the closest
    case Value::Type::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case Value::Type::Integer: return QString::number(v.toInteger());
    case Value::Type::Float: {
        const double d = v.toFloat();
        if (std::isnan(d))
            return u"nan"_s;
        if (std::isinf(d))
            return d > 0 ? u"inf"_s : u"-inf"_s;
        QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
        if (!s.contains(u'.') && !s.contains(u'e'))
            s += u".0"_s;
        return s;
    }
    case Value::Type::DateTime:
        return v.toDateTime().isoText();
    case Value::Type::String: {
        const QString s = v.toString();
        if (literalStrings && !s.contains(u'\'') && std::none_of(s.begin(), s.end(), [](QChar c) {
                return c.unicode() < 0x20 || c.unicode() == 0x7f;
            }))
            return u'\'' + s + u'\'';
        return basicString(s);
    }
    case Value::Type::List: {
        QStringList parts;
        for (const Value &item : v.toList())
            parts.append(valueText(item, literalStrings));
        return u'[' + parts.join(u", "_s) + u']';
    }
    case Value::Type::Map: {
        QStringList parts;
        for (const auto &[k, item] : v.toMap())
            parts.append(keyText(k) + u" = "_s + valueText(item, literalStrings));
        return parts.isEmpty() ? u"{}"_s : u"{ "_s + parts.join(u", "_s) + u" }"_s;
    }
    }
    return {};
}

// Offset of the first byte after `key =` on the entry's first line, or -1.
qsizetype valueOffset(const QByteArray &b, qsizetype lineBegin)
{
    const qsizetype end = text::lineContentEnd(b, lineBegin);
    qsizetype i = lineBegin;
    char quote = 0;
    for (; i < end; ++i) {
        const char c = b[i];
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '=')
            break;
    }
    if (i >= end)
        return -1;
    ++i;
    while (i < end && (b[i] == ' ' || b[i] == '\t'))
        ++i;
    return i;
}

// End of a one-line scalar starting at `i`, or -1 if it continues past the line.
qsizetype scalarEnd(const QByteArray &b, qsizetype i)
{
    const qsizetype end = text::lineContentEnd(b, i);
    if (i >= end)
        return -1;
    const char c = b[i];
    if (c == '[' || c == '{')
        return -1;
    if (c == '"' || c == '\'') {
        if (b.mid(i, 3) == QByteArray(3, c))
            return -1; // multi-line string delimiters
        for (qsizetype k = i + 1; k < end; ++k) {
            if (c == '"' && b[k] == '\\') {
                ++k;
                continue;
            }
            if (b[k] == c)
                return k + 1;
        }
        return -1;
    }
    qsizetype last = i;
    for (qsizetype k = i; k < end; ++k) {
        if (b[k] == '#')
            break;
        if (b[k] != ' ' && b[k] != '\t')
            last = k + 1;
    }
    return last;
}

// Offset just past the array or inline table that starts at `at` (strings, multi-line
// strings and comments skipped), or -1 if it does not close before `limit`.
qsizetype collectionEnd(const QByteArray &b, qsizetype at, qsizetype limit)
{
    int depth = 0;
    for (qsizetype i = at; i < limit; ++i) {
        const char c = b[i];
        if (c == '#') {
            while (i < limit && b[i] != '\n')
                ++i;
            continue;
        }
        if (c == '"' || c == '\'') {
            const bool multi = i + 2 < limit && b[i + 1] == c && b[i + 2] == c;
            const QByteArray close = multi ? QByteArray(3, c) : QByteArray(1, c);
            qsizetype k = i + close.size();
            while (k < limit) {
                if (c == '"' && b[k] == '\\') {
                    k += 2;
                    continue;
                }
                if (QByteArrayView(b).sliced(k).startsWith(close))
                    break;
                ++k;
            }
            i = k + close.size() - 1;
            continue;
        }
        if (c == '[' || c == '{')
            ++depth;
        else if ((c == ']' || c == '}') && --depth == 0)
            return i + 1;
    }
    return -1;
}

bool keyIsDotted(const QByteArray &b, qsizetype lineBegin, qsizetype valueAt)
{
    char quote = 0;
    for (qsizetype i = lineBegin; i < valueAt; ++i) {
        const char c = b[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '.')
            return true;
        else if (c == '=')
            break;
    }
    return false;
}

class TomlCodec final : public Codec
{
public:
    Result<ParsedBlock> parse(const QByteArray &block, const ParseContext &ctx) const override
    {
        // toml++ limits nested arrays and inline tables but recurses once per dotted key
        // segment ("a.a.a…b = 1", "[a.a.a…]"); refuse absurd depths before it overflows the stack.
        for (qsizetype pos = 0; pos < block.size();) {
            const qsizetype end = text::lineContentEnd(block, pos);
            const QByteArrayView line = QByteArrayView(block).sliced(pos, end - pos);
            qsizetype keyEnd = line.indexOf('=');
            if (line.trimmed().startsWith('['))
                keyEnd = line.indexOf(']');
            if (keyEnd < 0)
                keyEnd = line.size();
            if (line.first(keyEnd).count('.') > kMaxDepth)
                return errorAt(block, pos, ctx, Error::Kind::Invalid,
                               FrontMatter::tr("This key nests more than %1 tables deep.").arg(kMaxDepth));
            pos = text::lineEndWithEol(block, end);
        }
        toml::table root;
        try {
            root = toml::parse(std::string_view(block.constData(), size_t(block.size())));
        } catch (const toml::parse_error &e) {
            QString msg = QString::fromUtf8(e.description().data(), qsizetype(e.description().size()));
            if (!msg.isEmpty())
                msg[0] = msg[0].toLower();
            if (!msg.endsWith(u'.'))
                msg += u'.';
            msg = FrontMatter::tr("TOML syntax error: %1").arg(msg);
            return Error{Error::Kind::Syntax, msg, ctx.file,
                         ctx.blockFirstLine + int(e.source().begin.line) - 1, int(e.source().begin.column)};
        }

        ParsedBlock out;
        std::vector<std::pair<const toml::key *, const toml::node *>> items;
        for (const auto &[k, v] : root)
            items.emplace_back(&k, &v);
        std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
            const auto &pa = a.first->source().begin;
            const auto &pb = b.first->source().begin;
            return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
        });
        TomlConverter conv;
        const text::LineIndex lines(block);
        for (const auto &[k, v] : items) {
            ParsedEntry e;
            e.key = QString::fromStdString(std::string(k->str()));
            e.value = conv.convert(*v, 1);
            if (conv.error)
                return errorAt(block, text::lineStart(block, int(k->source().begin.line)), ctx,
                               Error::Kind::Invalid, *conv.error);
            e.line = int(k->source().begin.line);
            e.column = int(k->source().begin.column);
            e.start = lines.lineStart(e.line);
            out.entries.append(e);
        }
        // Entries end where the next begins; a [table] header or [[array]] starts a section
        // that runs to the next header.
        for (qsizetype i = 0; i < out.entries.size(); ++i) {
            ParsedEntry &e = out.entries[i];
            const QByteArrayView first = QByteArrayView(block).sliced(e.start, text::lineContentEnd(block, e.start) - e.start).trimmed();
            const bool header = first.startsWith('[');
            qsizetype next = block.size();
            for (qsizetype k = i + 1; k < out.entries.size(); ++k) {
                if (out.entries[k].start > e.start) {
                    next = out.entries[k].start;
                    break;
                }
            }
            if (!header) {
                // A key = value entry ends at its value's last line; a header that follows
                // belongs to the next section.
                const toml::node *node = items[size_t(i)].second;
                const int lastLine = node && node->source().end.line > 0 ? int(node->source().end.line) : e.line;
                next = qMin(next, text::lineEndWithEol(block, lines.lineStart(qMax(lastLine, e.line))));
            } else {
                // Sections run to the next header line.
                qsizetype pos = text::lineEndWithEol(block, e.start);
                while (pos < next) {
                    const QByteArrayView line = QByteArrayView(block).sliced(pos, text::lineContentEnd(block, pos) - pos).trimmed();
                    if (line.startsWith('['))
                        break;
                    pos = text::lineEndWithEol(block, pos);
                }
                next = pos;
                e.editable = false;
            }
            e.end = qMax(text::lineEndWithEol(block, e.start), trimTrailingBlankAndComments(block, e.start, next, '#'));
            if (!header) {
                const qsizetype at = valueOffset(block, e.start);
                if (at < 0 || keyIsDotted(block, e.start, at)) {
                    e.editable = false;
                    continue;
                }
                const qsizetype end = scalarEnd(block, at);
                if (end > at && text::lineEndWithEol(block, e.start) >= e.end) {
                    e.valueStart = at;
                    e.valueEnd = end;
                    // Keep the written spelling of dates.
                    if (e.value.type() == Value::Type::DateTime) {
                        DateTimeValue dt = e.value.toDateTime();
                        dt.text = QString::fromUtf8(block.mid(at, end - at));
                        e.value = Value(dt);
                    }
                }
            }
        }
        // Two entries can share lines only with dotted keys or inline tables; never patch those.
        for (qsizetype i = 0; i + 1 < out.entries.size(); ++i) {
            if (out.entries[i + 1].start < out.entries[i].end) {
                out.entries[i].editable = false;
                out.entries[i + 1].editable = false;
            }
        }
        return out;
    }

    Result<QByteArray> replace(const QByteArray &block, const ParsedBlock &parsed, qsizetype index,
                               const Value &value) const override
    {
        const ParsedEntry &e = parsed.entries[index];
        QByteArray out = block;
        if (e.valueStart >= 0 && value.isScalar()) {
            const bool literal = block[e.valueStart] == '\'';
            out.replace(e.valueStart, e.valueEnd - e.valueStart, valueText(value, literal).toUtf8());
            return out;
        }
        const qsizetype at = valueOffset(block, e.start);
        if (at < 0)
            return Error{Error::Kind::Unsupported, FrontMatter::tr("Cannot find the value of “%1”.").arg(e.key)};
        // Keep `key = ` as written; re-emit the value, multi-line arrays one item per line.
        const qsizetype contentEnd = text::lineContentEnd(block, e.start);
        const bool multiLine = block[at] == '[' && text::isBlank(QByteArrayView(block).sliced(at + 1, contentEnd - at - 1));
        const QByteArray eol = text::preferredEol(QByteArrayView(block).sliced(e.start, e.end - e.start));
        QByteArray valueBytes;
        if (multiLine && value.isList() && !value.toList().isEmpty()) {
            // Match the first item's indent and the trailing-comma habit.
            const qsizetype itemLine = text::lineEndWithEol(block, e.start);
            qsizetype k = itemLine;
            while (k < e.end && (block[k] == ' ' || block[k] == '\t'))
                ++k;
            const QByteArray indent = block.mid(itemLine, k - itemLine);
            const qsizetype close = block.lastIndexOf(']', e.end - 1);
            qsizetype before = close - 1;
            while (before > at && (block[before] == ' ' || block[before] == '\n' || block[before] == '\r' || block[before] == '\t'))
                --before;
            const bool trailingComma = before > at && block[before] == ',';
            const bool literal = k < e.end && block[k] == '\'';
            valueBytes = "[" + eol;
            const auto &items = value.toList();
            for (qsizetype i = 0; i < items.size(); ++i) {
                valueBytes += indent + valueText(items[i], literal).toUtf8();
                if (i + 1 < items.size() || trailingComma)
                    valueBytes += ',';
                valueBytes += eol;
            }
            valueBytes += "]";
        } else {
            valueBytes = valueText(value, false).toUtf8();
        }
        // The old value ends at its closing bracket; a comment after it stays.
        qsizetype valueEnd = (block[at] == '[' || block[at] == '{') ? collectionEnd(block, at, e.end) : -1;
        if (valueEnd < 0) {
            valueEnd = e.end;
            if (valueEnd > e.start && block[valueEnd - 1] == '\n')
                --valueEnd;
            if (valueEnd > e.start && block[valueEnd - 1] == '\r')
                --valueEnd;
        }
        out.replace(at, valueEnd - at, valueBytes);
        return out;
    }

    Result<QByteArray> insert(const QByteArray &block, const ParsedBlock &parsed, const QString &key,
                              const Value &value) const override
    {
        // New keys go after the last root key = value line, before any [table] header, or
        // they would land inside that table.
        qsizetype at = 0;
        bool any = false;
        for (const ParsedEntry &e : parsed.entries) {
            const QByteArrayView first = QByteArrayView(block).sliced(e.start, text::lineContentEnd(block, e.start) - e.start).trimmed();
            if (first.startsWith('['))
                continue;
            at = qMax(at, e.end);
            any = true;
        }
        if (!any) {
            // Before the first header, or at the end.
            at = block.size();
            for (const ParsedEntry &e : parsed.entries)
                at = qMin(at, e.start);
        }
        const QByteArray eol = text::preferredEol(block);
        QByteArray line = (keyText(key) + u" = "_s + valueText(value, false)).toUtf8() + eol;
        if (at > 0 && block[at - 1] != '\n')
            line.prepend(eol);
        QByteArray out = block;
        out.insert(at, line);
        return out;
    }

    Result<QByteArray> remove(const QByteArray &block, const ParsedBlock &parsed, qsizetype index) const override
    {
        const ParsedEntry &e = parsed.entries[index];
        QByteArray out = block;
        out.remove(e.start, e.end - e.start);
        return out;
    }
};

} // namespace

const Codec &tomlCodec()
{
    static const TomlCodec codec;
    return codec;
}

} // namespace frontmark::detail
