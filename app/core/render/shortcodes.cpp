// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcodes.h"

#include "text/textutil.h"
#include "util/trcontexts.h"

#include "builtinshortcodes.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>
#include <vector>

// The shortcode pass mirrors Hugo's page lexer (parser/pageparser/pagelexer_shortcode.go) and
// shortcode handler (hugolib/shortcode.go) as of 0.111, with three differences forced by not
// having the site's templates:
//  - Hugo pairs a call with a closing tag when its template reads .Inner; here a call is
//    paired when a closing tag with its name follows (the innermost open one, like HTML).
//  - A theme's shortcode cannot run: it becomes a labelled box (plus a warning), also for
//    {{% %}} calls, whose real output Hugo would parse as Markdown.
//  - Where Hugo stops the build (malformed call, stray closing tag), the preview shows the
//    text as written and reports an error at the call.

using namespace Qt::StringLiterals;

namespace frontmark {

using shortcodes::Argument;
using shortcodes::BuiltinEnv;
using shortcodes::Call;
using shortcodes::htmlEscape;
using shortcodes::Reporter;

QString ShortcodeCall::get(QStringView key) const
{
    // Hugo keeps named arguments in a map, so the last one written wins.
    for (auto it = named.crbegin(); it != named.crend(); ++it) {
        if (it->first == key)
            return it->second;
    }
    return {};
}

QString ShortcodeCall::get(qsizetype index) const
{
    return positional.value(index);
}

QString placeholderToken(qsizetype index)
{
    return u"FMSCPH%1X"_s.arg(index);
}

namespace {

// Deeper nesting is shown as written: the pass recurses once per level.
constexpr int kMaxNesting = 64;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

// Hugo's isAlphaNumeric: '_', Unicode letters and digits.
bool isAlphaNumeric(char32_t c)
{
    return c == U'_' || QChar::isLetter(c) || QChar::isDigit(c);
}

/// indexOf with memory: repeated searches from increasing positions stay linear overall.
class Finder
{
public:
    explicit Finder(QStringView needle) : m_needle(needle) {}
    qsizetype next(QStringView text, qsizetype from)
    {
        if (m_from < 0 || from < m_from || (m_found >= 0 && m_found < from)) {
            m_from = from;
            m_found = text.indexOf(m_needle, from);
        }
        return m_found;
    }

private:
    QStringView m_needle;
    qsizetype m_from = -1, m_found = -1;
};

struct Token {
    enum class Kind { Open, Close, Escape, Malformed };
    Kind kind = Kind::Malformed;
    qsizetype begin = 0, end = 0;
    QString name;             // Open, Close
    QString text;             // Escape: the literal text; Malformed: the message
    Call call;                // Open
    bool selfClosing = false; // Open written "… />}}"
    qsizetype match = -1;     // Open: index of its Close token
};

/// Hugo's shortcode lexer for one call: lexShortcodeLeftDelim and the states after it.
class Lexer
{
public:
    Lexer(QStringView text, const text::TextLines &lines) : m_s(text), m_lines(lines) {}
    Token lex(qsizetype start);

private:
    bool at(qsizetype p, QStringView what) const { return p < m_s.size() && m_s.sliced(p).startsWith(what); }
    char32_t codePoint(qsizetype p, qsizetype *width) const
    {
        if (m_s[p].isHighSurrogate() && p + 1 < m_s.size() && m_s[p + 1].isLowSurrogate()) {
            *width = 2;
            return QChar::surrogateToUcs4(m_s[p], m_s[p + 1]);
        }
        *width = 1;
        return m_s[p].unicode();
    }
    bool quoted(qsizetype &p, bool escapedQuotesAllowed, QString &value, QString &error) const;
    bool raw(qsizetype &p, QString &value, QString &error);
    Token fail(Token &t, const QString &message);
    QString unexpected(qsizetype p, const QString &name) const;

