// SPDX-License-Identifier: GPL-3.0-or-later
// yamlcodec.cpp: the only translation unit that sees <yaml-cpp/yaml.h>.
//
// yaml-cpp parses and validates the block and tells where each top-level key starts; the
// byte spans, the style of each value and every rewrite are ours, because yaml-cpp's emitter
// drops comments and re-flows the whole document (jbeder/yaml-cpp#457).

#include "codec_p.h"
#include "text/textutil.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace frontmark::detail {

namespace {

enum class Quote { Plain, Single, Double };

// ---- reading --------------------------------------------------------------------------

// Plain scalars resolve as YAML 1.1 does in gopkg.in/yaml.v2, the parser Hugo 0.111 used:
// yes/no/on/off are booleans, ~ and null are null, timestamps are dates.
Value resolvePlain(const QString &s)
{
    static const QSet<QString> trues{u"y"_s, u"Y"_s, u"yes"_s, u"Yes"_s, u"YES"_s, u"true"_s, u"True"_s,
                                     u"TRUE"_s, u"on"_s, u"On"_s, u"ON"_s};
    static const QSet<QString> falses{u"n"_s, u"N"_s, u"no"_s, u"No"_s, u"NO"_s, u"false"_s, u"False"_s,
                                      u"FALSE"_s, u"off"_s, u"Off"_s, u"OFF"_s};
    static const QRegularExpression intRe(uR"(^[-+]?(0|[1-9][0-9_]*)$)"_s);
    static const QRegularExpression hexRe(uR"(^0x[0-9a-fA-F_]+$)"_s);
    static const QRegularExpression floatRe(uR"(^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$)"_s);
    static const QRegularExpression dateRe(uR"(^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$))"_s);

    if (s.isEmpty() || s == u"~"_s || s == u"null"_s || s == u"Null"_s || s == u"NULL"_s)
        return {};
    if (trues.contains(s))
        return Value(true);
    if (falses.contains(s))
        return Value(false);
    if (intRe.match(s).hasMatch()) {
        bool ok = false;
        const qint64 v = QString(s).remove(u'_').toLongLong(&ok);
        if (ok)
            return Value(v);
        return Value(QString(s).remove(u'_').toDouble());
    }
    if (hexRe.match(s).hasMatch()) {
        bool ok = false;
        const qint64 v = s.mid(2).remove(u'_').toLongLong(&ok, 16);
        if (ok)
            return Value(v);
    }
    if (floatRe.match(s).hasMatch() && s != u"."_s)
        return Value(QString(s).remove(u'_').toDouble());
    if (s == u".inf"_s || s == u".Inf"_s || s == u".INF"_s || s == u"+.inf"_s)
        return Value(std::numeric_limits<double>::infinity());
    if (s == u"-.inf"_s || s == u"-.Inf"_s || s == u"-.INF"_s)
        return Value(-std::numeric_limits<double>::infinity());
    if (s == u".nan"_s || s == u".NaN"_s || s == u".NAN"_s)
        return Value(std::numeric_limits<double>::quiet_NaN());
    if (dateRe.match(s).hasMatch()) {
        if (auto dt = DateTimeValue::parse(s))
            return Value(*dt);
    }
    return Value(s);
}

// Values an alias may expand to in one block. go-yaml (Hugo) stops "excessive aliasing" the
// same way; without a cap a few hundred bytes of anchors expand to gigabytes.
constexpr int kMaxExpandedValues = 100000;

qsizetype quotedEnd(const QByteArray &b, qsizetype from, qsizetype limit);

struct Converter {
    const QByteArray &block;
    const ParseContext &ctx;
    std::optional<Error> error;
    int budget = kMaxExpandedValues;
    std::optional<text::LineIndex> lines;

