#include "kernels/pooling.h"

#include "kernels/conv_params.h"
#include "kernels/quantization.h"

namespace tinyrt {

KernelStatus pool_s8_prepare(const PoolOptions& o, const Shape4D& input, const QuantParams& input_q,
                             const Shape4D& output, const QuantParams& output_q, PoolParams* p) {
  if (o.stride_h < 1 || o.stride_w < 1 || o.filter_h < 1 || o.filter_w < 1) return KernelStatus::kBadShape;
  const int32_t out_h = conv_output_size(o.padding, input.height, o.filter_h, o.stride_h, 1);
  const int32_t out_w = conv_output_size(o.padding, input.width, o.filter_w, o.stride_w, 1);
  if (out_h < 1 || out_w < 1 || output.height != out_h || output.width != out_w || output.batch != input.batch ||
      output.channels != input.channels) {
    return KernelStatus::kBadShape;
  }
  if (input_q.scale != output_q.scale || input_q.zero_point != output_q.zero_point) {
    return KernelStatus::kBadQuantization;
  }
  p->input = input;
  p->output = output;
  p->filter_h = o.filter_h;
  p->filter_w = o.filter_w;
  p->stride_h = o.stride_h;
  p->stride_w = o.stride_w;
  p->pad_h = conv_padding_before(input.height, o.filter_h, o.stride_h, 1, out_h);
  p->pad_w = conv_padding_before(input.width, o.filter_w, o.stride_w, 1, out_w);
  return activation_range_s8(o.activation, output_q, &p->act_min, &p->act_max);
}

int32_t pool_s8_scratch_bytes(const PoolParams&) { return 0; }

namespace {

/// Calls visit(channel_base_pointer_of_tap) for each in-bounds tap of one output pixel.
template <typename Visit>
void for_each_tap(const PoolParams& p, const int8_t* in_batch, int32_t oy, int32_t ox, Visit visit) {
  const int32_t y0 = oy * p.stride_h - p.pad_h;
  const int32_t x0 = ox * p.stride_w - p.pad_w;
  const int32_t fy_lo = y0 < 0 ? -y0 : 0;
  const int32_t fx_lo = x0 < 0 ? -x0 : 0;
  const int32_t fy_hi = p.filter_h < p.input.height - y0 ? p.filter_h : p.input.height - y0;
  const int32_t fx_hi = p.filter_w < p.input.width - x0 ? p.filter_w : p.input.width - x0;
  for (int32_t fy = fy_lo; fy < fy_hi; ++fy) {
    for (int32_t fx = fx_lo; fx < fx_hi; ++fx) {
      visit(in_batch + ((y0 + fy) * p.input.width + (x0 + fx)) * p.input.channels);
    }
  }
}

}  // namespace

void average_pool_s8(const PoolParams& p, const int8_t* input, int8_t* output) {
  const int32_t depth = p.input.channels;
  int8_t* o = output;
  for (int32_t b = 0; b < p.output.batch; ++b) {
    const int8_t* in_batch = input + b * p.input.height * p.input.width * depth;
    for (int32_t oy = 0; oy < p.output.height; ++oy) {
      for (int32_t ox = 0; ox < p.output.width; ++ox) {
        for (int32_t c = 0; c < depth; ++c) {
          int32_t sum = 0;
          int32_t count = 0;
          for_each_tap(p, in_batch, oy, ox, [&](const int8_t* px) {
            sum += px[c];
            ++count;
          });
          /// TFLite's padding rule keeps every window non-empty; guard anyway.
          const int32_t avg = count == 0 ? 0 : (sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count);
          o[c] = static_cast<int8_t>(clamp_i32(avg, p.act_min, p.act_max));
        }
        o += depth;
      }
    }
  }
}

void max_pool_s8(const PoolParams& p, const int8_t* input, int8_t* output) {
  const int32_t depth = p.input.channels;
  int8_t* o = output;
  for (int32_t b = 0; b < p.output.batch; ++b) {
    const int8_t* in_batch = input + b * p.input.height * p.input.width * depth;
    for (int32_t oy = 0; oy < p.output.height; ++oy) {
      for (int32_t ox = 0; ox < p.output.width; ++ox) {
        for (int32_t c = 0; c < depth; ++c) {
          int32_t m = -128;
          for_each_tap(p, in_batch, oy, ox, [&](const int8_t* px) {
            if (px[c] > m) m = px[c];
          });
          o[c] = static_cast<int8_t>(clamp_i32(m, p.act_min, p.act_max));
        }
        o += depth;
      }
    }
  }
}

}  // namespace tinyrt
