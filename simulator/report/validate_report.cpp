#include "report/validate_report.h"

#include "report/json_writer.h"

namespace tinysim {

std::string validate_report_json(const Validation& v) {
  const InferenceRun& r = v.run;
  JsonWriter j;
  j.begin_object().field("tinysim_report", "model-validate").field("version", 1).field("model", v.model);
  j.field("target", r.target).field("core", r.core).field("clock_hz", r.clock_hz);
  j.field("inferences", static_cast<uint64_t>(r.outputs.size())).key("tolerance_lsb").value(v.tolerance);
  j.field("passed", v.passed()).key("outputs").begin_array();
  for (const OutputComparison& c : v.outputs) {
    j.begin_object().field("name", c.name).field("values", c.values).field("exact", c.exact);
    j.key("exact_match_rate").value(c.exact_rate(), 9).key("max_abs_error_lsb").value(c.max_abs_error, 9);
    j.key("mean_abs_error_lsb").value(c.mean_abs_error(), 9);
    j.key("mean_abs_error_real").value(c.scale > 0 ? c.mean_abs_error() * c.scale : c.mean_abs_error(), 9);
    if (c.classifier) j.field("top1_agree", c.top1_agree).key("top1_agreement").value(c.top1_rate(), 9);
    j.field("within_tolerance", c.within(v.tolerance)).field("first_mismatch", c.first_mismatch).end_object();
  }
  j.end_array().key("per_inference").begin_array();
  for (const InferenceFigures& f : r.figures) {
    j.begin_object().field("cycles", f.cycles).key("latency_ms").value(f.latency_s * 1e3, 9);
    j.key("energy_uj").value(f.energy_j * 1e6, 9).end_object();
  }
  j.end_array().key("assumptions").begin_array();
  for (const std::string& line : r.assumptions) j.value(line);
  return j.end_array().end_object().str();
}

}  // namespace tinysim
