// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private interface between FrontMatter and its three format codecs. Not installed.

#include "frontmatter.h"
#include "value.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace frontmark::detail {

/// One top-level key as found in the block's bytes.
struct ParsedEntry {
    QString key;
    Value value;
    qsizetype start = 0;       // first byte of the entry (start of the key's line for YAML/TOML)
    qsizetype end = 0;         // just past the entry (after its last line's EOL for YAML/TOML)
    qsizetype valueStart = -1; // the value's own bytes, when they can be replaced in place
    qsizetype valueEnd = -1;
    int line = 0;              // 1-based line of the key, within the block
    int column = 1;            // 1-based column of the key, within its line
    bool editable = true;      // false: a layout the codec cannot rewrite (TOML [table], dotted keys)
};

struct ParsedBlock {
    QList<ParsedEntry> entries;
};

/// Located parse errors use lines relative to the file: blockFirstLine is the file line of
/// the block's first byte.
struct ParseContext {
    QString file;
    int blockFirstLine = 1;
};

/**
 * One front matter syntax. Stateless; all functions are pure and thread-safe.
 * Edit functions get the current block and its parse, and return the new block bytes; the
 * caller re-parses the result and checks it holds the value asked for.
 */
class Codec
{
public:
    virtual ~Codec() = default;
    virtual Result<ParsedBlock> parse(const QByteArray &block, const ParseContext &ctx) const = 0;
    virtual Result<QByteArray> replace(const QByteArray &block, const ParsedBlock &parsed, qsizetype index,
                                       const Value &value) const = 0;
    virtual Result<QByteArray> insert(const QByteArray &block, const ParsedBlock &parsed, const QString &key,
                                      const Value &value) const = 0;
    virtual Result<QByteArray> remove(const QByteArray &block, const ParsedBlock &parsed, qsizetype index) const = 0;

    static const Codec &forFormat(FrontMatterFormat format);
};

const Codec &yamlCodec();
const Codec &tomlCodec();
const Codec &jsonCodec();

/// Max nesting of lists/maps a codec accepts before it reports an error (stack safety).
inline constexpr int kMaxDepth = 200;

/// Shared by the YAML and TOML codecs: the entry's span ends before trailing blank and
/// comment-only lines, which belong to whatever follows.
qsizetype trimTrailingBlankAndComments(const QByteArray &block, qsizetype start, qsizetype end, char comment);

/// Error helper: a located Syntax/Invalid error at a byte offset of the block.
Error errorAt(const QByteArray &block, qsizetype offset, const ParseContext &ctx, Error::Kind kind,
              const QString &message);

} // namespace frontmark::detail
