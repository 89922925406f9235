#pragma once

#include "document/frontmatter.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;
class QTableWidgetItem;
class QTimer;
class QToolButton;

namespace frontmark {

class TokenEdit;

/**
 * The front matter form above the body editor: fields for the keys a writer edits every day
 * (title, date, description, tags, categories, draft, source_url, source_name), a "More fields"
 * table for every other key in file order, and a Raw toggle that swaps the fields for the
 * block's text.
 *
 * Every form edit goes through FrontMatter::setValue, so only that key's bytes change; raw edits
 * go through FrontMatter::setBytes. frontMatter() is always the current block, and
 * frontMatterEdited() follows each change made by the writer; filling the form (setFrontMatter)
 * emits nothing.
 *
 * Failure: an edit the core refuses (or text that does not read as the key's type, or a source
 * URL that is not an http(s) address) is not written; the field is marked and the message shown
 * in the form. A block that does not parse is shown in raw mode with the cursor on the error,
 * errorChanged() reports "line L, column C: message" (file lines), and the form refuses to leave
 * raw mode until the block parses. UI thread only; the form owns its child widgets and a copy of
 * the FrontMatter (implicitly shared, so the copy is cheap).
 */
class FrontMatterForm : public QWidget
{
    Q_OBJECT
public:
    explicit FrontMatterForm(QWidget *parent = nullptr);

    /// Fills the fields (or the raw editor, for a block that does not parse); emits nothing.
    void setFrontMatter(const FrontMatter &fm);
    /// The current block, with every form and raw edit patched in.
    const FrontMatter &frontMatter() const;
    /// Completion terms for "tags" or "categories" (most used first; see siteTerms()).
    void setTermSuggestions(const QString &key, const QStringList &terms);
    /// Switches to raw mode with the cursor at 1-based file `line` and `column` (0: unknown).
    void showRawEditor(int line = 0, int column = 0);
    bool isRawMode() const;

Q_SIGNALS:
    void frontMatterEdited();
    void errorChanged(const QString &locatedMessage);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildFields(QWidget *page);
    QString keyFor(const QString &canonical) const;
    void fillFields();
    void fillDate(const QString &key);
    void fillOtherKeys();
    void fillRaw();
    void showDate();
    void placeRawCursor(int line, int column);
    void markRow(int row, const QString &error);
    void setFieldEditable(QWidget *field, bool editable, const QString &why);
    void markField(QWidget *field, const QString &error);
    void updateMessage();
    Status apply(const QString &key, const Value &value);
    QString locate(const Error &error) const;

    void onTextFieldEdited(const QString &canonical, QWidget *field, const QString &text);
    void onSourceUrlEdited(const QString &text);
    void onTermsEdited(const QString &canonical, TokenEdit *field, const QStringList &tokens);
    void onDraftToggled(bool checked);
    void onDateEdited();
    void onTableItemChanged(QTableWidgetItem *item);
    void onRawToggled(bool raw);
    void onRawEdited();
    void reportError();

    FrontMatter m_fm;
    bool m_filling = false;
    bool m_autoRaw = false;           // raw mode was opened because the block did not parse
    QString m_reportedError;          // what errorChanged() last said (or setFrontMatter found)
    QByteArray m_rawEol = "\n";       // line ending the raw text is written back with
    std::optional<DateTimeValue> m_date; // the date the date field shows; nullopt when absent
    bool m_dateShowsNow = false;      // an absent date, showing "now" while the field has focus
    QHash<QWidget *, QString> m_baseToolTips;
    QHash<QWidget *, QString> m_fieldErrors;

    QToolButton *m_rawToggle = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_fieldsPage = nullptr;
    QLineEdit *m_title = nullptr;
    QDateTimeEdit *m_dateEdit = nullptr;
    QLabel *m_dateOffset = nullptr;
    QPlainTextEdit *m_description = nullptr;
    TokenEdit *m_tags = nullptr;
    TokenEdit *m_categories = nullptr;
    QCheckBox *m_draft = nullptr;
    QLineEdit *m_sourceUrl = nullptr;
    QLineEdit *m_sourceName = nullptr;
    QTableWidget *m_otherKeys = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTimer *m_errorTimer = nullptr;
};

} // namespace frontmark
