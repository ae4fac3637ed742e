#include "MaskEditorDialog.h"

#include "MaskCanvas.h"

#include <QAction>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {

// Aspect ratios closer than this are the same shape: a scaled copy rounds its sides to whole
// pixels, which moves the ratio by a fraction of a percent at any usable size.
constexpr double kAspectTolerance = 0.01;

QFrame* separator(QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

} // namespace

MaskEditorDialog::MaskEditorDialog(const QImage& content, const QImage& mask, const QColor& color,
                                   const QString& styleName,
                                   const QList<QPair<QImage, QColor>>& otherMasks, QWidget* parent)
    : QDialog(parent), content_(content), canvas_(new MaskCanvas(this)),
      brushSize_(new QSlider(Qt::Horizontal, this)), brushSizeLabel_(new QLabel(this)) {
    setWindowTitle(tr("Region for %1").arg(styleName));
    setSizeGripEnabled(true);

    canvas_->setContent(content);
    canvas_->setColor(color);
    canvas_->setOtherMasks(otherMasks);
    canvas_->setMask(mask);
    // The mask the dialog opened with is where undo stops.
    canvas_->undoStack()->clear();

    auto* tools = new QButtonGroup(this);
    tools->setExclusive(true);
    auto* row = new QHBoxLayout;
    const auto addTool = [&](const QString& text, const QString& key, const QString& tip,
                             MaskCanvas::Tool tool) {
        auto* button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setShortcut(QKeySequence(key));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key));
        button->setChecked(canvas_->tool() == tool);
        tools->addButton(button, static_cast<int>(tool));
        row->addWidget(button);
    };
    addTool(tr("Brush"), QStringLiteral("B"), tr("Paint where this style applies"),
            MaskCanvas::Tool::Brush);
    addTool(tr("Eraser"), QStringLiteral("E"), tr("Paint where this style does not apply"),
            MaskCanvas::Tool::Eraser);
    addTool(tr("Fill"), QStringLiteral("F"),
            tr("Click an area enclosed by a stroke to switch all of it on or off"),
            MaskCanvas::Tool::Fill);
    connect(tools, &QButtonGroup::idClicked, this,
            [this](int id) { canvas_->setTool(static_cast<MaskCanvas::Tool>(id)); });

    // The brush is measured in content pixels; the range follows the image so that both a
    // hair-thin line and a stroke across a quarter of the picture are in reach.
    const int longer = std::max({content.width(), content.height(), 32});
    brushSize_->setRange(1, std::max(8, longer / 4));
    brushSize_->setValue(std::clamp(longer / 25, 2, brushSize_->maximum()));
    brushSize_->setToolTip(tr("Brush size in pixels of the content image"));
    const auto showSize = [this](int size) {
        canvas_->setBrushSize(size);
        brushSizeLabel_->setText(tr("%1 px").arg(size));
    };
    // Wide enough for the largest size, so the row does not shift while the slider moves.
    brushSizeLabel_->setMinimumWidth(
        brushSizeLabel_->fontMetrics().horizontalAdvance(tr("%1 px").arg(brushSize_->maximum())));
    brushSizeLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    showSize(brushSize_->value());
    connect(brushSize_, &QSlider::valueChanged, this, showSize);
    row->addWidget(separator(this));
    row->addWidget(new QLabel(tr("Size"), this));
    row->addWidget(brushSize_, 1);
    row->addWidget(brushSizeLabel_);
    row->addWidget(separator(this));

    // Plain actions rather than QUndoStack's own: theirs rename themselves after every step
    // ("Undo Paint", "Undo Replace mask"), and the row would shift under the pointer.
    QUndoStack* stack = canvas_->undoStack();
    auto* undo = new QAction(tr("Undo"), this);
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = new QAction(tr("Redo"), this);
    // The platform's redo keys (Ctrl+Y on some) plus Ctrl+Shift+Z, which painters expect
    // everywhere.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(shiftZ))
        redoKeys.append(shiftZ);
    redo->setShortcuts(redoKeys);
    connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    const auto showUndoState = [stack, undo, redo] {
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
        undo->setToolTip(stack->canUndo()
                             ? tr("Undo %1 (%2)")
                                   .arg(stack->undoText().toLower(),
                                        undo->shortcut().toString(QKeySequence::NativeText))
                             : tr("Nothing to undo"));
        redo->setToolTip(stack->canRedo()
                             ? tr("Redo %1 (%2)")
                                   .arg(stack->redoText().toLower(),
                                        redo->shortcut().toString(QKeySequence::NativeText))
                             : tr("Nothing to redo"));
    };
    showUndoState();
    connect(stack, &QUndoStack::indexChanged, this, showUndoState);
    connect(stack, &QUndoStack::canUndoChanged, this, showUndoState);
    connect(stack, &QUndoStack::canRedoChanged, this, showUndoState);
    for (QAction* action : {undo, redo}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        row->addWidget(button);
    }
    auto* invert = new QPushButton(tr("Invert"), this);
    invert->setToolTip(tr("Swap where this style applies and where it does not"));
    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setToolTip(tr("Make the whole mask black: this style applies nowhere"));
    auto* load = new QPushButton(tr("Load…"), this);
    load->setToolTip(tr("Use a grayscale image of the content's shape as the mask"));
    auto* save = new QPushButton(tr("Save…"), this);
    save->setToolTip(tr("Save the mask as a PNG image"));
    connect(invert, &QPushButton::clicked, canvas_, &MaskCanvas::invert);
    connect(clear, &QPushButton::clicked, canvas_, &MaskCanvas::clear);
    connect(load, &QPushButton::clicked, this, &MaskEditorDialog::browseLoad);
    connect(save, &QPushButton::clicked, this, &MaskEditorDialog::browseSave);
    row->addWidget(invert);
    row->addWidget(clear);
    row->addWidget(separator(this));
    row->addWidget(load);
    row->addWidget(save);

    auto* hint = new QLabel(
        tr("Paint where this style applies: white areas get this style, black areas do not."),
        this);
    hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(canvas_, 1);
    layout->addWidget(buttons);
    resize(900, 650);
}

