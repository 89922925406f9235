// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "site/site.h"
#include "util/result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace frontmark {

/**
 * Adding an image to a post (pasted or dropped): the bytes are copied into the site's first
 * static folder under a path made from a pattern, and the post links it by its site path.
 * Never overwrites: a file already at the path with the same bytes is reused, a different
 * one makes the name take "-2", "-3", … The write is atomic and, even against another
 * writer racing for the same name, never replaces a file (link/rename without replace).
 */
namespace imageimport {

/// "/images/posts/{date}-{hash}.{ext}" (the sample site's layout): {date} is the post's
/// date as yyyyMMdd (today when the post has none), {hash} the first 8 hex digits of the
/// bytes' SHA-256, {ext} the format's usual extension; {name} is the dropped file's base
/// name, slugified ("image" for a paste, or when the name has no letter or digit).
/// A pattern is a path below the static folder ("/" separates folders; a leading "/" is
/// optional, empty and "." segments are dropped); it is refused when it has another
/// {placeholder} or an unclosed "{", a ".." segment, or no file name after its last "/".
QString defaultPattern();

/// The image format of `bytes` from their first bytes: "png", "jpg", "gif", "webp", "svg",
/// "avif", "bmp"; empty if not an image a browser shows. The file name plays no part. SVG is
/// text whose first element is <svg>, after an optional UTF-8 BOM, white space, the XML
/// declaration, comments and a DOCTYPE.
QString sniffExtension(const QByteArray &bytes);

struct Request {
    QByteArray bytes;
    QString originalName;  // the dropped file's name, empty for a paste
    QDate postDate;        // null: today
    QString pattern = defaultPattern();
};

struct Imported {
    QString url;       // what the post links: "/images/posts/20250602-3fa91c2e.png"
    QString filePath;  // where the bytes are on disk
    bool reused = false; // an identical file was already there; nothing was written
};

/**
 * Copies the image into `site`'s first static folder at the pattern's path; the url is that
 * path from the site root ("/images/posts/…"). For a post outside any site (site.root()
 * empty), into an "images" folder beside `postPath` under the pattern's file name only,
 * linked relatively ("images/20250602-3fa91c2e.png"). Missing folders are created.
 *
 * A name already taken by a regular file with the same bytes is reused (nothing written);
 * taken by anything else (other bytes, a folder, a symbolic link), the next of "-2", "-3", …
 * before the extension is tried, up to 1000. The file is written with
 * writeNewFileAtomically(), so a file that appears under the name meanwhile is not replaced.
 *
 * Fails, writing nothing and removing any folder it created, when the bytes are not an image
 * (Kind::Invalid), the post has never been saved (no postPath, outside a site: Invalid), the
 * pattern is malformed or leaves the static folder (Invalid; the message quotes the pattern),
 * or creating a folder or the write fails (Kind::Io; the message names the step and the
 * reason, as writeFileAtomically's, and `file` the path). Blocking file I/O: not on the UI
 * thread for large images; any thread.
 */
Result<Imported> importImage(const Site &site, const QString &postPath, const Request &request);

/// The Markdown the editor inserts for an imported image, exactly "![" alt "](" url ")\n\n":
/// in `alt`, "[", "]" and "\\" are escaped with a backslash and line breaks become spaces;
/// `url` is wrapped in "<…>" when it has a space, tab, "(", ")", "<" or ">" ("<" and ">" then
/// escaped), and its "\\" are escaped. The caller inserts it at the start of an empty line
/// after a blank line (so the image is its own paragraph) and puts the cursor at the end of
/// the inserted text: the start of the line after the blank one, where a caption goes.
QString markdownFor(const QString &url, const QString &alt);

} // namespace imageimport

} // namespace frontmark
