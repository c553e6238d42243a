#include "peripherals/sensor_fifo.h"

#include <gtest/gtest.h>

#include "fake_bus.h"
#include "hal/tinysim_regs.h"

namespace tinysim {
namespace {

constexpr uint32_t kRam = 0x20000000;

/// 3 channels at 100 Hz on a 1 MHz clock: one frame every 10000 cycles.
struct SensorRig {
  explicit SensorRig(uint32_t depth = 8, uint64_t frames = 50)
      : bus(kRam, 4096, 1000000),
        source(std::make_shared<test::CountingSource>(3, SampleRate{100, 1}, frames)),
        sensor(log, source, depth, &power),
        power(log) {
    sensor.attach(bus);
    power.attach(bus);
  }
  uint32_t reg(uint32_t offset) { return sensor.read(offset, 4); }
  void set(uint32_t offset, uint32_t value) { sensor.write(offset, 4, value); }
  /// Runs the machine's event loop up to `cycle`, as the Machine would.
  void run_to(uint64_t cycle) {
    while (sensor.next_event_cycle() <= cycle) {
      bus.cycle = sensor.next_event_cycle();
      sensor.advance_to(bus.cycle);
    }
    bus.cycle = cycle;
    sensor.advance_to(cycle);
  }
  std::vector<int16_t> ram_i16(uint32_t address, size_t count) {
    std::vector<int16_t> out;
    for (size_t i = 0; i < count; ++i) out.push_back(bus.i16(address + 2 * static_cast<uint32_t>(i)));
    return out;
  }

  test::FakeBus bus;
  MisuseLog log;
  std::shared_ptr<test::CountingSource> source;
  SensorFifo sensor;
  PowerController power;
};

TEST(SensorFifo, DescribesTheStream) {
  SensorRig rig;
  EXPECT_EQ(rig.reg(TS_SENSOR_CHANNELS), 3u);
  EXPECT_EQ(rig.reg(TS_SENSOR_RATE_MHZ), 100000u);
  EXPECT_EQ(rig.reg(TS_SENSOR_DEPTH), 8u);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 0u);
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), 0u);
  EXPECT_EQ(rig.sensor.next_event_cycle(), kNever);  // nothing before sampling starts
}

TEST(SensorFifo, FramesArriveAtExactCyclesFromTheStreamStart) {
  SensorRig rig;
  rig.bus.cycle = 500;
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  EXPECT_EQ(rig.sensor.stream_start_cycle(), std::optional<uint64_t>(500));
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 1u);  // frame 0 arrives at the start
  rig.bus.cycle = 10499;
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 1u);
  rig.bus.cycle = 10500;
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 2u);
  rig.bus.cycle = 70499;
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 7u);
  EXPECT_EQ(rig.sensor.frames_arrived(), 7u);
}

TEST(SensorFifo, NonIntegerPeriodsDoNotDrift) {
  test::FakeBus bus(kRam, 64, 80000000);
  MisuseLog log;
  SensorFifo sensor(log, std::make_shared<test::CountingSource>(1, SampleRate{44100, 1}, 100000), 1u << 20, nullptr);
  sensor.attach(bus);
  sensor.write(TS_SENSOR_CTRL, 4, TS_SENSOR_CTRL_ENABLE);
  bus.cycle = 1813;
  EXPECT_EQ(sensor.read(TS_SENSOR_LEVEL, 4), 1u);
  bus.cycle = 1814;
  EXPECT_EQ(sensor.read(TS_SENSOR_LEVEL, 4), 2u);
  bus.cycle = 79999999;
  EXPECT_EQ(sensor.read(TS_SENSOR_LEVEL, 4), 44100u);
  bus.cycle = 80000000;
  EXPECT_EQ(sensor.read(TS_SENSOR_LEVEL, 4), 44101u);
}

