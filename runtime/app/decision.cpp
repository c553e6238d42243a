// The decision step: a ring of the last `windows` score vectors with running per-class
// sums, so each window costs one subtract and one add per class.
#include "app/decision.h"

namespace tinyrt::app {

bool KeywordDecision::prepare(const DecisionSettings& settings, const QuantParams& scores, uint32_t classes) {
  const uint32_t all = classes >= 32 ? 0xFFFFFFFFu : (1u << classes) - 1u;
  if (settings.windows == 0 || settings.windows > kMaxWindows || classes == 0 || classes > kMaxClasses ||
      !(scores.scale > 0.0f) || (settings.keywords & all) == 0 || (settings.keywords & all) == all)
    return false;
  settings_ = settings;
  classes_ = classes;
  zero_point_ = scores.zero_point;
  // average >= threshold  <=>  sum of (q - zp) >= threshold * windows / scale; the sum is
  // whole, so the smallest passing sum is the ceiling (prepare-time, IEEE double).
  const double needed = double(settings.threshold) / 65536.0 * double(settings.windows) / double(scores.scale);
  const double capped = needed < 2147483647.0 ? needed : 2147483647.0;
  needed_sum_ = static_cast<int32_t>(capped);
  if (double(needed_sum_) < capped) ++needed_sum_;
  next_ = hold_ = 0;
  // Windows before the first count as scores at the zero point (a real score of 0).
  for (uint32_t w = 0; w < kMaxWindows; ++w)
    for (uint32_t c = 0; c < kMaxClasses; ++c) history_[w][c] = static_cast<int8_t>(zero_point_);
  for (uint32_t c = 0; c < kMaxClasses; ++c) sums_[c] = 0;
  return true;
}

int32_t KeywordDecision::decide(const int8_t* scores) {
  int8_t* oldest = history_[next_];
  uint32_t best = 0;
  for (uint32_t c = 0; c < classes_; ++c) {
    sums_[c] += int32_t(scores[c]) - int32_t(oldest[c]);
    oldest[c] = scores[c];
    if (sums_[c] > sums_[best]) best = c;
  }
  next_ = next_ + 1 == settings_.windows ? 0 : next_ + 1;

  const bool held = hold_ > 0;
  if (held) --hold_;
  if (!held && (settings_.keywords >> best & 1u) != 0 && sums_[best] >= needed_sum_) {
    hold_ = settings_.suppress;
    return static_cast<int32_t>(best);
  }
  int32_t background = -1;  // no keyword called: the window's best non-keyword class
  for (uint32_t c = 0; c < classes_; ++c)
    if ((settings_.keywords >> c & 1u) == 0 && (background < 0 || scores[c] > scores[background]))
      background = static_cast<int32_t>(c);
  return background;
}

}  // namespace tinyrt::app
