#pragma once

#include "FramePreview.h"
#include "VideoSettings.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace deepart {

// Run ▸ Stylize a video…: the clip (browsed or dropped on the dialog), its size, frames and rate;
// which frames; a preview of frame N beside its consistency mask (where the result of the frame
// before would be carried along, white); how strongly frames keep to the ones before; the
// video to write. The preview is computed off the GUI thread (a far frame means reading the clip
// up to it). GUI thread only.
class VideoDialog : public QDialog {
    Q_OBJECT
public:
    explicit VideoDialog(QWidget* parent = nullptr);
    ~VideoDialog() override;
    VideoDialog(const VideoDialog&) = delete;
    VideoDialog& operator=(const VideoDialog&) = delete;

    // Opens the clip: shows what it is, sets the range and the output beside it, and previews
    // its second frame (the first one guided by another); or says why it cannot be read.
    void setClip(const QString& path);
    void setOutputPath(const QString& path);
    // Where Browse… starts.
    void setFolder(const QString& folder) { folder_ = folder; }

    QString clipPath() const { return clip_; }
    QString outputPath() const;
    // The range, temporal weight, long-term frames and iterations after the first frame.
    VideoSettings settings() const;
    void setSettings(const VideoSettings& settings);

    // The last choice offered again (a stopped video goes on when started again).
    struct Choice {
        QString clip;
        QString output;
        VideoSettings settings;
    };
    void restore(const Choice& choice);

    QString infoText() const;
    // Where the frames will be kept, and how many are there already.
    QString framesNoteText() const;
    QString errorText() const;
    QSpinBox* previewFrame() const { return previewFrame_; }
    // The preview shown: the frame and its mask (null for frame 1, or while computing).
    QImage previewImage() const { return previewImage_; }
    QImage maskImage() const { return maskImage_; }
    bool canStart() const;

Q_SIGNALS:
    // A preview has been shown (or failed, with errorText()).
    void previewShown();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static QString infoPlaceholder();
    static QString maskPlaceholder();
    void browseClip();
    void browseOutput();
    void requestPreview();
    void showPreview();
    void showError(const QString& message);
    void updateStart();

    QString clip_;
    QString folder_;
    int frameCount_ = 0;
    QLineEdit* clipEdit_;
    QLabel* info_;
    QLabel* error_;
    QSpinBox* firstFrame_;
    QSpinBox* frameCountBox_;
    QSpinBox* previewFrame_;
    QLabel* framePicture_;
    QLabel* maskPicture_;
    QDoubleSpinBox* temporalWeight_;
    QCheckBox* longTerm_;
    QSpinBox* frameIterations_;
    QLineEdit* outputEdit_;
    QLabel* framesNote_;
    QDialogButtonBox* buttons_;
    // A preview or why there is none (exceptions do not cross QtConcurrent's threads).
    struct PreviewResult {
        QString clip;
        int frame = 0;
        FramePreview preview;
        QString error;
    };
    QImage previewImage_;
    QImage maskImage_;
    QFutureWatcher<PreviewResult> preview_;
    int pendingPreview_ = 0; // a frame asked for while another was computed
};

} // namespace deepart
