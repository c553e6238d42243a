#pragma once
// The `model validate --report` JSON for CI: per output the exact-match rate, largest
// and mean absolute error (LSB and real units), top-1 agreement for classifiers; per
// inference cycles, latency and energy with the assumptions behind them.
#include <string>

#include "runner/model_validation.h"

namespace tinysim {

/// The whole validate report document.
std::string validate_report_json(const Validation& validation);

}  // namespace tinysim
