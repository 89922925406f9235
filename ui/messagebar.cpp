// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace frontmark {

MessageBar::MessageBar(Kind kind, QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(kind == Kind::Error
                      ? u"frontmark--MessageBar { background: #fdecea; border-bottom: 1px solid #f5c2c0; }"
                        u" QLabel { color: #611a15; }"_s
                      : u"frontmark--MessageBar { background: #fff4d6; border-bottom: 1px solid #f1d48a; }"
                        u" QLabel { color: #5c4400; }"_s);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(10, 6, 10, 6);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_label, 1);
    hide();
}

void MessageBar::showMessage(const QString &text)
{
    m_label->setText(text);
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

QPushButton *MessageBar::addButton(const QString &label, std::function<void()> onClick)
{
    auto *button = new QPushButton(label, this);
    connect(button, &QPushButton::clicked, this, std::move(onClick));
    m_layout->addWidget(button);
    m_buttons.append(button);
    return button;
}

void MessageBar::clearButtons()
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
}

} // namespace frontmark
