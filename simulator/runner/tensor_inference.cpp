#include "runner/tensor_inference.h"

#include <algorithm>

#include "hal/tinysim_regs.h"
#include "interpreter/interpreter.h"
#include "runner/model_session.h"

namespace tinysim {

Result<DeviceInferences> run_on_device(const Device& device, const std::vector<uint8_t>& model,
                                       const std::vector<TensorSet>& inputs, size_t output_count,
                                       uint32_t stack_bytes, const std::string& model_file) {
  ModelSessionOptions options;
  options.stack_size = stack_bytes;
  options.block.system.mode = TS_MODE_TENSOR;
  for (const TensorSet& set : inputs) options.block.inputs.insert(options.block.inputs.end(), set.begin(), set.end());
  auto session = ModelSession::create(device, model, options);
  if (!session) return session.error();
  auto run = session.value()->run();
  if (!run) return run.error();
  const TinySimBlock& block = session.value()->block();
  if (run->fault) return make_error("the firmware faulted: " + run->fault->message, model_file);
  if (!block.mailbox().errors().empty())
    return make_error("the firmware reported: " + block.mailbox().errors().front().message, model_file);
  const auto& results = block.mailbox().results();
  const auto& timings = block.profile().inferences();
  if (results.size() != inputs.size() * output_count || timings.size() != inputs.size())
    return make_error("the firmware finished " + std::to_string(timings.size()) + " of " +
                          std::to_string(inputs.size()) + " inferences with " + std::to_string(results.size()) +
                          " results; console: " + block.console().text(),
                      model_file);
  DeviceInferences d;
  for (size_t n = 0; n < inputs.size(); ++n) {
    TensorSet outputs;
    for (size_t o = 0; o < output_count; ++o) outputs.push_back(results[n * output_count + o].output);
    d.outputs.push_back(std::move(outputs));
  }
  d.timings = timings;
  d.arena = block.profile().arena();
  d.console = block.console().text();
  d.run = run.value();
  return d;
}

Result<std::vector<TensorSet>> run_on_host(const std::vector<uint8_t>& model, const std::vector<TensorSet>& inputs,
                                           const std::string& model_file) {
  std::vector<uint8_t> arena(std::max<size_t>(model.size() * 4, size_t{16} << 20));
  tinyrt::Interpreter host;
  if (!host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())))
    return make_error(host.error().message, model_file);
  std::vector<TensorSet> outputs;
  for (size_t n = 0; n < inputs.size(); ++n) {
    const TensorSet& set = inputs[n];
    if (set.size() != host.input_count())
      return make_error("inference " + std::to_string(n) + " has " + std::to_string(set.size()) +
                            " input tensors, the model takes " + std::to_string(host.input_count()),
                        model_file);
    for (uint32_t i = 0; i < host.input_count(); ++i) {
      tinyrt::Tensor& in = host.input(i);
      if (set[i].size() != in.bytes)
        return make_error("inference " + std::to_string(n) + ": input " + std::to_string(i) + " has " +
                              std::to_string(set[i].size()) + " bytes, the tensor holds " + std::to_string(in.bytes),
                          model_file);
      std::copy(set[i].begin(), set[i].end(), in.data);
    }
    host.invoke();
    TensorSet out;
    for (uint32_t i = 0; i < host.output_count(); ++i) {
      const tinyrt::Tensor& t = host.output(i);
      out.emplace_back(t.data, t.data + t.bytes);
    }
    outputs.push_back(std::move(out));
  }
  return outputs;
}

}  // namespace tinysim
