#include "runner/model_run.h"

#include "runner/inference_energy.h"
#include "runner/model_fit.h"

namespace tinysim {

Result<InferenceRun> run_model(const std::vector<uint8_t>& model, const ModelSummary& summary,
                           const std::vector<TensorSet>& inputs, const Device* device, uint32_t stack_bytes) {
  InferenceRun r;
  if (device == nullptr) {
    auto outputs = run_on_host(model, inputs, summary.file);
    if (!outputs) return outputs.error();
    r.target = "host";
    r.outputs = std::move(outputs.value());
    return r;
  }
  auto fit = check_model_fit(*device, summary, stack_bytes);
  if (!fit) return fit.error();
  if (!fit->fits()) return make_error("does not fit " + device->name + ":\n" + fit->shortfall(), summary.file);
  auto on_device = run_on_device(*device, model, inputs, summary.outputs.size(), stack_bytes, summary.file);
  if (!on_device) return on_device.error();
  const InferenceEnergy energy = inference_energy(*device);
  r.target = device->name;
  r.core = core_name(device->core);
  r.clock_hz = device->clock_hz;
  r.outputs = std::move(on_device->outputs);
  for (const InferenceTiming& t : on_device->timings) {
    InferenceFigures f;
    f.cycles = t.cycles();
    f.latency_s = device->clock_hz ? double(f.cycles) / device->clock_hz : 0.0;
    f.energy_j = energy.joules(f.cycles);
    r.figures.push_back(f);
  }
  r.assumptions = energy.assumptions;
  return r;
}

}  // namespace tinysim
