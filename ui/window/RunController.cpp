#include "RunController.h"

#include "Continuation.h"
#include "ImageView.h"
#include "InputsController.h"
#include "LossChart.h"
#include "QueueRunner.h"
#include "RunProgress.h"
#include "RunQueue.h"
#include "RunRecorder.h"
#include "TransferSession.h"

#include <QLabel>

namespace deepart {

RunController::RunController(const Parts& parts, QObject* parent)
    : QObject(parent), parts_(parts), queue_(new RunQueue(this)),
      queueRunner_(new QueueRunner(
          queue_, [session = parts.session] { return session->isRunning(); }, this)) {
    // The queue starts each entry through startJob() when the window is idle, and is told when
    // a run ended. Queued, so that the window's own handlers of the end (the status line) have
    // run first, whatever the order of connection.
    queueRunner_->setRefusalText([this] { return lastRefusal_; });
    connect(queueRunner_, &QueueRunner::runNext, this, &RunController::startJob);
    connect(parts_.session, &TransferSession::finished, queueRunner_, &QueueRunner::runFinished,
            Qt::QueuedConnection);
    connect(parts_.session, &TransferSession::failed, queueRunner_, &QueueRunner::runFailed,
            Qt::QueuedConnection);
    connectSession();
}

QString RunController::missingWeightsText() {
    return tr("The VGG-19 weights are missing: File ▸ VGG-19 weights… downloads them or uses a "
              "file you already have.");
}

void RunController::refuse(const QString& message) {
    lastRefusal_ = message;
    Q_EMIT refused(message);
}

void RunController::startJob(const JobRequest& request) {
    JobRequest job = request;
    if (job.weightsPath.isEmpty())
        job.weightsPath = parts_.inputs->weightsPath();
    if (job.isVideo() && job.styles.empty())
        return refuse(tr("Choose a style image for the video first."));
    if (job.contentPath.isEmpty() || job.styles.empty())
        return refuse(tr("Choose a content image and a style image first."));
    double totalWeight = 0.0;
    for (const StyleSource& style : job.styles)
        totalWeight += style.weight;
    if (!(totalWeight > 0.0))
        return refuse(tr("Every style's blend weight is 0: give at least one style some weight."));
    if (job.weightsPath.isEmpty())
        return refuse(missingWeightsText());
    if (job.isVideo()) {
        for (const StyleSource& style : job.styles)
            if (!style.maskPath.empty())
                return refuse(tr("Painted regions cannot go with a video (its frames have no "
                                 "fixed shape to paint on): remove them first."));
        if (job.transfer.init == InitMode::Image)
            return refuse(tr("A video's first frame starts from its content, noise or a blend, "
                             "not from an image: choose one under Start."));
    }
    lastRefusal_.clear();
    Q_EMIT starting();
    // Snapshots of earlier runs stay in the gallery, each with its settings, so runs can be
    // compared; only the chart starts afresh.
    parts_.chart->clear();
    parts_.progress->preparing(job.transfer.totalIterations());
    job.runNumber = ++runCount_;
    parts_.inputs->save();
    parts_.recorder->beginRun(job);
    parts_.session->start(job);
}

void RunController::continueFrom(const SnapshotInfo& snapshot, JobRequest job) {
    const QString error = prepareContinuation(snapshot, startsFolder_, job);
    if (!error.isEmpty())
        return Q_EMIT failed(error);
    startJob(job);
}

void RunController::togglePause() {
    if (parts_.session->isRunning())
        parts_.session->setPaused(!parts_.session->isPaused());
}

void RunController::stop() {
    parts_.session->stop();
}

void RunController::snapshotNow() {
    parts_.session->snapshotNow();
}

void RunController::connectSession() {
    TransferSession* session = parts_.session;
    RunProgress* progress = parts_.progress;
    RunRecorder* recorder = parts_.recorder;
    connect(session, &TransferSession::started, this,
            [this](const QString& device, const QSize& size) {
                parts_.device->setText(
                    tr("%1 · %2 × %3 px").arg(device).arg(size.width()).arg(size.height()));
                parts_.progress->started();
            });
    connect(session, &TransferSession::progressed, progress, &RunProgress::addIteration);
    connect(session, &TransferSession::tileProgressed, progress, &RunProgress::tileProgressed);
    connect(progress, &RunProgress::statsFlushed, this, [this](const QList<IterationStats>& batch) {
        for (const auto& stats : batch) {
            parts_.chart->addStats(stats);
            parts_.recorder->addLoss(stats);
        }
    });
    connect(session, &TransferSession::previewReady, this,
            [this](int iteration, const QImage& image) {
                parts_.preview->setImage(image);
                parts_.recorder->addFrame(iteration, image);
            });
    connect(session, &TransferSession::snapshotReady, recorder, &RunRecorder::addSnapshot);
    connect(session, &TransferSession::snapshotReady, progress,
            [progress](const SnapshotInfo& snapshot) {
                if (snapshot.frame > 0)
                    progress->frameDone();
            });
    connect(session, &TransferSession::frameStarted, progress, &RunProgress::frameStarted);
    connect(session, &TransferSession::videoEnded, this, &RunController::videoEnded);
    connect(session, &TransferSession::finished, this, [this](int completed, bool stopped) {
        parts_.recorder->endRun(stopped);
        parts_.progress->finished(completed, stopped);
    });
    connect(session, &TransferSession::heldAt, progress, &RunProgress::heldAt);
    connect(session, &TransferSession::failed, this, [this](const QString& message) {
        parts_.recorder->runFailed();
        Q_EMIT failed(message);
    });
    connect(session, &TransferSession::runningChanged, this, &RunController::stateChanged);
    connect(session, &TransferSession::pausedChanged, this, &RunController::stateChanged);
    connect(session, &TransferSession::pausedChanged, progress, &RunProgress::setPaused);
}

} // namespace deepart
