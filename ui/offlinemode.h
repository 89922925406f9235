// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace frontmark {

/**
 * Whether this run of Frontmark stays off the network (issue #21): the one answer every
 * window's preview and Images panel follow, so `frontmark --offline a.md b.md` keeps both
 * windows offline, and so do windows opened later (recovered posts) and every New, Open or
 * recent file in any of them.
 *
 * The run starts offline when --offline is given or the preference "Start with the offline
 * preview" is set (start()). View ▸ Offline Preview in any window switches the whole run and
 * every window's toggle follows at once: a writer who takes the preview offline (a metered
 * or captive network, a post not to be leaked early) means all of Frontmark, not the window
 * that happened to have focus. Choosing it there, or changing the preference, is remembered
 * for the next start; --offline is for this run only and is never saved.
 *
 * One per process (instance(), created on first use). UI thread only. Cannot fail.
 */
class OfflineMode : public QObject
{
    Q_OBJECT
public:
    /// The run's mode; the first call reads the preference, as start(false) does.
    static OfflineMode *instance();

    /// Starts the run's mode over: offline when `forced` (--offline) or when the preference
    /// says so. main() calls it before the first window exists. Saves nothing.
    void start(bool forced);
    bool isOffline() const { return m_offline; }
    /// Switches every window (offlineChanged()). Saves nothing: whoever remembers the choice
    /// for the next start writes the preference.
    void setOffline(bool offline);

Q_SIGNALS:
    void offlineChanged(bool offline);

private:
    OfflineMode() = default;

    bool m_offline = false;
};

} // namespace frontmark
