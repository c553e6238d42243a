#include "energy/energy_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QListWidget>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <algorithm>

#include "common/chart_kit.h"

namespace tinysim::gui {
EnergyView::EnergyView(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel),
      current_view_(makeChartView(tr("Current over time"))),
      breakdown_view_(makeChartView(tr("Energy per period"))),
      soc_view_(makeChartView(tr("Battery"))),
      assumptions_(new QListWidget) {
  assumptions_->setWordWrap(true);
  assumptions_->setAlternatingRowColors(true);
  assumptions_->addItem(tr("Run a model on a device with power figures to see its energy."));
  summary_->setWordWrap(true);
  auto* grid = new QGridLayout(this);
  grid->addWidget(summary_, 0, 0, 1, 2);
  grid->addWidget(current_view_, 1, 0);
  grid->addWidget(breakdown_view_, 1, 1);
  grid->addWidget(soc_view_, 2, 0);
  grid->addWidget(assumptions_, 2, 1);
  grid->setRowStretch(1, 1);
  grid->setRowStretch(2, 1);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 2);
}

void EnergyView::showCurrent(const PeriodEnergy& e, bool so_far) {
  QChart* chart = resetChart(current_view_);
  auto* x = makeValueAxis(tr("time (ms)"), "%.0f");
  auto* y = new QLogValueAxis;
  y->setTitleText(tr("current (µA, log scale)"));
  y->setLabelFormat("%g");  // 1, 10, 100, 1000 µA: easier to read than 1e-06 A
  y->setBase(10);
  y->setMinorTickCount(-1);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  // Two periods: the whole trace as a thin step line, and each state's stretches on top
  // in that state's colour (one legend entry per state).
  auto* trace = new QLineSeries;
  trace->setPen(QPen(QColor("#9e9e9e"), 1));
  chart->addSeries(trace);
  trace->attachAxis(x);
  trace->attachAxis(y);
  std::vector<bool> named(3, false);
  double low = 1e9, high = 0, first_ms = -1, shown_ms = 0;
  const double period_ms = 1e3 * e.period_seconds;
  // A long run has thousands of state changes: draw kMaxSegments of them, the first ones
  // of a finished run, the latest ones of a live run (it follows the run as it goes).
  constexpr size_t kMaxSegments = 60;
  const size_t first = so_far && e.timeline.size() > kMaxSegments ? e.timeline.size() - kMaxSegments : 0;
  size_t segments = 0;
  for (unsigned period = 0; period < e.periods_shown && segments < kMaxSegments; ++period) {
    for (size_t i = first; i < e.timeline.size() && segments < kMaxSegments; ++i, ++segments) {
      const PowerChange& change = e.timeline[i];
      const uint64_t end = i + 1 < e.timeline.size() ? e.timeline[i + 1].cycle : e.end_cycle;
      const double t0 = period * period_ms + 1e3 * double(change.cycle) / e.clock_hz;
      const double t1 = period * period_ms + 1e3 * double(end) / e.clock_hz;
      if (first_ms < 0) first_ms = t0;
      shown_ms = t1;
      const double amps = e.report.states[static_cast<size_t>(change.state)].current;
      const double micro_amps = amps * 1e6;
      const QString name =
          QString("%1: %2").arg(QString::fromStdString(power_state_name(change.state)), siText(amps, "A"));
      auto* s = new QLineSeries;
      s->setName(name);
      QPen pen(powerStateColor(change.state));
      pen.setWidth(4);
      s->setPen(pen);
      *s << QPointF(t0, micro_amps) << QPointF(t1, micro_amps);
      *trace << QPointF(t0, micro_amps) << QPointF(t1, micro_amps);
      chart->addSeries(s);
      s->attachAxis(x);
      s->attachAxis(y);
      const QString tip = QString("%1\nfrom %2 ms to %3 ms").arg(name).arg(t0, 0, 'f', 3).arg(t1, 0, 'f', 3);
      connect(s, &QLineSeries::hovered, this, [tip](const QPointF&, bool on) {
        if (on) showTooltip(tip);
      });
      const auto state = static_cast<size_t>(change.state);
      for (QLegendMarker* marker : chart->legend()->markers(s)) marker->setVisible(!named[state]);
      named[state] = true;
      low = std::min(low, micro_amps);
      high = std::max(high, micro_amps);
    }
  }
  segments_ = int(segments);
  for (QLegendMarker* marker : chart->legend()->markers(trace)) marker->setVisible(false);
  first_ms = std::max(first_ms, 0.0);
  x->setRange(first ? first_ms : 0, shown_ms > first_ms ? shown_ms : first_ms + 1);
  if (!first) x->applyNiceNumbers();
  else keepRoundTicks(x);  // a window deep into the run: round times, not its odd start
  y->setRange(low / 3, high * 3);
  const QString duty = tr("duty cycle %1 %").arg(100 * e.duty_cycle, 0, 'f', 2);
  if (first)
    chart->setTitle(tr("Current by state, the latest %1 s to %2 s (duty %3 %)")
                        .arg((shown_ms - first_ms) / 1e3, 0, 'f', 1).arg(shown_ms / 1e3, 0, 'f', 1)
                        .arg(100 * e.duty_cycle, 0, 'f', 2));
  else if (segments >= kMaxSegments)
    chart->setTitle(tr("Current by power state, first %1 ms (%2)").arg(shown_ms, 0, 'f', 0).arg(duty));
  else
    chart->setTitle(so_far ? tr("Current by power state, first %1 ms (running; %2)").arg(shown_ms, 0, 'f', 0).arg(duty)
                           : tr("Current by power state (%1)").arg(duty));
}

