// SPDX-License-Identifier: GPL-3.0-or-later
// The Problems panel (issue #6, part 4): the core's diagnostics for the open post with file
// lines, following the writer's typing; activating one moves the editor there; the count in
// the status bar. Its headers follow a change of interface language (issue #7).

#include "previewtestutil.h"
#include "editor/markdowneditor.h"
#include "mainwindow.h"
#include "problems/problemspanel.h"
#include "translations.h"

#include <QDockWidget>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace frontmark;

static void preAppInit()
{
    test::prepareWebEngineApp();
}
Q_CONSTRUCTOR_FUNCTION(preAppInit)

namespace {

const QString kSampleSite = QStringLiteral(FRONTMARK_SOURCE_DIR) + u"/resources/sample-site"_s;

QStringList rows(const ProblemsPanel *panel)
{
    QStringList out;
    for (const Diagnostic &d : panel->problems())
        out << u"%1:%2 %3"_s.arg(d.line).arg(d.column).arg(d.isError() ? u"error"_s : u"warning"_s);
    return out;
}

} // namespace

class TestProblemsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }
    void cleanup()
    {
        if (installedUiLanguage() != u"en"_s) // a failed test must not leave the others in Chinese
            test::switchUiLanguage(u"en"_s);
    }
    void listsTheCoreDiagnosticsWithFileLines();
    void headersFollowTheLanguageKeepingTheRows();
};

void TestProblemsPanel::listsTheCoreDiagnosticsWithFileLines()
{
    QTemporaryDir dir;
    const QString site = dir.path() + u"/site"_s;
    QVERIFY(test::copyTree(kSampleSite, site));
    const QString path = site + u"/content/posts/problems.md"_s;
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("---\ntitle: Problems\ndate: 2099-01-01T00:00:00+08:00\ndraft: true\n---\n\n"   // lines 1-6
                "![gone](/images/nope.jpg)\n\n"                                                 // 7
                "{{< nosuch >}}\n");                                                           // 9
    }
    MainWindow w;
    QVERIFY(w.openFile(path));
    w.show();
    ProblemsPanel *panel = w.problemsPanel();
    // The missing image and the unknown shortcode (body) are errors, as Publish judges them
    // (issue #21: the panel says what Publish says); the future date (front matter) warns.
    QTRY_COMPARE_WITH_TIMEOUT(rows(panel), (QStringList{u"7:9 error"_s, u"9:1 error"_s, u"3:1 warning"_s}), 20000);
    auto *button = w.findChild<QToolButton *>(u"problemsButton"_s);
    QVERIFY(button);
    QCOMPARE(button->text(), u"2 errors, 1 warning"_s);

    // The button opens the panel; activating the image row moves the editor to it.
    auto *dock = w.findChild<QDockWidget *>(u"problemsDock"_s);
    QVERIFY(!dock->isVisible());
    button->click();
    QVERIFY(dock->isVisible());
    const QModelIndex imageRow = panel->view()->model()->index(0, ProblemsPanel::LineColumn);
    QCOMPARE(imageRow.data().toString(), u"7:9"_s);
    // Enter on the row, as a writer would.
    panel->view()->setFocus();
    panel->view()->setCurrentIndex(imageRow);
    QTest::keyClick(panel->view(), Qt::Key_Return);
    QCOMPARE(w.editor()->textCursor().block().text(), u"![gone](/images/nope.jpg)"_s);

    // Fixing the post as a writer would: the shortcode line goes, and so does its problem.
    QTextCursor c(w.editor()->document()->findBlockByNumber(3)); // the body starts at file line 6: block 3 is line 9
    QCOMPARE(c.block().text(), u"{{< nosuch >}}"_s);
    c.select(QTextCursor::BlockUnderCursor);
    c.removeSelectedText();
    QTRY_COMPARE_WITH_TIMEOUT(rows(panel), (QStringList{u"7:9 error"_s, u"3:1 warning"_s}), 20000);
    QCOMPARE(button->text(), u"1 error, 1 warning"_s);

    // An image whose path leaves the site is an error at its place, as check and Publish say.
    QTextCursor end(w.editor()->document());
    end.movePosition(QTextCursor::End);
    end.insertText(u"\n![out](/../../../etc/passwd.png)\n"_s);
    const int outLine = w.editor()->document()->find(u"![out]"_s).blockNumber() + 6; // body starts at file line 6
    const auto leavingRow = [panel] {
        const QAbstractItemModel *model = panel->view()->model();
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->index(i, ProblemsPanel::ProblemColumn).data().toString().contains(u"leaves the site"_s))
                return model->index(i, ProblemsPanel::LineColumn).data().toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(leavingRow(), QString::number(outLine) + u":1"_s, 20000);
    QVERIFY(rows(panel).contains(QString::number(outLine) + u":1 error"_s));
}

