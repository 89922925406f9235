// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace frontmark::text {

/**
 * A file-name/URL slug from a post title, the way Hugo's `urlize` makes one: lower case,
 * spaces and runs of separators to one "-", punctuation (ASCII and CJK full-width) dropped,
 * letters of every script kept (so a Chinese title keeps its Han characters: Hugo serves
 * such URLs as they are). Never empty: a title with nothing usable gives "untitled".
 * At most 200 bytes of UTF-8, so "<slug>.md" stays a valid file name for long CJK titles.
 */
QString slugify(const QString &title);

/// Hugo's `titleCaseStyle` setting: AP (the default), Chicago, or Go's strings.Title.
enum class TitleCaseStyle { Ap, Chicago, Go };

/// The style a `titleCaseStyle` config value names, case-insensitively, as Hugo 0.111 reads
/// it: "chicago", "go", anything else AP.
TitleCaseStyle titleCaseStyleFromName(const QString &name);

/// Hugo's `title` template function with its default AP style ("the lord of the rings" →
/// "The Lord of the Rings"); text without cased letters comes back unchanged.
QString hugoTitle(const QString &text);
/// Hugo's `title` with the site's titleCaseStyle.
QString hugoTitle(const QString &text, TitleCaseStyle style);

/// Hugo's `humanize`: "my-first-post" → "My first post".
QString hugoHumanize(const QString &text);

/// Hugo's `lower` and `upper` (Go's strings.ToLower/ToUpper: one character at a time, so
/// "ß" stays "ß" where QString::toUpper gives "SS").
QString hugoLower(const QString &text);
QString hugoUpper(const QString &text);

/// Hugo's `urlize`: "Hello World 人" → "hello-world-%E4%BA%BA" (non-ASCII percent-encoded).
QString hugoUrlize(const QString &text);

} // namespace frontmark::text
