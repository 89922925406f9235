// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace frontmark {

/**
 * A slim message strip inside the window (an error with its place, a file changed on disk)
 * with optional action buttons; it never blocks like a modal dialog, so the writer can keep
 * typing while it is shown. UI thread.
 */
class MessageBar : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning };
    explicit MessageBar(Kind kind, QWidget *parent = nullptr);

    void showMessage(const QString &text);
    QString text() const;
    /// Adds a button; clicking it calls `onClick` (the bar stays unless the callback hides it).
    QPushButton *addButton(const QString &label, std::function<void()> onClick);
    void clearButtons();

private:
    QLabel *m_label;
    QHBoxLayout *m_layout;
    QList<QPushButton *> m_buttons;
};

} // namespace frontmark
