#include "memory/memory_view.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QBarCategoryAxis>
#include <algorithm>

#include "common/chart_kit.h"

namespace tinysim::gui {
namespace {

/// "[1x49x40x1] int8" for the tensor with this index, from the layers' shapes.
QString tensorShape(const ModelSummary& summary, int32_t tensor) {
  auto text = [](const TensorSummary& t) {
    QStringList dims;
    for (int32_t d : t.shape) dims << QString::number(d);
    return "[" + dims.join("x") + "] " + QString::fromStdString(t.type);
  };
  for (const LayerSummary& layer : summary.layers) {
    if (layer.output.index == tensor) return text(layer.output);
    for (const TensorSummary& in : layer.inputs)
      if (in.index == tensor) return text(in);
  }
  return "?";
}

}  // namespace

MemoryView::MemoryView(QWidget* parent)
    : QWidget(parent),
      flash_view_(makeChartView(tr("Flash"))),
      ram_view_(makeChartView(tr("RAM"))),
      arena_view_(makeChartView(tr("Tensor arena plan"))),
      figures_(new QLabel) {
  flash_view_->setMaximumHeight(170);
  ram_view_->setMaximumHeight(170);
  figures_->setWordWrap(true);
  figures_->setTextFormat(Qt::RichText);
  figures_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  figures_->setMinimumWidth(280);
  figures_->setText(tr("Run a model to see where its bytes go."));
  auto* grid = new QGridLayout(this);
  grid->addWidget(flash_view_, 0, 0, 1, 2);
  grid->addWidget(ram_view_, 1, 0, 1, 2);
  grid->addWidget(arena_view_, 2, 0);
  grid->addWidget(figures_, 2, 1);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 1);
  grid->setRowStretch(2, 1);
}

void MemoryView::showBudget(QChartView* view, const QString& title, const QList<QPair<QString, uint64_t>>& parts,
                            uint64_t capacity, QMap<QString, double>& into) {
  QChart* chart = resetChart(view);
  into.clear();
  auto* series = new QHorizontalStackedBarSeries;
  uint64_t used = 0;
  auto add = [&](const QString& name, uint64_t bytes) {
    auto* set = new QBarSet(name);
    set->append(double(bytes) / 1024.0);
    set->setColor(memoryPartColor(name));
    set->setBorderColor(Qt::white);
    into[name] = double(bytes);
    const double share = capacity ? 100.0 * double(bytes) / double(capacity) : 0;
    connect(set, &QBarSet::hovered, this, [name, bytes, share](bool on, int) {
      if (on) showTooltip(QString("%1: %2, %3% of capacity").arg(name, bytesText(bytes)).arg(share, 0, 'f', 1));
    });
    series->append(set);
  };
  for (const auto& [name, bytes] : parts) {
    add(name, bytes);
    used += bytes;
  }
  if (used <= capacity) add("free", capacity - used);
  else add("over capacity", 0);
  series->setBarWidth(0.7);
  chart->addSeries(series);
  auto* categories = new QBarCategoryAxis;
  categories->append(title);
  chart->addAxis(categories, Qt::AlignLeft);
  series->attachAxis(categories);
  auto* axis = makeValueAxis(tr("KiB"));
  axis->setRange(0, double(std::max(capacity, used)) / 1024.0);
  axis->setTickCount(9);
  chart->addAxis(axis, Qt::AlignBottom);
  series->attachAxis(axis);
  chart->setTitle(QString("%1: %2 of %3 used (%4%)")
                      .arg(title, QString::fromStdString(format_size(used)),
                           QString::fromStdString(format_size(capacity)))
                      .arg(capacity ? 100.0 * double(used) / double(capacity) : 0, 0, 'f', 1));
  chart->legend()->setAlignment(Qt::AlignRight);
}

