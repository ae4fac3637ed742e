#include "AboutDialog.h"
#include "MainWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

#include <opencv2/core/version.hpp>
#include <torch/version.h>

using namespace deepart;

// Help ▸ About: the versions of the app and of the libraries, and the licences of what it uses
// but did not make (the bundled samples, the VGG-19 weights).
class TestAboutDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesTheVersions() {
        const AboutDialog dialog;
        const QString text = dialog.plainText();
        QVERIFY2(text.contains(QStringLiteral("Deep Art Gallery " DEEPART_VERSION)),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Qt ") + QLatin1String(qVersion())));
        QVERIFY(text.contains(QStringLiteral("LibTorch " TORCH_VERSION)));
        QVERIFY(text.contains(QStringLiteral("OpenCV " CV_VERSION)));
    }

    void namesTheLicences() {
        const QString text = AboutDialog().plainText();
        // The weights: where they come from and their licence.
        QVERIFY(text.contains(QStringLiteral("Simonyan")));
        QVERIFY(text.contains(QStringLiteral("CC BY 4.0")));
        QVERIFY(
            text.contains(QStringLiteral("storage.googleapis.com/tensorflow/keras-applications")));
        // The samples, from ATTRIBUTION.md (its table rendered, not its Markdown).
        QVERIFY(text.contains(QStringLiteral("Bundled sample images")));
        for (const char* sample : {"fruits.jpg", "starry_night.jpg", "composition_vii.jpg"})
            QVERIFY2(text.contains(QLatin1String(sample)), sample);
        QVERIFY(text.contains(QStringLiteral("public domain")));
        QVERIFY(text.contains(QStringLiteral("Apache-2.0")));
        QVERIFY(!text.contains(QStringLiteral("| --- |")));
    }

    // Help ▸ About Deep Art Gallery opens it over the window.
    void helpMenuOpensIt() {
        MainWindow window;
        QAction* about = nullptr;
        for (QAction* menu : window.menuBar()->actions())
            for (QAction* action : menu->menu()->actions())
                if (action->text() == QStringLiteral("About Deep Art Gallery"))
                    about = action;
        QVERIFY(about);
        about->trigger();
        auto* dialog = window.findChild<AboutDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->close();
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
