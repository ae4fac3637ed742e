#pragma once

#include "WeightsStore.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QProgressBar;
class QPushButton;

namespace deepart {

class WeightsDownloader;

// Shown when the VGG-19 weights are missing or unusable: offers the download (progress, cancel,
// resume or restart, MD5 check) or a file the user already has (validated by structure before it
// is accepted). Accepted once weightsPath() names a usable file. GUI thread only.
class WeightsDialog : public QDialog {
    Q_OBJECT
public:
    WeightsDialog(const WeightsStore& store, const QUrl& url, const QString& reason,
                  QWidget* parent = nullptr);

    QString weightsPath() const { return path_; }
    // Shows the dialog for the download address of DEEPART_WEIGHTS_URL (else the store's) and
    // returns the weights file it got, or an empty string when closed without one.
    static QString ask(const WeightsStore& store, const QString& reason, QWidget* parent);
    QString statusText() const;
    WeightsDownloader* downloader() const { return downloader_; }

    void startDownload(bool resume);
    void cancelDownload();
    // Validates `file`, copies it into the store and accepts; shows the reason otherwise.
    bool useFile(const QString& file);

private:
    void updateButtons();
    void setStatus(const QString& text, bool error);

    WeightsStore store_;
    WeightsDownloader* downloader_;
    QString path_;
    QLabel* status_;
    QProgressBar* progress_;
    QPushButton* download_;
    QPushButton* restart_;
    QPushButton* cancel_;
    QPushButton* useFile_;
};

} // namespace deepart
