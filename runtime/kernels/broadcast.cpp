#include "kernels/broadcast.h"

namespace tinyrt {

namespace {
void dims(const Shape4D& s, int32_t d[4]) {
  d[0] = s.batch;
  d[1] = s.height;
  d[2] = s.width;
  d[3] = s.channels;
}
}  // namespace

KernelStatus broadcast_prepare(const Shape4D& in1, const Shape4D& in2, const Shape4D& output, BroadcastShape* b) {
  int32_t d1[4], d2[4], dout[4];
  dims(in1, d1);
  dims(in2, d2);
  dims(output, dout);
  int32_t s1 = 1, s2 = 1;
  b->needs_broadcast = 0;
  for (int i = 3; i >= 0; --i) {
    if (d1[i] != d2[i] && d1[i] != 1 && d2[i] != 1) return KernelStatus::kBadShape;
    const int32_t want = d1[i] > d2[i] ? d1[i] : d2[i];
    if (dout[i] != want) return KernelStatus::kBadShape;
    if (d1[i] != d2[i]) b->needs_broadcast = 1;
    b->stride1[i] = d1[i] == 1 ? 0 : s1;
    b->stride2[i] = d2[i] == 1 ? 0 : s2;
    s1 *= d1[i];
    s2 *= d2[i];
  }
  b->output = output;
  b->elements = element_count(output);
  return KernelStatus::kOk;
}

}  // namespace tinyrt
