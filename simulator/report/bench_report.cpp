#include "report/bench_report.h"

#include "report/fit_report.h"
#include "report/json_writer.h"

namespace tinysim {

std::string bench_report_json(const BenchResult& r) {
  JsonWriter j;
  j.begin_object().field("tinysim_report", "model-bench").field("version", 1).field("model", r.model);
  j.field("device", r.device).field("core", r.core).field("clock_hz", r.clock_hz).field("runs", r.runs);
  j.field("seed", r.seed).field("bit_exact", r.mismatches == 0).field("mismatches", r.mismatches);
  j.key("cycles").begin_object().field("min", r.min_cycles()).key("mean").value(r.mean_cycles(), 10);
  j.field("max", r.max_cycles()).end_object();
  j.field("latency_ms", r.latency_ms()).field("macs", r.total_macs).field("cycles_per_mac", r.cycles_per_mac());
  j.field("arena_bytes", r.arena_bytes).field("stack_high_water", r.stack_high_water);
  j.key("energy_per_inference_uj").value(r.energy_per_inference * 1e6);
  j.key("run_current_ma").value(r.run_current * 1e3);
  if (!r.regulator.empty()) j.field("regulator", r.regulator);
  j.key("assumptions").begin_array();
  for (const auto& line : r.assumptions) j.value(line);
  j.end_array();
  j.key("layers").begin_array();
  for (const auto& l : r.layers)
    j.begin_object().field("index", l.index).field("op", l.op).field("cycles", l.cycles).field("macs", l.macs)
        .field("cycles_per_mac", l.macs ? double(l.cycles) / double(l.macs) : 0.0).end_object();
  j.end_array();
  write_fit_json(j, r.fit);
  return j.end_object().str();
}

}  // namespace tinysim
