// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QStyle>
#include <QWidget>

#include <optional>

namespace frontmark::theme {

namespace {

// The desktop's palette, before the writer chose Light or Dark.
std::optional<QPalette> &systemPalette()
{
    static std::optional<QPalette> palette;
    return palette;
}

} // namespace

QPalette darkPalette()
{
    // The preview's dark page is #1b1d21 on #e6e6e6 (preview.css); the editor uses the same.
    const QColor window(0x23, 0x26, 0x2b), base(0x1b, 0x1d, 0x21), text(0xe6, 0xe6, 0xe6);
    const QColor button(0x2c, 0x30, 0x37), muted(0x8a, 0x92, 0x9c), highlight(0x2f, 0x6f, 0xb3);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x2a, 0x30));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(125));
    p.setColor(QPalette::Mid, button.darker(130));
    p.setColor(QPalette::Dark, button.darker(160));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x92, 0xf0));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x74, 0x7a, 0x83));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x3f, 0x47));
    return p;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

void apply(PreviewTheme theme)
{
    std::optional<QPalette> &system = systemPalette();
    if (!system)
        system = QApplication::palette();
    // Preferences' OK and Apply call this whatever changed: the same theme again is a no-op
    // (re-polishing every widget with a style sheet is not free in a window full of fields).
    static std::optional<PreviewTheme> applied;
    if (applied == theme)
        return;
    applied = theme;
    switch (theme) {
    case PreviewTheme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case PreviewTheme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case PreviewTheme::System:
        QApplication::setPalette(*system);
        break;
    }
    // A widget with a style sheet keeps the palette it was polished with: polish it again.
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (!widget->styleSheet().isEmpty())
            widget->setStyleSheet(widget->styleSheet());
    }
}

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    if (QFontInfo(font).fixedPitch())
        return font;
    // Only families whose every glyph has one advance: a CJK "mono" face is dual width.
    const QStringList families = QFontDatabase::families();
    for (const QString &family : families) {
        if (QFontDatabase::isFixedPitch(family) && !QFontDatabase::isPrivateFamily(family)) {
            font.setFamilies({family});
            return font;
        }
    }
    return font;
}

} // namespace frontmark::theme
