#pragma once
// Everything the TinySim block collected in one run, as plain values: what the
// scenario engine scores and the report prints, detached from the live block.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "peripherals/console.h"
#include "peripherals/firmware_misuse.h"
#include "peripherals/profile_recorder.h"
#include "peripherals/result_mailbox.h"

namespace tinysim {

struct SensorFigures {
  uint32_t fifo_depth = 0;
  uint64_t frames_arrived = 0;  ///< stored + dropped + skipped
  uint64_t frames_dropped = 0;  ///< lost to a full FIFO: the firmware did not keep up
  uint64_t frames_skipped = 0;  ///< arrived while sampling was disabled
  uint64_t frames_idle = 0;     ///< overwritten while the motion gate saw no motion
  uint64_t irqs_raised = 0;
  bool ended = false;
  std::optional<uint64_t> stream_start_cycle;
};

struct TinySimRunData {
  std::string console_text;
  std::vector<ConsoleLine> console_lines;
  uint64_t console_dropped_bytes = 0;
  std::vector<InferenceResult> results;
  std::vector<ReportedError> errors;
  std::vector<FirmwareMisuse> misuse;
  uint64_t misuse_suppressed = 0;
  std::vector<InferenceTiming> inferences;
  std::vector<FeatureTiming> features;
  std::vector<OpSummary> per_op;
  std::optional<ArenaFigures> arena;
  SensorFigures sensor;
  size_t inputs_consumed = 0;
  std::vector<size_t> inputs_mismatched;
};

}  // namespace tinysim
