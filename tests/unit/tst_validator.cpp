#include <QTest>
class TestValidator : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
