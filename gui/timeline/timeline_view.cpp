#include "timeline/timeline_view.h"

#include <QAreaSeries>
#include <QChartView>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalBlocker>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "common/chart_kit.h"
#include "sensors/window_label.h"

namespace tinysim::gui {
namespace {

constexpr uint64_t kMaxPointsPerChannel = 6000;

/// Index into `classes` of each of the source's label names (-1: not a class).
std::vector<int> class_of_label(const SensorSource& source, const std::vector<std::string>& classes) {
  std::vector<int> map;
  for (const std::string& name : source.label_names()) {
    const auto it = std::find(classes.begin(), classes.end(), name);
    map.push_back(it == classes.end() ? -1 : int(it - classes.begin()));
  }
  return map;
}

/// Seconds after the stream's first frame at which a result was published.
double result_seconds(const ScenarioOutcome& o, const InferenceResult& r) {
  const uint64_t start = o.data.sensor.stream_start_cycle.value_or(0);
  return double(r.cycle - std::min(r.cycle, start)) / o.device.clock_hz;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent),
      sensor_view_(makeChartView(tr("Sensor"))),
      score_view_(makeChartView(tr("Class scores"))),
      note_(new QLabel(tr("Open a scenario and run it to see its sensor stream, labels and predictions."))),
      follow_(new QPushButton(tr("Follow live"))) {
  for (QChartView* view : {sensor_view_, score_view_}) view->setRubberBand(QChartView::HorizontalRubberBand);
  auto* resetZoom = new QPushButton(tr("Reset zoom"));
  resetZoom->setToolTip(tr("Drag across a chart to zoom both on time; this shows the whole run again "
                           "and follows it live"));
  connect(resetZoom, &QPushButton::clicked, this, [this] {
    follow_span_ = 0;
    setFollowLive(true);
  });
  follow_->setCheckable(true);
  follow_->setChecked(true);
  follow_->setShortcut(QKeySequence(Qt::Key_F));
  follow_->setToolTip(tr("Follow live (F): the time axes keep up with a running scenario, showing its latest "
                         "stretch as wide as your zoom (or all of it). Zooming turns it off."));
  connect(follow_, &QPushButton::toggled, this, &TimelineView::setFollowLive);
  note_->setWordWrap(true);
  auto* top = new QHBoxLayout;
  top->addWidget(note_, 1);
  top->addWidget(follow_);
  top->addWidget(resetZoom);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(sensor_view_, 3);
  layout->addWidget(score_view_, 2);
  base_margins_ = sensor_view_->chart()->margins();
  qreal unused[3];
  sensor_view_->chart()->layout()->getContentsMargins(&layout_margin_, &unused[0], &unused[1], &unused[2]);
  for (QChartView* view : {sensor_view_, score_view_})
    connect(view->chart(), &QChart::plotAreaChanged, this, &TimelineView::alignPlotAreas);
}

void TimelineView::alignPlotAreas() {
  // The charts' value-axis labels differ in width ("-2" vs "0.75"), so each chart's plot
  // area starts elsewhere; extra margin on the narrower one puts the same time at the
  // same x pixel on both: whole pixels as chart margin (inside its background), the
  // fraction as layout margin, so the edges meet exactly. A chart's own inset is its plot
  // area's distance from the edge less the extra margin given here.
  if (aligning_) return;
  QChart* charts[] = {sensor_view_->chart(), score_view_->chart()};
  qreal inset[2][2], widest[2] = {0, 0}, top[2], bottom[2];
  for (int i = 0; i < 2; ++i) {
    qreal layout[2];
    charts[i]->layout()->getContentsMargins(&layout[0], &top[i], &layout[1], &bottom[i]);
    const QMargins m = charts[i]->margins();
    const qreal edge[2] = {charts[i]->plotArea().left(), charts[i]->size().width() - charts[i]->plotArea().right()};
    const int margin[2] = {m.left(), m.right()};
    for (int side = 0; side < 2; ++side) {
      inset[i][side] = edge[side] - (margin[side] - base_margins_.left()) - (layout[side] - layout_margin_);
      widest[side] = std::max(widest[side], inset[i][side]);
    }
  }
  aligning_ = true;
  for (int i = 0; i < 2; ++i) {
    const qreal extra[2] = {widest[0] - inset[i][0], widest[1] - inset[i][1]};
    const int whole[2] = {int(std::floor(extra[0])), int(std::floor(extra[1]))};
    QMargins m = charts[i]->margins();
    m.setLeft(base_margins_.left() + whole[0]);
    m.setRight(base_margins_.right() + whole[1]);
    if (m != charts[i]->margins()) charts[i]->setMargins(m);
    charts[i]->layout()->setContentsMargins(layout_margin_ + extra[0] - whole[0], top[i],
                                            layout_margin_ + extra[1] - whole[1], bottom[i]);
  }
  aligning_ = false;
}

void TimelineView::setTimeRange(double from, double to) {
  if (sensor_time_) sensor_time_->setRange(from, to);  // as a user's zoom: linkTimeAxes() sees it
}

QPair<double, double> TimelineView::timeRange(int chart) const {
  const QValueAxis* axis = chart == 0 ? sensor_time_ : score_time_;
  return axis ? qMakePair(axis->min(), axis->max()) : qMakePair(0.0, 0.0);
}

void TimelineView::setFollowLive(bool on) {
  if (!on && sensor_time_) zoom_ = qMakePair(sensor_time_->min(), sensor_time_->max());  // stays where it is
  if (following_ != on) {
    following_ = on;
    const QSignalBlocker quiet(follow_);
    follow_->setChecked(on);
    emit followLiveChanged(on);
  }
  applyTimeRange();
}

void TimelineView::applyTimeRange() {
  double from = zoom_.first, to = zoom_.second;
  if (following_) {
    // The latest follow_span_ seconds (all of it when 0 or when the stream is shorter).
    to = std::max(stream_seconds_, follow_span_);
    from = follow_span_ > 0 ? to - follow_span_ : 0;
  }
  if (to <= from) to = from + 1;
  syncing_ = true;
  for (QValueAxis* axis : {sensor_time_, score_time_})
    if (axis) axis->setRange(from, to);
  syncing_ = false;
}

void TimelineView::linkTimeAxes() {
  // A range change that is not ours is the user's zoom: both axes take it, it is kept
  // across live redraws, and following the run stops.
  auto follow = [this](QValueAxis* other) {
    return [this, other](qreal from, qreal to) {
      if (syncing_) return;
      zoom_ = qMakePair(double(from), double(to));
      follow_span_ = to - from;
      syncing_ = true;
      if (other) other->setRange(from, to);
      syncing_ = false;
      if (following_) setFollowLive(false);
    };
  };
  connect(sensor_time_, &QValueAxis::rangeChanged, this, follow(score_time_));
  connect(score_time_, &QValueAxis::rangeChanged, this, follow(sensor_time_));
}

void TimelineView::showSensor(const ScenarioRun& run) {
  const ScenarioOutcome& o = *run.outcome;
  const SensorSource& source = *run.source;
  QChart* chart = resetChart(sensor_view_);
  channels_.clear();
  const uint64_t frames = std::min<uint64_t>(source.frame_count().value_or(0), o.data.sensor.frames_arrived);
  const double rate = source.rate().millihertz() / 1000.0;
  const uint64_t step = std::max<uint64_t>(1, frames / kMaxPointsPerChannel);
  std::vector<int16_t> frame(source.channels());
  double low = 0, high = 0;
  const ScenarioSensor& first = o.scenario.sensors.front();  // several sensors: drawn in the first's units
  const QString unit = QString::fromStdString(first.units);
  const double scale = first.scale > 0 ? first.scale : 1;
  for (unsigned c = 0; c < source.channels(); ++c) {
    auto* s = new QLineSeries;
    s->setName(source.channels() > 1 ? tr("channel %1").arg(c) : tr("sensor"));
    s->setPen(QPen(seriesColor(int(c) + 6).darker(120), 1.2));
    channels_ << s;
  }
  std::vector<QList<QPointF>> points(source.channels());  // one replace() per series, not a signal per point
  for (uint64_t i = 0; i < frames; i += step) {
    source.read_frame(i, frame.data());
    for (unsigned c = 0; c < source.channels(); ++c) {
      const double v = frame[c] / scale;
      points[c].append(QPointF(double(i) / rate, v));
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  for (unsigned c = 0; c < source.channels(); ++c) channels_[int(c)]->replace(points[c]);
  const double span = std::max(high - low, 1e-9);
  // Two strips above the signal: ground truth, then the prediction under it.
  const double truth0 = high + 0.20 * span, truth1 = high + 0.32 * span;
  const double pred0 = high + 0.05 * span, pred1 = high + 0.17 * span;
  auto* time = makeValueAxis(tr("stream time (s)"), "%.1f");
  auto* value = makeValueAxis(unit.isEmpty() ? tr("value (counts)") : tr("value (%1)").arg(unit), "%.0f");
  chart->addAxis(time, Qt::AlignBottom);
  chart->addAxis(value, Qt::AlignLeft);
  std::vector<bool> named(o.classes.size() + 1, false);
  // One area per class and strip, however many stretches it has (hundreds of series would
  // make each live redraw slow): the upper edge steps up and down, the lower edge is flat.
  using Stretches = std::map<int, std::vector<QPair<double, double>>>;
  auto strip = [&](const Stretches& stretches, double y0, double y1, const QString& what) {
    for (const auto& [cls, spans] : stretches) {
      auto* upper = new QLineSeries;
      auto* lower = new QLineSeries;
      QList<QPointF> edge;
      edge.reserve(qsizetype(4 * spans.size()));
      for (const auto& [t0, t1] : spans) edge << QPointF(t0, y0) << QPointF(t0, y1) << QPointF(t1, y1) << QPointF(t1, y0);
      upper->replace(edge);
      *lower << QPointF(spans.front().first, y0) << QPointF(spans.back().second, y0);
      auto* area = new QAreaSeries(upper, lower);
      const QString name = cls >= 0 ? QString::fromStdString(o.classes[size_t(cls)]) : tr("unlabelled");
      area->setName(name);
      QColor colour = cls >= 0 ? seriesColor(cls) : QColor("#bdbdbd");
      area->setColor(colour);
      area->setBorderColor(colour);
      connect(area, &QAreaSeries::hovered, this, [spans, name, what](const QPointF& p, bool on) {
        if (!on) return;
        auto it = std::upper_bound(spans.begin(), spans.end(), p.x(),
                                   [](double t, const QPair<double, double>& stretch) { return t < stretch.first; });
        if (it == spans.begin()) return;
        --it;
        showTooltip(QString("%1: %2\n%3 s to %4 s").arg(what, name).arg(it->first, 0, 'f', 2).arg(it->second, 0, 'f', 2));
      });
      chart->addSeries(area);
      area->attachAxis(time);
      area->attachAxis(value);
      const size_t slot = cls >= 0 ? size_t(cls) : o.classes.size();
      for (QLegendMarker* m : chart->legend()->markers(area)) m->setVisible(!named[slot]);
      named[slot] = true;
    }
  };
  // Ground truth: runs of one label (read at the drawn frames).
  const std::vector<int> label_class = class_of_label(source, o.classes);
  auto class_at = [&](uint64_t i) {
    const int l = source.label(i);
    return l >= 0 && size_t(l) < label_class.size() ? label_class[size_t(l)] : -1;
  };
  truth_bands_ = 0;
  Stretches truth;
  for (uint64_t i = 0; i < frames;) {
    const int cls = class_at(i);
    uint64_t j = i;
    while (j + step < frames && class_at(j + step) == cls) j += step;
    const uint64_t end = std::min(frames, j + step);
    if (cls >= 0) {
      truth[cls].push_back({double(i) / rate, double(end) / rate});
      ++truth_bands_;
    }
    i = end;
  }
  // Predictions: each result's class from its window's start to the next result.
  strip(truth, truth0, truth1, tr("ground truth"));
  predicted_bands_ = 0;
  Stretches predicted;
  const auto& results = o.data.results;
  for (size_t k = 0; k < results.size();) {
    const int cls = results[k].predicted_class;
    size_t m = k;
    while (m + 1 < results.size() && results[m + 1].predicted_class == cls) ++m;
    const double t0 = results[k].window ? double(results[k].window->first_frame) / rate : result_seconds(o, results[k]);
    const double t1 = m + 1 < results.size() && results[m + 1].window
                          ? double(results[m + 1].window->first_frame) / rate
                          : (results[m].window ? double(results[m].window->last_frame + 1) / rate : t0);
    if (cls >= 0 && size_t(cls) < o.classes.size()) {
      predicted[cls].push_back({t0, t1});
      ++predicted_bands_;
    }
    k = m + 1;
  }
  strip(predicted, pred0, pred1, tr("predicted"));
  const QString value_unit = unit.isEmpty() ? tr("counts") : unit;
  for (QLineSeries* s : channels_) {
    chart->addSeries(s);
    s->attachAxis(time);
    s->attachAxis(value);
    connect(s, &QLineSeries::hovered, this, [name = s->name(), value_unit](const QPointF& p, bool on) {
      if (on) showTooltip(QString("%1: %2 %3 at %4 s").arg(name).arg(p.y(), 0, 'g', 5).arg(value_unit).arg(p.x(), 0, 'f', 3));
    });
  }
  stream_seconds_ = double(frames) / rate;
  sensor_time_ = time;
  keepRoundTicks(time);
  value->setRange(low - 0.05 * span, truth1 + 0.03 * span);
  keepRoundTicks(value);
  chart->setTitle(tr("%1 at %2 Hz%3 — top strip: ground truth, below it: predicted")
                      .arg(QString::fromStdString(o.scenario.sensor_names()))
                      .arg(rate, 0, 'g', 6)
                      .arg(step > 1 ? tr(" (1 frame in %1 drawn)").arg(step) : QString()));
}

void TimelineView::showScores(const ScenarioRun& run) {
  const ScenarioOutcome& o = *run.outcome;
  QChart* chart = resetChart(score_view_);
  scores_.clear();
  const TensorSummary* out = o.model.outputs.empty() ? nullptr : &o.model.outputs[0];
  const double scale = out && out->scale > 0 ? out->scale : 1.0 / 256;
  const int64_t zero = out ? out->zero_point : -128;
  auto* time = makeValueAxis(tr("stream time (s)"), "%.1f");
  auto* value = makeValueAxis(tr("score"), "%.2f");
  chart->addAxis(time, Qt::AlignBottom);
  chart->addAxis(value, Qt::AlignLeft);
  wrong_ = new QScatterSeries;
  wrong_->setName(tr("wrong prediction"));
  wrong_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  wrong_->setMarkerSize(9);
  wrong_->setColor(QColor("#212121"));
  wrong_->setBorderColor(Qt::white);
  for (size_t c = 0; c < o.classes.size(); ++c) {
    auto* s = new QLineSeries;
    s->setName(QString::fromStdString(o.classes[c]));
    s->setPen(QPen(seriesColor(int(c)), 2));
    scores_ << s;
  }
  const std::vector<int> label_class = class_of_label(*run.source, o.classes);
  double low = 0, high = 0;
  std::vector<QString> wrong_tips;
  std::vector<QList<QPointF>> score_points(o.classes.size());
  for (const InferenceResult& r : o.data.results) {
    const double t = result_seconds(o, r);
    for (size_t c = 0; c < o.classes.size() && c < r.output.size(); ++c) {
      const double v = double(int64_t(static_cast<int8_t>(r.output[c])) - zero) * scale;
      score_points[c].append(QPointF(t, v));
      low = std::min(low, v);
      high = std::max(high, v);
    }
    if (!r.window) continue;
    const int truth = window_label(*run.source, r.window->first_frame, r.window->last_frame - r.window->first_frame + 1);
    const int truth_class = truth >= 0 && size_t(truth) < label_class.size() ? label_class[size_t(truth)] : -1;
    if (truth >= 0 && r.predicted_class != truth_class) {
      const size_t p = size_t(std::max(0, r.predicted_class));
      const double v = p < r.output.size() ? double(int64_t(static_cast<int8_t>(r.output[p])) - zero) * scale : 0;
      wrong_->append(t, v);
      wrong_tips.push_back(QString("at %1 s: predicted %2, truth %3")
                               .arg(t, 0, 'f', 3)
                               .arg(r.predicted_class >= 0 && size_t(r.predicted_class) < o.classes.size()
                                        ? QString::fromStdString(o.classes[size_t(r.predicted_class)])
                                        : tr("none"))
                               .arg(truth_class >= 0 ? QString::fromStdString(o.classes[size_t(truth_class)])
                                                     : tr("unlabelled")));
    }
  }
  for (size_t c = 0; c < score_points.size(); ++c) scores_[int(c)]->replace(score_points[c]);
  for (QLineSeries* s : scores_) {
    chart->addSeries(s);
    s->attachAxis(time);
    s->attachAxis(value);
    connect(s, &QLineSeries::hovered, this, [name = s->name()](const QPointF& p, bool on) {
      if (on) showTooltip(QString("%1: score %2 at %3 s").arg(name).arg(p.y(), 0, 'f', 3).arg(p.x(), 0, 'f', 3));
    });
  }
  chart->addSeries(wrong_);
  wrong_->attachAxis(time);
  wrong_->attachAxis(value);
  connect(wrong_, &QScatterSeries::hovered, this, [this, wrong_tips](const QPointF& p, bool on) {
    if (!on) return;
    const auto points = wrong_->points();
    for (int i = 0; i < points.size(); ++i)
      if (points[i] == p && size_t(i) < wrong_tips.size()) return showTooltip(wrong_tips[size_t(i)]);
  });
  score_time_ = time;
  keepRoundTicks(time);
  const double span = std::max(high - low, 1e-9);
  value->setRange(low - 0.05 * span, high + 0.08 * span);
  keepRoundTicks(value);
  chart->setTitle(tr("Class scores of %1 results, %2 wrong").arg(o.data.results.size()).arg(wrong_->count()));
}

void TimelineView::showRun(const ScenarioRun& run) {
  if (!run.outcome || !run.source) return;
  const ScenarioOutcome& o = *run.outcome;
  syncing_ = true;  // the new axes' own range changes are not the user's
  showSensor(run);
  showScores(run);
  syncing_ = false;
  applyTimeRange();
  linkTimeAxes();
  note_->setText(tr("<b>%1</b>: %2 s of stream, %3 results%4. Drag across a chart to zoom both on time.")
                     .arg(QString::fromStdString(o.scenario.name))
                     .arg(stream_seconds_, 0, 'f', 1)
                     .arg(o.data.results.size())
                     .arg(run.partial ? tr(" so far (running)") : QString()));
}

}  // namespace tinysim::gui
