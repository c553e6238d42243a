#pragma once
// The side panel: what to run (model, device, clock, battery, runs, seed, inference
// rate) and the run controls. It only edits a RunRequest; the adapter runs it.
#include <QWidget>
#include <vector>

#include <optional>

#include "adapter/model_run.h"
#include "energy/battery.h"
#include "scenario/overrides.h"
#include "scenario/scenario.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QRadioButton;
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

  /// Built-in scenarios (scenarios/*.yaml) offered in the scenario list.
  void setBuiltInScenarios(const QStringList& paths);
  /// Every scenario the list offers (built-in and recent), as paths.
  QStringList scenarioChoices() const;
  /// Shows a loaded scenario's knobs and switches to scenario mode.
  void setScenario(const QString& path, const Scenario& scenario);
  bool scenarioMode() const;
  QString scenarioPath() const;
  /// What the user changed against the loaded scenario, as CLI-style overrides.
  ScenarioOverrides overrides() const;
  /// The scenario's duration with the panel's value, s.
  double durationSeconds() const;

  void setBusy(bool busy);
  void setProgress(const QString& text, int done, int total);
  void setStatus(const QString& text);

  QPushButton* runButton() const { return run_; }
  QPushButton* stepButton() const { return step_; }
  QPushButton* pauseButton() const { return pause_; }
  QSpinBox* windowBox() const { return window_; }
  QSpinBox* strideBox() const { return stride_; }
  QDoubleSpinBox* durationBox() const { return duration_; }
  QDoubleSpinBox* clockBox() const { return clock_mhz_; }
  /// The chosen device's regulator modes (its file's default first); disabled with one or none.
  QComboBox* regulatorBox() const { return regulator_; }

 signals:
  void browseRequested();
  void runRequested();
  void stepRequested();
  void resetRequested();
  void pauseToggled(bool paused);
  void browseScenarioRequested();
  void scenarioChosen(const QString& path);

 private:
  QComboBox* model_;
  QComboBox* device_;
  QDoubleSpinBox* clock_mhz_;
  QComboBox* regulator_;
  QComboBox* battery_;
  QSpinBox* runs_;
  QSpinBox* seed_;
  QDoubleSpinBox* rate_;
  QPushButton* run_;
  QPushButton* step_;
  QPushButton* reset_;
  QPushButton* pause_;
  QRadioButton* scenario_mode_;
  QRadioButton* model_mode_;
  QComboBox* scenario_;
  QDoubleSpinBox* duration_;
  QSpinBox* window_;
  QSpinBox* stride_;
  QGroupBox* scenario_box_;
  QGroupBox* model_box_;
  std::optional<Scenario> loaded_;
  QProgressBar* progress_;
  QLabel* status_;
  std::vector<Device> devices_;
  std::vector<std::vector<std::string>> regulators_;  ///< each device's modes (regulator_modes)
  void showRegulators(size_t device);
};

}  // namespace tinysim::gui
