#include "Error.h"
#include "MemoryEstimate.h"

#include <QtTest>

#include <cstdint>

using namespace deepart;

namespace {
constexpr int kContentLayer = 13; // block5_conv2, the seed's content layer (the deepest)
}

// How a run on the CPU will use memory (planRunMemory): whole or in tiles, how many tiles'
// graphs pass 1 keeps, and the refusal when nothing fits.
class TestMemoryPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void memoryPlanTilesWhatDoesNotFit() {
        TransferSettings s;
        const std::int64_t weights = 80'000'000;
        // Plenty: whole.
        const MemoryPlan roomy =
            planRunMemory(s, 1024, 1024, 1024, 1024, weights, 64LL << 30, 0, kContentLayer);
        QVERIFY(!roomy.tiled());
        // 4096 px does not fit whole in 6 GB; it does in tiles, the largest that fit.
        const std::int64_t available = 6LL << 30;
        QVERIFY(estimateRunMemory(s, 4096, 4096, 4096, 4096, weights).bytes > available);
        const MemoryPlan tiled =
            planRunMemory(s, 4096, 4096, 4096, 4096, weights, available, 0, kContentLayer);
        QVERIFY(tiled.tiled());
        QVERIFY(tiled.tiles > 1);
        QVERIFY(tiled.estimate.bytes - tiled.estimate.baseBytes <= available);
        TransferSettings larger = s;
        larger.tileSize = tiled.tileCoreSize * 2;
        QVERIFY(estimateTiledRunMemory(larger, 4096, 4096, 4096, 4096, weights, 0, larger.tileSize,
                                       kContentLayer)
                        .bytes -
                    tiled.estimate.baseBytes >
                available);
        // A forced tile size is kept even where the whole would fit.
        TransferSettings forced = s;
        forced.tileSize = 256;
        const MemoryPlan small =
            planRunMemory(forced, 1024, 768, 1024, 768, weights, 64LL << 30, 0, kContentLayer);
        QCOMPARE(small.tileCoreSize, 256);
        QCOMPARE(small.tiles, 4 * 3);
        // Tiles as large as the image are none: the run is whole, and estimated as such.
        forced.tileSize = 2048;
        const MemoryPlan none =
            planRunMemory(forced, 1024, 768, 1024, 768, weights, 64LL << 30, 0, kContentLayer);
        QVERIFY(!none.tiled());
        QCOMPARE(none.estimate.bytes,
                 estimateRunMemory(forced, 1024, 768, 1024, 768, weights).bytes);
        // Nothing fits: refused with the largest size that does.
        try {
            planRunMemory(s, 16384, 16384, 16384, 16384, weights, 4LL << 30, 0, kContentLayer);
            QFAIL("expected a refusal");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QStringLiteral("in tiles of")) &&
                         message.contains(QStringLiteral("the largest output size that fits")),
                     qPrintable(message));
        }
        QVERIFY(estimateSecondsPerIteration(tiled, 4096, 4096, kContentLayer) >
                estimateSecondsPerIteration(roomy, 4096, 4096, kContentLayer));
    }

    // Memory left over keeps more of pass 1's graphs (each saves a tile's forward pass), counted
    // in the estimate; never more than there are tiles, never without knowing what is free.
    void spareMemoryKeepsMoreGraphs() {
        TransferSettings forced;
        forced.tileSize = 512;
        const std::int64_t weights = 80'000'000;
        const MemoryEstimate one =
            estimateTiledRunMemory(forced, 1024, 1024, 1024, 1024, weights, 0, 512, kContentLayer);
        const std::int64_t needed = one.bytes - one.baseBytes;
        const auto plan = [&](std::int64_t available) {
            return planRunMemory(forced, 1024, 1024, 1024, 1024, weights, available, 0,
                                 kContentLayer);
        };
        const MemoryPlan roomy = plan(64LL << 30);
        QCOMPARE(roomy.tiles, 4);
        QCOMPARE(roomy.keptTileGraphs, 4);
        QCOMPARE(roomy.estimate.bytes, one.bytes + 3 * one.activationBytes);
        const MemoryPlan tight = plan(needed);
        QCOMPARE(tight.keptTileGraphs, 1);
        QCOMPARE(tight.estimate.bytes, one.bytes);
        // A quarter of what is left over stays free.
        QCOMPARE(plan(needed + one.activationBytes * 4 / 3 + 1000).keptTileGraphs, 2);
        QCOMPARE(plan(needed + one.activationBytes).keptTileGraphs, 1);
        QCOMPARE(plan(-1).keptTileGraphs, 1);
        QVERIFY(estimateSecondsPerIteration(roomy, 1024, 1024, kContentLayer) <
                estimateSecondsPerIteration(tight, 1024, 1024, kContentLayer));
    }
};

QTEST_GUILESS_MAIN(TestMemoryPlan)
#include "tst_memoryplan.moc"
