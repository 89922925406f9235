// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuetext.h"

#include "frontmatter.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

Result<Value> parseJson(const QString &text)
{
    // Reuse the order-keeping JSON reader: wrap the text as the value of one key.
    const QByteArray wrapped = "{\"v\": " + text.toUtf8() + "}";
    const FrontMatter fm(FrontMatterFormat::Json, wrapped);
    if (!fm.isValid())
        return Error{Error::Kind::Invalid, FrontMatter::tr("“%1” is not a valid JSON value: %2").arg(text, fm.error()->message)};
    return fm.value(u"v"_s);
}

Error mismatch(const QString &text, Value::Type like)
{
    return Error{Error::Kind::Invalid, FrontMatter::tr("“%1” is not %2, which this key holds.").arg(text, Value::typeName(like))};
}

} // namespace

Result<Value> parseValueText(const QString &text, std::optional<Value::Type> like)
{
    const QString t = text.trimmed();
    static const QRegularExpression intRe(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression floatRe(uR"(^[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$)"_s);
    static const QRegularExpression dateRe(uR"(^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$)"_s);

    if (!like || *like == Value::Type::Null) {
        if (t == u"true"_s || t == u"false"_s)
            return Value(t == u"true"_s);
        if (intRe.match(t).hasMatch()) {
            bool ok = false;
            const qint64 i = t.toLongLong(&ok);
            if (ok)
                return Value(i);
        }
        if (floatRe.match(t).hasMatch() && t.contains(u'.'))
            return Value(t.toDouble());
        if (dateRe.match(t).hasMatch()) {
            if (auto dt = DateTimeValue::parse(t))
                return Value(*dt);
        }
        if (t.startsWith(u'[') || t.startsWith(u'{')) {
            auto json = parseJson(t);
            if (json.ok() || !t.startsWith(u'[') || !t.endsWith(u']'))
                return json;
            // "[a, b]" as a YAML writer types it: a list of terms.
            return parseValueText(t.mid(1, t.size() - 2), Value::Type::List);
        }
        return Value(text);
    }

    switch (*like) {
    case Value::Type::Null:
    case Value::Type::String:
        return Value(text);
    case Value::Type::Bool:
        if (t == u"true"_s || t == u"false"_s)
            return Value(t == u"true"_s);
        return mismatch(text, *like);
    case Value::Type::Integer: {
        bool ok = false;
        const qint64 i = t.toLongLong(&ok);
        if (ok && intRe.match(t).hasMatch())
            return Value(i);
        return mismatch(text, *like);
    }
    case Value::Type::Float: {
        bool ok = false;
        const double d = t.toDouble(&ok);
        if (ok && floatRe.match(t).hasMatch())
            return Value(d);
        return mismatch(text, *like);
    }
    case Value::Type::DateTime:
        if (t == u"now"_s)
            return Value(DateTimeValue::now()); // local time with its offset, never UTC "Z"
        if (auto dt = DateTimeValue::parse(t))
            return Value(*dt);
        return Error{Error::Kind::Invalid,
                     FrontMatter::tr("“%1” is not a date; write it like 2025-05-12T14:30:25+08:00 or 2025-05-12.").arg(text)};
    case Value::Type::List: {
        if (t.startsWith(u'[')) {
            auto v = parseJson(t);
            if (v.ok() && !v.value().isList())
                return mismatch(text, *like);
            return v;
        }
        // Comma-separated terms: "AI, 能源" (full-width commas too, for CJK input).
        Value::List items;
        if (!t.isEmpty()) {
            static const QRegularExpression sep(u"[,，、]"_s);
            for (const QString &part : t.split(sep)) {
                QString term = part.trimmed();
                if (term.size() >= 2 && (term.front() == u'"' || term.front() == u'\'') && term.back() == term.front())
                    term = term.mid(1, term.size() - 2);
                if (!term.isEmpty())
                    items.append(Value(term));
            }
        }
        return Value(items);
    }
    case Value::Type::Map: {
        auto v = parseJson(t);
        if (v.ok() && !v.value().isMap())
            return mismatch(text, *like);
        return v;
    }
    }
    return Value(text);
}

} // namespace frontmark
