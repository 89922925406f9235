// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace frontmark {

class MessageBar;
class SiteDestinationFields;

/**
 * File ▸ New Post: asks for a title, the Hugo site, the section and the file name, and
 * creates the post from the site's archetype (archetype::create) as `hugo new` would.
 *
 * The site folder is checked with Site::load and its error shown under the field; the
 * section list comes from the site's content folders ("posts" by default); the file name
 * follows slugify(title) until the writer edits it. "Will create: …" shows the path, in red
 * with Create disabled when that file already exists. A failed create shows its Error in a
 * message bar and the dialog stays open; on success it is accepted and createdPath() names
 * the new file. UI thread; the archetype is expanded and written on the UI thread (one
 * small file).
 */
class NewPostDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewPostDialog(const QString &initialSiteRoot, QWidget *parent = nullptr);
    ~NewPostDialog() override;

    /// The file created; empty until the dialog is accepted.
    QString createdPath() const { return m_createdPath; }

    QString title() const;
    void setTitle(const QString &title);
    QString siteRoot() const;
    /// Sets the site folder and checks it at once (typing waits for a pause).
    void setSiteRoot(const QString &root);
    bool isSiteValid() const;
    QString section() const;
    void setSection(const QString &section);
    /// The file base name (without ".md").
    QString fileName() const;
    void setFileName(const QString &name);
    /// The path Create would write; empty while the site or the name is not usable.
    QString targetPath() const;

    QPushButton *createButton() const { return m_createButton; }

    /// Creates the post; the dialog closes only if that worked.
    void accept() override;

private:
    void checkSite();
    void titleChanged();
    void refresh();

    bool m_nameEdited = false;
    QString m_createdPath;

    MessageBar *m_messageBar;
    QFormLayout *m_form;
    QLineEdit *m_title;
    SiteDestinationFields *m_fields;
    QTimer *m_siteTimer;
    QLabel *m_target;
    QPushButton *m_createButton;
};

} // namespace frontmark