    QStringView m_s;
    const text::TextLines &m_lines;
    Finder m_commentAngle{u"*/>}}"}, m_commentPercent{u"*/%}}"};
    Finder m_rightAngle{u">}}"}, m_rightPercent{u"%}}"}, m_backtick{u"`"};
};

Token Lexer::fail(Token &t, const QString &message)
{
    // Show the call up to its ">}}" when that is on the same line, else only "{{<", and go on
    // lexing after it: an unfinished call while typing must not swallow the rest of the post.
    const bool markdown = m_s[t.begin + 2] == u'%';
    const qsizetype right = (markdown ? m_rightPercent : m_rightAngle).next(m_s, t.begin + 3);
    t.kind = Token::Kind::Malformed;
    t.text = message;
    t.end = right >= 0 && right < m_lines.lineEnd(t.begin) ? right + 3 : t.begin + 3;
    return t;
}

QString Lexer::unexpected(qsizetype p, const QString &name) const
{
    qsizetype width = 1;
    const char32_t c = codePoint(p, &width);
    const QString what = QString::fromUcs4(&c, 1);
    return name.isEmpty() ? Shortcodes::tr("Unexpected “%1” at the start of a shortcode; a name must follow “{{<” or “{{%”.").arg(what)
                          : Shortcodes::tr("Unexpected “%1” in shortcode “%2”; put arguments that contain symbols in quotes.").arg(
                                what, name);
}

// lexShortcodeQuotedParamVal: a "…" argument; \" inside needs escapedQuotesAllowed, and then
// every backslash of the value is dropped. A newline ends it with an error.
bool Lexer::quoted(qsizetype &p, bool escapedQuotesAllowed, QString &value, QString &error) const
{
    bool open = false, escapedInner = false, escapedQuote = false;
    qsizetype valueStart = p;
    for (;; ++p) {
        if (p >= m_s.size() || m_s[p] == u'\n') {
            error = Shortcodes::tr("Quoted argument is not closed before the end of the line.");
            return false;
        }
        const QChar r = m_s[p];
        if (r == u'\\') {
            const QChar peek = p + 1 < m_s.size() ? m_s[p + 1] : QChar();
            if (peek == u'"' && open && !escapedQuotesAllowed)
                break;
            if (peek == u'"' && open) {
                escapedInner = escapedQuote = true;
            } else if (peek == u'`') {
                error = Shortcodes::tr("Unrecognized escape “\\`” in a shortcode argument.");
                return false;
            }
        } else if (r == u'"') {
            if (escapedQuote) {
                escapedQuote = false;
            } else if (open) {
                break;
            } else {
                open = true;
                valueStart = p + 1;
            }
        }
    }
    value = m_s.sliced(valueStart, p - valueStart).toString();
    if (escapedInner)
        value.remove(u'\\');
    p += m_s[p] == u'\\' ? 2 : 1;
    return true;
}

// lexShortCodeParamRawStringVal: a `…` argument, taken as written; it may span lines.
bool Lexer::raw(qsizetype &p, QString &value, QString &error)
{
    const qsizetype close = m_backtick.next(m_s, p + 1);
    if (close < 0) {
        error = Shortcodes::tr("Raw string argument (`…`) is not closed.");
        return false;
    }
    value = m_s.sliced(p + 1, close - p - 1).toString();
    p = close + 1;
    return true;
}

Token Lexer::lex(qsizetype start)
{
    Token t;
    t.begin = start;
    const qsizetype n = m_s.size();
    const bool markdown = m_s[start + 2] == u'%';
    const QString right = markdown ? u"%}}"_s : u">}}"_s;
    qsizetype p = start + 3;

    // {{</* … */>}}: Hugo prints the delimiters and what is between the comment markers.
    if (at(p, u"/*")) {
        const qsizetype close = (markdown ? m_commentPercent : m_commentAngle).next(m_s, p);
        if (close < 0 || close - p <= 1)
            return fail(t, Shortcodes::tr("Escaped shortcode is not closed: end it with “*/%1”.").arg(right));
        t.kind = Token::Kind::Escape;
        t.text = m_s.sliced(start, 3).toString() + m_s.sliced(p + 2, close - p - 2) + right;
        t.end = close + 2 + right.size();
        return t;
    }

    Call &call = t.call;
    call.markdownNotation = markdown;
    bool closing = false;
    qsizetype argumentsFrom = -1, argumentsTo = -1;
    for (;;) {
        if (p >= n)
            return fail(t, Shortcodes::tr("Shortcode is not closed: add “%1” after its arguments.").arg(right));
        if (at(p, right)) {
            argumentsTo = p;
            p += right.size();
            break;
        }
        const QChar c = m_s[p];
        if (isBlank(c)) {
            ++p;
            continue;
        }
        if (c == u'/') {
            if (t.name.isEmpty() && !closing) {
                closing = true;
                ++p;
                continue;
            }
            qsizetype q = p + 1;
            while (q < n && isBlank(m_s[q]))
                ++q;
            if (t.name.isEmpty() || !at(q, right))
                return fail(t, unexpected(p, t.name));
            t.selfClosing = true;
            argumentsTo = p;
            p = q + right.size();
            break;
        }
        qsizetype width = 1;
        if (t.name.isEmpty()) {
            // lexIdentifierInShortcode: letters, digits, '_', '-', '/' (namespaces) and a
            // final ".inline" for inline shortcodes.
            if (!isAlphaNumeric(codePoint(p, &width)))
                return fail(t, unexpected(p, t.name));
            qsizetype q = p;
            while (q < n) {
                const char32_t r = codePoint(q, &width);
                if (isAlphaNumeric(r) || r == U'-' || r == U'/') {
                    q += width;
                    continue;
                }
                if (r == U'.') {
                    if (!at(q, u".inline") || (q + 7 < n && (isAlphaNumeric(codePoint(q + 7, &width)) || m_s[q + 7] == u'.')))
                        return fail(t, Shortcodes::tr("A shortcode name can contain “.” only to end in “.inline”."));
                    q += 7;
                }
                break;
            }
            t.name = call.name = m_s.sliced(p, q - p).toString();
            p = q;
            if (closing) {
                // lexEndOfShortcode: only spaces and tabs before the right delimiter.
                while (p < n && (m_s[p] == u' ' || m_s[p] == u'\t'))
                    ++p;
                if (!at(p, right))
                    return fail(t, Shortcodes::tr("A closing tag takes no arguments: write “{{%1 /%2 %3”.").arg(
                                       QString(m_s[start + 2]), t.name, right));
                t.kind = Token::Kind::Close;
                t.end = p + right.size();
                return t;
            }
            argumentsFrom = p;
            continue;
        }

        // An argument (lexShortcodeParam): "…", `…` or a bare word of letters, digits, '-',
        // '_' and '.', then "=value" makes it a named one.
        Argument a;
        QString error;
        if (c == u'\\' && at(p + 1, u"\"")) {
            ++p;
            if (!quoted(p, false, a.value, error))
                return fail(t, error);
            a.quoted = true;
        } else if (c == u'\\') {
            if (at(p + 1, u"`"))
                return fail(t, Shortcodes::tr("Unrecognized escape “\\`” in a shortcode argument."));
            ++p; // Hugo ignores a lone backslash
            continue;
        } else if (c == u'"') {
            if (!quoted(p, true, a.value, error))
                return fail(t, error);
            a.quoted = true;
        } else if (c == u'`') {
            if (!raw(p, a.value, error))
                return fail(t, error);
            a.quoted = true;
        } else if (isAlphaNumeric(codePoint(p, &width)) || c == u'-') {
            qsizetype q = p;
            while (q < n) {
                const char32_t r = codePoint(q, &width);
                if (!isAlphaNumeric(r) && r != U'-' && r != U'.')
                    break;
                q += width;
            }
            a.value = m_s.sliced(p, q - p).toString();
            p = q;
        } else {
            return fail(t, unexpected(p, t.name));
        }
        qsizetype q = p;
        while (q < n && isBlank(m_s[q]))
            ++q;
        if (q < n && m_s[q] == u'=') {
            a.key = a.value;
            a.quoted = false;
            for (++q; q < n && m_s[q].isSpace(); ++q) {
            }
            p = q;
            if (p >= n)
                return fail(t, Shortcodes::tr("Shortcode is not closed: add “%1” after its arguments.").arg(right));
            if (m_s[p] == u'"' || m_s[p] == u'\\') {
                if (!quoted(p, m_s[p] != u'\\', a.value, error))
                    return fail(t, error);
                a.quoted = true;
            } else if (m_s[p] == u'`') {
                if (!raw(p, a.value, error))
                    return fail(t, error);
                a.quoted = true;
            } else {
                // lexShortcodeParamVal: everything up to white space, ">}}" included.
                for (q = p; q < n && !m_s[q].isSpace(); ++q) {
                }
                a.value = m_s.sliced(p, q - p).toString();
                p = q;
            }
        }
        call.arguments.append(a);
    }
    if (t.name.isEmpty())
        return fail(t, Shortcodes::tr("Shortcode has no name."));
    t.kind = Token::Kind::Open;
    t.end = p;
    if (argumentsFrom >= 0 && argumentsTo > argumentsFrom)
        call.argumentText = m_s.sliced(argumentsFrom, argumentsTo - argumentsFrom).toString().simplified();
    // Hugo's indentation: the spaces and tabs before "{{" when nothing else precedes it.
    qsizetype lineStart = start;
    while (lineStart > 0 && (m_s[lineStart - 1] == u' ' || m_s[lineStart - 1] == u'\t'))
        --lineStart;
    if (lineStart == 0 || m_s[lineStart - 1] == u'\n')
        call.indentation = m_s.sliced(lineStart, start - lineStart).toString();
    return t;
}

/// Markdown under construction: its text, the file line of each of its lines, placeholders.
struct Markdown {
    QString text;
    QList<int> lines;
    QStringList html;

