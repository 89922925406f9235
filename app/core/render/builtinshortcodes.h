// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the shortcode pass (shortcodes.cpp): Hugo's built-in shortcodes and the
// html/template escaping they go through. Not part of frontmark_core's public headers.

#include "render/shortcodes.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace frontmark::shortcodes {

/// One argument as Hugo's page lexer read it: `key` is empty for a positional argument;
/// `quoted` says it was written "…" or `…`, which keeps Hugo from typing it as a number
/// or a boolean.
struct Argument {
    QString key;
    QString value;
    bool quoted = false;
};

/**
 * One call as a template sees it (Hugo's ShortcodeWithPage without the page): name,
 * arguments and where it was written. `get` mirrors `.Get`: a name on a positional call
 * and an index on a named call both give nothing. A plain value; any thread.
 */
struct Call {
    QString name;
    bool markdownNotation = false; // {{% … %}}
    QList<Argument> arguments;
    QString indentation;           // spaces/tabs before "{{" when nothing else precedes it
    QString argumentText;          // the arguments as written, for labels
    int line = 0;
    int column = 0;

    bool isNamed() const;
    qsizetype positionalCount() const;
    /// The argument `.Get key` returns (the last one written, like Hugo's map), or null.
    const Argument *get(QStringView key) const;
    const Argument *get(qsizetype index) const;
};

/// What the pass knows about a shortcode name for one Hugo version.
struct BuiltinSpec {
    bool builtin = false;   // Hugo ships a template with this name
    bool usesInner = false; // that template reads .Inner, so Hugo requires a closing tag
    bool previewable = true; // false: it needs what the preview lacks (qr writes an image)
};

BuiltinSpec builtinSpec(QStringView name, HugoVersion version);

/// Where built-ins report problems; caps the list so garbage input cannot flood it.
class Reporter
{
public:
    explicit Reporter(QString file) : m_file(std::move(file)) {}
    void report(Diagnostic::Severity severity, const QString &message, int line, int column);
    /// Tags the last problem reported (see Diagnostic::code).
    void tagLast(const QString &code, const QString &subject);
    Diagnostics take() { return std::move(m_diagnostics); }

private:
    QString m_file;
    Diagnostics m_diagnostics;
    bool m_truncated = false;
};

/// Everything a built-in needs besides its call.
struct BuiltinEnv {
    const RenderOptions &options;
    const ShortcodeContext &context;
    Reporter &reporter;

    /// context.markdownify, or escaped text when the renderer gave none.
    QString markdownify(const QString &markdown, bool inlineOnly) const;
};

/// Hugo's output for built-in `call` (builtinSpec(call.name).builtin must hold). `inner` is
/// Hugo's .Inner: the text between the tags with nested calls already rendered.
QString renderBuiltin(const Call &call, const QString &inner, const BuiltinEnv &env);

/// Go html/template's escaper for text and quoted attribute values (& < > " ' + NUL).
QString htmlEscape(QStringView text);

} // namespace frontmark::shortcodes
