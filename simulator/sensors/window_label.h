#pragma once
// A window's ground truth, the one rule the trainer and the scenario scorer share.
#include <cstdint>

#include "sensors/sensor_source.h"

namespace tinysim {

/// The label held by the most frames of [first_frame, first_frame + frames); kNoLabel
/// frames do not count; a tie goes to the label whose last frame in the window comes
/// latest; kNoLabel when no frame is labelled. Frames past the stream's end count as
/// unlabelled.
int window_label(const SensorSource& source, uint64_t first_frame, uint64_t frames);

}  // namespace tinysim
