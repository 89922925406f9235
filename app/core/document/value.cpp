// SPDX-License-Identifier: GPL-3.0-or-later
#include "value.h"

#include "frontmatter.h" // the FrontMatter translation context

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

QString jsonQuoted(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

} // namespace

std::optional<DateTimeValue> DateTimeValue::parse(QStringView text)
{
    // YAML 1.1 timestamps, TOML dates and the ISO-like layouts Hugo's date parser accepts
    // (RFC 3339 with 'T' or a space, optional fraction, 'Z', ±hh:mm, ±hhmm or ±hh).
    static const QRegularExpression iso(
        uR"(^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$)"_s);
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return std::nullopt;

    DateTimeValue v;
    v.text = text.toString();
    const QRegularExpressionMatch m = iso.match(trimmed);
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!date.isValid())
            return std::nullopt;
        if (!m.hasCaptured(4)) {
            v.kind = Kind::Date;
            v.dateTime = QDateTime(date, QTime(0, 0), Qt::LocalTime);
            return v;
        }
        int msec = 0;
        if (m.hasCaptured(7))
            msec = QString(m.captured(7) + u"000"_s).left(3).toInt();
        const QTime time(m.captured(4).toInt(), m.captured(5).toInt(),
                         m.hasCaptured(6) ? m.captured(6).toInt() : 0, msec);
        if (!time.isValid())
            return std::nullopt;
        if (!m.hasCaptured(8)) {
            v.kind = Kind::LocalDateTime;
            v.dateTime = QDateTime(date, time, Qt::LocalTime);
            return v;
        }
        const QString zone = m.captured(8);
        int offset = 0;
        if (zone != u"Z"_s && zone != u"z"_s) {
            const QString digits = QString(zone).remove(u':');
            const int hours = digits.mid(1, 2).toInt();
            const int minutes = digits.size() >= 5 ? digits.mid(3, 2).toInt() : 0;
            if (hours > 23 || minutes > 59)
                return std::nullopt;
            offset = (hours * 3600 + minutes * 60) * (zone.startsWith(u'-') ? -1 : 1);
        }
        v.kind = Kind::OffsetDateTime;
        v.dateTime = QDateTime(date, time, Qt::OffsetFromUTC, offset);
        return v;
    }
    // RFC 1123 / RFC 2822 ("Mon, 02 Jan 2006 15:04:05 -0700"), which Hugo also accepts.
    const QDateTime rfc = QDateTime::fromString(trimmed, Qt::RFC2822Date);
    if (rfc.isValid()) {
        v.kind = Kind::OffsetDateTime;
        v.dateTime = rfc;
        return v;
    }
    return std::nullopt;
}

QString DateTimeValue::offsetText(int seconds)
{
    const QChar sign = seconds < 0 ? u'-' : u'+';
    const int abs = seconds < 0 ? -seconds : seconds;
    return sign + u"%1:%2"_s.arg(abs / 3600, 2, 10, QChar(u'0')).arg((abs % 3600) / 60, 2, 10, QChar(u'0'));
}

DateTimeValue DateTimeValue::withDateTime(QDate date, QTime time) const
{
    const QTime seconds(time.hour(), time.minute(), time.second());
    const QString was = text.trimmed();
    const bool spaced = was.size() > 10 && was[4] == u'-' && was[7] == u'-' && was[10] == u' ';
    DateTimeValue v;
    switch (kind) {
    case Kind::Date:
        v.kind = kind;
        v.dateTime = QDateTime(date, QTime(0, 0), Qt::LocalTime);
        v.text = date.toString(u"yyyy-MM-dd"_s);
        return v;
    case Kind::LocalDateTime:
        v.kind = kind;
        v.dateTime = QDateTime(date, seconds, Qt::LocalTime);
        v.text = date.toString(u"yyyy-MM-dd"_s) + (spaced ? u' ' : u'T') + seconds.toString(u"HH:mm:ss"_s);
        return v;
    case Kind::OffsetDateTime:
        break;
    }
    const int offset = dateTime.offsetFromUtc();
    v = fromDateTime(QDateTime(date, seconds, Qt::OffsetFromUTC, offset));
    if (offset == 0 && (was.endsWith(u'Z') || was.endsWith(u'z')))
        v.text = v.text.chopped(6) + was.back();
    if (spaced)
        v.text[10] = u' ';
    return v;
}

DateTimeValue DateTimeValue::fromDateTime(const QDateTime &dt)
{
    DateTimeValue v;
    v.kind = Kind::OffsetDateTime;
    const int offset = dt.offsetFromUtc();
    v.dateTime = QDateTime(dt.date(), QTime(dt.time().hour(), dt.time().minute(), dt.time().second()),
                           Qt::OffsetFromUTC, offset);
    v.text = v.dateTime.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + offsetText(offset);
    return v;
}