    Value convert(const YAML::Node &node, int depth)
    {
        if (error)
            return {};
        if (--budget < 0) {
            fail(node.Mark(), FrontMatter::tr("The front matter expands to more than %1 values through aliases (*name); Hugo rejects such excessive aliasing too.")
                                  .arg(kMaxExpandedValues));
            return {};
        }
        if (depth > kMaxDepth) {
            fail(node.Mark(), FrontMatter::tr("The front matter nests lists or maps more than %1 levels deep.").arg(kMaxDepth));
            return {};
        }
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return {};
        case YAML::NodeType::Scalar: {
            checkQuoteCloses(node.Mark());
            const QString text = QString::fromStdString(node.Scalar());
            const std::string &tag = node.Tag();
            if (tag == "!" || tag == "tag:yaml.org,2002:str")
                return Value(text);
            if (tag == "?" || tag.empty())
                return resolvePlain(text);
            return resolvePlain(text); // other explicit tags: best effort
        }
        case YAML::NodeType::Sequence: {
            Value::List list;
            for (const auto &item : node)
                list.append(convert(item, depth + 1));
            return Value(list);
        }
        case YAML::NodeType::Map: {
            Value::Map map;
            QSet<QString> seen;
            for (const auto &kv : node) {
                const QString key = kv.first.IsScalar() ? QString::fromStdString(kv.first.Scalar()) : QString();
                if (seen.contains(key)) {
                    fail(kv.first.Mark(), FrontMatter::tr("The key “%1” appears twice in the same map; Hugo rejects duplicate keys.").arg(key));
                    return {};
                }
                seen.insert(key);
                map.append({key, convert(kv.second, depth + 1)});
            }
            return Value::fromMap(map);
        }
        }
        return {};
    }

    // yaml-cpp 0.7 accepts a quoted scalar left open at the end of the block
    // (`title: "abc` + EOF) and takes the rest of the block as its text; go-yaml rejects it.
    void checkQuoteCloses(const YAML::Mark &mark)
    {
        if (mark.is_null() || mark.line < 0 || mark.column < 0)
            return;
        if (!lines)
            lines.emplace(block);
        const qsizetype at = lines->lineStart(mark.line + 1) + mark.column;
        if (at >= block.size() || (block[at] != '"' && block[at] != '\''))
            return;
        if (quotedEnd(block, at, block.size()) < 0)
            fail(mark, FrontMatter::tr("YAML syntax error: this quoted text is never closed; add the closing %1.")
                           .arg(QChar::fromLatin1(block[at])));
    }

    void fail(const YAML::Mark &mark, const QString &message)
    {
        if (!error)
            error = errorFromMark(mark, message);
    }

    Error errorFromMark(const YAML::Mark &mark, const QString &message) const
    {
        // yaml-cpp marks are 0-based and count bytes within the block; report file lines and
        // character columns.
        if (mark.is_null() || mark.line < 0)
            return Error{Error::Kind::Syntax, message, ctx.file, ctx.blockFirstLine, 0};
        const qsizetype lineBegin = text::lineStart(block, mark.line + 1);
        const qsizetype offset = qMin(lineBegin + qMax(0, mark.column), qsizetype(block.size()));
        return errorAt(block, offset, ctx, Error::Kind::Syntax, message);
    }
};

QString syntaxMessage(const std::string &msg)
{
    QString s = QString::fromStdString(msg);
    if (!s.isEmpty())
        s[0] = s[0].toLower();
    if (!s.endsWith(u'.'))
        s += u'.';
    return FrontMatter::tr("YAML syntax error: %1").arg(s);
}

