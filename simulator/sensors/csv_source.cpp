#include "sensors/csv_source.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

namespace tinysim {
namespace {

using i128 = __int128;
constexpr uint64_t kNanosPerSecond = 1000000000ull;

/// One cell of a row: its text (trimmed) and the 1-based character column it starts at.
struct Cell {
  std::string text;
  int column = 1;
};

std::vector<Cell> split_row(const std::string& line) {
  std::vector<Cell> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    const size_t end = comma == std::string::npos ? line.size() : comma;
    size_t first = start;
    size_t last = end;
    while (first < last && (line[first] == ' ' || line[first] == '\t')) ++first;
    while (last > first && (line[last - 1] == ' ' || line[last - 1] == '\t')) --last;
    cells.push_back({line.substr(first, last - first), static_cast<int>(first) + 1});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cells;
}

/// Non-negative decimal seconds ("0.0125") to exact nanoseconds.
std::optional<uint64_t> parse_seconds(const std::string& text) {
  uint64_t whole = 0;
  uint64_t frac = 0;
  int frac_digits = 0;
  bool seen_digit = false;
  bool seen_point = false;
  for (char ch : text) {
    if (ch == '.' && !seen_point) {
      seen_point = true;
    } else if (ch >= '0' && ch <= '9') {
      seen_digit = true;
      const uint64_t d = static_cast<uint64_t>(ch - '0');
      if (!seen_point) {
        if (whole > 1000000000ull) return std::nullopt;  // > 31 years: not a recording
        whole = whole * 10 + d;
      } else if (frac_digits < 9) {
        frac = frac * 10 + d;
        ++frac_digits;
      } else if (d != 0) {
        return std::nullopt;  // finer than a nanosecond
      }
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  for (int i = frac_digits; i < 9; ++i) frac *= 10;
  return whole * kNanosPerSecond + frac;
}

std::optional<double> parse_number(const std::string& text) {
  double value = 0.0;
  const char* first = text.data();
  const char* last = first + text.size();
  if (first != last && *first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || ptr != last || first == last || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string format_seconds(uint64_t nanos) {
  std::string frac = std::to_string(nanos % kNanosPerSecond);
  frac.insert(0, 9 - frac.size(), '0');
  while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
  return std::to_string(nanos / kNanosPerSecond) + "." + frac + " s";
}

struct Where {
  const std::string& file;
  Error at(int line, int column, const std::string& field, const std::string& message) const {
    Error e;
    e.file = file;
    e.line = line;
    e.column = column;
    e.field = field;
    e.message = message;
    return e;
  }
};

}  // namespace

Result<CsvSensorSource> CsvSensorSource::load(const std::string& path, const CsvSensorOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error e;
    e.file = path;
    e.message = "cannot open the sensor recording";
    return e;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, options);
}

Result<CsvSensorSource> CsvSensorSource::parse(const std::string& text, const std::string& file,
                                               const CsvSensorOptions& options) {
  const Where where{file};
  if (options.rate && !options.rate->valid()) {
    return where.at(0, 0, "rate", "the frame rate must be a positive fraction of Hz");
  }
  if (!(options.scale > 0.0) || !std::isfinite(options.scale)) {
    return where.at(0, 0, "scale", "the scale must be a positive number");
  }

  std::istringstream lines(text);
  std::string line;
  int line_no = 0;
  int header_line = 0;
  std::vector<Cell> header;
  CsvSensorSource source;
  int time_col = -1;
  int label_col = -1;
  std::vector<int> channel_cols;
  std::vector<uint64_t> times;

  while (std::getline(lines, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    const size_t content = line.find_first_not_of(" \t");
    if (content == std::string::npos || line[content] == '#') continue;
    std::vector<Cell> cells = split_row(line);

    if (header.empty()) {
      header = cells;
      header_line = line_no;
      auto find = [&](const std::string& name) {
        int found = -1;
        for (size_t i = 0; i < header.size(); ++i) {
          if (header[i].text == name) found = static_cast<int>(i);
        }
        return found;
      };
      auto missing = [&](const std::string& name, const std::string& role) {
        std::string names;
        for (const Cell& c : header) names += (names.empty() ? "" : ", ") + c.text;
        return where.at(line_no, 1, role, "no column named '" + name + "' in the header (" + names + ")");
      };
      time_col = find(options.time_column);
      if (time_col < 0) return missing(options.time_column, "time_column");
      if (!options.label_column.empty()) {
        label_col = find(options.label_column);
        if (label_col < 0) return missing(options.label_column, "label_column");
      }
      if (options.channel_columns.empty()) {
        for (size_t i = 0; i < header.size(); ++i) {
          if (static_cast<int>(i) != time_col && static_cast<int>(i) != label_col) {
            channel_cols.push_back(static_cast<int>(i));
          }
        }
      } else {
        for (const std::string& name : options.channel_columns) {
          const int col = find(name);
          if (col < 0) return missing(name, "channel_columns");
          channel_cols.push_back(col);
        }
      }
      if (channel_cols.empty()) {
        return where.at(line_no, 1, "channel_columns", "the header names no channel column");
      }
      if (channel_cols.size() > 0xFFFFu) {
        return where.at(line_no, 1, "channel_columns", "too many channel columns");
      }
      for (int col : channel_cols) source.channel_names_.push_back(header[col].text);
      source.channels_ = static_cast<unsigned>(channel_cols.size());
      continue;
    }

    if (cells.size() != header.size()) {
      return where.at(line_no, 1, "", "row has " + std::to_string(cells.size()) + " cells, the header (line " +
                                          std::to_string(header_line) + ") has " +
                                          std::to_string(header.size()));
    }
    const Cell& time_cell = cells[time_col];
    const auto t = parse_seconds(time_cell.text);
    if (!t) {
      return where.at(line_no, time_cell.column, options.time_column,
                      "'" + time_cell.text + "' is not a time in seconds (e.g. 0.0125)");
    }
    if (!times.empty() && *t <= times.back()) {
      return where.at(line_no, time_cell.column, options.time_column,
                      "time " + format_seconds(*t) + " does not increase (previous row: " +
                          format_seconds(times.back()) + ")");
    }
    times.push_back(*t);
    for (int col : channel_cols) {
      const Cell& cell = cells[col];
      const auto v = parse_number(cell.text);
      if (!v) return where.at(line_no, cell.column, header[col].text, "'" + cell.text + "' is not a number");
      const double scaled = std::round(*v * options.scale);
      if (scaled < -32768.0 || scaled > 32767.0) {
        std::ostringstream msg;
        msg << "value " << cell.text << " scaled by " << options.scale
            << " does not fit a 16-bit sample (-32768..32767)";
        return where.at(line_no, cell.column, header[col].text, msg.str());
      }
      source.values_.push_back(static_cast<int16_t>(scaled));
    }
    int label = kNoLabel;
    if (label_col >= 0 && !cells[label_col].text.empty()) {
      const std::string& name = cells[label_col].text;
      auto it = std::find(source.label_names_.begin(), source.label_names_.end(), name);
      if (it == source.label_names_.end()) it = source.label_names_.insert(source.label_names_.end(), name);
      label = static_cast<int>(it - source.label_names_.begin());
    }
    source.labels_.push_back(label);

    // Check the row sits on the frame grid, once the grid is known.
    if (!options.rate && times.size() == 2) {
      const uint64_t period = times[1] - times[0];
      const uint64_t g = std::gcd(kNanosPerSecond, period);
      source.rate_ = SampleRate{kNanosPerSecond / g, period / g};
    } else if (options.rate && times.size() == 1) {
      source.rate_ = *options.rate;
    }
    if (source.rate_.valid()) {
      const uint64_t i = times.size() - 1;
      // |(t_i - t_0) - i / rate| <= period / 2, all in exact integers (nanoseconds * num).
      const i128 num = source.rate_.hz_num;
      const i128 den = source.rate_.hz_den;
      const i128 offset = (i128(times.back()) - i128(times.front())) * num - i128(i) * kNanosPerSecond * den;
      const i128 distance = offset < 0 ? -offset : offset;
      if (distance * 2 > i128(kNanosPerSecond) * den) {
        const uint64_t expected =
            times.front() + static_cast<uint64_t>(i128(i) * kNanosPerSecond * den / num);
        std::ostringstream msg;
        msg << "frame " << i << " at " << format_seconds(times.back()) << " is off the "
            << source.rate_.millihertz() / 1000.0 << " Hz grid (expected " << format_seconds(expected)
            << ")";
        return where.at(line_no, time_cell.column, options.time_column, msg.str());
      }
    }
  }

  if (header.empty()) {
    return where.at(0, 0, "", "the file is empty: expected a header row naming the columns");
  }
  if (times.empty()) return where.at(header_line, 0, "", "the file has a header but no data rows");
  if (!source.rate_.valid()) {
    return where.at(header_line, 0, "rate",
                    "one data row gives no frame rate: add rows or give the rate explicitly");
  }
  return source;
}

void CsvSensorSource::read_frame(uint64_t index, int16_t* out) const {
  std::copy_n(values_.begin() + static_cast<std::ptrdiff_t>(index * channels_), channels_, out);
}

}  // namespace tinysim
