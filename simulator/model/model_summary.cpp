#include "model/model_summary.h"

#include <fstream>
#include <iterator>

#include "interpreter/interpreter.h"
#include "model/model_error_text.h"
#include "model/op_names.h"

namespace tinysim {
namespace {

std::string type_name(tinyrt::TensorType t) {
  switch (t) {
    case tinyrt::TensorType::kInt8: return "int8";
    case tinyrt::TensorType::kUInt8: return "uint8";
    case tinyrt::TensorType::kInt16: return "int16";
    case tinyrt::TensorType::kInt32: return "int32";
    case tinyrt::TensorType::kFloat32: return "float32";
    default: return "type " + std::to_string(static_cast<int>(t));
  }
}

TensorSummary describe(const tinyrt::Model& model, int32_t index) {
  TensorSummary s;
  s.index = index;
  if (index < 0) return s;
  const tinyrt::TensorInfo t = model.tensor(static_cast<uint32_t>(index));
  s.name = t.name;
  s.type = type_name(t.type);
  for (uint32_t d = 0; d < t.shape.size(); ++d) s.shape.push_back(t.shape[d]);
  s.bytes = t.bytes();
  if (t.quant.count() > 0) {
    s.scale = t.quant.scale[0];
    s.zero_point = t.quant.zero_point[0];
    s.channels = t.quant.count();
  }
  return s;
}

uint64_t layer_macs(const tinyrt::Model& model, const tinyrt::OperatorInfo& op) {
  if (op.outputs.size() == 0 || op.inputs.size() < 2 || op.inputs[1] < 0) return 0;
  const uint64_t out = model.tensor(static_cast<uint32_t>(op.outputs[0])).element_count();
  const tinyrt::TensorInfo w = model.tensor(static_cast<uint32_t>(op.inputs[1]));
  if (w.shape.size() == 0 || w.shape[0] <= 0) return 0;
  switch (op.op()) {
    case tinyrt::BuiltinOp::kConv2D:  // OHWI: each output takes H*W*I products
      return out * (w.element_count() / uint64_t(w.shape[0]));
    case tinyrt::BuiltinOp::kDepthwiseConv2D:  // 1HWO: each output takes H*W products
      return w.shape.size() == 4 ? out * uint64_t(w.shape[1]) * uint64_t(w.shape[2]) : 0;
    case tinyrt::BuiltinOp::kFullyConnected:  // [O, I]: each output takes I products
      return out * (w.element_count() / uint64_t(w.shape[0]));
    default:
      return 0;
  }
}

}  // namespace

Result<std::vector<uint8_t>> read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot open the file", path);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  if (in.bad()) return make_error("read error", path);
  return bytes;
}

Result<ModelSummary> summarize_model(const std::vector<uint8_t>& bytes, const std::string& file) {
  tinyrt::Model model;
  tinyrt::ModelError error;
  if (!tinyrt::Model::open(bytes.data(), bytes.size(), &model, &error)) {
    return make_error(model_error_text(error), file);
  }
  ModelSummary s;
  s.file = file;
  s.file_bytes = bytes.size();
  s.description = model.description();
  for (uint32_t i = 0; i < model.inputs().size(); ++i) s.inputs.push_back(describe(model, model.inputs()[i]));
  for (uint32_t i = 0; i < model.outputs().size(); ++i) s.outputs.push_back(describe(model, model.outputs()[i]));
  for (uint32_t i = 0; i < model.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = model.op(i);
    LayerSummary layer;
    layer.index = i;
    layer.code = op.builtin_code;
    layer.op = tinyrt::builtin_op_name(op.builtin_code);
    for (uint32_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0) continue;
      const tinyrt::TensorInfo info = model.tensor(static_cast<uint32_t>(t));
      if (info.is_constant()) {
        layer.param_bytes += info.data_size;
      } else {
        layer.inputs.push_back(describe(model, t));
      }
    }
    if (op.outputs.size()) layer.output = describe(model, op.outputs[0]);
    layer.macs = layer_macs(model, op);
    s.total_macs += layer.macs;
    s.total_param_bytes += layer.param_bytes;
    s.layers.push_back(std::move(layer));
  }

  // Plan with the runtime's own code in a generous host arena.
  std::vector<uint8_t> arena(std::max<size_t>(bytes.size() * 4, size_t{16} << 20));
  tinyrt::Interpreter interpreter;
  if (!interpreter.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())))
    return make_error(interpreter.error().message, file);
  const tinyrt::ArenaReport& r = interpreter.arena_report();
  s.arena.persistent_bytes = r.persistent_bytes;
  s.arena.activation_bytes = r.activation_bytes;
  s.arena.scratch_bytes = r.scratch_bytes;
  s.arena.needed_bytes = interpreter.arena_bytes_needed();
  s.arena.planner = r.planner;
  // Lifetimes as the interpreter plans them: first writer to last reader.
  std::vector<int32_t> first(model.tensor_count(), -1), last(model.tensor_count(), -1);
  for (uint32_t k = 0; k < model.inputs().size(); ++k) first[model.inputs()[k]] = 0;
  for (uint32_t i = 0; i < interpreter.op_count(); ++i) {
    const tinyrt::OpNode& n = interpreter.node(i);
    auto touch = [&](int32_t t) {
      if (t < 0 || interpreter.tensor(t).constant) return;
      if (first[t] < 0) first[t] = static_cast<int32_t>(i);
      last[t] = std::max(last[t], static_cast<int32_t>(i));
    };
    for (int k = 0; k < n.input_count; ++k) touch(n.inputs[k]);
    for (int k = 0; k < n.output_count; ++k) touch(n.outputs[k]);
  }
  for (uint32_t k = 0; k < model.outputs().size(); ++k)
    last[model.outputs()[k]] = static_cast<int32_t>(interpreter.op_count()) - 1;
  for (uint32_t t = 0; t < model.tensor_count(); ++t) {
    const tinyrt::Tensor& tensor = interpreter.tensor(t);
    if (tensor.constant || first[t] < 0) continue;
    ArenaTensor a;
    a.tensor = static_cast<int32_t>(t);
    a.name = model.tensor(t).name;
    a.offset = static_cast<uint32_t>(tensor.data - interpreter.arena_base());
    a.bytes = tensor.bytes;
    a.first_op = first[t];
    a.last_op = std::max(first[t], last[t]);
    const int32_t producer = first[t];
    if (producer >= 0) {
      const tinyrt::OpNode& n = interpreter.node(static_cast<uint32_t>(producer));
      const bool is_output = n.output_count && n.outputs[0] == static_cast<int32_t>(t);
      if (is_output && n.code == static_cast<int32_t>(tinyrt::BuiltinOp::kReshape) && n.inputs[0] >= 0 &&
          interpreter.tensor(n.inputs[0]).data == tensor.data)
        a.alias_of = n.inputs[0];
    }
    s.arena.tensors.push_back(std::move(a));
  }
  return s;
}

}  // namespace tinysim
