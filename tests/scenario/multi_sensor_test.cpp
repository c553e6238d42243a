// Several sensors in one scenario: parsed with their own figures, merged frame by frame
// into the chip's one FIFO exactly (channels concatenated in the order listed, labels
// from the `labels:` sensor), `take:` picking channels of a source, and every mistake
// refused with file:line:column and the field.
#include <gtest/gtest.h>

#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"
#include "scenario_files.h"
#include "sensors/source_factory.h"
#include "two_sensors_scenario.h"

namespace tinysim::test {
namespace {

std::string scenario_path(const std::string& name, const std::string& text) { return write_scenario(name, text, 21); }

/// The error of parsing (and, if that passes, building the stream of) `text`, with the
/// scratch path cut to "scenario.yaml".
std::string error_of(const std::string& name, const std::string& text) {
  const std::string path = scenario_path(name, text);
  auto s = load_scenario(path);
  std::optional<Error> error;
  if (!s) error = s.error();
  else if (auto stream = scenario_source(s.value()); !stream) error = stream.error();
  if (!error) return "no error";
  const std::string described = error->describe();
  return described.rfind(path, 0) == 0 ? "scenario.yaml" + described.substr(path.size()) : described;
}

/// One sensor's own source, as a single-sensor scenario would build it.
std::shared_ptr<const SensorSource> own_source(const Scenario& s, size_t i) {
  SourceContext context;
  context.rate = s.sensors[i].rate;
  context.channels = s.sensors[i].channels;
  context.duration_seconds = s.duration_seconds;
  context.seed = s.seed;
  context.base_dir = s.base_dir;
  auto source = make_sensor_source(s.sensors[i].source, context);
  EXPECT_TRUE(source) << source.error().describe();
  return source ? source.value() : nullptr;
}

TEST(MultiSensor, ParsesEachSensorWithItsOwnFigures) {
  auto s = load_scenario(scenario_path("parse", kTwoSensorsScenario));
  ASSERT_TRUE(s) << s.error().describe();
  ASSERT_EQ(s->sensors.size(), 2u);
  EXPECT_EQ(s->sensors[0].name, "left");
  EXPECT_EQ(s->sensors[0].channels, 2u);
  EXPECT_DOUBLE_EQ(s->sensors[0].current, 10e-6);
  EXPECT_EQ(s->sensors[1].name, "right");
  EXPECT_EQ(s->sensors[1].channels, 1u);
  EXPECT_DOUBLE_EQ(s->sensors[1].current, 3e-6);
  EXPECT_EQ(s->sensors[1].current_source, "test figure: right");
  EXPECT_EQ(s->channels(), 3u);
  EXPECT_EQ(s->fifo_depth, 64u);
  EXPECT_EQ(s->label_sensor, 0u);
  EXPECT_EQ(s->sensor_names(), "left + right");
}

TEST(MultiSensor, FramesAreMergedChannelByChannelInTheOrderListed) {
  auto s = load_scenario(scenario_path("merge", two_sensors_with("labels: left", "labels: right")));
  ASSERT_TRUE(s) << s.error().describe();
  auto merged = scenario_source(s.value());
  ASSERT_TRUE(merged) << merged.error().describe();
  const auto left = own_source(*s, 0), right = own_source(*s, 1);
  ASSERT_TRUE(left && right);
  ASSERT_EQ(merged.value()->channels(), 3u);
  ASSERT_EQ(merged.value()->frame_count(), std::optional<uint64_t>(1500));
  EXPECT_EQ(merged.value()->label_names(), (std::vector<std::string>{"other"}));  // labels: right
  int16_t frame[3], l[2], r[1];
  for (uint64_t i = 0; i < 1500; ++i) {
    merged.value()->read_frame(i, frame);
    left->read_frame(i, l);
    right->read_frame(i, r);
    ASSERT_EQ(frame[0], l[0]) << i;
    ASSERT_EQ(frame[1], l[1]) << i;
    ASSERT_EQ(frame[2], r[0]) << i;
    ASSERT_EQ(merged.value()->label(i), right->label(i)) << i;
  }
  // Spot values: frame 2 is left's "low" (-1000, 8) and right's tone 0.04 s in:
  // 200 sin(2 pi 5 Hz 0.04 s) = 190.2 -> 190.
  merged.value()->read_frame(2, frame);
  EXPECT_EQ(frame[0], -1000);
  EXPECT_EQ(frame[1], 8);
  EXPECT_EQ(frame[2], 190);
}

TEST(MultiSensor, TakePicksChannelsOfOneSimulatedWorld) {
  // Climate (temperature, humidity) and light read one environment: merged, they are
  // exactly the 3-channel environment sensor, frame for frame and label for label.
  const std::string world = R"(name: greenhouse
device: nrf52840
model: sign.tflite
sensors:
  - name: climate
    rate: 0.1 Hz
    channels: 2
    take: [temperature, humidity]
    source: {generator: environment}
  - name: light
    rate: 0.1 Hz
    channels: 1
    take: [light]
    source: {generator: environment}
inference: {window: 6}
duration: 1 day
seed: 11
)";
  auto s = load_scenario(scenario_path("take", world));
  ASSERT_TRUE(s) << s.error().describe();
  auto merged = scenario_source(s.value());
  ASSERT_TRUE(merged) << merged.error().describe();
  SourceContext context;
  context.rate = s->rate();
  context.channels = 3;
  context.duration_seconds = 86400;
  context.seed = 11;
  auto whole = make_sensor_source(s->sensors[0].source, context);
  ASSERT_TRUE(whole) << whole.error().describe();
  ASSERT_EQ(merged.value()->frame_count(), std::optional<uint64_t>(8640));
  EXPECT_EQ(merged.value()->channel_names(), (std::vector<std::string>{"temperature", "humidity", "light"}));
  int16_t a[3], b[3];
  for (uint64_t i = 0; i < 8640; ++i) {
    merged.value()->read_frame(i, a);
    whole.value()->read_frame(i, b);
    ASSERT_TRUE(a[0] == b[0] && a[1] == b[1] && a[2] == b[2]) << i;
    ASSERT_EQ(merged.value()->label(i), whole.value()->label(i)) << i;
  }
  // Indices work too, in any order.
  auto reordered = load_scenario(scenario_path("take_index", [&] {
    std::string t = world;
    t.replace(t.find("[temperature, humidity]"), 23, "[1, 0]");
    return t;
  }()));
  ASSERT_TRUE(reordered) << reordered.error().describe();
  auto swapped = scenario_source(reordered.value());
  ASSERT_TRUE(swapped) << swapped.error().describe();
  swapped.value()->read_frame(100, a);
  whole.value()->read_frame(100, b);
  EXPECT_EQ(a[0], b[1]);
  EXPECT_EQ(a[1], b[0]);
  EXPECT_EQ(a[2], b[2]);
}

TEST(MultiSensor, SensorsAtDifferentRatesAreRefusedNamingBothRates) {
  EXPECT_EQ(error_of("rates", two_sensors_with("    rate: 50 Hz\n    channels: 1", "    rate: 25 Hz\n    channels: 1")),
            "scenario.yaml:17:11: sensors[1].rate: right runs at 25 Hz but sensors[0] (left) at 50 Hz: sensors "
            "merged into the chip's one FIFO need one rate");
}

TEST(MultiSensor, MistakesAreNamedWhereTheyAre) {
  EXPECT_EQ(error_of("labels", two_sensors_with("labels: left", "labels: middle")),
            "scenario.yaml:25:9: labels: 'middle' is not a sensor; expected one of: left, right");
  EXPECT_EQ(error_of("depth", two_sensors_with("    channels: 1\n", "    channels: 1\n    fifo_depth: 32\n")),
            "scenario.yaml:19:17: sensors[1].fifo_depth: the sensors share the chip's one FIFO: 32 frames here, "
            "64 at sensors[0] (left)");
  EXPECT_EQ(error_of("name", two_sensors_with("name: right", "name: left")),
            "scenario.yaml:16:11: sensors[1].name: 'left' names sensors[0] too; expected a new name");
  EXPECT_EQ(error_of("wide", two_sensors_with("    channels: 1\n", "    channels: 15\n")),
            "scenario.yaml:18:15: sensors[1].channels: the sensors give 17 channels per frame; the chip's FIFO takes "
            "at most 16");
  EXPECT_EQ(error_of("take_count", two_sensors_with("    channels: 1\n", "    channels: 1\n    take: [a, b]\n")),
            "scenario.yaml:19:11: sensors[1].take: expected a list of 1 of the source's channels (names or "
            "indices), one per channel");
  const std::string light = R"(device: nrf52840
model: sign.tflite
sensors:
  - name: light
    rate: 0.1 Hz
    channels: 1
    take: [lux]
    source: {generator: environment}
inference: {window: 6}
duration: 1 day
)";
  EXPECT_EQ(error_of("take_name", light),
            "scenario.yaml:7:11: sensors[0].take: the source has no channel 'lux'; it has 3 (temperature, "
            "humidity, light; indices from 0)");
}

}  // namespace
}  // namespace tinysim::test
