#pragma once
// Energy and battery: current over time by power state (two periods of "sleep, wake,
// infer"), the energy breakdown by component, the battery's state of charge over
// days with the estimated life marked, and every assumption the figures rest on.
#include <QWidget>

#include "adapter/model_run.h"

class QBarSet;
class QLabel;
class QChartView;
class QLineSeries;
class QListWidget;

namespace tinysim::gui {

class EnergyView : public QWidget {
  Q_OBJECT
 public:
  explicit EnergyView(QWidget* parent = nullptr);
  void showRun(const ModelRun& run);

  /// Energy by component in J x breakdownScale() (1e6: µJ, 1e3: mJ).
  /// The line above the charts: the regulator mode the figures are for, the run current
  /// and the energy per inference.
  QLabel* summary() const { return summary_; }
  QBarSet* breakdown() const { return breakdown_; }
  double breakdownScale() const { return breakdown_scale_; }
  QLineSeries* stateOfCharge() const { return soc_; }
  QListWidget* assumptions() const { return assumptions_; }
  QChartView* socChart() const { return soc_view_; }
  QChartView* currentChart() const { return current_view_; }
  /// Power-state stretches drawn in the current chart.
  int currentSegments() const { return segments_; }

 private:
  // `so_far`: a live run's figures (the current chart follows its latest state changes).
  void showSummary(const ModelRun& run);
  void showCurrent(const PeriodEnergy& e, bool so_far);
  void showBreakdown(const PeriodEnergy& e, bool so_far);
  void showBattery(const PeriodEnergy& e, bool so_far);

  QLabel* summary_;
  QChartView* current_view_;
  QChartView* breakdown_view_;
  QChartView* soc_view_;
  QListWidget* assumptions_;
  QBarSet* breakdown_ = nullptr;
  double breakdown_scale_ = 1e6;
  QLineSeries* soc_ = nullptr;
  int segments_ = 0;
};

}  // namespace tinysim::gui
