#include "setup/setup_panel.h"

#include "adapter/scenario_job.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QRadioButton>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <cmath>
#include <QToolButton>
#include <QVBoxLayout>

namespace tinysim::gui {

SetupPanel::SetupPanel(QWidget* parent)
    : QWidget(parent),
      model_(new QComboBox),
      device_(new QComboBox),
      clock_mhz_(new QDoubleSpinBox),
      regulator_(new QComboBox),
      battery_(new QComboBox),
      runs_(new QSpinBox),
      seed_(new QSpinBox),
      rate_(new QDoubleSpinBox),
      run_(new QPushButton(tr("Run"))),
      step_(new QPushButton(tr("Step 1"))),
      reset_(new QPushButton(tr("Reset"))),
      pause_(new QPushButton(tr("Pause"))),
      scenario_mode_(new QRadioButton(tr("Scenario"))),
      model_mode_(new QRadioButton(tr("Model + device"))),
      scenario_(new QComboBox),
      duration_(new QDoubleSpinBox),
      window_(new QSpinBox),
      stride_(new QSpinBox),
      scenario_box_(new QGroupBox(tr("Scenario"))),
      model_box_(new QGroupBox(tr("Bench"))),
      progress_(new QProgressBar),
      status_(new QLabel(tr("Pick a model and a device, then Run."))) {
  model_->setEditable(true);
  model_->setInsertPolicy(QComboBox::NoInsert);
  model_->setToolTip(tr("A .tflite model: a built-in one, a recent one, or type a path"));
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setMinimumContentsLength(12);
  auto* browse = new QToolButton;
  browse->setText("…");
  browse->setToolTip(tr("Open a .tflite model"));
  connect(browse, &QToolButton::clicked, this, &SetupPanel::browseRequested);
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(model_, 1);
  modelRow->addWidget(browse);

  clock_mhz_->setRange(1, 1000);
  clock_mhz_->setDecimals(1);
  clock_mhz_->setSuffix(" MHz");
  clock_mhz_->setToolTip(tr("Core clock; the device's default when you pick a device"));
  connect(device_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    if (i >= 0 && i < int(devices_.size())) {
      clock_mhz_->setValue(devices_[static_cast<size_t>(i)].clock_hz / 1e6);
      device_->setToolTip(QString::fromStdString(devices_[static_cast<size_t>(i)].description));
      showRegulators(static_cast<size_t>(i));
    }
  });
  runs_->setRange(1, 100);
  runs_->setValue(5);
  runs_->setToolTip(tr("Seeded random inputs run one after another on the device"));
  seed_->setRange(0, 1 << 30);
  seed_->setValue(1);
  rate_->setRange(0.001, 1000);
  rate_->setDecimals(3);
  rate_->setValue(1);
  rate_->setSuffix(" /s");
  rate_->setToolTip(tr("How often the product runs the model: sets the duty cycle and battery life"));

