#include "compare/compare_view.h"

#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
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
      devices_(new QListWidget),
      start_(new QPushButton(tr("Compare"))),
      stop_(new QPushButton(tr("Stop"))),
      table_(new QTableWidget(0, 10)) {
  table_->setHorizontalHeaderLabels({tr("device"), tr("core"), tr("MHz"), tr("fits"), tr("flash used"),
                                     tr("RAM used"), tr("latency\n(ms)"), tr("µJ per\ninference"),
                                     tr("battery\n(days)"), tr("note")});
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  start_->setToolTip(tr("Run the model from the side panel on every checked device"));
  stop_->setEnabled(false);
  connect(start_, &QPushButton::clicked, this, &CompareView::compareRequested);
  connect(stop_, &QPushButton::clicked, this, &CompareView::stopRequested);

  auto* side = new QVBoxLayout;
  side->addWidget(new QLabel(tr("<b>Devices to compare</b>")));
  side->addWidget(devices_, 1);
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
  devices_->setMaximumWidth(150);
}

void CompareView::setDevices(const std::vector<Device>& devices) {
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

void CompareView::setBusy(bool busy) {
  start_->setEnabled(!busy);
  stop_->setEnabled(busy);
}

void CompareView::clear() {
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
  if (!run.device.name.empty()) {
    table_->setItem(row, 1, cell(QString::fromStdString(core_name(run.device.core)), false));
    table_->setItem(row, 2, cell(QString::number(run.device.clock_hz / 1e6, 'g', 4)));
  }
  if (run.fit) {
    const ModelFit& f = *run.fit;
    auto* fits = cell(f.fits() ? tr("yes") : tr("no"), false);
    fits->setForeground(f.fits() ? QColor("#2e7d32") : QColor("#c62828"));
    table_->setItem(row, 3, fits);
    table_->setItem(row, 4, cell(QString("%1 of %2").arg(QString::fromStdString(format_size(f.flash_used())),
                                                          QString::fromStdString(format_size(f.flash_capacity)))));
    table_->setItem(row, 5, cell(QString("%1 of %2").arg(QString::fromStdString(format_size(f.ram_used())),
                                                          QString::fromStdString(format_size(f.ram_capacity)))));
  }
  table_->setItem(row, 6, cell(run.bench ? QString::number(run.bench->latency_ms(), 'f', 3) : none));
  table_->setItem(row, 7, cell(run.bench && run.bench->energy_per_inference > 0
                                   ? QString::number(run.bench->energy_per_inference * 1e6, 'f', 2) : none));
  table_->setItem(row, 8, cell(run.energy ? QString::number(run.energy->life.days(), 'f', 0) : none));
  const QString note = QString::fromStdString(run.ok() ? run.energy_note : run.error_message).section('\n', 0, 1);
  auto* noteCell = cell(note.simplified(), false);
  noteCell->setToolTip(QString::fromStdString(run.ok() ? run.energy_note : run.error));
  table_->setItem(row, 9, noteCell);
  rebuildCharts();
}

void CompareView::rebuildCharts() {
  for (int i = 0; i < kFigures; ++i) {
    QChart* chart = resetChart(charts_[static_cast<size_t>(i)]);
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr(kFigureDefs[i].title));
    set->setColor(seriesColor(i));
    QStringList names;
    double most = 0;
    for (const ModelRun& run : runs_) {
      const double v = kFigureDefs[i].value(run);
      set->append(v);
      names << QString::fromStdString(run.request.device);
      most = std::max(most, v);
    }
    sets_[static_cast<size_t>(i)] = set;
    const QString title = tr(kFigureDefs[i].title);
    connect(set, &QBarSet::hovered, this, [this, names, set, title](bool on, int index) {
      if (!on || index < 0 || index >= names.size()) return;
      const ModelRun& run = runs_[static_cast<size_t>(index)];
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
