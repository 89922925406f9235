// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <optional>

namespace frontmark {

enum class LineEnding { None, Lf, CrLf, Mixed };

/**
 * Byte-level helpers shared by the document codecs. Pure functions, any thread.
 * Lines and columns are 1-based; columns count Unicode characters (what an editor shows),
 * not bytes.
 */
namespace text {

struct Position {
    int line = 1;
    int column = 1;
};

/// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
/// code points past U+10FFFF are invalid), or nullopt if all of `bytes` is valid.
std::optional<qsizetype> firstInvalidUtf8(QByteArrayView bytes);

/// The line and column of byte `offset` in `bytes`. A line ends at "\n" (a "\r" before it
/// belongs to the same line ending).
Position positionOf(QByteArrayView bytes, qsizetype offset);

/// Byte offset of the start of 1-based `line`, or bytes.size() if there are fewer lines.
qsizetype lineStart(QByteArrayView bytes, int line);

/// Offset just past the end of the line that contains `offset`, including its "\n".
qsizetype lineEndWithEol(QByteArrayView bytes, qsizetype offset);

/// Offset of the end of the line content (before "\r\n" or "\n").
qsizetype lineContentEnd(QByteArrayView bytes, qsizetype offset);

/// The line endings used in `bytes`.
LineEnding detectLineEnding(QByteArrayView bytes);

/// The line ending new lines should use next to `bytes`: CRLF if most lines end that way.
QByteArray preferredEol(QByteArrayView bytes);

/**
 * Line starts of a text, computed once, for many position look-ups in the same bytes
 * (the codecs ask for every key's line). Keeps a view: `bytes` must outlive it.
 */
class LineIndex
{
public:
    explicit LineIndex(QByteArrayView bytes);
    int lineCount() const { return int(m_starts.size()); }
    /// Byte offset of the start of 1-based `line`; bytes.size() past the last line.
    qsizetype lineStart(int line) const;
    Position positionOf(qsizetype offset) const;

private:
    QByteArrayView m_bytes;
    QList<qsizetype> m_starts;
};

/**
 * Line starts of a text (UTF-16, as the renderer holds it), for file lines and character
 * columns of diagnostics. `firstLine` is the file line of the text's first line. Keeps a view:
 * `text` must outlive it. column() caches its scan, so queries at increasing offsets stay
 * linear; not thread-safe for that reason.
 */
class TextLines
{
public:
    explicit TextLines(QStringView text, int firstLine = 1);
    /// File line of the character at `offset`.
    int line(qsizetype offset) const { return m_firstLine + int(slot(offset)); }
    /// Offset where the line of `offset` starts, and where it ends (its "\n" or the end).
    qsizetype lineStart(qsizetype offset) const { return m_starts[slot(offset)]; }
    qsizetype lineEnd(qsizetype offset) const;
    /// Offset where file line `fileLine` starts, or -1 if the text has no such line.
    qsizetype startOfLine(int fileLine) const;
    /// 1-based column of `offset` in characters (code points).
    int column(qsizetype offset) const;

private:
    qsizetype slot(qsizetype offset) const;
    QStringView m_text;
    int m_firstLine;
    QList<qsizetype> m_starts;
    mutable qsizetype m_columnLineStart = -1;
    mutable qsizetype m_columnOffset = 0;
    mutable int m_column = 1;
};

/**
 * Follows fenced code blocks (``` or ~~~, CommonMark's rules: up to three spaces before the
 * fence, closed by the same character at least as many times) through a text line by line,
 * for the text passes that must leave code alone.
 */
class FenceTracker
{
public:
    /// Feeds the next line; true if it opens, closes or lies inside a fenced code block.
    bool isCode(QStringView line);
    /// True while a fence is open (after the lines fed so far).
    bool isOpen() const { return !m_char.isNull(); }

private:
    QChar m_char;              // null outside a fence
    qsizetype m_length = 0;
};

/// True for a line that holds only spaces/tabs, or nothing.
bool isBlank(QByteArrayView line);
bool isBlank(QStringView line);

} // namespace text
} // namespace frontmark
