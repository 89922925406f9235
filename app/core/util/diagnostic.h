// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace frontmark {

/// One problem found in a post, located for `file:line:column: message` output and for the
/// editor's problems list. Lines and columns are 1-based; 0 means unknown.
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString message;
    QString file;
    int line = 0;
    int column = 0;
    /// A stable name for problems a caller acts on ("unknown-shortcode", "missing-image");
    /// empty for most.
    QString code;
    /// What the code is about: the shortcode's name, the image's URL.
    QString subject;

    bool isError() const { return severity == Severity::Error; }
    /// "file:line:column: error: message" (or "warning:"), like a compiler.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

} // namespace frontmark
