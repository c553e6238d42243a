#include "io/npy_file.h"

#include <cctype>
#include <cstring>
#include <limits>

namespace tinysim {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicBytes = 6;

struct TypeInfo {
  ElementType type;
  char kind;  ///< numpy's kind letter: i, u, f
  size_t bytes;
};

constexpr TypeInfo kTypes[] = {
    {ElementType::kInt8, 'i', 1},  {ElementType::kUInt8, 'u', 1},    {ElementType::kInt16, 'i', 2},
    {ElementType::kInt32, 'i', 4}, {ElementType::kFloat32, 'f', 4},
};

const TypeInfo& info(ElementType type) {
  for (const TypeInfo& t : kTypes)
    if (t.type == type) return t;
  return kTypes[0];
}

/// Reads the header's Python dict literal: {'descr': '<i1', 'fortran_order': False,
/// 'shape': (2, 3), }. Positions are reported as columns of the file's first line.
class HeaderParser {
 public:
  HeaderParser(const std::string& text, size_t file_offset, const std::string& file)
      : text_(text), offset_(file_offset), file_(file) {}

  Result<NpyArray> parse() {
    NpyArray array;
    bool have_descr = false, have_order = false, have_shape = false;
    if (!take('{')) return fail("", "the header must be a Python dict starting with '{'");
    while (true) {
      skip_space();
      if (take('}')) break;
      const size_t key_at = pos_;
      auto key = string_literal();
      if (!key) return key.error();
      skip_space();
      if (!take(':')) return fail(*key, "expected ':' after the key");
      skip_space();
      if (*key == "descr") {
        const size_t at = pos_;
        auto descr = string_literal();
        if (!descr) return descr.error();
        if (Status s = read_descr(*descr, at, array.type)) return *s;
        have_descr = true;
      } else if (*key == "fortran_order") {
        const size_t at = pos_;
        if (word("False")) {
        } else if (word("True")) {
          return fail_at(at, "header.fortran_order",
                         "Fortran-order arrays are not read: save the array in C order "
                         "(numpy.ascontiguousarray)");
        } else {
          return fail_at(at, "header.fortran_order", "expected True or False");
        }
        have_order = true;
      } else if (*key == "shape") {
        if (Status s = read_shape(array.shape)) return *s;
        have_shape = true;
      } else {
        return fail_at(key_at, "header", "unexpected key '" + *key + "': expected descr, fortran_order and shape");
      }
      skip_space();
      if (!take(',')) {
        skip_space();
        if (!take('}')) return fail("", "expected ',' or '}' in the header dict");
        break;
      }
    }
    if (!have_descr || !have_order || !have_shape)
      return fail("", std::string("missing key '") + (!have_descr ? "descr" : !have_order ? "fortran_order" : "shape") + "'");
    return array;
  }

 private:
  Status read_descr(const std::string& descr, size_t at, ElementType& type) {
    const std::string expected = "expected int8 ('|i1'), uint8 ('|u1'), int16 ('<i2'), int32 ('<i4') or float32 ('<f4')";
    if (descr.size() >= 2 && (descr[0] == 'O' || descr[1] == 'O'))
      return fail_at(at, "header.descr", "object arrays ('" + descr + "') hold Python objects, not numbers: " + expected);
    if (descr.size() != 3 || !std::isdigit(static_cast<unsigned char>(descr[2])))
      return fail_at(at, "header.descr", "dtype '" + descr + "' is not supported: " + expected);
    const char order = descr[0];
    const size_t bytes = static_cast<size_t>(descr[2] - '0');
    for (const TypeInfo& t : kTypes) {
      if (t.kind != descr[1] || t.bytes != bytes) continue;
      if (order == '>' && bytes > 1)
        return fail_at(at, "header.descr", "big-endian dtype '" + descr + "': save it little-endian (" +
                                               "array.astype('<" + descr.substr(1) + "'))");
      if (order != '<' && order != '|' && order != '=' && order != '>')
        return fail_at(at, "header.descr", "unknown byte order '" + std::string(1, order) + "' in '" + descr + "'");
      type = t.type;
      return std::nullopt;
    }
    return fail_at(at, "header.descr", "dtype '" + descr + "' is not supported: " + expected);
  }

  Status read_shape(std::vector<int64_t>& shape) {
    const size_t at = pos_;
    if (!take('(')) return fail_at(at, "header.shape", "expected a tuple such as (1, 49, 10)");
    while (true) {
      skip_space();
      if (take(')')) return std::nullopt;
      const size_t digits_at = pos_;
      int64_t v = 0;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        if (v > (std::numeric_limits<int64_t>::max() - 9) / 10)
          return fail_at(digits_at, "header.shape", "dimension too large");
        v = v * 10 + (text_[pos_++] - '0');
      }
      if (pos_ == digits_at) return fail_at(digits_at, "header.shape", "expected a non-negative whole number");
      shape.push_back(v);
      skip_space();
      if (take(')')) return std::nullopt;
      if (!take(',')) return fail_at(pos_, "header.shape", "expected ',' or ')'");
    }
  }