TEST(SensorFifo, OverflowDropsTheNewestFramesAndCountsThem) {
  SensorRig rig;
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 110000;  // frames 0..11 have arrived, the FIFO holds 8
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 8u);
  EXPECT_EQ(rig.reg(TS_SENSOR_DROPPED), 4u);
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), TS_SENSOR_STATUS_OVERFLOW);
  rig.set(TS_SENSOR_DMA_ADDR, kRam);
  rig.set(TS_SENSOR_DMA_FRAMES, 8);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.ram_i16(kRam, 24), (std::vector<int16_t>{0,  1,  2,  10, 11, 12, 20, 21, 22, 30, 31, 32,
                                                          40, 41, 42, 50, 51, 52, 60, 61, 62, 70, 71, 72}));
  rig.bus.cycle = 120000;  // frame 12 is stored again
  rig.set(TS_SENSOR_DMA_FRAMES, 1);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.ram_i16(kRam, 3), (std::vector<int16_t>{120, 121, 122}));
  EXPECT_EQ(rig.sensor.last_window()->first_frame, 12u);
  EXPECT_EQ(rig.reg(TS_SENSOR_DROPPED), 4u);
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), TS_SENSOR_STATUS_OVERFLOW);  // sticky
}

TEST(SensorFifo, DmaCopiesLittleEndianFramesAndPops) {
  SensorRig rig;
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 30000;  // 4 frames
  rig.set(TS_SENSOR_DMA_ADDR, kRam + 0x100);
  rig.set(TS_SENSOR_DMA_FRAMES, 2);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.reg(TS_SENSOR_DMA_START), 2u);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 2u);
  const std::vector<uint8_t> expected{0, 0, 1, 0, 2, 0, 10, 0, 11, 0, 12, 0};
  EXPECT_EQ(std::vector<uint8_t>(rig.bus.ram.begin() + 0x100, rig.bus.ram.begin() + 0x10C), expected);
  EXPECT_EQ(rig.bus.ram[0x10C], 0u);  // nothing beyond the 2 frames
  const SensorWindow window = *rig.sensor.last_window();
  EXPECT_EQ(window.cycle, 30000u);
  EXPECT_EQ(window.first_frame, 0u);
  EXPECT_EQ(window.last_frame, 1u);
  EXPECT_EQ(window.frames, 2u);
  // Asking for more frames than the FIFO holds copies what there is.
  rig.set(TS_SENSOR_DMA_FRAMES, 5);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.reg(TS_SENSOR_DMA_START), 2u);
  EXPECT_EQ(rig.ram_i16(kRam + 0x100, 6), (std::vector<int16_t>{20, 21, 22, 30, 31, 32}));
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 0u);
  EXPECT_TRUE(rig.log.entries().empty());
}

TEST(SensorFifo, DmaOutsideRamIsLoggedAndCopiesNothing) {
  SensorRig rig;
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 30000;
  rig.set(TS_SENSOR_DMA_ADDR, kRam + 4096 - 6);  // 2 frames need 12 bytes
  rig.set(TS_SENSOR_DMA_FRAMES, 2);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.reg(TS_SENSOR_DMA_START), 0u);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 4u);
  ASSERT_EQ(rig.log.entries().size(), 1u);
  EXPECT_EQ(rig.log.entries()[0].cycle, 30000u);
  EXPECT_EQ(rig.log.entries()[0].block, "sensor");
  EXPECT_EQ(rig.log.entries()[0].message, "DMA of 2 frames (12 bytes) to 0x20000ffa does not fit in RAM; nothing was copied");
}

TEST(SensorFifo, PeekAndDiscardMakeSlidingWindows) {
  SensorRig rig;
  rig.set(TS_SENSOR_WINDOW, 4);
  rig.set(TS_SENSOR_PEEK, 1);
  rig.set(TS_SENSOR_DMA_ADDR, kRam);
  rig.set(TS_SENSOR_DMA_FRAMES, 4);
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 30000;
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), TS_SENSOR_STATUS_READY);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.ram_i16(kRam, 12), (std::vector<int16_t>{0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32}));
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 4u);  // peek: nothing popped
  rig.set(TS_SENSOR_DISCARD, 2);            // stride 2
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 2u);
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), 0u);
  rig.bus.cycle = 50000;
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), TS_SENSOR_STATUS_READY);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.ram_i16(kRam, 12), (std::vector<int16_t>{20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52}));
  EXPECT_EQ(rig.sensor.last_window()->first_frame, 2u);
  EXPECT_EQ(rig.sensor.last_window()->last_frame, 5u);
  rig.set(TS_SENSOR_DISCARD, 100);  // more than held: empties the FIFO
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 0u);
}

