#include "VideoDialog.h"

#include "Error.h"
#include "ImageConversion.h"
#include "TimelapseWriter.h"
#include "VideoClip.h"
#include "VideoStylizer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace deepart {

namespace {

constexpr int kPreviewSide = 240; // px: two pictures side by side in the dialog
constexpr int kMaxFrames = 10'000'000;

QString localFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty() || !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}

QLabel* picture(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setFixedSize(kPreviewSide, kPreviewSide * 3 / 4);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    return label;
}

void showPicture(QLabel* label, const QImage& image, const QString& empty) {
    if (image.isNull()) {
        label->setPixmap({});
        label->setText(empty);
        return;
    }
    label->setPixmap(QPixmap::fromImage(
        image.scaled(label->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

} // namespace

VideoDialog::VideoDialog(QWidget* parent)
    : QDialog(parent), clipEdit_(new QLineEdit(this)), info_(new QLabel(this)),
      error_(new QLabel(this)), firstFrame_(new QSpinBox(this)), frameCountBox_(new QSpinBox(this)),
      previewFrame_(new QSpinBox(this)), framePicture_(picture(this)), maskPicture_(picture(this)),
      temporalWeight_(new QDoubleSpinBox(this)),
      longTerm_(new QCheckBox(tr("Long-term: also follow the results 2 and 4 frames back"), this)),
      frameIterations_(new QSpinBox(this)), outputEdit_(new QLineEdit(this)),
      framesNote_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Stylize a video"));
    setAcceptDrops(true);
    clipEdit_->setReadOnly(true);
    clipEdit_->setPlaceholderText(tr("Drop a video here, or browse"));
    auto* browseClip = new QPushButton(tr("Browse…"), this);
    connect(browseClip, &QPushButton::clicked, this, &VideoDialog::browseClip);
    auto* clipRow = new QHBoxLayout;
    clipRow->addWidget(clipEdit_, 1);
    clipRow->addWidget(browseClip);
    info_->setWordWrap(true);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    firstFrame_->setObjectName(QStringLiteral("firstFrame"));
    frameCountBox_->setObjectName(QStringLiteral("frameCount"));
    frameIterations_->setObjectName(QStringLiteral("frameIterations"));
    firstFrame_->setRange(1, kMaxFrames);
    frameCountBox_->setRange(0, kMaxFrames);
    frameCountBox_->setSpecialValueText(tr("to the end"));
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(new QLabel(tr("from"), this));
    rangeRow->addWidget(firstFrame_);
    rangeRow->addWidget(new QLabel(tr("count"), this));
    rangeRow->addWidget(frameCountBox_);
    rangeRow->addStretch(1);

    previewFrame_->setRange(1, kMaxFrames);
    previewFrame_->setToolTip(tr("The frame to preview, with where the result of the frame "
                                 "before would be carried into it (white) and where the frame "
                                 "starts from its own content (black)."));
    connect(previewFrame_, &QSpinBox::valueChanged, this, &VideoDialog::requestPreview);
    connect(&preview_, &QFutureWatcher<PreviewResult>::finished, this, &VideoDialog::showPreview);
    auto* pictures = new QHBoxLayout;
    pictures->addWidget(framePicture_);
    pictures->addWidget(maskPicture_);
    showPicture(framePicture_, {}, tr("No video yet"));
    showPicture(maskPicture_, {}, maskPlaceholder());

    temporalWeight_->setRange(0.0, 1e6);
    temporalWeight_->setDecimals(1);
    temporalWeight_->setValue(VideoSettings().temporalWeight);
    temporalWeight_->setToolTip(tr("How strongly each frame keeps to the ones before, against "
                                   "the content weight (Ruder et al.'s γ; 0: only the start "
                                   "from the frame before)."));
    longTerm_->setToolTip(tr("What was hidden for a moment comes back as it was."));
    frameIterations_->setRange(0, 1'000'000);
    frameIterations_->setSpecialValueText(tr("half of the run's"));
    frameIterations_->setToolTip(tr("Each frame after the first starts from the one before, so "
                                    "it needs fewer iterations."));

    auto* browseOutput = new QPushButton(tr("Browse…"), this);
    connect(browseOutput, &QPushButton::clicked, this, &VideoDialog::browseOutput);
    connect(outputEdit_, &QLineEdit::textChanged, this, &VideoDialog::updateStart);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(outputEdit_, 1);
    outputRow->addWidget(browseOutput);
    framesNote_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Video:"), clipRow);
    form->addRow(QString(), info_);
    form->addRow(tr("Frames:"), rangeRow);
    form->addRow(tr("Preview frame:"), previewFrame_);
    form->addRow(QString(), pictures);
    form->addRow(tr("Temporal weight:"), temporalWeight_);
    form->addRow(QString(), longTerm_);
    form->addRow(tr("Iterations after frame 1:"), frameIterations_);
    form->addRow(tr("Write to:"), outputRow);
    form->addRow(QString(), framesNote_);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    info_->setText(infoPlaceholder());
    // Each Browse… after its field, not at the end.
    setTabOrder(clipEdit_, browseClip);
    setTabOrder(browseClip, firstFrame_);
    setTabOrder(outputEdit_, browseOutput);
    setTabOrder(browseOutput, buttons_);
    updateStart();
}

QString VideoDialog::infoPlaceholder() {
    return tr("The run's styles and settings apply to every frame; the sound is not kept.");
}

QString VideoDialog::maskPlaceholder() {
    return tr("White: where the result of the frame before is carried over");
}

// A preview still being read is left to finish in the thread pool: it holds copies only, and its
// result goes nowhere once the watcher is gone.
VideoDialog::~VideoDialog() = default;

void VideoDialog::setClip(const QString& path) {
    error_->hide();
    const QString previousDefault =
        clip_.isEmpty()
            ? QString()
            : QDir(QFileInfo(clip_).path())
                  .filePath(QFileInfo(clip_).completeBaseName() + QStringLiteral("-stylized.mp4"));
    clip_.clear();
    clipEdit_->setText(QDir::toNativeSeparators(path));
    try {
        const VideoClip clip(path.toStdString());
        frameCount_ = clip.frameCount();
        const QString frames = frameCount_ == 1  ? tr("1 frame")
                               : frameCount_ > 1 ? tr("%1 frames").arg(frameCount_)
                                                 : tr("frames not counted");
        info_->setText(tr("%1 × %2 px · %3 · %4 fps. The run's styles and settings apply to "
                          "every frame; the sound is not kept.")
                           .arg(clip.frameSize().width)
                           .arg(clip.frameSize().height)
                           .arg(frames)
                           .arg(clip.framesPerSecond(), 0, 'g', 4));
    } catch (const Error& e) {
        showError(QString::fromStdString(e.what()));
        previewImage_ = maskImage_ = QImage();
        showPicture(framePicture_, {}, tr("No video yet"));
        showPicture(maskPicture_, {}, maskPlaceholder());
        info_->setText(infoPlaceholder());
        if (outputEdit_->text() == previousDefault)
            outputEdit_->clear();
        updateStart();
        return;
    }
    clip_ = path;
    const int last = frameCount_ > 0 ? frameCount_ : kMaxFrames;
    firstFrame_->setRange(1, last);
    frameCountBox_->setRange(0, last);
    if (outputEdit_->text().isEmpty() || outputEdit_->text() == previousDefault)
        setOutputPath(
            QDir(QFileInfo(path).path())
                .filePath(QFileInfo(path).completeBaseName() + QStringLiteral("-stylized.mp4")));
    previewFrame_->setRange(1, last);
    const int shown = std::min(2, last);
    if (previewFrame_->value() == shown)
        requestPreview();
    else
        previewFrame_->setValue(shown); // requests it
    updateStart();
}

void VideoDialog::setOutputPath(const QString& path) {
    outputEdit_->setText(path);
}

QString VideoDialog::outputPath() const {
    return outputEdit_->text().trimmed();
}

void VideoDialog::setSettings(const VideoSettings& v) {
    firstFrame_->setValue(v.firstFrame);
    frameCountBox_->setValue(v.frameCount);
    temporalWeight_->setValue(v.temporalWeight);
    longTerm_->setChecked(v.longTerm);
    frameIterations_->setValue(v.frameIterations);
}

void VideoDialog::restore(const Choice& choice) {
    if (choice.clip.isEmpty())
        return;
    setClip(choice.clip);
    if (!choice.output.isEmpty())
        setOutputPath(choice.output);
    setSettings(choice.settings);
}

VideoSettings VideoDialog::settings() const {
    VideoSettings v;
    v.firstFrame = firstFrame_->value();
    v.frameCount = frameCountBox_->value();
    v.temporalWeight = temporalWeight_->value();
    v.longTerm = longTerm_->isChecked();
    v.frameIterations = frameIterations_->value();
    return v;
}

QString VideoDialog::framesNoteText() const {
    return framesNote_->text();
}

QString VideoDialog::infoText() const {
    return info_->text();
}

QString VideoDialog::errorText() const {
    return error_->isVisible() || !error_->isHidden() ? error_->text() : QString();
}

bool VideoDialog::canStart() const {
    return !clip_.isEmpty() && TimelapseWriter::isSupportedPath(outputPath().toStdString());
}

void VideoDialog::dragEnterEvent(QDragEnterEvent* event) {
    if (!localFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void VideoDialog::dropEvent(QDropEvent* event) {
    const QString file = localFile(event->mimeData());
    if (file.isEmpty())
        return;
    event->acceptProposedAction();
    setClip(file);
}

void VideoDialog::browseClip() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose a video"), folder_,
        tr("Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.gif);;All files (*)"));
    if (file.isEmpty())
        return;
    folder_ = QFileInfo(file).path();
    setClip(file);
}

void VideoDialog::browseOutput() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Write the stylized video to"), outputPath(),
        tr("H.264 video (*.mp4);;WebM video (*.webm);;Animated WebP (*.webp);;Motion JPEG "
           "(*.avi)"));
    if (!file.isEmpty())
        setOutputPath(file);
}

