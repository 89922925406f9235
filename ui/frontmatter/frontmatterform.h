// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/frontmatter.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QFormLayout;
class QHBoxLayout;
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
 *
 * A language change (issue #7) says every text again from what the form keeps (its notes and
 * errors are kept as their parts, not as text); no value changes and nothing is emitted, not
 * even errorChanged(). Messages the core wrote keep the language they were written in.
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
    void changeEvent(QEvent *event) override;

private:
    // What a field's tool tip or the form's message says, kept as its parts so that a language
    // change can say it again.
    struct Note {
        enum class Kind {
            None,          // nothing to say (a field: its default tool tip)
            NoFrontMatter, // the post has no front matter block
            WrongType,     // `key` holds `type`, which the field cannot show
            NotRewritable, // `key` is written in a form the core cannot patch
            CoreError,     // `error`, refused by the core or not parsed
            NotWebUrl,     // the source URL is not an http(s) address
            KeyExists,     // a new row names `key`, which the block already has
        };
        Kind kind = Kind::None;
        QString key;
        Value::Type type = Value::Type::Null;
        Error error;
    };

    void retranslateUi();
    QString noteText(const Note &note) const;
    QString defaultToolTip(const QWidget *field) const;
    void showToolTip(QWidget *field);
    void showFormat();
    void showDateOffset();
    void showRowToolTips(int row, bool spareEditor = false);
    void buildFields(QWidget *page);
    QString keyFor(const QString &canonical) const;
    void fillFields();
    void fillRaw();
    void fitTableHeight();
    void showDate();
    void placeRawCursor(int line, int column);
    void markRow(int row, const Note &error);
    void setFieldEditable(QWidget *field, bool editable, const Note &why);
    void markField(QWidget *field, const Note &error);
    void updateMessage();
    void showMessage();
    Status apply(const QString &key, const Value &value);
    static Note refusal(const Status &status);
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
    std::optional<Error> m_reportedError; // what errorChanged() last said (or setFrontMatter found)
    bool m_leaveRefused = false;      // the message says why the form stayed in raw mode
    QByteArray m_rawEol = "\n";       // line ending the raw text is written back with
    std::optional<DateTimeValue> m_date; // the date the date field shows; nullopt when absent
    bool m_dateShowsNow = false;      // an absent date, showing "now" while the field has focus
    QHash<QWidget *, Note> m_baseNotes;  // why a field is read-only (Kind::None: it is not)
    QHash<QWidget *, Note> m_fieldErrors;
    QHash<int, Note> m_rowErrors;        // "More fields" rows whose last edit was refused

    QToolButton *m_rawToggle = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_fieldsPage = nullptr;
    QFormLayout *m_fields = nullptr;
    QHBoxLayout *m_dateRow = nullptr;   // the date field and its offset label
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
