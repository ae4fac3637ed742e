#include "RunInputs.h"

#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>

namespace deepart {

namespace {

std::string sizeText(const cv::Mat& image) {
    return std::to_string(image.cols) + " x " + std::to_string(image.rows);
}

// A mask as the driver wants it: 1x1xHxW in [0,1] at the content's size. A mask of the content's
// shape but another size (e.g. painted at the output size) is scaled.
torch::Tensor loadMask(const std::string& path, const cv::Mat& originalContent,
                       const cv::Mat& content, int styleNumber) {
    const std::string role = "the mask of style " + std::to_string(styleNumber);
    const cv::Mat rgb = loadRgbImage(path, role);
    const double contentAspect = static_cast<double>(originalContent.cols) / originalContent.rows;
    const double maskAspect = static_cast<double>(rgb.cols) / rgb.rows;
    if (std::abs(maskAspect / contentAspect - 1.0) > 0.01)
        throw Error(role + " ('" + path + "') is " + sizeText(rgb) +
                    " pixels; a mask must have the content image's shape (" +
                    sizeText(originalContent) + ", or a scaled copy)");
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    if (gray.cols != content.cols || gray.rows != content.rows)
        cv::resize(gray, gray, content.size(), 0, 0, cv::INTER_AREA);
    return torch::from_blob(gray.data, {1, 1, gray.rows, gray.cols}, torch::kUInt8)
        .to(torch::kFloat32)
        .div(255.0);
}

} // namespace

int styleSide(double scale, int outputSize, int styleNumber) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", scale);
    const std::string name = "style " + std::to_string(styleNumber);
    if (!(scale > 0.0) || !std::isfinite(scale))
        throw Error("the style scale of " + name + " must be greater than 0 (it is " + text + ")");
    const double side = std::round(scale * outputSize);
    if (side > kMaxImageSide)
        throw Error("style scale " + std::string(text) + " makes " + name + " " +
                    std::to_string(static_cast<long long>(side)) +
                    " px on its longer side; the limit is " + std::to_string(kMaxImageSide) +
                    " px. Lower its style scale or the output size.");
    if (side < 16)
        throw Error("style scale " + std::string(text) + " makes " + name + " " +
                    std::to_string(static_cast<long long>(side)) +
                    " px on its longer side; at least 16 px are needed. Raise its style scale.");
    return static_cast<int>(side);
}

namespace {

// Every style's side, checked before the first (possibly large) file is decoded.
std::vector<int> styleSides(const RunSettings& settings) {
    if (settings.styles.empty())
        throw Error("no style image was given");
    std::vector<int> sides;
    for (size_t k = 0; k < settings.styles.size(); ++k)
        sides.push_back(styleSide(settings.styles[k].scale, settings.transfer.outputSize(),
                                  static_cast<int>(k) + 1));
    return sides;
}

StyleImage loadStyle(const RunSettings& settings, size_t k, int side) {
    const StyleSource& source = settings.styles[k];
    const std::string role =
        settings.styles.size() == 1 ? "style image" : "style image " + std::to_string(k + 1);
    StyleImage style;
    style.image = rgbMatToTensor(resizeLongerSide(loadRgbImage(source.path, role), side));
    style.weight = source.weight;
    style.scale = source.scale;
    return style;
}

} // namespace

void loadStyleInputs(const RunSettings& settings, RunPlan& plan) {
    const std::vector<int> sides = styleSides(settings);
    for (size_t k = 0; k < settings.styles.size(); ++k)
        if (!settings.styles[k].maskPath.empty())
            throw Error("style " + std::to_string(k + 1) +
                        " has a mask, which needs a content image of one shape; a video has none");
    plan.styles.clear();
    for (size_t k = 0; k < settings.styles.size(); ++k)
        plan.styles.push_back(loadStyle(settings, k, sides[k]));
}

void loadRunInputs(const RunSettings& settings, RunPlan& plan) {
    const int size = settings.transfer.outputSize();
    const std::vector<int> sides = styleSides(settings);
    const cv::Mat originalContent = loadRgbImage(settings.contentPath, "content image");
    const cv::Mat content = resizeLongerSide(originalContent, size);
    plan.content = rgbMatToTensor(content);
    plan.styles.clear();
    for (size_t k = 0; k < settings.styles.size(); ++k) {
        StyleImage style = loadStyle(settings, k, sides[k]);
        if (!settings.styles[k].maskPath.empty())
            style.mask = loadMask(settings.styles[k].maskPath, originalContent, content,
                                  static_cast<int>(k) + 1);
        plan.styles.push_back(style);
    }
    plan.initImage = torch::Tensor();
    if (settings.transfer.init == InitMode::Image) {
        if (settings.initImagePath.empty())
            throw Error("the run starts from an image, but none was given (--init-image FILE)");
        const cv::Mat start = loadRgbImage(settings.initImagePath, "starting image");
        cv::Mat sized;
        cv::resize(start, sized, content.size(), 0, 0,
                   start.cols > content.cols ? cv::INTER_AREA : cv::INTER_CUBIC);
        plan.initImage = rgbMatToTensor(sized);
    }
}

} // namespace deepart
