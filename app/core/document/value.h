// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

#include <initializer_list>

namespace frontmark {

/**
 * A date or date-time as a post wrote it. Hugo accepts a date alone, a local date-time and a
 * date-time with an offset; `text` is the form as written so an untouched date keeps its
 * exact spelling, and a new one is spelled with the local offset (docs/decisions.md, decision 2).
 */
struct DateTimeValue {
    enum class Kind { Date, LocalDateTime, OffsetDateTime };
    Kind kind = Kind::OffsetDateTime;
    QDateTime dateTime; // Qt::OffsetFromUTC for OffsetDateTime, Qt::LocalTime otherwise
    QString text;

    /// Parses RFC 3339 / TOML / YAML timestamp forms and the layouts Hugo accepts in strings.
    static std::optional<DateTimeValue> parse(QStringView text);
    /// `dt` spelled as RFC 3339 with its offset (`2025-05-12T14:30:25+08:00`), seconds precision.
    static DateTimeValue fromDateTime(const QDateTime &dt);
    /// Now, in the local time zone, with its offset.
    static DateTimeValue now();
    /// `text` if it is already ISO 8601 / RFC 3339 (what YAML and TOML read as a date),
    /// otherwise the same instant re-spelled that way, keeping the kind (date, local, offset).
    QString isoText() const;
    /// This value moved to `date` and `time`, spelled the way this one is: the same kind, the
    /// same offset, "T" or a space, a "Z" kept (docs/decisions.md, decision 2). The form's date field.
    DateTimeValue withDateTime(QDate date, QTime time) const;
    /// "+08:00" for 28800 seconds east of UTC.
    static QString offsetText(int seconds);

    friend bool operator==(const DateTimeValue &a, const DateTimeValue &b);
};

/**
 * One front matter value: null, string, bool, integer, float, date-time, list or map.
 * Maps keep their keys in file order. A plain value type: cheap to copy (implicitly shared
 * Qt containers), safe to use from any thread.
 */
class Value
{
public:
    enum class Type { Null, String, Bool, Integer, Float, DateTime, List, Map };
    using List = QList<Value>;
    using Map = QList<std::pair<QString, Value>>;

    Value() = default;
    Value(const QString &s) : m_type(Type::String), m_string(s) {}
    Value(const char16_t *s) : Value(QString::fromUtf16(s)) {}
    explicit Value(bool b) : m_type(Type::Bool), m_bool(b) {}
    Value(qint64 i) : m_type(Type::Integer), m_int(i) {}
    Value(int i) : m_type(Type::Integer), m_int(i) {}
    Value(double d) : m_type(Type::Float), m_float(d) {}
    Value(const DateTimeValue &dt) : m_type(Type::DateTime), m_date(dt) {}
    Value(const List &list) : m_type(Type::List), m_list(list) {}
    static Value fromMap(const Map &map);
    static Value fromStringList(const QStringList &list);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isString() const { return m_type == Type::String; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isList() const { return m_type == Type::List; }
    bool isMap() const { return m_type == Type::Map; }
    bool isScalar() const { return m_type != Type::List && m_type != Type::Map; }

    QString toString() const { return m_string; }
    bool toBool() const { return m_bool; }
    qint64 toInteger() const { return m_int; }
    double toFloat() const { return m_float; }
    const DateTimeValue &toDateTime() const { return m_date; }
    const List &toList() const { return m_list; }
    const Map &toMap() const { return m_map; }

    /// The entry for `key` in a map, or null. Hugo matches configuration and front matter
    /// keys without regard to case: pass Qt::CaseInsensitive for that (the first match wins).
    Value value(QStringView key, Qt::CaseSensitivity cs = Qt::CaseSensitive) const;
    /// The entry for `key` as Hugo finds it in configuration and front matter maps: without
    /// regard to case (Hugo lower-cases keys as it loads them, so "baseURL" is "baseurl"); the
    /// first match wins. Every such lookup in the core goes through here.
    Value hugoValue(QStringView key) const { return value(key, Qt::CaseInsensitive); }
    /// hugoValue() down a path of nested maps ({u"markup", u"goldmark"}); null where a map or
    /// key on the way is missing.
    Value hugoValue(std::initializer_list<QStringView> path) const;
    bool contains(QStringView key) const;

    /// Strings of a list of scalars (or of a lone string), as a writer would read them.
    QStringList toStringList() const;
    /// A readable one-line rendering: strings bare, lists as JSON-like `["a", "b"]`.
    QString toDisplayString() const;
    /// The type's name for messages, with its article: "a string", "an integer", …
    static QString typeName(Type type);

    friend bool operator==(const Value &a, const Value &b);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    qint64 m_int = 0;
    double m_float = 0;
    QString m_string;
    DateTimeValue m_date;
    List m_list;
    Map m_map;
};

} // namespace frontmark
