#include "sensors/sample_rate.h"

#include <limits>

namespace tinysim {
namespace {

using u128 = unsigned __int128;

uint64_t saturate(u128 value) {
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  return value > kMax ? kMax : static_cast<uint64_t>(value);
}

}  // namespace

uint32_t SampleRate::millihertz() const {
  if (!valid()) return 0;
  return static_cast<uint32_t>(saturate(u128(hz_num) * 1000u / hz_den));
}

uint64_t SampleRate::arrival_cycle(uint64_t index, uint32_t clock_hz) const {
  if (!valid()) return std::numeric_limits<uint64_t>::max();
  return saturate(u128(index) * clock_hz * hz_den / hz_num);
}

uint64_t SampleRate::frames_arrived_by(uint64_t cycles, uint32_t clock_hz) const {
  if (!valid() || clock_hz == 0) return 0;
  // arrival(k) <= c  <=>  k * clock * den < (c + 1) * num, so the count is
  // ceil((c + 1) * num / (clock * den)).
  const u128 numerator = (u128(cycles) + 1) * hz_num;
  const u128 per_frame = u128(clock_hz) * hz_den;
  return saturate((numerator + per_frame - 1) / per_frame);
}

}  // namespace tinysim