void EnergyView::showBreakdown(const PeriodEnergy& e, bool so_far) {
  QChart* chart = resetChart(breakdown_view_);
  chart->legend()->hide();
  auto* series = new QHorizontalBarSeries;
  breakdown_ = new QBarSet(tr("energy"));
  breakdown_->setColor(QColor("#4e79a7"));
  breakdown_->setLabelColor(QColor("#222222"));
  QStringList names;
  double most = 0;
  for (const ComponentEnergy& c : e.report.components) most = std::max(most, c.energy);
  // µJ, or mJ once the biggest part is over 10 mJ (labels stay short).
  breakdown_scale_ = most > 1e-2 ? 1e3 : 1e6;
  const QString unit = breakdown_scale_ == 1e3 ? "mJ" : "µJ";
  most *= breakdown_scale_;
  for (const ComponentEnergy& c : e.report.components) {
    breakdown_->append(c.energy * breakdown_scale_);
    names << QString::fromStdString(c.component);
  }
  const auto components = e.report.components;
  const double total = e.report.energy;
  connect(breakdown_, &QBarSet::hovered, this, [components, total](bool on, int i) {
    if (!on || i < 0 || i >= int(components.size())) return;
    const ComponentEnergy& c = components[static_cast<size_t>(i)];
    showTooltip(QString("%1: %2 (%3 of charge), %4% of the period's energy")
                    .arg(QString::fromStdString(c.component), siText(c.energy, "J", 4), siText(c.charge, "C", 4))
                    .arg(total > 0 ? 100 * c.energy / total : 0, 0, 'f', 1));
  });
  series->append(breakdown_);
  series->setLabelsVisible(true);
  series->setLabelsFormat("@value " + unit);
  series->setLabelsPrecision(4);
  series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
  chart->addSeries(series);
  auto* y = new QBarCategoryAxis;
  y->append(names);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  auto* x = makeValueAxis((so_far                ? tr("energy so far (%1)")
                           : e.periods_shown == 1 ? tr("energy over the run (%1)")
                                                  : tr("energy per period (%1)"))
                              .arg(unit),
                          "%.0f");
  x->setRange(0, most > 0 ? most * 1.5 : 1);  // room for the longest bar's label beside it
  x->applyNiceNumbers();
  x->setTickCount(std::min(x->tickCount(), 5));
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  chart->setTitle((so_far ? tr("Energy: %1 in the first %2 s (running)").arg(siText(total, "J", 4))
                                                                       .arg(e.report.seconds, 0, 'f', 1)
                   : e.periods_shown == 1 ? tr("Energy: %1 over the run").arg(siText(total, "J", 4))
                                          : tr("Energy: %1 per period").arg(siText(total, "J", 4))));
}

