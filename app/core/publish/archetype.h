// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace frontmark {

class Site;

/**
 * New posts from a Hugo site's archetypes, as `hugo new <section>/<name>.md` makes them.
 *
 * The archetype is the one Hugo 0.111 picks: archetypes/<kind>.md (kind: the section's first
 * folder) in the site, then in each theme; then default.md in the site, then in each theme;
 * then Hugo's built-in default. The template expressions Hugo's default archetypes use are
 * evaluated: {{ .Date }} (RFC 3339 with the local offset, "Z" for UTC, as Go prints it),
 * {{ .Name }}, {{ .File.ContentBaseName }} (and the other .File names), {{ .Section }},
 * {{ .Type }}, {{ .Site.Title }}, string literals, and the pipeline functions replace, title,
 * humanize, lower, upper, urlize, trim; "{{- -}}" trim markers, comments and shortcodes too.
 * Anything else is refused with the archetype's file:line:column (Error::Kind::Unsupported)
 * rather than written half-expanded. Pure functions except create(), which writes; any thread.
 */
namespace archetype {

struct NewPost {
    QString title;                 // as the writer typed it
    QString section = QStringLiteral("posts");
    QString name;                  // file base name without ".md"; empty: slugify(title)
    QDateTime now = QDateTime::currentDateTime();
};

/// The archetype file Hugo would use for `section` (empty: Hugo's built-in default).
QString findArchetype(const Site &site, const QString &section);

/// Expands `templateText` (from `templatePath`, for error locations) for `post`.
Result<QByteArray> expand(const QByteArray &templateText, const QString &templatePath, const Site &site,
                          const NewPost &post);

/// The path the post will be written to: <contentDir>/<section>/<name>.md.
QString targetPath(const Site &site, const NewPost &post);

/// Expands the archetype and writes the new post atomically (writeFileAtomically), creating
/// missing folders. Refuses to overwrite an existing file (Error::Kind::Invalid naming it)
/// and a name or section that would leave the content folder. Returns the path written. If
/// the expanded front matter has a title that differs from post.title, the title is set to
/// post.title (only those bytes change; for titles whose slug reads back the same, Hugo and
/// we agree).
Result<QString> create(const Site &site, const NewPost &post);

} // namespace archetype
} // namespace frontmark
