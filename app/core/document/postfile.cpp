// SPDX-License-Identifier: GPL-3.0-or-later
#include "postfile.h"

#include "io/safewrite.h"
#include "util/logging.h"
#include "util/trcontexts.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

int countLines(QByteArrayView bytes)
{
    return int(bytes.count('\n'));
}

// Length of a line ending at `pos` ("\n" or "\r\n"), 0 if none.
qsizetype eolAt(const QByteArray &b, qsizetype pos)
{
    if (pos < b.size() && b[pos] == '\n')
        return 1;
    if (pos + 1 < b.size() && b[pos] == '\r' && b[pos + 1] == '\n')
        return 2;
    return 0;
}

// Hugo's JSON front matter scan (pageparser lexFrontMatterJSON): count braces outside
// strings, honour backslash escapes; returns the offset after the matching "}" or -1.
qsizetype jsonObjectEnd(const QByteArray &b, qsizetype from)
{
    int level = 0;
    bool inQuote = false;
    for (qsizetype i = from; i < b.size(); ++i) {
        const char c = b[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '"')
            inQuote = !inQuote;
        else if (!inQuote && c == '{')
            ++level;
        else if (!inQuote && c == '}' && --level == 0)
            return i + 1;
    }
    return -1;
}

} // namespace

Result<PostFile> PostFile::load(const QString &path)
{
    auto bytes = readBytes(path);
    if (!bytes.ok())
        return bytes.error();
    return fromBytes(bytes.value(), path);
}

Result<QByteArray> PostFile::readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Kind::Io, Files::tr("Cannot open the file: %1.").arg(file.errorString()), path};
    }
    if (file.size() > maxFileSize()) {
        return Error{Error::Kind::Invalid,
                     Files::tr("The file is %1 MB; Frontmark opens posts up to %2 MB.")
                         .arg(double(file.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                         .arg(maxFileSize() / (1024 * 1024)),
                     path};
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{Error::Kind::Io, Files::tr("Cannot read the file: %1.").arg(file.errorString()), path};
    return bytes;
}

Result<PostFile> PostFile::fromBytes(const QByteArray &bytes, const QString &fileName)
{
    if (bytes.size() > maxFileSize())
        return Error{Error::Kind::Invalid, Files::tr("The text is larger than %1 MB.").arg(maxFileSize() / (1024 * 1024)), fileName};

    // Binary content first: a NUL byte never occurs in a text post.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        const auto pos = text::positionOf(bytes, nul);
        return Error{Error::Kind::Invalid, Files::tr("This looks like a binary file, not a text post (a NUL byte)."),
                     fileName, pos.line, pos.column};
    }
    if (const auto bad = text::firstInvalidUtf8(bytes)) {
        const auto pos = text::positionOf(bytes, *bad);
        return Error{Error::Kind::Invalid,
                     Files::tr("The file is not valid UTF-8 (byte 0x%1); Hugo reads posts as UTF-8, so re-save it in that encoding.")
                         .arg(uchar(bytes[*bad]), 2, 16, QChar(u'0')),
                     fileName, pos.line, pos.column};
    }

    PostFile post;
    post.m_fileName = fileName;
    qsizetype pos = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        post.m_hasBom = true;
        pos = 3;
    }
    // Hugo skips blank space before the front matter (pageparser lexIntroSection).
    qsizetype lead = pos;
    while (lead < bytes.size() && (bytes[lead] == ' ' || bytes[lead] == '\t' || bytes[lead] == '\n' || bytes[lead] == '\r'))
        ++lead;

    FrontMatterFormat format = FrontMatterFormat::None;
    const QByteArrayView rest = QByteArrayView(bytes).sliced(lead);
    const bool yaml = rest.startsWith("---") && eolAt(bytes, lead + 3) > 0;
    const bool toml = rest.startsWith("+++") && eolAt(bytes, lead + 3) > 0;
    const bool json = rest.startsWith("{");
    if (yaml)
        format = FrontMatterFormat::Yaml;
    else if (toml)
        format = FrontMatterFormat::Toml;
    else if (json)
        format = FrontMatterFormat::Json;

    if (format == FrontMatterFormat::None) {
        post.m_body = bytes.mid(pos);
        post.m_bodyFirstLine = 1;
        return post;
    }
    post.m_lead = bytes.mid(pos, lead - pos);
    const int leadLines = countLines(post.m_lead);

    if (format == FrontMatterFormat::Json) {
        const qsizetype end = jsonObjectEnd(bytes, lead);
        if (end < 0) {
            post.keepUnclosed(bytes, lead, leadLines + 1, format);
            return post;
        }
        const QByteArray block = bytes.mid(lead, end - lead);
        post.m_frontMatter = FrontMatter(format, block, fileName, leadLines + 1);
        post.m_close = bytes.mid(end, eolAt(bytes, end));
        const qsizetype bodyStart = end + post.m_close.size();
        post.m_body = bytes.mid(bodyStart);
        post.m_bodyFirstLine = countLines(QByteArrayView(bytes).first(bodyStart)) + 1;
        return post;
    }

    // YAML/TOML: the block ends at the first line that starts with the delimiter
    // (pageparser lexFrontMatterSection checks only the prefix of each line).
    const char *delim = format == FrontMatterFormat::Yaml ? "---" : "+++";
    const qsizetype openLen = 3 + eolAt(bytes, lead + 3);
    post.m_open = bytes.mid(lead, openLen);
    const qsizetype blockStart = lead + openLen;
    qsizetype lineBegin = blockStart;
    qsizetype closeAt = -1;
    while (lineBegin < bytes.size()) {
        if (QByteArrayView(bytes).sliced(lineBegin).startsWith(delim)) {
            closeAt = lineBegin;
            break;
        }
        const qsizetype nl = bytes.indexOf('\n', lineBegin);
        if (nl < 0)
            break;
        lineBegin = nl + 1;
    }
    if (closeAt < 0) {
        post.keepUnclosed(bytes, blockStart, leadLines + 2, format);
        return post;
    }
    const QByteArray block = bytes.mid(blockStart, closeAt - blockStart);
    post.m_frontMatter = FrontMatter(format, block, fileName, leadLines + 2);
    post.m_close = bytes.mid(closeAt, 3 + eolAt(bytes, closeAt + 3));
    const qsizetype bodyStart = closeAt + post.m_close.size();
    post.m_body = bytes.mid(bodyStart);
    post.m_bodyFirstLine = countLines(QByteArrayView(bytes).first(bodyStart)) + 1;
    return post;
}

