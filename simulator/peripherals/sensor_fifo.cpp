#include "peripherals/sensor_fifo.h"

#include <algorithm>
#include <vector>

#include "hal/tinysim_regs.h"

namespace tinysim {

SensorFifo::SensorFifo(MisuseLog& log, std::shared_ptr<const SensorSource> source, uint32_t depth_frames,
                       PowerController* power)
    : RegisterBlock("sensor", TS_SENSOR_BASE, log), source_(std::move(source)), depth_(depth_frames), power_(power) {
  if (source_) {
    channels_ = source_->channels();
    frame_count_ = source_->frame_count();
    frame_buffer_.resize(channels_);
  }
}

void SensorFifo::set_motion_gate(uint32_t threshold) {
  motion_.reset();
  active_in_fifo_.clear();
  if (threshold == 0 || !source_ || !frame_count_) return;
  motion_.emplace(source_, threshold);
  for (uint64_t frame : indices_)
    if (motion_->active(frame)) active_in_fifo_.push_back(frame);
}

void SensorFifo::trim_idle() {
  if (!motion_ || window_ == 0) return;
  while (level() >= window_ && !window_has_motion()) {
    pop(1);
    ++idle_;
  }
}

uint64_t SensorFifo::stream_cycle(uint64_t frame) const {
  const uint32_t clock = bus_ != nullptr ? bus_->clock_hz() : 0;
  const uint64_t offset = source_->rate().arrival_cycle(frame, clock);
  return offset > kNever - start_ ? kNever : start_ + offset;
}

uint64_t SensorFifo::next_event_cycle() const {
  if (!source_ || !started_ || ended_ || bus_ == nullptr) return kNever;
  uint64_t next = frame_count_ ? stream_cycle(*frame_count_) : kNever;
  const bool enabled = (ctrl_ & TS_SENSOR_CTRL_ENABLE) != 0;
  if (enabled && window_ > 0 && window_ <= depth_ && level() < window_) {
    uint64_t filling_frame = next_index_ + (window_ - level()) - 1;
    if (motion_ && active_in_fifo_.empty()) {
      // Gated: the window is ready when the first active frame to come has arrived.
      const std::optional<uint64_t> active = motion_->next_active(next_index_);
      filling_frame = active ? std::max(filling_frame, *active) : kNever;
    }
    if (filling_frame != kNever && (!frame_count_ || filling_frame < *frame_count_))
      next = std::min(next, stream_cycle(filling_frame));
  }
  return next;
}

void SensorFifo::advance_to(uint64_t cycle) {
  if (!source_ || !started_ || ended_ || bus_ == nullptr || cycle < start_) return;
  uint64_t arrived = source_->rate().frames_arrived_by(cycle - start_, bus_->clock_hz());
  if (frame_count_) arrived = std::min(arrived, *frame_count_);
  if (arrived > next_index_) {
    if ((ctrl_ & TS_SENSOR_CTRL_ENABLE) == 0) {
      skipped_ += arrived - next_index_;
      next_index_ = arrived;
    } else {
      while (next_index_ < arrived && level() < depth_) push(next_index_++);
      if (next_index_ < arrived) {
        dropped_ += arrived - next_index_;
        overflow_ = true;
        next_index_ = arrived;
      }
    }
  }
  update_ready(false);
  if (frame_count_ && next_index_ == *frame_count_ && cycle >= stream_cycle(*frame_count_)) {
    ended_ = true;
    if (power_ != nullptr) power_->latch_wake(TS_WAKE_END);
    if ((ctrl_ & TS_SENSOR_CTRL_IRQ) != 0) {
      bus_->raise_irq(TS_SENSOR_IRQ);
      ++irqs_raised_;
    }
  }
}

void SensorFifo::push(uint64_t frame) {
  source_->read_frame(frame, frame_buffer_.data());
  samples_.insert(samples_.end(), frame_buffer_.begin(), frame_buffer_.end());
  indices_.push_back(frame);
  if (motion_ && motion_->active(frame)) active_in_fifo_.push_back(frame);
  trim_idle();
}

void SensorFifo::pop(uint32_t frames) {
  frames = std::min(frames, level());
  samples_.erase(samples_.begin(), samples_.begin() + static_cast<std::ptrdiff_t>(size_t{frames} * channels_));
  indices_.erase(indices_.begin(), indices_.begin() + frames);
  while (!active_in_fifo_.empty() && (indices_.empty() || active_in_fifo_.front() < indices_.front()))
    active_in_fifo_.pop_front();
}

void SensorFifo::signal_window() {
  if (power_ != nullptr) power_->latch_wake(TS_WAKE_SENSOR);
  if ((ctrl_ & TS_SENSOR_CTRL_IRQ) != 0 && bus_ != nullptr) {
    bus_->raise_irq(TS_SENSOR_IRQ);
    ++irqs_raised_;
  }
}

void SensorFifo::update_ready(bool removed_frames) {
  const bool now_ready = ready();
  if (now_ready && (!was_ready_ || removed_frames)) signal_window();
  was_ready_ = now_ready;
}

void SensorFifo::start_dma() {
  dma_copied_ = 0;
  const uint32_t frames = std::min(dma_frames_, level());
  if (frames == 0) return;
  const size_t values = size_t{frames} * channels_;
  std::vector<uint8_t> bytes(values * 2);
  for (size_t i = 0; i < values; ++i) {  // little-endian int16, frame-major
    const auto v = static_cast<uint16_t>(samples_[i]);
    bytes[2 * i] = static_cast<uint8_t>(v & 0xFFu);
    bytes[2 * i + 1] = static_cast<uint8_t>(v >> 8);
  }
  if (!bus_->write_memory(dma_addr_, bytes.data(), bytes.size())) {
    misuse("DMA of " + std::to_string(frames) + " frames (" + std::to_string(bytes.size()) + " bytes) to " +
           hex32(dma_addr_) + " does not fit in RAM; nothing was copied");
    return;
  }
  dma_copied_ = frames;
  last_window_ = SensorWindow{now(), indices_.front(), indices_[frames - 1], frames};
  if (peek_ == 0) {
    pop(frames);
    trim_idle();
    update_ready(true);
  }
}

RegisterBlock::Access SensorFifo::read_register(uint32_t offset, uint32_t& value) {
  switch (offset) {
    case TS_SENSOR_CTRL: value = ctrl_; break;
    case TS_SENSOR_STATUS:
      value = (ready() ? TS_SENSOR_STATUS_READY : 0u) | (overflow_ ? TS_SENSOR_STATUS_OVERFLOW : 0u) |
              (ended_ ? TS_SENSOR_STATUS_ENDED : 0u);
      break;
    case TS_SENSOR_CHANNELS: value = channels_; break;
    case TS_SENSOR_RATE_MHZ: value = source_ ? source_->rate().millihertz() : 0u; break;
    case TS_SENSOR_LEVEL: value = level(); break;
    case TS_SENSOR_DEPTH: value = depth_; break;
    case TS_SENSOR_DROPPED: value = static_cast<uint32_t>(std::min<uint64_t>(dropped_, 0xFFFFFFFFu)); break;
    case TS_SENSOR_WINDOW: value = window_; break;
    case TS_SENSOR_DMA_ADDR: value = dma_addr_; break;
    case TS_SENSOR_DMA_FRAMES: value = dma_frames_; break;
    case TS_SENSOR_DMA_START: value = dma_copied_; break;
    case TS_SENSOR_DISCARD: return Access::kWriteOnly;
    case TS_SENSOR_PEEK: value = peek_; break;
    default: return Access::kUnassigned;
  }
  return Access::kDone;
}

RegisterBlock::Access SensorFifo::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case TS_SENSOR_CTRL: {
      const uint32_t before = ctrl_;
      ctrl_ = value & (TS_SENSOR_CTRL_ENABLE | TS_SENSOR_CTRL_IRQ);
      if ((ctrl_ & TS_SENSOR_CTRL_ENABLE) != 0 && !started_) {
        if (!source_) {
          if (!warned_no_source_) misuse("sampling enabled, but this scenario has no sensor stream");
          warned_no_source_ = true;
        } else {
          started_ = true;
          start_ = now();
          advance_to(start_);  // frame 0 arrives at the stream start
        }
      }
      const bool irq_enabled_now = (before & TS_SENSOR_CTRL_IRQ) == 0 && (ctrl_ & TS_SENSOR_CTRL_IRQ) != 0;
      if (irq_enabled_now && ready() && bus_ != nullptr) {
        bus_->raise_irq(TS_SENSOR_IRQ);
        ++irqs_raised_;
      }
      return Access::kDone;
    }
    case TS_SENSOR_WINDOW:
      window_ = value;
      trim_idle();
      if (value > depth_) {
        misuse("window of " + std::to_string(value) + " frames is larger than the FIFO (" +
               std::to_string(depth_) + " frames): it can never become ready");
      }
      update_ready(false);
      return Access::kDone;
    case TS_SENSOR_DMA_ADDR: dma_addr_ = value; return Access::kDone;
    case TS_SENSOR_DMA_FRAMES: dma_frames_ = value; return Access::kDone;
    case TS_SENSOR_DMA_START:
      if (value == 1) {
        start_dma();
      } else {
        misuse("DMA_START takes 1, got " + std::to_string(value));
      }
      return Access::kDone;
    case TS_SENSOR_DISCARD: {
      const uint32_t frames = std::min(value, level());
      pop(frames);
      trim_idle();
      update_ready(frames > 0);
      return Access::kDone;
    }
    case TS_SENSOR_PEEK: peek_ = value != 0 ? 1u : 0u; return Access::kDone;
    case TS_SENSOR_STATUS:
    case TS_SENSOR_CHANNELS:
    case TS_SENSOR_RATE_MHZ:
    case TS_SENSOR_LEVEL:
    case TS_SENSOR_DEPTH:
    case TS_SENSOR_DROPPED:
      return Access::kReadOnly;
    default:
      return Access::kUnassigned;
  }
}

}  // namespace tinysim
