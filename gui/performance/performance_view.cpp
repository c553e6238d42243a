#include "performance/performance_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QLegendMarker>
#include <QLineSeries>
#include <QChartView>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <algorithm>

#include "common/chart_kit.h"

namespace tinysim::gui {
namespace {

/// Up to this many inferences get a bar each; more make a histogram.
constexpr size_t kLatencyBars = 12;

QTableWidgetItem* numberItem(const QString& text, double sortValue) {
  auto* item = new QTableWidgetItem(text);
  item->setData(Qt::UserRole, sortValue);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

PerformanceView::PerformanceView(QWidget* parent)
    : QWidget(parent),
      layer_view_(makeChartView(tr("Cycles per layer"))),
      latency_view_(makeChartView(tr("Latency of each inference"))),
      table_(new QTableWidget(0, 7)),
      figures_(new QLabel(tr("Run a model to see where its cycles go."))) {
  table_->setHorizontalHeaderLabels(
      {tr("#"), tr("op"), tr("cycles"), tr("time (ms)"), tr("MACs"), tr("cycles/MAC"), tr("share")});
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  figures_->setWordWrap(true);
  figures_->setTextFormat(Qt::RichText);
  figures_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* grid = new QGridLayout(this);
  grid->addWidget(layer_view_, 0, 0, 1, 2);
  grid->addWidget(table_, 1, 0);
  grid->addWidget(latency_view_, 1, 1);
  grid->addWidget(figures_, 2, 0, 1, 2);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
}

void PerformanceView::showLayers(const BenchResult& b) {
  QChart* chart = resetChart(layer_view_);
  chart->legend()->hide();
  auto* series = new QBarSeries;
  layer_cycles_ = new QBarSet(tr("cycles"));
  layer_cycles_->setColor(powerStateColor(PowerState::Run));
  QStringList categories;
  uint64_t total = 0, most = 0;
  for (const LayerTiming& l : b.layers) {
    total += l.cycles;
    most = std::max(most, l.cycles);
  }
  table_->setRowCount(static_cast<int>(b.layers.size()));
  cycle_unit_ = most >= 1000000 ? 1e6 : most >= 10000 ? 1e3 : 1;
  for (const LayerTiming& l : b.layers) {
    layer_cycles_->append(double(l.cycles) / cycle_unit_);
    categories << QString::number(l.index);
    const double ms = b.clock_hz ? 1e3 * double(l.cycles) / b.clock_hz : 0;
    const double cpm = l.macs ? double(l.cycles) / double(l.macs) : 0;
    const double share = total ? 100.0 * double(l.cycles) / double(total) : 0;
    const int row = static_cast<int>(l.index);
    table_->setItem(row, 0, numberItem(QString::number(l.index), l.index));
    table_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(l.op)));
    table_->setItem(row, 2, numberItem(groupedText(l.cycles), double(l.cycles)));
    table_->setItem(row, 3, numberItem(QString::number(ms, 'f', 3), ms));
    table_->setItem(row, 4, numberItem(l.macs ? groupedText(l.macs) : "—", double(l.macs)));
    table_->setItem(row, 5, numberItem(l.macs ? QString::number(cpm, 'f', 2) : "—", cpm));
    table_->setItem(row, 6, numberItem(QString::number(share, 'f', 1) + " %", share));
  }
  connect(layer_cycles_, &QBarSet::hovered, this, [this, b](bool on, int i) {
    if (!on || i < 0 || i >= int(b.layers.size())) return;
    const LayerTiming& l = b.layers[static_cast<size_t>(i)];
    showTooltip(QString("layer %1 %2\n%3 cycles = %4 ms\n%5 MACs%6")
                    .arg(l.index).arg(QString::fromStdString(l.op), groupedText(l.cycles))
                    .arg(b.clock_hz ? 1e3 * double(l.cycles) / b.clock_hz : 0, 0, 'f', 3)
                    .arg(groupedText(l.macs))
                    .arg(l.macs ? QString(", %1 cycles/MAC").arg(double(l.cycles) / double(l.macs), 0, 'f', 2) : ""));
  });
  series->append(layer_cycles_);
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  x->setTitleText(tr("layer index (op names in the table below)"));
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  auto* y = makeValueAxis(cycle_unit_ == 1e6 ? tr("cycles (millions)") : cycle_unit_ == 1e3 ? tr("cycles (thousands)")
                                                                                             : tr("cycles"),
                          "%.4g");
  y->setRange(0, most ? double(most) * 1.08 / cycle_unit_ : 1);
  y->applyNiceNumbers();
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  chart->setTitle(tr("Cycles per layer on %1 (%2, %3 MHz) — mean of %4 inferences")
                      .arg(QString::fromStdString(b.device), QString::fromStdString(b.core))
                      .arg(b.clock_hz / 1e6, 0, 'g', 4).arg(b.runs));
}

void PerformanceView::showLatency(const BenchResult& b) {
  QChart* chart = resetChart(latency_view_);
  chart->legend()->hide();
  auto* series = new QBarSeries;
  latency_ = new QBarSet(tr("latency"));
  latency_->setColor(QColor("#4e79a7"));
  QStringList categories;
  std::vector<double> ms;
  for (uint64_t c : b.inference_cycles) ms.push_back(b.clock_hz ? 1e3 * double(c) / b.clock_hz : 0);
  const bool histogram = ms.size() > kLatencyBars;
  double most = 0, lo_ms = 0, bin_ms = 0;
  if (!histogram) {
    // A few seeded inferences: one bar each.
    for (size_t i = 0; i < ms.size(); ++i) {
      latency_->append(ms[i]);
      categories << QString::number(i + 1);
      most = std::max(most, ms[i]);
    }
    connect(latency_, &QBarSet::hovered, this, [b](bool on, int i) {
      if (!on || i < 0 || i >= int(b.inference_cycles.size())) return;
      const uint64_t c = b.inference_cycles[static_cast<size_t>(i)];
      showTooltip(QString("inference %1: %2 cycles = %3 ms").arg(i + 1).arg(groupedText(c))
                      .arg(1e3 * double(c) / b.clock_hz, 0, 'f', 4));
    });
  } else {
    // Many inferences (a scenario): how many fall in each latency bin.
    const auto [lo, hi] = std::minmax_element(ms.begin(), ms.end());
    const size_t bins = *hi > *lo ? kLatencyBars : 1;
    const double width = *hi > *lo ? (*hi - *lo) / double(bins) : 1e-6;
    lo_ms = *lo;
    bin_ms = width;
    std::vector<int> counts(bins, 0);
    for (double v : ms) ++counts[std::min(bins - 1, size_t((v - *lo) / width))];
    for (size_t i = 0; i < bins; ++i) {
      latency_->append(counts[i]);
      categories << QString::number(bins > 1 ? *lo + width * (double(i) + 0.5) : *lo, 'g', 4);
      most = std::max(most, double(counts[i]));
    }
    const double from = *lo;
    connect(latency_, &QBarSet::hovered, this, [counts, from, width](bool on, int i) {
      if (!on || i < 0 || i >= int(counts.size())) return;
      showTooltip(QString("%1 inferences took %2 to %3 ms").arg(counts[size_t(i)])
                      .arg(from + width * i, 0, 'f', 4).arg(from + width * (i + 1), 0, 'f', 4));
    });
  }
  series->append(latency_);
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  x->setTitleText(tr("seeded inference"));
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  if (histogram && categories.size() > 1) {
    // Twelve bin labels do not fit under a narrow chart: a latency scale in their place,
    // spanning the bins' edges exactly (category i covers [i - 0.5, i + 0.5] of the width).
    x->setLabelsVisible(false);
    x->setGridLineVisible(false);
    x->setTitleText({});
    auto* scale = makeValueAxis(tr("latency (ms)"), "%.4g");
    scale->setRange(lo_ms, lo_ms + bin_ms * double(categories.size()));
    keepRoundTicks(scale);
    chart->addAxis(scale, Qt::AlignBottom);
    auto* anchor = new QLineSeries;  // an empty series, so the scale is laid out like any axis
    chart->addSeries(anchor);
    anchor->attachAxis(scale);
    for (QLegendMarker* marker : chart->legend()->markers(anchor)) marker->setVisible(false);
  } else if (histogram) {
    x->setTitleText(tr("latency (ms)"));
  }
  auto* y = makeValueAxis(histogram ? tr("inferences") : tr("latency (ms)"), histogram ? "%.0f" : "%.4g");
  y->setRange(0, most > 0 ? most * 1.1 : 1);
  y->applyNiceNumbers();
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  chart->setTitle(tr("Latency per inference: mean %1 ms").arg(b.latency_ms(), 0, 'f', 3));
  latency_view_->setToolTip(tr("min %1 ms, mean %2 ms, max %3 ms")
                                .arg(1e3 * double(b.min_cycles()) / b.clock_hz, 0, 'f', 4)
                                .arg(b.latency_ms(), 0, 'f', 4)
                                .arg(1e3 * double(b.max_cycles()) / b.clock_hz, 0, 'f', 4));
}

void PerformanceView::showRun(const ModelRun& run) {
  if (!run.bench) return;
  const BenchResult& b = *run.bench;
  showLayers(b);
  showLatency(b);
  QString text = tr("<b>%1</b> MACs, <b>%2</b> cycles/MAC. ").arg(groupedText(b.total_macs)).arg(b.cycles_per_mac(), 0, 'f', 2);
  if (run.from_scenario) {
    text += tr("%1 inferences, %2 instructions in the run.").arg(b.runs).arg(groupedText(b.instructions));
    if (run.energy)
      text += tr(" The core ran (not slept) <b>%1 %</b> of the time.").arg(100.0 * run.energy->duty_cycle, 0, 'f', 3);
  } else {
    text += tr("%1 instructions per inference. Outputs %2 the host build.")
                .arg(groupedText(b.runs ? b.instructions / b.runs : 0))
                .arg(b.mismatches ? tr("<span style='color:#c62828'>DIFFER from</span>")
                                  : tr("are <span style='color:#2e7d32'>bit-identical</span> to"));
    if (run.energy)
      text += tr(" Duty cycle at %1 inference/s: <b>%2 %</b> of the time computing.")
                  .arg(run.request.inference_rate_hz, 0, 'g', 4).arg(100.0 * run.energy->duty_cycle, 0, 'f', 3);
  }
  figures_->setText(text);
}

}  // namespace tinysim::gui
