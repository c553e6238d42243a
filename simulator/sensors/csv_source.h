#pragma once
// A recorded sensor stream from a CSV file: a header row naming the columns, then one
// row per frame with a time column (seconds), channel columns and an optional label
// column. Cells are separated by commas and trimmed; quoting is not supported; blank
// lines and lines starting with '#' are skipped. The whole file is read and checked up
// front, so a bad row is reported with file:line:column before the run starts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "sensors/sensor_source.h"

namespace tinysim {

struct CsvSensorOptions {
  std::string time_column = "time";          ///< seconds, non-negative decimal
  std::vector<std::string> channel_columns;  ///< empty: every column but time and label
  std::string label_column;                  ///< empty: no labels
  /// The recording's frame rate; nullopt: taken from the first two time values.
  /// Every row's time must lie within half a period of its slot on that grid.
  std::optional<SampleRate> rate;
  double scale = 1.0;  ///< sensor counts per CSV unit; scaled values must fit int16
};

class CsvSensorSource : public SensorSource {
 public:
  static Result<CsvSensorSource> load(const std::string& path, const CsvSensorOptions& options);
  /// Parses CSV text; `file` names it in errors.
  static Result<CsvSensorSource> parse(const std::string& text, const std::string& file,
                                       const CsvSensorOptions& options);

  unsigned channels() const override { return channels_; }
  SampleRate rate() const override { return rate_; }
  std::optional<uint64_t> frame_count() const override { return labels_.size(); }
  void read_frame(uint64_t index, int16_t* out) const override;
  int label(uint64_t index) const override { return labels_[index]; }
  std::vector<std::string> label_names() const override { return label_names_; }
  /// The CSV column name of each channel, in channel order.
  std::vector<std::string> channel_names() const override { return channel_names_; }

 private:
  CsvSensorSource() = default;

  unsigned channels_ = 0;
  SampleRate rate_;
  std::vector<int16_t> values_;  ///< frame-major
  std::vector<int> labels_;      ///< one per frame
  std::vector<std::string> label_names_;
  std::vector<std::string> channel_names_;
};

}  // namespace tinysim
