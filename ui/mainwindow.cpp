#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace frontmark {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(u"errorBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(u"QLabel { background: #fdecea; color: #611a15; padding: 8px; border-bottom: 1px solid #f5c2c0; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    m_form = new QWidget(scroll);
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    scroll->setWidget(m_form);
    m_body = new QPlainTextEdit(splitter);
    m_body->setObjectName(u"bodyEditor"_s);
    m_body->setReadOnly(true);
    splitter->addWidget(scroll);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 460});
    m_formLayout->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_formLayout->setContentsMargins(12, 10, 12, 10);
    QFont bodyFont = m_body->font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.1);
    m_body->setFont(bodyFont);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::onOpen);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    setWindowTitle(tr("Frontmark"));
    resize(1000, 720);
}

bool MainWindow::openFile(const QString &path)
{
    const auto post = PostFile::load(path);
    m_path = path;
    setWindowTitle(tr("%1 — Frontmark").arg(QFileInfo(path).fileName()));
    if (!post.ok()) {
        showError(post.error().toString());
        return false;
    }
    showPost(post.value());
    return true;
}

void MainWindow::showPost(const PostFile &post)
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    const FrontMatter &fm = post.frontMatter();
    if (fm.isValid()) {
        m_banner->hide();
        for (const QString &key : fm.keys()) {
            // Read-only until the editable form of issue #4; a line edit shows long CJK
            // values at full width instead of clipping them.
            auto *value = new QLineEdit(fm.value(key).toDisplayString(), m_form);
            value->setReadOnly(true);
            value->setCursorPosition(0);
            m_formLayout->addRow(key + u':', value);
        }
    } else {
        showError(fm.error()->toString());
    }
    m_body->setPlainText(QString::fromUtf8(post.body()));
    const QString eol = post.lineEnding() == LineEnding::CrLf ? u"CRLF"_s
                      : post.lineEnding() == LineEnding::Mixed ? u"mixed line endings"_s : u"LF"_s;
    statusBar()->showMessage(tr("%1 front matter · %2%3").arg(formatName(post.format()), eol,
                                                             post.hasBom() ? tr(" · BOM") : QString()));
}

void MainWindow::showError(const QString &message)
{
    m_banner->setText(message);
    m_banner->show();
}

void MainWindow::onOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Post"), QFileInfo(m_path).absolutePath(),
                                                      tr("Posts (*.md *.markdown);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

} // namespace frontmark
