#include "CompareView.h"

#include "GalleryModel.h"
#include "ImageView.h"
#include "WipeView.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace deepart {

CompareView::CompareView(GalleryModel* model, QWidget* parent)
    : QWidget(parent), model_(model), leftChoice_(new QComboBox(this)),
      rightChoice_(new QComboBox(this)), modeChoice_(new QComboBox(this)),
      stack_(new QStackedWidget(this)), left_(new ImageView(this)), right_(new ImageView(this)),
      wipe_(new WipeView(this)) {
    for (auto* choice : {leftChoice_, rightChoice_}) {
        choice->setModel(model);
        // The gallery's items are two lines (run and iteration, then the loss) with a
        // thumbnail. The box is two lines high with a thumbnail as tall (fitChoices() gives the
        // width); in the list each item is as tall as its lines (the default, menu-like
        // delegate gave each one line and cut the second).
        choice->setItemDelegate(new QStyledItemDelegate(choice));
        const int twoLines = 2 * choice->fontMetrics().lineSpacing();
        choice->setIconSize(QSize(twoLines, twoLines));
        choice->view()->setIconSize(QSize(twoLines, twoLines));
        choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        connect(choice, &QComboBox::currentIndexChanged, this, &CompareView::refresh);
    }
    connect(model, &QAbstractItemModel::rowsInserted, this, &CompareView::fitChoices);
    connect(model, &QAbstractItemModel::dataChanged, this, &CompareView::fitChoices);
    connect(model, &QAbstractItemModel::modelReset, this, &CompareView::fitChoices);
    modeChoice_->addItem(tr("Side by side"));
    modeChoice_->addItem(tr("Wipe"));
    connect(modeChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        stack_->setCurrentIndex(index);
        // The view now shown takes the zoom and position of the one hidden.
        syncing_ = true;
        if (index == 1)
            wipe_->followView(*left_);
        else
            left_->followView(*wipe_);
        right_->followView(*left_);
        syncing_ = false;
    });

    auto* sideBySide = new QSplitter(this);
    sideBySide->addWidget(left_);
    sideBySide->addWidget(right_);
    stack_->addWidget(sideBySide);
    stack_->addWidget(wipe_);

    // Each view follows the others' zoom and pan (the wipe view too, so that a zoom chosen side
    // by side holds in the wipe and back); the flag stops the echo.
    for (ImageView* from : {left_, right_, static_cast<ImageView*>(wipe_)}) {
        connect(from, &ImageView::viewChanged, this, [this, from] {
            if (syncing_)
                return;
            syncing_ = true;
            for (ImageView* to : {left_, right_, static_cast<ImageView*>(wipe_)})
                if (to != from)
                    to->followView(*from);
            syncing_ = false;
        });
    }

    // The boxes sit above the views they choose for, left and right, so they need no labels
    // (the bar must stay narrow enough for a 1024 px screen with the queue's dock open).
    leftChoice_->setToolTip(tr("The left image"));
    leftChoice_->setAccessibleName(tr("Left image"));
    rightChoice_->setToolTip(tr("The right image"));
    rightChoice_->setAccessibleName(tr("Right image"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(leftChoice_);
    bar->addSpacing(12);
    bar->addWidget(rightChoice_);
    bar->addStretch();
    bar->addWidget(modeChoice_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(stack_, 1);
    connect(model, &QAbstractItemModel::dataChanged, this, &CompareView::refresh);
    fitChoices();
}

void CompareView::fitChoices() {
    // As wide as the longest line of any item: QComboBox's own measure (AdjustToContents)
    // takes an item's two lines as one, which made the boxes twice as wide as needed.
    const QFontMetrics metrics(leftChoice_->font());
    int widest = 0;
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QString text = model_->data(model_->index(row), Qt::DisplayRole).toString();
        for (const QString& line : text.split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
    }
    const int perCharacter = std::max(1, metrics.horizontalAdvance(QLatin1Char('X')));
    for (auto* choice : {leftChoice_, rightChoice_})
        choice->setMinimumContentsLength((widest + perCharacter - 1) / perCharacter);
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
    const auto imageAt = [this](int row) { return model_->image(row); };
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
