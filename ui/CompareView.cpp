#include "CompareView.h"

#include "GalleryModel.h"
#include "ImageView.h"
#include "WipeView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace deepart {

CompareView::CompareView(GalleryModel* model, QWidget* parent)
    : QWidget(parent), model_(model), leftChoice_(new QComboBox(this)),
      rightChoice_(new QComboBox(this)), modeChoice_(new QComboBox(this)),
      stack_(new QStackedWidget(this)), left_(new ImageView(this)), right_(new ImageView(this)),
      wipe_(new WipeView(this)) {
    for (auto* choice : {leftChoice_, rightChoice_}) {
        choice->setModel(model);
        choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(choice, &QComboBox::currentIndexChanged, this, &CompareView::refresh);
    }
    modeChoice_->addItem(tr("Side by side"));
    modeChoice_->addItem(tr("Wipe"));
    connect(modeChoice_, &QComboBox::currentIndexChanged, stack_, &QStackedWidget::setCurrentIndex);

    auto* sideBySide = new QSplitter(this);
    sideBySide->addWidget(left_);
    sideBySide->addWidget(right_);
    stack_->addWidget(sideBySide);
    stack_->addWidget(wipe_);

    // Each view follows the other's zoom and pan; the flag stops the echo.
    const auto sync = [this](ImageView* from, ImageView* to) {
        connect(from, &ImageView::viewChanged, this, [this, from, to] {
            if (syncing_)
                return;
            syncing_ = true;
            to->followView(*from);
            syncing_ = false;
        });
    };
    sync(left_, right_);
    sync(right_, left_);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Left:"), this));
    bar->addWidget(leftChoice_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Right:"), this));
    bar->addWidget(rightChoice_);
    bar->addStretch();
    bar->addWidget(modeChoice_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(stack_, 1);
    connect(model, &QAbstractItemModel::dataChanged, this, &CompareView::refresh);
}

void CompareView::compare(int leftRow, int rightRow) {
    leftChoice_->setCurrentIndex(leftRow);
    rightChoice_->setCurrentIndex(rightRow);
    refresh();
}

void CompareView::setMode(Mode mode) {
    modeChoice_->setCurrentIndex(mode == Mode::Wipe ? 1 : 0);
}

CompareView::Mode CompareView::mode() const {
    return modeChoice_->currentIndex() == 1 ? Mode::Wipe : Mode::SideBySide;
}

int CompareView::leftRow() const {
    return leftChoice_->currentIndex();
}

int CompareView::rightRow() const {
    return rightChoice_->currentIndex();
}

void CompareView::refresh() {
    const auto imageAt = [this](int row) {
        return model_->image(row);
    };
    const QImage left = imageAt(leftRow());
    QImage right = imageAt(rightRow());
    // Synchronized zoom needs equal pixel grids: show the right image at the left one's size
    // (a snapshot is smaller than the full-resolution content photo).
    if (!left.isNull() && !right.isNull() && left.size() != right.size())
        right = right.scaled(left.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    left_->setImage(left);
    right_->setImage(right);
    wipe_->setImages(left, right);
}

} // namespace deepart
