// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

namespace frontmark {
Q_LOGGING_CATEGORY(lcDocument, "frontmark.document", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPublish, "frontmark.publish", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRender, "frontmark.render", QtWarningMsg)
} // namespace frontmark
