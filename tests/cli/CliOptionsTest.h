#pragma once

#include "CliOptions.h"
#include "Looks.h"
#include "Presets.h"
#include "SettingsJson.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// What the command-line option tests share.
class CliOptionsTest : public QObject {
protected:
    // Jobs files and image folders for the batch cases (only names: nothing is decoded while
    // parsing).
    QTemporaryDir batchDir_;

    QString batchFile(const char* name, const QByteArray& text) {
        const QString path = batchDir_.filePath(QLatin1String(name));
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static CliParseResult parse(QStringList args) {
        args.prepend(QStringLiteral("deepart-cli"));
        return parseCliArguments(args);
    }
    static QStringList required() {
        return {QStringLiteral("--content"), QStringLiteral("c.jpg"), QStringLiteral("--style"),
                QStringLiteral("s.jpg")};
    }

    void setUpTestCase() {
        QVERIFY(batchDir_.isValid());
        batchFile("jobs.json", R"({"jobs": [{"settings": {}, "output": "x.png"}]})");
        batchFile("content/b.jpg", "");
        batchFile("content/a.png", "");
        batchFile("content/notes.txt", "");
        batchFile("styles/s2.PNG", "");
        batchFile("styles/s1.jpg", "");
        batchFile("no-images/readme.md", "");
    }
};
