#pragma once
// Runs one .tflite model in a caller-given arena, TFLite Micro's way: read the model
// in place, prepare every op once, plan the activations with a lifetime-aware
// planner, then invoke the kernels in order as often as asked. No heap.
#include <stddef.h>
#include <stdint.h>

#include "interpreter/op.h"
#include "interpreter/status.h"
#include "interpreter/tensor.h"
#include "model/model.h"
#include "planner/arena_report.h"

namespace tinyrt {

/// Told when each op starts and ends (the firmware writes profile markers).
class OpObserver {
 public:
  virtual void op_begin(int32_t op_index, int32_t builtin_code) = 0;
  virtual void op_end(int32_t op_index) = 0;

 protected:
  ~OpObserver() = default;
};

class Interpreter {
 public:
  /// Reads, prepares and plans; false with error() set when the model cannot run
  /// in `arena_bytes` (the error then says what is needed).
  bool init(const uint8_t* model, size_t model_size, uint8_t* arena, uint32_t arena_bytes);
  /// Runs every op once over the current input tensors.
  void invoke(OpObserver* observer = nullptr);

  const RunError& error() const { return error_; }
  const Model& model() const { return model_; }
  uint32_t input_count() const { return model_.inputs().size(); }
  uint32_t output_count() const { return model_.outputs().size(); }
  Tensor& input(uint32_t i) { return tensors_[model_.inputs()[i]]; }
  Tensor& output(uint32_t i) { return tensors_[model_.outputs()[i]]; }
  const Tensor& tensor(uint32_t i) const { return tensors_[i]; }
  uint32_t op_count() const { return model_.operator_count(); }
  const OpNode& node(uint32_t i) const { return nodes_[i]; }
  /// Where the arena's bytes went: persistent, activations, scratch.
  const ArenaReport& arena_report() const { return report_; }
  /// Bytes of arena init() needs: persistent data plus the larger of the planned
  /// tensors and the planner's own working state (both use the same bytes in turn).
  uint32_t arena_bytes_needed() const {
    const uint32_t plan = report_.planned_bytes > planning_bytes_ ? report_.planned_bytes : planning_bytes_;
    return report_.persistent_bytes + plan;
  }
  const uint8_t* arena_base() const { return arena_base_; }

 private:
  bool read_tensors();
  bool prepare_ops();
  bool plan_memory();

  Model model_;
  ArenaAllocator arena_;
  uint8_t* arena_base_ = nullptr;
  uint32_t arena_bytes_ = 0;
  uint32_t planning_bytes_ = 0;
  Tensor* tensors_ = nullptr;
  OpNode* nodes_ = nullptr;
  ArenaReport report_;
  RunError error_;
};

}  // namespace tinyrt
