#pragma once

#include <QImage>
#include <QPlainTextEdit>
#include <QStringList>

namespace frontmark {

class MarkdownHighlighter;

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

Q_SIGNALS:
    /// The first visible line changed (by scrolling, resizing or editing above it).
    void topVisibleLineChanged(int line);
    /// The text cursor moved; 1-based line and column as currentLine()/currentColumn().
    void cursorPositionMoved(int line, int column);
    /// Image files were dropped or pasted (local paths), or image data was pasted (`image`),
    /// at `cursor`; nothing was inserted: the window copies them into the site and inserts
    /// the Markdown.
    void imagesInserted(const QTextCursor &cursor, const QStringList &files, const QImage &image);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setPointSize(int points);
    void onViewportMaybeScrolled();
    void onCursorPositionChanged();

    MarkdownHighlighter *m_highlighter = nullptr;
    int m_defaultPointSize = 11;
    int m_lastTopLine = 1;
    int m_wheelAngle = 0; // Ctrl+wheel angle not yet turned into zoom steps (touchpads send small deltas)
};

} // namespace frontmark
