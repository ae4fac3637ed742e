#pragma once

#include <QDialog>

class QTextBrowser;

namespace deepart {

// Help ▸ About Deep Art Gallery: the version, the Qt, LibTorch and OpenCV it runs on, where the
// VGG-19 weights come from and under which licence, and the bundled samples' origins and
// licences (resources/samples/ATTRIBUTION.md, compiled in so that it is always there).
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The dialog's text, as Markdown.
    static QString markdown();
    // The text as shown, without markup.
    QString plainText() const;

private:
    QTextBrowser* text_;
};

} // namespace deepart
