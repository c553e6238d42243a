#pragma once
// Memory: flash and RAM budget bars (firmware code, model, data + bss, sensor window,
// tensor arena, stack, free) against the chip's capacity; the arena plan from the
// firmware's own planner as op index x arena offset rectangles; the stack high-water.
#include <QMap>
#include <QWidget>

#include "adapter/model_run.h"

class QBarSet;
class QChartView;
class QLabel;

namespace tinysim::gui {

class MemoryView : public QWidget {
  Q_OBJECT
 public:
  explicit MemoryView(QWidget* parent = nullptr);
  void showRun(const ModelRun& run);

  /// Bytes of `part` in the flash or RAM bar (what a test compares with the report).
  double flashBytes(const QString& part) const { return flash_.value(part, -1); }
  double ramBytes(const QString& part) const { return ram_.value(part, -1); }
  /// Rectangles drawn in the arena plan: one per tensor lifetime.
  int arenaRectangles() const { return arena_rectangles_; }
  /// The stack high-water mark shown (bytes; a live run's so far).
  uint32_t stackHighWater() const { return stack_high_water_; }
  QChartView* flashChart() const { return flash_view_; }
  QChartView* ramChart() const { return ram_view_; }
  QChartView* arenaChart() const { return arena_view_; }

 private:
  void showBudget(QChartView* view, const QString& title, const QList<QPair<QString, uint64_t>>& parts,
                  uint64_t capacity, QMap<QString, double>& into);
  void showArena(const ModelRun& run);

  QChartView* flash_view_;
  QChartView* ram_view_;
  QChartView* arena_view_;
  QLabel* figures_;
  QMap<QString, double> flash_, ram_;
  int arena_rectangles_ = 0;
  uint32_t stack_high_water_ = 0;
};

}  // namespace tinysim::gui
