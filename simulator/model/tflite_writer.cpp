#include "model/tflite_writer.h"

#include <algorithm>
#include <utility>

#include "model/tflite_flatbuffer_builder.h"

namespace tinysim {

namespace fd = tinyrt::field;
using tinyrt::OptionsType;

namespace {

/// Bytes per element for types the writer can size-check (0: not checked).
uint32_t element_size(tinyrt::TensorType type) {
  switch (static_cast<int>(type)) {
    case 0: return 4;  // FLOAT32
    case 1: return 2;  // FLOAT16
    case 2: return 4;  // INT32
    case 3: return 1;  // UINT8
    case 4: return 8;  // INT64
    case 6: return 1;  // BOOL
    case 7: return 2;  // INT16
    case 9: return 1;  // INT8
    default: return 0;
  }
}

Error graph_error(const std::string& field, const std::string& message) {
  Error e;
  e.field = field;
  e.message = message;
  return e;
}

Status check_graph(const TfliteGraph& g) {
  const auto n = static_cast<int64_t>(g.tensors.size());
  for (size_t i = 0; i < g.tensors.size(); ++i) {
    const TfliteTensor& t = g.tensors[i];
    const std::string where = "tensors[" + std::to_string(i) + "]";
    uint64_t count = 1;
    for (int32_t d : t.shape) {
      if (d < 0) return graph_error(where + ".shape", "dimensions must be >= 0");
      count *= static_cast<uint64_t>(d);
    }
    const uint32_t size = element_size(t.type);
    if (!t.data.empty() && size != 0 && t.data.size() != count * size) {
      return graph_error(where + ".data", "expected " + std::to_string(count * size) +
                                              " bytes for the shape, got " +
                                              std::to_string(t.data.size()));
    }
    if (t.quantization.zero_point.size() != t.quantization.scale.size()) {
      return graph_error(where + ".quantization", "scale and zero_point counts differ");
    }
  }
  for (size_t i = 0; i < g.operators.size(); ++i) {
    const TfliteOperator& op = g.operators[i];
    const std::string where = "operators[" + std::to_string(i) + "]";
    for (size_t k = 0; k < op.inputs.size(); ++k) {
      if (op.inputs[k] < -1 || op.inputs[k] >= n) {
        return graph_error(where + ".inputs[" + std::to_string(k) + "]", "no such tensor");
      }
    }
    for (size_t k = 0; k < op.outputs.size(); ++k) {
      if (op.outputs[k] < 0 || op.outputs[k] >= n) {
        return graph_error(where + ".outputs[" + std::to_string(k) + "]", "no such tensor");
      }
    }
  }
  for (int32_t t : g.inputs) {
    if (t < 0 || t >= n) return graph_error("inputs", "no such tensor");
  }
  for (int32_t t : g.outputs) {
    if (t < 0 || t >= n) return graph_error("outputs", "no such tensor");
  }
  return std::nullopt;
}

/// Adds a scalar field unless it equals the schema default (as FlatBuffers does).
template <class T>
void add(std::vector<FbField>& fields, FbField field, T value, T fallback) {
  if (value != fallback) fields.push_back(field);
}

void add_u8(std::vector<FbField>& f, uint16_t id, uint8_t v, uint8_t fallback = 0) {
  add(f, fb_u8(id, v), v, fallback);
}
void add_i32(std::vector<FbField>& f, uint16_t id, int32_t v, int32_t fallback = 0) {
  add(f, fb_i32(id, v), v, fallback);
}

/// Writes an int32 vector and links it from slot.
void link_ints(FlatBufferBuilder& b, uint32_t slot, const std::vector<int32_t>& values) {
  const uint32_t v = b.vector(values.data(), static_cast<uint32_t>(values.size()), 4);
  b.link(slot, v);
}

/// Writes the options table of op's family and returns the union type written.
OptionsType write_options(FlatBufferBuilder& b, const TfliteOperator& op, uint32_t* table_pos) {
  const OptionsType type = op.write_options ? tinyrt::expected_options_type(op.builtin_code)
                                            : OptionsType::kNone;
  const tinyrt::OpOptions& o = op.options;
  std::vector<FbField> f;
  switch (type) {
    case OptionsType::kNone: return type;
    case OptionsType::kConv2D:
      add_u8(f, fd::kConvPadding, uint8_t(o.conv2d.padding));
      add_i32(f, fd::kConvStrideW, o.conv2d.stride_w);
      add_i32(f, fd::kConvStrideH, o.conv2d.stride_h);
      add_u8(f, fd::kConvActivation, uint8_t(o.conv2d.activation));
      add_i32(f, fd::kConvDilationW, o.conv2d.dilation_w, 1);
      add_i32(f, fd::kConvDilationH, o.conv2d.dilation_h, 1);
      break;
    case OptionsType::kDepthwiseConv2D:
      add_u8(f, fd::kDwPadding, uint8_t(o.depthwise.padding));
      add_i32(f, fd::kDwStrideW, o.depthwise.stride_w);
      add_i32(f, fd::kDwStrideH, o.depthwise.stride_h);
      add_i32(f, fd::kDwDepthMultiplier, o.depthwise.depth_multiplier);
      add_u8(f, fd::kDwActivation, uint8_t(o.depthwise.activation));
      add_i32(f, fd::kDwDilationW, o.depthwise.dilation_w, 1);
      add_i32(f, fd::kDwDilationH, o.depthwise.dilation_h, 1);
      break;
    case OptionsType::kPool2D:
      add_u8(f, fd::kPoolPadding, uint8_t(o.pool.padding));
      add_i32(f, fd::kPoolStrideW, o.pool.stride_w);
      add_i32(f, fd::kPoolStrideH, o.pool.stride_h);
      add_i32(f, fd::kPoolFilterW, o.pool.filter_w);
      add_i32(f, fd::kPoolFilterH, o.pool.filter_h);
      add_u8(f, fd::kPoolActivation, uint8_t(o.pool.activation));
      break;
    case OptionsType::kFullyConnected:
      add_u8(f, fd::kFcActivation, uint8_t(o.fully_connected.activation));
      add_u8(f, fd::kFcWeightsFormat, o.fully_connected.weights_format);
      add_u8(f, fd::kFcKeepNumDims, uint8_t(o.fully_connected.keep_num_dims));
      add_u8(f, fd::kFcAsymmetricQuantizeInputs,
             uint8_t(o.fully_connected.asymmetric_quantize_inputs));
      break;
    case OptionsType::kSoftmax:
      if (o.softmax.beta != 0.0f) f.push_back(fb_f32(fd::kSoftmaxBeta, o.softmax.beta));
      break;
    case OptionsType::kConcatenation:
      add_i32(f, fd::kConcatAxis, o.concatenation.axis);
      add_u8(f, fd::kConcatActivation, uint8_t(o.concatenation.activation));
      break;
    case OptionsType::kAdd:
      add_u8(f, fd::kAddActivation, uint8_t(o.arithmetic.activation));
      add_u8(f, fd::kAddPotScaleInt16, uint8_t(o.arithmetic.pot_scale_int16), uint8_t(1));
      break;
    case OptionsType::kMul:
      add_u8(f, fd::kMulActivation, uint8_t(o.arithmetic.activation));
      break;
    case OptionsType::kReshape:
      if (op.has_new_shape) f.push_back(fb_offset(fd::kReshapeNewShape));
      break;
    case OptionsType::kReducer:
      add_u8(f, fd::kReducerKeepDims, uint8_t(o.reducer.keep_dims));
      break;
    default: break;  // PadOptions, QuantizeOptions, DequantizeOptions: empty tables
  }
  const FbTable t = b.table(std::move(f));
  *table_pos = t.pos;
  if (type == OptionsType::kReshape && op.has_new_shape) {
    link_ints(b, t.at(fd::kReshapeNewShape), op.new_shape);
  }
  return type;
}

/// Everything the subgraph writer needs beyond the graph itself.
struct Layout {
  std::vector<std::pair<int32_t, int32_t>> codes;  ///< (builtin code, version), deduplicated
  std::vector<uint32_t> op_code_index;             ///< per operator
  std::vector<uint32_t> tensor_buffer;             ///< per tensor; 0 = none
};

Layout plan_layout(const TfliteGraph& g) {
  Layout l;
  for (const TfliteOperator& op : g.operators) {
    const std::pair<int32_t, int32_t> key{op.builtin_code, op.version};
    auto it = std::find(l.codes.begin(), l.codes.end(), key);
    if (it == l.codes.end()) it = l.codes.insert(l.codes.end(), key);
    l.op_code_index.push_back(static_cast<uint32_t>(it - l.codes.begin()));
  }
  uint32_t next = 1;  // buffer 0 is the empty sentinel
  for (const TfliteTensor& t : g.tensors) l.tensor_buffer.push_back(t.data.empty() ? 0 : next++);
  return l;
}

uint32_t write_tensor(FlatBufferBuilder& b, const TfliteTensor& t, uint32_t buffer) {
  std::vector<FbField> f = {fb_offset(fd::kTensorShape), fb_offset(fd::kTensorName)};
  add_u8(f, fd::kTensorType, uint8_t(t.type));
  add(f, fb_u32(fd::kTensorBuffer, buffer), buffer, 0u);
  const bool quantized = !t.quantization.scale.empty();
  if (quantized) f.push_back(fb_offset(fd::kTensorQuantization));
  add_u8(f, fd::kTensorIsVariable, uint8_t(t.is_variable));
  const FbTable table = b.table(std::move(f));
  link_ints(b, table.at(fd::kTensorShape), t.shape);
  b.link(table.at(fd::kTensorName), b.string(t.name));
  if (!quantized) return table.pos;
  const TfliteQuantization& q = t.quantization;
  std::vector<FbField> qf = {fb_offset(fd::kQuantScale), fb_offset(fd::kQuantZeroPoint)};
  add_i32(qf, fd::kQuantDimension, q.quantized_dimension);
  const FbTable qt = b.table(std::move(qf));
  b.link(table.at(fd::kTensorQuantization), qt.pos);
  const auto count = static_cast<uint32_t>(q.scale.size());
  b.link(qt.at(fd::kQuantScale), b.vector(q.scale.data(), count, 4));
  b.link(qt.at(fd::kQuantZeroPoint), b.vector(q.zero_point.data(), count, 8));
  return table.pos;
}

uint32_t write_operator(FlatBufferBuilder& b, const TfliteOperator& op, uint32_t code_index) {
  std::vector<FbField> f = {fb_offset(fd::kOperatorInputs), fb_offset(fd::kOperatorOutputs)};
  add(f, fb_u32(fd::kOperatorOpcodeIndex, code_index), code_index, 0u);
  const OptionsType type =
      op.write_options ? tinyrt::expected_options_type(op.builtin_code) : OptionsType::kNone;
  if (type != OptionsType::kNone) {
    f.push_back(fb_u8(fd::kOperatorOptionsType, uint8_t(type)));
    f.push_back(fb_offset(fd::kOperatorOptions));
  }
  const FbTable table = b.table(std::move(f));
  link_ints(b, table.at(fd::kOperatorInputs), op.inputs);
  link_ints(b, table.at(fd::kOperatorOutputs), op.outputs);
  uint32_t options_pos = 0;
  if (write_options(b, op, &options_pos) != OptionsType::kNone) {
    b.link(table.at(fd::kOperatorOptions), options_pos);
  }
  return table.pos;
}

uint32_t write_subgraph(FlatBufferBuilder& b, const TfliteGraph& g, const Layout& l) {
  const FbTable sg = b.table({fb_offset(fd::kSubgraphTensors), fb_offset(fd::kSubgraphInputs),
                              fb_offset(fd::kSubgraphOutputs), fb_offset(fd::kSubgraphOperators),
                              fb_offset(fd::kSubgraphName)});
  const uint32_t tensors = b.offset_vector(static_cast<uint32_t>(g.tensors.size()));
  b.link(sg.at(fd::kSubgraphTensors), tensors - 4);
  for (size_t i = 0; i < g.tensors.size(); ++i) {
    b.link(tensors + 4 * static_cast<uint32_t>(i),
           write_tensor(b, g.tensors[i], l.tensor_buffer[i]));
  }
  link_ints(b, sg.at(fd::kSubgraphInputs), g.inputs);
  link_ints(b, sg.at(fd::kSubgraphOutputs), g.outputs);
  const uint32_t ops = b.offset_vector(static_cast<uint32_t>(g.operators.size()));
  b.link(sg.at(fd::kSubgraphOperators), ops - 4);
  for (size_t i = 0; i < g.operators.size(); ++i) {
    b.link(ops + 4 * static_cast<uint32_t>(i),
           write_operator(b, g.operators[i], l.op_code_index[i]));
  }
  b.link(sg.at(fd::kSubgraphName), b.string(g.subgraph_name));
  return sg.pos;
}

/// Buffer tables: the data inline (16-byte aligned) or, for external buffers,
/// placeholders for Buffer.offset/size patched once the flatbuffer is complete.
struct BufferSlots {
  std::vector<const std::vector<uint8_t>*> data;  ///< per buffer; buffer 0 is null
  std::vector<std::pair<uint32_t, uint32_t>> external;  ///< (offset field, size field)
};

void write_buffers(FlatBufferBuilder& b, uint32_t slot, BufferSlots& s, bool external) {
  const uint32_t first = b.offset_vector(static_cast<uint32_t>(s.data.size()));
  b.link(slot, first - 4);
  s.external.assign(s.data.size(), {0, 0});
  for (size_t i = 0; i < s.data.size(); ++i) {
    const std::vector<uint8_t>* d = s.data[i];
    std::vector<FbField> f;
    if (d != nullptr && !d->empty()) {
      if (external) {
        f = {fb_u64(fd::kBufferOffset, 1), fb_u64(fd::kBufferSize, 1)};
      } else {
        f = {fb_offset(fd::kBufferData)};
      }
    }
    const FbTable t = b.table(std::move(f));
    b.link(first + 4 * static_cast<uint32_t>(i), t.pos);
    if (d == nullptr || d->empty()) continue;
    if (external) {
      s.external[i] = {t.at(fd::kBufferOffset), t.at(fd::kBufferSize)};
    } else {
      b.link(t.at(fd::kBufferData), b.vector(d->data(), static_cast<uint32_t>(d->size()), 1, 16));
    }
  }
}

}  // namespace

Result<std::vector<uint8_t>> write_tflite(const TfliteGraph& graph,
                                          const TfliteWriteOptions& options) {
  if (Status bad = check_graph(graph)) return *bad;
  const Layout layout = plan_layout(graph);
  BufferSlots buffers;
  buffers.data.push_back(nullptr);
  for (const TfliteTensor& t : graph.tensors) {
    if (!t.data.empty()) buffers.data.push_back(&t.data);
  }
  std::vector<uint8_t> runtime_version;
  const bool metadata = !options.min_runtime_version.empty();
  if (metadata) {
    runtime_version.assign(options.min_runtime_version.begin(), options.min_runtime_version.end());
    runtime_version.resize((runtime_version.size() + 16) / 16 * 16, 0);
    buffers.data.push_back(&runtime_version);
  }

  FlatBufferBuilder b;
  b.put(0, 4);  // root offset, linked below
  for (char c : tinyrt::kTfliteIdentifier) b.put(static_cast<uint8_t>(c), 1);
  std::vector<FbField> mf = {fb_u32(fd::kModelVersion, options.schema_version),
                             fb_offset(fd::kModelOperatorCodes), fb_offset(fd::kModelSubgraphs),
                             fb_offset(fd::kModelDescription), fb_offset(fd::kModelBuffers)};
  if (metadata) mf.push_back(fb_offset(fd::kModelMetadata));
  const FbTable model = b.table(std::move(mf));
  b.link(0, model.pos);

  const uint32_t codes = b.offset_vector(static_cast<uint32_t>(layout.codes.size()));
  b.link(model.at(fd::kModelOperatorCodes), codes - 4);
  for (size_t i = 0; i < layout.codes.size(); ++i) {
    const int32_t code = layout.codes[i].first;
    std::vector<FbField> f;
    add_u8(f, fd::kOpCodeDeprecatedBuiltin, static_cast<uint8_t>(std::min(code, 127)));
    add_i32(f, fd::kOpCodeVersion, layout.codes[i].second, 1);
    add_i32(f, fd::kOpCodeBuiltin, code);
    b.link(codes + 4 * static_cast<uint32_t>(i), b.table(std::move(f)).pos);
  }

  const uint32_t subgraphs = b.offset_vector(options.subgraph_copies);
  b.link(model.at(fd::kModelSubgraphs), subgraphs - 4);
  for (uint32_t i = 0; i < options.subgraph_copies; ++i) {
    b.link(subgraphs + 4 * i, write_subgraph(b, graph, layout));
  }
  b.link(model.at(fd::kModelDescription), b.string(graph.description));
  write_buffers(b, model.at(fd::kModelBuffers), buffers, options.external_buffers);

  if (metadata) {
    const uint32_t list = b.offset_vector(1);
    b.link(model.at(fd::kModelMetadata), list - 4);
    const FbTable m = b.table({fb_offset(fd::kMetadataName),
                               fb_u32(fd::kMetadataBuffer,
                                      static_cast<uint32_t>(buffers.data.size() - 1))});
    b.link(list, m.pos);
    b.link(m.at(fd::kMetadataName), b.string("min_runtime_version"));
  }
  if (options.external_buffers) {
    for (size_t i = 0; i < buffers.data.size(); ++i) {
      if (buffers.external[i].first == 0) continue;
      b.align(16);
      b.patch(buffers.external[i].first, b.pos(), 8);
      b.patch(buffers.external[i].second, buffers.data[i]->size(), 8);
      b.put_bytes(buffers.data[i]->data(), buffers.data[i]->size());
    }
  }
  b.align(4);
  return std::move(b.bytes());
}

}  // namespace tinysim
