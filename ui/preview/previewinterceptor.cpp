#include "previewinterceptor.h"

#include "previewscheme.h"

using namespace Qt::StringLiterals;

namespace frontmark {

void PreviewInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    const bool remote = scheme == u"https" || scheme == u"http" || scheme == u"wss" || scheme == u"ws";
    const bool ours = scheme == QStringView(PreviewScheme) || scheme == u"data" || scheme == u"blob";
    if (ours || (remote && !m_offline))
        return;
    info.block(true);
    Q_EMIT requestBlocked(info.requestUrl());
}

} // namespace frontmark
