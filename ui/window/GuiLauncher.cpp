#include "GuiLauncher.h"

#include "Error.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "MainWindow.h"
#include "ProjectController.h"
#include "SettingsJson.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TerminationSignals.h"
#include "TransferSession.h"
#include "WeightsDialog.h"
#include "WeightsStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <vector>

namespace deepart {

namespace {

// The option's value as a whole number in [min, max], or nothing after saying why on stderr.
std::optional<int> wholeNumber(const QCommandLineParser& parser, const QCommandLineOption& option,
                               int min, int max) {
    const QString text = parser.value(option);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (ok && value >= min && value <= max)
        return value;
    std::cerr << "deepart: --" << option.names().constFirst().toStdString() << ": '"
              << text.toStdString() << "' is not valid; expected a whole number from " << min
              << " to " << max << '\n';
    return std::nullopt;
}

// The bundled samples, found from the program's own folder: <prefix>/share/deepart/samples for
// <prefix>/bin/deepart, and the same place relative to app/ in the build tree.
QString samplesFolder() {
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral(DEEPART_SAMPLES_FROM_BINDIR)));
}

// The weights to use: the --weights file, the store or Keras cache, or what the dialog gets.
// Returns an empty string when the user closes the dialog without weights.
QString resolveWeights(const QString& requested) {
    const WeightsStore store;
    QString reason;
    if (!requested.isEmpty()) {
        reason = WeightsStore::validate(requested);
        if (reason.isEmpty())
            return requested;
    } else {
        const QString existing = store.findExisting();
        if (existing.isEmpty())
            reason = QObject::tr("No weights file was found in %1 or the Keras cache.")
                         .arg(store.folder());
        else if ((reason = WeightsStore::validate(existing)).isEmpty())
            return existing;
    }
    return WeightsDialog::ask(store, reason, nullptr);
}

} // namespace

