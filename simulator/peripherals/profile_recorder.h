#pragma once
// PROFILE markers: the firmware writes begin/end markers around each inference, each
// op (with its builtin op code and index) and each feature extraction; the recorder
// stamps them with the simulated cycle, so per-op and per-inference cycles are exact.
// It also keeps the arena figures the firmware reports after planning.
#include <cstdint>
#include <optional>
#include <vector>

#include "peripherals/register_block.h"

namespace tinysim {

struct OpTiming {
  uint32_t index = 0;    ///< op index in the model's subgraph
  uint32_t op_code = 0;  ///< TFLite builtin operator code
  uint64_t begin_cycle = 0;
  uint64_t end_cycle = 0;
  uint64_t cycles() const { return end_cycle - begin_cycle; }
};

struct InferenceTiming {
  uint32_t number = 0;
  uint64_t begin_cycle = 0;
  uint64_t end_cycle = 0;
  std::vector<OpTiming> ops;  ///< in execution order
  uint64_t cycles() const { return end_cycle - begin_cycle; }
};

struct FeatureTiming {
  uint32_t window = 0;
  uint64_t begin_cycle = 0;
  uint64_t end_cycle = 0;
  uint64_t cycles() const { return end_cycle - begin_cycle; }
};

struct ArenaFigures {
  uint32_t base = 0;
  uint32_t persistent = 0;
  uint32_t activations = 0;
  uint32_t scratch = 0;
  uint64_t total() const { return uint64_t{persistent} + activations + scratch; }
};

/// One op across all finished inferences.
struct OpSummary {
  uint32_t index = 0;
  uint32_t op_code = 0;
  uint64_t runs = 0;
  uint64_t total_cycles = 0;
  uint64_t min_cycles = 0;
  uint64_t max_cycles = 0;
};

class ProfileRecorder : public RegisterBlock {
 public:
  explicit ProfileRecorder(MisuseLog& log);
  /// Finished inferences (begin and end seen), in order.
  const std::vector<InferenceTiming>& inferences() const { return inferences_; }
  const std::vector<FeatureTiming>& features() const { return features_; }
  /// Set once the firmware wrote any arena figure.
  const std::optional<ArenaFigures>& arena() const { return arena_; }
  /// Per-op totals over the finished inferences, ordered by op index.
  std::vector<OpSummary> per_op() const;

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  void begin_inference(uint32_t number);
  void end_inference(uint32_t number);
  void begin_op(uint32_t marker);
  void end_op(uint32_t index);
  ArenaFigures& arena_figures();

  std::vector<InferenceTiming> inferences_;
  std::vector<FeatureTiming> features_;
  std::optional<InferenceTiming> open_inference_;
  std::optional<OpTiming> open_op_;
  std::optional<FeatureTiming> open_features_;
  std::optional<ArenaFigures> arena_;
};

}  // namespace tinysim
