#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

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

/// True for a line that holds only spaces/tabs, or nothing.
bool isBlank(QByteArrayView line);

} // namespace text
} // namespace frontmark
