#pragma once
// Compare: one model (or one scenario) on several devices — a table (fits, flash, RAM, latency, energy
// per inference, battery life) and bar charts side by side, filled in row by row as
// each device's run finishes. "Which chip should I buy?"
#include <QWidget>
#include <vector>

#include "adapter/model_run.h"

class QBarSet;
class QChartView;
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

  void clear();
  void addRun(const ModelRun& run);
  void setBusy(bool busy);

  QTableWidget* table() const { return table_; }
  /// One bar set per figure ("latency (ms)", "energy per inference (µJ)", "battery life (days)", "RAM used (%)").
  QBarSet* figure(int index) const { return sets_[static_cast<size_t>(index)]; }
  QChartView* chart(int index) const { return charts_[static_cast<size_t>(index)]; }
  static constexpr int kFigures = 4;

 signals:
  void compareRequested();
  void stopRequested();

 private:
  void rebuildCharts();

  QListWidget* devices_;
  QPushButton* start_;
  QPushButton* stop_;
  QTableWidget* table_;
  std::vector<QChartView*> charts_;
  std::vector<QBarSet*> sets_;
  std::vector<ModelRun> runs_;
};

}  // namespace tinysim::gui
