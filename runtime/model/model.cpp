#include "model/model.h"

#include "model/model_parts.h"

namespace tinyrt {

namespace fd = field;

uint32_t tensor_type_size(TensorType type) {
  switch (type) {
    case TensorType::kInt8: return 1;
    case TensorType::kInt32:
    case TensorType::kFloat32: return 4;
    default: return 0;
  }
}

uint32_t TensorInfo::element_count() const {
  uint64_t count = 1;
  for (uint32_t i = 0; i < shape.size(); ++i) {
    const int32_t d = shape[i];
    count *= d > 0 ? uint64_t(d) : 0u;
    if (count > 0x7FFFFFFFu) return 0;  // impossible after validation
  }
  return uint32_t(count);
}

uint32_t TensorInfo::bytes() const {
  const uint64_t b = uint64_t(element_count()) * tensor_type_size(type);
  return b > 0x7FFFFFFFu ? 0u : uint32_t(b);
}

bool ModelParts::read_header(fb::Reader& r, Model* m) {
  fb::Table root;
  if (!r.root(kTfliteIdentifier, &root)) return false;
  if (!r.u32(root, fd::kModelVersion, 0, "Model.version", &m->version_)) return false;
  if (m->version_ != kTfliteSchemaVersion) {
    uint32_t pos = 0;
    r.field(root, fd::kModelVersion, 4, "Model.version", &pos);
    return r.fail(ModelStatus::kBadVersion, "Model.version", pos ? pos : root.pos, m->version_);
  }
  fb::Vec subgraphs;
  if (!r.vec(root, fd::kModelOperatorCodes, 4, "Model.operator_codes", &m->opcodes_) ||
      !r.vec(root, fd::kModelSubgraphs, 4, "Model.subgraphs", &subgraphs) ||
      !r.string(root, fd::kModelDescription, "Model.description", &m->description_) ||
      !r.vec(root, fd::kModelBuffers, 4, "Model.buffers", &m->buffers_)) {
    return false;
  }
  if (subgraphs.count != 1) {
    return r.fail(ModelStatus::kBadSubgraphCount, "Model.subgraphs",
                  subgraphs.first ? subgraphs.first - 4 : root.pos, subgraphs.count);
  }
  fb::Table sg;
  fb::Vec inputs, outputs;
  if (!r.table_in(subgraphs, 0, "Model.subgraphs", &sg) ||
      !r.vec(sg, fd::kSubgraphTensors, 4, "SubGraph.tensors", &m->tensors_) ||
      !r.vec(sg, fd::kSubgraphInputs, 4, "SubGraph.inputs", &inputs) ||
      !r.vec(sg, fd::kSubgraphOutputs, 4, "SubGraph.outputs", &outputs) ||
      !r.vec(sg, fd::kSubgraphOperators, 4, "SubGraph.operators", &m->operators_) ||
      !r.string(sg, fd::kSubgraphName, "SubGraph.name", &m->subgraph_name_)) {
    return false;
  }
  m->inputs_ = IntArray(r.data() + inputs.first, inputs.count);
  m->outputs_ = IntArray(r.data() + outputs.first, outputs.count);
  return true;
}

bool ModelParts::read_buffer(fb::Reader& r, const Model& m, uint32_t i, const uint8_t** data,
                             size_t* size) {
  *data = nullptr;
  *size = 0;
  fb::Table b;
  fb::Vec bytes;
  if (!r.table_in(m.buffers_, i, "Model.buffers", &b) ||
      !r.vec(b, fd::kBufferData, 1, "Buffer.data", &bytes)) {
    return false;
  }
  if (bytes.count > 0) {
    *data = r.data() + bytes.first;
    *size = bytes.count;
    return true;
  }
  uint64_t offset, length;
  if (!r.u64(b, fd::kBufferOffset, 0, "Buffer.offset", &offset) ||
      !r.u64(b, fd::kBufferSize, 0, "Buffer.size", &length)) {
    return false;
  }
  if (offset <= 1) return true;  // schema: the offset is only valid if > 1
  if (offset > r.size() || length > r.size() - offset) {
    return r.fail_read(ModelPart::kData, ModelStatus::kOutOfBounds, "Buffer.offset", b.pos,
                       int64_t(offset));
  }
  if (length > 0) {
    *data = r.data() + offset;
    *size = size_t(length);
  }
  return true;
}

bool ModelParts::read_tensor(fb::Reader& r, const Model& m, uint32_t i, TensorRecord* out) {
  *out = TensorRecord{};
  TensorInfo& t = out->info;
  fb::Table table;
  fb::Vec shape, name;
  uint8_t type, is_variable;
  if (!r.table_in(m.tensors_, i, "SubGraph.tensors", &table) ||
      !r.vec(table, fd::kTensorShape, 4, "Tensor.shape", &shape) ||
      !r.u8(table, fd::kTensorType, 0, "Tensor.type", &type) ||
      !r.u32(table, fd::kTensorBuffer, 0, "Tensor.buffer", &t.buffer) ||
      !r.string(table, fd::kTensorName, "Tensor.name", &name) ||
      !r.u8(table, fd::kTensorIsVariable, 0, "Tensor.is_variable", &is_variable)) {
    return false;
  }
  out->pos = table.pos;
  out->shape_pos = shape.first;
  t.type = TensorType(type);
  t.shape = IntArray(r.data() + shape.first, shape.count);
  t.name = name.first ? reinterpret_cast<const char*>(r.data() + name.first) : "";
  t.is_variable = is_variable != 0;
  uint32_t sparsity_pos = 0;
  if (!r.field(table, fd::kTensorSparsity, 4, "Tensor.sparsity", &sparsity_pos)) return false;
  out->has_sparsity = sparsity_pos != 0;

  fb::Table quant;
  bool has_quant = false;
  if (!r.table(table, fd::kTensorQuantization, "Tensor.quantization", &quant, &has_quant)) {
    return false;
  }
  if (has_quant) {
    fb::Vec scale, zero_point;
    if (!r.vec(quant, fd::kQuantScale, 4, "Tensor.quantization.scale", &scale) ||
        !r.vec(quant, fd::kQuantZeroPoint, 8, "Tensor.quantization.zero_point", &zero_point) ||
        !r.u8(quant, fd::kQuantDetailsType, 0, "Tensor.quantization.details_type",
              &out->details_type) ||
        !r.i32(quant, fd::kQuantDimension, 0, "Tensor.quantization.quantized_dimension",
               &t.quant.quantized_dimension)) {
      return false;
    }
    out->quant_pos = quant.pos;
    t.quant.scale = FloatArray(r.data() + scale.first, scale.count);
    t.quant.zero_point = Int64Array(r.data() + zero_point.first, zero_point.count);
  }
  if (t.buffer >= m.buffers_.count) {
    return r.fail(ModelStatus::kBadBufferIndex, "Tensor.buffer", table.pos, t.buffer);
  }
  return read_buffer(r, m, t.buffer, &t.data, &t.data_size);
}

bool ModelParts::read_operator(fb::Reader& r, const Model& m, uint32_t i, OperatorInfo* out,
                               uint32_t* pos) {
  *out = OperatorInfo{};
  fb::Table op, code;
  fb::Vec inputs, outputs;
  if (!r.table_in(m.operators_, i, "SubGraph.operators", &op) ||
      !r.u32(op, fd::kOperatorOpcodeIndex, 0, "Operator.opcode_index", &out->opcode_index) ||
      !r.vec(op, fd::kOperatorInputs, 4, "Operator.inputs", &inputs) ||
      !r.vec(op, fd::kOperatorOutputs, 4, "Operator.outputs", &outputs)) {
    return false;
  }
  *pos = op.pos;
  out->inputs = IntArray(r.data() + inputs.first, inputs.count);
  out->outputs = IntArray(r.data() + outputs.first, outputs.count);
  if (out->opcode_index >= m.opcodes_.count) {
    return r.fail(ModelStatus::kBadOpcodeIndex, "Operator.opcode_index", op.pos,
                  out->opcode_index);
  }
  uint8_t deprecated;
  int32_t builtin;
  if (!r.table_in(m.opcodes_, out->opcode_index, "Model.operator_codes", &code) ||
      !r.u8(code, fd::kOpCodeDeprecatedBuiltin, 0, "OperatorCode.deprecated_builtin_code",
            &deprecated) ||
      !r.i32(code, fd::kOpCodeBuiltin, 0, "OperatorCode.builtin_code", &builtin) ||
      !r.i32(code, fd::kOpCodeVersion, 1, "OperatorCode.version", &out->version)) {
    return false;
  }
  // The byte field holds codes below 127; newer files also set the int32 field.
  const int32_t legacy = int32_t(int8_t(deprecated));
  out->builtin_code = legacy > builtin ? legacy : builtin;
  return read_op_options(r, op, out->builtin_code, &out->options);
}

bool Model::open(const uint8_t* data, size_t size, Model* model, ModelError* error) {
  ModelError local;
  ModelError* err = error != nullptr ? error : &local;
  *err = ModelError{};
  *model = Model{};
  if (data == nullptr) size = 0;
  Model m;
  m.data_ = data;
  m.size_ = size;
  fb::Reader r(data, size, err);
  if (!ModelParts::read_header(r, &m) || !validate_model(r, m)) return false;
  *model = m;
  return true;
}

namespace {
const char* string_at(const uint8_t* data, const fb::Vec& v) {
  return v.first ? reinterpret_cast<const char*>(data + v.first) : "";
}
}  // namespace

const char* Model::description() const { return string_at(data_, description_); }
const char* Model::subgraph_name() const { return string_at(data_, subgraph_name_); }

TensorInfo Model::tensor(uint32_t i) const {
  fb::Reader r(data_, size_, nullptr);
  TensorRecord record;
  if (i >= tensors_.count || !ModelParts::read_tensor(r, *this, i, &record)) return TensorInfo{};
  return record.info;
}

OperatorInfo Model::op(uint32_t i) const {
  fb::Reader r(data_, size_, nullptr);
  OperatorInfo info;
  uint32_t pos;
  if (i >= operators_.count || !ModelParts::read_operator(r, *this, i, &info, &pos)) {
    return OperatorInfo{};
  }
  return info;
}

bool Model::buffer(uint32_t i, const uint8_t** data, size_t* size) const {
  fb::Reader r(data_, size_, nullptr);
  return i < buffers_.count && ModelParts::read_buffer(r, *this, i, data, size);
}

}  // namespace tinyrt
