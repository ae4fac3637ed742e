#include "AboutDialog.h"

#include "ImageFile.h"
#include "WeightsStore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

#include <torch/version.h>

namespace deepart {

namespace {

// The samples' attribution table, one heading level down so that it sits under the title.
QString samplesAttribution() {
    QFile file(QStringLiteral(":/about/ATTRIBUTION.md"));
    if (!file.open(QIODevice::ReadOnly))
        return QObject::tr("## Bundled sample images\n\n(Their attribution is missing from this "
                           "build.)\n");
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QLatin1String("# ")))
        text.prepend(QLatin1Char('#'));
    return text;
}

// "6.4.2", and the version built against when the library loaded differs from it.
QString qtVersion() {
    const QString running = QString::fromLatin1(qVersion());
    if (running == QLatin1String(QT_VERSION_STR))
        return running;
    return QObject::tr("%1 (built with %2)").arg(running, QLatin1String(QT_VERSION_STR));
}

} // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), text_(new QTextBrowser(this)) {
    setWindowTitle(tr("About Deep Art Gallery"));
    text_->setOpenExternalLinks(true);
    text_->setMarkdown(markdown());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text_);
    layout->addWidget(buttons);
    resize(640, 560);
}

QString AboutDialog::markdown() {
    const QString weightsUrl = QString::fromLatin1(WeightsStore::kUrl);
    return tr("# Deep Art Gallery %1\n\n"
              "Neural style transfer (Gatys, Ecker and Bethge, 2015, *A Neural Algorithm of "
              "Artistic Style*): a photo repainted in the style of paintings.\n\n"
              "<%2>\n\n"
              "## Libraries\n\n"
              "- Qt %3\n"
              "- LibTorch %4\n"
              "- OpenCV %5\n\n"
              "## VGG-19 weights\n\n"
              "The network's weights are not bundled: the app downloads the Keras applications "
              "file (<%6>) or imports one you have. They are the VGG-19 weights that Karen "
              "Simonyan and Andrew Zisserman (Visual Geometry Group, University of Oxford) "
              "released with *Very Deep Convolutional Networks for Large-Scale Image "
              "Recognition* (ICLR 2015) under the Creative Commons Attribution licence "
              "(CC BY 4.0), converted to Keras by the Keras authors.\n\n")
               .arg(QStringLiteral(DEEPART_VERSION), QStringLiteral(DEEPART_HOMEPAGE_URL),
                    qtVersion(), QStringLiteral(TORCH_VERSION),
                    QString::fromStdString(openCvVersion()), weightsUrl) +
           samplesAttribution();
}

QString AboutDialog::plainText() const {
    return text_->toPlainText();
}

} // namespace deepart
