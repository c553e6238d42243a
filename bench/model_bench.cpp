// Benchmark: TinySim's runtime firmware on the emulated MLPerf Tiny reference board
// (STM32L4R5, Cortex-M4 at 120 MHz): cycles and latency per inference and cycles per
// MAC for each reference model in ../shared/models (development data). Prints figures.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "device/device_catalog.h"
#include "hal/tinysim_regs.h"
#include "model/model.h"
#include "runner/model_session.h"

namespace {

/// Multiply-accumulates of the conv, depthwise and fully connected layers.
uint64_t count_macs(const std::vector<uint8_t>& bytes) {
  tinyrt::Model m;
  if (!tinyrt::Model::open(bytes.data(), bytes.size(), &m, nullptr)) return 0;
  uint64_t macs = 0;
  for (uint32_t i = 0; i < m.operator_count(); ++i) {
    const tinyrt::OperatorInfo op = m.op(i);
    const tinyrt::TensorInfo out = m.tensor(static_cast<uint32_t>(op.outputs[0]));
    const tinyrt::TensorInfo w = m.tensor(static_cast<uint32_t>(op.inputs[1]));
    const uint64_t out_elements = out.element_count();
    switch (op.op()) {
      case tinyrt::BuiltinOp::kConv2D: macs += out_elements * (w.element_count() / uint64_t(w.shape[0])); break;
      case tinyrt::BuiltinOp::kDepthwiseConv2D: macs += out_elements * uint64_t(w.shape[1]) * uint64_t(w.shape[2]); break;
      case tinyrt::BuiltinOp::kFullyConnected: macs += w.element_count() * (out_elements / uint64_t(w.shape[0])); break;
      default: break;
    }
  }
  return macs;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string device_name = argc > 1 ? argv[1] : "stm32l4r5zi";
  auto device = tinysim::find_device(device_name, TINYSIM_SOURCE_DIR "/devices");
  if (!device) {
    std::fprintf(stderr, "%s\n", device.error().describe().c_str());
    return 2;
  }
  std::printf("TinySim runtime firmware on %s (%s, %.0f MHz)\n", device->name.c_str(),
              tinysim::core_name(device->core).c_str(), device->clock_hz / 1e6);
  std::printf("%-42s %12s %10s %12s %10s %12s\n", "model", "cycles", "ms", "MACs", "cyc/MAC", "emu MIPS");
  for (const char* name : {"tflm_hello_world_int8.tflite", "tflm_micro_speech_quantized.tflite",
                           "mlperf_tiny_ad01_int8.tflite", "mlperf_tiny_kws_ref_model.tflite",
                           "mlperf_tiny_pretrainedResnet_quant.tflite", "mlperf_tiny_vww_96_int8.tflite"}) {
    std::ifstream in(std::string(TINYSIM_SHARED_DIR) + "/models/" + name, std::ios::binary);
    const std::vector<uint8_t> model((std::istreambuf_iterator<char>(in)), {});
    if (model.empty()) {
      std::printf("%-42s missing (needs ../shared/models)\n", name);
      continue;
    }
    tinysim::ModelSessionOptions options;
    options.block.system.mode = TS_MODE_TENSOR;
    tinyrt::Model parsed;
    tinyrt::Model::open(model.data(), model.size(), &parsed, nullptr);
    options.block.inputs.assign(1, std::vector<uint8_t>(parsed.tensor(static_cast<uint32_t>(parsed.inputs()[0])).bytes(), 1));
    auto session = tinysim::ModelSession::create(device.value(), model, options);
    if (!session) {
      std::printf("%-42s %s\n", name, session.error().describe().c_str());
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    auto run = session.value()->run();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto& timings = session.value()->block().profile().inferences();
    if (!run || timings.empty()) {
      std::printf("%-42s did not finish: %s\n", name,
                  run ? session.value()->block().console().text().c_str() : run.error().describe().c_str());
      continue;
    }
    const uint64_t cycles = timings[0].cycles();
    const uint64_t macs = count_macs(model);
    std::printf("%-42s %12llu %10.2f %12llu %10.2f %12.0f\n", name, static_cast<unsigned long long>(cycles),
                1e3 * double(cycles) / device->clock_hz, static_cast<unsigned long long>(macs),
                macs ? double(cycles) / double(macs) : 0.0, double(run->instructions) / wall / 1e6);
  }
  return 0;
}
