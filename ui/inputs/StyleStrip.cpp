#include "StyleStrip.h"

#include "ImageWell.h"
#include "StyleCard.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace deepart {

StyleStrip::StyleStrip(QWidget* parent)
    : QWidget(parent), cardsLayout_(new QVBoxLayout(this)), addTarget_(new QFrame(this)),
      hint_(new QLabel(tr("Drop one or more paintings here"), addTarget_)),
      addButton_(new QPushButton(tr("Add style…"), addTarget_)) {
    setAcceptDrops(true);
    addTarget_->setFrameShape(QFrame::StyledPanel);
    addTarget_->setToolTip(
        tr("Drop paintings here, click Add style… to browse, or paste one (Ctrl+V)"));
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    addButton_->setToolTip(tr("Add one or more paintings as styles"));
    addButton_->setAccessibleName(tr("Add style"));
    auto* targetLayout = new QVBoxLayout(addTarget_);
    targetLayout->setContentsMargins(6, 6, 6, 6);
    targetLayout->addWidget(hint_);
    targetLayout->addWidget(addButton_);
    cardsLayout_->setContentsMargins(0, 0, 0, 0);
    cardsLayout_->addWidget(addTarget_);
    pasteFolder_ = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    connect(addButton_, &QPushButton::clicked, this, &StyleStrip::browse);
    refresh();
}

std::vector<StyleSource> StyleStrip::styles() const {
    std::vector<StyleSource> result;
    result.reserve(cards_.size());
    for (const StyleCard* card : cards_)
        result.push_back(card->source());
    return result;
}

void StyleStrip::setStyles(const std::vector<StyleSource>& styles) {
    for (StyleCard* card : cards_) {
        cardsLayout_->removeWidget(card);
        card->hide();
        card->deleteLater(); // setStyles may run from one of the card's own signals
    }
    cards_.clear();
    double largest = 1.0;
    for (const StyleSource& s : styles)
        if (std::isfinite(s.weight))
            largest = std::max(largest, s.weight);
    for (const StyleSource& s : styles) {
        StyleCard* card = loadCard(QString::fromStdString(s.path));
        if (!card)
            continue;
        card->setWeight(s.weight / largest);
        card->setScale(s.scale);
        card->setMaskPath(QString::fromStdString(s.maskPath));
        append(card);
    }
    refresh();
    Q_EMIT stylesChanged();
}

bool StyleStrip::addStyleFile(const QString& path) {
    return addStyleFiles({path}) == 1;
}

int StyleStrip::addStyleFiles(const QStringList& paths) {
    int added = 0;
    for (const QString& path : paths) {
        if (StyleCard* card = loadCard(path)) {
            append(card);
            followFolder(path);
            ++added;
        }
    }
    if (added > 0) {
        refresh();
        Q_EMIT stylesChanged();
    }
    return added;
}

void StyleStrip::removeStyle(int index) {
    if (index < 0 || index >= count())
        return;
    StyleCard* card = cards_[static_cast<size_t>(index)];
    const bool hadFocus = card->isAncestorOf(QApplication::focusWidget());
    cards_.erase(cards_.begin() + index);
    cardsLayout_->removeWidget(card);
    // Keyboard users stay in the strip: the next card's image, else the Add button.
    if (hadFocus) {
        if (cards_.empty())
            addButton_->setFocus(Qt::OtherFocusReason);
        else
            cards_[static_cast<size_t>(std::min(index, count() - 1))]->well()->setFocus(
                Qt::OtherFocusReason);
    }
    card->hide();
    // Not deleted now: this usually runs inside the card's own remove button's click.
    card->deleteLater();
    refresh();
    Q_EMIT stylesChanged();
}

void StyleStrip::moveStyle(int from, int to) {
    if (from < 0 || from >= count() || to < 0 || to >= count() || from == to)
        return;
    StyleCard* card = cards_[static_cast<size_t>(from)];
    cards_.erase(cards_.begin() + from);
    cards_.insert(cards_.begin() + to, card);
    // The widget itself moves, so focus and the well's state go with it.
    cardsLayout_->removeWidget(card);
    cardsLayout_->insertWidget(to, card);
    refresh();
    Q_EMIT stylesChanged();
}

void StyleStrip::setWeight(int index, double weight) {
    StyleCard* c = card(index);
    if (!c)
        return;
    const double before = c->weight();
    c->setWeight(weight);
    if (c->weight() != before) {
        refresh();
        Q_EMIT stylesChanged();
    }
}

void StyleStrip::setScale(int index, double scale) {
    StyleCard* c = card(index);
    if (!c)
        return;
    const double before = c->scale();
    c->setScale(scale);
    if (c->scale() != before)
        Q_EMIT stylesChanged();
}

void StyleStrip::setMaskPath(int index, const QString& path) {
    StyleCard* c = card(index);
    if (!c || c->maskPath() == path)
        return;
    c->setMaskPath(path);
    Q_EMIT stylesChanged();
}

QImage StyleStrip::styleImage(int index) const {
    const StyleCard* c = card(index);
    return c ? c->image() : QImage();
}

QString StyleStrip::stylePath(int index) const {
    const StyleCard* c = card(index);
    return c ? c->path() : QString();
}

