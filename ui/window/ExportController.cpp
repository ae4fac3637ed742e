#include "ExportController.h"

#include "ExportWriter.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageConversion.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "PrintSizeDialog.h"
#include "StyleStrip.h"
#include "TimelapseDialog.h"
#include "TimelapseExport.h"
#include "Workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

namespace deepart {

ExportController::ExportController(const Parts& parts, QWidget* window)
    : QObject(window), window_(window), gallery_(parts.gallery), view_(parts.view),
      preview_(parts.preview), content_(parts.content), styles_(parts.styles),
      workspace_(parts.workspace), exportFolder_(QDir::homePath()) {
    confirmReplace_ = [this](int existing, const QString& folder) {
        return QMessageBox::question(window_, tr("Replace files?"),
                                     tr("%n file(s) with these names already exist in %1. "
                                        "Replace them?",
                                        nullptr, existing)
                                         .arg(folder)) == QMessageBox::Yes;
    };
    askFormat_ = [this](QSize pixels,
                        const ImageWriteOptions& initial) -> std::optional<ImageWriteOptions> {
        PrintSizeDialog dialog(pixels, initial, window_);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.options();
    };
}

QString ExportController::exportSelected(const QString& path, const ImageWriteOptions& format) {
    const auto selected = view_->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return ExportWriter::exportImage(preview_->image(), path, {}, {}, format);
    const auto& item = gallery_->item(selected.first().row());
    if (item.kind == GalleryModel::Kind::Snapshot)
        return ExportWriter::exportSnapshot(item.snapshot, path, format);
    return ExportWriter::exportImage(gallery_->image(selected.first().row()), path, {}, {}, format);
}

QImage ExportController::selectedImage() const {
    const auto selected = view_->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return preview_->image();
    return gallery_->image(selected.first().row());
}

QString ExportController::exportAllTo(const QString& folder, const QString& extension) {
    return ExportWriter::exportAll(gallery_->snapshots(), folder, extension,
                                   QFileInfo(content_->path()).completeBaseName());
}

QString ExportController::suggestedExportName() const {
    const QString base = QFileInfo(content_->path()).completeBaseName();
    const auto selected = view_->selectionModel()->selectedIndexes();
    if (!selected.isEmpty()) {
        const auto& item = gallery_->item(selected.first().row());
        if (item.kind == GalleryModel::Kind::Run)
            return base + QStringLiteral("-preview.png");
        if (item.kind == GalleryModel::Kind::Snapshot)
            return QStringLiteral("%1-%2.png")
                .arg(base)
                .arg(item.snapshot.iteration, 4, 10, QLatin1Char('0'));
        return QFileInfo(item.kind == GalleryModel::Kind::Content ? content_->path()
                                                                  : styles_->stylePath(0))
                   .completeBaseName() +
               QStringLiteral("-copy.png");
    }
    return base + QStringLiteral("-preview.png");
}

void ExportController::exportSelectedInteractive() {
    QString filter;
    QString path = QFileDialog::getSaveFileName(window_, tr("Export image"),
                                                QDir(exportFolder_).filePath(suggestedExportName()),
                                                ExportWriter::fileFilters(), &filter);
    if (path.isEmpty())
        return;
    path = ExportWriter::withFilterExtension(path, filter);
    exportFolder_ = QFileInfo(path).absolutePath();
    ImageWriteOptions format;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("tif") ||
        suffix == QLatin1String("tiff")) {
        const auto chosen = askFormat_(selectedImage().size(), lastFormat_);
        if (!chosen)
            return;
        format = lastFormat_ = *chosen;
    }
    const QString error = exportSelected(path, format);
    if (error.isEmpty())
        Q_EMIT message(tr("Exported %1").arg(path), 8000);
    else
        QMessageBox::warning(window_, tr("Export failed"), error);
}

void ExportController::exportAllInteractive() {
    const QString folder =
        QFileDialog::getExistingDirectory(window_, tr("Export all snapshots to"), exportFolder_);
    if (folder.isEmpty())
        return;
    exportFolder_ = folder;
    const QString error = exportAllAsking(folder);
    if (!error.isEmpty())
        QMessageBox::warning(window_, tr("Export failed"), error);
}

QString ExportController::exportAllAsking(const QString& folder) {
    int existing = 0;
    for (const QString& path :
         ExportWriter::exportAllPaths(gallery_->snapshots(), folder, QStringLiteral("png"),
                                      QFileInfo(content_->path()).completeBaseName()))
        existing += QFileInfo::exists(path) ? 1 : 0;
    if (existing > 0 && !confirmReplace_(existing, folder))
        return {};
    const QString error = exportAllTo(folder, QStringLiteral("png"));
    if (error.isEmpty())
        Q_EMIT message(
            tr("Exported %1 snapshots to %2").arg(gallery_->snapshots().size()).arg(folder), 8000);
    return error;
}

int ExportController::chosenRun() const {
    const QList<int> rows = view_->selectedRows();
    if (!rows.isEmpty() && gallery_->item(rows.first()).run > 0)
        return gallery_->item(rows.first()).run;
    // The newest run that has something to show.
    const auto& runs = workspace_->manifest().runs;
    for (auto run = runs.rbegin(); run != runs.rend(); ++run)
        if (!workspace_->framesOf(run->number).isEmpty())
            return run->number;
    return 0;
}

QString ExportController::exportTimelapse(int run, const QString& path, TimelapseOptions options,
                                          bool sideBySide) {
    const QStringList frames = workspace_->framesOf(run);
    if (sideBySide) {
        const StoredRun* stored = nullptr;
        for (const auto& r : workspace_->manifest().runs)
            if (r.number == run)
                stored = &r;
        const QImage photo(stored ? QString::fromStdString(stored->settings.contentPath)
                                  : content_->path());
        if (photo.isNull())
            return tr("The run's photo cannot be read, so it cannot be shown beside the result.");
        options.content = toRgbMat(photo);
    }
    QProgressDialog progress(tr("Writing the time-lapse…"), tr("Cancel"), 0, 100, window_);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    return deepart::exportTimelapse(frames, path, options, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
}

void ExportController::exportTimelapseInteractive(int run) {
    const int frames = static_cast<int>(workspace_->framesOf(run).size());
    if (run <= 0 || frames == 0) {
        Q_EMIT message(tr("No run with images to make a time-lapse of yet."), 8000);
        return;
    }
    const QString name =
        QStringLiteral("%1-run%2.mp4").arg(QFileInfo(content_->path()).completeBaseName()).arg(run);
    TimelapseDialog dialog(QDir(exportFolder_).filePath(name), frames, window_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportFolder_ = QFileInfo(dialog.path()).absolutePath();
    const QString error =
        exportTimelapse(run, dialog.path(), dialog.options(), dialog.sideBySide());
    if (error.isEmpty())
        Q_EMIT message(tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())), 8000);
    else
        QMessageBox::warning(window_, tr("Time-lapse failed"), error);
}

} // namespace deepart
