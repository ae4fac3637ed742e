#include "TransferWorker.h"

#include "Error.h"
#include "ImageConversion.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "KerasWeightsFile.h"
#include "StyleTransfer.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace deepart {

namespace {

QImage imageOf(const torch::Tensor& image) {
    return deepart::toQImage(tensorToRgbMat(image));
}

constexpr qint64 kMinPreviewGapMs = 200; // at most ~5 previews per second

} // namespace

TransferWorker::TransferWorker(QObject* parent) : QObject(parent) {}

void TransferWorker::stop(quint64 jobId) {
    quint64 current = stopUpTo_.load();
    while (current < jobId && !stopUpTo_.compare_exchange_weak(current, jobId)) {
    }
    QMutexLocker lock(&mutex_);
    resumed_.wakeAll();
}

void TransferWorker::setPaused(bool paused) {
    QMutexLocker lock(&mutex_);
    paused_ = paused;
    if (!paused)
        resumed_.wakeAll();
}

void TransferWorker::setLossWeights(const LossWeights& weights) {
    QMutexLocker lock(&mutex_);
    pendingWeights_ = weights;
}

void TransferWorker::requestSnapshot() {
    snapshotRequested_ = true;
}

bool TransferWorker::waitWhilePaused(quint64 jobId) {
    QMutexLocker lock(&mutex_);
    while (paused_ && stopUpTo_.load() < jobId)
        resumed_.wait(&mutex_);
    return stopUpTo_.load() < jobId;
}

const Vgg19Weights& TransferWorker::weightsFor(const QString& path) {
    const qint64 stamp = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    if (!weights_ || path != weightsPath_ || stamp != weightsStamp_) {
        weights_.reset();
        weights_ = loadKerasVgg19Weights(path.toStdString());
        weightsPath_ = path;
        weightsStamp_ = stamp;
    }
    return *weights_;
}

void TransferWorker::run(quint64 jobId, const JobRequest& job) {
    if (stopUpTo_.load() >= jobId)
        return; // replaced before it began
    try {
        configureThreads(job.threads);
        const torch::Device device = chooseDevice(job.device);
        const Vgg19Weights& weights = weightsFor(job.weightsPath);
        const cv::Mat content = resizeLongerSide(
            loadRgbImage(job.contentPath.toStdString(), "content image"), job.size);
        const cv::Mat style =
            resizeLongerSide(loadRgbImage(job.stylePath.toStdString(), "style image"), job.size);
        StyleTransfer transfer(weights, rgbMatToTensor(content), rgbMatToTensor(style),
                               job.transfer, device);
        {
            QMutexLocker lock(&mutex_);
            pendingWeights_.reset();
        }
        snapshotRequested_ = false;
        Q_EMIT started(jobId, QString::fromStdString(describeDevice(device)),
                       QSize(content.cols, content.rows));
        Q_EMIT previewReady(jobId, 0, imageOf(transfer.image()));

        JobRequest current = job;
        QElapsedTimer sincePreview;
        sincePreview.start();
        const int total = job.transfer.iterations;
        IterationStats lastStats;
        while (transfer.completedIterations() < total) {
            if (!waitWhilePaused(jobId))
                break;
            {
                QMutexLocker lock(&mutex_);
                if (pendingWeights_) {
                    transfer.setLossWeights(*pendingWeights_);
                    current.transfer.lossWeights = *pendingWeights_;
                    pendingWeights_.reset();
                }
            }
            const IterationStats stats = transfer.step();
            lastStats = stats;
            Q_EMIT progressed(jobId, stats);
            const bool last = stats.iteration == total;
            const bool scheduled =
                job.transfer.saveEvery > 0 && stats.iteration % job.transfer.saveEvery == 0;
            const bool manual = snapshotRequested_.exchange(false);
            QImage image;
            if (scheduled || manual || last) {
                image = imageOf(transfer.image());
                Q_EMIT snapshotReady(jobId, SnapshotInfo{stats.iteration, manual && !scheduled,
                                                         image, stats, current});
            }
            const bool previewDue = job.previewInterval > 0 &&
                                    stats.iteration % job.previewInterval == 0 &&
                                    sincePreview.elapsed() >= kMinPreviewGapMs;
            if (previewDue || last || !image.isNull()) {
                Q_EMIT previewReady(jobId, stats.iteration,
                                    image.isNull() ? imageOf(transfer.image()) : image);
                sincePreview.restart();
            }
        }
        const bool stopped = transfer.completedIterations() < total;
        if (stopped && transfer.completedIterations() > 0) {
            // Keep the image the user stopped at.
            Q_EMIT snapshotReady(jobId,
                                 SnapshotInfo{transfer.completedIterations(), true,
                                              imageOf(transfer.image()), lastStats, current});
        }
        Q_EMIT finished(jobId, transfer.completedIterations(), stopped);
    } catch (const std::exception& e) {
        Q_EMIT failed(jobId, QString::fromStdString(describeException(e)));
    } catch (...) {
        Q_EMIT failed(jobId, QStringLiteral("unexpected error"));
    }
}

} // namespace deepart
