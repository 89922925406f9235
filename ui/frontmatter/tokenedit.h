// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace frontmark {

/**
 * A one-line editor for a list of terms (tags, categories) written as comma-separated text:
 * "台灣, 半導體, AI". ASCII ',', fullwidth '，' and ideographic '、' all separate terms, so a
 * writer need not leave the input method. Terms are trimmed; empty ones and repeats (the first
 * spelling is kept) are dropped.
 *
 * setSuggestions() offers the site's known terms: the completer completes only the term under
 * the cursor and, when one is chosen, replaces just that term. tokensEdited() is emitted when
 * editing finishes (Return, focus loss) and the list differs from the last one set or emitted;
 * setTokens() emits nothing. Cannot fail. UI thread only; owns its completer and model.
 * A language change (issue #7) replaces the placeholder only: the text and terms stay.
 */
class TokenEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit TokenEdit(QWidget *parent = nullptr);

    QStringList tokens() const;
    /// Shows `tokens` (normalised as parseTokens() would) and makes them the unchanged state.
    void setTokens(const QStringList &tokens);
    /// Terms offered for completion, in the order to offer them (most used first).
    void setSuggestions(const QStringList &suggestions);
    QStringList suggestions() const { return m_suggestions; }

    /// Splits `text` at ',', '，' and '、', trims, drops empty terms and repeats.
    static QStringList parseTokens(const QString &text);
    /// The text setTokens() shows for `tokens`.
    static QString joinTokens(const QStringList &tokens);

Q_SIGNALS:
    void tokensEdited(const QStringList &tokens);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    struct Span {
        qsizetype start = 0; // first character of the term under the cursor (after its separator)
        qsizetype end = 0;   // its separator after it, or the end of the text
    };
    Span currentSpan() const;
    void onTextEdited();
    void onCompletionActivated(const QString &term);
    void onEditingFinished();

    QCompleter *m_completer = nullptr;
    QStringListModel *m_model = nullptr;
    QStringList m_suggestions;
    QStringList m_lastTokens;
};

} // namespace frontmark
