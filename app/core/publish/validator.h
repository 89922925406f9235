#pragma once

#include "diagnostic.h"

#include <QDateTime>

namespace frontmark {

class PostFile;

/**
 * Checks a post the way Hugo will read it, before it is published: the front matter
 * parses, and the keys Hugo interprets have values it accepts (title a string, dates
 * parsable, draft a boolean, tags and categories a list or a string). Hugo matches front
 * matter keys case-insensitively, and so does the validator. Warnings are for posts Hugo
 * reads but will not publish as the writer may expect (a future date, an expired post).
 *
 * Pure functions; any thread. `now` is a parameter so tests control the clock.
 */
namespace validator {

Diagnostics checkPost(const PostFile &post, const QDateTime &now = QDateTime::currentDateTime());

/// Loads `path` and checks it; a file that cannot be loaded gives one error diagnostic.
Diagnostics checkFile(const QString &path, const QDateTime &now = QDateTime::currentDateTime());

} // namespace validator
} // namespace frontmark
