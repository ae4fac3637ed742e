#pragma once

#include "JobRequest.h"

#include <QObject>

class QLabel;

namespace deepart {

class ImageView;
class InputsController;
class LossChart;
class QueueRunner;
class RunProgress;
class RunQueue;
class RunRecorder;
class TransferSession;

// Starts, pauses and stops the window's runs: checks a job before it starts (a photo, a style
// with some weight, the weights file), numbers it, and fans the session's signals out to the
// progress line, the loss chart, the preview and the run recorder. Runs the queue through the
// same start. Knows no widget beyond the parts it is given. GUI thread only.
class RunController : public QObject {
    Q_OBJECT
public:
    struct Parts {
        TransferSession* session;
        InputsController* inputs;
        RunRecorder* recorder;
        RunProgress* progress;
        LossChart* chart;
        ImageView* preview;
        QLabel* device; // the status bar's "CPU · 512 × 384 px"
    };
    RunController(const Parts& parts, QObject* parent);

    // Starts `request`, or says why not (refused()). A job without weights takes the window's:
    // one queued before they were chosen would otherwise start with none.
    void startJob(const JobRequest& request);
    // Starts `job` from `snapshot`'s image (written into the starts folder, so that the run's
    // settings name a real file), or says why not (failed()).
    void continueFrom(const SnapshotInfo& snapshot, JobRequest job);
    void setStartsFolder(const QString& folder) { startsFolder_ = folder; }
    void togglePause();
    void stop();
    void snapshotNow();
    // Runs are numbered on from the workspace's last one.
    void setRunCount(int count) { runCount_ = count; }
    // The message for a window without weights (also said at launch when there are none).
    static QString missingWeightsText();

    RunQueue* queue() const { return queue_; }

Q_SIGNALS:
    // The job cannot start: a message about its inputs, shown until they change.
    void refused(const QString& message);
    // A run failed; its snapshots so far stay.
    void failed(const QString& message);
    // A job passed its checks and is about to start (earlier messages are out of date).
    void starting();
    // Running or paused changed: the actions follow.
    void stateChanged();
    // A video run ended: what it wrote, or which frames it keeps for the next start.
    void videoEnded(const QString& message);

private:
    void connectSession();
    void refuse(const QString& message);

    Parts parts_;
    RunQueue* queue_;
    QueueRunner* queueRunner_;
    QString lastRefusal_; // why the last start was refused, for the queue's failed entry
    QString startsFolder_;
    int runCount_ = 0;
};

} // namespace deepart