    void appendGenerated(QStringView chunk, int line)
    {
        text += chunk;
        for (const QChar c : chunk) {
            if (c == u'\n')
                lines.append(line);
        }
    }
    void appendPlaceholder(const QString &output)
    {
        text += placeholderToken(html.size());
        html.append(output);
    }
};

// Hugo's expandShortcodeTokens: a token wrapped in exactly <p>…</p> replaces the paragraph.
// Inside the preview's boxes a paragraph that holds only tokens is unwrapped too, so nested
// boxes written on consecutive lines stay blocks.
QString substitutePlaceholders(const QString &html, const QStringList &outputs)
{
    const auto tokenAt = [&](qsizetype p, qsizetype *end) -> qsizetype {
        if (!QStringView(html).sliced(p).startsWith(u"FMSCPH"))
            return -1;
        qsizetype q = p + 6;
        qsizetype index = 0;
        while (q < html.size() && html[q].isDigit() && q - p < 16)
            index = index * 10 + html[q++].digitValue();
        if (q == p + 6 || q >= html.size() || html[q] != u'X' || index >= outputs.size())
            return -1;
        *end = q + 1;
        return index;
    };
    QString out;
    out.reserve(html.size());
    qsizetype end = 0;
    for (qsizetype p = 0; p < html.size();) {
        if (QStringView(html).sliced(p).startsWith(u"<p>")) {
            QStringList parts;
            qsizetype q = p + 3;
            for (;;) {
                while (q < html.size() && html[q].isSpace())
                    ++q;
                const qsizetype index = tokenAt(q, &end);
                if (index < 0)
                    break;
                parts.append(outputs[index]);
                q = end;
            }
            if (!parts.isEmpty() && QStringView(html).sliced(q).startsWith(u"</p>")) {
                out += parts.join(u'\n');
                p = q + 4;
                continue;
            }
        }
        if (const qsizetype index = tokenAt(p, &end); index >= 0) {
            out += outputs[index];
            p = end;
            continue;
        }
        out += html[p++];
    }
    return out;
}

// text.VisitLinesAfter in doRenderShortcode: Hugo indents every line of an unpaired call's
// output after the first with the call's own indentation.
QString indentAfterFirstLine(const QString &text, const QString &indentation)
{
    QString out;
    for (qsizetype start = 0; start < text.size();) {
        const qsizetype nl = text.indexOf(u'\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        if (start > 0)
            out += indentation;
        out += QStringView(text).sliced(start, end - start);
        start = end;
    }
    return out;
}

bool configTrue(const Site &site, QStringView key)
{
    const Value v = site.config().hugoValue(key);
    return (v.isBool() && v.toBool()) || v.toDisplayString().compare(u"true", Qt::CaseInsensitive) == 0;
}

/// One run of the pass over a body.
class Expander
{
public:
    Expander(QStringView body, const ShortcodeContext &context, const RenderOptions &options)
        : m_body(body), m_options(options), m_lines(body, options.bodyFirstLine),
          m_reporter(options.postPath), m_env{options, context, m_reporter}
    {
        lex();
        pair();
    }

    ShortcodeExpansion expand();
    QList<ShortcodeCall> calls() const;

private:
    void lex();
    void pair();
    void reportSyntax();
    void appendBody(Markdown &out, qsizetype from, qsizetype to) const;
    void emitRange(Markdown &out, qsizetype from, qsizetype to, qsizetype token, qsizetype endToken, int depth);
    QString innerText(qsizetype open, int depth, bool escapeText = false);
    bool isBoxed(qsizetype index) const;
    void reportUnknown(qsizetype index);
    QString boxOpening(const Token &t, bool block) const;
    QString render(qsizetype index, int depth, bool *asMarkdown);
    QString box(qsizetype index, int depth);
    bool standsAlone(qsizetype begin, qsizetype end) const;
    QString asWritten(qsizetype from, qsizetype to) const;
    bool tooDeep(qsizetype index, int depth);
    void report(Diagnostic::Severity severity, const QString &message, qsizetype index)
    {
        const Call &c = m_tokens[std::size_t(index)].call;
        m_reporter.report(severity, message, c.line, c.column);
    }

    QStringView m_body;
    const RenderOptions &m_options;
    text::TextLines m_lines;
    Reporter m_reporter;
    BuiltinEnv m_env;
    std::vector<Token> m_tokens;
    bool m_reportedDepth = false;
};

void Expander::lex()
{
    Lexer lexer(m_body, m_lines);
    for (qsizetype pos = 0;;) {
        const qsizetype k = m_body.indexOf(u"{{", pos);
        if (k < 0 || k + 2 >= m_body.size())
            break;
        if (m_body[k + 2] != u'<' && m_body[k + 2] != u'%') {
            pos = k + 1;
            continue;
        }
        Token t = lexer.lex(k);
        t.call.line = m_lines.line(k);
        t.call.column = m_lines.column(k);
        pos = t.end;
        m_tokens.push_back(std::move(t));
    }
}

void Expander::pair()
{
    // A closing tag closes the innermost open call of its name; calls left open above it stay
    // unpaired. Per-name stacks keep this linear however the tags are arranged.
    std::vector<qsizetype> open;
    QHash<QString, std::vector<std::size_t>> openByName; // positions in `open`
    for (qsizetype i = 0; i < qsizetype(m_tokens.size()); ++i) {
        Token &t = m_tokens[std::size_t(i)];
        if (t.kind == Token::Kind::Open && !t.selfClosing) {
            openByName[t.name].push_back(open.size());
            open.push_back(i);
        } else if (t.kind == Token::Kind::Close) {
            const auto it = openByName.find(t.name);
            if (it == openByName.end() || it->empty())
                continue;
            const std::size_t position = it->back();
            while (open.size() > position) {
                const qsizetype top = open.back();
                open.pop_back();
                openByName[m_tokens[std::size_t(top)].name].pop_back();
                if (open.size() == position)
                    m_tokens[std::size_t(top)].match = i;
            }
        }
    }
    for (const Token &t : m_tokens) {
        if (t.match >= 0)
            m_tokens[std::size_t(t.match)].match = -2; // marks a Close as taken
    }
}

void Expander::reportSyntax()
{
    for (qsizetype i = 0; i < qsizetype(m_tokens.size()); ++i) {
        const Token &t = m_tokens[std::size_t(i)];
        if (t.kind == Token::Kind::Malformed) {
            report(Diagnostic::Severity::Error, t.text, i);
        } else if (t.kind == Token::Kind::Close && t.match != -2) {
            const bool markdown = m_body[t.begin + 2] == u'%';
            report(Diagnostic::Severity::Error,
                   Shortcodes::tr("Closing tag “{{%1 /%2 %3}}” has no opening “{{%1 %2 %3}}” before it.").arg(
                       markdown ? u"%"_s : u"<"_s, t.name, markdown ? u"%"_s : u">"_s),
                   i);
        } else if (t.kind == Token::Kind::Open) {
            bool named = false, positional = false;
            for (const Argument &a : t.call.arguments)
                (a.key.isEmpty() ? positional : named) = true;
            if (named && positional)
                report(Diagnostic::Severity::Error,
                       Shortcodes::tr("Shortcode “%1” mixes positional and named arguments; Hugo accepts only one kind per call.").arg(
                           t.name),
                       i);
        }
    }
}

QString Expander::asWritten(qsizetype from, qsizetype to) const
{
    return u"<span class=\"fm-shortcode-error\">"_s + htmlEscape(m_body.sliced(from, to - from)) + u"</span>"_s;
}

void Expander::appendBody(Markdown &out, qsizetype from, qsizetype to) const
{
    if (to <= from)
        return;
    const QStringView chunk = m_body.sliced(from, to - from);
    out.text += chunk;
    int line = m_lines.line(from);
    for (const QChar c : chunk) {
        if (c == u'\n')
            out.lines.append(++line);
    }
}

void Expander::emitRange(Markdown &out, qsizetype from, qsizetype to, qsizetype token, qsizetype endToken, int depth)
{
    qsizetype pos = from;
    while (token < endToken) {
        const Token &t = m_tokens[std::size_t(token)];
        appendBody(out, pos, t.begin);
        const qsizetype stop = t.match >= 0 ? m_tokens[std::size_t(t.match)].end : t.end;
        switch (t.kind) {
        case Token::Kind::Escape: {
            // The literal keeps the escape's line breaks, so its lines map one to one.
            out.text += t.text;
            int line = m_lines.line(t.begin);
            for (const QChar c : t.text) {
                if (c == u'\n')
                    out.lines.append(++line);
            }
            break;
        }
        case Token::Kind::Close:
        case Token::Kind::Malformed:
            out.appendPlaceholder(asWritten(t.begin, t.end));
            break;
        case Token::Kind::Open: {
            // Only at the left margin: inside a list item or a quote the closing tag would land
            // outside the container and split it.
            if (t.call.markdownNotation && t.match >= 0 && isBoxed(token)
                && m_lines.lineStart(t.begin) == t.begin
                && m_lines.lineStart(m_tokens[std::size_t(t.match)].begin) == m_tokens[std::size_t(t.match)].begin
                && standsAlone(t.begin, m_tokens[std::size_t(t.match)].end) && !tooDeep(token, depth + 1)) {
                // {{% %}} output is Markdown of the page itself (Hugo >= 0.55): the inner text
                // gets the page's heading ids, footnotes and references, between the box's
                // opening and closing tags, each a paragraph of its own so neither gets a <p>.
                const Token &close = m_tokens[std::size_t(t.match)];
                reportUnknown(token);
                out.appendPlaceholder(boxOpening(t, true));
                out.appendGenerated(u"\n\n", t.call.line);
                emitRange(out, t.end, close.begin, token + 1, t.match, depth + 1);
                out.appendGenerated(u"\n\n", m_lines.line(close.begin));
                out.appendPlaceholder(u"</div>"_s);
                break;
            }
            bool asMarkdown = false;
            const QString output = render(token, depth, &asMarkdown);
            if (asMarkdown)
                out.appendGenerated(output, t.call.line);
            else
                out.appendPlaceholder(output);
            break;
        }
        }
        pos = stop;
        token = t.match >= 0 ? t.match + 1 : token + 1;
    }
    appendBody(out, pos, to);
}

bool Expander::tooDeep(qsizetype index, int depth)
{
    if (depth <= kMaxNesting)
        return false;
    if (!m_reportedDepth) {
        m_reportedDepth = true;
        report(Diagnostic::Severity::Error,
               Shortcodes::tr("Shortcodes are nested more than %1 levels deep; the preview shows the inner ones as written.").arg(
                   kMaxNesting),
               index);
    }
    return true;
}

// Hugo's .Inner: the text between the tags with nested calls replaced by their output.
// With `escapeText`, the text (not the nested output) is HTML-escaped, for showing it.
QString Expander::innerText(qsizetype open, int depth, bool escapeText)
{
    const Token &o = m_tokens[std::size_t(open)];
    const Token &close = m_tokens[std::size_t(o.match)];
    const auto text = [escapeText](QStringView v) { return escapeText ? htmlEscape(v) : v.toString(); };
    if (tooDeep(open, depth))
        return text(m_body.sliced(o.end, close.begin - o.end));
    QString out;
    qsizetype pos = o.end;
    for (qsizetype i = open + 1; i < o.match;) {
        const Token &t = m_tokens[std::size_t(i)];
        out += text(m_body.sliced(pos, t.begin - pos));
        const qsizetype stop = t.match >= 0 ? m_tokens[std::size_t(t.match)].end : t.end;
        if (t.kind == Token::Kind::Escape) {
            out += text(t.text);
        } else if (t.kind == Token::Kind::Open) {
            bool asMarkdown = false;
            out += render(i, depth, &asMarkdown);
        } else {
            out += text(m_body.sliced(t.begin, t.end - t.begin));
        }
        pos = stop;
        i = t.match >= 0 ? t.match + 1 : i + 1;
    }
    return out + text(m_body.sliced(pos, close.begin - pos));
}

// True for a theme's shortcode: one that is not a Hugo built-in (nor an inline shortcode).
// render() boxes these, and built-ins the preview cannot draw, each with its own message.
bool Expander::isBoxed(qsizetype index) const
{
    const Call &call = m_tokens[std::size_t(index)].call;
    return !call.name.endsWith(u".inline") && !shortcodes::builtinSpec(call.name, m_options.hugoVersion).builtin;
}

void Expander::reportUnknown(qsizetype index)
{
    report(Diagnostic::Severity::Warning,
           Shortcodes::tr("unknown shortcode %1: the site's theme renders it; the preview shows a placeholder").arg(
               m_tokens[std::size_t(index)].call.name),
           index);
    m_reporter.tagLast(u"unknown-shortcode"_s, m_tokens[std::size_t(index)].call.name);
}

QString Expander::boxOpening(const Token &t, bool block) const
{
    return (block ? u"<div"_s : u"<span"_s) + u" class=\"fm-shortcode hugoref-stub\" data-shortcode=\""_s
        + htmlEscape(t.name) + u"\" data-args=\""_s + htmlEscape(t.call.argumentText) + u"\">"_s;
}

QString Expander::render(qsizetype index, int depth, bool *asMarkdown)
{
    const Token &t = m_tokens[std::size_t(index)];
    const Call &call = t.call;
    const bool paired = t.match >= 0 || t.selfClosing;
    if (call.name.endsWith(u".inline")) {
        // Inline shortcodes run only with enableInlineShortcodes; otherwise Hugo drops them.
        if (configTrue(m_options.site, u"enableInlineShortcodes")) {
            report(Diagnostic::Severity::Warning,
                   Shortcodes::tr("inline shortcode %1: Hugo runs its template; the preview shows a placeholder").arg(call.name), index);
            return box(index, depth);
        }
        report(Diagnostic::Severity::Warning,
               Shortcodes::tr("Inline shortcode “%1” renders nothing: the site does not set enableInlineShortcodes.").arg(call.name),
               index);
        return {};
    }
    const shortcodes::BuiltinSpec spec = shortcodes::builtinSpec(call.name, m_options.hugoVersion);
    if (!spec.builtin) {
        reportUnknown(index);
        return box(index, depth);
    }
    if (!spec.previewable) {
        report(Diagnostic::Severity::Warning,
               Shortcodes::tr("The preview cannot draw Hugo's “%1” shortcode; it shows a placeholder.").arg(call.name), index);
        return box(index, depth);
    }
    if (spec.usesInner && !paired)
        report(Diagnostic::Severity::Error,
               Shortcodes::tr("Shortcode “%1” needs a closing “{{%2 /%1 %3}}”, or end it with “/%3}}”.").arg(
                   call.name, call.markdownNotation ? u"%"_s : u"<"_s, call.markdownNotation ? u"%"_s : u">"_s),
               index);
    if (!spec.usesInner && paired)
        report(Diagnostic::Severity::Error,
               Shortcodes::tr("Shortcode “%1” takes no inner content, yet it is closed; remove its closing tag or “/”.").arg(call.name),
               index);
    const bool hasInner = t.match >= 0 && m_tokens[std::size_t(t.match)].begin > t.end;
    const QString inner = spec.usesInner && t.match >= 0 ? innerText(index, depth + 1) : QString();
    QString output = shortcodes::renderBuiltin(call, inner, m_env);
    if (!call.indentation.isEmpty() && !hasInner)
        output = indentAfterFirstLine(output, call.indentation);
    *asMarkdown = call.markdownNotation;
    return output;
}

bool Expander::standsAlone(qsizetype begin, qsizetype end) const
{
    // Alone on its lines, allowing the list marker and ">" Markdown puts before a block. Both
    // scans stop at the first other character, so a line full of calls stays linear.
    const qsizetype lineStart = m_lines.lineStart(begin);
    qsizetype p = begin;
    while (p > lineStart && (m_body[p - 1] == u' ' || m_body[p - 1] == u'\t' || m_body[p - 1] == u'>'))
        --p;
    if (p > lineStart) {
        const QChar marker = m_body[p - 1];
        qsizetype q = p - 1;
        if (marker == u'.' || marker == u')') {
            while (q > lineStart && m_body[q - 1].isDigit())
                --q;
            if (q == p - 1)
                return false;
        } else if (marker != u'-' && marker != u'*' && marker != u'+') {
            return false;
        }
        while (q > lineStart && (m_body[q - 1] == u' ' || m_body[q - 1] == u'\t' || m_body[q - 1] == u'>'))
            --q;
        if (q > lineStart)
            return false;
    }
    for (qsizetype q = end; q < m_body.size() && m_body[q] != u'\n'; ++q) {
        if (!m_body[q].isSpace())
            return false;
    }
    return true;
}

// The stand-in for a shortcode we cannot run (a theme's Go template). It uses the stub
// markup of ../shared/corpus/README.md, the documented way to mark "the theme's HTML goes
// here": an element with class "hugoref-stub" and data-shortcode, plus our own class and the
// arguments as written in data-args, from which the preview's stylesheet draws the label
// (docs/decisions.md, decision 4). A paired call keeps its inner content — for {{% %}} rendered as
// Markdown, for {{< >}} Hugo's .Inner as written — in a <div> when the call stands alone, else
// between an opening and a closing empty <span> marker (a <div> may not sit inside a
// paragraph). A {{% %}} call at the left margin is expanded in emitRange() instead, so its
// inner Markdown is part of the page.
QString Expander::box(qsizetype index, int depth)
{
    const Token &t = m_tokens[std::size_t(index)];
    const qsizetype end = t.match >= 0 ? m_tokens[std::size_t(t.match)].end : t.end;
    const bool block = standsAlone(t.begin, end);
    QString inner;
    if (t.match >= 0) {
        const Token &close = m_tokens[std::size_t(t.match)];
        if (tooDeep(index, depth + 1)) {
            inner = htmlEscape(m_body.sliced(t.end, close.begin - t.end));
        } else if (!t.call.markdownNotation) {
            // {{< >}}: Hugo hands the theme .Inner as written (nested calls expanded) and puts
            // the template's output in the page verbatim, whatever markup.goldmark.renderer
            // .unsafe says; the stub does the same with .Inner. (The preview's CSP keeps any
            // script in it from running.)
            inner = innerText(index, depth + 1, false);
        } else {
            Markdown markdown;
            emitRange(markdown, t.end, close.begin, index + 1, t.match, depth + 1);
            inner = substitutePlaceholders(m_env.markdownify(markdown.text, !block), markdown.html);
        }
    }
    if (block)
        return boxOpening(t, true) + u"\n"_s + inner + u"</div>"_s;
    QString out = boxOpening(t, false) + u"</span>"_s;
    if (t.match >= 0) {
        out += inner + u"<span class=\"fm-shortcode-end hugoref-stub\" data-shortcode=\""_s + htmlEscape(t.name)
            + u"\"></span>"_s;
    }
    return out;
}

ShortcodeExpansion Expander::expand()
{
    reportSyntax();
    Markdown markdown;
    markdown.lines.append(m_options.bodyFirstLine);
    emitRange(markdown, 0, m_body.size(), 0, qsizetype(m_tokens.size()), 0);
    ShortcodeExpansion out;
    out.markdown = std::move(markdown.text);
    out.sourceLines = std::move(markdown.lines);
    out.placeholderHtml = std::move(markdown.html);
    out.diagnostics = m_reporter.take();
    // In document order; problems without a place (line 0) last.
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        const auto key = [](const Diagnostic &d) {
            return std::pair(d.line > 0 ? d.line : std::numeric_limits<int>::max(), d.column);
        };
        return key(a) < key(b);
    });
    return out;
}

QList<ShortcodeCall> Expander::calls() const
{
    QList<ShortcodeCall> out;
    for (const Token &t : m_tokens) {
        if (t.kind != Token::Kind::Open)
            continue;
        ShortcodeCall c;
        c.name = t.name;
        c.markdownNotation = t.call.markdownNotation;
        for (const Argument &a : t.call.arguments) {
            if (a.key.isEmpty())
                c.positional.append(a.value);
            else
                c.named.append({a.key, a.value});
        }
        c.paired = t.match >= 0 || t.selfClosing;
        if (t.match >= 0)
            c.inner = m_body.sliced(t.end, m_tokens[std::size_t(t.match)].begin - t.end);
        c.line = t.call.line;
        c.column = t.call.column;
        out.append(c);
    }
    return out;
}

} // namespace

ShortcodeExpansion expandShortcodes(QStringView body, const ShortcodeContext &context)
{
    static const RenderOptions defaults;
    const RenderOptions &options = context.options ? *context.options : defaults;
    return Expander(body, context, options).expand();
}

QList<ShortcodeCall> scanShortcodes(QStringView body, int bodyFirstLine)
{
    RenderOptions options;
    options.bodyFirstLine = bodyFirstLine;
    const ShortcodeContext context{&options, {}};
    return Expander(body, context, options).calls();
}

} // namespace frontmark