QImage MaskEditorDialog::mask() const {
    return canvas_->mask();
}

bool MaskEditorDialog::loadMaskFile(const QString& path, QString* error) {
    const QString name = QFileInfo(path).fileName();
    if (content_.isNull())
        return fail(error, tr("there is no content image to fit the mask '%1' to").arg(name));
    QImageReader reader(path);
    // A phone photo's EXIF rotation is part of its shape.
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return fail(error, tr("cannot read '%1': %2").arg(name, reader.errorString()));
    const double shape =
        (double(image.width()) / image.height()) / (double(content_.width()) / content_.height());
    if (std::abs(shape - 1.0) > kAspectTolerance)
        return fail(error, tr("'%1' is %2 x %3 pixels; a mask must have the content image's "
                              "shape (%4 x %5, or a scaled copy)")
                               .arg(name)
                               .arg(image.width())
                               .arg(image.height())
                               .arg(content_.width())
                               .arg(content_.height()));
    // The canvas converts to grayscale and scales to the content's size, as one undo step.
    canvas_->setMask(image);
    return true;
}

bool MaskEditorDialog::saveMaskFile(const QString& path, QString* error) const {
    QString target = path;
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.isEmpty())
        target += QStringLiteral(".png");
    else if (suffix.compare(QStringLiteral("png"), Qt::CaseInsensitive) != 0)
        // A lossy format would blur the mask's edges; PNG bytes under another name would mislead.
        return fail(error, tr("'%1': masks are saved as PNG; use a name ending in .png")
                               .arg(QFileInfo(path).fileName()));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("cannot write '%1': %2").arg(target, file.errorString()));
    QImageWriter writer(&file, "png");
    if (!writer.write(canvas_->mask())) {
        const QString why = writer.errorString();
        file.cancelWriting();
        return fail(error, tr("cannot write '%1': %2").arg(target, why));
    }
    if (!file.commit())
        return fail(error, tr("cannot write '%1': %2").arg(target, file.errorString()));
    return true;
}

void MaskEditorDialog::browseLoad() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load a mask"), folder_,
        tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp);;All files (*)"));
    if (path.isEmpty())
        return;
    folder_ = QFileInfo(path).absolutePath();
    QString error;
    if (!loadMaskFile(path, &error))
        QMessageBox::warning(this, tr("Mask not loaded"), error);
}

void MaskEditorDialog::browseSave() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the mask"), folder_, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    folder_ = QFileInfo(path).absolutePath();
    QString error;
    if (!saveMaskFile(path, &error))
        QMessageBox::warning(this, tr("Mask not saved"), error);
}

} // namespace deepart
