#include "ExportWriter.h"
#include "ImageFile.h"

#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

class TestExportWriter : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    static SnapshotInfo snapshot(int iteration) {
        SnapshotInfo s;
        s.iteration = iteration;
        s.image = QImage(40, 30, QImage::Format_RGB888);
        s.image.fill(QColor(10, 120, 200));
        s.stats.total = 123.5;
        s.settings.contentPath = QStringLiteral("/photos/cat.jpg");
        s.settings.transfer.lossWeights.style = 0.25;
        s.settings.transfer.seed = 9;
        return s;
    }

private Q_SLOTS:
    void aNameWithoutExtensionTakesTheFilters() {
        const QString jpeg = QStringLiteral("JPEG (*.jpg *.jpeg)");
        QCOMPARE(ExportWriter::withFilterExtension(QStringLiteral("/a/art"), jpeg),
                 QStringLiteral("/a/art.jpg"));
        QCOMPARE(ExportWriter::withFilterExtension(QStringLiteral("/a/art.tif"), jpeg),
                 QStringLiteral("/a/art.tif"));
        QCOMPARE(ExportWriter::withFilterExtension(QStringLiteral("/a/art"), QString()),
                 QStringLiteral("/a/art.png"));
        QVERIFY(ExportWriter::fileFilters().contains(jpeg));
    }

    void pngCarriesSettings() {
        const auto s = snapshot(200);
        const QString path = dir_.filePath(QStringLiteral("art.png"));
        QCOMPARE(ExportWriter::exportSnapshot(s, path), QString());
        QImageReader reader(path);
        // The settings chunk is the settings schema: it reads back as the same run (inputs by
        // file name only).
        const auto settings = readArtworkSettings(path);
        QVERIFY(settings);
        RunSettings expected = s.settings.runSettings();
        expected.contentPath = "cat.jpg";
        QCOMPARE(*settings, expected);
        QCOMPARE(settings->transfer.lossWeights.style, 0.25);
        QCOMPARE(settings->transfer.seed, std::uint64_t(9));
        const auto snapshotJson =
            QJsonDocument::fromJson(
                reader.text(QString::fromLatin1(ExportWriter::kSnapshotKey)).toUtf8())
                .object();
        QCOMPARE(snapshotJson.value(QStringLiteral("iteration")).toInt(), 200);
        QCOMPARE(snapshotJson.value(QStringLiteral("losses"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toDouble(),
                 123.5);
        QVERIFY(
            reader.text(QStringLiteral("Software")).startsWith(QStringLiteral("Deep Art Gallery")));
        QCOMPARE(reader.read().pixelColor(3, 3), QColor(10, 120, 200));
    }

    // A video's frame carries the video's settings, without the sender's frames folder.
    void aVideoFrameCarriesItsVideoSettings() {
        SnapshotInfo s = snapshot(12);
        s.frame = 3;
        s.settings.contentPath = QStringLiteral("/clips/walk.mp4");
        s.settings.video.emplace();
        s.settings.video->temporalWeight = 20.0;
        s.settings.video->framesFolder = "/home/someone/walk-frames";
        const QString path = dir_.filePath(QStringLiteral("frame.png"));
        QCOMPARE(ExportWriter::exportSnapshot(s, path), QString());
        const auto settings = readArtworkSettings(path);
        QVERIFY(settings && settings->video);
        QCOMPARE(settings->contentPath, std::string("walk.mp4"));
        QCOMPARE(settings->video->temporalWeight, 20.0);
        QCOMPARE(settings->video->framesFolder, std::string());
    }

    void otherFormatsAtFullResolution() {
        const auto s = snapshot(1);
        for (const char* name : {"a.jpg", "b.tif", "c.webp"}) {
            const QString path = dir_.filePath(QLatin1String(name));
            QCOMPARE(ExportWriter::exportImage(s.image, path), QString());
            const auto loaded = loadRgbImage(path.toStdString(), "export");
            QCOMPARE(loaded.cols, 40);
            QCOMPARE(loaded.rows, 30);
        }
    }

    // The run's final image is 16-bit: a PNG or TIFF export keeps its 16 bits when asked and
    // records the print resolution; 8 bits when not; JPEG refuses 16 bits in words.
    void printExportKeepsSixteenBitsAndResolution() {
        QImage deep(64, 8, QImage::Format_RGBX64);
        for (int x = 0; x < 64; ++x)
            for (int y = 0; y < 8; ++y)
                deep.setPixelColor(x, y, QColor::fromRgba64(quint16(x * 1000 + 7), 0, 65535));
        QCOMPARE(ExportWriter::keeping(deep).bitDepth, 16);
        QCOMPARE(ExportWriter::keeping(snapshot(1).image).bitDepth, 8);
        ImageWriteOptions print;
        print.bitDepth = 16;
        print.dpi = 300;
        const QString png = dir_.filePath(QStringLiteral("print.png"));
        QCOMPARE(ExportWriter::exportImage(deep, png, QStringLiteral("{}"), {}, print), QString());
        const QImage back(png);
        QVERIFY(back.pixelFormat().redSize() == 16);
        QCOMPARE(back.pixelColor(10, 3).rgba64().red(), quint16(10007));
        QCOMPARE(back.dotsPerMeterX(), 11811);
        QCOMPARE(QImageReader(png).text(QStringLiteral("Software")).left(4),
                 QStringLiteral("Deep"));
        const QString tiff = dir_.filePath(QStringLiteral("print.tif"));
        QCOMPARE(ExportWriter::exportImage(deep, tiff, {}, {}, print), QString());
        const cv::Mat tiffBack = cv::imread(tiff.toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(tiffBack.depth(), CV_16U);
        QCOMPARE(tiffBack.at<cv::Vec3w>(3, 10)[2], ushort(10007)); // BGR: red last
        // 8 bits asked of a 16-bit image: written at 8.
        const QString small = dir_.filePath(QStringLiteral("small.png"));
        QCOMPARE(ExportWriter::exportImage(deep, small), QString());
        QCOMPARE(QImage(small).pixelFormat().redSize(), uchar(8));
        const QString jpeg = dir_.filePath(QStringLiteral("print.jpg"));
        const QString refused = ExportWriter::exportImage(deep, jpeg, {}, {}, print);
        QVERIFY2(refused.contains(QStringLiteral("8 bits")), qPrintable(refused));
        QVERIFY(!QFile::exists(jpeg));
    }

    void failureSaysWhyAndLeavesNothing() {
        const auto s = snapshot(1);
        const QString missing = dir_.filePath(QStringLiteral("nope/art.png"));
        const QString error = ExportWriter::exportImage(s.image, missing);
        QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(ExportWriter::exportImage(s.image, dir_.filePath(QStringLiteral("x.gif")))
                    .contains(QStringLiteral("unsupported")));
        QVERIFY(
            !ExportWriter::exportImage(QImage(), dir_.filePath(QStringLiteral("y.png"))).isEmpty());
    }

    void exportAllNamesByIteration() {
        QDir(dir_.path()).mkdir(QStringLiteral("all"));
        const QString folder = dir_.filePath(QStringLiteral("all"));
        auto manual = snapshot(57);
        manual.manual = true;
        QCOMPARE(ExportWriter::exportAll({snapshot(200), snapshot(400), manual}, folder,
                                         QStringLiteral("png"), QStringLiteral("cat")),
                 QString());
        QCOMPARE(QDir(folder).entryList(QDir::Files),
                 (QStringList{QStringLiteral("cat-0057-manual.png"), QStringLiteral("cat-0200.png"),
                              QStringLiteral("cat-0400.png")}));
        QVERIFY(!ExportWriter::exportAll({}, folder, QStringLiteral("png")).isEmpty());

        // A video's frames go by their number in the clip.
        auto frame = snapshot(0);
        frame.frame = 3;
        frame.settings.runNumber = 2;
        QCOMPARE(ExportWriter::exportAllPaths({frame}, folder, QStringLiteral("png"),
                                              QStringLiteral("walk")),
                 QStringList{QDir(folder).filePath(QStringLiteral("walk-run2-frame00003.png"))});
    }
};

QTEST_MAIN(TestExportWriter)
#include "tst_exportwriter.moc"
