// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace frontmark {

/**
 * The preview profile's request filter (docs/decisions.md, decisions 5 and 9). Always refuses schemes
 * the preview has no business with (file:, ftp:, …); in offline mode it also refuses every
 * http(s)/ws(s) request, before any DNS lookup, and reports each one. allows() is the rule,
 * which the Images panel also asks before it fetches a thumbnail (issue #21). Runs on the UI
 * thread (Qt 6); owned by the PreviewWidget.
 */
class PreviewInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void setOffline(bool offline) { m_offline = offline; }
    bool isOffline() const { return m_offline; }

    /// Whether the preview lets a request for `url` through: its own scheme, data: and blob:
    /// always, http(s) and ws(s) only when not `offline`, nothing else (file:, ftp:, …) ever.
    static bool allows(const QUrl &url, bool offline);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

Q_SIGNALS:
    void requestBlocked(const QUrl &url);

private:
    bool m_offline = false;
};

} // namespace frontmark
