// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/postfile.h"
#include "publish/publisher.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace frontmark {

class DiffView;
class MessageBar;
class SiteDestinationFields;

/**
 * File ▸ Publish: shows what publishing the editor's post would do (publisher::prepare) and
 * does it (publisher::execute) when the writer agrees.
 *
 * A post inside a Hugo site is published in place. For a post outside one the writer picks
 * the site folder (remembered in QSettings "publish/lastSite"), the section and the file
 * name, and the target path follows each edit. The dialog lists the problems (errors block
 * the Publish button, warnings turn it into "Publish Anyway"), the diff of the bytes that
 * will change and the images that will be copied. Replacing another existing file asks
 * first, defaulting to No.
 *
 * prepare() runs on QThreadPool::globalInstance(), again ~200 ms after each option change;
 * every request carries a generation number and results for older ones are dropped. The
 * worker shares only a QPromise with the dialog, so closing the dialog mid-prepare is safe.
 * execute() runs on the UI thread (one small write plus the image copies). A failed execute
 * shows its Error in a message bar and the dialog stays open with every choice kept; on
 * success the dialog is accepted and publishedPath() names the file written.
 *
 * Activating a problem (double-click or Enter) emits problemActivated() and then rejects the
 * dialog: the writer goes to fix the post, and publishes again afterwards. UI thread only.
 */
class PublishDialog : public QDialog
{
    Q_OBJECT
public:
    PublishDialog(const PostFile &post, const QString &postPath, const publisher::Options &initial,
                  QWidget *parent = nullptr);
    ~PublishDialog() override;

    /// The latest prepared plan (empty until the first one arrives).
    const publisher::Plan &plan() const { return m_plan; }
    bool hasPlan() const { return m_hasPlan; }
    /// True from an option change until the matching plan has arrived.
    bool isPreparing() const;
    /// The options the next (or current) prepare uses.
    publisher::Options options() const;
    /// True when the post is already in a site's content folder (no destination choices).
    bool publishesInPlace() const { return m_inPlace; }
    /// The path publish wrote; empty until the dialog is accepted.
    QString publishedPath() const { return m_publishedPath; }

    QString siteRoot() const;
    void setSiteRoot(const QString &root);
    QString section() const;
    void setSection(const QString &section);
    /// The file base name as typed (without ".md").
    QString fileName() const;
    void setFileName(const QString &name);
    bool setsDate() const;
    void setSetsDate(bool setDate);

    QPushButton *publishButton() const { return m_publishButton; }
    QTreeWidget *problemsView() const { return m_problems; }
    QTreeWidget *imagesView() const { return m_images; }
    DiffView *diffView() const { return m_diff; }

Q_SIGNALS:
    /// The writer asked to go to `diagnostic`'s place in the post.
    void problemActivated(const frontmark::Diagnostic &diagnostic);
    /// A plan for the current options arrived (plan() returns it).
    void planPrepared();

private:
    QWidget *createDestination();
    QWidget *createTabs();
    void schedulePrepare();
    void startPrepare();
    void applyPlan(quint64 generation, const publisher::Plan &plan);
    void updateTarget();
    void updateState();
    void publish();
    void activateProblem(QTreeWidgetItem *item);

    PostFile m_post;
    QString m_postPath;
    publisher::Options m_initial;
    bool m_inPlace = false;

    publisher::Plan m_plan;
    bool m_hasPlan = false;
    quint64 m_generation = 0;     // of the latest request
    quint64 m_planGeneration = 0; // of m_plan
    bool m_shownFirstPlan = false;
    int m_lastErrorCount = 0;
    QString m_publishedPath;
    QTimer *m_debounce;

    MessageBar *m_messageBar;
    SiteDestinationFields *m_fields = nullptr; // null when publishing in place
    QLabel *m_target;
    QCheckBox *m_setDate;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QStackedWidget *m_problemsStack;
    QTreeWidget *m_problems;
    DiffView *m_diff;
    QTreeWidget *m_images;
    QPushButton *m_publishButton;
};

} // namespace frontmark
