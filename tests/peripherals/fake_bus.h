#pragma once
// A MachineBus for peripheral tests: RAM is a byte vector at a base address, the
// cycle counter is set by the test, IRQs and stop requests are recorded.
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "machine/peripheral.h"
#include "sensors/sensor_source.h"

namespace tinysim::test {

class FakeBus : public MachineBus {
 public:
  FakeBus(uint32_t base, uint32_t ram_size, uint32_t clock_rate) : ram_base(base), ram(ram_size), clock(clock_rate) {}

  uint64_t now_cycles() const override { return cycle; }
  uint32_t clock_hz() const override { return clock; }
  bool read_memory(uint32_t address, void* out, size_t bytes) override {
    if (!inside(address, bytes)) return false;
    std::memcpy(out, ram.data() + (address - ram_base), bytes);
    return true;
  }
  bool write_memory(uint32_t address, const void* in, size_t bytes) override {
    if (!inside(address, bytes)) return false;
    std::memcpy(ram.data() + (address - ram_base), in, bytes);
    return true;
  }
  void raise_irq(unsigned irq) override { irqs.emplace_back(cycle, irq); }
  void request_stop() override { stop_requests.push_back(cycle); }

  /// Little-endian int16 at `address`.
  int16_t i16(uint32_t address) const {
    const size_t i = address - ram_base;
    return static_cast<int16_t>(static_cast<uint16_t>(ram[i] | (ram[i + 1] << 8)));
  }
  void put_string(uint32_t address, const char* text) {
    std::memcpy(ram.data() + (address - ram_base), text, std::strlen(text) + 1);
  }

  uint32_t ram_base;
  std::vector<uint8_t> ram;
  uint32_t clock;
  uint64_t cycle = 0;
  std::vector<std::pair<uint64_t, unsigned>> irqs;  ///< (cycle, irq)
  std::vector<uint64_t> stop_requests;

 private:
  bool inside(uint32_t address, size_t bytes) const {
    return address >= ram_base && bytes <= ram.size() && address - ram_base <= ram.size() - bytes;
  }
};

/// A sensor source whose frame i, channel c is i * 10 + c: every value says where it came from.
class CountingSource : public SensorSource {
 public:
  /// `frames` nullopt: an endless stream.
  CountingSource(unsigned channels, SampleRate rate, std::optional<uint64_t> frames)
      : channels_(channels), rate_(rate), frames_(frames) {}
  unsigned channels() const override { return channels_; }
  SampleRate rate() const override { return rate_; }
  std::optional<uint64_t> frame_count() const override { return frames_; }
  void read_frame(uint64_t index, int16_t* out) const override {
    for (unsigned c = 0; c < channels_; ++c) out[c] = static_cast<int16_t>(index * 10 + c);
  }

 private:
  unsigned channels_;
  SampleRate rate_;
  std::optional<uint64_t> frames_;
};

}  // namespace tinysim::test
