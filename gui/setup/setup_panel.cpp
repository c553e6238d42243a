#include "setup/setup_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace tinysim::gui {

SetupPanel::SetupPanel(QWidget* parent)
    : QWidget(parent),
      model_(new QComboBox),
      device_(new QComboBox),
      clock_mhz_(new QDoubleSpinBox),
      battery_(new QComboBox),
      runs_(new QSpinBox),
      seed_(new QSpinBox),
      rate_(new QDoubleSpinBox),
      run_(new QPushButton(tr("Run"))),
      step_(new QPushButton(tr("Step 1"))),
      reset_(new QPushButton(tr("Reset"))),
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

  auto* what = new QGroupBox(tr("Model and device"));
  auto* form = new QFormLayout(what);
  form->addRow(tr("Model"), modelRow);
  form->addRow(tr("Device"), device_);
  form->addRow(tr("Clock"), clock_mhz_);
  form->addRow(tr("Battery"), battery_);
  auto* how = new QGroupBox(tr("Run"));
  auto* form2 = new QFormLayout(how);
  form2->addRow(tr("Inferences"), runs_);
  form2->addRow(tr("Seed"), seed_);
  form2->addRow(tr("Inference rate"), rate_);

  run_->setToolTip(tr("Run all inferences on the emulated device (Ctrl+R)"));
  run_->setShortcut(QKeySequence("Ctrl+R"));
  run_->setStyleSheet("QPushButton { font-weight: bold; }");
  step_->setToolTip(tr("Run one inference"));
  reset_->setToolTip(tr("Clear every view"));
  connect(run_, &QPushButton::clicked, this, &SetupPanel::runRequested);
  connect(step_, &QPushButton::clicked, this, &SetupPanel::stepRequested);
  connect(reset_, &QPushButton::clicked, this, &SetupPanel::resetRequested);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_, 2);
  buttons->addWidget(step_, 1);
  buttons->addWidget(reset_, 1);

  progress_->setRange(0, 1);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  progress_->setMaximumHeight(8);
  status_->setWordWrap(true);
  status_->setStyleSheet("color: #444;");

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(what);
  layout->addWidget(how);
  layout->addLayout(buttons);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addStretch(1);
  setMinimumWidth(260);
  setMaximumWidth(320);
}

void SetupPanel::setDevices(const std::vector<Device>& devices) {
  devices_ = devices;
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
  r.battery = battery_->currentText().toStdString();
  r.runs = static_cast<uint32_t>(runs_->value());
  r.seed = static_cast<uint32_t>(seed_->value());
  r.inference_rate_hz = rate_->value();
  return r;
}

void SetupPanel::setBusy(bool busy) {
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

}  // namespace tinysim::gui
