// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewpage.h"

#include "uilog.h"

namespace frontmark {

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (!isMainFrame)
        return true; // embedded players navigate inside their own frames; CSP limits which
    if (url.adjusted(QUrl::RemoveFragment) == m_pageUrl.adjusted(QUrl::RemoveFragment)
        && (type == NavigationTypeTyped || type == NavigationTypeReload || type == NavigationTypeOther))
        return true;
    if (type == NavigationTypeLinkClicked)
        Q_EMIT linkActivated(url);
    qCInfo(lcPreview) << "preview: refused navigation to" << url;
    return false;
}

QWebEnginePage *PreviewPage::createWindow(WebWindowType)
{
    return nullptr;
}

void PreviewPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                           int lineNumber, const QString &sourceId)
{
    if (level == ErrorMessageLevel)
        qCWarning(lcPreview).noquote() << sourceId << lineNumber << message;
    else
        qCDebug(lcPreview).noquote() << sourceId << lineNumber << message;
}

} // namespace frontmark
