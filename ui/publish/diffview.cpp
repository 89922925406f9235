// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include "theme.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPaintEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedLayout>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace frontmark {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

// GitHub's diff hues; only their mix with the palette's base colour is painted.
const QColor kGreen(0x2d, 0xa4, 0x4e);
const QColor kRed(0xcf, 0x22, 0x2e);
const QColor kBlue(0x54, 0xae, 0xff);

int digits(int n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

// "@@ -12,7 +12,8 @@ …": the first old and new line numbers of a hunk and its lengths.
// A missing ",n" means a length of 1, as diff -u prints it.
bool parseHunkHeader(QStringView line, int &oldStart, int &oldCount, int &newStart, int &newCount)
{
    if (!line.startsWith(u"@@ -"))
        return false;
    const qsizetype end = line.indexOf(u" @@", 4);
    if (end < 0)
        return false;
    const QStringView ranges = line.mid(4, end - 4); // "12,7 +12,8"
    const qsizetype plus = ranges.indexOf(u" +");
    if (plus < 0)
        return false;
    auto range = [](QStringView r, int &start, int &count) {
        const qsizetype comma = r.indexOf(u',');
        bool ok1 = true;
        bool ok2 = true;
        start = (comma < 0 ? r : r.left(comma)).toInt(&ok1);
        count = comma < 0 ? 1 : r.mid(comma + 1).toInt(&ok2);
        return ok1 && ok2 && start >= 0 && count >= 0;
    };
    return range(ranges.left(plus), oldStart, oldCount) && range(ranges.mid(plus + 2), newStart, newCount);
}

} // namespace

/// The text part of DiffView: paints full-width line tints under the text and hosts the
/// line-number gutter.
class DiffTextEdit : public QPlainTextEdit
{
public:
    explicit DiffTextEdit(DiffView *view);

    int gutterWidth() const;
    void updateGutter();
    void paintGutter(QPaintEvent *event);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    DiffView *m_view;
    QWidget *m_gutter;
};

namespace {

class Gutter : public QWidget
{
public:
    explicit Gutter(DiffTextEdit *edit) : QWidget(edit), m_edit(edit) {}

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

private:
    DiffTextEdit *m_edit;
};

class DiffHighlighter : public QSyntaxHighlighter
{
public:
    DiffHighlighter(DiffView *view, QTextDocument *document) : QSyntaxHighlighter(document), m_view(view) {}

protected:
    void highlightBlock(const QString &text) override
    {
        const auto kind = m_view->lineKind(currentBlock().blockNumber());
        QTextCharFormat format;
        switch (kind) {
        case DiffView::LineKind::Context:
            return;
        case DiffView::LineKind::Added:
        case DiffView::LineKind::Removed:
            // Only the +/- marker is coloured: the text itself keeps the palette's text
            // colour, the tint behind it says what happened.
            format.setForeground(m_view->foreground(kind));
            format.setFontWeight(QFont::Bold);
            setFormat(0, std::min<int>(1, static_cast<int>(text.size())), format);
            return;
        case DiffView::LineKind::Hunk:
            format.setForeground(m_view->foreground(kind));
            break;
        case DiffView::LineKind::FileHeader:
            format.setForeground(m_view->foreground(kind));
            format.setFontWeight(QFont::Bold);
            break;
        case DiffView::LineKind::NoNewline:
            format.setForeground(m_view->foreground(kind));
            format.setFontItalic(true);
            break;
        }
        setFormat(0, static_cast<int>(text.size()), format);
    }

private:
    DiffView *m_view;
};

} // namespace

DiffTextEdit::DiffTextEdit(DiffView *view)
    : QPlainTextEdit(view)
    , m_view(view)
    , m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    const QFont mono = theme::monospaceFont();
    setFont(mono);
    setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(u' ') * 4);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutter();
}

