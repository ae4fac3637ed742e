#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace deepart;

namespace {

quint32 bigEndian32(const QByteArray& bytes, qsizetype at) {
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<uchar>(bytes[at + i]);
    return v;
}

// The x resolution of a PNG's pHYs chunk (pixels per metre), or -1.
long pngPixelsPerMetre(const QByteArray& png) {
    const qsizetype chunk = png.indexOf("pHYs");
    return chunk < 4 ? -1 : static_cast<long>(bigEndian32(png, chunk + 4));
}

// The XResolution tag (282) of a little-endian TIFF's first directory, or -1.
double tiffXResolution(const QByteArray& tiff) {
    const auto u16 = [&](qsizetype at) {
        return static_cast<quint32>(static_cast<uchar>(tiff[at])) |
               static_cast<quint32>(static_cast<uchar>(tiff[at + 1])) << 8;
    };
    const auto u32 = [&](qsizetype at) { return u16(at) | u16(at + 2) << 16; };
    if (!tiff.startsWith("II*"))
        return -1;
    const qsizetype directory = u32(4);
    for (quint32 i = 0; i < u16(directory); ++i) {
        const qsizetype entry = directory + 2 + 12 * i;
        if (u16(entry) == 282) {
            const qsizetype value = u32(entry + 8);
            return static_cast<double>(u32(value)) / u32(value + 4);
        }
    }
    return -1;
}

// What the process writes on its stderr (file descriptor 2, where libjpeg and libpng print)
// while it lives. Test-only: it swaps the descriptor of the whole process.
class StderrCapture {
public:
    StderrCapture() {
        file_.open();
        std::fflush(stderr);
        saved_ = dup(2);
        dup2(file_.handle(), 2);
    }
    ~StderrCapture() { restore(); }
    QByteArray text() {
        restore();
        file_.seek(0);
        return file_.readAll();
    }

private:
    void restore() {
        if (saved_ < 0)
            return;
        std::fflush(stderr);
        dup2(saved_, 2);
        close(saved_);
        saved_ = -1;
    }
    QTemporaryFile file_;
    int saved_ = -1;
};

QByteArray encoded(const char* ext, const cv::Mat& rgb) {
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> bytes;
    if (!cv::imencode(ext, bgr, bytes))
        qFatal("cannot encode %s", ext);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size()));
}

} // namespace

class TestImageFile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string path(const char* name) const {
        return dir_.filePath(QLatin1String(name)).toStdString();
    }

    void expectLoadError(const std::string& file, const QStringList& parts) {
        try {
            loadRgbImage(file, "content image");
            QFAIL("no error was raised");
        } catch (const Error& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.startsWith(QStringLiteral("content image '")), qPrintable(message));
            for (const auto& part : parts)
                QVERIFY2(message.contains(part), qPrintable(message));
        }
    }

