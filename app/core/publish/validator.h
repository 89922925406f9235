// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QDateTime>

namespace frontmark {

class PostFile;
class Site;
struct RenderOptions;

/**
 * Checks a post the way Hugo will read it, before it is published: the front matter
 * parses, and the keys Hugo interprets have values it accepts (title a string, dates
 * parsable, draft a boolean, tags and categories a list or a string). Hugo matches front
 * matter keys case-insensitively, and so does the validator. Warnings are for posts Hugo
 * reads but will not publish as the writer may expect (a future date, an expired post, no
 * date, build.render never).
 *
 * The one validation (issue #21): `frontmark-cli check` calls checkDocument(); the Problems
 * panel puts together the same three parts from its workers' results (checkPost, the render's
 * diagnostics through reviewRender, imageProblems of the image list); Publish calls
 * checkPost and reviewRender on the bytes it will write and judges images against the target
 * site. So a rule is written once and every caller reports it the same way.
 *
 * Pure functions; any thread. `now` is a parameter so tests control the clock.
 */
namespace validator {

/// The front matter's problems; also "no front matter" and "no title" (errors, which
/// Publish refuses; codes "no-front-matter", "no-title") and "no date" (a warning, "no-date").
Diagnostics checkPost(const PostFile &post, const QDateTime &now = QDateTime::currentDateTime());

/// The renderer's diagnostics as Publish judges them: a missing image is an error, and so is
/// a shortcode that neither the site nor its themes have a template for (dropped when one has).
Diagnostics reviewRender(const Diagnostics &rendered, const Site &site);

/// Everything `check` reports for `post`: checkPost, the body rendered with `options` and
/// reviewed, and imageProblems() of its images (paths that leave the site, merged captions).
/// Sorted by line. Renders the body: not for the UI thread on large posts.
Diagnostics checkDocument(const PostFile &post, const RenderOptions &options,
                          const QDateTime &now = QDateTime::currentDateTime());

/// Loads `path` and checks it; a file that cannot be loaded gives one error diagnostic.
Diagnostics checkFile(const QString &path, const QDateTime &now = QDateTime::currentDateTime());

} // namespace validator
} // namespace frontmark
