#pragma once

#include "ImageFile.h"
#include "KerasWeightsWriter.h"
#include "SettingsJson.h"
#include "TestData.h"
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

using namespace deepart;

// What the deepart-cli process tests share.
class CliProcessTest : public QObject {
protected:
    QTemporaryDir dir_;
    QString weights_, content_, style_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    struct Result {
        int exitCode;
        QString err;
    };

    // A home of our own: no weights store or Keras cache of whoever runs the tests.
    QProcessEnvironment isolatedEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/data")));
        return env;
    }

    Result run(const QStringList& args) { return run(args, isolatedEnvironment()); }

    Result run(const QStringList& args, const QProcessEnvironment& env) {
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        if (!cli.waitForFinished(120000))
            return {-1, QStringLiteral("timed out")};
        return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -2,
                QString::fromUtf8(cli.readAllStandardError())};
    }

    QStringList tiny(const QString& output) const {
        return {QStringLiteral("--content"),    content_,
                QStringLiteral("--style"),      style_,
                QStringLiteral("--weights"),    weights_,
                QStringLiteral("--output"),     output,
                QStringLiteral("--size"),       QStringLiteral("32"),
                QStringLiteral("--iterations"), QStringLiteral("6"),
                QStringLiteral("--save-every"), QStringLiteral("0"),
                QStringLiteral("--device"),     QStringLiteral("cpu"),
                QStringLiteral("--threads"),    QStringLiteral("1")};
    }

    // deepart-cli with `args`, which log to `log` (--log-json): Ctrl-C once the log has its first
    // line (the run is under way), then its exit code and what it said.
    Result interruptOnceLogged(const QStringList& args, const QString& log) {
        QProcess cli;
        cli.setProcessEnvironment(isolatedEnvironment());
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        if (!cli.waitForStarted() ||
            !QTest::qWaitFor([&] { return QFileInfo(log).size() > 0; }, 60000))
            return {-1, QStringLiteral("no iteration was logged: ") +
                            QString::fromUtf8(cli.readAllStandardError())};
        ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
        if (!cli.waitForFinished(60000))
            return {-1, QStringLiteral("did not end after Ctrl-C")};
        return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -2,
                QString::fromUtf8(cli.readAllStandardError())};
    }

    // A failed run: the exit code, a single line naming `mentions`, no output file.
    void expectFailure(const QStringList& args, int code, const QString& mentions,
                       const QString& output) {
        const auto r = run(args);
        QVERIFY2(r.exitCode == code,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(!r.err.contains(QStringLiteral("terminate")) &&
                     !r.err.contains(QStringLiteral("Exception raised from")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(output));
    }

    // Every frame of a video, decoded (BGR).
    static std::vector<cv::Mat> videoFrames(const QString& file) {
        cv::VideoCapture capture(file.toStdString());
        std::vector<cv::Mat> frames;
        cv::Mat frame;
        while (capture.read(frame))
            frames.push_back(frame.clone());
        return frames;
    }

    // Writes `text` to the file `name` in the test's folder; returns its path.
    QString writeText(const QString& name, const QByteArray& text) const {
        const QString file = path(name);
        QDir().mkpath(QFileInfo(file).path());
        test::writeBytes(file, text);
        return file;
    }

    // The flags every batch here shares: tiny, fast, no snapshots, the test weights.
    QStringList tinyBatch(const QStringList& kind) const {
        return kind + QStringList{QStringLiteral("--weights"),    weights_,
                                  QStringLiteral("--size"),       QStringLiteral("32"),
                                  QStringLiteral("--iterations"), QStringLiteral("3"),
                                  QStringLiteral("--save-every"), QStringLiteral("0"),
                                  QStringLiteral("--device"),     QStringLiteral("cpu"),
                                  QStringLiteral("--threads"),    QStringLiteral("1")};
    }

    // A job of a jobs file, with inline settings.
    static QByteArray inlineJob(const QString& content, const QString& style,
                                const QString& output) {
        return QStringLiteral(
                   R"({"settings": {"inputs": {"content": "%1", "styles": [{"path": "%2"}]}}, "output": "%3"})")
            .arg(content, style, output)
            .toUtf8();
    }

    void setUpTestCase() {
        weights_ = path(QStringLiteral("w.h5"));
        test::writeKerasWeights(weights_, test::smallWeights());
        content_ =
            test::writeRgbImage(path(QStringLiteral("content.png")), test::testPicture(80, 60, 1));
        style_ =
            test::writeRgbImage(path(QStringLiteral("style.jpg")), test::testPicture(50, 70, 2));
    }
};
