#include <QTest>
class TestPostfile : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestPostfile)
#include "tst_postfile.moc"