void VideoDialog::requestPreview() {
    if (clip_.isEmpty())
        return;
    if (preview_.isRunning()) {
        pendingPreview_ = previewFrame_->value(); // once the one under way is shown
        return;
    }
    pendingPreview_ = 0;
    previewImage_ = maskImage_ = QImage();
    showPicture(framePicture_, {}, tr("Reading frame %1…").arg(previewFrame_->value()));
    showPicture(maskPicture_, {}, QString());
    const std::string path = clip_.toStdString();
    const int frame = previewFrame_->value();
    preview_.setFuture(QtConcurrent::run([path, frame] {
        PreviewResult result;
        result.clip = QString::fromStdString(path);
        result.frame = frame;
        try {
            result.preview = deepart::previewFrame(path, frame, kPreviewSide);
        } catch (const std::exception& e) {
            result.error = QString::fromStdString(e.what());
        }
        return result;
    }));
}

void VideoDialog::showPreview() {
    const PreviewResult result = preview_.result();
    if (pendingPreview_ > 0)
        return requestPreview();
    // The clip changed (or failed to open) while this was read: not this dialog's preview now.
    if (result.clip != clip_ || result.frame != previewFrame_->value())
        return requestPreview();
    if (!result.error.isEmpty()) {
        showError(result.error);
        showPicture(framePicture_, {}, tr("No preview"));
    } else {
        error_->hide();
        previewImage_ = toQImage(result.preview.frame);
        if (!result.preview.mask.empty())
            maskImage_ =
                QImage(result.preview.mask.data, result.preview.mask.cols, result.preview.mask.rows,
                       static_cast<int>(result.preview.mask.step), QImage::Format_Grayscale8)
                    .copy();
        showPicture(framePicture_, previewImage_, QString());
        showPicture(maskPicture_, maskImage_,
                    tr("Frame 1 has no frame before it: it starts as a single run does"));
    }
    Q_EMIT previewShown();
}

void VideoDialog::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

void VideoDialog::updateStart() {
    const QString output = outputPath();
    const QString folder = output.isEmpty()
                               ? QString()
                               : QString::fromStdString(defaultFramesFolder(output.toStdString()));
    const int kept =
        folder.isEmpty()
            ? 0
            : static_cast<int>(
                  QDir(folder).entryList({QStringLiteral("frame-*.png")}, QDir::Files).size());
    if (output.isEmpty())
        framesNote_->clear();
    else if (kept > 0)
        framesNote_->setText(tr("%1 already holds %2 of an earlier run of this video: Start "
                                "goes on from there (with other settings or another clip, "
                                "choose another output name).")
                                 .arg(QDir::toNativeSeparators(folder),
                                      kept == 1 ? tr("1 frame") : tr("%1 frames").arg(kept)));
    else
        framesNote_->setText(tr("Each frame is kept in %1 as soon as it is done: starting the "
                                "same video again goes on from there.")
                                 .arg(QDir::toNativeSeparators(folder)));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(canStart());
    // Longer texts (the clip's line, this note) must not squeeze the pictures: grow to fit.
    resize(size().expandedTo(sizeHint()));
}

} // namespace deepart
