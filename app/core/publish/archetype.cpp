// SPDX-License-Identifier: GPL-3.0-or-later
#include "archetype.h"

#include "document/postfile.h"
#include "io/safewrite.h"
#include "site/site.h"
#include "text/slug.h"
#include "text/textutil.h"
#include "util/confinedpath.h"
#include "util/logging.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace frontmark::archetype {

namespace {

// Hugo 0.111.3's built-in archetype (create.DefaultArchetypeTemplateTemplate), used when
// neither the site nor a theme has one. `hugo new` writes it as YAML whatever the site's
// config format is.
const QByteArray kBuiltinArchetype = "---\n"
                                     "title: \"{{ replace .File.ContentBaseName \"-\" \" \" | title }}\"\n"
                                     "date: {{ .Date }}\n"
                                     "draft: true\n"
                                     "---\n"
                                     "\n"_ba;

QString configString(const Site &site, QStringView key)
{
    const Value v = site.config().hugoValue(key);
    return v.isString() ? v.toString().trimmed() : QString();
}

// The archetype kind Hugo derives from the target path: its first folder ("posts" for
// posts/2024/x.md), none for a file at the top of the content folder.
QString kindOf(const QString &section)
{
    return section.section(u'/', 0, 0, QString::SectionSkipEmpty);
}

QString resolvedName(const NewPost &post)
{
    return post.name.isEmpty() ? text::slugify(post.title) : post.name;
}

QString cleanSection(const QString &section)
{
    QStringList parts = section.split(u'/', Qt::SkipEmptyParts);
    return parts.join(u'/');
}

// Go's time.RFC3339 ("2006-01-02T15:04:05Z07:00"): seconds, and "Z" for a zero offset.
QString rfc3339(const QDateTime &when)
{
    const QDateTime t = when.isValid() ? when : QDateTime::currentDateTime();
    const int offset = t.offsetFromUtc();
    QString out = t.toString(u"yyyy-MM-dd'T'HH:mm:ss"_s);
    if (offset == 0)
        return out + u'Z';
    const int magnitude = offset < 0 ? -offset : offset;
    out += offset < 0 ? u'-' : u'+';
    out += u"%1:%2"_s.arg(magnitude / 3600, 2, 10, QChar(u'0')).arg((magnitude % 3600) / 60, 2, 10, QChar(u'0'));
    return out;
}

// .Site.Title: the default content language's title if it has one, else the site's.
QString siteTitle(const Site &site)
{
    QString language = configString(site, u"defaultContentLanguage");
    if (language.isEmpty())
        language = u"en"_s;
    const Value langTitle = site.config().hugoValue({u"languages", language, u"title"});
    if (langTitle.isString())
        return langTitle.toString();
    const Value title = site.config().hugoValue(u"title");
    return title.isScalar() && !title.isNull() ? title.toDisplayString() : QString();
}

// 1-based line and column (in characters) of `offset` in `text`.
std::pair<int, int> locate(const QString &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == u'\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset && i < text.size(); ++i) {
        if (!text[i].isLowSurrogate())
            ++column;
    }
    return {line, column};
}

// --- the template subset ---------------------------------------------------------------

struct Token {
    enum class Kind { Field, Identifier, String, Pipe, LeftParen, RightParen, Other, End };
    Kind kind = Kind::End;
    QString text;      // field chain without the leading dot ("File.ContentBaseName"), name, string value
    qsizetype offset = 0;
};

struct Pipeline;

struct Operand {
    enum class Kind { Field, Function, String, Sub };
    Kind kind = Kind::String;
    QString text;
    qsizetype offset = 0;
    std::shared_ptr<Pipeline> sub;
};

struct Command {
    std::vector<Operand> operands;
    qsizetype offset = 0;
};

struct Pipeline {
    std::vector<Command> commands;
};

// One piece of the template: literal text, or an action's pipeline.
struct Piece {
    QString text;
    std::optional<Pipeline> action;
};

