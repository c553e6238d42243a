#include "runner/model_bench.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "energy/device_power.h"
#include "energy/energy_meter.h"
#include "hal/tinysim_regs.h"
#include "interpreter/interpreter.h"
#include "runner/model_session.h"

namespace tinysim {
namespace {

using Bytes = std::vector<uint8_t>;

/// The host build of the runtime on one input: the reference the device must match.
Result<Bytes> host_output(const Bytes& model, const Bytes& input) {
  Bytes arena(std::max<size_t>(model.size() * 4, size_t{16} << 20));
  tinyrt::Interpreter host;
  if (!host.init(model.data(), model.size(), arena.data(), static_cast<uint32_t>(arena.size())))
    return make_error(host.error().message);
  std::copy(input.begin(), input.end(), host.input(0).data);
  host.invoke();
  const tinyrt::Tensor& out = host.output(0);
  return Bytes(out.data, out.data + out.bytes);
}

std::string describe_mismatch(uint32_t run, const Bytes& device, const Bytes& host) {
  if (device.size() != host.size())
    return "run " + std::to_string(run) + ": " + std::to_string(device.size()) + " output bytes on the device, " +
           std::to_string(host.size()) + " on the host";
  const auto diff = std::mismatch(device.begin(), device.end(), host.begin());
  const size_t at = static_cast<size_t>(diff.first - device.begin());
  return "run " + std::to_string(run) + ": byte " + std::to_string(at) + " is " +
         std::to_string(static_cast<int8_t>(device[at])) + " on the device, " +
         std::to_string(static_cast<int8_t>(host[at])) + " on the host";
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
  if (summary.inputs.size() != 1)
    return make_error("model bench feeds one input tensor; this model has " + std::to_string(summary.inputs.size()),
                      summary.file);

  std::mt19937 rng(options.seed);
  std::vector<Bytes> inputs(options.runs, Bytes(summary.inputs[0].bytes));
  for (Bytes& in : inputs)
    for (uint8_t& b : in) b = static_cast<uint8_t>(rng());

  ModelSessionOptions session_options;
  session_options.stack_size = options.stack_bytes;
  session_options.block.system.mode = TS_MODE_TENSOR;
  session_options.block.inputs = inputs;
  auto session = ModelSession::create(device, model, session_options);
  if (!session) return session.error();
  auto run = session.value()->run();
  if (!run) return run.error();
  const TinySimBlock& block = session.value()->block();
  if (run->fault) return make_error("the firmware faulted: " + run->fault->message, summary.file);
  if (!block.mailbox().errors().empty())
    return make_error("the firmware reported: " + block.mailbox().errors().front().message, summary.file);
  const auto& results = block.mailbox().results();
  const auto& timings = block.profile().inferences();
  if (results.size() != inputs.size() || timings.size() != inputs.size())
    return make_error("the firmware finished " + std::to_string(results.size()) + " of " +
                          std::to_string(inputs.size()) + " inferences; console: " + block.console().text(),
                      summary.file);

  BenchResult r;
  r.model = summary.file;
  r.device = device.name;
  r.core = core_name(device.core);
  r.clock_hz = device.clock_hz;
  r.runs = options.runs;
  r.seed = options.seed;
  r.fit = fit.value();
  r.total_macs = summary.total_macs;
  r.instructions = run->instructions;
  r.console = block.console().text();
  r.stack_high_water = run->stack_high_water;
  if (block.profile().arena()) r.arena_bytes = static_cast<uint32_t>(block.profile().arena()->total());
  for (uint32_t i = 0; i < inputs.size(); ++i) {
    r.inference_cycles.push_back(timings[i].cycles());
    auto expected = host_output(model, inputs[i]);
    if (!expected) return expected.error();
    if (results[i].output != expected.value() && r.mismatches++ == 0)
      r.first_mismatch = describe_mismatch(i, results[i].output, expected.value());
  }
  if (auto power = device_power(device)) {
    r.run_current = power->current(PowerState::Run, device.clock_hz);
    r.energy_per_inference = compute_energy(power.value(), device.clock_hz, static_cast<uint64_t>(r.mean_cycles()));
    r.assumptions = {"core timing: " + r.core + " cycle model (simulator/cost), " + std::to_string(r.clock_hz) + " Hz",
                     "energy per inference = supply voltage x run current x inference time",
                     "run current " + power->run.basis + " (" + power->run.source + ")",
                     "supply " + std::to_string(power->supply_voltage.value).substr(0, 4) + " V (" +
                         power->supply_voltage.source + ")"};
  } else {
    r.assumptions = {"no energy figures: " + power.error().message};
  }
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
