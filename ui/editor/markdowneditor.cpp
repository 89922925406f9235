#include "markdowneditor.h"

#include "markdownhighlighter.h"

#include <QFontDatabase>
#include <QMimeData>
#include <QMimeDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QWheelEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {
namespace {

constexpr int minPointSize = 6;
constexpr int maxPointSize = 48;
constexpr int preferredPointSize = 11;

// Code points in `text`: a surrogate pair is one character.
int codePointCount(QStringView text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++count;
    }
    return count;
}

// UTF-16 offset of 1-based `column` (in code points) in `text`, clamped to its end.
qsizetype offsetOfColumn(QStringView text, int column)
{
    qsizetype i = 0;
    for (int c = 1; c < column && i < text.size(); ++c)
        i += text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate() ? 2 : 1;
    return i;
}

} // namespace

MarkdownEditor::MarkdownEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(u"bodyEditor"_s);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Long CJK runs and URLs have no word boundary; wrap them anywhere rather than overflow.
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // The line being typed stays away from the bottom edge: when the cursor leaves the view it
    // comes back to the middle, and the end of the post can scroll up to the middle too.
    setCenterOnScroll(true);
    document()->setDocumentMargin(12);
    document()->setModified(false); // a layout setting, not an edit

    // The system UI font; Qt's font fallback supplies CJK glyphs it lacks.
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    m_defaultPointSize = std::clamp(std::max(font.pointSize(), preferredPointSize), minPointSize, maxPointSize);
    font.setPointSize(m_defaultPointSize);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(u' ') * 4);

    m_highlighter = new MarkdownHighlighter(document());
    m_highlighter->setPalette(palette());

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MarkdownEditor::onViewportMaybeScrolled);
    // centerCursor() and ensureCursorVisible() move the scroll bar with its signals blocked;
    // updateRequest() with a vertical delta is the one notice every scroll gives.
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &, int dy) {
        if (dy != 0)
            onViewportMaybeScrolled();
    });
    connect(this, &QPlainTextEdit::blockCountChanged, this, &MarkdownEditor::onViewportMaybeScrolled);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &MarkdownEditor::onCursorPositionChanged);
}

int MarkdownEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

int MarkdownEditor::currentColumn() const
{
    const QTextCursor cursor = textCursor();
    const QString text = cursor.block().text();
    return codePointCount(QStringView(text).first(cursor.positionInBlock())) + 1;
}

int MarkdownEditor::topVisibleLine() const
{
    return firstVisibleBlock().blockNumber() + 1;
}

void MarkdownEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line, 1, blockCount()) - 1);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + static_cast<int>(offsetOfColumn(block.text(), column)));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void MarkdownEditor::scrollToLine(int line)
{
    // QPlainTextEdit's vertical scroll bar counts layout lines, not blocks: with soft wrap a
    // block can take several, so ask the block for its first one.
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line, 1, blockCount()) - 1);
    verticalScrollBar()->setValue(block.firstLineNumber());
}

void MarkdownEditor::zoomBy(int steps)
{
    setPointSize(font().pointSize() + steps);
}

void MarkdownEditor::setBaseFont(const QFont &font)
{
    m_defaultPointSize = std::clamp(font.pointSize() > 0 ? font.pointSize() : m_defaultPointSize, minPointSize, maxPointSize);
    QFont f = font;
    f.setPointSize(m_defaultPointSize);
    setFont(f);
    setTabStopDistance(QFontMetricsF(f).horizontalAdvance(u' ') * 4);
}

void MarkdownEditor::resetZoom()
{
    setPointSize(m_defaultPointSize);
}

void MarkdownEditor::setPointSize(int points)
{
    points = std::clamp(points, minPointSize, maxPointSize);
    if (points == font().pointSize())
        return;
    QFont f = font();
    f.setPointSize(points);
    setFont(f);
    setTabStopDistance(QFontMetricsF(f).horizontalAdvance(u' ') * 4);
}

void MarkdownEditor::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QPlainTextEdit::wheelEvent(event);
        return;
    }
    // QPlainTextEdit zooms on Ctrl+wheel only when read-only; an editor should too.
    m_wheelAngle += event->angleDelta().y();
    const int steps = m_wheelAngle / QWheelEvent::DefaultDeltasPerStep;
    if (steps != 0) {
        m_wheelAngle -= steps * QWheelEvent::DefaultDeltasPerStep;
        zoomBy(steps);
    }
    event->accept();
}

void MarkdownEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

void MarkdownEditor::onViewportMaybeScrolled()
{
    const int top = topVisibleLine();
    if (top == m_lastTopLine)
        return;
    m_lastTopLine = top;
    Q_EMIT topVisibleLineChanged(top);
}

void MarkdownEditor::onCursorPositionChanged()
{
    Q_EMIT cursorPositionMoved(currentLine(), currentColumn());
}

QStringList MarkdownEditor::imageFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    const QMimeDatabase types;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (types.mimeTypeForFile(path).name().startsWith(u"image/"))
            files.append(path);
    }
    return files;
}

bool MarkdownEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !imageFiles(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void MarkdownEditor::insertFromMimeData(const QMimeData *source)
{
    // An image (a screenshot pasted, a photo dropped) becomes a file in the site, not text:
    // the window copies it and inserts the Markdown. Text, and file URLs of other kinds, are
    // inserted as QPlainTextEdit does.
    const QStringList files = imageFiles(source);
    if (!files.isEmpty()) {
        Q_EMIT imagesInserted(textCursor(), files, QImage());
        return;
    }
    if (source->hasImage() && !source->hasText()) {
        Q_EMIT imagesInserted(textCursor(), {}, qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace frontmark