void PostFile::keepUnclosed(const QByteArray &bytes, qsizetype blockStart, int firstLine, FrontMatterFormat format)
{
    // Issue #21: Hugo fails such a page, so no split is right; the writer must see and fix all
    // of it. Hugo reads every byte after the opening line as front matter, and so do we: the
    // whole rest is the raw block and the body is empty. The raw editor then shows all the text
    // (keys and the would-be body, none of it hidden in the body editor), an unchanged save
    // writes the same bytes, and typing the missing "---" after the last key makes the joined
    // text split, by the same rule as above, into a valid block and the body. Ending the block
    // at the first blank line instead would guess wrong for blocks with blank lines between keys
    // and put keys in the body editor, where the fix cannot be typed.
    m_frontMatter = FrontMatter::unclosed(format, bytes.mid(blockStart), m_fileName, firstLine);
    m_close.clear();
    m_body.clear();
    m_bodyFirstLine = countLines(bytes) + 1;
}

QByteArray PostFile::toBytes() const
{
    QByteArray out;
    if (m_hasBom)
        out += "\xEF\xBB\xBF";
    out += m_lead;
    out += m_open;
    out += m_frontMatter.bytes();
    out += m_close;
    out += m_body;
    return out;
}

QString PostFile::bodyText() const
{
    QString text = QString::fromUtf8(m_body);
    if (text.contains(u'\r'))
        text.replace(u"\r\n"_s, u"\n"_s);
    return text;
}

void PostFile::setBodyText(const QString &text)
{
    if (text == bodyText())
        return;
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    const QByteArray eol = text::preferredEol(toBytes());
    QByteArray bytes = normalized.toUtf8();
    if (eol != "\n")
        bytes.replace("\n", eol);
    m_body = bytes;
}

bool PostFile::endsWithNewline() const
{
    return toBytes().endsWith('\n');
}

Status PostFile::save(const QString &path) const
{
    const QByteArray bytes = toBytes();
    Status written = writeFileAtomically(path, bytes);
    if (written.ok())
        qCDebug(lcDocument) << "saved" << path << bytes.size() << "bytes";
    return written;
}

} // namespace frontmark
