#include "WeightsDialog.h"

#include "WeightsDownloader.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace deepart {

WeightsDialog::WeightsDialog(const WeightsStore& store, const QUrl& url, const QString& reason,
                             QWidget* parent)
    : QDialog(parent), store_(store),
      downloader_(new WeightsDownloader(store.storedPath(), url, WeightsStore::kMd5, this)),
      status_(new QLabel(this)), progress_(new QProgressBar(this)),
      download_(new QPushButton(this)), restart_(new QPushButton(tr("Restart download"), this)),
      cancel_(new QPushButton(tr("Cancel download"), this)),
      useFile_(new QPushButton(tr("Use a file I already have…"), this)) {
    setWindowTitle(tr("VGG-19 weights needed"));
    setMinimumWidth(520);
    auto* intro = new QLabel(
        tr("<p>Deep Art Gallery measures content and style with a VGG-19 network. Its weights "
           "(%1, 80 MB) are not on this computer yet.</p><p>%2</p>")
            .arg(QString::fromLatin1(WeightsStore::kFileName), reason.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    status_->setWordWrap(true);
    progress_->setRange(0, 100);
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p%"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(download_, QDialogButtonBox::ActionRole);
    buttons->addButton(restart_, QDialogButtonBox::ActionRole);
    buttons->addButton(cancel_, QDialogButtonBox::ActionRole);
    buttons->addButton(useFile_, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(download_, &QPushButton::clicked, this, [this] { startDownload(true); });
    connect(restart_, &QPushButton::clicked, this, [this] { startDownload(false); });
    connect(cancel_, &QPushButton::clicked, this, &WeightsDialog::cancelDownload);
    connect(useFile_, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose the VGG-19 weights"), QDir::homePath(),
                                         tr("Keras HDF5 weights (*.h5 *.hdf5);;All files (*)"));
        if (!file.isEmpty())
            useFile(file);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(downloader_, &WeightsDownloader::progress, this, [this](qint64 got, qint64 total) {
        progress_->setValue(total > 0 ? static_cast<int>(got * 100 / total) : 0);
        setStatus(tr("Downloading… %1 of %2 MB")
                      .arg(got / 1e6, 0, 'f', 1)
                      .arg((total > 0 ? total : WeightsStore::kFileSize) / 1e6, 0, 'f', 1),
                  false);
    });
    connect(downloader_, &WeightsDownloader::finished, this, [this](const QString& file) {
        path_ = file;
        setStatus(tr("Downloaded and verified."), false);
        accept();
    });
    connect(downloader_, &WeightsDownloader::failed, this, [this](const QString& message) {
        setStatus(message, true);
        updateButtons();
    });
    connect(downloader_, &WeightsDownloader::canceled, this, [this] {
        setStatus(tr("Download paused. Resume it later, or restart from the beginning."), false);
        updateButtons();
    });
    updateButtons();
}

QString WeightsDialog::statusText() const {
    return status_->text();
}

void WeightsDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #c0392b") : QString());
    // A longer message wraps onto more lines: the dialog grows so that none is cut off.
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void WeightsDialog::updateButtons() {
    const bool running = downloader_->isRunning();
    const bool partial = downloader_->hasPartial();
    download_->setText(partial ? tr("Resume download") : tr("Download (80 MB)"));
    download_->setEnabled(!running);
    restart_->setVisible(partial && !running);
    cancel_->setEnabled(running);
    useFile_->setEnabled(!running);
}

void WeightsDialog::startDownload(bool resume) {
    setStatus(tr("Connecting…"), false);
    downloader_->start(resume);
    updateButtons();
}

void WeightsDialog::cancelDownload() {
    downloader_->cancel();
}

bool WeightsDialog::useFile(const QString& file) {
    const QString problem = store_.import(file);
    if (!problem.isEmpty()) {
        setStatus(tr("That file cannot be used: %1").arg(problem), true);
        return false;
    }
    path_ = store_.storedPath();
    accept();
    return true;
}

QString WeightsDialog::ask(const WeightsStore& store, const QString& reason, QWidget* parent) {
    WeightsDialog dialog(store,
                         QUrl(qEnvironmentVariable("DEEPART_WEIGHTS_URL", WeightsStore::kUrl)),
                         reason, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.weightsPath() : QString();
}

} // namespace deepart
