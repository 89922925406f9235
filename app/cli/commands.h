// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/postfile.h"
#include "render/renderoptions.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace frontmark::cli {

/// Exit codes shared by every command (issue #21: one contract, written in --help):
/// 0 clean (warnings allowed); 1 problems found in a post (an error, or a post that does not
/// parse); 2 could not run (bad usage, a file that cannot be read, a site that does not load).
enum ExitCode { Clean = 0, Problems = 1, CouldNotRun = 2 };

/// The exit code for a post that did not load: CouldNotRun when it could not be read (I/O:
/// missing, a folder, no permission, a symlink loop), Problems when its content is the problem.
int exitCodeFor(const Error &loadError);

/// For a command that did its work on a loaded post: Problems (after printing the located
/// error to `err`) when the post's front matter does not parse, else Clean.
int frontMatterStatus(const QString &file, const PostFile &post, QTextStream &err);

/**
 * The `frontmark-cli` commands. Each takes its own arguments (after the command name),
 * writes results to `out` and messages to `err`, and returns an ExitCode. No global state,
 * so tests can call them directly.
 */
int check(const QStringList &args, QTextStream &out, QTextStream &err);
int get(const QStringList &args, QTextStream &out, QTextStream &err);
int set(const QStringList &args, QTextStream &out, QTextStream &err);
int render(const QStringList &args, QTextStream &out, QTextStream &err);
/// `new TITLE --site DIR [--section posts] [--name NAME]` (newcommand.cpp).
int newPost(const QStringList &args, QTextStream &out, QTextStream &err);
/// `publish FILE [--site DIR] [--section S] [--name NAME] [--set-date] [--yes] [--dry-run]` (publishcommand.cpp).
int publish(const QStringList &args, QTextStream &out, QTextStream &err);

/// `images FILE [--site DIR] [--json]`: the post's images and captions (imagescommand.cpp).
int images(const QStringList &args, QTextStream &out, QTextStream &err);

/// The render options for `post` read from `file`: the site in `siteDir`, or (empty) the one
/// the file is in. Prints the site's error to `err` and returns nothing if it does not load.
std::optional<RenderOptions> renderOptionsFor(const QString &file, const PostFile &post, const QString &siteDir,
                                              QTextStream &err);

/// Dispatches `args` (argv without the program name) to a command.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace frontmark::cli
