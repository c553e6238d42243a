#pragma once
// Performance: cycles per layer (bars, with MACs and cycles/MAC in the tooltip and the
// table), latency of each seeded inference, and the duty cycle at the chosen rate.
#include <QWidget>

#include "adapter/model_run.h"

class QBarSet;
class QChartView;
class QLabel;
class QTableWidget;

namespace tinysim::gui {

class PerformanceView : public QWidget {
  Q_OBJECT
 public:
  explicit PerformanceView(QWidget* parent = nullptr);
  void showRun(const ModelRun& run);

  /// Bars in units of cycleUnit() cycles (1, 1e3 or 1e6, whichever reads best).
  QBarSet* layerCycles() const { return layer_cycles_; }
  double cycleUnit() const { return cycle_unit_; }
  QBarSet* inferenceLatency() const { return latency_; }
  QTableWidget* layerTable() const { return table_; }
  QChartView* layerChart() const { return layer_view_; }

 private:
  void showLayers(const BenchResult& bench);
  void showLatency(const BenchResult& bench);

  QChartView* layer_view_;
  QChartView* latency_view_;
  QTableWidget* table_;
  QLabel* figures_;
  QBarSet* layer_cycles_ = nullptr;
  QBarSet* latency_ = nullptr;
  double cycle_unit_ = 1;
};

}  // namespace tinysim::gui
