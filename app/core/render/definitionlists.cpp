// SPDX-License-Identifier: GPL-3.0-or-later
#include "definitionlists.h"

#include "text/textutil.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

int indentOf(const QString &line)
{
    int n = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++n;
        else if (c == u'\t')
            n += 4 - n % 4;
        else
            break;
    }
    return n;
}

// ": text" with at most three spaces before the colon (Goldmark's definition description).
bool isDefinitionStart(const QString &line)
{
    static const QRegularExpression re(u"^ {0,3}:[ \\t]"_s);
    return re.match(line).hasMatch() || line.trimmed() == u":"_s;
}

QString stripDefinitionMarker(const QString &line)
{
    const qsizetype colon = line.indexOf(u':');
    QString rest = line.mid(colon + 1);
    if (rest.startsWith(u' ') || rest.startsWith(u'\t'))
        rest.remove(0, 1);
    return rest;
}

// A line that can be a term: a paragraph line that does not open another block.
bool canBeTerm(const QString &line)
{
    if (isBlank(line) || indentOf(line) >= 4)
        return false;
    static const QRegularExpression block(uR"(^\s*(#{1,6}(\s|$)|>|[-*+]\s|\d+[.)]\s|```|~~~|\||<|:\s|[-*_]{3,}\s*$|=+\s*$))"_s);
    return !block.match(line).hasMatch();
}

struct Item {
    QStringList terms;
    QList<QStringList> definitions; // each definition's lines, marker and indent removed
    QList<bool> loose;              // a blank line before the definition
};

// Link reference definitions ("[name]: url") of the whole document: a definition rendered
// on its own still resolves [text][name] links, as it does inside Hugo's single document.
QString referenceDefinitions(const QStringList &lines)
{
    static const QRegularExpression def(uR"(^ {0,3}\[[^\]]+\]:\s*\S+)"_s);
    QString out;
    for (const QString &line : lines) {
        if (def.match(line).hasMatch())
            out += u'\n' + line;
    }
    return out;
}

QString renderList(const QList<Item> &items, const std::function<QString(const QString &)> &renderBlock,
                   const std::function<QString(const QString &)> &renderInline, const QString &refs)
{
    QString html = u"<dl>\n"_s;
    for (const Item &item : items) {
        for (const QString &term : item.terms)
            html += u"<dt>"_s + renderInline(term.trimmed() + u'\n' + refs) + u"</dt>\n"_s;
        for (qsizetype i = 0; i < item.definitions.size(); ++i) {
            QString inner = renderBlock(item.definitions[i].join(u'\n') + u'\n' + refs + u'\n');
            // Goldmark renders a tight definition's first paragraph without <p>.
            if (!item.loose[i] && inner.startsWith(u"<p>"_s)) {
                const qsizetype close = inner.indexOf(u"</p>"_s);
                if (close > 0) {
                    inner.remove(close, 4);
                    if (close < inner.size() && inner[close] == u'\n' && close + 1 == inner.size())
                        inner.chop(1);
                    inner.remove(0, 3);
                }
            }
            if (inner.endsWith(u'\n') && inner.count(u'\n') == 1)
                inner.chop(1);
            html += u"<dd>"_s + inner + u"</dd>\n"_s;
        }
    }
    return html + u"</dl>\n"_s;
}

} // namespace

