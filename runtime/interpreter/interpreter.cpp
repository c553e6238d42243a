#include "interpreter/interpreter.h"

#include "planner/greedy_planner.h"

namespace tinyrt {
namespace {

constexpr uint32_t kTensorAlignment = 16;

RunStatus status_of(ModelStatus s) {
  return s == ModelStatus::kUnsupportedOp || s == ModelStatus::kUnsupportedType ? RunStatus::kModelUnsupported
                                                                                  : RunStatus::kModelInvalid;
}

}  // namespace

bool Interpreter::init(const uint8_t* model, size_t model_size, uint8_t* arena, uint32_t arena_bytes) {
  error_ = RunError{};
  report_ = ArenaReport{};
  ModelError model_error;
  if (!Model::open(model, model_size, &model_, &model_error)) {
    error_.status = status_of(model_error.status);
    error_.detail = model_error.index < 0 ? 0u : static_cast<uint32_t>(model_error.index);
    format_model_error(model_error, error_.message, sizeof error_.message);
    return false;
  }
  // Align the arena start so planned offsets keep their alignment.
  const uintptr_t raw = reinterpret_cast<uintptr_t>(arena);
  const uintptr_t aligned = (raw + kTensorAlignment - 1) & ~static_cast<uintptr_t>(kTensorAlignment - 1);
  const uint32_t lost = static_cast<uint32_t>(aligned - raw);
  arena_base_ = reinterpret_cast<uint8_t*>(aligned);
  arena_bytes_ = arena_bytes > lost ? arena_bytes - lost : 0;
  arena_ = ArenaAllocator(arena_base_, arena_bytes_);
  return read_tensors() && prepare_ops() && plan_memory();
}

bool Interpreter::read_tensors() {
  const uint32_t count = model_.tensor_count();
  tensors_ = arena_.persistent_array<Tensor>(count);
  if (!tensors_) {
    arena_.report_too_small(error_, "the tensor table");
    return false;
  }
  for (uint32_t i = 0; i < count; ++i) {
    const TensorInfo info = model_.tensor(i);
    Tensor& t = tensors_[i];
    t = Tensor{};
    t.type = info.type;
    t.rank = static_cast<uint8_t>(info.shape.size());
    for (uint32_t d = 0; d < info.shape.size(); ++d) t.dims[d] = info.shape[d];
    t.bytes = info.bytes();
    t.constant = info.is_constant();
    t.data = const_cast<uint8_t*>(info.data);  // constants are never written
    t.channel_scales = info.quant.scale;
    if (info.quant.count() > 0) {
      t.quant.scale = info.quant.scale[0];
      t.quant.zero_point = static_cast<int32_t>(info.quant.zero_point[0]);
    }
  }
  return true;
}

bool Interpreter::prepare_ops() {
  const uint32_t count = model_.operator_count();
  nodes_ = arena_.persistent_array<OpNode>(count);
  if (!nodes_ && count) {
    arena_.report_too_small(error_, "the op table");
    return false;
  }
  for (uint32_t i = 0; i < count; ++i) {
    const OperatorInfo info = model_.op(i);
    OpNode& node = nodes_[i];
    node = OpNode{};
    node.code = info.builtin_code;
    PrepareContext ctx(model_, info, static_cast<int32_t>(i), tensors_, node, arena_, error_);
    node.kernel = find_kernel(info.builtin_code);
    if (!node.kernel) return ctx.fail(RunStatus::kModelUnsupported, "no kernel for this op");
    int16_t* inputs = ctx.allocate<int16_t>(info.inputs.size() ? info.inputs.size() : 1u);
    int16_t* outputs = ctx.allocate<int16_t>(info.outputs.size() ? info.outputs.size() : 1u);
    if (!inputs || !outputs) return false;
    for (uint32_t k = 0; k < info.inputs.size(); ++k) inputs[k] = static_cast<int16_t>(info.inputs[k]);
    for (uint32_t k = 0; k < info.outputs.size(); ++k) outputs[k] = static_cast<int16_t>(info.outputs[k]);
    node.inputs = inputs;
    node.outputs = outputs;
    node.input_count = static_cast<uint8_t>(info.inputs.size());
    node.output_count = static_cast<uint8_t>(info.outputs.size());
    if (!node.output_count) return ctx.fail(RunStatus::kModelInvalid, "no output");
    const bool prepared = node.kernel->prepare(ctx);
    arena_.reset_temporaries();
    if (!prepared) return false;
  }
  return true;
}

bool Interpreter::plan_memory() {
  const int32_t op_count = static_cast<int32_t>(model_.operator_count());
  const uint32_t tensor_count = model_.tensor_count();
  const int32_t capacity = static_cast<int32_t>(tensor_count) + op_count;
  // Planning state lives in the free middle of the arena until the plan is made:
  // one block, so its size is known exactly and counts towards what the arena needs.
  const uint32_t slots_n = static_cast<uint32_t>(capacity);
  const uint32_t sizes[] = {slots_n * uint32_t(sizeof(BufferRequest)), slots_n * uint32_t(sizeof(PlannerSlot)), slots_n * 4u,
                            tensor_count * 4u, tensor_count * 4u, tensor_count * 4u, uint32_t(op_count) * 4u};
  planning_bytes_ = 0;
  for (uint32_t size : sizes) planning_bytes_ += (size + 7u) & ~7u;
  uint8_t* block = static_cast<uint8_t*>(arena_.temporary(planning_bytes_, 8));
  if (!block) {
    error_.status = RunStatus::kArenaTooSmall;
    error_.detail = arena_.persistent_bytes() + planning_bytes_;
    MessageWriter(error_.message, sizeof error_.message)
        .text("tensor arena needs at least ")
        .number(error_.detail)
        .text(" bytes, ")
        .number(arena_bytes_)
        .text(" available");
    return false;
  }
  uint8_t* cursor = block;
  auto carve = [&cursor](uint32_t bytes) {
    uint8_t* p = cursor;
    cursor += (bytes + 7u) & ~7u;
    return p;
  };
  auto* requests = reinterpret_cast<BufferRequest*>(carve(sizes[0]));
  auto* slots = reinterpret_cast<PlannerSlot*>(carve(sizes[1]));
  auto* offsets = reinterpret_cast<uint32_t*>(carve(sizes[2]));
  auto* first_use = reinterpret_cast<int32_t*>(carve(sizes[3]));
  auto* last_use = reinterpret_cast<int32_t*>(carve(sizes[4]));
  auto* buffer_of = reinterpret_cast<int32_t*>(carve(sizes[5]));
  auto* scratch_of = reinterpret_cast<int32_t*>(carve(sizes[6]));
  // Lifetimes: from the op that writes a tensor to the last op that reads it; model
  // inputs are live from the start, model outputs to the end.
  for (uint32_t t = 0; t < tensor_count; ++t) {
    first_use[t] = -1;
    last_use[t] = -1;
    buffer_of[t] = -1;
  }
  for (uint32_t k = 0; k < model_.inputs().size(); ++k) first_use[model_.inputs()[k]] = 0;
  for (int32_t i = 0; i < op_count; ++i) {
    const OpNode& n = nodes_[i];
    for (int k = 0; k < n.input_count; ++k) {
      const int32_t t = n.inputs[k];
      if (t < 0 || tensors_[t].constant) continue;
      if (first_use[t] < 0) first_use[t] = i;
      last_use[t] = i;
    }
    for (int k = 0; k < n.output_count; ++k) {
      const int32_t t = n.outputs[k];
      if (first_use[t] < 0) first_use[t] = i;
      if (last_use[t] < i) last_use[t] = i;
    }
  }
  for (uint32_t k = 0; k < model_.outputs().size(); ++k) last_use[model_.outputs()[k]] = op_count ? op_count - 1 : 0;

  BufferList buffers(requests, capacity);
  PlanError e;
  for (int32_t i = 0; i < op_count && e.ok(); ++i) {
    const OpNode& n = nodes_[i];
    // A tensor first seen here as an input (model input) gets its buffer first.
    for (int k = 0; k < n.input_count && e.ok(); ++k) {
      const int32_t t = n.inputs[k];
      if (t >= 0 && !tensors_[t].constant && buffer_of[t] < 0)
        e = buffers.add_activation(tensors_[t].bytes, kTensorAlignment, first_use[t], last_use[t], &buffer_of[t]);
    }
    for (int k = 0; k < n.output_count && e.ok(); ++k) {
      const int32_t t = n.outputs[k];
      if (buffer_of[t] >= 0) continue;
      const int32_t source = n.inputs[0];
      const bool alias = n.code == static_cast<int32_t>(BuiltinOp::kReshape) && source >= 0 && buffer_of[source] >= 0;
      e = alias ? buffers.add_alias(buffer_of[source], first_use[t], last_use[t], &buffer_of[t])
                : buffers.add_activation(tensors_[t].bytes, kTensorAlignment, first_use[t], last_use[t], &buffer_of[t]);
    }
    scratch_of[i] = -1;
    if (e.ok() && n.scratch_bytes) e = buffers.add_scratch(n.scratch_bytes, kTensorAlignment, i, &scratch_of[i]);
  }
  // Inputs no op reads still need bytes so the caller can fill them.
  for (uint32_t k = 0; k < model_.inputs().size() && e.ok(); ++k) {
    const int32_t t = model_.inputs()[k];
    if (buffer_of[t] < 0) e = buffers.add_activation(tensors_[t].bytes, kTensorAlignment, 0, 0, &buffer_of[t]);
  }

  if (e.ok()) {
    static const GreedyPlanner planner;
    PlannerWorkspace work(slots, capacity);
    ArenaPlan plan(offsets, capacity);
    ArenaBudget budget;
    budget.persistent_bytes = arena_.persistent_bytes();
    budget.available_bytes = arena_bytes_;
    e = plan_arena(planner, buffers, work, plan, budget, &report_);
    if (e.ok()) {
      for (uint32_t t = 0; t < tensor_count; ++t)
        if (buffer_of[t] >= 0) tensors_[t].data = arena_base_ + offsets[buffer_of[t]];
      for (int32_t i = 0; i < op_count; ++i)
        if (scratch_of[i] >= 0) nodes_[i].scratch = arena_base_ + offsets[scratch_of[i]];
    }
  }
  arena_.reset_temporaries();
  if (e.ok() && arena_bytes_needed() <= arena_bytes_) return true;
  if (e.ok() || e.status == PlanStatus::kArenaTooSmall) {
    e.needed = arena_bytes_needed();
    e.available = arena_bytes_;
    error_.status = RunStatus::kArenaTooSmall;
    error_.detail = e.needed;
    MessageWriter(error_.message, sizeof error_.message)
        .text("tensor arena needs ")
        .number(e.needed)
        .text(" bytes, ")
        .number(e.available)
        .text(" available");
  } else {
    error_.status = RunStatus::kInternal;
    error_.detail = static_cast<uint32_t>(e.status);
    MessageWriter(error_.message, sizeof error_.message).text("arena planning failed: ").text(plan_status_name(e.status));
  }
  return false;
}

void Interpreter::invoke(OpObserver* observer) {
  const uint32_t count = model_.operator_count();
  for (uint32_t i = 0; i < count; ++i) {
    const OpNode& n = nodes_[i];
    if (observer) observer->op_begin(static_cast<int32_t>(i), n.code);
    n.kernel->eval(n, tensors_);
    if (observer) observer->op_end(static_cast<int32_t>(i));
  }
}

}  // namespace tinyrt