void TestProblemsPanel::headersFollowTheLanguageKeepingTheRows()
{
    ProblemsPanel panel;
    panel.show();
    const Diagnostic error{Diagnostic::Severity::Error, u"The title is empty."_s, u"post.md"_s, 2, 8, {}, {}};
    const Diagnostic warning{Diagnostic::Severity::Warning, u"No file for the image."_s, u"post.md"_s, 9, 1, {}, {}};
    panel.setProblems({warning, error});
    QTreeView *view = panel.view();
    const QAbstractItemModel *model = view->model();
    const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
    const auto header = [model](int column) { return model->headerData(column, Qt::Horizontal).toString(); };
    view->setCurrentIndex(model->index(1, 0));
    auto texts = [model, cell] {
        QStringList out;
        for (int i = 0; i < model->rowCount(); ++i)
            out << cell(i, 0) + u' ' + cell(i, 1);
        return out;
    };
    const QStringList rowsBefore{u"2:8 The title is empty."_s, u"9:1 No file for the image."_s};
    QCOMPARE(texts(), rowsBefore);
    QCOMPARE(header(0), u"Line"_s);
    QCOMPARE(header(1), u"Problem"_s);
    QSignalSpy activated(&panel, &ProblemsPanel::problemActivated);

    QVERIFY(test::switchUiLanguage(u"zh_TW"_s));
    const QString line = QCoreApplication::translate("frontmark::ProblemsPanel", "Line");
    const QString problem = QCoreApplication::translate("frontmark::ProblemsPanel", "Problem");
    QVERIFY(line != u"Line"_s && problem != u"Problem"_s);
    QCOMPARE(header(0), line);
    QCOMPARE(header(1), problem);
    // The rows are the core's messages, as given; the selection stays and nothing is activated.
    QCOMPARE(texts(), rowsBefore);
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(panel.errorCount(), 1);
    QCOMPARE(activated.size(), 0);
    // The window sends the same problems again in Chinese: new words, the same rows and selection.
    Diagnostic errorZh = error;
    errorZh.message = u"標題是空的。"_s;
    Diagnostic warningZh = warning;
    warningZh.message = u"找不到圖檔。"_s;
    panel.setProblems({warningZh, errorZh});
    QCOMPARE(texts(), (QStringList{u"2:8 標題是空的。"_s, u"9:1 找不到圖檔。"_s}));
    QCOMPARE(model->index(1, 1).data(Qt::ToolTipRole).toString(), warningZh.toString());
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(panel.problems().at(1).message, warningZh.message);
    QCOMPARE(activated.size(), 0);
    panel.setProblems({warning, error});

    QVERIFY(test::switchUiLanguage(u"en"_s));
    QCOMPARE(header(0), u"Line"_s);
    QCOMPARE(header(1), u"Problem"_s);
    QCOMPARE(texts(), rowsBefore);
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(activated.size(), 0);
}

QTEST_MAIN(TestProblemsPanel)
#include "tst_problemspanel.moc"
