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
/// name, slugified ("image" for a paste).
QString defaultPattern();

/// The image format of `bytes` from their first bytes: "png", "jpg", "gif", "webp", "svg",
/// "avif", "bmp"; empty if not an image a browser shows.
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
 * Copies the image into `site`. For a post outside any site (site.root() empty), into an
 * "images" folder beside `postPath`, linked relatively. Fails, writing nothing, when the
 * bytes are not an image, the post has never been saved (no postPath, outside a site), the
 * pattern is malformed or leaves the static folder, or the write fails (the message names
 * the step and the reason, as writeFileAtomically's).
 */
Result<Imported> importImage(const Site &site, const QString &postPath, const Request &request);

/// The Markdown the editor inserts for an imported image: "![alt](url)\n\n" then an empty
/// caption line (the cursor goes there), as its own paragraph.
QString markdownFor(const QString &url, const QString &alt);

} // namespace imageimport

} // namespace frontmark
