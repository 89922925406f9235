// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedLayout;

namespace frontmark {

class DiffTextEdit;

/**
 * A read-only view of a unified diff (text::unifiedDiff, the `diff -u` format): monospace,
 * no line wrap (long lines scroll sideways), added and removed lines tinted across the whole
 * width, hunk headers dimmed, and old/new line numbers in a gutter. The tints are mixed from
 * the current palette's base colour, so they stay readable in dark palettes and follow
 * palette changes. An empty diff shows a centred "No changes" placeholder instead.
 *
 * Cheap for big diffs: one pass over the lines in setDiff() to classify and number them;
 * painting touches only the visible blocks. UI thread. Cannot fail: any text is shown (text
 * that is not a unified diff is shown as context lines).
 */
class DiffView : public QWidget
{
    Q_OBJECT
public:
    enum class LineKind { Context, Added, Removed, Hunk, FileHeader, NoNewline };

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    void setDiff(const QString &unifiedDiff);
    QString diff() const { return m_diff; }
    bool hasChanges() const { return !m_diff.isEmpty(); }

    /// The text shown when there is no diff ("No changes" unless set).
    void setPlaceholderText(const QString &text);
    QString placeholderText() const;

    /// What line `line` (0-based, in the shown text) is.
    LineKind lineKind(int line) const;
    /// The background painted behind lines of `kind` in the current palette; invalid for
    /// lines drawn on the plain base colour.
    QColor background(LineKind kind) const;
    /// The text colour for lines of `kind` in the current palette.
    QColor foreground(LineKind kind) const;

    QPlainTextEdit *textEdit() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    friend class DiffTextEdit;
    struct Line {
        LineKind kind = LineKind::Context;
        int oldLine = 0; // 1-based; 0: none on that side
        int newLine = 0;
    };

    void updateColors();

    QString m_diff;
    QList<Line> m_lines;
    int m_maxLineNumber = 0;
    QStackedLayout *m_stack;
    DiffTextEdit *m_text;
    QLabel *m_placeholder;
};

} // namespace frontmark
