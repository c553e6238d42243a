#include "model/model_error.h"

namespace tinyrt {

const char* model_status_name(ModelStatus status) {
  switch (status) {
    case ModelStatus::kOk: return "ok";
    case ModelStatus::kTooSmall: return "too_small";
    case ModelStatus::kBadIdentifier: return "bad_identifier";
    case ModelStatus::kOutOfBounds: return "out_of_bounds";
    case ModelStatus::kBadVtable: return "bad_vtable";
    case ModelStatus::kMissingField: return "missing_field";
    case ModelStatus::kBadVersion: return "bad_version";
    case ModelStatus::kBadSubgraphCount: return "bad_subgraph_count";
    case ModelStatus::kBadTensorIndex: return "bad_tensor_index";
    case ModelStatus::kBadBufferIndex: return "bad_buffer_index";
    case ModelStatus::kBadOpcodeIndex: return "bad_opcode_index";
    case ModelStatus::kUnsupportedOp: return "unsupported_op";
    case ModelStatus::kUnsupportedType: return "unsupported_type";
    case ModelStatus::kBadShape: return "bad_shape";
    case ModelStatus::kBadQuantization: return "bad_quantization";
    case ModelStatus::kBadBufferSize: return "bad_buffer_size";
    case ModelStatus::kMisalignedData: return "misaligned_data";
    case ModelStatus::kBadOptions: return "bad_options";
    case ModelStatus::kBadOperands: return "bad_operands";
    case ModelStatus::kUnterminatedString: return "unterminated_string";
  }
  return "unknown";
}

namespace {

/// Appends text to a bounded buffer, counting what it would need.
class TextSink {
 public:
  TextSink(char* out, uint32_t capacity) : out_(out), capacity_(capacity) {}
  void text(const char* s) {
    while (*s) put(*s++);
  }
  void number(int64_t v) {
    char digits[24];
    uint32_t n = 0;
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    do {
      digits[n++] = char('0' + u % 10u);
      u /= 10u;
    } while (u != 0);
    if (v < 0) put('-');
    while (n > 0) put(digits[--n]);
  }
  uint32_t finish() {
    if (capacity_ > 0) out_[length_ < capacity_ ? length_ : capacity_ - 1] = '\0';
    return length_;
  }

 private:
  void put(char c) {
    if (length_ + 1 < capacity_) out_[length_] = c;
    ++length_;
  }
  char* out_;
  uint32_t capacity_;
  uint32_t length_ = 0;
};

}  // namespace

uint32_t format_model_error(const ModelError& error, char* out, uint32_t capacity) {
  TextSink sink(out, capacity);
  sink.text(model_status_name(error.status));
  if (error.status == ModelStatus::kOk) return sink.finish();
  if (error.field[0] != '\0') {
    sink.text(": ");
    sink.text(error.field);
  }
  if (error.index >= 0) {
    sink.text(" [");
    sink.number(error.index);
    sink.text("]");
  }
  sink.text(" at offset ");
  sink.number(error.offset);
  sink.text(" (value ");
  sink.number(error.value);
  sink.text(")");
  if (error.name[0] != '\0') {
    sink.text(" ");
    sink.text(error.name);
  }
  return sink.finish();
}

}  // namespace tinyrt
