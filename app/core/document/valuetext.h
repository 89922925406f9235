// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"
#include "util/result.h"

#include <optional>

namespace frontmark {

/**
 * Reads a value a writer or a script typed as text (`frontmark-cli set`, the form's
 * "other keys" table). With `like`, the text must read as that type ("true" for a
 * boolean, a date or "now" for a date, a JSON list or comma-separated terms for a list); without
 * it the type is inferred: true/false, integers, decimals, dates, JSON lists and objects,
 * and otherwise text. Pure; any thread.
 */
Result<Value> parseValueText(const QString &text, std::optional<Value::Type> like = std::nullopt);

} // namespace frontmark
