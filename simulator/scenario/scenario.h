#pragma once
// A scenario as the engine runs it: the device, model and firmware, the sensor and
// where its frames come from, the inference schedule, how long, on which battery, the
// radio on events and the expectations. Read from YAML by scenario_parser.h; the
// schema with an annotated example is docs/scenarios.md.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/yaml_fields.h"
#include "peripherals/config_words.h"
#include "sensors/sample_rate.h"

namespace tinysim {

/// One sensor feeding the chip's sensor FIFO. Several sensors share one rate: their
/// frames are merged, channels concatenated in the order listed (docs/scenarios.md).
struct ScenarioSensor {
  std::string name;              ///< "accelerometer"
  std::string kind;              ///< "accelerometer", "microphone", ...
  SampleRate rate;
  unsigned channels = 1;
  std::string units;             ///< what one unit of the physical quantity is: "g", "Pa"
  double scale = 1;              ///< int16 counts per unit
  double current = 0;            ///< A drawn while sampling (0: not priced)
  std::string current_source;    ///< datasheet reference for `current`
  YamlFields source{YAML::Node(), "", "sensors[0].source"};  ///< the `source:` map, for make_sensor_source
  /// The source's channels this sensor reads (`take:`), by name or index; empty: all of them.
  std::vector<std::string> take;
  YamlFields fields{YAML::Node(), "", "sensors[0]"};  ///< the sensor's entry, to place errors found while running
};

/// The radio sending a packet for each detected event of the listed classes.
struct ScenarioRadio {
  std::vector<std::string> on;  ///< class names that trigger a transmission
  uint32_t bytes = 0;           ///< payload per transmission
};

/// How a measured figure is compared with its threshold.
enum class Comparison { AtLeast, AtMost, Equal };

/// One line of `expect:` ("accuracy: '>= 90 %'").
struct Expectation {
  std::string key;           ///< "accuracy", "latency_p99", ...
  Comparison comparison = Comparison::AtMost;
  double threshold = 0;      ///< SI units (s, A, J, bytes) or a fraction
  std::string text;          ///< as written, for messages
  int line = 0;              ///< where it was written, for messages
};

/// The chip's keyword decision (`inference.decision`, CONFIG DECISION_*).
struct Decision {
  uint32_t windows = 0;          ///< windows averaged, 1..16
  double threshold = 0;          ///< average real class score a keyword needs
  uint32_t suppress_frames = 0;  ///< after a detection, no other for this many frames
};

struct Scenario {
  std::string file;         ///< the YAML it was read from
  YamlFields fields{YAML::Node(), "", ""};  ///< the whole document, to place errors found while running
  std::string base_dir;     ///< its folder: relative paths resolve against it
  std::string name;
  std::string description;
  std::string device;                     ///< devices/<name>.yaml
  std::optional<uint32_t> clock_hz;       ///< overrides the device's clock
  std::optional<std::string> regulator;   ///< the device's regulator mode for energy (its power: regulators)
  std::string model;                      ///< path to the .tflite (resolved); empty: none (a user firmware)
  std::string firmware;                   ///< path to a user ELF (resolved); empty: TinySim's runtime firmware
  std::string firmware_program;           ///< or a firmware TinySim builds, by name ("energy_detector")
  uint32_t stack_bytes = 8192;            ///< what the firmware keeps for its stack
  std::vector<ScenarioSensor> sensors;    ///< at least one, all at one rate
  uint32_t fifo_depth = 256;              ///< frames the chip's sensor FIFO holds
  size_t label_sensor = 0;                ///< the sensor whose source gives the ground truth (`labels:`)
  FeatureConfig features;                 ///< window, stride and feature pipeline (CONFIG words)
  uint32_t wake_on_motion = 0;            ///< counts; > 0: the sensor's motion detector gates windows
  std::vector<std::string> classes;       ///< the model's output classes in order; empty: the source's labels
  std::vector<std::string> events;        ///< classes scored as events (detection latency, false activations)
  std::optional<Decision> decision;       ///< keywords decided on the chip; none: raw argmax
  double anomaly_threshold = 0;           ///< > 0: an autoencoder; results decided by reconstruction error (anomaly.h)
  bool idle_deep_sleep = true;            ///< `idle:` between windows the chip waits in deep sleep (else sleep)
  double duration_seconds = 0;
  uint64_t seed = 0;
  std::string battery;                    ///< name in devices/batteries/ or a path; empty: none
  std::optional<ScenarioRadio> radio;
  std::vector<Expectation> expectations;
  /// Keys set on the command line -> the option that set them ("device.name" ->
  /// "--device nrf99"), so errors found later still say where a value came from.
  std::vector<std::pair<std::string, std::string>> overridden;

  /// The common rate of the sensors (the FIFO's frame rate).
  SampleRate rate() const { return sensors.front().rate; }
  /// Channels of one merged frame: every sensor's, in the order listed.
  unsigned channels() const;
  /// "accelerometer", or "climate + light" for several sensors.
  std::string sensor_names() const;
  /// TinySim's runtime firmware runs the model; otherwise the user's firmware runs.
  bool runtime_firmware() const { return firmware.empty() && firmware_program.empty(); }
};

}  // namespace tinysim
