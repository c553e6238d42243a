#pragma once
// The side panel: what to run (model, device, clock, battery, runs, seed, inference
// rate) and the run controls. It only edits a RunRequest; the adapter runs it.
#include <QWidget>
#include <vector>

#include "adapter/model_run.h"
#include "energy/battery.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace tinysim::gui {

class SetupPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SetupPanel(QWidget* parent = nullptr);

  void setDevices(const std::vector<Device>& devices);
  void setBatteries(const std::vector<Battery>& batteries);
  /// Built-in models (e.g. scenarios/models/*.tflite) offered in the model list.
  void setBuiltInModels(const QStringList& paths);
  void setModelPath(const QString& path);
  void setDevice(const QString& name);
  /// The request the panel's fields describe (devices_dir is the caller's).
  RunRequest request() const;

  void setBusy(bool busy);
  void setProgress(const QString& text, int done, int total);
  void setStatus(const QString& text);

  QPushButton* runButton() const { return run_; }
  QPushButton* stepButton() const { return step_; }

 signals:
  void browseRequested();
  void runRequested();
  void stepRequested();
  void resetRequested();

 private:
  QComboBox* model_;
  QComboBox* device_;
  QDoubleSpinBox* clock_mhz_;
  QComboBox* battery_;
  QSpinBox* runs_;
  QSpinBox* seed_;
  QDoubleSpinBox* rate_;
  QPushButton* run_;
  QPushButton* step_;
  QPushButton* reset_;
  QProgressBar* progress_;
  QLabel* status_;
  std::vector<Device> devices_;
};

}  // namespace tinysim::gui
