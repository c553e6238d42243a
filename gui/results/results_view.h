#pragma once
// Results of a scenario run: accuracy, the confusion matrix, precision and recall per
// class, events (detected, missed, false activations) and each expectation with its
// measured value and pass/fail.
#include <QWidget>

#include "adapter/scenario_job.h"

class QLabel;
class QTableWidget;

namespace tinysim::gui {

class ResultsView : public QWidget {
  Q_OBJECT
 public:
  explicit ResultsView(QWidget* parent = nullptr);
  void showRun(const ScenarioRun& run);

  QTableWidget* confusion() const { return confusion_; }
  QTableWidget* perClass() const { return per_class_; }
  QTableWidget* expectations() const { return expectations_; }
  QString headline() const;

 private:
  QLabel* headline_;
  QTableWidget* confusion_;
  QTableWidget* per_class_;
  QTableWidget* expectations_;
};

}  // namespace tinysim::gui
