#include "RunProgress.h"

#include "DurationText.h"
#include "LossText.h"

#include <QLabel>
#include <QProgressBar>

namespace deepart {

RunProgress::RunProgress(QProgressBar* bar, QLabel* text, QObject* parent)
    : QObject(parent), bar_(bar), text_(text) {
    bar_->setRange(0, 100);
    ready();
    timer_.setSingleShot(true);
    timer_.setInterval(33);
    connect(&timer_, &QTimer::timeout, this, &RunProgress::flush);
}

void RunProgress::ready() {
    pending_.clear();
    bar_->setValue(0);
    text_->setText(tr("Ready"));
}

void RunProgress::preparing(int totalIterations) {
    totalIterations_ = totalIterations;
    framePrefix_.clear();
    completedFrames_ = 0;
    pending_.clear();
    bar_->setValue(0);
    text_->setText(tr("Preparing (loading weights and images)…"));
}

void RunProgress::frameStarted(int frame, int number, int count) {
    flush(); // the frame before's iterations under its own prefix
    framePrefix_ = count > 0 ? tr("Frame %1 (%2/%3) · ").arg(frame).arg(number).arg(count)
                             : tr("Frame %1 · ").arg(frame);
}

void RunProgress::started() {
    runClock_.start();
    pausedMs_ = 0;
    if (pauseClock_.isValid()) // paused while preparing: only from now on
        pauseClock_.start();
}

void RunProgress::addIteration(const IterationStats& stats) {
    pending_.append(stats);
    if (!timer_.isActive())
        timer_.start();
}

void RunProgress::tileProgressed(int iteration, int pass, int tile, int tiles) {
    if (paused_)
        return;
    flush(); // the iterations before it first
    text_->setText(pass == 1 ? tr("Iteration %1/%2 · measuring tile %3/%4")
                                   .arg(iteration)
                                   .arg(totalIterations_)
                                   .arg(tile + 1)
                                   .arg(tiles)
                             : tr("Iteration %1/%2 · gradient of tile %3/%4")
                                   .arg(iteration)
                                   .arg(totalIterations_)
                                   .arg(tile + 1)
                                   .arg(tiles));
}

void RunProgress::setPaused(bool paused) {
    paused_ = paused;
    // "Paused" at once, until heldAt() says at which iteration; nothing else overwrites that.
    if (paused) {
        text_->setText(tr("Paused"));
        pauseClock_.start();
    } else if (pauseClock_.isValid()) {
        pausedMs_ += pauseClock_.elapsed();
        pauseClock_.invalidate();
    }
}

void RunProgress::heldAt(int completed) {
    flush();
    text_->setText(tr("Paused at iteration %1/%2").arg(completed).arg(totalIterations_));
}

void RunProgress::finished(int completed, bool stopped) {
    timer_.stop();
    flush();
    const QString duration = QString::fromStdString(formatDuration(runClock_.elapsed() / 1000.0));
    // Done is all of it, even when nothing was left to iterate (a video whose frames were all
    // kept from an earlier run).
    if (!stopped)
        bar_->setValue(bar_->maximum());
    if (!framePrefix_.isEmpty())
        text_->setText(stopped ? tr("Stopped after %1 frames").arg(completedFrames_)
                               : tr("Done: %1 frames in %2").arg(completedFrames_).arg(duration));
    else
        text_->setText(stopped ? tr("Stopped at iteration %1").arg(completed)
                               : tr("Done: %1 iterations in %2").arg(completed).arg(duration));
}

void RunProgress::failed() {
    timer_.stop();
    flush(); // before the message, so that pending progress cannot overwrite it
    text_->setText(tr("Failed"));
}

void RunProgress::flush() {
    if (pending_.isEmpty())
        return;
    const QList<IterationStats> batch = std::exchange(pending_, {});
    Q_EMIT statsFlushed(batch);
    const IterationStats& stats = batch.last();
    // A video's total grows known as its frames are read.
    if (stats.totalIterations > 0)
        totalIterations_ = stats.totalIterations;
    bar_->setValue(totalIterations_ > 0 ? stats.iteration * 100 / totalIterations_ : 0);
    if (paused_)
        return; // "Paused…" stays; an ETA would be wrong
    // The time spent paused is not the run's: it/s and the ETA after a pause leave it out.
    const double seconds = runClock_.isValid() ? (runClock_.elapsed() - pausedMs_) / 1000.0 : 0.0;
    const double rate = seconds > 0.0 ? stats.iteration / seconds : 0.0;
    // Coarse scales are cheap: the remaining time follows the work (pixels), not the count.
    const double eta =
        stats.progress > 0.0 ? seconds * (1.0 - stats.progress) / stats.progress : 0.0;
    text_->setText(framePrefix_ +
                   tr("Iteration %1/%2 · %3 px · %4 it/s · ETA %5 · loss %6")
                       .arg(stats.iteration)
                       .arg(totalIterations_)
                       .arg(stats.size)
                       .arg(rate, 0, 'f', 2)
                       .arg(QString::fromStdString(formatDuration(eta)), formatLoss(stats.total)));
}

} // namespace deepart
