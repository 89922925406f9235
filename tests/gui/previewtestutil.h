// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the WebEngine GUI tests and bench_editor (docs/testing.md, "GUI tests without a display").

#include "../testfiles.h"
#include "guitestutil.h"
#include "preview/previewscheme.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QVariant>
#include <QWebEnginePage>

#include <memory>
#include <optional>

namespace frontmark::test {

/// Runs `script` in the page and waits for its value. The callback may fire after a failed
/// test has returned, so it owns its state.
inline std::optional<QVariant> runJs(QWebEnginePage *page, const QString &script, int timeoutMs = 10000)
{
    auto state = std::make_shared<std::optional<QVariant>>();
    page->runJavaScript(script, [state](const QVariant &v) { *state = v; });
    if (!QTest::qWaitFor([&] { return state->has_value(); }, timeoutMs))
        return std::nullopt;
    return *state;
}

/// For a Q_CONSTRUCTOR_FUNCTION in each WebEngine test or benchmark (it must run before the
/// QApplication exists, from the executable's own source; docs/decisions.md, "Qt WebEngine housekeeping"): headless when
/// there is no display, Chromium's sandbox off unless the caller chose, the preview's scheme
/// registered, QSettings in a test location.
inline void prepareWebEngineApp()
{
    useOffscreenWithoutDisplay();
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    registerPreviewScheme();
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace frontmark::test