bool isSpaceChar(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isAlnum(QChar c)
{
    return c == u'_' || c.isLetterOrNumber();
}

// The fields of Hugo's archetype data we can fill in (hugolib.archetypeFileData).
bool isKnownField(const QString &chain)
{
    static const QStringList fields{u"Date"_s,           u"Name"_s,          u"Section"_s,
                                    u"Type"_s,           u"Site.Title"_s,    u"File.ContentBaseName"_s,
                                    u"File.BaseFileName"_s, u"File.TranslationBaseName"_s, u"File.LogicalName"_s,
                                    u"File.Ext"_s,       u"File.Dir"_s,      u"File.Path"_s,
                                    u"File.Section"_s};
    return fields.contains(chain);
}

// The supported function `name` stands for ("strings.ToUpper" → "upper"), or empty.
QString canonicalFunction(const QString &name)
{
    static const QList<std::pair<QString, QString>> names{
        {u"replace"_s, u"replace"_s},         {u"strings.Replace"_s, u"replace"_s},
        {u"title"_s, u"title"_s},             {u"strings.Title"_s, u"title"_s},
        {u"lower"_s, u"lower"_s},             {u"strings.ToLower"_s, u"lower"_s},
        {u"upper"_s, u"upper"_s},             {u"strings.ToUpper"_s, u"upper"_s},
        {u"trim"_s, u"trim"_s},               {u"strings.Trim"_s, u"trim"_s},
        {u"humanize"_s, u"humanize"_s},       {u"inflect.Humanize"_s, u"humanize"_s},
        {u"urlize"_s, u"urlize"_s},           {u"urls.URLize"_s, u"urlize"_s}};
    for (const auto &[alias, canonical] : names) {
        if (name == alias)
            return canonical;
    }
    return {};
}

/**
 * Parses and evaluates the Go text/template subset that archetypes use. Parsing checks the
 * whole template first (as Go does), so an unsupported action late in the file is reported
 * before anything is written.
 */
class Expander
{
public:
    Expander(const QString &source, const QString &file, const Site &site, const NewPost &post)
        : m_src(source), m_file(file), m_site(site), m_post(post)
    {
    }

    Result<QString> run()
    {
        std::vector<Piece> pieces;
        if (auto error = parseTemplate(pieces))
            return *error;
        QString out;
        for (const Piece &piece : pieces) {
            if (!piece.action) {
                out += piece.text;
                continue;
            }
            auto value = evalPipeline(*piece.action);
            if (!value.ok())
                return value.error();
            out += value.value();
        }
        return out;
    }

private:
    QChar at(qsizetype i) const { return i >= 0 && i < m_src.size() ? m_src[i] : QChar(); }

    Error errorAt(Error::Kind kind, qsizetype offset, const QString &message) const
    {
        const auto [line, column] = locate(m_src, offset);
        return Error{kind, message, m_file, line, column};
    }

    static QString unsupportedHint()
    {
        return Archetype::tr("; Frontmark fills in .Date, .Name, .File.ContentBaseName, .Section, .Type, .Site.Title and "
               "string literals with replace, title, humanize, lower, upper, urlize and trim, so create this "
               "post with `hugo new` or simplify the archetype.");
    }

    // Splits the source into text and actions, honouring "{{- " / " -}}" trim markers,
    // {{/* comments */}} and Hugo's shortcode guard ("{{<" and "{{%" are text).
    std::optional<Error> parseTemplate(std::vector<Piece> &pieces)
    {
        qsizetype pos = 0;
        bool trimNextText = false;
        auto flushText = [&](QString textPart, bool trimRight) {
            if (trimNextText) {
                qsizetype b = 0;
                while (b < textPart.size() && isSpaceChar(textPart[b]))
                    ++b;
                textPart = textPart.mid(b);
                trimNextText = false;
            }
            if (trimRight) {
                qsizetype e = textPart.size();
                while (e > 0 && isSpaceChar(textPart[e - 1]))
                    --e;
                textPart.truncate(e);
            }
            pieces.push_back(Piece{textPart, std::nullopt});
        };
        for (;;) {
            qsizetype open = m_src.indexOf(u"{{"_s, pos);
            while (open >= 0 && open + 2 < m_src.size() && (m_src[open + 2] == u'<' || m_src[open + 2] == u'%'))
                open = m_src.indexOf(u"{{"_s, open + 3);
            if (open < 0) {
                flushText(m_src.mid(pos), false);
                return std::nullopt;
            }
            qsizetype inner = open + 2;
            const bool trimLeft = inner + 1 < m_src.size() && m_src[inner] == u'-' && isSpaceChar(m_src[inner + 1]);
            if (trimLeft)
                inner += 2;
            flushText(m_src.mid(pos, open - pos), trimLeft);

            // A comment must start right after the delimiter and end right before the closing one.
            if (QStringView(m_src).sliced(inner).startsWith(u"/*")) {
                const qsizetype endComment = m_src.indexOf(u"*/"_s, inner + 2);
                if (endComment < 0)
                    return errorAt(Error::Kind::Syntax, open, Archetype::tr("This comment is not closed with “*/}}”."));
                qsizetype after = endComment + 2;
                bool trimRight = false;
                if (isSpaceChar(at(after)) && at(after + 1) == u'-'
                    && QStringView(m_src).sliced(after + 2).startsWith(u"}}")) {
                    trimRight = true;
                    after += 2;
                }
                if (!QStringView(m_src).sliced(after).startsWith(u"}}"))
                    return errorAt(Error::Kind::Syntax, endComment, Archetype::tr("A comment must end right before “}}”."));
                pos = after + 2;
                trimNextText = trimRight;
                continue;
            }

            std::vector<Token> tokens;
            qsizetype close = 0;
            bool trimRight = false;
            if (auto error = lexAction(inner, tokens, close, trimRight))
                return error;
            size_t index = 0;
            Pipeline pipeline;
            if (auto error = parsePipeline(tokens, index, pipeline, open))
                return error;
            if (tokens[index].kind != Token::Kind::End)
                return errorAt(Error::Kind::Syntax, tokens[index].offset, Archetype::tr("Unexpected “)” in this action."));
            pieces.push_back(Piece{QString(), std::move(pipeline)});
            pos = close;
            trimNextText = trimRight;
        }
    }

    // Lexes one action from `pos` up to its "}}"; `close` is the offset after it.
    std::optional<Error> lexAction(qsizetype pos, std::vector<Token> &tokens, qsizetype &close, bool &trimRight)
    {
        const qsizetype start = pos;
        for (;;) {
            if (pos >= m_src.size())
                return errorAt(Error::Kind::Syntax, start, Archetype::tr("This template action is not closed with “}}”."));
            const QChar c = m_src[pos];
            if (isSpaceChar(c)) {
                if (at(pos + 1) == u'-' && QStringView(m_src).sliced(pos + 2).startsWith(u"}}")) {
                    tokens.push_back({Token::Kind::End, QString(), pos});
                    close = pos + 4;
                    trimRight = true;
                    return std::nullopt;
                }
                ++pos;
                continue;
            }
            if (QStringView(m_src).sliced(pos).startsWith(u"}}")) {
                tokens.push_back({Token::Kind::End, QString(), pos});
                close = pos + 2;
                trimRight = false;
                return std::nullopt;
            }
            if (c == u'|') {
                tokens.push_back({Token::Kind::Pipe, u"|"_s, pos++});
            } else if (c == u'(') {
                tokens.push_back({Token::Kind::LeftParen, u"("_s, pos++});
            } else if (c == u')') {
                tokens.push_back({Token::Kind::RightParen, u")"_s, pos++});
            } else if (c == u'"') {
                const qsizetype begin = pos++;
                QString value;
                for (;;) {
                    if (pos >= m_src.size() || m_src[pos] == u'\n')
                        return errorAt(Error::Kind::Syntax, begin, Archetype::tr("This quoted string is not closed."));
                    const QChar ch = m_src[pos++];
                    if (ch == u'"')
                        break;
                    if (ch != u'\\') {
                        value += ch;
                        continue;
                    }
                    const QChar esc = at(pos++);
                    switch (esc.unicode()) {
                    case u'n': value += u'\n'; break;
                    case u't': value += u'\t'; break;
                    case u'r': value += u'\r'; break;
                    case u'\\': value += u'\\'; break;
                    case u'"': value += u'"'; break;
                    case u'\'': value += u'\''; break;
                    default:
                        return errorAt(Error::Kind::Unsupported, pos - 2,
                                       Archetype::tr("This escape sequence in a string is not supported; write the character itself."));
                    }
                }
                tokens.push_back({Token::Kind::String, value, begin});
            } else if (c == u'`') {
                const qsizetype begin = pos;
                const qsizetype end = m_src.indexOf(u'`', pos + 1);
                if (end < 0)
                    return errorAt(Error::Kind::Syntax, begin, Archetype::tr("This raw string is not closed with “`”."));
                tokens.push_back({Token::Kind::String, m_src.mid(pos + 1, end - pos - 1), begin});
                pos = end + 1;
            } else if (c == u'.') {
                const qsizetype begin = pos;
                QStringList chain;
                while (at(pos) == u'.' && isAlnum(at(pos + 1))) {
                    qsizetype e = pos + 1;
                    while (e < m_src.size() && isAlnum(m_src[e]))
                        ++e;
                    chain << m_src.mid(pos + 1, e - pos - 1);
                    pos = e;
                }
                if (chain.isEmpty()) {
                    tokens.push_back({Token::Kind::Other, u"."_s, begin});
                    ++pos;
                } else {
                    tokens.push_back({Token::Kind::Field, chain.join(u'.'), begin});
                }
            } else if (c.isLetter() || c == u'_') {
                const qsizetype begin = pos;
                while (pos < m_src.size() && isAlnum(m_src[pos]))
                    ++pos;
                QString name = m_src.mid(begin, pos - begin);
                // Hugo's namespaced functions: strings.Replace, inflect.Humanize, urls.URLize.
                while (at(pos) == u'.' && isAlnum(at(pos + 1))) {
                    qsizetype e = pos + 1;
                    while (e < m_src.size() && isAlnum(m_src[e]))
                        ++e;
                    name += m_src.mid(pos, e - pos);
                    pos = e;
                }
                tokens.push_back({Token::Kind::Identifier, name, begin});
            } else {
                // Variables, numbers, characters, assignments: not in the subset.
                const qsizetype begin = pos;
                while (pos < m_src.size() && !isSpaceChar(m_src[pos]) && !QStringView(m_src).sliced(pos).startsWith(u"}}"))
                    ++pos;
                tokens.push_back({Token::Kind::Other, m_src.mid(begin, pos - begin), begin});
            }
        }
    }

    std::optional<Error> parsePipeline(const std::vector<Token> &tokens, size_t &i, Pipeline &out, qsizetype actionOffset)
    {
        for (;;) {
            Command command;
            command.offset = tokens[i].offset;
            while (tokens[i].kind != Token::Kind::Pipe && tokens[i].kind != Token::Kind::End
                   && tokens[i].kind != Token::Kind::RightParen) {
                const Token &t = tokens[i];
                Operand op;
                op.offset = t.offset;
                op.text = t.text;
                switch (t.kind) {
                case Token::Kind::Field:
                    if (!isKnownField(t.text)) {
                        return errorAt(Error::Kind::Unsupported, t.offset,
                                       Archetype::tr("The archetype uses “.%1”, which Frontmark cannot fill in").arg(t.text)
                                           + unsupportedHint());
                    }
                    op.kind = Operand::Kind::Field;
                    ++i;
                    break;
                case Token::Kind::String: op.kind = Operand::Kind::String; ++i; break;
                case Token::Kind::Identifier:
                    if (canonicalFunction(t.text).isEmpty()) {
                        return errorAt(Error::Kind::Unsupported, t.offset,
                                       Archetype::tr("The archetype calls “%1”, which Frontmark does not support").arg(t.text)
                                           + unsupportedHint());
                    }
                    op.kind = Operand::Kind::Function;
                    op.text = canonicalFunction(t.text);
                    ++i;
                    break;
                case Token::Kind::LeftParen: {
                    ++i;
                    auto sub = std::make_shared<Pipeline>();
                    if (auto error = parsePipeline(tokens, i, *sub, t.offset))
                        return error;
                    if (tokens[i].kind != Token::Kind::RightParen)
                        return errorAt(Error::Kind::Syntax, t.offset, Archetype::tr("This “(” is not closed with “)”."));
                    ++i;
                    op.kind = Operand::Kind::Sub;
                    op.sub = std::move(sub);
                    break;
                }
                default:
                    return errorAt(Error::Kind::Unsupported, t.offset,
                                   Archetype::tr("The archetype uses “%1”, which Frontmark does not support").arg(t.text)
                                       + unsupportedHint());
                }
                command.operands.push_back(std::move(op));
            }
            if (command.operands.empty()) {
                return errorAt(Error::Kind::Syntax, out.commands.empty() ? actionOffset : tokens[i].offset,
                               Archetype::tr("This template action is empty or has an empty command; remove it or complete it."));
            }
            out.commands.push_back(std::move(command));
            if (tokens[i].kind != Token::Kind::Pipe)
                return std::nullopt;
            ++i;
        }
    }

    Result<QString> evalPipeline(const Pipeline &pipeline)
    {
        std::optional<QString> piped;
        for (const Command &command : pipeline.commands) {
            auto value = evalCommand(command, piped);
            if (!value.ok())
                return value.error();
            piped = value.value();
        }
        return piped.value_or(QString());
    }

    Result<QString> evalOperand(const Operand &op)
    {
        switch (op.kind) {
        case Operand::Kind::String:
            return op.text;
        case Operand::Kind::Field:
            return field(op);
        case Operand::Kind::Sub:
            return evalPipeline(*op.sub);
        case Operand::Kind::Function:
            return call(op, {});
        }
        return QString();
    }

    Result<QString> evalCommand(const Command &command, const std::optional<QString> &piped)
    {
        const Operand &head = command.operands.front();
        if (head.kind == Operand::Kind::Function) {
            std::vector<QString> args;
            for (size_t k = 1; k < command.operands.size(); ++k) {
                auto v = evalOperand(command.operands[k]);
                if (!v.ok())
                    return v.error();
                args.push_back(v.value());
            }
            if (piped)
                args.push_back(*piped); // Go templates pass the piped value as the last argument
            return call(head, args);
        }
        if (command.operands.size() > 1 || piped) {
            const qsizetype at = command.operands.size() > 1 ? command.operands[1].offset : head.offset;
            return errorAt(Error::Kind::Syntax, at, Archetype::tr("Only a function can take arguments or a piped value here."));
        }
        return evalOperand(head);
    }

    Result<QString> field(const Operand &op)
    {
        const QString name = resolvedName(m_post);
        const QString section = cleanSection(m_post.section);
        const QString kind = kindOf(section);
        const QString dir = section.isEmpty() ? u"/"_s : QString(section + u'/');
        const QString &f = op.text;
        if (f == u"Date"_s)
            return rfc3339(m_post.now);
        if (f == u"Name"_s || f == u"File.ContentBaseName"_s || f == u"File.BaseFileName"_s
            || f == u"File.TranslationBaseName"_s)
            return name;
        if (f == u"File.LogicalName"_s)
            return QString(name + u".md"_s);
        if (f == u"File.Ext"_s)
            return u"md"_s;
        if (f == u"File.Dir"_s)
            return dir;
        if (f == u"File.Path"_s)
            return section.isEmpty() ? QString(name + u".md"_s) : QString(section + u'/' + name + u".md"_s);
        if (f == u"Section"_s || f == u"File.Section"_s)
            return kind;
        if (f == u"Type"_s)
            return kind.isEmpty() ? u"page"_s : kind;
        if (f == u"Site.Title"_s)
            return siteTitle(m_site);
        Q_UNREACHABLE(); // parseTemplate accepts only the fields above
        return QString();
    }

    Result<QString> call(const Operand &fn, const std::vector<QString> &args)
    {
        const QString &name = fn.text;
        auto wantArgs = [&](size_t n) -> std::optional<Error> {
            if (args.size() == n)
                return std::nullopt;
            return errorAt(Error::Kind::Invalid, fn.offset,
                           Archetype::tr("“%1” takes %2 argument(s) here but is given %3; check the archetype against Hugo's documentation.").arg(fn.text).arg(n).arg(args.size()));
        };
        if (name == u"replace"_s) {
            if (auto e = wantArgs(3))
                return *e;
            return goReplace(args[0], args[1], args[2]);
        }
        if (name == u"trim"_s) {
            if (auto e = wantArgs(2))
                return *e;
            return goTrim(args[0], args[1]);
        }
        if (name == u"title"_s || name == u"humanize"_s || name == u"lower"_s || name == u"upper"_s
            || name == u"urlize"_s) {
            if (auto e = wantArgs(1))
                return *e;
            if (name == u"title"_s)
                return text::hugoTitle(args[0], text::titleCaseStyleFromName(configString(m_site, u"titleCaseStyle")));
            if (name == u"humanize"_s)
                return text::hugoHumanize(args[0]);
            if (name == u"lower"_s)
                return text::hugoLower(args[0]);
            if (name == u"upper"_s)
                return text::hugoUpper(args[0]);
            return text::hugoUrlize(args[0]);
        }
        Q_UNREACHABLE(); // parseTemplate accepts only the functions above
        return QString();
    }

    // Go's strings.Replace(s, old, new, -1); an empty `old` matches before every character.
    static QString goReplace(const QString &s, const QString &from, const QString &to)
    {
        if (!from.isEmpty())
            return QString(s).replace(from, to);
        QString out = to;
        for (qsizetype i = 0; i < s.size(); ++i) {
            out += s[i];
            if (!s[i].isHighSurrogate())
                out += to;
        }
        return out;
    }

    // Go's strings.Trim(s, cutset): drops leading and trailing characters found in cutset.
    static QString goTrim(const QString &s, const QString &cutset)
    {
        const std::u32string in = s.toStdU32String();
        const std::u32string cut = cutset.toStdU32String();
        size_t b = 0;
        size_t e = in.size();
        while (b < e && cut.find(in[b]) != std::u32string::npos)
            ++b;
        while (e > b && cut.find(in[e - 1]) != std::u32string::npos)
            --e;
        return QString::fromStdU32String(in.substr(b, e - b));
    }

    const QString &m_src;
    QString m_file;
    const Site &m_site;
    const NewPost &m_post;
};

std::optional<Error> checkPathParts(const NewPost &post, const QString &target)
{
    const QString name = resolvedName(post);
    if (name.isEmpty() || name == u"."_s || name == u".."_s || name.contains(u'/') || name.contains(u'\\')) {
        return Error{Error::Kind::Invalid, Archetype::tr("The file name “%1” cannot be used; give a name without slashes.").arg(name),
                     target, 0, 0};
    }
    const QStringList parts = post.section.split(u'/', Qt::SkipEmptyParts);
    if (post.section.startsWith(u'/') || parts.contains(u".."_s) || parts.contains(u"."_s)
        || post.section.contains(u'\\')) {
        return Error{Error::Kind::Invalid,
                     Archetype::tr("The section “%1” must be a folder inside the content folder, such as “posts”.").arg(post.section),
                     target, 0, 0};
    }
    return std::nullopt;
}

} // namespace

