#include "io/tensor_file.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/element_type.h"
#include "io/npy_file.h"

namespace tinysim {
namespace {

namespace fs = std::filesystem;

std::string extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_tensor_file(const fs::path& path) {
  const std::string ext = extension(path.string());
  return ext == ".npy" || ext == ".bin" || ext == ".csv";
}

template <class Int>
std::string dims_text(const std::vector<Int>& shape, const char* open, const char* separator, const char* close) {
  std::string s = open;
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? separator : "") + std::to_string(shape[i]);
  return s + close;
}

Result<ElementType> tensor_type(const std::string& role, const TensorSummary& tensor) {
  if (auto type = element_type_named(tensor.type)) return *type;
  return make_error(describe_tensor(role, tensor) + " has a type tensor files do not carry: expected int8, uint8, "
                    "int16, int32 or float32");
}

std::vector<int64_t> without_leading_ones(std::vector<int64_t> shape) {
  while (!shape.empty() && shape.front() == 1) shape.erase(shape.begin());
  return shape;
}

/// Inferences an array of `shape` holds for the tensor: its shape (leading 1s are
/// optional), or N of them with a leading batch dimension. 0 when it does not match.
uint64_t batch_count(const std::vector<int64_t>& shape, const TensorSummary& tensor) {
  const std::vector<int64_t> core = without_leading_ones({tensor.shape.begin(), tensor.shape.end()});
  if (without_leading_ones(shape) == core) return 1;
  if (shape.empty() || shape[0] < 1) return 0;
  if (without_leading_ones({shape.begin() + 1, shape.end()}) == core) return static_cast<uint64_t>(shape[0]);
  return 0;
}

std::vector<TensorBytes> split(const TensorBytes& all, size_t bytes_per_inference) {
  std::vector<TensorBytes> values;
  for (size_t at = 0; at + bytes_per_inference <= all.size() && bytes_per_inference > 0; at += bytes_per_inference)
    values.emplace_back(all.begin() + static_cast<long>(at), all.begin() + static_cast<long>(at + bytes_per_inference));
  return values;
}

/// TFLite's quantisation: q = round(real / scale) + zero_point, clamped (float arithmetic).
TensorBytes quantize(const std::vector<double>& real, const TensorSummary& tensor, ElementType type) {
  std::vector<double> q(real.size());
  for (size_t i = 0; i < real.size(); ++i)
    q[i] = std::round(static_cast<float>(real[i]) / static_cast<float>(tensor.scale)) + double(tensor.zero_point);
  return encode_elements(q, type);
}

std::string quantisation_text(const TensorSummary& tensor) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "scale %.9g, zero point %lld", tensor.scale,
                static_cast<long long>(tensor.zero_point));
  return buf;
}

Result<std::vector<TensorBytes>> read_npy_values(const std::vector<uint8_t>& bytes, const std::string& path,
                                                 const std::string& role, const TensorSummary& tensor,
                                                 ElementType type) {
  auto array = parse_npy(bytes, path);
  if (!array) return array.error();
  const uint64_t count = batch_count(array->shape, tensor);
  if (count == 0)
    return make_error("shape " + dims_text(array->shape, "(", ", ", array->shape.size() == 1 ? ",)" : ")") +
                          " does not match " + describe_tensor(role, tensor) +
                          ": expected that shape, or (N, ...) for N inferences",
                      path);
  if (array->type == type) return split(array->data, tensor.bytes);
  if (array->type == ElementType::kFloat32 && is_integer(type) && tensor.scale > 0) {
    const std::vector<double> real = decode_elements(array->data, ElementType::kFloat32);
    const auto bad = std::find_if(real.begin(), real.end(), [](double v) { return !std::isfinite(v); });
    if (bad != real.end())
      return make_error("element " + std::to_string(bad - real.begin()) + " is not a finite number", path);
    return split(quantize(real, tensor, type), tensor.bytes);
  }
  std::string expected = element_type_name(type);
  if (is_integer(type) && tensor.scale > 0)
    expected += ", or float32 to be quantised with " + quantisation_text(tensor);
  return make_error(std::string("dtype ") + element_type_name(array->type) + " does not match " +
                        describe_tensor(role, tensor) + ": expected " + expected,
                    path);
}

Result<std::vector<TensorBytes>> read_bin_values(const std::vector<uint8_t>& bytes, const std::string& path,
                                                 const std::string& role, const TensorSummary& tensor) {
  if (bytes.empty() || tensor.bytes == 0 || bytes.size() % tensor.bytes != 0)
    return make_error("holds " + std::to_string(bytes.size()) + " bytes: " + describe_tensor(role, tensor) +
                          " needs a whole number of " + std::to_string(tensor.bytes) + "-byte tensors",
                      path);
  return split(bytes, tensor.bytes);
}

Error csv_error(const std::string& path, int line, size_t column, const std::string& message) {
  Error e = make_error(message, path);
  e.line = line;
  e.column = static_cast<int>(column);
  return e;
}

