// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <utility>
#include <variant>

namespace frontmark {

/**
 * A failure the writer can act on: what went wrong, in one sentence, and where.
 * `line` and `column` are 1-based positions in the file (columns count characters,
 * not bytes, so they match what an editor shows for CJK text); 0 means unknown.
 * `systemError` is the errno behind a Kind::Io failure (EROFS, ENOSPC…), so a caller can
 * give advice that fits the cause; 0 when there is none or it is unknown.
 */
struct Error {
    enum class Kind { Io, Syntax, Invalid, Unsupported };
    Kind kind = Kind::Invalid;
    QString message;
    QString file;
    int line = 0;
    int column = 0;
    int systemError = 0;

    /// "file:line:column: message", leaving out the parts that are unknown.
    QString toString() const;
};

/// "file:line:column", leaving out the parts that are unknown (line or column 0, no file):
/// the place as compilers and editors write it, for Error and Diagnostic alike.
QString locationText(const QString &file, int line, int column);

/// The value of a successful operation that returns nothing.
struct Ok {};

/**
 * Either a value or a located Error. Expected failures (I/O, malformed input, failed
 * validation) travel through this type; exceptions never cross the core API.
 */
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { Q_ASSERT(ok()); return std::get<0>(m_v); }
    T &value() & { Q_ASSERT(ok()); return std::get<0>(m_v); }
    T &&value() && { Q_ASSERT(ok()); return std::get<0>(std::move(m_v)); }
    const Error &error() const { Q_ASSERT(!ok()); return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

using Status = Result<Ok>;

} // namespace frontmark
