#pragma once
// Scores the firmware's results against the stream's ground truth: per window
// (accuracy, confusion matrix, per-class precision and recall, with window_label()),
// and, for event classes, per event (detection latency, false activations per hour).
//
// Event matching rule (docs/scenarios.md): an *event* is a maximal run of frames
// labelled with one event class. An *activation* is a run of consecutive results
// predicting the same event class; it starts at its first result. An activation
// detects an event of its class when its first window overlaps the event's frames;
// each event is detected at most once, by its first such activation, and its
// detection latency is that result's cycle minus the arrival of the event's first
// frame. A further activation overlapping an already detected event of its class is
// a repeat, not a false activation; any other activation is a false activation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "peripherals/result_mailbox.h"
#include "sensors/sensor_source.h"

namespace tinysim {

struct ClassScore {
  std::string name;
  uint64_t actual = 0;     ///< labelled windows of this class
  uint64_t predicted = 0;  ///< labelled windows predicted as this class
  uint64_t correct = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
};

/// One detected-or-not run of an event class's frames.
struct EventOutcome {
  std::string name;
  uint64_t first_frame = 0;
  uint64_t last_frame = 0;
  std::optional<double> latency_seconds;  ///< nullopt: missed
};

/// A run of consecutive results predicting one event class.
struct Activation {
  std::string name;
  uint64_t cycle = 0;  ///< of its first result
  bool false_activation = false;
};

struct Scores {
  std::vector<std::string> classes;
  uint64_t windows = 0;    ///< results with a window
  uint64_t labelled = 0;   ///< of them, windows with a ground-truth label
  uint64_t correct = 0;
  std::vector<std::vector<uint64_t>> confusion;  ///< [actual][predicted]; predicted == classes.size(): other
  std::vector<ClassScore> per_class;
  std::vector<std::string> event_classes;
  std::vector<EventOutcome> events;
  std::vector<Activation> activations;
  uint64_t false_activations = 0;
  double hours = 0;  ///< stream time scored

  std::optional<double> accuracy() const;
  std::optional<double> false_activations_per_hour() const;
  /// Detected events over all events; nullopt without events.
  std::optional<double> event_recall() const;
  /// Median detection latency over the detected events.
  std::optional<double> detection_latency_p50() const;
  uint64_t detected_events() const;
};

struct ScoringInput {
  const SensorSource* source = nullptr;
  std::vector<std::string> classes;        ///< the model's output classes in order
  std::vector<std::string> event_classes;  ///< subset of classes
  uint64_t stream_start_cycle = 0;
  uint32_t clock_hz = 0;
  uint64_t stream_frames = 0;              ///< frames of the stream that arrived
};

/// Every source label must be one of `classes` (or the error says which is not).
Status check_labels(const SensorSource& source, const std::vector<std::string>& classes, const std::string& file);

Scores score_results(const std::vector<InferenceResult>& results, const ScoringInput& input);

/// Nearest-rank percentile (p in 0..1) of unsorted values; nullopt when empty.
std::optional<double> percentile(std::vector<double> values, double p);

}  // namespace tinysim
