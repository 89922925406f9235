// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "site/site.h"

#include <QObject>
#include <QString>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace frontmark {

/**
 * The "where does the post go" rows that NewPostDialog and PublishDialog share: the Hugo site
 * folder with a Choose… button and its error under it, an editable Section combo filled from
 * the site's content folders ("posts" always offered), and the file name + ".md" with its
 * error under it.
 *
 * The rows go into the caller's QFormLayout, so they line up with the dialog's own rows. The
 * widgets belong to `parent`; this object is a child of `parent` too and only keeps pointers.
 * Nothing here looks at the disk until checkSite(), which loads the typed folder with
 * Site::load and shows why it cannot be used under the field. Problems never throw or block:
 * siteProblem() and nameProblem() say what is wrong, and the dialog decides what that
 * disables. lastSite()/rememberSite() keep the last usable site in QSettings
 * "publish/lastSite". UI thread only.
 */
class SiteDestinationFields : public QObject
{
    Q_OBJECT
public:
    SiteDestinationFields(QFormLayout *form, QWidget *parent);
    ~SiteDestinationFields() override;

    /// The folder as typed, cleaned, in '/' separators; empty when nothing is typed.
    QString siteRoot() const;
    /// Sets the text only: checkSite() looks at the folder.
    void setSiteRoot(const QString &root);
    /// Loads the typed folder unless it is the one checked last; true when it looked again.
    bool checkSite();
    bool isSiteValid() const { return m_siteOk; }
    /// The site checkSite() loaded; a default Site while !isSiteValid().
    const Site &site() const { return m_site; }
    /// Why the checked folder cannot be used; empty when it can or nothing is typed.
    QString siteProblem() const { return m_siteProblem; }
    /// Also shows a loaded site's configuration error under the field (it does not block).
    void setShowsConfigError(bool show) { m_showsConfigError = show; }

    QString section() const;
    void setSection(const QString &section);

    /// The file name as typed, trimmed.
    QString fileName() const;
    /// fileName() without a ".md" the writer typed (the rows add it).
    QString baseName() const;
    void setFileName(const QString &name);
    /// Sets the name without emitting nameChanged(): for a name the dialog suggests.
    void suggestFileName(const QString &name);
    void setNamePlaceholder(const QString &text);
    /// Why baseName() cannot be one file's name; empty when it can.
    QString nameProblem() const;
    /// Shows nameProblem() under the name field; true when there is none.
    bool validateName();

    /// The site folder last published or created into; empty if none.
    static QString lastSite();
    static void rememberSite(const QString &root);
    /// Red text readable on light and dark windows; `on` false restores the palette's colour.
    static void setErrorStyle(QLabel *label, bool on);

Q_SIGNALS:
    void siteTextChanged();
    /// The writer picked a folder with Choose… (siteRoot() names it; not checked yet).
    void siteChosen();
    void sectionChanged();
    void nameChanged();
    /// The writer typed in the name field (setFileName() does not emit this).
    void nameEdited(const QString &text);

private:
    void chooseSite();
    void fillSections();

    Site m_site;
    bool m_siteOk = false;
    bool m_showsConfigError = false;
    QString m_checkedSite; // the folder checkSite() last looked at; null before the first
    QString m_siteProblem;

    QLineEdit *m_siteEdit;
    QLabel *m_siteError;
    QComboBox *m_section;
    QLineEdit *m_name;
    QLabel *m_nameError;
};

} // namespace frontmark
