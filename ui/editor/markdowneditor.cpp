// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdowneditor.h"

#include "markdownhighlighter.h"
#include "spellchecker.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QMenu>
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
constexpr int maxSuggestions = 6;

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

    // No dictionary is loaded before setSpellLanguage(): an editor that never gets a
    // language costs nothing.
    m_spellChecker = new SpellChecker(this);
    // A dictionary that turns out unusable once loaded leaves the action saying so.
    connect(m_spellChecker, &SpellChecker::changed, this, &MarkdownEditor::updateSpellCheckAction);
    m_highlighter->setSpellChecker(m_spellChecker);
    m_spellCheckAction = new QAction(this);
    m_spellCheckAction->setObjectName(u"checkSpellingAction"_s);
    m_spellCheckAction->setCheckable(true);
    m_spellCheckAction->setChecked(true);
    connect(m_spellCheckAction, &QAction::toggled, this, &MarkdownEditor::setSpellCheckEnabled);
    retranslateUi();

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
    else if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // issue #7: the interface language changes without a restart
}

// Only the action keeps text: the context menus are built anew each time they open.
void MarkdownEditor::retranslateUi()
{
    m_spellCheckAction->setText(tr("Check &Spelling"));
    updateSpellCheckAction();
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

namespace frontmark {

void MarkdownEditor::setSpellLanguage(const QString &languageCode)
{
    // Read on the thread pool; the highlighter underlines once it is in use (changed()).
    m_spellChecker->loadLanguage(languageCode);
    updateSpellCheckAction();
}

QString MarkdownEditor::spellLanguage() const
{
    return m_spellChecker->dictionary();
}

void MarkdownEditor::setSpellCheckEnabled(bool enabled)
{
    m_spellCheckAction->setChecked(enabled); // no signal if unchanged
    m_highlighter->setSpellChecker(enabled ? m_spellChecker : nullptr);
}

bool MarkdownEditor::isSpellCheckEnabled() const
{
    return m_highlighter->spellChecker() != nullptr;
}

void MarkdownEditor::updateSpellCheckAction()
{
    const QString dictionary = m_spellChecker->dictionary();
    m_spellCheckAction->setToolTip(dictionary.isEmpty()
                                       ? tr("No spelling dictionary is installed for this post’s language")
                                       : tr("Check spelling with the %1 dictionary").arg(dictionary));
    m_spellCheckAction->setStatusTip(m_spellCheckAction->toolTip());
}

QMenu *MarkdownEditor::createSpellMenu(const QPoint &pos)
{
    QMenu *menu = createStandardContextMenu(pos);
    if (!isSpellCheckEnabled() || isReadOnly())
        return menu;
    const QTextCursor at = cursorForPosition(pos);
    const QTextBlock block = at.block();
    const int offset = at.positionInBlock();
    for (const WordRange &word : MarkdownHighlighter::misspelledWords(block)) {
        if (offset < word.start || offset > word.end())
            continue;
        // cursorForPosition() answers the nearest position, also for a click past the end
        // of the line: the point must be on the word itself (unless it wraps).
        QTextCursor first(block);
        first.setPosition(block.position() + static_cast<int>(word.start));
        QTextCursor last(block);
        last.setPosition(block.position() + static_cast<int>(word.end()));
        const QRect from = cursorRect(first);
        const QRect to = cursorRect(last);
        const bool onWord = from.top() != to.top() // wrapped
            || QRect(from.topLeft(), to.bottomRight()).adjusted(-1, 0, 1, 0).contains(pos);
        if (onWord)
            addSpellActions(menu, block, word.start, word.length);
        break;
    }
    return menu;
}

void MarkdownEditor::addSpellActions(QMenu *menu, const QTextBlock &block, qsizetype start, qsizetype length)
{
    const QString word = block.text().mid(start, length);
    const int position = block.position() + static_cast<int>(start);
    QList<QAction *> actions;
    for (const QString &suggestion : m_spellChecker->suggestions(word, maxSuggestions)) {
        auto *action = new QAction(suggestion, menu);
        action->setObjectName(u"spellSuggestion"_s);
        action->setData(suggestion);
        connect(action, &QAction::triggered, this,
                [this, position, word, suggestion] { replaceWord(position, word, suggestion); });
        actions.append(action);
    }
    if (actions.isEmpty()) {
        auto *none = new QAction(tr("No Suggestions"), menu);
        none->setEnabled(false);
        actions.append(none);
    }
    auto *add = new QAction(tr("Add “%1” to Dictionary").arg(word), menu);
    add->setObjectName(u"spellAdd"_s);
    connect(add, &QAction::triggered, this, [this, word] {
        if (const Status saved = m_spellChecker->add(word); !saved.ok())
            Q_EMIT addingWordFailed(saved.error().message);
    });
    auto *ignore = new QAction(tr("Ignore “%1”").arg(word), menu);
    ignore->setObjectName(u"spellIgnore"_s);
    connect(ignore, &QAction::triggered, this, [this, word] { m_spellChecker->ignore(word); });
    actions << add << ignore;

    QAction *before = menu->actions().value(0);
    menu->insertActions(before, actions);
    menu->insertSeparator(before);
}

void MarkdownEditor::replaceWord(int position, const QString &word, const QString &replacement)
{
    QTextCursor cursor(document());
    cursor.setPosition(position);
    cursor.setPosition(position + static_cast<int>(word.size()), QTextCursor::KeepAnchor);
    if (cursor.selectedText() != word)
        return; // the text changed under the menu
    cursor.beginEditBlock(); // one undo step
    cursor.insertText(replacement);
    cursor.endEditBlock();
}

void MarkdownEditor::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (Menu key, Shift+F10) the menu is about the word at the text cursor.
    const QPoint pos = event->reason() == QContextMenuEvent::Keyboard ? cursorRect().center() : event->pos();
    QMenu *menu = createSpellMenu(pos);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace frontmark
