#include "scenario/scoring.h"

#include <algorithm>
#include <cmath>

#include "sensors/window_label.h"

namespace tinysim {
namespace {

/// Index into `classes` of the source's label index, or -1.
std::vector<int> label_to_class(const SensorSource& source, const std::vector<std::string>& classes) {
  std::vector<int> map;
  for (const std::string& name : source.label_names()) {
    const auto it = std::find(classes.begin(), classes.end(), name);
    map.push_back(it == classes.end() ? -1 : static_cast<int>(it - classes.begin()));
  }
  return map;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The event runs of the stream: maximal runs of frames with one event-class label.
std::vector<EventOutcome> find_events(const SensorSource& source, const std::vector<std::string>& event_classes,
                                      uint64_t frames) {
  const std::vector<std::string> names = source.label_names();
  std::vector<EventOutcome> events;
  int current = kNoLabel;
  for (uint64_t i = 0; i < frames; ++i) {
    const int label = source.label(i);
    const bool is_event = label != kNoLabel && contains(event_classes, names[static_cast<size_t>(label)]);
    if (is_event && label == current) {
      events.back().last_frame = i;
    } else if (is_event) {
      events.push_back({names[static_cast<size_t>(label)], i, i, std::nullopt});
    }
    current = is_event ? label : kNoLabel;
  }
  return events;
}

}  // namespace

std::optional<double> ClassScore::precision() const {
  return predicted ? std::optional<double>(double(correct) / double(predicted)) : std::nullopt;
}
std::optional<double> ClassScore::recall() const {
  return actual ? std::optional<double>(double(correct) / double(actual)) : std::nullopt;
}

std::optional<double> Scores::accuracy() const {
  return labelled ? std::optional<double>(double(correct) / double(labelled)) : std::nullopt;
}
std::optional<double> Scores::false_activations_per_hour() const {
  if (event_classes.empty() || hours <= 0) return std::nullopt;
  return double(false_activations) / hours;
}
uint64_t Scores::detected_events() const {
  return static_cast<uint64_t>(
      std::count_if(events.begin(), events.end(), [](const EventOutcome& e) { return e.latency_seconds.has_value(); }));
}
std::optional<double> Scores::event_recall() const {
  return events.empty() ? std::nullopt : std::optional<double>(double(detected_events()) / double(events.size()));
}
std::optional<double> Scores::detection_latency_p50() const {
  std::vector<double> latencies;
  for (const EventOutcome& e : events)
    if (e.latency_seconds) latencies.push_back(*e.latency_seconds);
  return percentile(latencies, 0.5);
}

std::optional<double> percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(p * double(values.size()));
  const size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return values[std::min(index, values.size() - 1)];
}

Status check_labels(const SensorSource& source, const std::vector<std::string>& classes, const std::string& file) {
  for (const std::string& name : source.label_names())
    if (!contains(classes, name)) {
      std::string list;
      for (const std::string& c : classes) list += (list.empty() ? "" : ", ") + c;
      Error e = make_error("the sensor source labels frames '" + name + "', which is not one of the model's classes (" +
                               list + ")",
                           file);
      e.field = "classes";
      return e;
    }
  return std::nullopt;
}

Scores score_results(const std::vector<InferenceResult>& results, const ScoringInput& in) {
  Scores s;
  s.classes = in.classes;
  s.event_classes = in.event_classes;
  const size_t n = in.classes.size();
  s.confusion.assign(n, std::vector<uint64_t>(n + 1, 0));
  for (const std::string& name : in.classes) s.per_class.push_back({name});
  const std::vector<int> to_class = label_to_class(*in.source, in.classes);
  const SampleRate rate = in.source->rate();
  s.hours = double(in.stream_frames) * double(rate.hz_den) / double(rate.hz_num) / 3600.0;
  s.events = find_events(*in.source, in.event_classes, in.stream_frames);

  const auto predicted_name = [&](const InferenceResult& r) -> std::string {
    const int32_t c = r.predicted_class;
    return c >= 0 && static_cast<size_t>(c) < n ? in.classes[static_cast<size_t>(c)] : std::string();
  };
  std::string open_activation;  // event class of the activation the previous result belongs to
  for (const InferenceResult& r : results) {
    if (!r.window) continue;
    ++s.windows;
    const int label = window_label(*in.source, r.window->first_frame, r.window->last_frame - r.window->first_frame + 1);
    const int actual = label == kNoLabel ? -1 : to_class[static_cast<size_t>(label)];
    const bool known = r.predicted_class >= 0 && static_cast<size_t>(r.predicted_class) < n;
    if (actual >= 0) {
      const size_t a = static_cast<size_t>(actual);
      const size_t p = known ? static_cast<size_t>(r.predicted_class) : n;
      ++s.labelled;
      ++s.confusion[a][p];
      ++s.per_class[a].actual;
      if (known) ++s.per_class[p].predicted;
      if (p == a) {
        ++s.correct;
        ++s.per_class[a].correct;
      }
    }

    const std::string name = predicted_name(r);
    const bool is_event = !name.empty() && contains(in.event_classes, name);
    if (!is_event || name == open_activation) {
      open_activation = is_event ? name : std::string();
      continue;
    }
    open_activation = name;
    Activation act{name, r.cycle, true};
    for (EventOutcome& e : s.events) {
      if (e.name != name || e.last_frame < r.window->first_frame || e.first_frame > r.window->last_frame) continue;
      act.false_activation = false;
      if (!e.latency_seconds) {
        const uint64_t arrival = in.stream_start_cycle + rate.arrival_cycle(e.first_frame, in.clock_hz);
        e.latency_seconds = double(r.cycle - std::min(r.cycle, arrival)) / in.clock_hz;
        break;
      }
    }
    if (act.false_activation) ++s.false_activations;
    s.activations.push_back(act);
  }
  return s;
}

}  // namespace tinysim