DateTimeValue DateTimeValue::now()
{
    return fromDateTime(QDateTime::currentDateTime());
}

QString DateTimeValue::isoText() const
{
    static const QRegularExpression iso(
        uR"(^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})?)?$)"_s);
    const QString t = text.trimmed();
    if (iso.match(t).hasMatch()) {
        // The written form already says what kind it is.
        return t;
    }
    switch (kind) {
    case Kind::Date:
        return dateTime.toString(u"yyyy-MM-dd"_s);
    case Kind::LocalDateTime:
        return dateTime.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s);
    case Kind::OffsetDateTime:
        break;
    }
    return fromDateTime(dateTime).text;
}

bool operator==(const DateTimeValue &a, const DateTimeValue &b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == DateTimeValue::Kind::OffsetDateTime)
        return a.dateTime == b.dateTime && a.dateTime.offsetFromUtc() == b.dateTime.offsetFromUtc();
    return a.dateTime.date() == b.dateTime.date() && a.dateTime.time() == b.dateTime.time();
}

Value Value::fromMap(const Map &map)
{
    Value v;
    v.m_type = Type::Map;
    v.m_map = map;
    return v;
}

Value Value::fromStringList(const QStringList &list)
{
    List items;
    items.reserve(list.size());
    for (const QString &s : list)
        items.append(Value(s));
    return Value(items);
}

Value Value::value(QStringView key, Qt::CaseSensitivity cs) const
{
    for (const auto &[k, v] : m_map) {
        if (QStringView(k).compare(key, cs) == 0)
            return v;
    }
    return {};
}

Value Value::hugoValue(std::initializer_list<QStringView> path) const
{
    Value current = *this;
    for (QStringView key : path) {
        current = current.hugoValue(key);
        if (current.isNull())
            break;
    }
    return current;
}

bool Value::contains(QStringView key) const
{
    for (const auto &entry : m_map) {
        if (entry.first == key)
            return true;
    }
    return false;
}

QStringList Value::toStringList() const
{
    if (m_type == Type::String)
        return {m_string};
    QStringList out;
    for (const Value &item : m_list) {
        if (item.isScalar() && !item.isNull())
            out.append(item.toDisplayString());
    }
    return out;
}

QString Value::toDisplayString() const
{
    switch (m_type) {
    case Type::Null:
        return {};
    case Type::String:
        return m_string;
    case Type::Bool:
        return m_bool ? u"true"_s : u"false"_s;
    case Type::Integer:
        return QString::number(m_int);
    case Type::Float:
        return QString::number(m_float, 'g', QLocale::FloatingPointShortest); // 0.1, not 0.10000000000000001
    case Type::DateTime:
        return m_date.text.trimmed();
    case Type::List: {
        QStringList parts;
        for (const Value &item : m_list)
            parts.append(item.isString() ? jsonQuoted(item.m_string) : item.toDisplayString());
        return u'[' + parts.join(u", "_s) + u']';
    }
    case Type::Map: {
        QStringList parts;
        for (const auto &[k, v] : m_map)
            parts.append(jsonQuoted(k) + u": "_s + (v.isString() ? jsonQuoted(v.m_string) : v.toDisplayString()));
        return u'{' + parts.join(u", "_s) + u'}';
    }
    }
    return {};
}

QString Value::typeName(Type type)
{
    switch (type) {
    case Type::Null: return FrontMatter::tr("empty");
    case Type::String: return FrontMatter::tr("a string");
    case Type::Bool: return FrontMatter::tr("a true/false value");
    case Type::Integer: return FrontMatter::tr("an integer");
    case Type::Float: return FrontMatter::tr("a number");
    case Type::DateTime: return FrontMatter::tr("a date");
    case Type::List: return FrontMatter::tr("a list");
    case Type::Map: return FrontMatter::tr("a map");
    }
    return {};
}

bool operator==(const Value &a, const Value &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::Null: return true;
    case Value::Type::String: return a.m_string == b.m_string;
    case Value::Type::Bool: return a.m_bool == b.m_bool;
    case Value::Type::Integer: return a.m_int == b.m_int;
    case Value::Type::Float: return a.m_float == b.m_float;
    case Value::Type::DateTime: return a.m_date == b.m_date;
    case Value::Type::List: return a.m_list == b.m_list;
    case Value::Type::Map: return a.m_map == b.m_map;
    }
    return false;
}

} // namespace frontmark
