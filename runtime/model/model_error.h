#pragma once
// Why a model was rejected, and where: an error value, never an exception or a hang.
#include <stdint.h>

namespace tinyrt {

/// What was wrong with a model. Stable numbers: the firmware publishes them.
enum class ModelStatus : uint8_t {
  kOk = 0,
  kTooSmall = 1,            ///< shorter than the 8-byte FlatBuffers header
  kBadIdentifier = 2,       ///< bytes 4..7 are not "TFL3"
  kOutOfBounds = 3,         ///< an offset or length points outside the model
  kBadVtable = 4,           ///< a vtable is malformed or a field lies past its table
  kMissingField = 5,        ///< a field the reader needs is absent
  kBadVersion = 6,          ///< Model.version is not 3
  kBadSubgraphCount = 7,    ///< not exactly one subgraph
  kBadTensorIndex = 8,      ///< a tensor index is outside the subgraph's tensors
  kBadBufferIndex = 9,      ///< a tensor's buffer index is outside Model.buffers
  kBadOpcodeIndex = 10,     ///< an operator's opcode_index is outside operator_codes
  kUnsupportedOp = 11,      ///< a builtin op outside the supported set (see name)
  kUnsupportedType = 12,    ///< a tensor type not allowed where it is used
  kBadShape = 13,           ///< rank too high, negative dimension or size overflow
  kBadQuantization = 14,    ///< missing/mismatched scales or zero points
  kBadBufferSize = 15,      ///< constant data size differs from shape x element size
  kMisalignedData = 16,     ///< int32/float32 constant data not 4-byte aligned
  kBadOptions = 17,         ///< builtin options of the wrong type or out of range
  kBadOperands = 18,        ///< wrong number of inputs/outputs, or a required one is -1
  kUnterminatedString = 19, ///< a string lacks its terminating zero byte
};

/// Which FlatBuffer structure a failed bounds or layout check was reading, so the
/// host can word the error (each says what `offset` and `value` then mean).
enum class ModelPart : uint8_t {
  kNone = 0,    ///< not a structure check: value is the offending field value
  kOffset,      ///< a uoffset at `offset`; value is the uoffset (0: null)
  kReference,   ///< a reference at `offset` to position `value`
  kTable,       ///< a table at `offset` with `value` inline bytes
  kVtableRef,   ///< a table at `offset` whose vtable is at position `value`
  kVtable,      ///< a vtable at `offset` of `value` bytes
  kFieldSlot,   ///< a vtable slot at `offset` giving field offset `value`
  kVector,      ///< a vector whose length word is at `offset`, of `value` entries
  kString,      ///< a string whose length word is at `offset`, of `value` bytes (or,
                ///< unterminated, the byte `value` at `offset` where its zero belongs)
  kElement,     ///< element `value` of the vector starting at `offset`
  kData,        ///< constant data at position `value`, named by the table at `offset`
};

/// A rejected model: what, which field, where in the bytes, about which element.
struct ModelError {
  ModelStatus status = ModelStatus::kOk;
  const char* field = "";  ///< schema path, e.g. "Tensor.quantization.scale"
  uint32_t offset = 0;     ///< byte offset in the model where the check failed
  int32_t index = -1;      ///< tensor or operator index, -1 when not about one
  int64_t value = 0;       ///< offending value (op code, type, version, count, ...)
  const char* name = "";   ///< builtin op name for kUnsupportedOp, else ""
  uint32_t size = 0;       ///< bytes in the model, to tell a truncated file
  ModelPart part = ModelPart::kNone;  ///< structure being read when the check failed

  bool ok() const { return status == ModelStatus::kOk; }
};

/// Short stable name of a status, e.g. "out_of_bounds".
const char* model_status_name(ModelStatus status);

/// Writes "status: field [index i] at offset o (value v) name" into out (always
/// zero-terminated when capacity > 0); returns the length it needed.
uint32_t format_model_error(const ModelError& error, char* out, uint32_t capacity);

}  // namespace tinyrt
