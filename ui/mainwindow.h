#pragma once

#include "document/postfile.h"

#include <QMainWindow>

class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace frontmark {

/**
 * The main window. For now (issue #2) it opens a post and shows its front matter, read
 * through the core, beside its Markdown body; the editor proper arrives with issue #4.
 * UI thread only.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Opens `path`; on failure shows the located error in the window and returns false.
    bool openFile(const QString &path);

private:
    void showPost(const PostFile &post);
    void showError(const QString &message);
    void onOpen();

    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLabel *m_banner = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QString m_path;
};

} // namespace frontmark
