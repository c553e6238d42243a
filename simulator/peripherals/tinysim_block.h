#pragma once
// The whole TinySim peripheral block at TS_BASE (4 KiB, one Unicorn MMIO page):
// built from one settings struct, it dispatches accesses to its sub-blocks by offset
// and exposes what the run produced (console, results, errors, profile, sensor
// figures, firmware misuse). This is what the Machine maps and the scenario reads.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "peripherals/config_words.h"
#include "peripherals/console.h"
#include "peripherals/firmware_misuse.h"
#include "peripherals/power_controller.h"
#include "peripherals/profile_recorder.h"
#include "peripherals/result_mailbox.h"
#include "peripherals/run_data.h"
#include "peripherals/sensor_fifo.h"
#include "peripherals/system_info.h"
#include "peripherals/tensor_input.h"
#include "sensors/sensor_source.h"

namespace tinysim {

class TinySimBlock;

struct TinySimSettings {
  SystemSettings system;
  ConfigWordArray config{};                   ///< e.g. FeatureConfig{...}.encode()
  std::shared_ptr<const SensorSource> sensor;  ///< scenario mode; null: no sensor
  uint32_t fifo_depth_frames = 256;
  uint32_t motion_threshold = 0;              ///< counts; > 0: windows only with motion (SensorFifo::set_motion_gate)
  std::vector<std::vector<uint8_t>> inputs;   ///< tensor mode: raw input tensors, in order
  /// Told after each result is published, with the block as it is then (run's thread).
  std::function<void(const TinySimBlock&)> on_result;
};

class TinySimBlock : public Peripheral {
 public:
  explicit TinySimBlock(TinySimSettings settings);
  TinySimBlock(const TinySimBlock&) = delete;  // sub-blocks and the result observer point into it
  TinySimBlock& operator=(const TinySimBlock&) = delete;

  std::string name() const override { return "tinysim"; }
  uint32_t base() const override { return TS_BASE; }
  uint32_t size() const override { return TS_BLOCK_SIZE; }
  uint32_t read(uint32_t offset, unsigned bytes) override;
  void write(uint32_t offset, unsigned bytes, uint32_t value) override;
  uint64_t next_event_cycle() const override;
  void advance_to(uint64_t cycle) override;
  void attach(MachineBus& bus) override;

  /// The machine calls this when the core sleeps (WFI/WFE). Once the run is over
  /// (run_over()), a sleeping firmware has nothing left to do: the run is stopped.
  void cpu_sleeps();
  /// Scenario mode: the sensor stream has ended. Tensor mode: every input was handed out.
  bool run_over() const;

  const SystemInfo& system_info() const { return system_info_; }
  Console& console() { return console_; }
  const Console& console() const { return console_; }
  PowerController& power() { return power_; }
  const PowerController& power() const { return power_; }
  const SensorFifo& sensor() const { return sensor_; }
  const ResultMailbox& mailbox() const { return mailbox_; }
  const ProfileRecorder& profile() const { return profile_; }
  const TensorInput& input() const { return input_; }
  const ConfigWords& config() const { return config_; }
  const MisuseLog& misuse() const { return misuse_; }
  /// A copy of everything collected so far (call after the run).
  TinySimRunData run_data() const;

 private:
  RegisterBlock* block_at(uint32_t offset);

  MisuseLog misuse_;
  SystemInfo system_info_;
  Console console_;
  PowerController power_;
  SensorFifo sensor_;
  TensorInput input_;
  ResultMailbox mailbox_;
  ProfileRecorder profile_;
  ConfigWords config_;
  std::vector<RegisterBlock*> blocks_;
};

}  // namespace tinysim