DefinitionLists extractDefinitionLists(const QString &markdown, const QList<int> &sourceLines,
                                       const std::function<QString(qsizetype)> &placeholder,
                                       const std::function<QString(const QString &)> &renderBlock,
                                       const std::function<QString(const QString &)> &renderInline)
{
    DefinitionLists out;
    // Most posts have no definition list: one scan for a line that starts with ": " decides.
    static const QRegularExpression anyDefinition(u"(^|\\n) {0,3}:[ \\t]"_s);
    if (!markdown.contains(anyDefinition)) {
        out.markdown = markdown;
        out.sourceLines = sourceLines;
        return out;
    }
    const QStringList lines = markdown.split(u'\n');
    QString refs; // computed on first use
    bool refsDone = false;
    QStringList result;
    QList<int> resultLines;
    auto lineOf = [&](qsizetype i) { return i < sourceLines.size() ? sourceLines[i] : int(i + 1); };

    text::FenceTracker fences;
    qsizetype i = 0;
    while (i < lines.size()) {
        const QString &line = lines[i];
        if (fences.isCode(line)) {
            result.append(line);
            resultLines.append(lineOf(i));
            ++i;
            continue;
        }
        // A list starts where term lines (after a blank line or the start) are followed by ": ".
        // Only a paragraph's first line starts the scan of its term lines: scanning from every
        // line made a long paragraph quadratic (a fuzz input of 12,000 lines took seconds).
        const bool atParagraphStart = i == 0 || isBlank(lines[i - 1]);
        qsizetype t = i;
        while (atParagraphStart && t < lines.size() && canBeTerm(lines[t]) && !isDefinitionStart(lines[t]))
            ++t;
        qsizetype d = t;
        if (atParagraphStart && d < lines.size() && isBlank(lines[d]) && d + 1 < lines.size() && isDefinitionStart(lines[d + 1]))
            ++d;
        if (!atParagraphStart || t == i || d >= lines.size() || !isDefinitionStart(lines[d])) {
            result.append(line);
            resultLines.append(lineOf(i));
            ++i;
            continue;
        }

        QList<Item> items;
        qsizetype pos = i;
        while (true) {
            Item item;
            qsizetype termEnd = pos;
            while (termEnd < lines.size() && canBeTerm(lines[termEnd]) && !isDefinitionStart(lines[termEnd]))
                ++termEnd;
            qsizetype defAt = termEnd;
            bool loose = false;
            if (defAt < lines.size() && isBlank(lines[defAt]) && defAt + 1 < lines.size() && isDefinitionStart(lines[defAt + 1])) {
                loose = true;
                ++defAt;
            }
            if (termEnd == pos || defAt >= lines.size() || !isDefinitionStart(lines[defAt]))
                break;
            item.terms = lines.mid(pos, termEnd - pos);
            pos = defAt;
            // Definitions of this term.
            while (pos < lines.size() && isDefinitionStart(lines[pos])) {
                QStringList def{stripDefinitionMarker(lines[pos])};
                ++pos;
                // Lazy continuation lines, then indented blocks after blank lines.
                while (pos < lines.size() && !isBlank(lines[pos]) && !isDefinitionStart(lines[pos])) {
                    def.append(indentOf(lines[pos]) >= 2 ? lines[pos].mid(2) : lines[pos]);
                    ++pos;
                }
                // Each further block of the definition follows a blank line, indented by 2+.
                while (pos + 1 < lines.size() && isBlank(lines[pos]) && !isBlank(lines[pos + 1])
                       && indentOf(lines[pos + 1]) >= 2) {
                    def.append(QString());
                    ++pos;
                    while (pos < lines.size() && !isBlank(lines[pos])) {
                        def.append(indentOf(lines[pos]) >= 2 ? lines[pos].mid(2) : lines[pos]);
                        ++pos;
                    }
                }
                item.definitions.append(def);
                // Goldmark drops the first paragraph's <p> unless a blank line separates the
                // definition from its term.
                item.loose.append(loose);
                loose = false;
            }
            items.append(item);
            // Another term of the same list follows after one blank line.
            if (pos + 1 < lines.size() && isBlank(lines[pos]) && canBeTerm(lines[pos + 1])) {
                qsizetype probe = pos + 1;
                while (probe < lines.size() && canBeTerm(lines[probe]) && !isDefinitionStart(lines[probe]))
                    ++probe;
                if (probe < lines.size() && isDefinitionStart(lines[probe])) {
                    pos = pos + 1;
                    continue;
                }
            }
            break;
        }
        const qsizetype index = out.html.size();
        if (!refsDone) {
            refs = referenceDefinitions(lines);
            refsDone = true;
        }
        out.html.append(renderList(items, renderBlock, renderInline, refs));
        result.append(placeholder(index));
        resultLines.append(lineOf(i));
        // Keep a blank line after the placeholder so it stays a paragraph of its own.
        if (pos < lines.size() && !isBlank(lines[pos])) {
            result.append(QString());
            resultLines.append(lineOf(pos));
        }
        i = pos;
    }
    out.markdown = result.join(u'\n');
    out.sourceLines = resultLines;
    return out;
}

} // namespace frontmark
