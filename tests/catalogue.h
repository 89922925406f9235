// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Traditional Chinese catalogue as the tests read it (resources/translations/*.ts): every
// message with its context, source, disambiguation and translations.

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <optional>

namespace frontmark::test {

using namespace Qt::StringLiterals;

inline const QString kCatalogue =
    QStringLiteral(FRONTMARK_SOURCE_DIR) + QStringLiteral("/resources/translations/frontmark_zh_TW.ts");

struct Message {
    QString context;
    QString source;
    QString comment;                 // disambiguation: part of the message's identity
    bool numerus = false;
    QString type;                    // the translation's type attribute: "", "unfinished", "vanished", …
    QStringList translations;        // one, or each numerus form
    qint64 line = 0;                 // in the .ts

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment + (numerus ? u"\x1fn"_s : QString()); }
    QString name() const
    {
        QString shown = source;
        shown.replace(u'\n', u"\\n"_s); // one line per message in the test log
        return comment.isEmpty() ? u"%1: “%2”"_s.arg(context, shown) : u"%1: “%2” (%3)"_s.arg(context, shown, comment);
    }
};

struct Catalogue {
    QList<Message> messages;
    QString error; // empty once parsed
};

inline Catalogue readCatalogue(const QString &path = kCatalogue)
{
    Catalogue out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    std::optional<Message> message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !message) {
                context = xml.readElementText();
            } else if (name == u"message") {
                message = Message{context, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes", {}, {}, xml.lineNumber()};
            } else if (message && name == u"source") {
                message->source = xml.readElementText();
            } else if (message && name == u"comment") {
                message->comment = xml.readElementText();
            } else if (message && name == u"translation") {
                message->type = xml.attributes().value(u"type"_s).toString();
                if (!message->numerus)
                    message->translations.append(xml.readElementText());
            } else if (message && name == u"numerusform") {
                message->translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message" && message) {
            out.messages.append(*message);
            message.reset();
        }
    }
    if (xml.hasError())
        out.error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

/// The translation of `source` in `context` (its first form), or null.
inline QString translationOf(const Catalogue &catalogue, const QString &context, const QString &source)
{
    for (const Message &m : catalogue.messages) {
        if (m.context == context && m.source == source && !m.translations.isEmpty())
            return m.translations.constFirst();
    }
    return {};
}

} // namespace frontmark::test