void EnergyView::showBattery(const PeriodEnergy& e, bool so_far) {
  QChart* chart = resetChart(soc_view_);
  soc_ = new QLineSeries;
  soc_->setName(tr("state of charge"));
  QPen pen(QColor("#59a14f"));
  pen.setWidth(3);
  soc_->setPen(pen);
  for (const SocPoint& p : e.life.state_of_charge) soc_->append(p.days, p.percent);
  auto* life = new QLineSeries;
  const double days = e.life.days();
  life->setName(days >= 365.25 ? tr("estimated life: %1 years").arg(e.life.years(), 0, 'f', 2)
                               : tr("estimated life: %1 days").arg(days, 0, 'f', 1));
  QPen dashed(QColor("#c62828"));
  dashed.setStyle(Qt::DashLine);
  dashed.setWidth(2);
  life->setPen(dashed);
  *life << QPointF(days, 0) << QPointF(days, 100);
  chart->addSeries(soc_);
  chart->addSeries(life);
  auto* x = makeValueAxis(tr("time (days)"), "%.0f");
  x->setRange(0, days > 0 ? days * 1.08 : 1);
  x->applyNiceNumbers();
  auto* y = makeValueAxis(tr("state of charge (%)"), "%.0f");
  y->setRange(0, 100);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  for (QLineSeries* s : {soc_, life}) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
  connect(soc_, &QLineSeries::hovered, this, [](const QPointF& p, bool on) {
    if (on) showTooltip(QString("day %1: %2 % left").arg(p.x(), 0, 'f', 0).arg(p.y(), 0, 'f', 1));
  });
  chart->setTitle(tr("%1 at %2 average%3: %4 days")
                      .arg(QString::fromStdString(e.battery.description.empty() ? e.battery.name : e.battery.description),
                           siText(e.report.average_current, "A"), so_far ? tr(" so far") : QString())
                      .arg(days, 0, 'f', 0));
}

void EnergyView::showSummary(const ModelRun& run) {
  const PeriodEnergy& e = *run.energy;
  const std::string& mode = e.report.regulator;
  QString text = mode.empty() ? tr("<b>%1</b> (its device file names no regulator mode)")
                                    .arg(QString::fromStdString(run.device.name))
                              : tr("<b>%1, %2 regulator</b>")
                                    .arg(QString::fromStdString(run.device.name), QString::fromStdString(mode));
  text += tr(": run current %1 at %2 MHz")
              .arg(siText(e.report.states[static_cast<size_t>(PowerState::Run)].current, "A", 4))
              .arg(e.clock_hz / 1e6, 0, 'g', 6);
  if (run.bench && run.bench->energy_per_inference > 0)
    text += tr(", %1 µJ per inference").arg(run.bench->energy_per_inference * 1e6, 0, 'f', 2);
  summary_->setText(text);
}

void EnergyView::showRun(const ModelRun& run) {
  assumptions_->clear();
  summary_->clear();
  if (!run.energy) {
    assumptions_->addItem(tr("No energy figures: %1").arg(QString::fromStdString(run.energy_note)));
    return;
  }
  const PeriodEnergy& e = *run.energy;
  showSummary(run);
  showCurrent(e, run.partial);
  showBreakdown(e, run.partial);
  showBattery(e, run.partial);
  auto section = [this](const QString& title, const std::vector<std::string>& lines) {
    auto* head = new QListWidgetItem(title);
    QFont bold = head->font();
    bold.setBold(true);
    head->setFont(bold);
    assumptions_->addItem(head);
    for (const std::string& line : lines) assumptions_->addItem("• " + QString::fromStdString(line));
  };
  section(tr("Energy model"), e.report.assumptions);
  section(tr("Battery (%1)").arg(QString::fromStdString(e.battery.name)), e.life.assumptions);
  if (run.bench) section(tr("Bench"), run.bench->assumptions);
}

}  // namespace tinysim::gui
