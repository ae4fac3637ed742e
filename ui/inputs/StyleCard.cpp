#include "StyleCard.h"

#include "ImageWell.h"
#include "WeightControl.h"

#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {
QToolButton* toolButton(const QString& text, const QString& toolTip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}
} // namespace

StyleCard::StyleCard(QWidget* parent)
    : QFrame(parent), swatch_(new QLabel(this)), title_(new QLabel(this)), share_(new QLabel(this)),
      moveEarlier_(toolButton(QString(), tr("Move this style earlier in the list"), this)),
      moveLater_(toolButton(QString(), tr("Move this style later in the list"), this)),
      remove_(toolButton(QStringLiteral("✕"), tr("Remove this style"), this)),
      // No title: the card's header names the style, and a second title would only cost height.
      well_(new ImageWell(QString(), tr("style image"), this)),
      weightControl_(new WeightControl(0.0, 100.0, 0, false, this)),
      scaleBox_(new QDoubleSpinBox(this)), region_(new QLabel(this)),
      regionButton_(new QPushButton(tr("Region…"), this)),
      clearRegion_(toolButton(QStringLiteral("✕"), tr("Use the whole image"), this)) {
    setFrameShape(QFrame::StyledPanel);
    setAcceptDrops(true);

    // A square as tall as a line of text: sized by the font, so it never crowds the title.
    const int side = fontMetrics().height();
    swatch_->setFixedSize(side, side);
    swatch_->setToolTip(tr("The colour that marks this style's region in mask overlays"));
    title_->setStyleSheet(QStringLiteral("font-weight: bold"));
    share_->setToolTip(tr("This style's part of the blend: its weight over the sum of all the "
                          "styles' weights"));
    moveEarlier_->setArrowType(Qt::UpArrow);
    moveLater_->setArrowType(Qt::DownArrow);

    weightControl_->spinBox()->setSuffix(QStringLiteral(" %"));
    weightControl_->spinBox()->setValue(100.0);
    // Whole percents per arrow key: the box shows no decimals, so finer slider steps would move
    // the handle without changing the number.
    weightControl_->slider()->setSingleStep(10);
    weightControl_->slider()->setPageStep(100);
    weightControl_->setToolTip(
        tr("How much of this style goes into the blend, relative to the other styles"));
    scaleBox_->setRange(0.1, 8.0);
    scaleBox_->setSingleStep(0.05);
    scaleBox_->setDecimals(2);
    scaleBox_->setValue(1.0);
    scaleBox_->setSuffix(QStringLiteral("×"));
    scaleBox_->setKeyboardTracking(false);
    scaleBox_->setToolTip(tr("Below 1: larger brush strokes; above 1: finer"));
    regionButton_->setToolTip(tr("Choose where on the picture this style applies"));

    auto* header = new QHBoxLayout;
    header->addWidget(swatch_);
    header->addWidget(title_);
    header->addWidget(share_, 1);
    header->addWidget(moveEarlier_);
    header->addWidget(moveLater_);
    header->addWidget(remove_);
    auto* regionRow = new QHBoxLayout;
    regionRow->addWidget(region_);
    regionRow->addWidget(clearRegion_);
    regionRow->addStretch(1);
    regionRow->addWidget(regionButton_);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Blend"), weightControl_);
    form->addRow(tr("Scale"), scaleBox_);
    form->addRow(tr("Region"), regionRow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(well_, 1);
    layout->addLayout(form);

    connect(well_, &ImageWell::imageChanged, this, [this] { Q_EMIT changed(); });
    connect(well_, &ImageWell::loadFailed, this, &StyleCard::loadFailed);
    connect(weightControl_, &WeightControl::valueChanged, this, [this](double percent) {
        weight_ = percent / 100.0;
        Q_EMIT changed();
    });
    connect(scaleBox_, &QDoubleSpinBox::valueChanged, this, [this](double scale) {
        scale_ = scale;
        Q_EMIT changed();
    });
    connect(moveEarlier_, &QToolButton::clicked, this, &StyleCard::moveEarlierRequested);
    connect(moveLater_, &QToolButton::clicked, this, &StyleCard::moveLaterRequested);
    connect(remove_, &QToolButton::clicked, this, &StyleCard::removeRequested);
    connect(regionButton_, &QPushButton::clicked, this, &StyleCard::maskEditRequested);
    connect(clearRegion_, &QToolButton::clicked, this, [this] {
        setMaskPath(QString());
        Q_EMIT changed();
    });
    setPosition(0, 1, palette().color(QPalette::Highlight));
    setShare(1.0);
    showRegion();
}

bool StyleCard::loadFile(const QString& path) {
    return well_->loadFile(path);
}

QString StyleCard::path() const {
    return well_->path();
}

QImage StyleCard::image() const {
    return well_->image();
}

void StyleCard::setWeight(double weight) {
    // The stored value stays exact (a settings file may say 0.3333); the control shows percents.
    weight_ = std::isfinite(weight) ? std::clamp(weight, 0.0, 1.0) : 1.0;
    const QSignalBlocker block(weightControl_);
    weightControl_->setValue(weight_ * 100.0);
}

void StyleCard::setScale(double scale) {
    scale_ =
        std::isfinite(scale) ? std::clamp(scale, scaleBox_->minimum(), scaleBox_->maximum()) : 1.0;
    const QSignalBlocker block(scaleBox_);
    scaleBox_->setValue(scale_);
}

void StyleCard::setMaskPath(const QString& path) {
    maskPath_ = path;
    showRegion();
}

StyleSource StyleCard::source() const {
    StyleSource s;
    s.path = path().toStdString();
    s.weight = weight_;
    s.scale = scale_;
    s.maskPath = maskPath_.toStdString();
    return s;
}

void StyleCard::setPosition(int index, int count, const QColor& color) {
    const int number = index + 1;
    color_ = color;
    title_->setText(tr("Style %1").arg(number));
    swatch_->setStyleSheet(
        QStringLiteral("background-color: %1; border: 1px solid palette(dark)").arg(color.name()));
    swatch_->setAccessibleName(tr("Overlay colour of style %1").arg(number));
    moveEarlier_->setEnabled(index > 0);
    moveLater_->setEnabled(index < count - 1);
    moveEarlier_->setAccessibleName(tr("Move style %1 earlier").arg(number));
    moveLater_->setAccessibleName(tr("Move style %1 later").arg(number));
    remove_->setAccessibleName(tr("Remove style %1").arg(number));
    well_->setAccessibleName(tr("Image of style %1").arg(number));
    weightControl_->slider()->setAccessibleName(tr("Blend weight of style %1").arg(number));
    weightControl_->spinBox()->setAccessibleName(tr("Blend weight of style %1").arg(number));
    scaleBox_->setAccessibleName(tr("Scale of style %1").arg(number));
    regionButton_->setAccessibleName(tr("Choose the region of style %1").arg(number));
    clearRegion_->setAccessibleName(tr("Apply style %1 to the whole image").arg(number));
}

void StyleCard::setShare(double share) {
    share_->setText(share < 0.0 ? tr("no weight")
                                : tr("%1 % of the blend").arg(std::lround(share * 100.0)));
}

void StyleCard::showRegion() {
    const bool whole = maskPath_.isEmpty();
    region_->setText(whole ? tr("Whole image") : tr("Painted area"));
    region_->setToolTip(whole ? tr("This style applies everywhere")
                              : tr("Applies where the mask is white: %1").arg(maskPath_));
    clearRegion_->setVisible(!whole);
}

QList<QWidget*> StyleCard::tabOrder() const {
    return {moveEarlier_,
            moveLater_,
            remove_,
            well_,
            weightControl_->slider(),
            weightControl_->spinBox(),
            scaleBox_,
            clearRegion_,
            regionButton_};
}

void StyleCard::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void StyleCard::dropEvent(QDropEvent* event) {
    // Like the well itself: the first file on this computer replaces the image.
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            loadFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
    Q_EMIT loadFailed(tr("style image: only files on this computer can be dropped"));
}

} // namespace deepart
