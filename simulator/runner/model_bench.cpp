#include "runner/model_bench.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "runner/inference_energy.h"
#include "runner/tensor_inference.h"

namespace tinysim {
namespace {

using Bytes = std::vector<uint8_t>;

std::string describe_mismatch(uint32_t run, const TensorSet& device, const TensorSet& host) {
  size_t k = 0;
  while (k + 1 < device.size() && k + 1 < host.size() && device[k] == host[k]) ++k;
  const std::string where = "run " + std::to_string(run) + (k ? ", output " + std::to_string(k) : "");
  const Bytes& d = device.at(k);
  const Bytes& h = host.at(k);
  if (d.size() != h.size())
    return where + ": " + std::to_string(d.size()) + " output bytes on the device, " + std::to_string(h.size()) +
           " on the host";
  const auto diff = std::mismatch(d.begin(), d.end(), h.begin());
  const size_t at = static_cast<size_t>(diff.first - d.begin());
  return where + ": byte " + std::to_string(at) + " is " + std::to_string(static_cast<int8_t>(d[at])) +
         " on the device, " + std::to_string(static_cast<int8_t>(h[at])) + " on the host";
}

}  // namespace

uint64_t BenchResult::min_cycles() const {
  return inference_cycles.empty() ? 0 : *std::min_element(inference_cycles.begin(), inference_cycles.end());
}
uint64_t BenchResult::max_cycles() const {
  return inference_cycles.empty() ? 0 : *std::max_element(inference_cycles.begin(), inference_cycles.end());
}
double BenchResult::mean_cycles() const {
  if (inference_cycles.empty()) return 0;
  return double(std::accumulate(inference_cycles.begin(), inference_cycles.end(), uint64_t{0})) /
         double(inference_cycles.size());
}

Result<BenchResult> bench_model(const Device& device, const Bytes& model, const ModelSummary& summary,
                                const BenchOptions& options) {
  auto fit = check_model_fit(device, summary, options.stack_bytes);
  if (!fit) return fit.error();
  if (!fit->fits())
    return make_error("does not fit " + device.name + ":\n" + fit->shortfall(), summary.file);

  // Seeded random bytes for every input tensor of every run.
  std::mt19937 rng(options.seed);
  std::vector<TensorSet> inputs(options.runs);
  for (TensorSet& set : inputs)
    for (const TensorSummary& tensor : summary.inputs) {
      set.emplace_back(tensor.bytes);
      for (uint8_t& b : set.back()) b = static_cast<uint8_t>(rng());
    }

  auto device_run = run_on_device(device, model, inputs, summary.outputs.size(), options.stack_bytes, summary.file);
  if (!device_run) return device_run.error();
  auto host_run = run_on_host(model, inputs, summary.file);
  if (!host_run) return host_run.error();
  const auto& timings = device_run->timings;

  BenchResult r;
  r.model = summary.file;
  r.device = device.name;
  r.core = core_name(device.core);
  r.clock_hz = device.clock_hz;
  r.runs = options.runs;
  r.seed = options.seed;
  r.fit = fit.value();
  r.total_macs = summary.total_macs;
  r.instructions = device_run->run.instructions;
  r.console = device_run->console;
  r.stack_high_water = device_run->run.stack_high_water;
  if (device_run->arena) r.arena_bytes = static_cast<uint32_t>(device_run->arena->total());
  for (uint32_t i = 0; i < inputs.size(); ++i) {
    r.inference_cycles.push_back(timings[i].cycles());
    const TensorSet& on_device = device_run->outputs[i];
    const TensorSet& on_host = host_run.value()[i];
    if (on_device != on_host && r.mismatches++ == 0) r.first_mismatch = describe_mismatch(i, on_device, on_host);
  }
  const InferenceEnergy energy = inference_energy(device);
  r.run_current = energy.run_current;
  if (energy.power) r.regulator = energy.power->regulator;
  r.energy_per_inference = energy.joules(static_cast<uint64_t>(r.mean_cycles()));
  r.assumptions = energy.assumptions;
  for (const LayerSummary& layer : summary.layers) {
    LayerTiming t;
    t.index = layer.index;
    t.op = layer.op;
    t.macs = layer.macs;
    uint64_t total = 0;
    for (const auto& inference : timings)
      if (layer.index < inference.ops.size()) total += inference.ops[layer.index].cycles();
    t.cycles = total / timings.size();
    r.layers.push_back(t);
  }
  return r;
}

}  // namespace tinysim
