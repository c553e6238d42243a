#include "sensors/source_factory.h"

#include "sensors/csv_source.h"
#include "sensors/environment_generator.h"
#include "sensors/keywords_generator.h"
#include "sensors/source_params.h"
#include "sensors/tones_generator.h"
#include "sensors/vibration_generator.h"
#include "sensors/wav_source.h"
#include "sensors/wrist_generator.h"

namespace tinysim {
namespace {

using MakeSource = Result<std::shared_ptr<const SensorSource>> (*)(const YamlFields&, const SourceContext&);

struct Generator {
  const char* name;
  MakeSource make;
};

const std::vector<Generator>& generators() {
  static const std::vector<Generator> table{
      {"tones", make_tones_source},
      {"wrist", make_wrist_source},
      {"keywords", make_keywords_source},
      {"vibration", make_vibration_source},
      {"environment", make_environment_source},
  };
  return table;
}

Result<std::vector<std::string>> text_list(const YamlFields& fields, std::string_view key) {
  std::vector<std::string> list;
  const YAML::Node node = fields.node()[std::string(key)];
  if (!node.IsDefined()) return list;
  if (!node.IsSequence()) return fields.error(key, "expected a list of column names");
  for (const auto& item : node) {
    if (!item.IsScalar()) return fields.error(key, "expected a list of column names");
    list.push_back(item.as<std::string>());
  }
  return list;
}

/// {csv: file.csv, time_column:, label_column:, columns:, scale:}
Result<std::shared_ptr<const SensorSource>> make_csv_source(const YamlFields& fields, const SourceContext& context) {
  if (auto bad = fields.only({"csv", "time_column", "label_column", "columns", "scale"})) return *bad;
  CsvSensorOptions options;
  auto file = fields.text("csv");
  if (!file) return file.error();
  if (fields.has("time_column")) {
    auto t = fields.text("time_column");
    if (!t) return t.error();
    options.time_column = *t;
  }
  if (fields.has("label_column")) {
    auto l = fields.text("label_column");
    if (!l) return l.error();
    options.label_column = *l;
  }
  auto columns = text_list(fields, "columns");
  if (!columns) return columns.error();
  options.channel_columns = *columns;
  auto scale = optional_number(fields, "scale", 1.0, {1e-9, 1e9, "counts per unit"});
  if (!scale) return scale.error();
  options.scale = *scale;

  const std::string path = resolve_path(*file, context);
  auto csv = CsvSensorSource::load(path, options);
  if (!csv) {
    if (csv.error().line == 0 && csv.error().field.empty()) {
      return fields.error("csv", "cannot read '" + path + "': " + csv.error().message);
    }
    return csv.error();
  }
  if (auto bad = expect_channels(fields, context, csv->channels(), "the columns of " + path)) return *bad;
  const SampleRate rate = csv->rate();
  if (rate.hz_num * context.rate.hz_den != context.rate.hz_num * rate.hz_den) {
    return fields.error("csv", "'" + path + "' is recorded at " + describe_rate(rate) + ", the sensor runs at " +
                                   describe_rate(context.rate));
  }
  return std::shared_ptr<const SensorSource>(std::make_shared<CsvSensorSource>(std::move(*csv)));
}

}  // namespace

std::vector<std::string> generator_names() {
  std::vector<std::string> names;
  for (const Generator& g : generators()) names.push_back(g.name);
  return names;
}

Result<std::shared_ptr<const SensorSource>> make_sensor_source(const YamlFields& source,
                                                               const SourceContext& context) {
  if (!source.node().IsMap()) return source.error("", "expected a map: {generator: ...}, {csv: ...} or {wav: ...}");
  if (!context.rate.valid()) return source.error("", "the sensor has no frame rate");
  if (source.has("csv")) return make_csv_source(source, context);
  if (source.has("wav")) return make_wav_source(source, context);
  if (!source.has("generator")) {
    return source.error("", "expected a generator:, csv: or wav: key saying where the frames come from");
  }
  auto name = source.text("generator");
  if (!name) return name.error();
  for (const Generator& g : generators()) {
    if (*name == g.name) return g.make(source, context);
  }
  std::string known;
  for (const std::string& n : generator_names()) known += (known.empty() ? "" : ", ") + n;
  return source.error("generator", "unknown generator '" + *name + "'; known: " + known);
}

}  // namespace tinysim
