#pragma once

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QWidget;

namespace deepart {

class GalleryView;
class ImageWell;
class LossChart;
class SettingsPanel;
class StyleStrip;

// The window's parts as they are laid out: the inputs in a scrolling column on the left, the
// run's progress and the results on the right.
struct WindowParts {
    ImageWell* content;
    StyleStrip* styles;
    SettingsPanel* settings;
    QProgressBar* progressBar;
    QLabel* progressText;
    QLabel* error;
    QTabWidget* views; // preview and compare
    LossChart* chart;
    GalleryView* gallery;
    QPushButton* compareButton;
};

// Lays `parts` out in a new central widget of `window`. Preview, chart and gallery share one
// splitter: on a small screen the preview gets the space (the gallery keeps one row of
// thumbnails), and the user can move the borders. GUI thread only.
QWidget* layOutWindow(const WindowParts& parts, QWidget* window);

} // namespace deepart
