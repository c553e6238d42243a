// model inspect / fit / bench on the reference models: figures derived from the
// models' shapes, fit decisions against the chips' datasheet memory sizes.
#include <gtest/gtest.h>

#include "device/device_catalog.h"
#include "model/model_summary.h"
#include "model_file.h"
#include "runner/model_bench.h"
#include "runner/model_fit.h"

namespace {

tinysim::Device device(const std::string& name) {
  auto d = tinysim::find_device(name, TINYSIM_SOURCE_DIR "/devices");
  EXPECT_TRUE(d) << d.error().describe();
  return d.value();
}

tinysim::ModelSummary summary(const std::string& name) {
  auto s = tinysim::summarize_model(tinysim::test::shared_model(name), name);
  EXPECT_TRUE(s) << s.error().describe();
  return s.value();
}

TEST(ModelSummary, HelloWorldLayersMacsAndParameters) {
  const tinysim::ModelSummary s = summary("tflm_hello_world_int8.tflite");
  ASSERT_EQ(s.layers.size(), 3u);
  for (const auto& l : s.layers) EXPECT_EQ(l.op, "FULLY_CONNECTED");
  // 1 -> 16 -> 16 -> 1: MACs 16 + 256 + 16; parameters: int8 weights + int32 biases.
  EXPECT_EQ(s.layers[0].macs, 16u);
  EXPECT_EQ(s.layers[1].macs, 256u);
  EXPECT_EQ(s.layers[2].macs, 16u);
  EXPECT_EQ(s.total_macs, 288u);
  EXPECT_EQ(s.layers[0].param_bytes, 16u + 16u * 4u);
  EXPECT_EQ(s.layers[1].param_bytes, 256u + 16u * 4u);
  EXPECT_EQ(s.layers[2].param_bytes, 16u + 1u * 4u);
  ASSERT_EQ(s.inputs.size(), 1u);
  EXPECT_EQ(s.inputs[0].bytes, 1u);
  EXPECT_EQ(s.inputs[0].type, "int8");
}

TEST(ModelSummary, ArenaTensorsNeverOverlapWhileBothLive) {
  const tinysim::ModelSummary s = summary("mlperf_tiny_kws_ref_model.tflite");
  ASSERT_FALSE(s.arena.tensors.empty());
  int aliases = 0;
  for (const auto& t : s.arena.tensors) aliases += t.alias_of >= 0;
  EXPECT_EQ(aliases, 1) << "kws has one RESHAPE, whose output reuses its input's bytes";
  EXPECT_GE(s.arena.needed_bytes, s.arena.persistent_bytes + s.arena.activation_bytes);
  for (const auto& a : s.arena.tensors)
    for (const auto& b : s.arena.tensors) {
      if (a.tensor >= b.tensor || a.alias_of == b.tensor || b.alias_of == a.tensor) continue;
      const bool live_together = a.first_op <= b.last_op && b.first_op <= a.last_op;
      const bool share_bytes = a.offset < b.offset + b.bytes && b.offset < a.offset + a.bytes;
      EXPECT_FALSE(live_together && share_bytes) << a.tensor << "@" << a.offset << "+" << a.bytes << " [" << a.first_op << "," << a.last_op << "] vs " << b.tensor << "@" << b.offset << "+" << b.bytes << " [" << b.first_op << "," << b.last_op << "]";
    }
}

TEST(ModelSummary, CorruptModelIsAnErrorNamingTheFile) {
  std::vector<uint8_t> bytes = tinysim::test::shared_model("tflm_hello_world_int8.tflite");
  bytes.resize(100);
  auto s = tinysim::summarize_model(bytes, "truncated.tflite");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().file, "truncated.tflite");
  EXPECT_FALSE(s.error().message.empty());
}

TEST(ModelFit, VisualWakeWordsDoesNotFitSamd21Flash) {
  const tinysim::ModelSummary s = summary("mlperf_tiny_vww_96_int8.tflite");
  auto fit = tinysim::check_model_fit(device("samd21g18"), s);
  ASSERT_TRUE(fit) << fit.error().describe();
  EXPECT_FALSE(fit->flash_fits());  // 325 KiB model, 256 KiB flash
  EXPECT_EQ(fit->flash_capacity, 256u * 1024u);
  EXPECT_NE(fit->shortfall().find("flash: needs"), std::string::npos) << fit->shortfall();
  auto big = tinysim::check_model_fit(device("stm32l4r5zi"), s);
  ASSERT_TRUE(big);
  EXPECT_TRUE(big->fits()) << big->shortfall();
  EXPECT_EQ(big->ram_capacity, 640u * 1024u);  // RM0432: SRAM1 + SRAM2 (0x2003 0000 alias) + SRAM3
}

TEST(ModelFit, VisualWakeWordsFitsTheStm32f746sAdjacentBanks) {
  const tinysim::ModelSummary s = summary("mlperf_tiny_vww_96_int8.tflite");
  auto fit = tinysim::check_model_fit(device("stm32f746ng"), s);
  ASSERT_TRUE(fit) << fit.error().describe();
  // RM0385 2.2.2: DTCM 64 KiB + SRAM1 240 KiB + SRAM2 16 KiB from 0x2000 0000, one RAM;
  // the 96 KiB arena alone is more than the DTCM.
  EXPECT_EQ(fit->ram_capacity, 320u * 1024u);
  EXPECT_GT(fit->ram_arena, 64u * 1024u);
  EXPECT_TRUE(fit->fits()) << fit->shortfall();
}

TEST(ModelBench, HelloWorldIsBitExactOnTheEmulatedNrf52840) {
  const auto bytes = tinysim::test::shared_model("tflm_hello_world_int8.tflite");
  const tinysim::ModelSummary s = summary("tflm_hello_world_int8.tflite");
  tinysim::BenchOptions options;
  options.runs = 3;
  options.seed = 42;
  auto r = tinysim::bench_model(device("nrf52840"), bytes, s, options);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->mismatches, 0u) << r->first_mismatch;
  ASSERT_EQ(r->inference_cycles.size(), 3u);
  ASSERT_EQ(r->layers.size(), 3u);
  uint64_t layer_sum = 0;
  for (const auto& l : r->layers) {
    EXPECT_GT(l.cycles, 0u);
    layer_sum += l.cycles;
  }
  EXPECT_LT(layer_sum, r->min_cycles()) << "ops run inside the inference span";
  EXPECT_GT(r->stack_high_water, 0u);
  // nRF52840 file: 3.0 V supply, 3.3 mA at 64 MHz: E = V * I * cycles / clock.
  EXPECT_NEAR(r->energy_per_inference, 3.0 * 3.3e-3 * double(uint64_t(r->mean_cycles())) / 64e6, 1e-15);
  EXPECT_FALSE(r->assumptions.empty());
  // Same seed, same figures: the run is deterministic.
  auto again = tinysim::bench_model(device("nrf52840"), bytes, s, options);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->inference_cycles, r->inference_cycles);
}

}  // namespace