QString findArchetype(const Site &site, const QString &section)
{
    if (!site.isHugoSite())
        return {};
    QStringList dirs;
    const QString archetypeDir = configString(site, u"archetypeDir");
    dirs << QDir::cleanPath(QDir(site.root()).absoluteFilePath(archetypeDir.isEmpty() ? u"archetypes"_s : archetypeDir));
    for (const QString &theme : site.themeDirs()) // in Hugo's order, left-most first
        dirs << theme + u"/archetypes"_s;
    // Hugo 0.111.3 looks through the site and its themes as one file system: <kind>.md in any
    // of them wins over default.md in any of them (a theme's posts.md beats the site's
    // default.md; checked with `hugo new`).
    QStringList names;
    const QString kind = kindOf(cleanSection(section));
    if (!kind.isEmpty())
        names << kind + u".md"_s;
    names << u"default.md"_s;
    for (const QString &name : std::as_const(names)) {
        for (const QString &dir : std::as_const(dirs)) {
            const QString path = dir + u'/' + name;
            if (QFileInfo(path).isFile())
                return path;
        }
    }
    return {};
}

Result<QByteArray> expand(const QByteArray &templateText, const QString &templatePath, const Site &site,
                          const NewPost &post)
{
    if (const auto bad = text::firstInvalidUtf8(templateText)) {
        const text::Position p = text::positionOf(templateText, *bad);
        return Error{Error::Kind::Syntax, Archetype::tr("The archetype is not valid UTF-8 text; save it as UTF-8."), templatePath,
                     p.line, p.column};
    }
    const QString source = QString::fromUtf8(templateText);
    auto expanded = Expander(source, templatePath, site, post).run();
    if (!expanded.ok())
        return expanded.error();
    return expanded.value().toUtf8();
}

