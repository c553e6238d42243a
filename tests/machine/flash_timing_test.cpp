// Flash wait states from the device file's table at the device clock, the
// accelerator's line caches, and clear errors for a bad `timing:` section.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "cost/device_timing.h"
#include "cost/flash_cache.h"
#include "machine_fixture.h"

namespace tinysim::test {
namespace {

unsigned wait_states(const std::string& name, uint32_t clock_hz) {
  Device dev = device(name);
  dev.clock_hz = clock_hz;
  auto timing = device_timing(dev);
  EXPECT_TRUE(timing.ok()) << (timing.ok() ? "" : timing.error().describe());
  return timing.ok() ? timing->flash.wait_states : 999;
}

TEST(FlashTiming, WaitStatesFollowTheClock) {
  EXPECT_EQ(wait_states("stm32l476rg", 80000000), 4u);  // RM0351 Table 11: 4 WS at 80 MHz
  EXPECT_EQ(wait_states("stm32l476rg", 16000000), 0u);
  EXPECT_EQ(wait_states("stm32l476rg", 16000001), 1u);
  EXPECT_EQ(wait_states("stm32l4r5zi", 120000000), 5u);  // RM0432: 5 WS at 120 MHz (boost)
  EXPECT_EQ(wait_states("stm32f746ng", 216000000), 7u);  // RM0385 Table 5: 7 WS at 216 MHz
  EXPECT_EQ(wait_states("samd21g18", 48000000), 1u);
}

TEST(FlashTiming, EveryDeviceHasItsTimingAtItsDefaultClock) {
  auto devices = list_devices(devices_dir());
  ASSERT_TRUE(devices.ok());
  for (const Device& d : *devices) {
    auto timing = device_timing(d);
    ASSERT_TRUE(timing.ok()) << timing.error().describe();
    if (d.total(MemoryKind::Flash) == 0) {
      // Arm's reference platforms (docs/boards.md): code SRAM, no flash to time.
      EXPECT_FALSE(timing->from_file) << d.name;
      EXPECT_EQ(timing->flash.wait_states, 0u) << d.name;
      continue;
    }
    EXPECT_TRUE(timing->from_file) << d.name;
    EXPECT_FALSE(timing->flash.wait_state_source.empty()) << d.name;
    EXPECT_FALSE(timing->flash.accelerator_source.empty()) << d.name;
  }
}

Result<DeviceTiming> parse(const std::string& yaml, CoreKind core = CoreKind::CortexM4, uint32_t hz = 80000000) {
  const YAML::Node root = YAML::Load(yaml);
  return parse_device_timing(YamlFields(root["timing"], "chip.yaml", "timing"), core, hz);
}

TEST(FlashTiming, BadSectionsNameTheField) {
  const std::string head = "timing:\n  flash:\n    source: RM\n    line_bytes: 8\n    wait_states:\n";
  auto too_fast = parse(head + "      - {up_to: 16 MHz, cycles: 0}\n      - {up_to: 32 MHz, cycles: 1}\n");
  ASSERT_FALSE(too_fast.ok());
  EXPECT_EQ(too_fast.error().describe(),
            "chip.yaml:6:7: timing.flash.wait_states: the device clock 80.000 MHz is above the last entry (32.000 "
            "MHz): flash cannot run that fast");
  auto unit = parse(head + "      - {up_to: 16, cycles: 0}\n");
  ASSERT_FALSE(unit.ok());
  EXPECT_NE(unit.error().describe().find("chip.yaml:6:"), std::string::npos) << unit.error().describe();
  EXPECT_NE(unit.error().describe().find("timing.flash.wait_states[0].up_to"), std::string::npos);
  auto line = parse("timing:\n  flash:\n    source: RM\n    line_bytes: 12\n    wait_states: [{up_to: 80 MHz, cycles: 1}]\n");
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().describe(), "chip.yaml:4:17: timing.flash.line_bytes: expected a power of two from 2 to 4096");
  auto multiplier = parse("timing:\n  multiplier: {kind: iterative, source: TRM}\n");
  ASSERT_FALSE(multiplier.ok());
  EXPECT_NE(multiplier.error().describe().find("only the Cortex-M0+ has a multiplier option"), std::string::npos);
  auto m0 = parse("timing:\n  multiplier: {kind: iterative, source: TRM}\n", CoreKind::CortexM0Plus);
  ASSERT_TRUE(m0.ok()) << m0.error().describe();
  EXPECT_TRUE(m0->core.iterative_multiplier);
}

FlashTiming art(unsigned ws, unsigned code_lines, unsigned data_lines, bool prefetch) {
  FlashTiming t;
  t.wait_states = ws;
  t.line_bytes = 8;
  t.instruction_lines = code_lines;
  t.data_lines = data_lines;
  t.prefetch = prefetch;
  return t;
}

/// The per-block memo of one call site (a block's own word in the machine).
uint32_t fetch(FlashCache& cache, uint32_t address, uint32_t bytes) {
  uint32_t memo = 0;  // a fresh memo: always the full lookup
  return cache.fetch(address, bytes, memo);
}

TEST(FlashCache, MissesPayTheWaitStatesOnce) {
  FlashCache cache;
  cache.configure(art(4, 128, 32, false), 0x08000000, 0x100000);
  EXPECT_EQ(fetch(cache, 0x08000100, 20), 3u * 4u);  // lines 0x100, 0x108, 0x110: three misses
  EXPECT_EQ(fetch(cache, 0x08000100, 20), 0u);       // all cached now
  EXPECT_EQ(fetch(cache, 0x20000000, 20), 0u);       // SRAM: zero wait states
  EXPECT_EQ(fetch(cache, 0x08000100 + 128 * 8, 2), 4u);  // same slot, other line: evicted
  EXPECT_EQ(fetch(cache, 0x08000100, 2), 4u);
  EXPECT_EQ(cache.read(0x08004000), 4u);  // data cache separate from instructions
  EXPECT_EQ(cache.read(0x08004004), 0u);  // same 8-byte line
  EXPECT_EQ(cache.misses(), 5u);          // instruction fetches only
}

TEST(FlashCache, AnAliasReadsTheSameLinesAtTheSameCost) {
  // The STM32L4's boot alias: flash at 0x0800 0000 also read at 0x0000 0000.
  FlashCache cache;
  cache.configure(art(4, 128, 32, false), 0x08000000, 0x100000);
  cache.add_alias(0x00000000, 0x100000);
  EXPECT_TRUE(cache.contains(0x000FFFFC));
  EXPECT_FALSE(cache.contains(0x00100000));
  EXPECT_EQ(fetch(cache, 0x00000100, 20), 3u * 4u);  // through the alias: three misses
  EXPECT_EQ(fetch(cache, 0x08000100, 20), 0u);       // the same lines through the flash: cached
  EXPECT_EQ(cache.read(0x08004000), 4u);
  EXPECT_EQ(cache.read(0x00004004), 0u);  // the same 8-byte data line through the alias
  EXPECT_EQ(cache.read(0x00004008), 4u);  // the next line misses
  EXPECT_EQ(cache.misses(), 3u);
}

TEST(FlashCache, PrefetchHidesTheNextSequentialLine) {
  FlashCache cache;
  cache.configure(art(5, 0, 0, true), 0x08000000, 0x100000);
  EXPECT_EQ(fetch(cache, 0x08000000, 32), 5u);  // first line misses, the next three are prefetched
  EXPECT_EQ(fetch(cache, 0x08000400, 4), 5u);   // a jump: miss
  EXPECT_EQ(fetch(cache, 0x08000400, 4), 0u);   // the line buffer still holds it
}

TEST(FlashCache, BlockMemosGiveExactlyTheFullLookupsCycles) {
  // Blocks kept as memos (as the machine does) against the same stream looked up in full,
  // with a cache small enough that blocks evict each other.
  for (const FlashTiming& timing : {art(4, 16, 0, false), art(3, 16, 0, true), art(5, 0, 0, true)}) {
    FlashCache memoised, full;
    memoised.configure(timing, 0x08000000, 0x100000);
    full.configure(timing, 0x08000000, 0x100000);
    std::vector<uint32_t> memos(64, 0);
    std::mt19937 random(11);
    for (int i = 0; i < 20000; ++i) {
      const uint32_t block = random() % 64u;
      const uint32_t address = 0x08000000u + block * 36u, bytes = 2u + (block % 7u) * 6u;
      ASSERT_EQ(memoised.fetch(address, bytes, memos[block]), fetch(full, address, bytes)) << "fetch " << i;
    }
    EXPECT_EQ(memoised.misses(), full.misses());
    EXPECT_GT(full.misses(), 100u);
  }
}

TEST(FlashCache, ZeroWaitStatesIsInactive) {
  FlashCache cache;
  cache.configure(art(0, 128, 32, false), 0x08000000, 0x100000);
  EXPECT_FALSE(cache.active());
  EXPECT_EQ(fetch(cache, 0x08000000, 64), 0u);
}

TEST(FlashCache, WaitStatesSlowAFlashRunDown) {
  // The same firmware at 80 MHz (4 wait states) costs more cycles than at 16 MHz (0).
  Device slow = device("stm32l476rg");
  Device fast = slow;
  fast.clock_hz = 16000000;
  Bench at80("cycle_bench", "stm32l476rg");
  const RunResult r80 = at80.run();
  auto elf = load_elf(firmware_path("cycle_bench", fast));
  ASSERT_TRUE(elf.ok());
  auto machine = Machine::create(fast, *elf);
  ASSERT_TRUE(machine.ok());
  BootInfoStub boot(fast.main_ram()->origin, fast.main_ram()->size);
  ASSERT_FALSE((*machine)->add_peripheral(boot));
  auto r16 = (*machine)->run();
  ASSERT_TRUE(r16.ok());
  EXPECT_EQ(r80.instructions, r16->instructions);
  EXPECT_GT(r80.cycles, r16->cycles);
  EXPECT_GT(at80.machine->flash_misses(), 0u);
  EXPECT_EQ((*machine)->flash_misses(), 0u);
}

}  // namespace
}  // namespace tinysim::test
