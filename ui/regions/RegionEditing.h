#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>

class QWidget;

namespace deepart {

class ImageWell;
class StyleStrip;

// Paints a style's region: opens the mask editor over the content image (with the other styles'
// regions as fainter overlays), writes the accepted mask as a PNG into the window's work folder
// and gives its path to the style. The settings then name a file the engine and the CLI read
// alike. GUI thread only.
class RegionEditing : public QObject {
    Q_OBJECT
public:
    struct Request {
        QImage content;
        QImage mask; // null: none yet
        QColor color;
        QString styleName;
        QList<QPair<QImage, QColor>> otherMasks;
    };
    // Shows the editor; returns the mask, or a null image when the user cancelled.
    using Editor = std::function<QImage(const Request&)>;

    RegionEditing(StyleStrip* strip, ImageWell* content, QWidget* dialogParent);

    // Where masks are written (created when needed).
    void setFolder(const QString& folder) { folder_ = folder; }
    // Tests replace the dialog.
    void setEditor(Editor editor) { editor_ = std::move(editor); }

    void edit(int styleIndex);

Q_SIGNALS:
    void failed(const QString& message);

private:
    StyleStrip* strip_;
    ImageWell* content_;
    QString folder_;
    Editor editor_;
};

} // namespace deepart
