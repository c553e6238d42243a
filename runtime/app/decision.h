#pragma once
// An always-on detector's decision step on the chip (CONFIG DECISION_*): a keyword is
// called only when its class score, averaged over the last few windows, reaches a
// threshold, and not again until some windows have passed. Everything else is published
// as the best non-keyword class of the window. Integer arithmetic per window; only
// prepare() converts the threshold into the model's score steps.
#include <stdint.h>

#include "kernels/types.h"

namespace tinyrt::app {

struct DecisionSettings {
  uint32_t windows = 0;    ///< windows averaged, 1..kMaxWindows; 0: no decision (raw argmax)
  uint32_t threshold = 0;  ///< average real score a keyword needs, unsigned Q16.16
  uint32_t suppress = 0;   ///< windows after a detection that cannot detect again
  uint32_t keywords = 0;   ///< bit c set: class c is a keyword (an event to detect)
};

class KeywordDecision {
 public:
  static constexpr uint32_t kMaxWindows = 16;
  static constexpr uint32_t kMaxClasses = 32;

  /// False unless 1 <= windows <= kMaxWindows, 1 <= classes <= kMaxClasses, the score
  /// scale is positive and some class is a keyword and some is not.
  bool prepare(const DecisionSettings& settings, const QuantParams& scores, uint32_t classes);
  /// The decided class for one window's int8 scores (`classes` of them).
  int32_t decide(const int8_t* scores);

 private:
  DecisionSettings settings_;
  uint32_t classes_ = 0;
  int32_t zero_point_ = 0;
  int32_t needed_sum_ = 0;  ///< sum of (q - zero point) over `windows` windows that passes
  uint32_t next_ = 0;       ///< ring slot the next window overwrites
  uint32_t hold_ = 0;       ///< windows still suppressed
  int8_t history_[kMaxWindows][kMaxClasses] = {};
  int32_t sums_[kMaxClasses] = {};
};

}  // namespace tinyrt::app
