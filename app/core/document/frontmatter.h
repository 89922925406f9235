// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QSharedDataPointer>
#include <QStringList>

#include <optional>

namespace frontmark {

enum class FrontMatterFormat { None, Yaml, Toml, Json };

/// "YAML", "TOML", "JSON" or "none".
QString formatName(FrontMatterFormat format);

class FrontMatterData;

/**
 * A post's front matter: the block's exact bytes plus the values parsed from them.
 *
 * Lossless by construction (docs/decisions.md, decision 1): bytes() is what was read until an edit,
 * and an edit (setValue, remove) rewrites only the bytes of that one key, in the block's own
 * style (quoting, flow or block lists, indentation, line endings). Comments, key order and
 * unknown keys survive. Setting a key to the value it already has changes nothing.
 *
 * A block that does not parse is kept as is: isValid() is false, error() says where, and
 * edits fail until setBytes() gives a block that parses. A value type (implicitly shared);
 * any thread, one writer at a time.
 */
class FrontMatter
{
    Q_DECLARE_TR_FUNCTIONS(frontmark::FrontMatter)
public:
    FrontMatter();
    /// Parses `block` (the bytes between the delimiters; for JSON the whole {…} object).
    /// `firstLine` is the file line of the block's first byte, for located errors.
    FrontMatter(FrontMatterFormat format, const QByteArray &block, const QString &file = {}, int firstLine = 1);
    /// A block whose closing delimiter is missing ("---" or "+++" line, or the JSON object's "}"):
    /// `rest` is everything after the opening "---"/"+++" line (for JSON, from the "{" on), and
    /// `firstLine` the file line of its first byte. It is invalid whatever its bytes, with an
    /// error at the opening delimiter's line that names the missing one, and stays so through
    /// setBytes(): only splitting the post again (PostFile::fromBytes) can find it closed.
    static FrontMatter unclosed(FrontMatterFormat format, const QByteArray &rest, const QString &file, int firstLine);
    FrontMatter(const FrontMatter &);
    FrontMatter &operator=(const FrontMatter &);
    ~FrontMatter();

    FrontMatterFormat format() const;
    QByteArray bytes() const;
    /// The file line of the block's first byte, as given when it was read.
    int firstLine() const;
    bool isValid() const;
    /// True for a block read without its closing delimiter (see unclosed()).
    bool isUnclosed() const;
    const std::optional<Error> &error() const;

    /// Replaces the whole block (the raw text editor) and parses it again.
    void setBytes(const QByteArray &block);

    QStringList keys() const;
    bool contains(const QString &key) const;
    Value value(const QString &key) const;
    /// All keys and values, in file order (what templates see as the page's params).
    Value toMap() const;
    /// 1-based file line and column of `key`, or {0, 0} if absent.
    std::pair<int, int> position(const QString &key) const;
    /// False for keys written in a layout that cannot be patched in place (a TOML [table]).
    bool isEditable(const QString &key) const;

    /// Sets `key` to `value`, patching only that key's bytes; appends a new key at the end.
    Status setValue(const QString &key, const Value &value);
    /// Removes `key` and its lines. Removing an absent key succeeds and changes nothing.
    Status remove(const QString &key);

private:
    QSharedDataPointer<FrontMatterData> d;
};

} // namespace frontmark
