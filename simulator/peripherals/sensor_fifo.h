#pragma once
// SENSOR: frames from a SensorSource arrive in a FIFO at the sensor rate in simulated
// time (frame i at stream start + floor(i * clock / rate)); a full FIFO drops the
// newest frames and counts them; a DMA copies frames into RAM, popping them or (peek
// mode) not, so sliding windows need no copy in the firmware. The window-ready IRQ
// and the end of the stream are the machine events; frames in between are caught up
// lazily on each register access, so LEVEL is exact without an event per frame.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "peripherals/motion_detector.h"
#include "peripherals/power_controller.h"
#include "peripherals/register_block.h"
#include "sensors/sensor_source.h"

namespace tinysim {

/// Frames one DMA copied: what a result published after it is about.
struct SensorWindow {
  uint64_t cycle = 0;        ///< when the DMA ran
  uint64_t first_frame = 0;  ///< stream index of the first frame copied
  uint64_t last_frame = 0;   ///< stream index of the last frame copied (inclusive)
  uint32_t frames = 0;       ///< frames copied (frames lost to overflow are not in it)
};

class SensorFifo : public RegisterBlock {
 public:
  /// `source` may be null (no sensor: CHANNELS and RATE read 0, nothing arrives);
  /// `power` may be null (no wake reasons latched).
  SensorFifo(MisuseLog& log, std::shared_ptr<const SensorSource> source, uint32_t depth_frames,
             PowerController* power);

  /// Wake on motion: from now on a window is ready only when it holds a frame the
  /// motion detector marks active; while there is none the FIFO keeps just the newest
  /// WINDOW - 1 frames (older ones are overwritten, not dropped), as a MEMS FIFO in
  /// stream mode does, and the core is not woken. `threshold` 0 turns it off.
  /// The stream must be finite.
  void set_motion_gate(uint32_t threshold);
  /// Frames overwritten while no motion was seen (gated mode only).
  uint64_t idle_frames() const { return idle_; }

  uint32_t level() const { return static_cast<uint32_t>(indices_.size()); }
  uint32_t depth() const { return depth_; }
  /// Frames lost because the FIFO was full when they arrived.
  uint64_t dropped_frames() const { return dropped_; }
  /// Frames that arrived while sampling was disabled (not stored, not "dropped").
  uint64_t skipped_frames() const { return skipped_; }
  /// Frames of the stream that have arrived so far (stored, dropped or skipped).
  uint64_t frames_arrived() const { return next_index_; }
  bool ended() const { return ended_; }
  /// Cycle of the first CTRL.ENABLE: stream time starts there.
  std::optional<uint64_t> stream_start_cycle() const { return started_ ? std::optional<uint64_t>(start_) : std::nullopt; }
  std::optional<SensorWindow> last_window() const { return last_window_; }
  /// Window-ready IRQs raised so far.
  uint64_t irqs_raised() const { return irqs_raised_; }
  const SensorSource* source() const { return source_.get(); }

  uint64_t next_event_cycle() const override;
  void advance_to(uint64_t cycle) override;

 protected:
  Access read_register(uint32_t offset, uint32_t& value) override;
  Access write_register(uint32_t offset, uint32_t value) override;

 private:
  bool ready() const { return window_ > 0 && level() >= window_ && (!motion_ || window_has_motion()); }
  /// Gated mode: the oldest WINDOW frames hold an active frame.
  bool window_has_motion() const {
    return !active_in_fifo_.empty() && level() >= window_ && active_in_fifo_.front() <= indices_[window_ - 1];
  }
  /// Gated mode: overwrites the oldest frames while a full window without motion is held.
  void trim_idle();
  uint64_t stream_cycle(uint64_t frame) const;  ///< absolute arrival cycle of `frame`
  void push(uint64_t frame);
  void pop(uint32_t frames);
  /// Signals (wake reason, IRQ when enabled) when READY rises, or stays set after
  /// frames were removed: the IRQ behaves like a level-sensitive line.
  void update_ready(bool removed_frames);
  void signal_window();
  void start_dma();

  std::shared_ptr<const SensorSource> source_;
  uint32_t depth_;
  PowerController* power_;
  unsigned channels_ = 0;
  std::optional<uint64_t> frame_count_;

  std::vector<int16_t> frame_buffer_;  ///< one frame read from the source
  std::deque<int16_t> samples_;   ///< channels_ values per stored frame
  std::deque<uint64_t> indices_;  ///< stream index of each stored frame
  uint64_t next_index_ = 0;       ///< first frame that has not arrived yet
  uint64_t dropped_ = 0;
  uint64_t skipped_ = 0;
  uint64_t idle_ = 0;
  uint64_t irqs_raised_ = 0;
  std::optional<MotionDetector> motion_;
  std::deque<uint64_t> active_in_fifo_;  ///< gated mode: stream indices of the active frames held
  bool started_ = false;
  uint64_t start_ = 0;
  bool ended_ = false;
  bool overflow_ = false;
  bool was_ready_ = false;
  bool warned_no_source_ = false;

  uint32_t ctrl_ = 0;
  uint32_t window_ = 0;
  uint32_t dma_addr_ = 0;
  uint32_t dma_frames_ = 0;
  uint32_t dma_copied_ = 0;
  uint32_t peek_ = 0;
  std::optional<SensorWindow> last_window_;
};

}  // namespace tinysim