int DiffTextEdit::gutterWidth() const
{
    if (m_view->m_maxLineNumber == 0)
        return 0;
    const int digitWidth = fontMetrics().horizontalAdvance(u'9');
    // At least three digits, so the two columns do not run together for short files.
    const int column = std::max(digits(m_view->m_maxLineNumber), 3) * digitWidth + digitWidth;
    return 2 * column + digitWidth / 2;
}

void DiffTextEdit::updateGutter()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), width, cr.height()));
    m_gutter->update();
}

void DiffTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutter();
}

void DiffTextEdit::paintEvent(QPaintEvent *event)
{
    // The tints go under the text across the whole viewport, so a short added line still
    // reads as one coloured row. Only visible blocks are visited.
    {
        QPainter painter(viewport());
        const QPointF offset = contentOffset();
        const int width = viewport()->width();
        const int bottom = event->rect().bottom();
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF r = blockBoundingGeometry(block).translated(offset);
            if (r.top() > bottom)
                break;
            const QColor bg = m_view->background(m_view->lineKind(block.blockNumber()));
            if (bg.isValid())
                painter.fillRect(QRectF(0, r.top(), width, r.height()), bg);
        }
    }
    QPlainTextEdit::paintEvent(event);
}

void DiffTextEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    painter.fillRect(event->rect(), mix(base, text, 0.04));
    const QColor numberColor = mix(text, base, 0.45);
    const QFontMetrics metrics = fontMetrics();
    const int digitWidth = metrics.horizontalAdvance(u'9');
    const int column = (m_gutter->width() - digitWidth / 2) / 2;
    const QPointF offset = contentOffset();
    const int bottom = event->rect().bottom();
    painter.setFont(font());
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF r = blockBoundingGeometry(block).translated(offset);
        if (r.top() > bottom)
            break;
        const int n = block.blockNumber();
        if (n >= m_view->m_lines.size())
            break;
        const DiffView::Line &line = m_view->m_lines.at(n);
        const QColor bg = m_view->background(line.kind);
        if (bg.isValid()) // a deeper tint in the gutter, as the eye scans numbers there
            painter.fillRect(QRectF(0, r.top(), m_gutter->width(), r.height()),
                             line.kind == DiffView::LineKind::Hunk ? bg : mix(bg, m_view->foreground(line.kind), 0.12));
        // On the text's baseline: a line with CJK text is taller than the gutter font's.
        const QTextLayout *layout = block.layout();
        const qreal baseline = r.top()
            + (layout && layout->lineCount() > 0 ? layout->lineAt(0).y() + layout->lineAt(0).ascent()
                                                 : metrics.ascent());
        painter.setPen(numberColor);
        const auto drawNumber = [&](int number, int right) {
            const QString digits = QString::number(number);
            painter.drawText(QPointF(right - metrics.horizontalAdvance(digits), baseline), digits);
        };
        if (line.oldLine > 0)
            drawNumber(line.oldLine, column - digitWidth / 2);
        if (line.newLine > 0)
            drawNumber(line.newLine, 2 * column - digitWidth / 2);
    }
    // A hairline between the numbers and the text.
    painter.setPen(mix(base, text, 0.15));
    painter.drawLine(m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1, event->rect().bottom());
}

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
{
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_text = new DiffTextEdit(this);
    m_text->setObjectName(u"diffText"_s);
    new DiffHighlighter(this, m_text->document());
    m_placeholder = new QLabel(tr("No changes"), this);
    m_placeholder->setObjectName(u"diffPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setFrameShape(QFrame::StyledPanel);
    m_placeholder->setFrameShadow(QFrame::Sunken);
    m_placeholder->setAutoFillBackground(true);
    m_placeholder->setBackgroundRole(QPalette::Base);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_placeholder);
    m_stack->setCurrentWidget(m_placeholder);
    setFocusProxy(m_text);
    updateColors();
}

DiffView::~DiffView() = default;

