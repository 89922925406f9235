#include <QTest>
class TestFrontmatter : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestFrontmatter)
#include "tst_frontmatter.moc"
