#include "peripherals/profile_recorder.h"

#include <algorithm>
#include <map>

#include "hal/tinysim_regs.h"

namespace tinysim {

ProfileRecorder::ProfileRecorder(MisuseLog& log) : RegisterBlock("profile", TS_PROFILE_BASE, log) {}

void ProfileRecorder::begin_inference(uint32_t number) {
  if (open_inference_) {
    misuse("inference " + std::to_string(number) + " begins before inference " +
           std::to_string(open_inference_->number) + " ended; the unfinished one is dropped");
  }
  open_op_.reset();
  open_inference_ = InferenceTiming{number, now(), 0, {}};
}

void ProfileRecorder::end_inference(uint32_t number) {
  if (!open_inference_ || open_inference_->number != number) {
    misuse("end of inference " + std::to_string(number) + " without its begin marker");
    return;
  }
  if (open_op_) {
    misuse("inference " + std::to_string(number) + " ends while op " + std::to_string(open_op_->index) +
           " is still open; the op is dropped");
    open_op_.reset();
  }
  open_inference_->end_cycle = now();
  inferences_.push_back(std::move(*open_inference_));
  open_inference_.reset();
}

void ProfileRecorder::begin_op(uint32_t marker) {
  const uint32_t index = marker & 0xFFFFu;
  if (!open_inference_) {
    misuse("op " + std::to_string(index) + " begins outside an inference (write INFER_BEGIN first)");
    return;
  }
  if (open_op_) {
    misuse("op " + std::to_string(index) + " begins before op " + std::to_string(open_op_->index) +
           " ended; the unfinished one is dropped");
  }
  open_op_ = OpTiming{index, marker >> 16, now(), 0};
}

void ProfileRecorder::end_op(uint32_t index) {
  if (!open_op_ || open_op_->index != (index & 0xFFFFu)) {
    misuse("end of op " + std::to_string(index) + " without its begin marker");
    return;
  }
  open_op_->end_cycle = now();
  open_inference_->ops.push_back(*open_op_);
  open_op_.reset();
}

ArenaFigures& ProfileRecorder::arena_figures() {
  if (!arena_) arena_ = ArenaFigures{};
  return *arena_;
}

std::vector<OpSummary> ProfileRecorder::per_op() const {
  std::map<uint32_t, OpSummary> by_index;
  for (const InferenceTiming& inference : inferences_) {
    for (const OpTiming& op : inference.ops) {
      OpSummary& s = by_index[op.index];
      if (s.runs == 0) {
        s.index = op.index;
        s.op_code = op.op_code;
        s.min_cycles = op.cycles();
        s.max_cycles = op.cycles();
      }
      ++s.runs;
      s.total_cycles += op.cycles();
      s.min_cycles = std::min(s.min_cycles, op.cycles());
      s.max_cycles = std::max(s.max_cycles, op.cycles());
    }
  }
  std::vector<OpSummary> out;
  for (const auto& entry : by_index) out.push_back(entry.second);
  return out;
}

RegisterBlock::Access ProfileRecorder::read_register(uint32_t offset, uint32_t& value) {
  (void)value;
  return offset <= TS_PROFILE_FEATURES_END ? Access::kWriteOnly : Access::kUnassigned;
}

RegisterBlock::Access ProfileRecorder::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case TS_PROFILE_INFER_BEGIN: begin_inference(value); break;
    case TS_PROFILE_INFER_END: end_inference(value); break;
    case TS_PROFILE_OP_BEGIN: begin_op(value); break;
    case TS_PROFILE_OP_END: end_op(value); break;
    case TS_PROFILE_ARENA_PERSISTENT: arena_figures().persistent = value; break;
    case TS_PROFILE_ARENA_ACTIVATIONS: arena_figures().activations = value; break;
    case TS_PROFILE_ARENA_SCRATCH: arena_figures().scratch = value; break;
    case TS_PROFILE_ARENA_BASE: arena_figures().base = value; break;
    case TS_PROFILE_FEATURES_BEGIN:
      if (open_features_) misuse("features of window " + std::to_string(value) + " begin before the last ended");
      open_features_ = FeatureTiming{value, now(), 0};
      break;
    case TS_PROFILE_FEATURES_END:
      if (!open_features_ || open_features_->window != value) {
        misuse("end of features for window " + std::to_string(value) + " without its begin marker");
        break;
      }
      open_features_->end_cycle = now();
      features_.push_back(*open_features_);
      open_features_.reset();
      break;
    default:
      return Access::kUnassigned;
  }
  return Access::kDone;
}

}  // namespace tinysim
