// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frontmatter.h"
#include "text/textutil.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace frontmark {

/**
 * A post file split the way Hugo splits it: an optional BOM, optional front matter (YAML
 * between "---" lines, TOML between "+++" lines, or a JSON object at the start) and the
 * Markdown body. toBytes() joins the parts again; for an unedited post it returns exactly
 * the bytes that were read (BOM, line endings of every line, final newline or its absence).
 *
 * Loading fails with a located Error for input Hugo cannot read either: invalid UTF-8, a
 * binary file, a file over maxFileSize(). Front matter that is present but malformed still
 * loads: frontMatter().error() says where. So does a block that never closes (issue #21): the
 * whole rest of the file is its raw block (FrontMatter::unclosed()), the body is empty, and
 * the error names the opening line; fromBytes(toBytes()) splits it again once the missing
 * delimiter has been typed into the block. A value type; any thread.
 */
class PostFile
{
public:
    PostFile() = default;

    /// Reads and splits `path`. Never throws; I/O and encoding problems come back located.
    static Result<PostFile> load(const QString &path);
    /// load()'s reading part: the file's bytes, or a located error for a file that cannot be
    /// opened or read, or is over maxFileSize().
    static Result<QByteArray> readBytes(const QString &path);
    /// Splits `bytes`; `fileName` is used in error messages.
    static Result<PostFile> fromBytes(const QByteArray &bytes, const QString &fileName = {});

    /// Writes toBytes() to `path` atomically (QSaveFile): either the new bytes are all on disk
    /// or the old file is untouched.
    Status save(const QString &path) const;
    QByteArray toBytes() const;

    QString fileName() const { return m_fileName; }
    bool hasBom() const { return m_hasBom; }
    FrontMatterFormat format() const { return m_frontMatter.format(); }
    const FrontMatter &frontMatter() const { return m_frontMatter; }
    FrontMatter &frontMatter() { return m_frontMatter; }

    /// The body as written (UTF-8 bytes, original line endings).
    QByteArray body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }
    /// The body as an editor shows it: decoded, every CRLF as "\n".
    QString bodyText() const;
    /// Sets the body from editor text. Text equal to bodyText() keeps the original bytes
    /// (mixed line endings included); changed text is written with the file's prevailing
    /// line ending.
    void setBodyText(const QString &text);
    /// 1-based file line on which the body starts.
    int bodyFirstLine() const { return m_bodyFirstLine; }
    /// Line endings of the whole file.
    LineEnding lineEnding() const { return text::detectLineEnding(toBytes()); }
    bool endsWithNewline() const;

    /// Files larger than this are refused: 64 MiB, far past any real post.
    static constexpr qint64 maxFileSize() { return 64 * 1024 * 1024; }

private:
    void keepUnclosed(const QByteArray &bytes, qsizetype blockStart, int firstLine, FrontMatterFormat format);

    QString m_fileName;
    bool m_hasBom = false;
    QByteArray m_lead;   // whitespace before the front matter, which Hugo skips
    QByteArray m_open;   // "---\n", "+++\r\n"; empty for JSON and no front matter
    QByteArray m_close;  // "---\n" (with whatever followed the delimiter on its line); for JSON the line ending after "}"
    FrontMatter m_frontMatter;
    QByteArray m_body;
    int m_bodyFirstLine = 1;
};

} // namespace frontmark
