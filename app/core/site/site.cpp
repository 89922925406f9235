#include "site.h"

// Placeholder: the implementation lands with issue #3 (helper in progress).

namespace frontmark {

Site Site::forPost(const QString &postPath)
{
    Q_UNUSED(postPath)
    return Site();
}

Result<Site> Site::load(const QString &rootDir)
{
    Q_UNUSED(rootDir)
    return Site();
}

Value Site::param(const QString &dottedKey) const
{
    Q_UNUSED(dottedKey)
    return {};
}

std::optional<QString> Site::resolveLocal(const QString &url, const QString &postPath) const
{
    Q_UNUSED(url)
    Q_UNUSED(postPath)
    return std::nullopt;
}

bool Site::isLocalUrl(const QString &url)
{
    Q_UNUSED(url)
    return false;
}

QString Site::permalinkPath(const QString &postPath, const Value &frontMatter) const
{
    Q_UNUSED(postPath)
    Q_UNUSED(frontMatter)
    return {};
}

std::optional<QString> Site::findContent(const QString &ref, const QString &fromPostPath) const
{
    Q_UNUSED(ref)
    Q_UNUSED(fromPostPath)
    return std::nullopt;
}

} // namespace frontmark
