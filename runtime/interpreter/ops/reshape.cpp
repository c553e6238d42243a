// RESHAPE: no arithmetic. The planner makes the output an alias of the input, so
// eval copies only when the input is a constant (the output then has its own bytes).
#include <string.h>

#include "interpreter/ops/ops.h"

namespace tinyrt {
namespace {

bool prepare(PrepareContext& ctx) {
  const Tensor* in = ctx.input(0);
  const Tensor* out = ctx.output(0);
  if (!in || !out) return ctx.fail(RunStatus::kModelInvalid, "missing input or output");
  if (in->bytes != out->bytes) return ctx.fail(RunStatus::kModelInvalid, "input and output sizes differ");
  return true;
}

void eval(const OpNode& n, const Tensor* t) {
  const Tensor& in = t[n.inputs[0]];
  const Tensor& out = t[n.outputs[0]];
  if (in.data != out.data) memcpy(out.data, in.data, out.bytes);
}

}  // namespace

const OpKernel kReshapeKernel{static_cast<int32_t>(BuiltinOp::kReshape), prepare, eval};

}  // namespace tinyrt
