#include "shortcodes.h"

// Placeholder: the implementation lands with issue #3 (helper in progress).

using namespace Qt::StringLiterals;

namespace frontmark {

QString ShortcodeCall::get(QStringView key) const
{
    for (const auto &[k, v] : named) {
        if (k == key)
            return v;
    }
    return {};
}

QString ShortcodeCall::get(qsizetype index) const
{
    return positional.value(index);
}

ShortcodeExpansion expandShortcodes(QStringView body, const ShortcodeContext &context)
{
    Q_UNUSED(context)
    ShortcodeExpansion out;
    out.markdown = body.toString();
    return out;
}

QString placeholderToken(qsizetype index)
{
    return u"FMSCPH%1X"_s.arg(index);
}

QList<ShortcodeCall> scanShortcodes(QStringView body, int bodyFirstLine)
{
    Q_UNUSED(body)
    Q_UNUSED(bodyFirstLine)
    return {};
}

} // namespace frontmark
