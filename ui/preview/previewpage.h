// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWebEnginePage>

namespace frontmark {

/**
 * The preview's page: it never navigates away from the post's own page (docs/decisions.md, decision
 * 9). A link the writer clicks is handed to linkActivated() (preview.js already routes clicks
 * through the bridge; this is the safety net for anything else, e.g. a meta refresh), new
 * windows are refused, and console messages go to the log. UI thread.
 */
class PreviewPage : public QWebEnginePage
{
    Q_OBJECT
public:
    using QWebEnginePage::QWebEnginePage;

    /// The only URL the main frame may load.
    void setPageUrl(const QUrl &url) { m_pageUrl = url; }

Q_SIGNALS:
    void linkActivated(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceId) override;

private:
    QUrl m_pageUrl;
};

} // namespace frontmark
