// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace frontmark {

/**
 * The object the preview page sees as `bridge` over QWebChannel. Signals ending in
 * "Requested" go to the page (preview.js); the slots are called by the page and re-emitted
 * as C++ signals. Revisions travel as doubles (exact up to 2^53). UI thread; owned by the
 * PreviewWidget.
 */
class PreviewBridge : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    // To the page.
    void resetRequested(double revision, const QStringList &blocks);
    void patchRequested(double revision, int keepBefore, int removed, const QStringList &inserted);
    void scrollRequested(int blockIndex, double fraction);
    void revealRequested(int blockIndex);
    void themeRequested(const QString &theme);
    void imageRequested(int blockIndex, int nth);
    /// The page's own labels (JSON, as PreviewSchemeHandler::pageStrings()) and the blocks on
    /// screen: the page builds the blocks that show a label (cards, missing images) again.
    void stringsRequested(const QString &json, const QStringList &blocks);

    // From the page.
    void ready();
    void applied(quint64 revision);
    void clicked(int blockIndex, double fraction);
    void scrolled(int blockIndex, double fraction);
    void linkActivated(const QString &url);
    void imageClicked(int blockIndex, int nth);

public Q_SLOTS:
    void pageReady() { Q_EMIT ready(); }
    void patchApplied(double revision) { Q_EMIT applied(static_cast<quint64>(revision)); }
    void reportClick(int blockIndex, double fraction) { Q_EMIT clicked(blockIndex, fraction); }
    void reportScroll(int blockIndex, double fraction) { Q_EMIT scrolled(blockIndex, fraction); }
    void openLink(const QString &url) { Q_EMIT linkActivated(url); }
    void reportImageClick(int blockIndex, int nth) { Q_EMIT imageClicked(blockIndex, nth); }
};

} // namespace frontmark