private Q_SLOTS:
    void readsRgbInRgbOrder() {
        const cv::Mat rgb = test::testPicture(40, 30);
        test::writeRgbImage(QString::fromStdString(path("rgb.png")), rgb);
        const cv::Mat loaded = loadRgbImage(path("rgb.png"), "content image");
        QCOMPARE(loaded.type(), CV_8UC3);
        QCOMPARE(cv::norm(loaded, rgb, cv::NORM_INF), 0.0);
    }

    void grayscaleBecomesRgb() {
        cv::imwrite(path("gray.png"), cv::Mat(10, 12, CV_8UC1, cv::Scalar(77)));
        const cv::Mat loaded = loadRgbImage(path("gray.png"), "content image");
        QCOMPARE(loaded.type(), CV_8UC3);
        QCOMPARE(loaded.at<cv::Vec3b>(5, 5), cv::Vec3b(77, 77, 77));
    }

    void alphaIsDropped() {
        cv::imwrite(path("rgba.png"), cv::Mat(10, 12, CV_8UC4, cv::Scalar(10, 20, 30, 128)));
        const cv::Mat loaded = loadRgbImage(path("rgba.png"), "content image");
        QCOMPARE(loaded.type(), CV_8UC3);
        QCOMPARE(loaded.at<cv::Vec3b>(0, 0), cv::Vec3b(30, 20, 10));
    }

    void sixteenBitIsScaled() {
        cv::imwrite(path("deep.png"), cv::Mat(10, 12, CV_16UC3, cv::Scalar(65535, 257 * 100, 0)));
        const cv::Mat loaded = loadRgbImage(path("deep.png"), "content image");
        QCOMPARE(loaded.type(), CV_8UC3);
        QCOMPARE(loaded.at<cv::Vec3b>(3, 3), cv::Vec3b(0, 100, 255));
    }

    void exifOrientationIsApplied() {
        // Stored 40 wide and 20 high, left half red; orientation 6 shows it 20 wide, 40 high,
        // with the red half on top.
        cv::Mat stored(20, 40, CV_8UC3, cv::Scalar(0, 0, 255));
        stored(cv::Rect(0, 0, 20, 20)).setTo(cv::Scalar(255, 0, 0));
        test::writeBytes(QString::fromStdString(path("rotated.jpg")),
                         test::jpegWithExifOrientation6(stored));
        const cv::Mat loaded = loadRgbImage(path("rotated.jpg"), "content image");
        QCOMPARE(loaded.cols, 20);
        QCOMPARE(loaded.rows, 40);
        const cv::Vec3b top = loaded.at<cv::Vec3b>(5, 10);
        const cv::Vec3b bottom = loaded.at<cv::Vec3b>(35, 10);
        QVERIFY2(top[0] > 200 && top[2] < 60, "top should be red");
        QVERIFY2(bottom[2] > 200 && bottom[0] < 60, "bottom should be blue");
    }

    void missingEmptyCorruptTruncated() {
        expectLoadError(path("missing.png"), {"missing.png", "not found"});
        test::writeBytes(QString::fromStdString(path("empty.png")), {});
        expectLoadError(path("empty.png"), {"empty.png", "empty"});
        test::writeBytes(QString::fromStdString(path("notes.jpg")), "just some text\n");
        expectLoadError(path("notes.jpg"), {"notes.jpg", "not an image"});
        std::vector<uchar> png;
        cv::imencode(".png", test::testPicture(64, 64), png);
        test::writeBytes(QString::fromStdString(path("cut.png")),
                         QByteArray(reinterpret_cast<const char*>(png.data()),
                                    static_cast<int>(png.size() / 2)));
        expectLoadError(path("cut.png"), {"cut.png", "corrupt or truncated"});
        expectLoadError(dir_.path().toStdString(), {"folder"});
    }

    void truncatedImagesAreRefusedInEveryFormatSilently() {
        // The first 40% of each file: libjpeg alone accepts a cut JPEG as a mostly grey picture
        // and says so only on stderr. Every format gets the same message, and nothing is printed.
        const cv::Mat picture = test::testPicture(320, 240, 4);
        StderrCapture capture;
        for (const char* ext : {".jpg", ".png", ".tif", ".webp", ".bmp"}) {
            const QByteArray whole = encoded(ext, picture);
            const std::string name = std::string("cut") + ext;
            test::writeBytes(QString::fromStdString(path(name.c_str())),
                             whole.left(whole.size() * 2 / 5));
            expectLoadError(path(name.c_str()),
                            {QString::fromStdString(name), QStringLiteral("corrupt or truncated")});
            // The whole file still loads.
            test::writeBytes(QString::fromStdString(path(name.c_str())), whole);
            QCOMPARE(loadRgbImage(path(name.c_str()), "content image").size(), picture.size());
        }
        const QByteArray printed = capture.text();
        QVERIFY2(printed.isEmpty(), printed.constData());
    }

    void damagedJpegScanIsRefused() {
        // Bytes overwritten in the middle of the scan, the end marker intact: libjpeg loses the
        // rest of the picture (a warning to it), so the file is corrupt.
        QByteArray jpeg = encoded(".jpg", test::testPicture(320, 240, 5));
        for (int i = jpeg.size() / 2; i < jpeg.size() / 2 + 64; ++i)
            jpeg[i] = static_cast<char>(0xff);
        test::writeBytes(QString::fromStdString(path("damaged.jpg")), jpeg);
        StderrCapture capture;
        expectLoadError(path("damaged.jpg"), {"damaged.jpg", "corrupt or truncated"});
        const QByteArray printed = capture.text();
        QVERIFY2(printed.isEmpty(), printed.constData());
    }

    void realPhotoCutShortIsRefused() {
        // The report's case: the first 40% of a real photo (when the shared images are there).
        QFile photo(QStringLiteral(DEEPART_SOURCE_DIR "/../shared/images/starry_night.jpg"));
        if (!photo.open(QIODevice::ReadOnly))
            QSKIP("../shared/images is not there");
        const QByteArray whole = photo.readAll();
        test::writeBytes(QString::fromStdString(path("starry.jpg")),
                         whole.left(whole.size() * 2 / 5));
        expectLoadError(path("starry.jpg"), {"starry.jpg", "corrupt or truncated"});
    }

    void hugeDeclaredSizesAreRefusedFromTheHeader() {
        // A JPEG whose frame header declares 60000 x 60000 (3.6 gigapixels): refused with the
        // declared size, read from the header, before any pixel buffer is allocated.
        QByteArray jpeg = encoded(".jpg", test::testPicture(16, 16));
        const int sof = jpeg.indexOf(QByteArray("\xff\xc0", 2));
        QVERIFY(sof > 0);
        for (int at : {sof + 5, sof + 7}) { // height, then width, big-endian
            jpeg[at] = static_cast<char>(60000 >> 8);
            jpeg[at + 1] = static_cast<char>(60000 & 0xff);
        }
        test::writeBytes(QString::fromStdString(path("huge.jpg")), jpeg);
        expectLoadError(path("huge.jpg"), {"huge.jpg", "too large", "60000x60000"});
        // A BMP declaring 30000 x 30000.
        QByteArray bmp = encoded(".bmp", test::testPicture(16, 16));
        for (int at : {18, 22})
            for (int i = 0; i < 4; ++i)
                bmp[at + i] = static_cast<char>((30000 >> (8 * i)) & 0xff);
        test::writeBytes(QString::fromStdString(path("huge.bmp")), bmp);
        expectLoadError(path("huge.bmp"), {"huge.bmp", "too large", "30000x30000"});
    }

    void decompressionBombIsRefused() {
        test::writeBytes(QString::fromStdString(path("bomb.png")),
                         test::pngClaimingSize(200000, 200000));
        expectLoadError(path("bomb.png"), {"bomb.png", "too large", "200000x200000"});
    }

    void resizesLongerSideKeepingAspect() {
        const cv::Mat image = test::testPicture(300, 200);
        const cv::Mat smaller = resizeLongerSide(image, 150);
        QCOMPARE(smaller.cols, 150);
        QCOMPARE(smaller.rows, 100);
        const cv::Mat tall = resizeLongerSide(test::testPicture(100, 400), 800);
        QCOMPARE(tall.rows, 800);
        QCOMPARE(tall.cols, 200);
    }

    void sameSizeIsNotResampled() {
        const cv::Mat image = test::testPicture(128, 96);
        const cv::Mat same = resizeLongerSide(image, 128);
        QCOMPARE(same.data, image.data);
    }

    void tensorRoundTrip() {
        const cv::Mat image = test::testPicture(20, 10);
        const auto tensor = rgbMatToTensor(image);
        QCOMPARE(tensor.sizes().vec(), (std::vector<int64_t>{1, 3, 10, 20}));
        QVERIFY(tensor.min().item<float>() >= 0.0f && tensor.max().item<float>() <= 1.0f);
        QCOMPARE(tensor[0][0][0][19].item<float>(), image.at<cv::Vec3b>(0, 19)[0] / 255.0f);
        QCOMPARE(cv::norm(tensorToRgbMat(tensor), image, cv::NORM_INF), 0.0);
    }

    void savesEveryFormat() {
        const cv::Mat image = test::testPicture(32, 24);
        for (const char* name : {"a.png", "b.jpg", "c.jpeg", "d.tif", "e.tiff", "f.webp"}) {
            saveRgbImage(image, path(name));
            const cv::Mat back = loadRgbImage(path(name), "output");
            QCOMPARE(back.cols, 32);
            const double meanError = cv::norm(back, image, cv::NORM_L1) / back.total() / 3;
            QVERIFY2(meanError < 12.0,
                     qPrintable(QStringLiteral("%1: %2").arg(name).arg(meanError)));
            if (QByteArray(name).endsWith(".png") || QByteArray(name).contains(".tif"))
                QCOMPARE(meanError, 0.0);
        }
    }

    // 16 bits a channel and a print resolution, in PNG (libpng, pHYs) and TIFF (resolution
    // tags); JPEG and WebP refuse both before writing anything.
    void sixteenBitsAndPrintResolution() {
        // A smooth ramp: 16 bits keep 4096 levels across it where 8 bits keep 256.
        const auto ramp =
            torch::linspace(0.0, 1.0, 4096).view({1, 1, 1, 4096}).expand({1, 3, 2, 4096});
        const cv::Mat deep = tensorToRgbMat(ramp.contiguous(), 16);
        QCOMPARE(deep.type(), CV_16UC3);
        QCOMPARE(deep.at<cv::Vec3w>(0, 4095)[1], ushort(65535));
        QCOMPARE(deep.at<cv::Vec3w>(1, 1)[0], ushort(std::lround(65535.0 / 4095.0)));
        ImageWriteOptions format;
        format.bitDepth = 16;
        format.dpi = 300;
        for (const char* name : {"deep.png", "deep.tif"}) {
            saveRgbImage(deep, path(name), format);
            const cv::Mat back = cv::imread(path(name), cv::IMREAD_UNCHANGED);
            QCOMPARE(back.depth(), CV_16U);
            cv::Mat rgb;
            cv::cvtColor(back, rgb, cv::COLOR_BGR2RGB);
            QCOMPARE(cv::norm(rgb, deep, cv::NORM_INF), 0.0);
        }
        QFile png(QString::fromStdString(path("deep.png")));
        QVERIFY(png.open(QIODevice::ReadOnly));
        QCOMPARE(pngPixelsPerMetre(png.readAll()), 11811); // 300 dpi
        QFile tiff(QString::fromStdString(path("deep.tif")));
        QVERIFY(tiff.open(QIODevice::ReadOnly));
        QCOMPARE(tiffXResolution(tiff.readAll()), 300.0);
        // An 8-bit image asked for at 16 bits is widened (level x 257), not refused.
        saveRgbImage(test::testPicture(8, 8), path("wide.png"), format);
        QCOMPARE(cv::imread(path("wide.png"), cv::IMREAD_UNCHANGED).depth(), CV_16U);
        for (const char* name : {"deep.jpg", "deep.webp"}) {
            QVERIFY_THROWS_EXCEPTION(Error, saveRgbImage(deep, path(name), format));
            QVERIFY(!QFile::exists(QString::fromStdString(path(name))));
        }
        ImageWriteOptions dpiOnly;
        dpiOnly.dpi = 300;
        QVERIFY_THROWS_EXCEPTION(Error, checkWriteOptions("a.jpg", dpiOnly));
        checkWriteOptions("a.tiff", format);
    }

    void refusesUnsupportedOutput() {
        QVERIFY(!isSupportedOutputPath("out.gif"));
        QVERIFY(isSupportedOutputPath("OUT.PNG"));
        QVERIFY_THROWS_EXCEPTION(Error, checkOutputPath(path("out.bmp")));
        QVERIFY_THROWS_EXCEPTION(Error, checkOutputPath(path("no/such/folder/out.png")));
        checkOutputPath(path("fine.png"));
    }

    void failedWriteLeavesNothingAndKeepsOldFile() {
        const cv::Mat image = test::testPicture(16, 16);
        QVERIFY_THROWS_EXCEPTION(Error, saveRgbImage(image, path("missing-dir/out.png")));
        QVERIFY(!QDir(dir_.filePath(QStringLiteral("missing-dir"))).exists());

        saveRgbImage(image, path("keep.png"));
        const auto before = QFileInfo(QString::fromStdString(path("keep.png"))).size();
        // Nothing to encode: the old file must stay whole and no temporary remains.
        QVERIFY_THROWS_EXCEPTION(Error, saveRgbImage(cv::Mat(0, 0, CV_8UC3), path("keep.png")));
        QCOMPARE(QFileInfo(QString::fromStdString(path("keep.png"))).size(), before);
        const auto leftovers = QDir(dir_.path()).entryList({QStringLiteral("keep*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList{QStringLiteral("keep.png")});
    }
};

QTEST_GUILESS_MAIN(TestImageFile)
#include "tst_imagefile.moc"
