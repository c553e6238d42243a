#pragma once
// The `model bench` report as JSON (the CLI's --json and the GUI's export write the
// same bytes): cycles, latency, energy with its assumptions, per-layer figures, fit.
#include <string>

#include "runner/model_bench.h"

namespace tinysim {

/// The whole bench report document.
std::string bench_report_json(const BenchResult& result);

}  // namespace tinysim