void MemoryView::showArena(const ModelRun& run) {
  QChart* chart = resetChart(arena_view_);
  chart->legend()->hide();
  const ArenaSummary& arena = run.summary.arena;
  auto* x = makeValueAxis(tr("operator index"), "%d");
  auto* y = makeValueAxis(tr("arena offset (KiB)"), "%.1f");
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  arena_rectangles_ = 0;
  double top = 0;
  for (const ArenaTensor& t : arena.tensors) {
    const double x0 = t.first_op - 0.45, x1 = t.last_op + 0.45;
    const double y0 = t.offset / 1024.0, y1 = (t.offset + t.bytes) / 1024.0;
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    *upper << QPointF(x0, y1) << QPointF(x1, y1);
    *lower << QPointF(x0, y0) << QPointF(x1, y0);
    auto* rect = new QAreaSeries(upper, lower);
    const QColor colour = seriesColor(arena_rectangles_);
    rect->setColor(QColor(colour.red(), colour.green(), colour.blue(), 170));
    rect->setBorderColor(colour.darker(140));
    const QString tip = QString("%1 (tensor %2)\nshape %3\n%4 at offset %5\nlive from op %6 to op %7%8")
                            .arg(QString::fromStdString(t.name)).arg(t.tensor)
                            .arg(tensorShape(run.summary, t.tensor), bytesText(t.bytes), groupedText(t.offset))
                            .arg(t.first_op).arg(t.last_op)
                            .arg(t.alias_of >= 0 ? QString("\nshares the bytes of tensor %1").arg(t.alias_of) : "");
    connect(rect, &QAreaSeries::hovered, this, [tip](const QPointF&, bool on) {
      if (on) showTooltip(tip);
    });
    chart->addSeries(rect);
    rect->attachAxis(x);
    rect->attachAxis(y);
    top = std::max(top, y1);
    ++arena_rectangles_;
  }
  x->setRange(-0.5, std::max<double>(0.5, double(run.summary.layers.size()) - 0.5));
  x->setTickInterval(1);
  x->setTickType(QValueAxis::TicksDynamic);
  x->setTickAnchor(0);
  if (run.summary.layers.size() > 24) x->setTickInterval(std::ceil(double(run.summary.layers.size()) / 24.0));
  y->setRange(0, top > 0 ? top * 1.05 : 1);
  y->applyNiceNumbers();
  chart->setTitle(tr("Tensor arena plan (%1 planner): activations %2 — hover a tensor")
                      .arg(QString::fromStdString(arena.planner),
                           QString::fromStdString(format_size(arena.activation_bytes))));
}

void MemoryView::showRun(const ModelRun& run) {
  if (!run.fit) return;
  const ModelFit& f = *run.fit;
  showBudget(flash_view_, tr("Flash"), {{"firmware code", f.flash_firmware}, {"model", f.flash_model}},
             f.flash_capacity, flash_);
  // The stack as deep as it has gone (a live run's so far) and the rest of what is reserved.
  const uint64_t stack_used = run.bench ? std::min<uint64_t>(run.bench->stack_high_water, f.ram_stack) : 0;
  QList<QPair<QString, uint64_t>> ram_parts = {
      {"data + bss", f.ram_static}, {"sensor window", f.ram_window}, {"tensor arena", f.ram_arena}};
  if (run.bench) ram_parts += {{"stack used", stack_used}, {"stack free", f.ram_stack - stack_used}};
  else ram_parts += {{"stack", f.ram_stack}};
  showBudget(ram_view_, tr("RAM"), ram_parts, f.ram_capacity, ram_);
  showArena(run);
  const ArenaSummary& a = run.summary.arena;
  QString text = tr("<h3>%1 on %2</h3>").arg(QString::fromStdString(run.summary.file).section('/', -1),
                                              QString::fromStdString(run.device.name));
  text += tr("<p><b>Tensor arena</b> planned: %1<br>&nbsp;&nbsp;persistent %2<br>&nbsp;&nbsp;activations %3"
             "<br>&nbsp;&nbsp;scratch %4</p>")
              .arg(bytesText(a.needed_bytes), bytesText(a.persistent_bytes), bytesText(a.activation_bytes),
                   bytesText(a.scratch_bytes));
  if (run.bench) {
    const BenchResult& b = *run.bench;
    text += tr("<p>Firmware reported an arena of %1.</p>").arg(bytesText(b.arena_bytes));
    stack_high_water_ = b.stack_high_water;
    const double share = f.ram_stack ? 100.0 * b.stack_high_water / double(f.ram_stack) : 0;
    text += tr("<p><b>Stack high-water mark%1</b>: %2 of %3 reserved (%4%)%5</p>")
                .arg(run.partial ? tr(" so far") : QString())
                .arg(bytesText(b.stack_high_water), QString::fromStdString(format_size(f.ram_stack)))
                .arg(share, 0, 'f', 1)
                .arg(share > 90 ? tr(" — <span style='color:#c62828'>close to overflowing</span>") : "");
  }
  text += f.fits() ? tr("<p style='color:#2e7d32'><b>Fits</b> %1.</p>").arg(QString::fromStdString(f.device))
                   : tr("<p style='color:#c62828'><b>Does not fit</b>:<br>%1</p>")
                         .arg(QString::fromStdString(f.shortfall()).toHtmlEscaped().replace("\n", "<br>"));
  figures_->setText(text);
}

}  // namespace tinysim::gui
