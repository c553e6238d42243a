#include "sensors/wav_source.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "sensors/source_params.h"
#include "sensors/wav_file.h"

namespace tinysim {
namespace {

std::optional<double> parse_seconds(const std::string& cell) {
  double value = 0.0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
  if (ec != std::errc() || ptr != end || cell.empty() || !std::isfinite(value) || value < 0.0) return std::nullopt;
  return value;
}

std::string trimmed(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

Status apply_label_rows(const std::string& text, const std::string& file, GeneratedSource& source) {
  auto at = [&](int line, int column, const std::string& message) {
    Error e = make_error(message, file);
    e.line = line;
    e.column = column;
    return e;
  };
  std::istringstream lines(text);
  std::string line;
  int line_no = 0;
  double previous_end = 0.0;
  bool first_row = true;
  const uint64_t frames = source.frame_count().value_or(0);
  while (std::getline(lines, line)) {
    ++line_no;
    const std::string content = trimmed(line);
    if (content.empty() || content[0] == '#') continue;
    std::vector<std::string> cells;
    std::vector<int> columns;
    size_t start = 0;
    while (true) {
      const size_t comma = line.find(',', start);
      const std::string raw = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      columns.push_back(static_cast<int>(start + raw.find_first_not_of(" \t")) + 1);
      cells.push_back(trimmed(raw));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (first_row && cells.size() == 3 && cells[0] == "start" && cells[1] == "end" && cells[2] == "label") {
      first_row = false;
      continue;
    }
    first_row = false;
    if (cells.size() != 3) {
      return at(line_no, 1, "expected 3 cells (start,end,label in seconds), found " + std::to_string(cells.size()));
    }
    const auto begin = parse_seconds(cells[0]);
    if (!begin) return at(line_no, columns[0], "start: '" + cells[0] + "' is not a time in seconds");
    const auto end = parse_seconds(cells[1]);
    if (!end) return at(line_no, columns[1], "end: '" + cells[1] + "' is not a time in seconds");
    if (*end <= *begin) return at(line_no, columns[1], "end: must be after start (" + cells[0] + ")");
    if (*begin < previous_end) {
      return at(line_no, columns[0], "start: rows must be in time order without overlap (the previous row ends at " +
                                         std::to_string(previous_end) + " s)");
    }
    if (cells[2].empty()) return at(line_no, columns[2], "label: empty");
    previous_end = *end;
    // Frames whose time t satisfies start <= t < end: ceil(start * rate) .. ceil(end * rate).
    const double hz = static_cast<double>(source.rate().hz_num) / static_cast<double>(source.rate().hz_den);
    const uint64_t first = static_cast<uint64_t>(std::ceil(*begin * hz - 1e-9));
    const uint64_t last = static_cast<uint64_t>(std::ceil(*end * hz - 1e-9));
    if (first >= frames || first == last) continue;
    source.set_label_from(first, source.label_index(cells[2]));
    if (last < frames) source.set_label_from(last, kNoLabel);
  }
  return std::nullopt;
}

Result<std::shared_ptr<const SensorSource>> make_wav_source(const YamlFields& fields, const SourceContext& context) {
  if (auto bad = fields.only({"wav", "labels"})) return *bad;
  auto file = fields.text("wav");
  if (!file) return file.error();
  const std::string path = resolve_path(*file, context);
  auto audio = read_wav(path);
  if (!audio) return audio.error();
  if (auto bad = expect_channels(fields, context, audio->channels, "the channels of " + path)) {
    return *bad;
  }
  const SampleRate rate{audio->sample_rate, 1};
  if (rate.hz_num * context.rate.hz_den != context.rate.hz_num) {
    return fields.error("wav", "'" + path + "' is recorded at " + describe_rate(rate) + ", the sensor runs at " +
                                   describe_rate(context.rate));
  }
  if (audio->frames() == 0) return fields.error("wav", "'" + path + "' holds no samples");
  auto source = std::make_shared<GeneratedSource>(rate, audio->channels, std::vector<std::string>{});
  source->samples() = std::move(audio->samples);
  if (fields.has("labels")) {
    auto labels = fields.text("labels");
    if (!labels) return labels.error();
    const std::string labels_path = resolve_path(*labels, context);
    std::ifstream in(labels_path, std::ios::binary);
    if (!in) return fields.error("labels", "cannot open '" + labels_path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (auto bad = apply_label_rows(text.str(), labels_path, *source)) return *bad;
  }
  return std::shared_ptr<const SensorSource>(source);
}

}  // namespace tinysim
