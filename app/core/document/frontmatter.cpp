// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontmatter.h"

#include "codec_p.h"
#include "text/textutil.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace frontmark {

QString formatName(FrontMatterFormat format)
{
    switch (format) {
    case FrontMatterFormat::None: return u"none"_s;
    case FrontMatterFormat::Yaml: return u"YAML"_s;
    case FrontMatterFormat::Toml: return u"TOML"_s;
    case FrontMatterFormat::Json: return u"JSON"_s;
    }
    return {};
}

class FrontMatterData : public QSharedData
{
public:
    FrontMatterFormat format = FrontMatterFormat::None;
    QByteArray bytes;
    QString file;
    int firstLine = 1;
    bool unclosed = false; // the closing delimiter is missing; bytes run to the end of the file
    detail::ParsedBlock parsed;
    std::optional<Error> error;

    void reparse()
    {
        parsed = {};
        error.reset();
        if (format == FrontMatterFormat::None)
            return;
        if (unclosed) {
            // Hugo fails the whole page ("EOF looking for end YAML front matter delimiter"), so
            // parsing the text for keys would only show a second, misleading error.
            error = unclosedError();
            return;
        }
        auto result = detail::Codec::forFormat(format).parse(bytes, {file, firstLine});
        if (result.ok())
            parsed = std::move(result).value();
        else
            error = result.error();
    }

    Error unclosedError() const
    {
        // YAML and TOML open on the line before the block; a JSON block starts with its "{".
        const int openLine = format == FrontMatterFormat::Json ? firstLine : firstLine - 1;
        if (format == FrontMatterFormat::Json) {
            return Error{Error::Kind::Syntax,
                         FrontMatter::tr("The front matter starts with { on line %1 but its closing } is missing; add it after the last value.")
                             .arg(QString::number(openLine)),
                         file, openLine, 1};
        }
        const QString delimiter = format == FrontMatterFormat::Toml ? u"+++"_s : u"---"_s;
        return Error{Error::Kind::Syntax,
                     FrontMatter::tr("The front matter starts with %1 on line %2 but has no closing %1 line; add one after the last key.")
                         .arg(delimiter, QString::number(openLine)),
                     file, openLine, 1};
    }

    qsizetype indexOf(const QString &key) const
    {
        for (qsizetype i = 0; i < parsed.entries.size(); ++i) {
            if (parsed.entries[i].key == key)
                return i;
        }
        return -1;
    }
};

namespace detail {

const Codec &Codec::forFormat(FrontMatterFormat format)
{
    switch (format) {
    case FrontMatterFormat::Toml: return tomlCodec();
    case FrontMatterFormat::Json: return jsonCodec();
    case FrontMatterFormat::None:
    case FrontMatterFormat::Yaml: break;
    }
    return yamlCodec();
}

qsizetype trimTrailingBlankAndComments(const QByteArray &block, qsizetype start, qsizetype end, char comment)
{
    // Walk back line by line while the last line is blank or only a comment.
    while (end > start) {
        qsizetype lineBegin = end;
        if (lineBegin > start && block[lineBegin - 1] == '\n')
            --lineBegin;
        while (lineBegin > start && block[lineBegin - 1] != '\n')
            --lineBegin;
        if (lineBegin <= start)
            break;
        const QByteArrayView line(block.constData() + lineBegin, end - lineBegin);
        const QByteArrayView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && trimmed[0] != comment)
            break;
        end = lineBegin;
    }
    return end;
}

Error errorAt(const QByteArray &block, qsizetype offset, const ParseContext &ctx, Error::Kind kind,
              const QString &message)
{
    const text::Position pos = text::positionOf(block, offset);
    return Error{kind, message, ctx.file, ctx.blockFirstLine + pos.line - 1, pos.column};
}

} // namespace detail

FrontMatter::FrontMatter() : d(new FrontMatterData) {}

int FrontMatter::firstLine() const
{
    return d->firstLine;
}

FrontMatter::FrontMatter(FrontMatterFormat format, const QByteArray &block, const QString &file, int firstLine)
    : d(new FrontMatterData)
{
    d->format = format;
    d->bytes = block;
    d->file = file;
    d->firstLine = firstLine;
    d->reparse();
}

FrontMatter FrontMatter::unclosed(FrontMatterFormat format, const QByteArray &rest, const QString &file, int firstLine)
{
    Q_ASSERT(format != FrontMatterFormat::None);
    FrontMatter fm;
    fm.d->format = format;
    fm.d->bytes = rest;
    fm.d->file = file;
    fm.d->firstLine = firstLine;
    fm.d->unclosed = true;
    fm.d->reparse();
    return fm;
}

FrontMatter::FrontMatter(const FrontMatter &) = default;
FrontMatter &FrontMatter::operator=(const FrontMatter &) = default;
FrontMatter::~FrontMatter() = default;

FrontMatterFormat FrontMatter::format() const { return d->format; }
QByteArray FrontMatter::bytes() const { return d->bytes; }
bool FrontMatter::isValid() const { return !d->error.has_value(); }
bool FrontMatter::isUnclosed() const { return d->unclosed; }
const std::optional<Error> &FrontMatter::error() const { return d->error; }

