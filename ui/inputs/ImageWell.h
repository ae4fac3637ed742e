#pragma once

#include <QFrame>
#include <QImage>

#include <functional>

class QLabel;

namespace deepart {

// A thumbnail well for the content or style image: takes files dropped from a file manager, a
// click (or Space/Enter when focused) to browse, and paste (Ctrl+V: a copied file or image). Shows
// the image, its file name and pixel size. A bad file shows the reason and keeps the previous
// image. GUI thread only.
class ImageWell : public QFrame {
    Q_OBJECT
public:
    // `role` is how messages name it: "content image", "style image".
    explicit ImageWell(const QString& title, const QString& role, QWidget* parent = nullptr);

    // Loads and shows `path`; on failure shows and emits the reason and returns false.
    bool loadFile(const QString& path);
    QString path() const { return path_; }
    QImage image() const { return image_; }
    QString errorText() const;
    // Where pasted pixels are saved so the engine can read them as a file.
    void setPasteFolder(const QString& folder) { pasteFolder_ = folder; }
    // The folder the browse dialog opens in (remembered by the window).
    void setBrowseFolder(const QString& folder) { browseFolder_ = folder; }
    QString browseFolder() const { return browseFolder_; }

    void paste();
    void browse();
    // Asks for a file to open; by default a file dialog. Tests replace it.
    void setFileChooser(std::function<QString(const QString& folder)> chooser) {
        chooser_ = std::move(chooser);
    }

Q_SIGNALS:
    void imageChanged(const QString& path);
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void showThumbnail();
    void showCaption(); // the file name elided to the width, so a long one cannot widen the panel
    void showError(const QString& message);

    QString role_;
    QString path_;
    QImage image_;
    QString pasteFolder_;
    QString browseFolder_;
    std::function<QString(const QString&)> chooser_;
    QLabel* title_;
    QLabel* thumbnail_;
    QLabel* caption_;
    QLabel* error_;
};

} // namespace deepart
