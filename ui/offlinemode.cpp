// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinemode.h"

#include "preferencesdialog.h"

namespace frontmark {

OfflineMode *OfflineMode::instance()
{
    // Not parented to the application: it is asked for before a window exists and lives as
    // long as the process, like the run it describes.
    static OfflineMode *const mode = [] {
        auto *created = new OfflineMode;
        created->start(false);
        return created;
    }();
    return mode;
}

void OfflineMode::start(bool forced)
{
    setOffline(forced || Preferences::load().offlineByDefault);
}

void OfflineMode::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    Q_EMIT offlineChanged(offline);
}

} // namespace frontmark
