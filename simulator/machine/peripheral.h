#pragma once
// The contract between the Machine (Unicorn CPU, memory map, simulated clock) and
// the memory-mapped peripherals it hosts. Time is simulated: the machine runs the
// CPU until the earliest next_event_cycle() of any peripheral, then calls
// advance_to(now) on all of them; WFI skips straight to that cycle.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace tinysim {

inline constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();

/// What a peripheral may ask of the machine it is mapped into.
class MachineBus {
 public:
  virtual ~MachineBus() = default;
  /// Simulated core cycles since reset.
  virtual uint64_t now_cycles() const = 0;
  /// Core clock in Hz (cycles -> seconds).
  virtual uint32_t clock_hz() const = 0;
  /// DMA-style access to mapped flash/RAM; false if any byte is outside them.
  virtual bool read_memory(uint32_t address, void* out, size_t bytes) = 0;
  virtual bool write_memory(uint32_t address, const void* in, size_t bytes) = 0;
  /// Marks external interrupt `irq` (exception 16 + irq) pending in the NVIC.
  virtual void raise_irq(unsigned irq) = 0;
  /// Stops the run after the current instruction block (e.g. the scenario is over).
  virtual void request_stop() = 0;
};

/// A block of registers at a fixed address. Reads and writes are 1, 2 or 4 bytes.
class Peripheral {
 public:
  virtual ~Peripheral() = default;
  virtual std::string name() const = 0;
  virtual uint32_t base() const = 0;
  virtual uint32_t size() const = 0;
  virtual uint32_t read(uint32_t offset, unsigned bytes) = 0;
  virtual void write(uint32_t offset, unsigned bytes, uint32_t value) = 0;
  /// Earliest cycle at which this peripheral has something to do (a sample
  /// arrives, a timer expires), or kNever.
  virtual uint64_t next_event_cycle() const { return kNever; }
  /// Simulated time has reached `cycle` (>= every earlier call's cycle).
  virtual void advance_to(uint64_t cycle) { (void)cycle; }
  /// Called once when the machine is attached, before reset.
  virtual void attach(MachineBus& bus) { bus_ = &bus; }

 protected:
  MachineBus* bus_ = nullptr;
};

}  // namespace tinysim
