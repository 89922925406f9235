#pragma once

#include "document/postfile.h"
#include "render/renderoptions.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace frontmark::cli {

/// Exit codes shared by every command.
enum ExitCode { Clean = 0, Problems = 1, CouldNotRun = 2 };

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
