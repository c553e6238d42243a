#pragma once
// A model tensor's values in the files users exchange: raw .bin (the tensor's bytes
// back to back), NumPy .npy and .csv (one inference per row, values in C order).
// Read into raw tensor bytes, one per inference, checked against the tensor's shape
// and type; float32 arrays for an integer tensor are quantised with its scale and zero
// point. Written back the same way, or dequantised to float32 on request.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "model/model_summary.h"

namespace tinysim {

using TensorBytes = std::vector<uint8_t>;

/// "input 'x' int8 [1x4] (4 bytes per inference)": what a file must match.
std::string describe_tensor(const std::string& role, const TensorSummary& tensor);

/// The values `path` holds, one per inference: a .npy with a leading batch dimension,
/// several CSV rows or a .bin of N tensors' bytes give N.
Result<std::vector<TensorBytes>> read_tensor_file(const std::string& path, const std::string& role,
                                                  const TensorSummary& tensor);
/// A file, or every .npy/.bin/.csv in a directory in name order, read as above.
Result<std::vector<TensorBytes>> read_tensor_path(const std::string& path, const std::string& role,
                                                  const TensorSummary& tensor);

/// Writes `values` (one per inference) in the format its extension names; a .npy gets
/// a leading batch dimension when there are several. dequantize: float32 real values.
Status write_tensor_file(const std::string& path, const TensorSummary& tensor, const std::vector<TensorBytes>& values,
                         bool dequantize);

/// Real values of an integer tensor: scale * (q - zero_point); float32 tensors as they are.
std::vector<double> dequantize(const TensorBytes& bytes, const TensorSummary& tensor);

}  // namespace tinysim
