#include "compare/compare_view.h"

#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "common/chart_kit.h"

namespace tinysim::gui {
namespace {

struct Figure {
  const char* title;
  const char* format;
  double (*value)(const ModelRun&);  ///< 0 when the run has no such figure
};

const Figure kFigureDefs[] = {
    {"latency (ms)", "%.3g", [](const ModelRun& r) { return r.bench ? r.bench->latency_ms() : 0.0; }},
    {"energy per inference (µJ)", "%.3g",
     [](const ModelRun& r) { return r.bench ? r.bench->energy_per_inference * 1e6 : 0.0; }},
    {"battery life (days)", "%.0f", [](const ModelRun& r) { return r.energy ? r.energy->life.days() : 0.0; }},
    {"RAM used (%)", "%.0f",
     [](const ModelRun& r) {
       return r.fit && r.fit->ram_capacity ? 100.0 * double(r.fit->ram_used()) / double(r.fit->ram_capacity) : 0.0;
     }},
};

QTableWidgetItem* cell(const QString& text, bool number = true) {
  auto* item = new QTableWidgetItem(text);
  if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      mode_(new QComboBox),
      by_device_(new QWidget),
      by_clock_(new QWidget),
      clock_device_(new QComboBox),
      clocks_(new QLineEdit),
      devices_(new QListWidget),
      start_(new QPushButton(tr("Compare"))),
      stop_(new QPushButton(tr("Stop"))),
      table_(new QTableWidget(0, 11)) {
  table_->setHorizontalHeaderLabels({tr("device"), tr("core"), tr("MHz"), tr("fits"), tr("flash used"),
                                     tr("RAM used"), tr("latency\n(ms)"), tr("µJ per\ninference"),
                                     tr("battery\n(days)"), tr("regulator"), tr("note")});
  table_->horizontalHeaderItem(9)->setToolTip(
      tr("The regulator mode the energy figures are for (the device file's power: regulator or the one chosen); "
         "— when the file names none"));
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  start_->setToolTip(tr("Run the model or scenario from the side panel on every checked device, or on one "
                        "device at each clock"));
  stop_->setEnabled(false);
  connect(start_, &QPushButton::clicked, this, &CompareView::compareRequested);
  connect(stop_, &QPushButton::clicked, this, &CompareView::stopRequested);

  mode_->addItems({tr("Across devices"), tr("Across clocks")});
  mode_->setToolTip(tr("Compare several devices at their default clocks, or one device at several clocks"));
  auto* device_list = new QVBoxLayout(by_device_);
  device_list->setContentsMargins(0, 0, 0, 0);
  device_list->addWidget(new QLabel(tr("<b>Devices to compare</b>")));
  device_list->addWidget(devices_, 1);
  auto* clock_form = new QVBoxLayout(by_clock_);
  clock_form->setContentsMargins(0, 0, 0, 0);
  clock_form->addWidget(new QLabel(tr("<b>Device</b>")));
  clock_form->addWidget(clock_device_);
  clock_form->addWidget(new QLabel(tr("<b>Clocks (MHz)</b>")));
  clock_form->addWidget(clocks_);
  clocks_->setToolTip(tr("Core clocks in MHz, separated by commas, e.g. 16, 32, 64. A clock the device's "
                         "flash cannot run at is reported by the core."));
  clock_form->addStretch(1);
  by_clock_->hide();
  connect(mode_, &QComboBox::currentIndexChanged, this, [this](int index) {
    by_device_->setVisible(index == 0);
    by_clock_->setVisible(index == 1);
  });
  connect(clock_device_, &QComboBox::currentIndexChanged, this, &CompareView::suggestClocks);
  auto* side = new QVBoxLayout;
  side->addWidget(mode_);
  side->addWidget(by_device_, 1);
  side->addWidget(by_clock_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(stop_);
  side->addLayout(buttons);
  auto* charts = new QGridLayout;
  for (int i = 0; i < kFigures; ++i) {
    charts_.push_back(makeChartView(tr(kFigureDefs[i].title)));
    charts_.back()->chart()->legend()->hide();
    charts->addWidget(charts_.back(), i / 2, i % 2);
  }
  sets_.assign(kFigures, nullptr);
  auto* right = new QVBoxLayout;
  right->addWidget(table_, 2);
  right->addLayout(charts, 5);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(side);
  layout->addLayout(right, 1);
  for (QWidget* w : std::initializer_list<QWidget*>{mode_, by_device_, by_clock_}) w->setMaximumWidth(170);
}

void CompareView::setDevices(const std::vector<Device>& devices) {
  catalog_ = devices;
  {
    const QSignalBlocker quiet(clock_device_);
    clock_device_->clear();
    for (const Device& d : devices) clock_device_->addItem(QString::fromStdString(d.name));
  }
  suggestClocks();
  devices_->clear();
  for (const Device& d : devices) {
    auto* item = new QListWidgetItem(QString::fromStdString(d.name));
    item->setToolTip(QString::fromStdString(d.description));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    devices_->addItem(item);
  }
}

std::vector<std::string> CompareView::checkedDevices() const {
  std::vector<std::string> names;
  for (int i = 0; i < devices_->count(); ++i)
    if (devices_->item(i)->checkState() == Qt::Checked) names.push_back(devices_->item(i)->text().toStdString());
  return names;
}

void CompareView::setChecked(const std::vector<std::string>& names) {
  for (int i = 0; i < devices_->count(); ++i) {
    QListWidgetItem* item = devices_->item(i);
    const bool on = std::find(names.begin(), names.end(), item->text().toStdString()) != names.end();
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
  }
}

void CompareView::suggestClocks() {
  const int i = clock_device_->currentIndex();
  if (i < 0 || size_t(i) >= catalog_.size()) return;
  const double mhz = catalog_[size_t(i)].clock_hz / 1e6;
  clocks_->setText(QString("%1, %2, %3").arg(mhz / 4, 0, 'g', 4).arg(mhz / 2, 0, 'g', 4).arg(mhz, 0, 'g', 4));
}

void CompareView::setDeviceCompare() { mode_->setCurrentIndex(0); }

void CompareView::setClockCompare(const std::string& device, const QString& clocks) {
  mode_->setCurrentIndex(1);
  clock_device_->setCurrentText(QString::fromStdString(device));
  clocks_->setText(clocks);
}

std::string CompareView::defaultRegulator(const std::string& device) const {
  for (const Device& d : catalog_)
    if (d.name == device) {
      const std::vector<std::string> modes = regulator_modes(d);
      return modes.empty() ? "" : modes.front();
    }
  return "";
}

bool CompareView::clockCompare() const { return mode_->currentIndex() == 1; }

std::vector<CompareTarget> CompareView::targets(QString& error) const {
  std::vector<CompareTarget> targets;
  error.clear();
  if (!clockCompare()) {
    for (const std::string& name : checkedDevices()) targets.push_back({name, 0, defaultRegulator(name)});
    if (targets.empty()) error = tr("Check at least one device to compare.");
    return targets;
  }
  const std::string device = clock_device_->currentText().toStdString();
  for (const QString& word : clocks_->text().split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts)) {
    bool number = false;
    const double mhz = word.toDouble(&number);
    // The range a scenario's device.clock takes (the core checks each device's own limit).
    if (!number || mhz < 1 || mhz > 1000) {
      error = tr("Clocks: '%1' is not a clock from 1 to 1000 MHz; expected numbers of MHz such as 16, 32, 64.")
                  .arg(word);
      return {};
    }
    targets.push_back({device, static_cast<uint32_t>(mhz * 1e6 + 0.5), defaultRegulator(device)});
  }
  if (targets.empty()) error = tr("Clocks: expected one or more numbers of MHz such as 16, 32, 64.");
  return targets;
}

QString CompareView::rowName(const ModelRun& run) const {
  const QString device = QString::fromStdString(run.device.name.empty() ? run.request.device : run.device.name);
  if (!rows_by_clock_) return device;
  const uint32_t hz = run.device.clock_hz ? run.device.clock_hz : run.request.clock_hz;
  return QString("%1 @ %2 MHz").arg(device).arg(hz / 1e6, 0, 'g', 6);
}

void CompareView::setBusy(bool busy) {
  start_->setEnabled(!busy);
  stop_->setEnabled(busy);
}

void CompareView::clear() {
  rows_by_clock_ = clockCompare();
  runs_.clear();
  table_->setRowCount(0);
  rebuildCharts();
}

void CompareView::addRun(const ModelRun& run) {
  runs_.push_back(run);
  const int row = table_->rowCount();
  table_->insertRow(row);
  const QString none = "—";
  table_->setItem(row, 0, cell(QString::fromStdString(run.device.name.empty() ? run.request.device : run.device.name), false));
  if (!run.device.name.empty()) table_->setItem(row, 1, cell(QString::fromStdString(core_name(run.device.core)), false));
  const uint32_t hz = run.device.name.empty() ? run.request.clock_hz : run.device.clock_hz;
  if (hz) table_->setItem(row, 2, cell(QString::number(hz / 1e6, 'g', 6)));
  if (run.fit) {
    const ModelFit& f = *run.fit;
    auto* fits = cell(f.fits() ? tr("yes") : tr("no"), false);
    fits->setForeground(f.fits() ? QColor("#2e7d32") : QColor("#c62828"));
    table_->setItem(row, 3, fits);
    // On two lines, so the table keeps room for the note.
    table_->setItem(row, 4, cell(QString("%1\nof %2").arg(QString::fromStdString(format_size(f.flash_used())),
                                                          QString::fromStdString(format_size(f.flash_capacity)))));
    table_->setItem(row, 5, cell(QString("%1\nof %2").arg(QString::fromStdString(format_size(f.ram_used())),
                                                          QString::fromStdString(format_size(f.ram_capacity)))));
  }
  table_->setItem(row, 6, cell(run.bench ? QString::number(run.bench->latency_ms(), 'f', 3) : none));
  table_->setItem(row, 7, cell(run.bench && run.bench->energy_per_inference > 0
                                   ? QString::number(run.bench->energy_per_inference * 1e6, 'f', 2) : none));
  table_->setItem(row, 8, cell(run.energy ? QString::number(run.energy->life.days(), 'f', 0) : none));
  const std::string regulator = run.energy ? run.energy->report.regulator : run.bench ? run.bench->regulator : "";
  table_->setItem(row, 9, cell(regulator.empty() ? none : QString::fromStdString(regulator), false));
  const QString note = QString::fromStdString(run.ok() ? run.energy_note : run.error_message).section('\n', 0, 1);
  auto* noteCell = cell(note.simplified(), false);
  noteCell->setToolTip(QString::fromStdString(run.ok() ? run.energy_note : run.error));
  table_->setItem(row, 10, noteCell);
  table_->resizeRowToContents(row);
  rebuildCharts();
}

double CompareView::figureAt(int index, int row) const {
  const QBarSet* set = figure(index);
  return set->at(set->count() - 1 - row);
}

void CompareView::rebuildCharts() {
  for (int i = 0; i < kFigures; ++i) {
    QChart* chart = resetChart(charts_[static_cast<size_t>(i)]);
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr(kFigureDefs[i].title));
    set->setColor(seriesColor(i));
    QStringList names;
    double most = 0;
    // Bottom-up, so the first row of the table is the top bar.
    for (auto run = runs_.rbegin(); run != runs_.rend(); ++run) {
      const double v = kFigureDefs[i].value(*run);
      set->append(v);
      names << rowName(*run);
      most = std::max(most, v);
    }
    sets_[static_cast<size_t>(i)] = set;
    const QString title = tr(kFigureDefs[i].title);
    connect(set, &QBarSet::hovered, this, [this, names, set, title](bool on, int index) {
      if (!on || index < 0 || index >= names.size()) return;
      const ModelRun& run = runs_[runs_.size() - 1 - static_cast<size_t>(index)];
      showTooltip(run.bench ? QString("%1: %2 %3").arg(names[index], title).arg(set->at(index), 0, 'g', 5)
                            : QString("%1: %2").arg(names[index], QString::fromStdString(run.error)));
    });
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat("@value");
    series->setLabelsPrecision(4);
    chart->addSeries(series);
    set->setLabelColor(QColor("#222222"));
    auto* y = new QBarCategoryAxis;
    y->append(names);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto* x = makeValueAxis(title, kFigureDefs[i].format);
    x->setRange(0, most > 0 ? most * 1.25 : 1);
    x->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->setTitle(title);
  }
}

}  // namespace tinysim::gui
