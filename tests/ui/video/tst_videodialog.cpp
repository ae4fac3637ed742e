#include "TestData.h"
#include "TimelapseWriter.h"
#include "VideoDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// Run ▸ Stylize a video…'s dialog on a clip made here: 4 frames of 64 x 48 px, a picture panned
// 3 px a frame.
class TestVideoDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString clip_;

    static bool startEnabled(const VideoDialog& dialog) {
        return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
    }

private Q_SLOTS:
    void initTestCase() {
        clip_ = test::writePannedClip(dir_.filePath(QStringLiteral("clip.avi")));
    }

    void nothingToStartWithoutAClip() {
        VideoDialog dialog;
        QVERIFY(!dialog.canStart());
        QVERIFY(!startEnabled(dialog));
        QVERIFY(dialog.previewImage().isNull());
    }

    // What the clip is, where the result goes, and frame 2 beside where frame 1's result would
    // hold in it: mostly, for a slow pan (a small picture has many motion boundaries), and not
    // in the strip that came into view.
    void aClipShowsWhatItIsAndPreviewsItsSecondFrame() {
        VideoDialog dialog;
        dialog.setClip(clip_);
        QVERIFY2(dialog.infoText().contains(QStringLiteral("64 × 48 px · 4 frames · 12 fps")),
                 qPrintable(dialog.infoText()));
        QVERIFY(dialog.errorText().isEmpty());
        QCOMPARE(dialog.outputPath(), dir_.filePath(QStringLiteral("clip-stylized.mp4")));
        QVERIFY(dialog.canStart());
        QVERIFY(startEnabled(dialog));
        QCOMPARE(dialog.previewFrame()->maximum(), 4);
        QCOMPARE(dialog.previewFrame()->value(), 2);
        QTRY_VERIFY(!dialog.maskImage().isNull());
        QCOMPARE(dialog.previewImage().size(), QSize(64, 48));
        QCOMPARE(dialog.maskImage().size(), QSize(64, 48));
        int held = 0;
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x)
                held += qGray(dialog.maskImage().pixel(x, y)) > 127 ? 1 : 0;
        QVERIFY2(held > 64 * 48 / 2, qPrintable(QString::number(held)));
        // The picture moves left: its right edge came into view and holds nowhere.
        int heldAtTheEdge = 0;
        for (int y = 0; y < 48; ++y)
            for (int x = 61; x < 64; ++x)
                heldAtTheEdge += qGray(dialog.maskImage().pixel(x, y)) > 127 ? 1 : 0;
        QCOMPARE(heldAtTheEdge, 0);
    }

    void theFirstFrameHasNoMask() {
        VideoDialog dialog;
        dialog.setClip(clip_);
        QTRY_VERIFY(!dialog.maskImage().isNull());
        QSignalSpy shown(&dialog, &VideoDialog::previewShown);
        dialog.previewFrame()->setValue(1);
        QTRY_VERIFY(shown.count() > 0 && !dialog.previewImage().isNull());
        QVERIFY(dialog.maskImage().isNull());
    }

    void theChoicesComeBack() {
        VideoDialog dialog;
        dialog.setClip(clip_);
        dialog.findChild<QSpinBox*>(QStringLiteral("firstFrame"))->setValue(2);
        dialog.findChild<QSpinBox*>(QStringLiteral("frameCount"))->setValue(2);
        dialog.findChild<QDoubleSpinBox*>()->setValue(50.0);
        dialog.findChild<QCheckBox*>()->setChecked(true);
        dialog.findChild<QSpinBox*>(QStringLiteral("frameIterations"))->setValue(7);
        const VideoSettings v = dialog.settings();
        QCOMPARE(v.firstFrame, 2);
        QCOMPARE(v.frameCount, 2);
        QCOMPARE(v.temporalWeight, 50.0);
        QVERIFY(v.longTerm);
        QCOMPARE(v.frameIterations, 7);
    }

    void aFileThatIsNoVideoSaysSo() {
        const QString fake = dir_.filePath(QStringLiteral("fake.mp4"));
        test::writeBytes(fake, "not a video");
        VideoDialog dialog;
        dialog.setClip(fake);
        QVERIFY2(dialog.errorText().contains(QStringLiteral("cannot be read as a video")),
                 qPrintable(dialog.errorText()));
        QVERIFY(!dialog.canStart());
        QVERIFY(!startEnabled(dialog));
        // A good clip afterwards clears it, and a bad one after that leaves nothing of it.
        dialog.setClip(clip_);
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(dialog.canStart());
        dialog.setClip(fake);
        QVERIFY(!dialog.infoText().contains(QStringLiteral("64 × 48")));
        QVERIFY(dialog.outputPath().isEmpty());
        QVERIFY(!dialog.canStart());
    }

    // What was chosen last comes back; frames kept from an earlier run are announced.
    void theLastChoiceComesBackWithItsKeptFrames() {
        VideoSettings settings;
        settings.frameCount = 3;
        settings.longTerm = true;
        const QString output = dir_.filePath(QStringLiteral("again.webm"));
        QDir().mkpath(dir_.filePath(QStringLiteral("again-frames")));
        test::writeRgbImage(dir_.filePath(QStringLiteral("again-frames/frame-00001.png")),
                            test::testPicture(48, 36, 1));
        VideoDialog dialog;
        dialog.restore({clip_, output, settings});
        QCOMPARE(dialog.clipPath(), clip_);
        QCOMPARE(dialog.outputPath(), output);
        QCOMPARE(dialog.settings().frameCount, 3);
        QVERIFY(dialog.settings().longTerm);
        QVERIFY2(dialog.framesNoteText().contains(QStringLiteral("already holds 1 frame of an "
                                                                 "earlier run")),
                 qPrintable(dialog.framesNoteText()));
    }

    void onlyVideoTypesAreWritten() {
        VideoDialog dialog;
        dialog.setClip(clip_);
        dialog.setOutputPath(dir_.filePath(QStringLiteral("out.png")));
        QVERIFY(!dialog.canStart());
        QVERIFY(!startEnabled(dialog));
        dialog.setOutputPath(dir_.filePath(QStringLiteral("out.webm")));
        QVERIFY(startEnabled(dialog));
    }
};

QTEST_MAIN(TestVideoDialog)
#include "tst_videodialog.moc"
