// deepart-gallery-bench [COUNT] [SIZE]: what the gallery costs in memory. Feeds COUNT snapshots
// (default 200) of SIZE px (default 512) through the window's own path (Workspace writes each
// one, the GalleryModel keeps its thumbnail) and prints the process's resident memory before and
// after, and the time per snapshot. Prints figures; asserts nothing.
#include "GalleryModel.h"
#include "TestData.h"
#include "Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace {

// Resident set size in MiB, from /proc (Linux).
double residentMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1.0;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 200;
    const int size = argc > 2 ? std::atoi(argv[2]) : 512;

    QTemporaryDir dir;
    deepart::Workspace workspace;
    workspace.open(dir.filePath(QStringLiteral("workspace")));
    deepart::GalleryModel gallery;
    deepart::JobRequest job;
    job.runNumber = 1;
    job.transfer.setOutputSize(size);
    workspace.beginRun(job);
    gallery.addRun(job, QDateTime::currentDateTime());

    // A few distinct pictures, so that PNG sizes are realistic; converted once.
    std::vector<QImage> pictures;
    for (int seed = 0; seed < 4; ++seed) {
        const cv::Mat rgb = deepart::test::testPicture(size, size * 3 / 4, seed);
        pictures.push_back(
            QImage(rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step), QImage::Format_RGB888)
                .copy());
    }
    const double before = residentMiB();
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i <= count; ++i) {
        deepart::SnapshotInfo snapshot;
        snapshot.iteration = i * 10;
        snapshot.image = pictures[static_cast<size_t>(i) % pictures.size()];
        snapshot.settings = job;
        snapshot.size = size;
        QString error;
        gallery.addSnapshot(workspace.addSnapshot(snapshot, &error));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const double perSnapshot = static_cast<double>(clock.elapsed()) / count;
    const double after = residentMiB();
    const double raw = count * static_cast<double>(pictures[0].sizeInBytes()) / (1024.0 * 1024.0);
    std::printf("%d snapshots of %d px: RSS %.1f -> %.1f MiB (+%.1f MiB; the images themselves "
                "would be %.0f MiB), %.1f ms per snapshot to write and record\n",
                count, size, before, after, after - before, raw, perSnapshot);
    return 0;
}
