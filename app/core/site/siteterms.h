// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "site.h"

#include <QString>
#include <QStringList>

namespace frontmark {

/**
 * The taxonomy terms a site already uses under front matter key `key` ("tags", "categories"),
 * for the form's completion: every .md/.markdown/.html file under site.contentDir() (recursively,
 * hidden files and symlinked folders skipped) is loaded with PostFile and `key` read from its
 * front matter, as a list of scalars or a single string. Keys match case-insensitively, as Hugo's do.
 *
 * Returns the distinct terms, most used first (a post counts once per term), ties in
 * case-insensitive alphabetical order. Terms that differ only in case are one term, as in Hugo's
 * taxonomy pages; it is spelled the way most posts spell it. Terms are trimmed; empty ones dropped.
 *
 * Cannot fail: unreadable files and broken front matter are skipped silently, a site without a
 * content folder gives an empty list. Pure apart from reading files; any thread (meant for a worker,
 * since it reads every post of the site).
 */
QStringList siteTerms(const Site &site, const QString &key);

} // namespace frontmark
