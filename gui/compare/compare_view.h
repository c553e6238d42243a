#pragma once
// Compare: one model (or one scenario) on several devices, or on one device at several
// clocks — a table (fits, flash, RAM, latency, energy per inference, battery life) and
// bar charts side by side, filled in row by row as each run finishes. "Which chip
// should I buy, and how fast should it run?"
#include <QWidget>
#include <vector>

#include "adapter/model_run.h"

class QBarSet;
class QChartView;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace tinysim::gui {

class CompareView : public QWidget {
  Q_OBJECT
 public:
  explicit CompareView(QWidget* parent = nullptr);
  /// The catalog's devices, checked ones are compared.
  void setDevices(const std::vector<Device>& devices);
  std::vector<std::string> checkedDevices() const;
  void setChecked(const std::vector<std::string>& names);
  /// Across devices (each at its default clock): the checked ones.
  void setDeviceCompare();
  /// Across clocks of one device: `clocks` in MHz, e.g. "16, 32, 64".
  void setClockCompare(const std::string& device, const QString& clocks);
  bool clockCompare() const;
  /// What to run, one target per row, each in its device's default regulator mode; empty
  /// with `error` set when the clocks are not numbers.
  std::vector<CompareTarget> targets(QString& error) const;
  /// A row's name in the charts: the device, or "device @ N MHz" across clocks.
  QString rowName(const ModelRun& run) const;

  void clear();
  void addRun(const ModelRun& run);
  void setBusy(bool busy);

  QTableWidget* table() const { return table_; }
  /// One bar set per figure ("latency (ms)", "energy per inference (µJ)", "battery life (days)", "RAM used (%)");
  /// its bars run bottom-up, so the table's first row is the top bar: figureAt() counts by row.
  QBarSet* figure(int index) const { return sets_[static_cast<size_t>(index)]; }
  /// Figure `index` of the table's `row`, as its bar shows it.
  double figureAt(int index, int row) const;
  QChartView* chart(int index) const { return charts_[static_cast<size_t>(index)]; }
  static constexpr int kFigures = 4;

 signals:
  void compareRequested();
  void stopRequested();

 private:
  void rebuildCharts();
  /// The clocks to suggest for the chosen device: a quarter, half and all of its default.
  void suggestClocks();
  /// The device file's default regulator mode ("" when it names none).
  std::string defaultRegulator(const std::string& device) const;

  QComboBox* mode_;
  QWidget* by_device_;
  QWidget* by_clock_;
  QComboBox* clock_device_;
  QLineEdit* clocks_;
  std::vector<Device> catalog_;
  bool rows_by_clock_ = false;  ///< the rows shown were a clock comparison
  QListWidget* devices_;
  QPushButton* start_;
  QPushButton* stop_;
  QTableWidget* table_;
  std::vector<QChartView*> charts_;
  std::vector<QBarSet*> sets_;
  std::vector<ModelRun> runs_;
};

}  // namespace tinysim::gui