  Result<std::string> string_literal() {
    const size_t at = pos_;
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
      return fail_at(at, "header", "expected a quoted string");
    const char quote = text_[pos_++];
    const size_t end = text_.find(quote, pos_);
    if (end == std::string::npos) return fail_at(at, "header", "unterminated string");
    std::string s = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return s;
  }

  bool word(const char* w) {
    const size_t n = std::strlen(w);
    if (text_.compare(pos_, n, w) != 0) return false;
    pos_ += n;
    return true;
  }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
    return false;
  }
  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  Error fail(const std::string& field, const std::string& message) const {
    return fail_at(pos_, field.empty() ? "header" : "header." + field, message);
  }
  Error fail_at(size_t at, const std::string& field, const std::string& message) const {
    Error e = make_error(message, file_);
    e.line = 1;
    e.column = static_cast<int>(offset_ + at + 1);
    e.field = field;
    return e;
  }

  const std::string& text_;
  size_t offset_;
  const std::string& file_;
  size_t pos_ = 0;
};

Error file_error(const std::string& file, const std::string& field, const std::string& message) {
  Error e = make_error(message, file);
  e.field = field;
  return e;
}

}  // namespace

uint64_t NpyArray::elements() const {
  uint64_t n = 1;
  for (int64_t d : shape) n *= static_cast<uint64_t>(d);
  return n;
}

Result<NpyArray> parse_npy(const std::vector<uint8_t>& bytes, const std::string& file) {
  if (bytes.size() < kMagicBytes + 4 || std::memcmp(bytes.data(), kMagic, kMagicBytes) != 0)
    return file_error(file, "magic", "not a NumPy .npy file: it must start with \\x93NUMPY");
  const uint8_t major = bytes[6];
  if (major < 1 || major > 3)
    return file_error(file, "version", "format version " + std::to_string(major) + "." + std::to_string(bytes[7]) +
                                           " is not known: expected 1.0, 2.0 or 3.0");
  size_t header_len = size_t{bytes[8]} | size_t{bytes[9]} << 8;
  size_t header_at = 10;
  if (major >= 2) {
    if (bytes.size() < 12) return file_error(file, "header_len", "the file ends inside the header length");
    header_len |= size_t{bytes[10]} << 16 | size_t{bytes[11]} << 24;
    header_at = 12;
  }
  if (header_len > bytes.size() - header_at)
    return file_error(file, "header_len", "the header says " + std::to_string(header_len) + " bytes, the file has " +
                                              std::to_string(bytes.size() - header_at) + " after it");
  const std::string header(bytes.begin() + static_cast<long>(header_at),
                           bytes.begin() + static_cast<long>(header_at + header_len));
  auto array = HeaderParser(header, header_at, file).parse();
  if (!array) return array.error();
  const size_t data_at = header_at + header_len;
  const uint64_t item = element_bytes(array->type);
  const uint64_t available = bytes.size() - data_at;
  // The bytes the shape needs, exact up to 2^64 (a shape beyond that is said so).
  unsigned __int128 needed = item;
  std::string shape;
  for (int64_t d : array->shape) {
    shape += (shape.empty() ? "" : " x ") + std::to_string(d);
    if (needed <= UINT64_MAX) needed *= static_cast<uint64_t>(d);
  }
  if (needed != available) {
    const std::string need =
        needed > UINT64_MAX ? std::string("more than 2^64") : std::to_string(static_cast<uint64_t>(needed));
    return file_error(file, "data", "the shape (" + (shape.empty() ? std::string("a scalar") : shape) + ") needs " + need +
                                        " data bytes of " + std::to_string(item) + " each, the file holds " +
                                        std::to_string(available));
  }
  array->data.assign(bytes.begin() + static_cast<long>(data_at), bytes.end());
  return array;
}

std::vector<uint8_t> format_npy(const NpyArray& array) {
  const TypeInfo& t = info(array.type);
  std::string header = std::string("{'descr': '") + (t.bytes == 1 ? '|' : '<') + t.kind + std::to_string(t.bytes) +
                       "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < array.shape.size(); ++i) header += (i ? ", " : "") + std::to_string(array.shape[i]);
  header += array.shape.size() == 1 ? ",), }" : "), }";  // Python's one-element tuple is (n,)
  // Pad with spaces and a newline so the data starts 64-byte aligned, as numpy does.
  const bool v2 = header.size() + 11 > 65535;
  const size_t prefix = v2 ? 12 : 10;
  header.append(63 - (prefix + header.size()) % 64, ' ');
  header += '\n';
  std::vector<uint8_t> out(kMagic, kMagic + kMagicBytes);
  out.push_back(v2 ? 2 : 1);
  out.push_back(0);
  const size_t n = header.size();
  for (size_t i = 0; i < (v2 ? 4u : 2u); ++i) out.push_back(static_cast<uint8_t>(n >> (8 * i)));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), array.data.begin(), array.data.end());
  return out;
}

}  // namespace tinysim
