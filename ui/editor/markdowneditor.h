// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPlainTextEdit>
#include <QStringList>

class QAction;
class QMenu;

namespace frontmark {

class MarkdownHighlighter;
class SpellChecker;

/**
 * The editor for a post's body (front matter lives in its own form). Lines and columns in
 * this API are 1-based and body-relative: line 1 is the first body line, whatever the front
 * matter above it; a column counts characters (code points), so 𠮷 is one column although
 * it is two UTF-16 units. Out-of-range lines and columns are clamped, never an error.
 *
 * Soft-wraps at the widget width (anywhere, if a CJK run or URL has no break opportunity),
 * keeps Tab as a tab shown four spaces wide, zooms with zoomBy() or Ctrl+wheel between 6 and
 * 48 points. Input methods work as in QPlainTextEdit, untouched. Owns its MarkdownHighlighter
 * (through its document, the highlighter's parent); replacing the document with
 * setDocument() would leave the highlighter on the old one, so don't. GUI thread only.
 *
 * Spell checking (on by default, but with no dictionary until setSpellLanguage()) underlines
 * misspelled prose words; the context menu of such a word offers suggestions, Add to
 * Dictionary and Ignore above the usual items. Owns its SpellChecker and the action, whose
 * texts follow a change of the interface language (issue #7).
 */
class MarkdownEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MarkdownEditor(QWidget *parent = nullptr);

    MarkdownHighlighter *highlighter() const { return m_highlighter; }

    /// 1-based body line and column (in characters) of the text cursor.
    int currentLine() const;
    int currentColumn() const;
    /// 1-based body line shown at the top of the viewport.
    int topVisibleLine() const;

    /// Moves the cursor to `line`, `column`, centres it and focuses the editor.
    void goToLine(int line, int column = 1);
    /// Scrolls `line` to the top of the viewport (as far as the scroll range allows) without
    /// moving the cursor.
    void scrollToLine(int line);

    /// Changes the font size by `steps` points, within 6..48.
    void zoomBy(int steps);
    /// Back to the default size.
    void resetZoom();
    /// The font at zoom 0 (Preferences); the zoom starts again from it.
    void setBaseFont(const QFont &font);
    int defaultPointSize() const { return m_defaultPointSize; }

    /// Local image files among `data`'s URLs (by their type, as the system names it).
    static QStringList imageFiles(const QMimeData *data);

    /// The language of the post being edited: its `lang`, else the site's languageCode ("en-us",
    /// "en_GB", "zh-tw", "fr"; "" means Hugo's default, English). Loads a matching Hunspell
    /// dictionary (SpellChecker::dictionaryFor; CJK posts check their Latin words with English)
    /// and highlights again. Without one, spell checking is quietly off for this post.
    void setSpellLanguage(const QString &languageCode);
    /// The dictionary in use ("en_US"), empty if none.
    QString spellLanguage() const;
    /// Turns the underlines and the spelling items of the context menu on or off.
    void setSpellCheckEnabled(bool enabled);
    bool isSpellCheckEnabled() const;
    /// A checkable "Check Spelling" action for the window's menus, in step with
    /// setSpellCheckEnabled(); its tool tip names the dictionary. Owned by the editor.
    QAction *spellCheckAction() const { return m_spellCheckAction; }
    SpellChecker *spellChecker() const { return m_spellChecker; }

    /// The context menu for `pos` (viewport coordinates): if the word there is underlined as
    /// misspelled, up to six suggestions (each replaces the word as one undo step), "Add
    /// “word” to Dictionary", "Ignore “word”" and a separator come first. The caller owns it.
    QMenu *createSpellMenu(const QPoint &pos);

Q_SIGNALS:
    /// The first visible line changed (by scrolling, resizing or editing above it).
    void topVisibleLineChanged(int line);
    /// The text cursor moved; 1-based line and column as currentLine()/currentColumn().
    void cursorPositionMoved(int line, int column);
    /// Image files were dropped or pasted (local paths), or image data was pasted (`image`),
    /// at `cursor`; nothing was inserted: the window copies them into the site and inserts
    /// the Markdown.
    void imagesInserted(const QTextCursor &cursor, const QStringList &files, const QImage &image);
    /// "Add to Dictionary" could not save the personal word list (the word is accepted for
    /// this session); `message` says why, for the window to show.
    void addingWordFailed(const QString &message);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void addSpellActions(QMenu *menu, const QTextBlock &block, qsizetype start, qsizetype length);
    void replaceWord(int position, const QString &word, const QString &replacement);
    void updateSpellCheckAction();
    void retranslateUi();
    void setPointSize(int points);
    void onViewportMaybeScrolled();
    void onCursorPositionChanged();

    MarkdownHighlighter *m_highlighter = nullptr;
    SpellChecker *m_spellChecker = nullptr;
    QAction *m_spellCheckAction = nullptr;
    int m_defaultPointSize = 11;
    int m_lastTopLine = 1;
    int m_wheelAngle = 0; // Ctrl+wheel angle not yet turned into zoom steps (touchpads send small deltas)
};

} // namespace frontmark
