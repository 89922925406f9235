// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablelimits.h"

#include "text/textutil.h"
#include "util/trcontexts.h"

#include <QCoreApplication>

#include <optional>

// Issue #21: cmark-gfm 0.29.0.gfm.6 (Debian 12) appends each cell of a table row to a linked
// list by walking it from its head, so a row of n cells costs n² steps, twice (the row is
// parsed once to match and once to add it): a table 20,000 columns wide took over 60 s. It
// also pads every short row to the header's width, so a 1,000-column header over 100,000
// one-word rows (200 KB) asked for 10⁸ cells and more than 6 GB. Later releases cap the padding
// (MAX_AUTOCOMPLETED_CELLS, CVE-2023-37463) and md4c caps a table at 128 columns. Hugo's
// Goldmark has neither limit, so where a limit is hit the preview cannot show what Hugo will;
// it shows the table as the text it is written as, and says so. Truncating the table instead
// would show a table that looks complete and is not.
//
// This pass does not follow every block rule: it takes a table to run from its delimiter row
// to the next blank line, which may count rows that end it in cmark-gfm. Counting too many
// only matters past the limits.

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

// Where a line's content starts: after spaces, tabs, block quote markers and list markers.
qsizetype contentStart(QStringView line)
{
    qsizetype p = 0;
    for (;;) {
        while (p < line.size() && (line[p] == u' ' || line[p] == u'\t' || line[p] == u'>'))
            ++p;
        qsizetype q = p;
        while (q < line.size() && q - p < 9 && line[q].isDigit() && line[q].unicode() < 0x80)
            ++q;
        const bool ordered = q > p && q < line.size() && (line[q] == u'.' || line[q] == u')');
        const bool bullet = q == p && p < line.size() && (line[p] == u'-' || line[p] == u'*' || line[p] == u'+');
        const qsizetype after = ordered ? q + 1 : p + 1;
        if ((ordered || bullet) && after < line.size() && (line[after] == u' ' || line[after] == u'\t'))
            p = after;
        else
            return p;
    }
}

// The cells of a row as cmark-gfm splits it: at each "|" not escaped by "\", not counting a
// leading or a trailing one.
qsizetype cellCount(QStringView content)
{
    qsizetype pipes = 0;
    qsizetype lastPipe = -1;
    qsizetype lastNonSpace = -1;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QChar c = content[i];
        if (c == u'\\') {
            lastNonSpace = ++i;
            continue;
        }
        if (c == u'|') {
            ++pipes;
            lastPipe = i;
        }
        if (!c.isSpace())
            lastNonSpace = i;
    }
    const bool leading = !content.isEmpty() && content[0] == u'|';
    const bool trailing = lastPipe >= 0 && lastPipe == lastNonSpace && !(leading && pipes == 1);
    return qMax<qsizetype>(1, pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0));
}

// GFM's delimiter row: cells of ":?-+:?" between optional pipes, at least one pipe or a
// lone "-" cell after an optional leading pipe (spaces allowed around each cell).
bool isDelimiterRow(QStringView content)
{
    bool dash = false, pipe = false, inCell = false, cellDone = false;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QChar c = content[i];
        if (c == u'|') {
            if (inCell && !dash)
                return false;
            pipe = true;
            inCell = false;
            cellDone = false;
        } else if (c == u' ' || c == u'\t' || c == u'\r') {
            if (inCell)
                cellDone = true;
        } else if (c == u'-' || c == u':') {
            if (cellDone)
                return false;
            if (!inCell)
                dash = false;
            inCell = true;
            if (c == u'-')
                dash = true;
        } else {
            return false;
        }
    }
    return (pipe || content.trimmed().startsWith(u'|')) && (!inCell || dash) && content.contains(u'-');
}

struct Table {
    qsizetype headerLine = -1;  // 0-based markdown line
    qsizetype headerColumn = 0; // 0-based, in UTF-16 units
    qsizetype escapeAt = -1;    // where the delimiter row's content starts in the markdown
    qsizetype columns = 0;
    qsizetype rows = 0;
};

} // namespace

Diagnostics limitTables(QString &markdown, const QList<int> &sourceLines, const QString &file)
{
    Diagnostics out;
    if (!markdown.contains(u'|'))
        return out;
    QList<qsizetype> escapes;
    qsizetype cells = 0;
    bool reportedCells = false;
    std::optional<Table> table;
    const auto report = [&](const Table &t, const QString &message) {
        if (sourceLines.isEmpty())
            return;
        const int line = sourceLines.value(t.headerLine, sourceLines.constLast());
        out.append(Diagnostic{Diagnostic::Severity::Warning, message, file, line, int(t.headerColumn) + 1,
                              u"table-too-large"_s, {}});
    };
    const auto finish = [&]() {
        if (!table)
            return;
        const Table t = *table;
        table.reset();
        const qsizetype size = t.columns * t.rows;
        if (t.columns > kMaxTableColumns) {
            escapes.append(t.escapeAt);
            report(t, Renderer::tr("This table has %1 columns; Frontmark's preview lays out at most %2, so it shows the table as text (Hugo still renders it as a table).")
                          .arg(t.columns)
                          .arg(kMaxTableColumns));
        } else if (cells + size > kMaxTableCells) {
            escapes.append(t.escapeAt);
            if (!reportedCells) {
                reportedCells = true;
                report(t, Renderer::tr("The tables of this post have more than %1 cells; Frontmark's preview shows this table and any later large one as text (Hugo still renders them as tables). Split the post to see them.")
                              .arg(kMaxTableCells));
            }
        } else {
            cells += size;
        }
    };

    text::FenceTracker fences;
    qsizetype previousStart = -1; // the previous line, if it can be a header row
    qsizetype previousEnd = -1;
    qsizetype index = 0;
    for (qsizetype start = 0; start <= markdown.size(); ++index) {
        qsizetype end = markdown.indexOf(u'\n', start);
        if (end < 0)
            end = markdown.size();
        const QStringView line = QStringView(markdown).sliced(start, end - start);
        const qsizetype offset = contentStart(line);
        const QStringView content = line.sliced(offset);
        if (fences.isCode(line) || content.trimmed().isEmpty()) {
            finish();
            previousStart = -1;
        } else if (table) {
            table->columns = qMax(table->columns, cellCount(content));
            ++table->rows;
        } else if (previousStart >= 0 && content.contains(u'-') && isDelimiterRow(content)) {
            const QStringView header = QStringView(markdown).sliced(previousStart, previousEnd - previousStart);
            const qsizetype headerOffset = contentStart(header);
            table = Table{index - 1, headerOffset, start + offset,
                          qMax(cellCount(header.sliced(headerOffset)), cellCount(content)), 2};
        } else {
            previousStart = start;
            previousEnd = end;
        }
        start = end + 1;
    }
    finish();
    if (escapes.isEmpty())
        return out;

    // A backslash before the delimiter row's first character ("|", "-" or ":", all ASCII
    // punctuation, so "\|" reads as "|") keeps cmark-gfm from seeing a table there.
    QString limited;
    limited.reserve(markdown.size() + escapes.size());
    qsizetype copied = 0;
    for (const qsizetype at : std::as_const(escapes)) {
        limited += QStringView(markdown).sliced(copied, at - copied);
        limited += u'\\';
        copied = at;
    }
    limited += QStringView(markdown).sliced(copied);
    markdown = std::move(limited);
    return out;
}

} // namespace frontmark