/// One row per inference, the tensor's own values (integers for integer tensors);
/// blank lines and lines starting with '#' are skipped.
Result<std::vector<TensorBytes>> read_csv_values(const std::vector<uint8_t>& bytes, const std::string& path,
                                                 const std::string& role, const TensorSummary& tensor,
                                                 ElementType type) {
  const std::string text(bytes.begin(), bytes.end());
  const size_t elements = tensor.bytes / element_bytes(type);
  std::vector<TensorBytes> values;
  size_t line_start = 0;
  for (int line = 1; line_start < text.size(); ++line) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    std::string row = text.substr(line_start, line_end - line_start);
    if (!row.empty() && row.back() == '\r') row.pop_back();
    line_start = line_end + 1;
    const size_t first = row.find_first_not_of(" \t");
    if (first == std::string::npos || row[first] == '#') continue;
    std::vector<double> numbers;
    size_t at = 0;
    while (at <= row.size()) {
      size_t end = row.find(',', at);
      if (end == std::string::npos) end = row.size();
      const size_t begin = std::min(row.find_first_not_of(" \t", at), end);
      size_t stop = end;
      while (stop > begin && (row[stop - 1] == ' ' || row[stop - 1] == '\t')) --stop;
      const std::string token = row.substr(begin, stop - begin);
      double v = 0;
      char* parsed_end = nullptr;
      if (!token.empty()) v = std::strtod(token.c_str(), &parsed_end);
      if (token.empty() || parsed_end != token.c_str() + token.size() || !std::isfinite(v))
        return csv_error(path, line, begin + 1, "'" + token + "' is not a number");
      if (is_integer(type) && (v != std::floor(v) || v < lowest_value(type) || v > highest_value(type)))
        return csv_error(path, line, begin + 1,
                         "'" + token + "': expected a whole number in " + std::to_string(int64_t(lowest_value(type))) +
                             ".." + std::to_string(int64_t(highest_value(type))) + " for " +
                             describe_tensor(role, tensor));
      numbers.push_back(v);
      at = end + 1;
    }
    if (numbers.size() != elements)
      return csv_error(path, line, 1,
                       "row has " + std::to_string(numbers.size()) + " values; " + describe_tensor(role, tensor) +
                           " has " + std::to_string(elements));
    values.push_back(encode_elements(numbers, type));
  }
  if (values.empty()) return make_error("holds no rows of values for " + describe_tensor(role, tensor), path);
  return values;
}

}  // namespace

std::string describe_tensor(const std::string& role, const TensorSummary& tensor) {
  return role + " '" + tensor.name + "' " + tensor.type + " " + dims_text(tensor.shape, "[", "x", "]") + " (" +
         std::to_string(tensor.bytes) + " bytes per inference)";
}

Result<std::vector<TensorBytes>> read_tensor_file(const std::string& path, const std::string& role,
                                                  const TensorSummary& tensor) {
  auto type = tensor_type(role, tensor);
  if (!type) return type.error();
  const std::string ext = extension(path);
  if (ext != ".npy" && ext != ".bin" && ext != ".csv")
    return make_error("unknown tensor file type '" + ext + "': expected .npy, .bin or .csv", path);
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  if (ext == ".npy") return read_npy_values(bytes.value(), path, role, tensor, type.value());
  if (ext == ".bin") return read_bin_values(bytes.value(), path, role, tensor);
  return read_csv_values(bytes.value(), path, role, tensor, type.value());
}

Result<std::vector<TensorBytes>> read_tensor_path(const std::string& path, const std::string& role,
                                                  const TensorSummary& tensor) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return read_tensor_file(path, role, tensor);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_regular_file() && is_tensor_file(entry.path())) files.push_back(entry.path().string());
  if (ec) return make_error("cannot list the directory: " + ec.message(), path);
  if (files.empty()) return make_error("the directory holds no .npy, .bin or .csv files", path);
  std::sort(files.begin(), files.end());
  std::vector<TensorBytes> all;
  for (const std::string& file : files) {
    auto values = read_tensor_file(file, role, tensor);
    if (!values) return values.error();
    all.insert(all.end(), values->begin(), values->end());
  }
  return all;
}

std::vector<double> dequantize(const TensorBytes& bytes, const TensorSummary& tensor) {
  const ElementType type = element_type_named(tensor.type).value_or(ElementType::kInt8);
  std::vector<double> values = decode_elements(bytes, type);
  if (is_integer(type) && tensor.scale > 0)
    for (double& v : values) v = tensor.scale * (v - double(tensor.zero_point));
  return values;
}

Status write_tensor_file(const std::string& path, const TensorSummary& tensor, const std::vector<TensorBytes>& values,
                         bool dequantized) {
  auto stored = tensor_type("output", tensor);
  if (!stored) return stored.error();
  if (dequantized && is_integer(stored.value()) && tensor.scale <= 0)
    return make_error(describe_tensor("output", tensor) + " is not quantised: it has no real values to write", path);
  const ElementType type = dequantized ? ElementType::kFloat32 : stored.value();
  std::vector<uint8_t> data;
  std::string csv;
  for (const TensorBytes& value : values) {
    const std::vector<double> numbers = dequantized ? dequantize(value, tensor) : decode_elements(value, type);
    const TensorBytes bytes = dequantized ? encode_elements(numbers, type) : value;
    data.insert(data.end(), bytes.begin(), bytes.end());
    for (size_t i = 0; i < numbers.size(); ++i) csv += (i ? "," : "") + value_text(numbers[i], type);
    csv += "\n";
  }
  const std::string ext = extension(path);
  std::vector<uint8_t> file;
  if (ext == ".npy") {
    NpyArray array;
    array.type = type;
    if (values.size() > 1) array.shape.push_back(static_cast<int64_t>(values.size()));
    array.shape.insert(array.shape.end(), tensor.shape.begin(), tensor.shape.end());
    array.data = std::move(data);
    file = format_npy(array);
  } else if (ext == ".bin") {
    file = std::move(data);
  } else if (ext == ".csv") {
    file.assign(csv.begin(), csv.end());
  } else {
    return make_error("unknown tensor file type '" + ext + "': expected .npy, .bin or .csv", path);
  }
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
  if (!out) return make_error("cannot write the file", path);
  return std::nullopt;
}

}  // namespace tinysim
