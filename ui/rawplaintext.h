// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>

namespace frontmark {

/// A text document's text with "\n" between lines, exactly as typed. Not toPlainText(): it
/// turns no-break spaces into spaces, which would change a post's bytes. Shift+Enter's line
/// separator is a line break too.
inline QString rawPlainText(const QTextDocument *document)
{
    QString text = document->toRawText();
    for (QChar &c : text) {
        if (c == QChar::ParagraphSeparator || c == QChar::LineSeparator)
            c = u'\n';
    }
    return text;
}

} // namespace frontmark