  // Scenario: pick a file; its knobs below become editable overrides.
  scenario_->setToolTip(tr("A scenario file: a built-in one from scenarios/, a recent one, or File ▸ Open scenario"));
  scenario_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  scenario_->setMinimumContentsLength(12);
  connect(scenario_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
    if (i >= 0) emit scenarioChosen(scenario_->itemData(i).toString());
  });
  auto* browseScenario = new QToolButton;
  browseScenario->setText("…");
  browseScenario->setToolTip(tr("Open a scenario file"));
  connect(browseScenario, &QToolButton::clicked, this, &SetupPanel::browseScenarioRequested);
  auto* scenarioRow = new QHBoxLayout;
  scenarioRow->addWidget(scenario_, 1);
  scenarioRow->addWidget(browseScenario);
  // 0 shows as "—": no scenario loaded yet.
  for (QSpinBox* box : {window_, stride_}) box->setSpecialValueText("—");
  duration_->setSpecialValueText("—");
  duration_->setRange(0, 1e7);
  duration_->setDecimals(1);
  duration_->setSuffix(" s");
  duration_->setToolTip(tr("Simulated stream time"));
  window_->setRange(0, 1 << 20);
  window_->setSuffix(tr(" frames"));
  window_->setToolTip(tr("Frames per inference window (inference.window)"));
  stride_->setRange(0, 1 << 20);
  stride_->setSuffix(tr(" frames"));
  stride_->setToolTip(tr("Frames between windows (inference.stride)"));
  auto* scenarioForm = new QFormLayout(scenario_box_);
  scenarioForm->addRow(tr("File"), scenarioRow);
  scenarioForm->addRow(tr("Duration"), duration_);
  scenarioForm->addRow(tr("Window"), window_);
  scenarioForm->addRow(tr("Stride"), stride_);
  auto* modes = new QButtonGroup(this);
  modes->addButton(scenario_mode_);
  modes->addButton(model_mode_);
  model_mode_->setChecked(true);
  auto apply_mode = [this] {
    const bool scenario = scenario_mode_->isChecked();
    scenario_box_->setEnabled(scenario);
    model_box_->setEnabled(!scenario);
    model_->setEnabled(!scenario);
    step_->setToolTip(scenario ? tr("Run the scenario until one more inference result, then pause")
                               : tr("Run one inference"));
  };
  connect(scenario_mode_, &QRadioButton::toggled, this, apply_mode);
  auto* modeRow = new QHBoxLayout;
  modeRow->addWidget(scenario_mode_);
  modeRow->addWidget(model_mode_);

  auto* what = new QGroupBox(tr("Model and device"));
  auto* form = new QFormLayout(what);
  form->addRow(tr("Model"), modelRow);
  form->addRow(tr("Device"), device_);
  form->addRow(tr("Clock"), clock_mhz_);
  form->addRow(tr("Regulator"), regulator_);
  form->addRow(tr("Battery"), battery_);
  form->addRow(tr("Seed"), seed_);
  auto* form2 = new QFormLayout(model_box_);
  form2->addRow(tr("Inferences"), runs_);
  form2->addRow(tr("Inference rate"), rate_);

  run_->setToolTip(tr("Run all inferences on the emulated device (Ctrl+R)"));
  run_->setShortcut(QKeySequence("Ctrl+R"));
  run_->setStyleSheet("QPushButton { font-weight: bold; }");
  step_->setToolTip(tr("Run one inference"));
  reset_->setToolTip(tr("Clear every view"));
  pause_->setCheckable(true);
  pause_->setEnabled(false);
  pause_->setToolTip(tr("Hold a running scenario where it is; press again to go on"));
  connect(pause_, &QPushButton::toggled, this, [this](bool on) {
    pause_->setText(on ? tr("Resume") : tr("Pause"));
    emit pauseToggled(on);
  });
  connect(run_, &QPushButton::clicked, this, &SetupPanel::runRequested);
  connect(step_, &QPushButton::clicked, this, &SetupPanel::stepRequested);
  connect(reset_, &QPushButton::clicked, this, &SetupPanel::resetRequested);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_, 2);
  buttons->addWidget(step_, 1);
  buttons->addWidget(pause_, 1);
  buttons->addWidget(reset_, 1);

  progress_->setRange(0, 1);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  progress_->setMaximumHeight(8);
  status_->setWordWrap(true);
  status_->setStyleSheet("color: #444;");
  status_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  // Room for three wrapped lines: a dock does not grow a word-wrapped label, it clips it.
  status_->setMinimumHeight(3 * status_->fontMetrics().lineSpacing() + 4);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(modeRow);
  layout->addWidget(scenario_box_);
  layout->addWidget(what);
  layout->addWidget(model_box_);
  layout->addLayout(buttons);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addStretch(1);
  apply_mode();
  setMinimumWidth(260);
  setMaximumWidth(320);
}

void SetupPanel::showRegulators(size_t device) {
  const std::vector<std::string>& modes = regulators_[device];
  regulator_->clear();
  for (const std::string& mode : modes) regulator_->addItem(QString::fromStdString(mode));
  regulator_->setEnabled(modes.size() > 1);
  const QString name = QString::fromStdString(devices_[device].name);
  regulator_->setToolTip(
      modes.size() > 1 ? tr("The regulator mode the energy figures are for (power: regulators in %1's device "
                            "file); the file's default is first")
                             .arg(name)
      : modes.empty() ? tr("%1's device file names no regulator modes: its figures are for one supply setup")
                            .arg(name)
                      : tr("%1's device file gives figures for one regulator mode only (%2)")
                            .arg(name, QString::fromStdString(modes[0])));
}

void SetupPanel::setDevices(const std::vector<Device>& devices) {
  devices_ = devices;
  regulators_.clear();
  for (const Device& d : devices) regulators_.push_back(regulator_modes(d));
  device_->clear();
  for (const Device& d : devices) device_->addItem(QString::fromStdString(d.name));
}

void SetupPanel::setBatteries(const std::vector<Battery>& batteries) {
  battery_->clear();
  for (const Battery& b : batteries) {
    battery_->addItem(QString::fromStdString(b.name));
    battery_->setItemData(battery_->count() - 1, QString::fromStdString(b.description), Qt::ToolTipRole);
  }
  const int coin = battery_->findText("cr2032");
  if (coin >= 0) battery_->setCurrentIndex(coin);
}

void SetupPanel::setBuiltInModels(const QStringList& paths) {
  for (const QString& path : paths)
    if (model_->findData(path) < 0) model_->addItem(QFileInfo(path).fileName(), path);
}

void SetupPanel::setModelPath(const QString& path) {
  int index = model_->findData(path);
  if (index < 0) {
    model_->insertItem(0, QFileInfo(path).fileName(), path);
    index = 0;
  }
  model_->setCurrentIndex(index);
  model_->setToolTip(path);
}

void SetupPanel::setDevice(const QString& name) {
  const int index = device_->findText(name);
  if (index >= 0) device_->setCurrentIndex(index);
}

