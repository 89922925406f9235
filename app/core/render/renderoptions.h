// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/value.h"
#include "site/site.h"

#include <QString>

namespace frontmark {

/// Which Hugo's markup to produce for built-in shortcodes.
enum class HugoVersion {
    V0_111,  // Hugo 0.111.x, what ../shared/corpus/expected/ holds
    Current, // current Hugo releases
};

/// Everything one render needs besides the body text. A value type; any thread.
struct RenderOptions {
    HugoVersion hugoVersion = HugoVersion::Current;
    Site site;                // markup settings, params, image folders
    QString postPath;         // for relative images, page bundles and diagnostics
    Value frontMatter;        // the page's front matter as a map, for {{< param >}}
    int bodyFirstLine = 1;    // file line of the body's first line, for located diagnostics
};

} // namespace frontmark