TEST(SensorFifo, WindowReadyIrqIsRaisedExactlyWhenTheWindowFills) {
  SensorRig rig;
  rig.bus.cycle = 700;
  rig.set(TS_SENSOR_WINDOW, 4);
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ);
  EXPECT_EQ(rig.sensor.next_event_cycle(), 30700u);  // frame 3
  rig.run_to(30699);
  EXPECT_TRUE(rig.bus.irqs.empty());
  EXPECT_EQ(rig.power.pending_wake(), 0u);
  rig.run_to(30700);
  ASSERT_EQ(rig.bus.irqs.size(), 1u);
  EXPECT_EQ(rig.bus.irqs[0], (std::pair<uint64_t, unsigned>{30700, TS_SENSOR_IRQ}));
  EXPECT_EQ(rig.power.pending_wake(), TS_WAKE_SENSOR);
  // Ready stays ready: no event for the frames that follow, only for the end.
  EXPECT_EQ(rig.sensor.next_event_cycle(), 500700u);
  rig.run_to(60700);  // 7 frames
  EXPECT_EQ(rig.bus.irqs.size(), 1u);
  // A DMA that leaves a full window behind raises the IRQ again (level-sensitive).
  rig.set(TS_SENSOR_DMA_ADDR, kRam);
  rig.set(TS_SENSOR_DMA_FRAMES, 2);
  rig.set(TS_SENSOR_DMA_START, 1);
  ASSERT_EQ(rig.bus.irqs.size(), 2u);
  EXPECT_EQ(rig.bus.irqs[1].first, 60700u);
  // One that leaves less does not; the next window then fills when frame 8 arrives.
  rig.set(TS_SENSOR_DMA_FRAMES, 3);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 2u);
  EXPECT_EQ(rig.bus.irqs.size(), 2u);
  EXPECT_EQ(rig.sensor.next_event_cycle(), 80700u);
  rig.run_to(80700);
  ASSERT_EQ(rig.bus.irqs.size(), 3u);
  EXPECT_EQ(rig.bus.irqs[2].first, 80700u);
  EXPECT_EQ(rig.sensor.irqs_raised(), 3u);
}

TEST(SensorFifo, EnablingTheIrqWhileReadyRaisesItAtOnce) {
  SensorRig rig;
  rig.set(TS_SENSOR_WINDOW, 2);
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.run_to(25000);
  EXPECT_TRUE(rig.bus.irqs.empty());
  EXPECT_EQ(rig.power.pending_wake(), TS_WAKE_SENSOR);  // the wake reason is latched anyway
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ);
  ASSERT_EQ(rig.bus.irqs.size(), 1u);
  EXPECT_EQ(rig.bus.irqs[0].first, 25000u);
}

TEST(SensorFifo, StreamEndSetsEndedWakesAndRaisesTheIrq) {
  SensorRig rig(/*depth=*/64, /*frames=*/5);
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ);
  EXPECT_EQ(rig.sensor.next_event_cycle(), 50000u);  // after frame 4, one period on
  rig.run_to(49999);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 5u);
  EXPECT_FALSE(rig.sensor.ended());
  rig.run_to(50000);
  EXPECT_TRUE(rig.sensor.ended());
  EXPECT_EQ(rig.reg(TS_SENSOR_STATUS), TS_SENSOR_STATUS_ENDED);
  EXPECT_EQ(rig.power.pending_wake(), TS_WAKE_END);
  ASSERT_EQ(rig.bus.irqs.size(), 1u);
  EXPECT_EQ(rig.bus.irqs[0].first, 50000u);
  EXPECT_EQ(rig.sensor.next_event_cycle(), kNever);
  rig.run_to(1000000);
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 5u);  // frames left are still there to drain
  EXPECT_EQ(rig.bus.irqs.size(), 1u);
}