RunRequest SetupPanel::request() const {
  RunRequest r;
  const int index = model_->currentIndex();
  const bool typed = index < 0 || model_->currentText() != model_->itemText(index);
  r.model_path = (typed ? model_->currentText() : model_->itemData(index).toString()).toStdString();
  r.device = device_->currentText().toStdString();
  r.clock_hz = static_cast<uint32_t>(clock_mhz_->value() * 1e6 + 0.5);
  r.regulator = regulator_->currentText().toStdString();
  r.battery = battery_->currentText().toStdString();
  r.runs = static_cast<uint32_t>(runs_->value());
  r.seed = static_cast<uint32_t>(seed_->value());
  r.inference_rate_hz = rate_->value();
  return r;
}

void SetupPanel::setBusy(bool busy) {
  pause_->setEnabled(busy && scenarioMode());
  if (!busy) pause_->setChecked(false);
  run_->setEnabled(!busy);
  step_->setEnabled(!busy);
  reset_->setEnabled(!busy);
  progress_->setRange(0, busy ? 0 : 1);  // 0..0: busy indicator while the core runs
}

void SetupPanel::setProgress(const QString& text, int done, int total) {
  if (total > 0) {
    progress_->setRange(0, total);
    progress_->setValue(done);
  }
  status_->setText(text);
}

void SetupPanel::setStatus(const QString& text) { status_->setText(text); }

void SetupPanel::setBuiltInScenarios(const QStringList& paths) {
  for (const QString& path : paths)
    if (scenario_->findData(path) < 0) scenario_->addItem(QFileInfo(path).fileName(), path);
}

QStringList SetupPanel::scenarioChoices() const {
  QStringList paths;
  for (int i = 0; i < scenario_->count(); ++i) paths << scenario_->itemData(i).toString();
  return paths;
}

void SetupPanel::setScenario(const QString& path, const Scenario& scenario) {
  int index = scenario_->findData(path);
  if (index < 0) {
    scenario_->insertItem(0, QFileInfo(path).fileName(), path);
    index = 0;
  }
  scenario_->setCurrentIndex(index);
  scenario_->setToolTip(path);
  loaded_ = scenario;
  setModelPath(QString::fromStdString(scenario.model));
  setDevice(QString::fromStdString(scenario.device));
  if (scenario.clock_hz) clock_mhz_->setValue(*scenario.clock_hz / 1e6);
  if (scenario.regulator) regulator_->setCurrentText(QString::fromStdString(*scenario.regulator));
  const int battery = battery_->findText(QString::fromStdString(scenario.battery));
  if (battery >= 0) battery_->setCurrentIndex(battery);
  seed_->setValue(static_cast<int>(scenario.seed));
  duration_->setValue(scenario.duration_seconds);
  window_->setValue(static_cast<int>(scenario.features.window_frames));
  stride_->setValue(static_cast<int>(scenario.features.stride_frames));
  scenario_mode_->setChecked(true);
}

bool SetupPanel::scenarioMode() const { return scenario_mode_->isChecked(); }
QString SetupPanel::scenarioPath() const { return scenario_->currentData().toString(); }
double SetupPanel::durationSeconds() const { return duration_->value(); }

ScenarioOverrides SetupPanel::overrides() const {
  ScenarioOverrides o;
  if (!loaded_) return o;
  const Scenario& s = *loaded_;
  const RunRequest r = request();
  if (r.device != s.device) o.device = r.device;
  const uint32_t clock = s.clock_hz.value_or(0);
  const auto index = static_cast<size_t>(device_->currentIndex());
  const uint32_t device_clock = index < devices_.size() ? devices_[index].clock_hz : 0;
  if (r.clock_hz != (clock ? clock : device_clock) || (clock && r.device != s.device))
    o.clock_mhz = QString::number(r.clock_hz / 1e6, 'g', 10).toStdString();  // MHz, as --clock-mhz takes it
  // As the clock: a mode other than the file's (or its device's default), or any mode once
  // the device changed under a file that names one.
  // (A mode the file names that its device lacks stays, for the core to report at its line.)
  const std::string file_mode = s.regulator.value_or(regulator_->count() ? regulator_->itemText(0).toStdString() : "");
  const bool offered = regulator_->findText(QString::fromStdString(file_mode)) >= 0;
  if (!r.regulator.empty() && ((offered && r.regulator != file_mode) || (s.regulator && r.device != s.device)))
    o.sets.push_back(kRegulatorSet + r.regulator);
  if (!r.battery.empty() && r.battery != s.battery) o.battery = r.battery;
  if (r.seed != s.seed) o.seed = std::to_string(r.seed);
  if (std::abs(duration_->value() - s.duration_seconds) > 1e-9)
    o.duration = QString::number(duration_->value(), 'g', 12).toStdString() + " s";
  if (uint32_t(window_->value()) != s.features.window_frames) o.sets.push_back("inference.window=" + std::to_string(window_->value()));
  if (uint32_t(stride_->value()) != s.features.stride_frames) o.sets.push_back("inference.stride=" + std::to_string(stride_->value()));
  return o;
}

}  // namespace tinysim::gui
