#pragma once
// Does the model fit the chip: the same figures in JSON and text for `model
// inspect`, `model bench` and scenario reports.
#include <ostream>

#include "report/json_writer.h"
#include "runner/model_fit.h"

namespace tinysim {

/// Writes "fit": {...} into an open JSON object.
void write_fit_json(JsonWriter& j, const ModelFit& fit);
/// "Fits nrf52840: yes" and the flash and RAM lines (and the shortfall if any).
void print_fit(std::ostream& out, const ModelFit& fit);

}  // namespace tinysim