void DiffView::setDiff(const QString &unifiedDiff)
{
    m_diff = unifiedDiff;
    QStringView text(m_diff);
    if (text.endsWith(u'\n'))
        text.chop(1); // setPlainText would show the final newline as an empty last line

    // Classify and number every line in one pass. "---"/"+++" are file headers only outside
    // a hunk: inside one, "--- x" is the removed line "-- x".
    m_lines.clear();
    m_maxLineNumber = 0;
    int oldLine = 0;
    int newLine = 0;
    int oldLeft = 0;
    int newLeft = 0;
    if (!text.isEmpty()) {
        m_lines.reserve(text.count(u'\n') + 1);
        for (const QStringView line : text.tokenize(u'\n')) {
            Line l;
            const bool inHunk = oldLeft > 0 || newLeft > 0;
            int os = 0, oc = 0, ns = 0, nc = 0;
            if (line.startsWith(u'\\')) {
                l.kind = LineKind::NoNewline;
            } else if (line.startsWith(u"@@") && parseHunkHeader(line, os, oc, ns, nc)) {
                // No content line starts with "@@", so a header also ends a hunk whose
                // counts were off.
                l.kind = LineKind::Hunk;
                // A zero-length side starts *after* line `start` (diff -u prints "-0,0").
                oldLine = oc == 0 ? os + 1 : os;
                newLine = nc == 0 ? ns + 1 : ns;
                oldLeft = oc;
                newLeft = nc;
            } else if (!inHunk && (line.startsWith(u"--- ") || line.startsWith(u"+++ ") || line == u"---"
                                   || line == u"+++")) {
                l.kind = LineKind::FileHeader;
            } else if (inHunk && line.startsWith(u'-')) {
                l.kind = LineKind::Removed;
                l.oldLine = oldLine++;
                --oldLeft;
            } else if (inHunk && line.startsWith(u'+')) {
                l.kind = LineKind::Added;
                l.newLine = newLine++;
                --newLeft;
            } else if (inHunk) {
                l.oldLine = oldLine++;
                l.newLine = newLine++;
                --oldLeft;
                --newLeft;
            }
            m_maxLineNumber = std::max({m_maxLineNumber, l.oldLine, l.newLine});
            m_lines.append(l);
        }
    }

    m_text->updateGutter();
    m_text->setPlainText(text.toString());
    m_text->horizontalScrollBar()->setValue(0);
    m_stack->setCurrentWidget(m_diff.isEmpty() ? static_cast<QWidget *>(m_placeholder) : m_text);
}

void DiffView::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
}

QString DiffView::placeholderText() const
{
    return m_placeholder->text();
}

DiffView::LineKind DiffView::lineKind(int line) const
{
    return line >= 0 && line < m_lines.size() ? m_lines.at(line).kind : LineKind::Context;
}

QColor DiffView::background(LineKind kind) const
{
    const QColor base = palette().color(QPalette::Base);
    const bool dark = isDark(palette());
    switch (kind) {
    case LineKind::Added:
        return mix(base, kGreen, dark ? 0.30 : 0.16);
    case LineKind::Removed:
        return mix(base, kRed, dark ? 0.30 : 0.13);
    case LineKind::Hunk:
        return mix(base, kBlue, dark ? 0.14 : 0.08);
    case LineKind::Context:
    case LineKind::FileHeader:
    case LineKind::NoNewline:
        break;
    }
    return {};
}

QColor DiffView::foreground(LineKind kind) const
{
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const bool dark = isDark(palette());
    switch (kind) {
    case LineKind::Added:
        return dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    case LineKind::Removed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case LineKind::Hunk:
    case LineKind::NoNewline:
        return mix(text, base, 0.45);
    case LineKind::FileHeader:
        return mix(text, base, 0.2);
    case LineKind::Context:
        break;
    }
    return text;
}

QPlainTextEdit *DiffView::textEdit() const
{
    return m_text;
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

void DiffView::updateColors()
{
    // The highlighter's formats carry colours taken from the palette: redo them.
    if (auto *highlighter = m_text->document()->findChild<QSyntaxHighlighter *>())
        highlighter->rehighlight();
    m_text->viewport()->update();
}

} // namespace frontmark
