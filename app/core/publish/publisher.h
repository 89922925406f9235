// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace frontmark {

class PostFile;

/**
 * Publishing a post (docs/decisions.md, decision 10): prepare() validates and works out exactly
 * what will change on disk without writing anything; execute() writes it.
 *
 * A post inside a Hugo site's content folder is published in place. A post from outside
 * a site (a draft in ~/Documents) goes to <targetSite>/<contentDir>/<section>/<name>.md,
 * and the local images it references are copied into the site's first static folder under
 * the path the post uses ("/images/x.jpg" → static/images/x.jpg), so the site shows them.
 *
 * Publishing sets draft to false (and, if asked, date to now with the local offset),
 * changing only those bytes. Errors (front matter that does not parse, no title, a date
 * Hugo cannot read, a missing local image, a broken or unknown shortcode) block; warnings
 * (a future date, raw HTML the site drops) ask. Pure functions over files; any thread.
 */
namespace publisher {

struct Options {
    QString targetSite;  // site root for a post outside a site; ignored for a post inside one
    QString section = QStringLiteral("posts");
    QString name;        // file base name without ".md"; empty: defaultName()
    bool setDate = false;
    QDateTime now = QDateTime::currentDateTime();
};

/// One image to copy into the target site.
struct ImageCopy {
    QString url;   // as written in the post
    QString from;  // the file found beside the draft
    QString to;    // where it goes in the site's static folder
    bool sameFileThere = false; // `to` already holds identical bytes: nothing to copy
};

struct Plan {
    QString sourcePath;     // the post's current path (empty for a never-saved post)
    QString targetPath;     // the file publish writes
    QString siteRoot;       // the site it is published into (empty: none found/chosen)
    bool inPlace = false;   // targetPath is sourcePath
    bool targetExists = false; // a file already exists at targetPath
    QByteArray oldBytes;    // the bytes at targetPath now (empty if none)
    QByteArray newBytes;    // the bytes publish will write
    Diagnostics problems;   // errors block; warnings ask
    QList<ImageCopy> images;

    bool hasErrors() const;
    bool hasWarnings() const;
    /// A file other than the post itself would be replaced: the writer must agree.
    bool overwritesAnotherFile() const { return targetExists && !inPlace; }
    /// Unified diff of the bytes that change at targetPath.
    QString diff() const;
};

/// "2026-11-29-my-first-post" from the post's date (else `now`) and slugify(title).
QString defaultName(const PostFile &post, const QDateTime &now);

/// Validates `post` (the editor's current state, loaded from `postPath` if that is not
/// empty) and prepares the write. Writes nothing.
Plan prepare(const PostFile &post, const QString &postPath, const Options &options);

/// Writes a prepared plan: the images (never replacing a different existing file), then
/// the post atomically. Refuses a plan with errors, a plan that would replace another post
/// unless `allowOverwrite`, and a target whose bytes changed since prepare() (another
/// program wrote it: prepare again). Returns the path written.
Result<QString> execute(const Plan &plan, bool allowOverwrite = false);

} // namespace publisher
} // namespace frontmark
