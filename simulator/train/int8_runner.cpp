#include "train/int8_runner.h"

#include <algorithm>

namespace tinysim {

Result<std::unique_ptr<Int8Runner>> Int8Runner::create(std::vector<uint8_t> model) {
  std::unique_ptr<Int8Runner> r(new Int8Runner());
  r->model_ = std::move(model);
  r->arena_.resize(std::max<size_t>(r->model_.size() * 4, size_t{4} << 20));
  if (!r->interpreter_.init(r->model_.data(), r->model_.size(), r->arena_.data(),
                            static_cast<uint32_t>(r->arena_.size())))
    return make_error("the runtime cannot run the exported model: " + std::string(r->interpreter_.error().message));
  return r;
}

std::vector<int8_t> Int8Runner::run(const int8_t* input) {
  tinyrt::Tensor& in = interpreter_.input(0);
  std::copy(input, input + in.bytes, in.as<int8_t>());
  interpreter_.invoke();
  const tinyrt::Tensor& out = interpreter_.output(0);
  return std::vector<int8_t>(out.as<int8_t>(), out.as<int8_t>() + out.bytes);
}

}  // namespace tinysim
