// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QSet>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

// ASCII comma, fullwidth comma (U+FF0C) and ideographic comma (U+3001): what Chinese and
// Japanese input methods type for "and the next one".
bool isSeparator(QChar c)
{
    return c == u',' || c == u'\uFF0C' || c == u'\u3001';
}

} // namespace

TokenEdit::TokenEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this))
{
    // Not QLineEdit::setCompleter(): that one completes the whole text, not the last term.
    m_completer->setModel(m_model);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Contains, not prefix: a writer typing "導體" should be offered "半導體".
    m_completer->setFilterMode(Qt::MatchContains);
    retranslateUi();

    connect(this, &QLineEdit::textEdited, this, &TokenEdit::onTextEdited);
    connect(this, &QLineEdit::editingFinished, this, &TokenEdit::onEditingFinished);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &TokenEdit::onCompletionActivated);
}

void TokenEdit::changeEvent(QEvent *event)
{
    // Issue #7: the interface language changes without a restart.
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLineEdit::changeEvent(event);
}

void TokenEdit::retranslateUi()
{
    setPlaceholderText(tr("term, term, …"));
}

QStringList TokenEdit::parseTokens(const QString &text)
{
    QStringList out;
    QSet<QString> seen;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !isSeparator(text[i]))
            continue;
        const QString term = text.mid(start, i - start).trimmed();
        start = i + 1;
        if (term.isEmpty() || seen.contains(term))
            continue;
        seen.insert(term);
        out.append(term);
    }
    return out;
}

QString TokenEdit::joinTokens(const QStringList &tokens)
{
    return tokens.join(u", "_s);
}

QStringList TokenEdit::tokens() const
{
    return parseTokens(text());
}

void TokenEdit::setTokens(const QStringList &tokens)
{
    m_lastTokens = parseTokens(tokens.join(u','));
    setText(joinTokens(m_lastTokens));
    setCursorPosition(0);
}

void TokenEdit::setSuggestions(const QStringList &suggestions)
{
    m_suggestions = suggestions;
    m_model->setStringList(suggestions);
}

TokenEdit::Span TokenEdit::currentSpan() const
{
    const QString t = text();
    const qsizetype cursor = cursorPosition();
    Span span{cursor, cursor};
    while (span.start > 0 && !isSeparator(t[span.start - 1]))
        --span.start;
    while (span.end < t.size() && !isSeparator(t[span.end]))
        ++span.end;
    return span;
}

void TokenEdit::onTextEdited()
{
    if (m_suggestions.isEmpty())
        return;
    const Span span = currentSpan();
    const QString prefix = text().mid(span.start, cursorPosition() - span.start).trimmed();
    if (prefix.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    // Terms already in the list (other than the one being typed) are not offered again.
    const QStringList others = parseTokens(text().left(span.start) + u',' + text().mid(span.end));
    QStringList offered;
    for (const QString &s : std::as_const(m_suggestions)) {
        if (!others.contains(s, Qt::CaseInsensitive))
            offered.append(s);
    }
    if (offered != m_model->stringList())
        m_model->setStringList(offered);
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void TokenEdit::onCompletionActivated(const QString &term)
{
    const Span span = currentSpan();
    const QString t = text();
    // Keep the writer's separator; after an ASCII comma put one space, as joinTokens() does
    // (CJK commas are full width and take none).
    const QString inserted = span.start > 0 && t[span.start - 1] == u',' ? u' ' + term : term;
    setText(t.left(span.start) + inserted + t.mid(span.end));
    setCursorPosition(static_cast<int>(span.start + inserted.size()));
}

void TokenEdit::onEditingFinished()
{
    const QStringList current = tokens();
    if (current == m_lastTokens)
        return;
    m_lastTokens = current;
    // Show the list as it will be written: separators normalised, repeats gone.
    const QString normal = joinTokens(current);
    if (normal != text())
        setText(normal);
    Q_EMIT tokensEdited(current);
}

} // namespace frontmark
