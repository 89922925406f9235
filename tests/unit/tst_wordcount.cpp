// Placeholder until the suite is written (issue #4).
#include <QTest>
class Placeholder_tst_wordcount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("not written yet"); }
};
QTEST_MAIN(Placeholder_tst_wordcount)
#include "tst_wordcount.moc"
