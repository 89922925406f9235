// SPDX-License-Identifier: GPL-3.0-or-later
#include "textutil.h"

#include <algorithm>

namespace frontmark::text {

std::optional<qsizetype> firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1; cp = c & 0x1F; min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2; cp = c & 0x0F; min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3; cp = c & 0x07; min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n) // truncated sequence at the end
            return i;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = p[i + k];
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return std::nullopt;
}

Position positionOf(QByteArrayView bytes, qsizetype offset)
{
    Position pos;
    offset = qBound(qsizetype(0), offset, bytes.size());
    qsizetype lineBegin = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++pos.line;
            lineBegin = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineBegin; i < offset; ++i) {
        // Count characters: skip UTF-8 continuation bytes.
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
            ++column;
    }
    pos.column = column;
    return pos;
}

qsizetype lineStart(QByteArrayView bytes, int line)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype nl = bytes.indexOf('\n', offset);
        if (nl < 0)
            return bytes.size();
        offset = nl + 1;
    }
    return offset;
}

qsizetype lineEndWithEol(QByteArrayView bytes, qsizetype offset)
{
    const qsizetype nl = bytes.indexOf('\n', offset);
    return nl < 0 ? bytes.size() : nl + 1;
}

qsizetype lineContentEnd(QByteArrayView bytes, qsizetype offset)
{
    const qsizetype nl = bytes.indexOf('\n', offset);
    if (nl < 0)
        return bytes.size();
    return (nl > offset && bytes[nl - 1] == '\r') ? nl - 1 : nl;
}

LineEnding detectLineEnding(QByteArrayView bytes)
{
    bool lf = false;
    bool crlf = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            if (i > 0 && bytes[i - 1] == '\r')
                crlf = true;
            else
                lf = true;
        }
    }
    if (lf && crlf)
        return LineEnding::Mixed;
    return crlf ? LineEnding::CrLf : lf ? LineEnding::Lf : LineEnding::None;
}

QByteArray preferredEol(QByteArrayView bytes)
{
    qsizetype lf = 0;
    qsizetype crlf = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n')
            (i > 0 && bytes[i - 1] == '\r') ? ++crlf : ++lf;
    }
    return crlf > lf ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

LineIndex::LineIndex(QByteArrayView bytes) : m_bytes(bytes)
{
    m_starts.append(0);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n')
            m_starts.append(i + 1);
    }
}

qsizetype LineIndex::lineStart(int line) const
{
    if (line < 1)
        return 0;
    return line <= m_starts.size() ? m_starts[line - 1] : m_bytes.size();
}

Position LineIndex::positionOf(qsizetype offset) const
{
    offset = qBound(qsizetype(0), offset, m_bytes.size());
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const int line = int(it - m_starts.begin());
    const qsizetype begin = m_starts[line - 1];
    int column = 1;
    for (qsizetype i = begin; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_bytes[i]) & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

TextLines::TextLines(QStringView text, int firstLine) : m_text(text), m_firstLine(firstLine)
{
    m_starts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n')
            m_starts.append(i + 1);
    }
}

qsizetype TextLines::slot(qsizetype offset) const
{
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    return qsizetype(it - m_starts.begin()) - 1;
}

qsizetype TextLines::lineEnd(qsizetype offset) const
{
    const qsizetype next = slot(offset) + 1;
    return next < m_starts.size() ? m_starts[next] - 1 : m_text.size();
}

qsizetype TextLines::startOfLine(int fileLine) const
{
    const qsizetype index = fileLine - m_firstLine;
    return index >= 0 && index < m_starts.size() ? m_starts[index] : -1;
}

int TextLines::column(qsizetype offset) const
{
    const qsizetype start = lineStart(offset);
    if (m_columnLineStart != start || m_columnOffset > offset) {
        m_columnLineStart = m_columnOffset = start;
        m_column = 1;
    }
    for (; m_columnOffset < offset; ++m_columnOffset) {
        if (!m_text[m_columnOffset].isLowSurrogate())
            ++m_column;
    }
    return m_column;
}

bool FenceTracker::isCode(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line[i] == u' ')
        ++i;
    qsizetype run = 0;
    const QChar c = i < 4 && i < line.size() ? line[i] : QChar();
    if (c == u'`' || c == u'~') {
        while (i + run < line.size() && line[i + run] == c)
            ++run;
    }
    if (m_char.isNull()) {
        if (run >= 3) {
            m_char = c;
            m_length = run;
            return true;
        }
        return false;
    }
    if (c == m_char && run >= m_length && line.sliced(i + run).trimmed().isEmpty())
        m_char = QChar();
    return true;
}

bool isBlank(QStringView line)
{
    for (const QChar c : line) {
        if (c != u' ' && c != u'\t' && c != u'\r' && c != u'\n')
            return false;
    }
    return true;
}

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

} // namespace frontmark::text