QString targetPath(const Site &site, const NewPost &post)
{
    const QString section = cleanSection(post.section);
    const QString file = resolvedName(post) + u".md"_s;
    return QDir::cleanPath(section.isEmpty() ? QString(site.contentDir() + u'/' + file)
                                             : QString(site.contentDir() + u'/' + section + u'/' + file));
}

Result<QString> create(const Site &site, const NewPost &post)
{
    if (!site.isHugoSite())
        return Error{Error::Kind::Invalid, Archetype::tr("This is not a Hugo site folder: it has no hugo.toml or config file."),
                     QString(), 0, 0};
    const QString target = targetPath(site, post);
    if (auto error = checkPathParts(post, target))
        return *error;
    // A symlinked section folder (content/posts -> elsewhere) must not take the post out either.
    if (const Result<QString> inside = confinedPath(site.contentDir(), QDir(site.contentDir()).relativeFilePath(target)); !inside.ok())
        return inside.error();
    if (QFileInfo::exists(target)) {
        return Error{Error::Kind::Invalid,
                     Archetype::tr("A post already exists at this path; choose another name or open that post."), target, 0, 0};
    }

    const QString archetypePath = findArchetype(site, post.section);
    QByteArray templateText = kBuiltinArchetype;
    QString templateName = Archetype::tr("(Hugo's built-in default archetype)");
    if (!archetypePath.isEmpty()) {
        QFile file(archetypePath);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{Error::Kind::Io, Archetype::tr("Cannot read the archetype: %1.").arg(file.errorString()), archetypePath, 0, 0};
        }
        templateText = file.readAll();
        templateName = archetypePath;
    }
    auto expanded = expand(templateText, templateName, site, post);
    if (!expanded.ok())
        return expanded.error();
    QByteArray bytes = expanded.value();

    // The archetype's title comes from the file name ("my-first-post" → "My First Post"); a
    // CJK or punctuated title does not survive that, so write the title as typed, changing
    // only those bytes.
    if (!post.title.isEmpty()) {
        auto parsed = PostFile::fromBytes(bytes, target);
        if (parsed.ok() && parsed.value().frontMatter().isValid() && parsed.value().frontMatter().contains(u"title"_s)) {
            PostFile &file = parsed.value();
            const Value current = file.frontMatter().value(u"title"_s);
            if (!current.isString() || current.toString() != post.title) {
                const Status set = file.frontMatter().setValue(u"title"_s, Value(post.title));
                if (set.ok())
                    bytes = file.toBytes();
                else
                    qCWarning(lcPublish) << "Could not set the new post's title:" << set.error().toString();
            }
        }
    }

    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        return Error{Error::Kind::Io, Archetype::tr("Cannot create the folder for the new post; check that the content folder is writable."),
                     QFileInfo(target).absolutePath(), 0, 0};
    }
    // Claim the name first (O_EXCL), so a file another program creates meanwhile is not
    // replaced; then write the content atomically over the empty placeholder.
    QFile claim(target);
    if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(target)) {
            return Error{Error::Kind::Invalid,
                         Archetype::tr("A post already exists at this path; choose another name or open that post."), target, 0, 0};
        }
        return Error{Error::Kind::Io, Archetype::tr("Cannot create the new post: %1.").arg(claim.errorString()), target, 0, 0};
    }
    claim.close();
    const Status written = writeFileAtomically(target, bytes);
    if (!written.ok()) {
        QFile::remove(target);
        return written.error();
    }
    return target;
}

} // namespace frontmark::archetype
