#include "peripherals/tinysim_block.h"

#include <algorithm>

namespace tinysim {

TinySimBlock::TinySimBlock(TinySimSettings settings)
    : system_info_(misuse_, settings.system),
      console_(misuse_),
      power_(misuse_),
      sensor_(misuse_, std::move(settings.sensor), settings.fifo_depth_frames, &power_),
      input_(misuse_, std::move(settings.inputs)),
      mailbox_(misuse_, &sensor_, &input_),
      profile_(misuse_),
      config_(misuse_, settings.config),
      blocks_{&system_info_, &console_, &power_, &sensor_, &mailbox_, &profile_, &input_, &config_} {
  sensor_.set_motion_gate(settings.motion_threshold);
  if (settings.on_result) mailbox_.set_observer([this, observer = std::move(settings.on_result)] { observer(*this); });
}

RegisterBlock* TinySimBlock::block_at(uint32_t offset) {
  for (RegisterBlock* block : blocks_) {
    const uint32_t start = block->base() - TS_BASE;
    if (offset >= start && offset - start < block->size()) return block;
  }
  return nullptr;
}

uint32_t TinySimBlock::read(uint32_t offset, unsigned bytes) {
  RegisterBlock* block = block_at(offset);
  if (block == nullptr) {
    misuse_.add(bus_ != nullptr ? bus_->now_cycles() : 0, "tinysim",
                "read of unassigned register " + hex32(TS_BASE + offset));
    return 0;
  }
  return block->read(offset - (block->base() - TS_BASE), bytes);
}

void TinySimBlock::write(uint32_t offset, unsigned bytes, uint32_t value) {
  RegisterBlock* block = block_at(offset);
  if (block == nullptr) {
    misuse_.add(bus_ != nullptr ? bus_->now_cycles() : 0, "tinysim",
                "write of " + hex32(value) + " to unassigned register " + hex32(TS_BASE + offset));
    return;
  }
  block->write(offset - (block->base() - TS_BASE), bytes, value);
}

uint64_t TinySimBlock::next_event_cycle() const {
  uint64_t next = kNever;
  for (const RegisterBlock* block : blocks_) next = std::min(next, block->next_event_cycle());
  return next;
}

void TinySimBlock::advance_to(uint64_t cycle) {
  for (RegisterBlock* block : blocks_) block->advance_to(cycle);
}

void TinySimBlock::attach(MachineBus& bus) {
  Peripheral::attach(bus);
  for (RegisterBlock* block : blocks_) block->attach(bus);
}

bool TinySimBlock::run_over() const {
  if (system_info_.settings().mode == TS_MODE_TENSOR) return input_.exhausted();
  return sensor_.ended();
}

void TinySimBlock::cpu_sleeps() {
  if (bus_ == nullptr) return;
  advance_to(bus_->now_cycles());
  if (run_over()) bus_->request_stop();
}

TinySimRunData TinySimBlock::run_data() const {
  TinySimRunData data;
  data.console_text = console_.text();
  data.console_lines = console_.lines();
  data.console_dropped_bytes = console_.dropped_bytes();
  data.results = mailbox_.results();
  data.errors = mailbox_.errors();
  data.misuse = misuse_.entries();
  data.misuse_suppressed = misuse_.suppressed();
  data.inferences = profile_.inferences();
  data.features = profile_.features();
  data.per_op = profile_.per_op();
  data.arena = profile_.arena();
  data.sensor.fifo_depth = sensor_.depth();
  data.sensor.frames_arrived = sensor_.frames_arrived();
  data.sensor.frames_dropped = sensor_.dropped_frames();
  data.sensor.frames_skipped = sensor_.skipped_frames();
  data.sensor.frames_idle = sensor_.idle_frames();
  data.sensor.irqs_raised = sensor_.irqs_raised();
  data.sensor.ended = sensor_.ended();
  data.sensor.stream_start_cycle = sensor_.stream_start_cycle();
  data.inputs_consumed = input_.consumed();
  data.inputs_mismatched = input_.mismatched();
  return data;
}

}  // namespace tinysim
