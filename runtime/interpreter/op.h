#pragma once
// One operator as the interpreter runs it, and the table of kernels by builtin code.
// Each op family lives in ops/<op>.cpp: a prepare that turns the .tflite operator into
// the kernel's parameters (once), and an eval that only calls the kernel.
#include <stdint.h>

#include "interpreter/arena_allocator.h"
#include "interpreter/status.h"
#include "interpreter/tensor.h"
#include "model/model.h"

namespace tinyrt {

struct OpKernel;

struct OpNode {
  const OpKernel* kernel = nullptr;
  int32_t code = 0;
  const void* params = nullptr;  ///< the kernel's parameters, in persistent memory
  const int16_t* inputs = nullptr;  ///< tensor indices, -1 for an absent optional input
  const int16_t* outputs = nullptr;
  uint8_t input_count = 0;
  uint8_t output_count = 0;
  uint32_t scratch_bytes = 0;
  uint8_t* scratch = nullptr;
};

/// What an op's prepare sees and may do.
class PrepareContext {
 public:
  PrepareContext(const Model& model_in, const OperatorInfo& info_in, int32_t index_in, Tensor* tensors_in,
                 OpNode& node_in, ArenaAllocator& arena_in, RunError& error_in)
      : model(model_in), info(info_in), index(index_in), tensors(tensors_in), node(node_in), arena(arena_in),
        error(error_in) {}

  /// Input i, or nullptr when absent (optional input) or out of range.
  Tensor* input(int i) const;
  Tensor* output(int i) const;
  /// Persistent storage for the op's parameters; fails the prepare when full.
  template <class T>
  T* allocate(uint32_t count = 1) {
    T* p = arena.persistent_array<T>(count);
    if (!p) arena_full();
    return p;
  }
  /// A tensor's scales as a float array (Prepare-time copy; valid during this prepare).
  const float* scales(const Tensor& t);
  /// Records a failure about this op; returns false so prepares can `return fail(...)`.
  bool fail(RunStatus status, const char* what);
  bool fail_kernel(int32_t kernel_status);
  /// Checks the tensor types; fails with a message naming the op otherwise.
  bool expect_type(const Tensor* t, TensorType type, const char* role);

  const Model& model;
  const OperatorInfo& info;
  const int32_t index;
  Tensor* const tensors;
  OpNode& node;
  ArenaAllocator& arena;
  RunError& error;

 private:
  void arena_full();
};

struct OpKernel {
  int32_t code;
  bool (*prepare)(PrepareContext& ctx);
  void (*eval)(const OpNode& node, const Tensor* tensors);
};

/// The kernel for a builtin op code, or nullptr when the runtime has none.
const OpKernel* find_kernel(int32_t builtin_code);

/// The kernels' fused activation from the model's (NONE, RELU, RELU_N1_TO_1, RELU6).
bool to_fused_activation(Activation a, FusedActivation* out);

}  // namespace tinyrt