// End of a quoted scalar starting at `from` (on the quote), within [from, limit); -1 if it
// does not close before `limit`.
qsizetype quotedEnd(const QByteArray &b, qsizetype from, qsizetype limit)
{
    const char q = b[from];
    for (qsizetype i = from + 1; i < limit; ++i) {
        if (q == '"' && b[i] == '\\') {
            ++i;
            continue;
        }
        if (b[i] == q) {
            if (q == '\'' && i + 1 < limit && b[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return -1;
}

// Finds the bytes of a one-line scalar value after `key:` on the entry's first line.
void locateInlineValue(const QByteArray &b, ParsedEntry &e)
{
    const qsizetype contentEnd = text::lineContentEnd(b, e.start);
    qsizetype i = e.start;
    // Skip the key itself.
    if (b[i] == '"' || b[i] == '\'') {
        i = quotedEnd(b, i, contentEnd);
        if (i < 0)
            return;
    }
    while (i < contentEnd) {
        if (b[i] == ':' && (i + 1 == contentEnd || b[i + 1] == ' ' || b[i + 1] == '\t'))
            break;
        ++i;
    }
    if (i >= contentEnd)
        return;
    ++i;
    while (i < contentEnd && (b[i] == ' ' || b[i] == '\t'))
        ++i;
    if (i >= contentEnd || b[i] == '#')
        return; // value on the following lines
    const char c = b[i];
    if (c == '|' || c == '>' || c == '&' || c == '*' || c == '!' || c == '[' || c == '{')
        return; // block scalars, anchors, aliases, tags and collections are re-emitted whole
    qsizetype end = -1;
    if (c == '"' || c == '\'') {
        end = quotedEnd(b, i, contentEnd);
        if (end < 0)
            return; // continues on the next line
    } else {
        end = i;
        for (qsizetype k = i; k < contentEnd; ++k) {
            if (b[k] == '#' && (b[k - 1] == ' ' || b[k - 1] == '\t'))
                break;
            if (b[k] != ' ' && b[k] != '\t')
                end = k + 1;
        }
    }
    // The value must be the entry's only content line; a plain scalar may continue on the
    // next, more indented lines.
    const qsizetype next = text::lineEndWithEol(b, e.start);
    const qsizetype trimmedEnd = trimTrailingBlankAndComments(b, e.start, e.end, '#');
    if (next < trimmedEnd)
        return;
    e.valueStart = i;
    e.valueEnd = end;
}

// The trailing comment on a key's line (" # …", with the spaces before it), or empty.
QByteArray trailingComment(const QByteArray &b, qsizetype lineBegin)
{
    const qsizetype end = text::lineContentEnd(b, lineBegin);
    char quote = 0;
    for (qsizetype i = lineBegin; i < end; ++i) {
        const char c = b[i];
        if (quote) {
            if (quote == '"' && c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if ((c == '"' || c == '\'') && (i == lineBegin || b[i - 1] == ' ' || b[i - 1] == '[' || b[i - 1] == ','
                                        || b[i - 1] == '{' || b[i - 1] == ':')) {
            quote = c;
            continue;
        }
        if (c == '#' && i > lineBegin && (b[i - 1] == ' ' || b[i - 1] == '\t')) {
            qsizetype from = i;
            while (from > lineBegin && (b[from - 1] == ' ' || b[from - 1] == '\t'))
                --from;
            return b.mid(from, end - from);
        }
    }
    return {};
}

// ---- writing --------------------------------------------------------------------------

bool plainSafe(const QString &s, bool inFlow)
{
    if (s.isEmpty() || s != s.trimmed())
        return false;
    static const QString badFirst = u"-?:,[]{}#&*!|>'\"%@`"_s;
    if (badFirst.contains(s[0]))
        return false;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c == QChar(0x7f) || c == QChar(0xfeff) || c == QChar(0x85) || c == QChar(0x2028)
            || c == QChar(0x2029))
            return false;
        if (inFlow && (c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}'))
            return false;
    }
    if (s.contains(u": "_s) || s.contains(u" #"_s) || s.endsWith(u':'))
        return false;
    return resolvePlain(s).isString();
}

QString doubleQuoted(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += u"\\\""_s; break;
        case '\\': out += u"\\\\"_s; break;
        case '\n': out += u"\\n"_s; break;
        case '\t': out += u"\\t"_s; break;
        case '\r': out += u"\\r"_s; break;
        case 0x85: out += u"\\N"_s; break;
        case 0x2028: out += u"\\L"_s; break;
        case 0x2029: out += u"\\P"_s; break;
        case 0xfeff: out += u"\\uFEFF"_s; break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x%1"_s.arg(c.unicode(), 2, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString formatFloat(double d)
{
    if (std::isnan(d))
        return u".nan"_s;
    if (std::isinf(d))
        return d > 0 ? u".inf"_s : u"-.inf"_s;
    QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
    if (!s.contains(u'.') && !s.contains(u'e') && !s.contains(u"inf"_s))
        s += u".0"_s;
    return s;
}

QString scalarText(const Value &v, Quote quote, bool inFlow)
{
    switch (v.type()) {
    case Value::Type::Null: return u"null"_s;
    case Value::Type::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case Value::Type::Integer: return QString::number(v.toInteger());
    case Value::Type::Float: return formatFloat(v.toFloat());
    case Value::Type::DateTime: return v.toDateTime().isoText();
    case Value::Type::String: {
        const QString s = v.toString();
        if (quote == Quote::Plain && plainSafe(s, inFlow))
            return s;
        if (quote == Quote::Single && std::none_of(s.begin(), s.end(), [](QChar c) {
                return c.unicode() < 0x20 || c.unicode() == 0x85 || c.unicode() == 0x2028 || c.unicode() == 0x2029;
            }))
            return u'\'' + QString(s).replace(u"'"_s, u"''"_s) + u'\'';
        return doubleQuoted(s);
    }
    case Value::Type::List:
    case Value::Type::Map: break;
    }
    return {};
}

QString flowText(const Value &v, Quote quote, const QString &separator = QStringLiteral(", "))
{
    if (v.isList()) {
        QStringList parts;
        for (const Value &item : v.toList())
            parts.append(flowText(item, quote, separator));
        return u'[' + parts.join(separator) + u']';
    }
    if (v.isMap()) {
        QStringList parts;
        for (const auto &[k, item] : v.toMap())
            parts.append(scalarText(Value(k), Quote::Plain, true) + u": "_s + flowText(item, quote));
        return u'{' + parts.join(u", "_s) + u'}';
    }
    return scalarText(v, quote, true);
}

struct BlockStyle {
    QString flowSeparator = QStringLiteral(", ");
    Quote quote = Quote::Double;   // strings
    Quote itemQuote = Quote::Double;
    bool flowLists = true;
    int listIndent = 2;            // column of "-" under a key
    int mapIndent = 2;
    QByteArray eol = "\n";
};

// Appends `v` as the value of a block key whose line is indented by `indent`: " value" on
// the key's line, or the value's own lines (each starting with a line ending) below it.
void emitBlockValue(const Value &v, int indent, const BlockStyle &st, QString &out)
{
    const QString eol = QString::fromLatin1(st.eol);
    if (v.isList() && !v.toList().isEmpty() && !st.flowLists) {
        for (const Value &item : v.toList()) {
            out += eol + QString(indent + st.listIndent, u' ') + u"- "_s;
            if (item.isMap() && !item.toMap().isEmpty()) {
                // First key on the dash line, the rest aligned under it.
                bool first = true;
                for (const auto &[k, sub] : item.toMap()) {
                    if (!first)
                        out += eol + QString(indent + st.listIndent + 2, u' ');
                    out += scalarText(Value(k), Quote::Plain, false) + u':';
                    emitBlockValue(sub, indent + st.listIndent + 2 - st.mapIndent, st, out);
                    first = false;
                }
            } else if (item.isList() && !item.toList().isEmpty()) {
                out += flowText(item, st.itemQuote);
            } else {
                out += scalarText(item, st.itemQuote, false);
            }
        }
        return;
    }
    if (v.isMap() && !v.toMap().isEmpty()) {
        for (const auto &[k, sub] : v.toMap()) {
            out += eol + QString(indent + st.mapIndent, u' ') + scalarText(Value(k), Quote::Plain, false) + u':';
            emitBlockValue(sub, indent + st.mapIndent, st, out);
        }
        return;
    }
    if (v.isList() || v.isMap()) {
        out += u' ' + flowText(v, st.itemQuote, st.flowSeparator);
        return;
    }
    if (v.isString() && v.toString().contains(u'\n') && !v.toString().startsWith(u' ')
        && !v.toString().contains(u'\r')) {
        // A multi-line string reads best as a literal block.
        QString body = v.toString();
        QString chomp = u"-"_s;
        if (body.endsWith(u'\n')) {
            body.chop(1);
            chomp = body.endsWith(u'\n') ? u"+"_s : QString();
        }
        out += u" |"_s + chomp;
        const QStringList lines = body.split(u'\n');
        for (const QString &line : lines)
            out += eol + (line.isEmpty() ? QString() : QString(indent + 2, u' ') + line);
        return;
    }
    out += u' ' + scalarText(v, st.quote, false);
}

Quote quoteOf(char c)
{
    return c == '"' ? Quote::Double : c == '\'' ? Quote::Single : Quote::Plain;
}

class YamlCodec final : public Codec
{
public:
    Result<ParsedBlock> parse(const QByteArray &block, const ParseContext &ctx) const override;
    Result<QByteArray> replace(const QByteArray &block, const ParsedBlock &parsed, qsizetype index,
                               const Value &value) const override;
    Result<QByteArray> insert(const QByteArray &block, const ParsedBlock &parsed, const QString &key,
                              const Value &value) const override;
    Result<QByteArray> remove(const QByteArray &block, const ParsedBlock &parsed, qsizetype index) const override;

private:
    static BlockStyle styleOf(const QByteArray &block, const ParsedBlock &parsed);
    static QByteArray entryText(const QString &key, const Value &value, const BlockStyle &st);
};

Result<ParsedBlock> YamlCodec::parse(const QByteArray &block, const ParseContext &ctx) const
{
    // Hugo reads only the first document; a "..." end marker or a second "---" is an error
    // there too, and yaml-cpp's Load() reports them.
    Converter conv{block, ctx, {}};
    YAML::Node root;
    try {
        root = YAML::Load(block.toStdString());
    } catch (const YAML::DeepRecursion &e) {
        return conv.errorFromMark(e.mark, FrontMatter::tr("The front matter nests lists or maps more than %1 levels deep.").arg(e.depth()));
    } catch (const YAML::Exception &e) {
        return conv.errorFromMark(e.mark, syntaxMessage(e.msg));
    } catch (const std::exception &e) {
        return Error{Error::Kind::Syntax, syntaxMessage(e.what()), ctx.file, ctx.blockFirstLine, 0};
    }

    ParsedBlock out;
    if (!root || root.IsNull())
        return out;
    if (!root.IsMap()) {
        return conv.errorFromMark(root.Mark(), root.IsSequence()
                                      ? FrontMatter::tr("Front matter must be a list of “key: value” lines, not a list.")
                                      : FrontMatter::tr("Front matter must be a list of “key: value” lines, not a single value."));
    }

    const text::LineIndex lines(block);
    QSet<QString> seen;
    for (const auto &kv : root) {
        ParsedEntry e;
        if (!kv.first.IsScalar())
            return conv.errorFromMark(kv.first.Mark(), FrontMatter::tr("Front matter keys must be plain names, not lists or maps."));
        e.key = QString::fromStdString(kv.first.Scalar());
        if (seen.contains(e.key))
            return conv.errorFromMark(kv.first.Mark(), FrontMatter::tr("The key “%1” appears twice; Hugo rejects duplicate keys.").arg(e.key));
        seen.insert(e.key);
        e.value = conv.convert(kv.second, 1);
        if (conv.error)
            return *conv.error;
        const YAML::Mark mark = kv.first.Mark();
        e.line = mark.line + 1;
        e.column = mark.column + 1;
        e.start = lines.lineStart(e.line);
        // A key that does not start its own line (flow mapping, "? " keys) cannot be patched.
        e.editable = mark.column == 0;
        out.entries.append(e);
    }
    for (qsizetype i = 0; i < out.entries.size(); ++i) {
        ParsedEntry &e = out.entries[i];
        if (i + 1 < out.entries.size() && out.entries[i + 1].line == e.line) {
            e.editable = false;
            out.entries[i + 1].editable = false;
        }
        const qsizetype next = i + 1 < out.entries.size() ? out.entries[i + 1].start : block.size();
        e.end = qMax(e.start, trimTrailingBlankAndComments(block, e.start, next, '#'));
        if (e.end > e.start && block[e.end - 1] != '\n')
            e.end = qMax(e.end, text::lineEndWithEol(block, e.end - 1));
        if (e.editable)
            locateInlineValue(block, e);
        e.column = lines.positionOf(e.start + (e.column - 1)).column;
    }
    return out;
}

BlockStyle YamlCodec::styleOf(const QByteArray &block, const ParsedBlock &parsed)
{
    BlockStyle st;
    st.eol = text::preferredEol(block);
    int plain = 0;
    int dbl = 0;
    int sgl = 0;
    int flow = 0;
    int blockLists = 0;
    for (const auto &e : parsed.entries) {
        if (e.valueStart >= 0 && e.value.isString()) {
            const Quote q = quoteOf(block[e.valueStart]);
            (q == Quote::Double ? dbl : q == Quote::Single ? sgl : plain)++;
        }
        if (e.value.isList()) {
            // First non-space byte after "key:" tells flow or block.
            const qsizetype colon = block.indexOf(':', e.start);
            qsizetype i = colon + 1;
            while (i < e.end && (block[i] == ' ' || block[i] == '\t'))
                ++i;
            if (i < e.end && block[i] == '[') {
                ++flow;
            } else if (!e.value.toList().isEmpty()) {
                ++blockLists;
                const qsizetype next = text::lineEndWithEol(block, e.start);
                qsizetype dash = next;
                while (dash < e.end && block[dash] == ' ')
                    ++dash;
                if (dash < e.end && block[dash] == '-')
                    st.listIndent = int(dash - next);
                while (dash < e.end && (block[dash] == '-' || block[dash] == ' '))
                    ++dash;
                if (dash < e.end)
                    st.itemQuote = quoteOf(block[dash]);
            }
            if (flow > 0 && i + 1 < e.end && block[i] == '[') {
                qsizetype k = i + 1;
                while (k < e.end && block[k] == ' ')
                    ++k;
                if (k < e.end && block[k] != ']')
                    st.itemQuote = quoteOf(block[k]);
            }
        }
    }
    st.quote = dbl >= plain && dbl >= sgl && dbl > 0 ? Quote::Double
             : sgl > plain ? Quote::Single
             : plain > 0 ? Quote::Plain : Quote::Double;
    st.flowLists = flow >= blockLists;
    if (flow == 0 && blockLists == 0)
        st.itemQuote = st.quote;
    return st;
}

QByteArray YamlCodec::entryText(const QString &key, const Value &value, const BlockStyle &st)
{
    QString out = scalarText(Value(key), Quote::Plain, false) + u':';
    emitBlockValue(value, 0, st, out);
    return out.toUtf8() + st.eol;
}

Result<QByteArray> YamlCodec::replace(const QByteArray &block, const ParsedBlock &parsed, qsizetype index,
                                      const Value &value) const
{
    const ParsedEntry &e = parsed.entries[index];
    BlockStyle st = styleOf(block, parsed);
    QByteArray out = block;
    if (e.valueStart >= 0 && value.isScalar() && !(value.isString() && value.toString().contains(u'\n'))) {
        // In place: keep the key, spacing, quote style and any trailing comment.
        const Quote q = e.value.isString() ? quoteOf(block[e.valueStart]) : st.quote;
        out.replace(e.valueStart, e.valueEnd - e.valueStart, scalarText(value, q, false).toUtf8());
        return out;
    }
    // Whole entry: the key's lines, re-emitted in the block's style; keep this entry's own
    // list layout and line ending.
    st.eol = text::preferredEol(QByteArrayView(block).sliced(e.start, e.end - e.start));
    if (e.value.isList()) {
        const qsizetype colon = block.indexOf(':', e.start);
        qsizetype i = colon + 1;
        while (i < e.end && (block[i] == ' ' || block[i] == '\t'))
            ++i;
        st.flowLists = i < e.end && block[i] == '[';
        if (st.flowLists && i + 1 < e.end) {
            qsizetype k = i + 1;
            while (k < e.end && block[k] == ' ')
                ++k;
            if (block[k] != ']')
                st.itemQuote = quoteOf(block[k]);
            // "a","b" or "a", "b": keep the writer's spacing after commas.
            const QByteArrayView line = QByteArrayView(block).sliced(i, text::lineContentEnd(block, i) - i);
            if (line.contains(',') && !line.contains(", ") && !line.contains(",\t"))
                st.flowSeparator = u","_s;
        }
    }
    // Keep the key exactly as written (quoted keys stay quoted).
    QByteArray keyText;
    {
        const qsizetype contentEnd = text::lineContentEnd(block, e.start);
        qsizetype i = e.start;
        if (block[i] == '"' || block[i] == '\'')
            i = qMax(e.start, quotedEnd(block, i, contentEnd));
        while (i < contentEnd && !(block[i] == ':' && (i + 1 == contentEnd || block[i + 1] == ' ' || block[i + 1] == '\t')))
            ++i;
        keyText = block.mid(e.start, i - e.start);
    }
    QString valueText;
    emitBlockValue(value, 0, st, valueText);
    QByteArray text = keyText + ':' + valueText.toUtf8() + st.eol;
    // A comment on the key's line stays on the key's line.
    if (const QByteArray comment = trailingComment(block, e.start); !comment.isEmpty()) {
        const qsizetype firstEol = text.indexOf(st.eol);
        text.insert(firstEol, comment);
    }
    // If the entry ended without a newline (last line of the block), keep it that way.
    QByteArray replacement = text;
    if (e.end > e.start && block[e.end - 1] != '\n')
        replacement.chop(st.eol.size());
    out.replace(e.start, e.end - e.start, replacement);
    return out;
}

Result<QByteArray> YamlCodec::insert(const QByteArray &block, const ParsedBlock &parsed, const QString &key,
                                     const Value &value) const
{
    const BlockStyle st = styleOf(block, parsed);
    QByteArray out = block;
    // After the last entry's own lines, so comments and blank lines at the end stay last; in
    // a block of only comments (or nothing), at the end.
    const qsizetype at = parsed.entries.isEmpty() ? block.size() : parsed.entries.last().end;
    QByteArray prefix;
    if (at > 0 && out[at - 1] != '\n')
        prefix = st.eol;
    out.insert(at, prefix + entryText(key, value, st));
    return out;
}

Result<QByteArray> YamlCodec::remove(const QByteArray &block, const ParsedBlock &parsed, qsizetype index) const
{
    const ParsedEntry &e = parsed.entries[index];
    QByteArray out = block;
    out.remove(e.start, e.end - e.start);
    return out;
}

} // namespace

const Codec &yamlCodec()
{
    static const YamlCodec codec;
    return codec;
}

} // namespace frontmark::detail
