// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

#include <optional>

namespace frontmark {

/**
 * Where a file named from content may land. Every write the app makes under a name it found in
 * a post, a dialog or a pattern (an image copied by Publish, an imported image, a new post from
 * an archetype, `--section` and `--name`, a recovery copy) asks this function first, so a name
 * can never put a file outside the folder it belongs in (issue #21).
 *
 * confinedPath(folder, relative) returns the absolute path of `relative` below `folder`:
 * '/'-separated segments, "." and empty segments dropped, ".." taking one segment back. It is
 * refused (Kind::Invalid, the message quoting `relative` and saying it leaves the folder, `file`
 * the folder) when
 * - `relative` is empty or absolute, or holds a NUL, a backslash or a ".." that climbs above
 *   `folder` (checked after normalisation: "a/../b" is "b", "../x" and "a/../../x" leave);
 * - a folder on the way, or the target itself, exists and is a symbolic link whose target
 *   lies outside `folder` (the deepest existing path is resolved with canonicalFilePath()
 *   and must stay inside the canonical `folder`); a link that stays inside is followed.
 * `folder` need not exist yet (a new static/ folder): then its deepest existing ancestor is
 * resolved instead. Percent-encoding is the caller's business: decode a URL before asking.
 *
 * The check and the write are two steps: a folder swapped for a symlink between them is not
 * caught here (writers create missing folders with mkdir, which never follows a new link).
 * Pure apart from reading the file system; any thread.
 */
Result<QString> confinedPath(const QString &folder, const QString &relative);

/// The path of `url` ("/images/x.jpg", "x.jpg", "../a.png", "%2e%2e/b.png") as a browser
/// resolves it on the page at `pagePath` ("/posts/slug/"): query and fragment removed,
/// percent-encoding decoded, "." and ".." applied. nullopt when a ".." climbs above the site's
/// root ("/../x", "../../../x" from "/posts/slug/"): a browser would clamp it, a file copy or
/// a server would not, and either way it names something outside the site. Only meaningful for
/// local URLs (no scheme, not protocol-relative). The result starts with "/".
std::optional<QString> siteUrlPath(const QString &url, const QString &pagePath);

} // namespace frontmark
