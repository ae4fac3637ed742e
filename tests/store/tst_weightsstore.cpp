#include "KerasWeightsWriter.h"
#include "TestData.h"
#include "WeightsStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

class TestWeightsStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        // Keep ~/.keras of whoever runs the tests out of it.
        qputenv("HOME", dir_.filePath(QStringLiteral("home")).toLocal8Bit());
    }

    void findsStoreThenKerasCache() {
        const WeightsStore store(dir_.filePath(QStringLiteral("store")));
        QCOMPARE(store.findExisting(), QString());
        QDir().mkpath(QFileInfo(WeightsStore::kerasCachePath()).absolutePath());
        test::writeBytes(WeightsStore::kerasCachePath(), "x");
        QVERIFY(WeightsStore::kerasCachePath().startsWith(dir_.path()));
        QCOMPARE(store.findExisting(), WeightsStore::kerasCachePath());
        QDir().mkpath(store.folder());
        test::writeBytes(store.storedPath(), "y");
        QCOMPARE(store.findExisting(), store.storedPath());
        QVERIFY(store.storedPath().endsWith(QLatin1String(WeightsStore::kFileName)));
    }

    void importValidatesByStructure() {
        const WeightsStore store(dir_.filePath(QStringLiteral("import")));
        test::writeBytes(dir_.filePath(QStringLiteral("junk.h5")), "junk");
        const QString problem = store.import(dir_.filePath(QStringLiteral("junk.h5")));
        QVERIFY2(problem.contains(QStringLiteral("not an HDF5 file")), qPrintable(problem));
        QVERIFY(!QFile::exists(store.storedPath()));

        const QString good = dir_.filePath(QStringLiteral("slim.h5"));
        test::writeKerasWeights(good, test::smallWeights());
        QCOMPARE(store.import(good), QString());
        QVERIFY(QFile::exists(store.storedPath()));
        QCOMPARE(WeightsStore::validate(store.storedPath()), QString());
        QCOMPARE(WeightsStore::md5Of(store.storedPath()), WeightsStore::md5Of(good));
    }

    void md5OfMatchesQt() {
        const QString path = dir_.filePath(QStringLiteral("bytes"));
        test::writeBytes(path, "deep art");
        QCOMPARE(WeightsStore::md5Of(path),
                 QString::fromLatin1(
                     QCryptographicHash::hash("deep art", QCryptographicHash::Md5).toHex()));
        QCOMPARE(WeightsStore::md5Of(dir_.filePath(QStringLiteral("none"))), QString());
    }
};

QTEST_GUILESS_MAIN(TestWeightsStore)
#include "tst_weightsstore.moc"