TEST(SensorFifo, FramesWhileDisabledAreSkippedNotDropped) {
  SensorRig rig;
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 25000;  // frames 0, 1, 2
  rig.set(TS_SENSOR_CTRL, 0);
  rig.bus.cycle = 55000;  // frames 3, 4, 5 arrive while disabled
  rig.set(TS_SENSOR_CTRL, TS_SENSOR_CTRL_ENABLE);
  rig.bus.cycle = 60000;
  EXPECT_EQ(rig.reg(TS_SENSOR_LEVEL), 4u);
  EXPECT_EQ(rig.sensor.skipped_frames(), 3u);
  EXPECT_EQ(rig.sensor.dropped_frames(), 0u);
  rig.set(TS_SENSOR_DMA_ADDR, kRam);
  rig.set(TS_SENSOR_DMA_FRAMES, 4);
  rig.set(TS_SENSOR_DMA_START, 1);
  EXPECT_EQ(rig.bus.i16(kRam + 18), 60);  // the 4th frame copied is frame 6
}

TEST(SensorFifo, AnEndlessStreamNeverEnds) {
  test::FakeBus bus(kRam, 64, 1000000);
  MisuseLog log;
  SensorFifo sensor(log, std::make_shared<test::CountingSource>(1, SampleRate{1000, 1}, std::nullopt), 4, nullptr);
  sensor.attach(bus);
  sensor.write(TS_SENSOR_CTRL, 4, TS_SENSOR_CTRL_ENABLE);
  EXPECT_EQ(sensor.next_event_cycle(), kNever);  // no window asked for, no end
  sensor.write(TS_SENSOR_WINDOW, 4, 3);
  EXPECT_EQ(sensor.next_event_cycle(), 2000u);
  bus.cycle = 3600ull * 1000000;  // an hour later: 3.6 million frames, 4 kept
  EXPECT_EQ(sensor.read(TS_SENSOR_LEVEL, 4), 4u);
  EXPECT_EQ(sensor.read(TS_SENSOR_DROPPED, 4), 3600000u + 1 - 4);
  EXPECT_EQ(sensor.read(TS_SENSOR_STATUS, 4), TS_SENSOR_STATUS_READY | TS_SENSOR_STATUS_OVERFLOW);
  EXPECT_FALSE(sensor.ended());
}

TEST(SensorFifo, MisuseIsLogged) {
  SensorRig rig;
  rig.set(TS_SENSOR_WINDOW, 9);
  rig.set(TS_SENSOR_LEVEL, 1);
  rig.set(TS_SENSOR_DMA_START, 2);
  ASSERT_EQ(rig.log.entries().size(), 3u);
  EXPECT_EQ(rig.log.entries()[0].message,
            "window of 9 frames is larger than the FIFO (8 frames): it can never become ready");
  EXPECT_EQ(rig.log.entries()[1].message, "write of 0x00000001 to read-only register 0x4f000310");
  EXPECT_EQ(rig.log.entries()[2].message, "DMA_START takes 1, got 2");

  test::FakeBus bus(kRam, 64, 1000000);
  MisuseLog log;
  SensorFifo none(log, nullptr, 8, nullptr);
  none.attach(bus);
  none.write(TS_SENSOR_CTRL, 4, TS_SENSOR_CTRL_ENABLE);
  EXPECT_EQ(none.read(TS_SENSOR_CHANNELS, 4), 0u);
  EXPECT_EQ(none.read(TS_SENSOR_LEVEL, 4), 0u);
  ASSERT_EQ(log.entries().size(), 1u);
  EXPECT_EQ(log.entries()[0].message, "sampling enabled, but this scenario has no sensor stream");
}

}  // namespace
}  // namespace tinysim
