#include <QTest>
class TestBadinput : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestBadinput)
#include "tst_badinput.moc"
