#include "ImageTensor.h"

#include <cstring>

namespace deepart {

torch::Tensor rgbMatToTensor(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_8UC3);
    const cv::Mat contiguous = rgb.isContinuous() ? rgb : rgb.clone();
    const auto hwc = torch::from_blob(const_cast<uchar*>(contiguous.ptr()),
                                      {contiguous.rows, contiguous.cols, 3}, torch::kUInt8);
    return hwc.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32).div(255.0).contiguous();
}

cv::Mat tensorToRgbMat(const torch::Tensor& image, int bitDepth) {
    TORCH_CHECK(image.dim() == 4 && image.size(0) == 1 && image.size(1) == 3,
                "expected a 1x3xHxW image");
    const bool wide = bitDepth == 16;
    // 16 bits go through int32: LibTorch 1.13 has no uint16 tensors.
    const auto hwc = image.detach()
                         .squeeze(0)
                         .clamp(0.0, 1.0)
                         .mul(wide ? 65535.0 : 255.0)
                         .round()
                         .to(torch::kCPU, wide ? torch::kInt32 : torch::kUInt8)
                         .permute({1, 2, 0})
                         .contiguous();
    const int rows = static_cast<int>(hwc.size(0));
    const int cols = static_cast<int>(hwc.size(1));
    if (wide) {
        cv::Mat rgb;
        cv::Mat(rows, cols, CV_32SC3, const_cast<int32_t*>(hwc.data_ptr<int32_t>()))
            .convertTo(rgb, CV_16UC3);
        return rgb;
    }
    cv::Mat rgb(rows, cols, CV_8UC3);
    std::memcpy(rgb.ptr(), hwc.data_ptr<uint8_t>(), static_cast<size_t>(hwc.numel()));
    return rgb;
}

} // namespace deepart
