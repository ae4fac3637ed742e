#include "WindowLayout.h"

#include "GalleryView.h"
#include "ImageWell.h"
#include "LossChart.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "WheelGuard.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace deepart {

namespace {
QWidget* inputsColumn(const WindowParts& parts, QWidget* window) {
    auto* inputs = new QWidget(window);
    auto* layout = new QVBoxLayout(inputs);
    layout->addWidget(parts.content);
    layout->addWidget(parts.styles);
    layout->addWidget(parts.settings);
    layout->addStretch();
    auto* scroll = new QScrollArea(window);
    scroll->setWidget(inputs);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(inputs->sizeHint().width() + 20);
    // The wheel scrolls the column instead of changing the value under the pointer.
    new WheelGuard(scroll);
    return scroll;
}

QWidget* resultsColumn(const WindowParts& parts, QWidget* window) {
    auto* results = new QWidget(window);
    auto* layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(parts.progressBar);
    layout->addWidget(parts.progressText);
    layout->addWidget(parts.error);
    auto* galleryRow = new QWidget(window);
    auto* galleryLayout = new QHBoxLayout(galleryRow);
    galleryLayout->setContentsMargins(0, 0, 0, 0);
    galleryLayout->addWidget(parts.gallery, 1);
    galleryLayout->addWidget(parts.compareButton);
    auto* vertical = new QSplitter(Qt::Vertical, window);
    vertical->addWidget(parts.views);
    vertical->addWidget(parts.chart);
    vertical->addWidget(galleryRow);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setStretchFactor(2, 0);
    vertical->setChildrenCollapsible(false);
    layout->addWidget(vertical, 1);
    return results;
}
} // namespace

QWidget* layOutWindow(const WindowParts& parts, QWidget* window) {
    auto* split = new QSplitter(window);
    split->addWidget(inputsColumn(parts, window));
    split->addWidget(resultsColumn(parts, window));
    split->setStretchFactor(1, 1);
    return split;
}

} // namespace deepart