void FrontMatter::setBytes(const QByteArray &block)
{
    if (block == d->bytes)
        return;
    d->bytes = block;
    d->reparse();
}

QStringList FrontMatter::keys() const
{
    QStringList out;
    out.reserve(d->parsed.entries.size());
    for (const auto &e : d->parsed.entries)
        out.append(e.key);
    return out;
}

bool FrontMatter::contains(const QString &key) const { return d->indexOf(key) >= 0; }

Value FrontMatter::value(const QString &key) const
{
    const qsizetype i = d->indexOf(key);
    return i < 0 ? Value() : d->parsed.entries[i].value;
}

Value FrontMatter::toMap() const
{
    Value::Map map;
    map.reserve(d->parsed.entries.size());
    for (const auto &e : d->parsed.entries)
        map.append({e.key, e.value});
    return Value::fromMap(map);
}

std::pair<int, int> FrontMatter::position(const QString &key) const
{
    const qsizetype i = d->indexOf(key);
    if (i < 0)
        return {0, 0};
    const auto &e = d->parsed.entries[i];
    return {d->firstLine + e.line - 1, e.column};
}

bool FrontMatter::isEditable(const QString &key) const
{
    const qsizetype i = d->indexOf(key);
    return i < 0 || d->parsed.entries[i].editable;
}

namespace {

// JSON has no date type: dates are written, and read back, as RFC 3339 strings.
Value storedForm(FrontMatterFormat format, const Value &value)
{
    if (format != FrontMatterFormat::Json)
        return value;
    switch (value.type()) {
    case Value::Type::DateTime:
        return Value(value.toDateTime().isoText());
    case Value::Type::List: {
        Value::List items;
        for (const Value &item : value.toList())
            items.append(storedForm(format, item));
        return Value(items);
    }
    case Value::Type::Map: {
        Value::Map items;
        for (const auto &[k, item] : value.toMap())
            items.append({k, storedForm(format, item)});
        return Value::fromMap(items);
    }
    default:
        return value;
    }
}

} // namespace

Status FrontMatter::setValue(const QString &key, const Value &requested)
{
    const Value value = storedForm(d->format, requested);
    if (d->error)
        return *d->error;
    if (d->format == FrontMatterFormat::None)
        return Error{Error::Kind::Unsupported, FrontMatter::tr("This post has no front matter block to edit."), d->file};
    if (key.isEmpty())
        return Error{Error::Kind::Invalid, FrontMatter::tr("A front matter key cannot be empty."), d->file};

    const qsizetype index = d->indexOf(key);
    Value stored = value;
    // A date the post writes as a quoted string ("2019-03-11") stays a string, in its own style.
    if (index >= 0 && value.type() == Value::Type::DateTime && d->parsed.entries[index].value.isString()
        && DateTimeValue::parse(d->parsed.entries[index].value.toString()))
        stored = Value(value.toDateTime().isoText());
    if (index >= 0 && d->parsed.entries[index].value == stored)
        return Ok{};
    const auto &codec = detail::Codec::forFormat(d->format);
    if (index >= 0 && !d->parsed.entries[index].editable) {
        const auto [line, column] = position(key);
        return Error{Error::Kind::Unsupported,
                     FrontMatter::tr("“%1” is written in a form Frontmark cannot rewrite in place; edit the front matter as text.").arg(key),
                     d->file, line, column};
    }
    auto patched = index >= 0 ? codec.replace(d->bytes, d->parsed, index, stored)
                              : codec.insert(d->bytes, d->parsed, key, stored);
    if (!patched.ok())
        return patched.error();

    // Safety net: the patch must parse and hold exactly the new value, or nothing changes.
    FrontMatter candidate(d->format, patched.value(), d->file, d->firstLine);
    if (!candidate.isValid() || !(candidate.value(key) == stored)) {
        return Error{Error::Kind::Unsupported,
                     FrontMatter::tr("Frontmark could not write “%1” in this block's style without changing its meaning; edit the front matter as text.").arg(key),
                     d->file, index >= 0 ? position(key).first : 0, 0};
    }
    d = candidate.d;
    return Ok{};
}

Status FrontMatter::remove(const QString &key)
{
    if (d->error)
        return *d->error;
    const qsizetype index = d->indexOf(key);
    if (index < 0)
        return Ok{};
    if (!d->parsed.entries[index].editable) {
        const auto [line, column] = position(key);
        return Error{Error::Kind::Unsupported,
                     FrontMatter::tr("“%1” is written in a form Frontmark cannot remove in place; edit the front matter as text.").arg(key),
                     d->file, line, column};
    }
    auto patched = detail::Codec::forFormat(d->format).remove(d->bytes, d->parsed, index);
    if (!patched.ok())
        return patched.error();
    FrontMatter candidate(d->format, patched.value(), d->file, d->firstLine);
    if (!candidate.isValid() || candidate.contains(key))
        return Error{Error::Kind::Unsupported, FrontMatter::tr("Frontmark could not remove “%1” cleanly; edit the front matter as text.").arg(key), d->file};
    d = candidate.d;
    return Ok{};
}

} // namespace frontmark
