#pragma once
// Timeline of a scenario run: the sensor channels with the ground-truth label bands
// and the predicted labels under them, the class scores of every result over time
// with a marker where a prediction was wrong; both charts zoom together on time.
#include <QMargins>
#include <QWidget>

#include "adapter/scenario_job.h"

class QChartView;
class QLabel;
class QPushButton;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tinysim::gui {

class TimelineView : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineView(QWidget* parent = nullptr);
  void showRun(const ScenarioRun& run);

  /// Sensor channel `c` as drawn (every frame, or every n-th of a long stream).
  QLineSeries* channel(int c) const { return channels_.value(c); }
  /// Class `c`'s score at each result.
  QLineSeries* score(int c) const { return scores_.value(c); }
  QScatterSeries* wrongMarkers() const { return wrong_; }
  int truthBands() const { return truth_bands_; }
  int predictedBands() const { return predicted_bands_; }
  QChartView* sensorChart() const { return sensor_view_; }
  QChartView* scoreChart() const { return score_view_; }
  /// Zooms both charts' time axes as a user's drag does (following stops).
  void setTimeRange(double from, double to);
  QPair<double, double> timeRange(int chart) const;
  /// Follow live: the time axes end at the newest data of a running scenario, as wide as
  /// the last zoom (or the whole stream so far). On at first; a zoom turns it off; the
  /// "Follow live" button (F) and Reset zoom turn it on.
  bool followLive() const { return following_; }
  void setFollowLive(bool on);
  QPushButton* followButton() const { return follow_; }

 signals:
  void followLiveChanged(bool on);

 private:
  void showSensor(const ScenarioRun& run);
  void showScores(const ScenarioRun& run);
  void linkTimeAxes();
  /// Layout margins that line the charts' plot areas up (left and right edges), so one
  /// time is one x pixel on every chart.
  void alignPlotAreas();
  /// Sets both time axes: the latest stretch when following, else the user's zoom.
  void applyTimeRange();

  QChartView* sensor_view_;
  QChartView* score_view_;
  QLabel* note_;
  QPushButton* follow_;
  QList<QLineSeries*> channels_;
  QList<QLineSeries*> scores_;
  QScatterSeries* wrong_ = nullptr;
  QValueAxis* sensor_time_ = nullptr;
  QValueAxis* score_time_ = nullptr;
  int truth_bands_ = 0;
  int predicted_bands_ = 0;
  double stream_seconds_ = 0;
  bool aligning_ = false;  ///< setting margins ourselves
  QMargins base_margins_;    ///< the charts' own margins, before aligning
  qreal layout_margin_ = 0;  ///< the charts' own left/right layout margin, before aligning
  bool syncing_ = false;  ///< setting ranges ourselves (not a user's zoom)
  bool following_ = true;
  double follow_span_ = 0;  ///< seconds shown while following; 0: all of the stream so far
  QPair<double, double> zoom_{0, 0};  ///< the user's range while not following
};

}  // namespace tinysim::gui
