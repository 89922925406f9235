// SPDX-License-Identifier: GPL-3.0-or-later
#include "previewinterceptor.h"

#include "previewscheme.h"

using namespace Qt::StringLiterals;

namespace frontmark {

bool PreviewInterceptor::allows(const QUrl &url, bool offline)
{
    const QString scheme = url.scheme();
    const bool remote = scheme == u"https" || scheme == u"http" || scheme == u"wss" || scheme == u"ws";
    const bool ours = scheme == QStringView(PreviewScheme) || scheme == u"data" || scheme == u"blob";
    return ours || (remote && !offline);
}

void PreviewInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (allows(info.requestUrl(), m_offline))
        return;
    info.block(true);
    Q_EMIT requestBlocked(info.requestUrl());
}

} // namespace frontmark
