// The assembled block as the Machine sees it: one 4 KiB window, offsets dispatched to
// the sub-blocks, events for the machine's loop, and the run data at the end.
#include "peripherals/tinysim_block.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "sensors/synthetic_source.h"

namespace tinysim {
namespace {

constexpr uint32_t kRam = 0x20000000;

uint32_t off(uint32_t block_base, uint32_t reg) { return block_base - TS_BASE + reg; }

std::shared_ptr<const SensorSource> rest_then_walk() {
  SyntheticSettings s;
  s.rate = SampleRate{100, 1};
  s.segments = {{"rest", 6, {{0.0, 0.0, 100.0}}}, {"walk", 6, {{0.0, 0.0, 200.0}}}};
  auto source = SyntheticSensorSource::create(s);
  return std::make_shared<SyntheticSensorSource>(std::move(source.value()));
}

TinySimSettings scenario_settings() {
  TinySimSettings settings;
  settings.system.ram_base = kRam;
  settings.system.ram_size = 4096;
  settings.system.model_addr = 0x08004000;
  settings.system.model_size = 2000;
  settings.config = FeatureConfig{FeatureKind::kRawWindow, 4, 2}.encode();
  settings.sensor = rest_then_walk();
  settings.fifo_depth_frames = 16;
  return settings;
}

TEST(TinySimBlock, DispatchesOffsetsToTheSubBlocks) {
  test::FakeBus bus(kRam, 4096, 1000000);
  TinySimSettings settings = scenario_settings();
  settings.config = FeatureConfig{FeatureKind::kMfcc, 16000, 8000, 512, 320, 40, 13}.encode();
  TinySimBlock block(std::move(settings));
  block.attach(bus);
  EXPECT_EQ(block.base(), 0x4F000000u);
  EXPECT_EQ(block.size(), 0x1000u);
  EXPECT_EQ(block.read(0x000, 4), TS_ID_VALUE);
  EXPECT_EQ(block.read(0x008, 4), 1000000u);
  EXPECT_EQ(block.read(0x014, 4), 0x08004000u);
  EXPECT_EQ(block.read(off(TS_SENSOR_BASE, TS_SENSOR_CHANNELS), 4), 1u);
  EXPECT_EQ(block.read(off(TS_SENSOR_BASE, TS_SENSOR_RATE_MHZ), 4), 100000u);
  EXPECT_EQ(block.read(off(TS_SENSOR_BASE, TS_SENSOR_DEPTH), 4), 16u);
  const uint32_t expected_config[] = {3, 16000, 8000, 512, 320, 40, 13, 0};
  for (uint32_t i = 0; i < 8; ++i) {
    EXPECT_EQ(block.read(off(TS_CONFIG_BASE, 4 * i), 4), expected_config[i]) << "word " << i;
  }
  EXPECT_EQ(block.read(off(TS_CONFIG_BASE, 4 * 63), 4), 0u);
  EXPECT_EQ(block.read(off(TS_INPUT_BASE, TS_INPUT_COUNT), 4), 0u);
  block.write(off(TS_CONSOLE_BASE, TS_CONSOLE_TXDATA), 1, 'k');
  EXPECT_EQ(block.console().text(), "k");
  EXPECT_TRUE(block.misuse().entries().empty());

  bus.cycle = 9;
  EXPECT_EQ(block.read(0x800, 4), 0u);
  block.write(off(TS_CONFIG_BASE, 0), 4, 1);
  ASSERT_EQ(block.misuse().entries().size(), 2u);
  EXPECT_EQ(block.misuse().entries()[0].block, "tinysim");
  EXPECT_EQ(block.misuse().entries()[0].cycle, 9u);
  EXPECT_EQ(block.misuse().entries()[0].message, "read of unassigned register 0x4f000800");
  EXPECT_EQ(block.misuse().entries()[1].block, "config");
  EXPECT_EQ(block.misuse().entries()[1].message, "write of 0x00000001 to read-only register 0x4f000700");
}

TEST(TinySimBlock, NormalizationIsOneConfigWordPerChannel) {
  FeatureConfig features{FeatureKind::kNormalized, 20, 5};
  features.normalization[0] = {800, 4};
  features.normalization[1] = {-800, 15};
  const ConfigWordArray words = features.encode();
  EXPECT_EQ(words[TS_CONFIG_FEATURE_KIND / 4], 4u);
  // offset as 16-bit two's complement in bits 0..15, the shift in bits 16..
  EXPECT_EQ(words[TS_CONFIG_NORMALIZATION / 4], 0x00040320u);
  EXPECT_EQ(words[TS_CONFIG_NORMALIZATION / 4 + 1], 0x000FFCE0u);
  EXPECT_EQ(words[TS_CONFIG_NORMALIZATION / 4 + 2], 0u);
  EXPECT_EQ(words[TS_CONFIG_NORMALIZATION / 4 + 15], 0u);
  EXPECT_EQ(words[TS_CONFIG_NORMALIZATION / 4 + 16], 0u);  // the next word: reserved
}

TEST(TinySimBlock, NextEventIsTheEarliestOfItsBlocks) {
  test::FakeBus bus(kRam, 4096, 1000000);
  TinySimBlock block(scenario_settings());
  block.attach(bus);
  EXPECT_EQ(block.next_event_cycle(), kNever);
  block.write(off(TS_SENSOR_BASE, TS_SENSOR_CTRL), 4, TS_SENSOR_CTRL_ENABLE);
  EXPECT_EQ(block.next_event_cycle(), 120000u);  // the end of a 12-frame stream at 100 Hz
  block.write(off(TS_POWER_BASE, TS_POWER_TIMER_US), 4, 5000);
  EXPECT_EQ(block.next_event_cycle(), 5000u);
  bus.cycle = 5000;
  block.advance_to(5000);
  EXPECT_EQ(block.read(off(TS_POWER_BASE, TS_POWER_WAKE_REASON), 4), TS_WAKE_TIMER);
  EXPECT_EQ(block.next_event_cycle(), 120000u);
}

/// Plays an interrupt-driven firmware against the block: sliding windows of 4 frames
/// with stride 2, one result per window, sleeping in between; the machine loop jumps
/// from event to event as the Machine will.
TEST(TinySimBlock, ScenarioRunFromFirstWindowToStop) {
  test::FakeBus bus(kRam, 4096, 1000000);
  TinySimBlock block(scenario_settings());
  block.attach(bus);
  auto reg = [&](uint32_t base, uint32_t r) { return block.read(off(base, r), 4); };
  auto set = [&](uint32_t base, uint32_t r, uint32_t v) { block.write(off(base, r), 4, v); };

  const uint32_t window = reg(TS_CONFIG_BASE, TS_CONFIG_WINDOW_FRAMES);
  const uint32_t stride = reg(TS_CONFIG_BASE, TS_CONFIG_STRIDE_FRAMES);
  ASSERT_EQ(window, 4u);
  ASSERT_EQ(stride, 2u);
  bus.cycle = 200;  // boot
  set(TS_SENSOR_BASE, TS_SENSOR_WINDOW, window);
  set(TS_SENSOR_BASE, TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ);

  size_t irqs_seen = 0;
  uint32_t inference = 0;
  while (bus.stop_requests.empty()) {
    const uint64_t next = block.next_event_cycle();
    ASSERT_NE(next, kNever);
    bus.cycle = std::max(bus.cycle, next);
    block.advance_to(bus.cycle);
    while (irqs_seen < bus.irqs.size()) {  // Sensor_IRQHandler
      ++irqs_seen;
      if ((reg(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_READY) == 0) continue;
      set(TS_SENSOR_BASE, TS_SENSOR_PEEK, 1);
      set(TS_SENSOR_BASE, TS_SENSOR_DMA_ADDR, kRam + 0x100);
      set(TS_SENSOR_BASE, TS_SENSOR_DMA_FRAMES, window);
      set(TS_SENSOR_BASE, TS_SENSOR_DMA_START, 1);
      set(TS_SENSOR_BASE, TS_SENSOR_DISCARD, stride);
      set(TS_PROFILE_BASE, TS_PROFILE_INFER_BEGIN, inference);
      bus.cycle += 500;
      set(TS_PROFILE_BASE, TS_PROFILE_INFER_END, inference++);
      set(TS_RESULT_BASE, TS_RESULT_CLASS, bus.i16(kRam + 0x100) >= 150 ? 1 : 0);
      set(TS_RESULT_BASE, TS_RESULT_DATA_ADDR, kRam + 0x100);
      set(TS_RESULT_BASE, TS_RESULT_DATA_LEN, 2 * window);
      set(TS_RESULT_BASE, TS_RESULT_COMMIT, 1);
    }
    block.cpu_sleeps();  // WFI
  }

  // Windows fill at frames 3, 5, 7, 9, 11 (start 200 + 10000 per frame).
  const auto& results = block.mailbox().results();
  ASSERT_EQ(results.size(), 5u);
  const uint64_t first_frames[] = {0, 2, 4, 6, 8};
  const int classes[] = {0, 0, 0, 1, 1};
  for (size_t i = 0; i < 5; ++i) {
    ASSERT_TRUE(results[i].window.has_value());
    EXPECT_EQ(results[i].window->cycle, 200 + 10000 * (first_frames[i] + 3)) << i;
    EXPECT_EQ(results[i].window->first_frame, first_frames[i]) << i;
    EXPECT_EQ(results[i].window->last_frame, first_frames[i] + 3) << i;
    EXPECT_EQ(results[i].cycle, results[i].window->cycle + 500) << i;
    EXPECT_EQ(results[i].predicted_class, classes[i]) << i;
  }
  EXPECT_EQ(results[2].output, (std::vector<uint8_t>{100, 0, 100, 0, 200, 0, 200, 0}));
  const SensorSource& source = *block.sensor().source();
  EXPECT_EQ(source.label_names()[static_cast<size_t>(source.label(results[2].window->last_frame))], "walk");

  ASSERT_EQ(block.profile().inferences().size(), 5u);
  EXPECT_EQ(block.profile().inferences()[4].cycles(), 500u);
  // The stream ends one period after frame 11; the sleeping firmware is stopped then.
  EXPECT_TRUE(block.run_over());
  EXPECT_EQ(bus.stop_requests, (std::vector<uint64_t>{120200}));
  EXPECT_EQ(reg(TS_SENSOR_BASE, TS_SENSOR_STATUS) & TS_SENSOR_STATUS_ENDED, TS_SENSOR_STATUS_ENDED);
  EXPECT_EQ(block.sensor().dropped_frames(), 0u);
  EXPECT_TRUE(block.misuse().entries().empty());

  const TinySimRunData data = block.run_data();
  EXPECT_EQ(data.results.size(), 5u);
  EXPECT_EQ(data.inferences.size(), 5u);
  EXPECT_EQ(data.sensor.fifo_depth, 16u);
  EXPECT_EQ(data.sensor.frames_arrived, 12u);
  EXPECT_EQ(data.sensor.frames_dropped, 0u);
  EXPECT_EQ(data.sensor.irqs_raised, 6u);  // 5 windows + the end of the stream
  EXPECT_TRUE(data.sensor.ended);
  EXPECT_EQ(data.sensor.stream_start_cycle, std::optional<uint64_t>(200));
}

/// The same stream against a firmware that takes 35 ms per window: frames pile up,
/// the FIFO of 6 overflows, and the run says how many frames were lost.
TEST(TinySimBlock, ASlowFirmwareDropsFramesAndTheRunCountsThem) {
  test::FakeBus bus(kRam, 4096, 1000000);
  TinySimSettings settings = scenario_settings();
  settings.fifo_depth_frames = 6;
  TinySimBlock block(std::move(settings));
  block.attach(bus);
  auto set = [&](uint32_t base, uint32_t r, uint32_t v) { block.write(off(base, r), 4, v); };
  set(TS_SENSOR_BASE, TS_SENSOR_WINDOW, 4);
  set(TS_SENSOR_BASE, TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  bus.cycle = 30000;  // window 0..3 ready
  set(TS_SENSOR_BASE, TS_SENSOR_DMA_ADDR, kRam);
  set(TS_SENSOR_BASE, TS_SENSOR_DMA_FRAMES, 4);
  set(TS_SENSOR_BASE, TS_SENSOR_DMA_START, 1);
  bus.cycle = 95000;  // 35 ms later: frames 4..9 fill the FIFO (6), none lost yet
  EXPECT_EQ(block.read(off(TS_SENSOR_BASE, TS_SENSOR_DROPPED), 4), 0u);
  bus.cycle = 125000;  // frames 10, 11 arrive into a full FIFO
  EXPECT_EQ(block.read(off(TS_SENSOR_BASE, TS_SENSOR_DROPPED), 4), 2u);
  set(TS_SENSOR_BASE, TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(bus.i16(kRam), 100);  // frame 4 (rest) is the oldest kept
  const TinySimRunData data = block.run_data();
  EXPECT_EQ(data.sensor.frames_dropped, 2u);
  EXPECT_EQ(data.sensor.frames_arrived, 12u);
  EXPECT_TRUE(data.sensor.ended);
  EXPECT_TRUE(data.results.empty());
}

TEST(TinySimBlock, TensorModeRunIsOverWhenEveryInputWasHandedOut) {
  test::FakeBus bus(kRam, 4096, 1000000);
  TinySimSettings settings;
  settings.system.mode = TS_MODE_TENSOR;
  settings.inputs = {{1, 2}, {3, 4}};
  TinySimBlock block(std::move(settings));
  block.attach(bus);
  EXPECT_EQ(block.read(off(TS_SYSINFO_BASE, TS_SYSINFO_MODE), 4), TS_MODE_TENSOR);
  block.write(off(TS_INPUT_BASE, TS_INPUT_ADDR), 4, kRam);
  block.write(off(TS_INPUT_BASE, TS_INPUT_LEN), 4, 2);
  block.write(off(TS_INPUT_BASE, TS_INPUT_REQUEST), 4, 1);
  block.write(off(TS_RESULT_BASE, TS_RESULT_COMMIT), 4, 1);
  block.cpu_sleeps();
  EXPECT_TRUE(bus.stop_requests.empty());
  block.write(off(TS_INPUT_BASE, TS_INPUT_REQUEST), 4, 1);
  block.write(off(TS_RESULT_BASE, TS_RESULT_COMMIT), 4, 1);
  bus.cycle = 77;
  block.cpu_sleeps();
  EXPECT_EQ(bus.stop_requests, (std::vector<uint64_t>{77}));
  ASSERT_EQ(block.mailbox().results().size(), 2u);
  EXPECT_EQ(block.mailbox().results()[0].input_index, 0);
  EXPECT_EQ(block.mailbox().results()[1].input_index, 1);
  EXPECT_FALSE(block.mailbox().results()[1].window.has_value());
}

}  // namespace
}  // namespace tinysim
