#include "logging.h"

namespace frontmark {
Q_LOGGING_CATEGORY(lcDocument, "frontmark.document", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPublish, "frontmark.publish", QtWarningMsg)
} // namespace frontmark