StyleCard* StyleStrip::card(int index) const {
    if (index < 0 || index >= count())
        return nullptr;
    return cards_[static_cast<size_t>(index)];
}

QColor StyleStrip::colorFor(int index) {
    // Okabe & Ito's colour-blind-safe set, without its black and its yellow (which vanishes on
    // a light sky), ordered so neighbours differ most.
    static constexpr std::array<QRgb, 6> colours = {0xE69F00, 0x56B4E9, 0x009E73,
                                                    0xCC79A7, 0x0072B2, 0xD55E00};
    const int n = static_cast<int>(colours.size());
    return QColor(colours[static_cast<size_t>(((index % n) + n) % n)]);
}

void StyleStrip::setPasteFolder(const QString& folder) {
    pasteFolder_ = folder;
    for (StyleCard* c : cards_)
        c->well()->setPasteFolder(folder);
}

void StyleStrip::setBrowseFolder(const QString& folder) {
    browseFolder_ = folder;
    for (StyleCard* c : cards_)
        c->well()->setBrowseFolder(folder);
}

void StyleStrip::browse() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Choose one or more style images"), browseFolder_,
        tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp);;All files (*)"));
    addStyleFiles(paths);
}

void StyleStrip::paste() {
    // The well's paste already turns pasted pixels into a file and words the failures; a card
    // that did not get an image is simply not added.
    auto* c = new StyleCard(this);
    c->hide();
    c->well()->setPasteFolder(pasteFolder_);
    connect(c, &StyleCard::loadFailed, this, &StyleStrip::loadFailed);
    c->well()->paste();
    if (c->path().isEmpty()) {
        delete c;
        return;
    }
    append(c);
    followFolder(c->path());
    refresh();
    Q_EMIT stylesChanged();
}

StyleCard* StyleStrip::loadCard(const QString& path) {
    auto* c = new StyleCard(this);
    c->hide();
    c->well()->setPasteFolder(pasteFolder_);
    c->well()->setBrowseFolder(browseFolder_);
    connect(c, &StyleCard::loadFailed, this, &StyleStrip::loadFailed);
    if (!c->loadFile(path)) {
        delete c;
        return nullptr;
    }
    return c;
}

void StyleStrip::append(StyleCard* c) {
    // Connected only now, so the card's first load is not reported as a change.
    connect(c, &StyleCard::changed, this, [this, c] { cardChanged(c); });
    connect(c->well(), &ImageWell::imageChanged, this, &StyleStrip::followFolder);
    connect(c, &StyleCard::moveEarlierRequested, this, [this, c] {
        const int i = indexOf(c);
        moveStyle(i, i - 1);
    });
    connect(c, &StyleCard::moveLaterRequested, this, [this, c] {
        const int i = indexOf(c);
        moveStyle(i, i + 1);
    });
    connect(c, &StyleCard::removeRequested, this, [this, c] { removeStyle(indexOf(c)); });
    connect(c, &StyleCard::maskEditRequested, this,
            [this, c] { Q_EMIT maskEditRequested(indexOf(c)); });
    cards_.push_back(c);
    cardsLayout_->insertWidget(count() - 1, c);
    c->show();
}

void StyleStrip::cardChanged(StyleCard* c) {
    if (indexOf(c) < 0)
        return;
    refresh(); // a weight changes every card's share
    Q_EMIT stylesChanged();
}

void StyleStrip::followFolder(const QString& path) {
    const QString folder = QFileInfo(path).absolutePath();
    // Pasted images live in a cache folder nobody means to browse.
    if (folder == QDir(pasteFolder_).absolutePath())
        return;
    setBrowseFolder(folder);
}

int StyleStrip::indexOf(const StyleCard* c) const {
    const auto it = std::find(cards_.begin(), cards_.end(), c);
    return it == cards_.end() ? -1 : static_cast<int>(it - cards_.begin());
}

void StyleStrip::refresh() {
    double sum = 0.0;
    for (const StyleCard* c : cards_)
        sum += c->weight();
    for (int i = 0; i < count(); ++i) {
        StyleCard* c = cards_[static_cast<size_t>(i)];
        c->setPosition(i, count(), colorFor(i));
        c->setShare(sum > 0.0 ? c->weight() / sum : -1.0);
    }
    hint_->setVisible(cards_.empty());

    // Tab follows creation order, and cards are created (and moved) long after the widgets
    // around the strip; so chain the controls in list order. The Add button was made with the
    // strip and holds its place in the window's order: first chain the cards after it, then
    // move it behind the last one.
    QWidget* previous = addButton_;
    for (const StyleCard* c : cards_) {
        for (QWidget* w : c->tabOrder()) {
            setTabOrder(previous, w);
            previous = w;
        }
    }
    if (previous != addButton_)
        setTabOrder(previous, addButton_);
}

void StyleStrip::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void StyleStrip::dropEvent(QDropEvent* event) {
    QStringList files;
    bool remote = false;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
        else
            remote = true;
    }
    if (remote)
        Q_EMIT loadFailed(tr("style image: only files on this computer can be dropped"));
    if (files.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addStyleFiles(files);
}

void StyleStrip::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace deepart
