#pragma once

#include "StyleSource.h"

#include <QColor>
#include <QImage>
#include <QStringList>
#include <QWidget>

#include <vector>

class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace deepart {

class StyleCard;

// The styles of a run as a column of cards, in blend order, with an "Add style…" target at the
// end: each card holds one painting with its blend weight, style scale and region. Files dropped
// on the strip or the Add target are added, several at once in their order; a file dropped on a
// card replaces that card's painting. Ctrl+V on a card's thumbnail replaces its painting and
// anywhere else in the strip adds one. The strip grows with its cards and does not scroll itself:
// it is meant for a panel that already scrolls. GUI thread only.
class StyleStrip : public QWidget {
    Q_OBJECT
public:
    explicit StyleStrip(QWidget* parent = nullptr);

    std::vector<StyleSource> styles() const;
    // Replaces every style. Images that do not load are reported through loadFailed() and
    // skipped. Weights above 1 are divided by the largest so the blend stays the same within the
    // control's 0-100 %.
    void setStyles(const std::vector<StyleSource>& styles);

    // Appends a style with weight 1, scale 1 and no region; on failure emits loadFailed() and
    // leaves the list as it was.
    bool addStyleFile(const QString& path);
    // Appends those that load, in order; emits stylesChanged() once. Returns how many it added.
    int addStyleFiles(const QStringList& paths);
    void removeStyle(int index);
    // Takes the style at `from` out and puts it back at `to` (QList::move's meaning).
    void moveStyle(int from, int to);
    // Out-of-range indexes are ignored. Weight is clamped to 0..1, scale to 0.1..8.
    void setWeight(int index, double weight);
    void setScale(int index, double scale);
    void setMaskPath(int index, const QString& path);

    int count() const { return static_cast<int>(cards_.size()); }
    // Null or empty for an index out of range.
    QImage styleImage(int index) const;
    QString stylePath(int index) const;
    StyleCard* card(int index) const;
    QPushButton* addButton() const { return addButton_; }
    QLabel* hintLabel() const { return hint_; }

    // The colour of style `index` in mask overlays: distinct hues that read on photographs and
    // for common colour blindness (Okabe-Ito), repeating after six.
    static QColor colorFor(int index);

    // Where pasted pixels are saved so the engine can read them as a file.
    void setPasteFolder(const QString& folder);
    // The folder browse dialogs open in (remembered by the window); follows the last file loaded.
    void setBrowseFolder(const QString& folder);
    QString browseFolder() const { return browseFolder_; }

    // Adds the styles chosen in a file dialog (several at once).
    void browse();
    // Adds the clipboard's image or image file as a style.
    void paste();

Q_SIGNALS:
    // Any add, remove, reorder, or change of image, weight, scale or region.
    void stylesChanged();
    void maskEditRequested(int index);
    void loadFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // A card for `path` that is not yet in the strip, or null (reported) when it does not load.
    StyleCard* loadCard(const QString& path);
    void append(StyleCard* card);
    void cardChanged(StyleCard* card);
    void followFolder(const QString& path);
    int indexOf(const StyleCard* card) const;
    // Numbers, colours, shares, the hint and the Tab order after any change to the list.
    void refresh();

    std::vector<StyleCard*> cards_;
    QString pasteFolder_;
    QString browseFolder_;
    QVBoxLayout* cardsLayout_;
    QFrame* addTarget_;
    QLabel* hint_;
    QPushButton* addButton_;
};

} // namespace deepart