int runGui(int argc, char** argv) {
    // QApplication takes "-style"/"--style" for its widget style; ours names the style image,
    // so it is kept from Qt and read by our parser from the full list.
    QStringList arguments;
    std::vector<char*> qtArguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
        const QByteArray arg(argv[i]);
        if (i > 0 && (arg == "--style" || arg == "-style")) {
            if (i + 1 < argc)
                arguments << QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        if (i > 0 && (arg.startsWith("--style=") || arg.startsWith("-style=")))
            continue;
        qtArguments.push_back(argv[i]);
    }
    int qtArgc = static_cast<int>(qtArguments.size());
    qtArguments.push_back(nullptr);
    QApplication::setOrganizationName(QStringLiteral("DeepArtGallery"));
    QApplication::setApplicationName(QStringLiteral("deepart"));
    QApplication::setApplicationDisplayName(QStringLiteral("Deep Art Gallery"));
    QApplication::setApplicationVersion(QStringLiteral(DEEPART_VERSION));
    // The desktop entry's name (Wayland shows its icon by it) and the installed theme icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(DEEPART_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(DEEPART_APP_ID)));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Deep Art Gallery: neural style transfer."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption weights(QStringLiteral("weights"),
                                     QStringLiteral("Keras VGG-19 notop weights file."),
                                     QStringLiteral("file"));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("Content image."),
                                     QStringLiteral("file"));
    const QCommandLineOption style(QStringLiteral("style"),
                                   QStringLiteral("Style image; repeat it for several."),
                                   QStringLiteral("file"));
    const QCommandLineOption settingsFile(
        QStringLiteral("settings"),
        QStringLiteral("A settings file (as deepart-cli --print-settings writes it): inputs, "
                       "styles with their weights, scales and regions, and every setting."),
        QStringLiteral("file"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("Output size in px, %1 to %2.").arg(kMinImageSide).arg(kMaxImageSide),
        QStringLiteral("px"));
    const QCommandLineOption iterations(
        QStringLiteral("iterations"),
        QStringLiteral("Iterations at each scale, 1 to %1.").arg(kMaxIterations),
        QStringLiteral("n"));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("seed, fast, fine or print."),
                                    QStringLiteral("name"));
    const QCommandLineOption startNow(QStringLiteral("start"),
                                      QStringLiteral("Start the run at once."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Start at once, save a screenshot of the window when the run ends, quit."),
        QStringLiteral("file"));
    parser.addOptions(
        {weights, content, style, settingsFile, size, iterations, preset, startNow, screenshot});
    // What the file manager passes (the desktop entry's %F): a project, or images.
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("A project (.deepart) to open, or images: the content (unless --content "
                       "names it), then styles."),
        QStringLiteral("[files...]"));

    // Everything about the arguments is settled before QApplication exists, so that --help,
    // --version and a bad value answer in a terminal without a display (QApplication aborts
    // when it finds none).
    if (!parser.parse(arguments)) {
        std::cerr << "deepart: " << parser.errorText().toStdString() << '\n';
        return 2;
    }
    if (parser.isSet(help)) {
        const QCoreApplication core(qtArgc, qtArguments.data()); // the help names the program
        parser.showHelp(0);                                      // exits
    }
    if (parser.isSet(version)) {
        std::cout << "deepart " << DEEPART_VERSION << '\n';
        return 0;
    }
    std::optional<int> sizeValue;
    std::optional<int> iterationsValue;
    if (parser.isSet(size) &&
        !(sizeValue = wholeNumber(parser, size, kMinImageSide, kMaxImageSide)))
        return 2;
    if (parser.isSet(iterations) &&
        !(iterationsValue = wholeNumber(parser, iterations, 1, kMaxIterations)))
        return 2;
    std::optional<Preset> chosenPreset;
    if (parser.isSet(preset)) {
        chosenPreset = presetFromString(parser.value(preset).toStdString());
        if (!chosenPreset || *chosenPreset == Preset::Custom) {
            std::cerr << "deepart: --preset: '" << parser.value(preset).toStdString()
                      << "' is not valid; allowed: " << presetNames() << '\n';
            return 2;
        }
    }
    std::optional<RunSettings> fromFile;
    if (parser.isSet(settingsFile)) {
        try {
            fromFile = loadRunSettingsFile(parser.value(settingsFile));
        } catch (const Error& e) {
            std::cerr << "deepart: --settings " << e.what() << '\n';
            return 2;
        }
    }

    // Images given without a flag (the file manager's) are the content unless --content names
    // it, then styles; a project is opened once the window is there.
    QStringList opened = parser.positionalArguments();
    QString project;
    for (const QString& file : std::as_const(opened))
        if (QFileInfo(file).suffix().compare(QStringLiteral("deepart"), Qt::CaseInsensitive) == 0)
            project = file;
    opened.removeAll(project);
    const QString openedContent =
        !parser.isSet(content) && !opened.isEmpty() ? opened.takeFirst() : QString();

    QApplication app(qtArgc, qtArguments.data());
    TerminationSignals terminationSignals;

    const QString weightsPath = resolveWeights(parser.value(weights));
    if (weightsPath.isEmpty() && parser.isSet(screenshot)) {
        std::cerr << "deepart: no usable VGG-19 weights; nothing to do\n";
        return 1;
    }

    if (terminationSignals.received())
        return 0; // SIGTERM or SIGINT while the weights dialog was open: nothing to save yet

    MainWindow window;
    window.inputs()->setWeightsPath(weightsPath);
    // The window has restored the last session's inputs from its workspace; the command line
    // and a settings file replace them, and the samples fill what is still missing.
    const auto sample = [](const char* name) {
        return QDir(samplesFolder()).filePath(QLatin1String(name));
    };
    InputsController* inputs = window.inputs();
    if (!openedContent.isEmpty())
        inputs->loadContent(openedContent);
    else if (parser.isSet(content))
        inputs->loadContent(parser.value(content));
    else if (fromFile && !fromFile->contentPath.empty() && !fromFile->video)
        inputs->loadContent(QString::fromStdString(fromFile->contentPath));
    else if (window.contentWell()->path().isEmpty())
        inputs->loadContent(sample("fruits.jpg"));
    if (parser.isSet(style) || !opened.isEmpty()) {
        std::vector<StyleSource> styles;
        for (const QString& path : parser.values(style) + opened)
            styles.push_back(StyleSource{path.toStdString()});
        inputs->loadStyles(styles);
    } else if (fromFile && !fromFile->styles.empty()) {
        inputs->loadStyles(fromFile->styles);
    } else if (window.styleStrip()->count() == 0) {
        inputs->loadStyle(sample("starry_night.jpg"));
    }
    if (fromFile) {
        JobRequest job = window.currentRequest();
        job.transfer = fromFile->transfer;
        job.initImagePath = QString::fromStdString(fromFile->initImagePath);
        window.settingsPanel()->showSettings(job);
        if (fromFile->video) // the clip is no photo: the video dialog offers it
            window.offerVideo(QString::fromStdString(fromFile->contentPath), *fromFile->video);
    }
    if (chosenPreset)
        window.settingsPanel()->setPreset(*chosenPreset);
    if (sizeValue)
        window.settingsPanel()->size()->setValue(*sizeValue);
    if (iterationsValue)
        window.settingsPanel()->setIterationsPerScale(*iterationsValue);
    if (!project.isEmpty())
        window.projects()->openProject(project);
    // SIGTERM or SIGINT close the window as its close button does (it saves its state and stops
    // the run), without asking whether to stop the run.
    terminationSignals.onReceived([&window] {
        window.setCloseConfirmation([] { return true; });
        window.close();
        QApplication::quit();
    });
    window.show();
    // Closing the weights dialog does not close the app: it opens, says what is missing, and
    // File ▸ VGG-19 weights… gets them later.
    if (weightsPath.isEmpty())
        window.reportMissingWeights();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const auto capture = [&window, file] {
            // Let the last preview and chart update paint before grabbing.
            QTimer::singleShot(500, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::cerr << (saved ? "deepart: screenshot saved to " : "deepart: cannot save ")
                          << file.toStdString() << '\n';
                QApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(window.session(), &TransferSession::finished, &window, capture);
        QObject::connect(window.session(), &TransferSession::failed, &window, capture);
    }
    if (parser.isSet(startNow) || parser.isSet(screenshot))
        QTimer::singleShot(0, &window, &MainWindow::start);
    const int code = QApplication::exec();
    if (window.session()->workerAbandoned()) {
        // Closed while the worker was inside a long LibTorch call (a layer of a large image can
        // take minutes). The window has saved its state; waiting for the worker, or running
        // the libraries' exit-time destructors under it, could hang: end here.
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

} // namespace deepart
