#include "interpreter/op.h"

#include "model/op_names.h"

namespace tinyrt {

Tensor* PrepareContext::input(int i) const {
  if (i < 0 || i >= node.input_count || node.inputs[i] < 0) return nullptr;
  return &tensors[node.inputs[i]];
}

Tensor* PrepareContext::output(int i) const {
  if (i < 0 || i >= node.output_count || node.outputs[i] < 0) return nullptr;
  return &tensors[node.outputs[i]];
}

const float* PrepareContext::scales(const Tensor& t) {
  const uint32_t n = t.channel_scales.size() ? t.channel_scales.size() : 1u;
  float* out = arena.temporary_array<float>(n);
  if (!out) {
    arena_full();
    return nullptr;
  }
  if (!t.channel_scales.size()) {
    out[0] = t.quant.scale;
  } else {
    for (uint32_t i = 0; i < n; ++i) out[i] = t.channel_scales[i];
  }
  return out;
}

bool PrepareContext::fail(RunStatus status, const char* what) {
  if (!error.ok()) return false;  // keep the first error
  error.status = status;
  error.detail = static_cast<uint32_t>(index);
  MessageWriter(error.message, sizeof error.message)
      .text("op ")
      .number(index)
      .text(" (")
      .text(builtin_op_name(info.builtin_code))
      .text("): ")
      .text(what);
  return false;
}

bool PrepareContext::fail_kernel(int32_t kernel_status) {
  return fail(RunStatus::kModelUnsupported, kernel_status_name(static_cast<KernelStatus>(kernel_status)));
}

bool PrepareContext::expect_type(const Tensor* t, TensorType type, const char* role) {
  if (!t) return fail(RunStatus::kModelInvalid, role);
  if (t->type != type) {
    char what[64];
    MessageWriter(what, sizeof what).text(role).text(" has an unsupported type");
    return fail(RunStatus::kModelUnsupported, what);
  }
  return true;
}

void PrepareContext::arena_full() { arena.report_too_small(error, "op parameters"); }

bool to_fused_activation(Activation a, FusedActivation* out) {
  switch (a) {
    case Activation::kNone: *out = FusedActivation::kNone; return true;
    case Activation::kRelu: *out = FusedActivation::kRelu; return true;
    case Activation::kReluN1To1: *out = FusedActivation::kReluN1To1; return true;
    case Activation::kRelu6: *out = FusedActivation::kRelu6; return true;
    default: return false;
  }
}

}  // namespace tinyrt
