// The views of a running scenario: held after exactly N inferences, Memory, Energy,
// Console, Performance and Results hold the run so far (the core's partial outcome,
// figure for figure); a zoomed timeline keeps its range while new data arrives, both
// charts alike, and Follow live (F) takes it back to the newest data.
#include <gtest/gtest.h>

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QDir>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include "app/main_window.h"
#include "console/console_view.h"
#include "energy/energy_view.h"
#include "gui_test_support.h"
#include "memory/memory_view.h"
#include "performance/performance_view.h"
#include "results/results_view.h"
#include "setup/setup_panel.h"
#include "timeline/timeline_view.h"

namespace tinysim::gui {
namespace {

const QString kWearable = QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml");

ScenarioRunPtr runOf(const QVariantList& signal) { return signal.first().value<ScenarioRunPtr>(); }

/// The stream time the timeline draws up to for a run so far (every frame that arrived).
double streamSecondsOf(const ScenarioRun& run) {
  return double(run.outcome->data.sensor.frames_arrived) / (run.source->rate().millihertz() / 1000.0);
}

TEST(LiveViews, EveryViewHoldsTheRunSoFarAfterThreeSteppedInferences) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(kWearable));
  QSignalSpy partial(window.simulation(), &Simulation::scenarioPartial);
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  for (int step = 0; step < 3; ++step) {  // the first Step starts the run and holds it at its first result
    window.setup()->stepButton()->click();
    ASSERT_TRUE(partial.wait(60000)) << step;
  }
  ASSERT_EQ(partial.size(), 3);
  const ScenarioRunPtr run = runOf(partial.last());
  const ScenarioOutcome& o = *run->outcome;
  ASSERT_EQ(o.data.results.size(), 3u);
  EXPECT_TRUE(finished.isEmpty());

  // Timeline (in front): three results' scores.
  EXPECT_EQ(window.timeline()->score(0)->count(), 3);

  // Memory: the stack as deep as it has gone so far, the arena the firmware planned.
  window.views()->setCurrentWidget(window.memory());
  EXPECT_GT(o.run.stack_high_water, 0u);
  EXPECT_EQ(window.memory()->stackHighWater(), o.run.stack_high_water);
  EXPECT_EQ(window.memory()->ramBytes("stack used"), double(o.run.stack_high_water));  // the RAM bar's part
  ASSERT_TRUE(o.fit);
  EXPECT_EQ(window.memory()->ramBytes("tensor arena"), double(o.fit->ram_arena));
  screenshot(window, "live_memory_mid_run");

  // Performance: one latency sample per inference so far.
  window.views()->setCurrentWidget(window.performance());
  ASSERT_TRUE(window.performance()->inferenceLatency());
  EXPECT_EQ(window.performance()->inferenceLatency()->count(), 3);

  // Results: scored so far.
  window.views()->setCurrentWidget(window.results());
  EXPECT_TRUE(window.results()->headline().contains("so far")) << window.results()->headline().toStdString();

  // Console: exactly what the firmware printed so far (TinySim's firmware prints only on errors).
  window.views()->setCurrentWidget(window.console());
  EXPECT_EQ(window.console()->consoleText(), QString::fromStdString(o.data.console_text));
  EXPECT_FALSE(window.console()->faultShown());

  // Energy: the core's energy so far, bar for bar, every power-state stretch so far drawn
  // (fewer than the 60 the chart shows), the battery estimate from the current so far.
  window.views()->setCurrentWidget(window.energy());
  const EnergyView& energy = *window.energy();
  ASSERT_GT(o.energy.energy, 0);
  ASSERT_EQ(energy.breakdown()->count(), qsizetype(o.energy.components.size()));
  for (size_t i = 0; i < o.energy.components.size(); ++i)
    EXPECT_DOUBLE_EQ(energy.breakdown()->at(int(i)), o.energy.components[i].energy * energy.breakdownScale());
  ASSERT_LT(o.run.power.size(), 60u);
  EXPECT_EQ(energy.currentSegments(), int(o.run.power.size()));
  ASSERT_TRUE(o.battery_life);
  EXPECT_EQ(energy.stateOfCharge()->count(), qsizetype(o.battery_life->state_of_charge.size()));
  EXPECT_TRUE(energy.socChart()->chart()->title().contains("so far")) << energy.socChart()->chart()->title().toStdString();
  screenshot(window, "live_energy_mid_run");

  // One more step: the view in front redraws with the fourth result's energy.
  const double before = energy.breakdown()->at(0);
  window.setup()->stepButton()->click();
  ASSERT_TRUE(partial.wait(60000));
  const ScenarioOutcome& next = *runOf(partial.last())->outcome;
  ASSERT_EQ(next.data.results.size(), 4u);
  EXPECT_DOUBLE_EQ(window.energy()->breakdown()->at(0), next.energy.components[0].energy * energy.breakdownScale());
  EXPECT_GT(window.energy()->breakdown()->at(0), before);

  window.setup()->pauseButton()->setChecked(false);
  ASSERT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  const ScenarioRunPtr done = runOf(finished.first());
  ASSERT_TRUE(done->ok()) << done->error;
  // The finished run's figures everywhere, "so far" gone.
  EXPECT_EQ(window.memory()->stackHighWater(), done->outcome->run.stack_high_water);
  EXPECT_DOUBLE_EQ(window.energy()->breakdown()->at(0),
                   done->outcome->energy.components[0].energy * window.energy()->breakdownScale());
  EXPECT_FALSE(window.energy()->socChart()->chart()->title().contains("so far"));
}

TEST(LiveViews, ConsoleAppendsWhatALiveRunPrintsAndKeepsTheReaderAtTheEnd) {
  ConsoleView console;
  console.resize(600, 300);
  console.show();
  ModelRun run;
  run.partial = true;
  run.bench = BenchResult{};
  QString expected;
  for (int line = 0; line < 200; ++line) {
    expected += QString("window %1: class 2\n").arg(line);
    run.bench->console = expected.toStdString();
    console.showRun(run);
  }
  EXPECT_EQ(console.consoleText(), expected);
  EXPECT_EQ(console.lines(), 200);
  // A new run's text that does not go on from what is shown replaces it.
  run.partial = false;
  run.bench->console = "other\n";
  console.showRun(run);
  EXPECT_EQ(console.consoleText(), "other\n");
  EXPECT_EQ(console.lines(), 1);
}

TEST(LiveViews, AZoomedTimelineKeepsItsRangeAsDataArrivesAndFollowsAgainOnF) {
  MainWindow window;
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));  // the F shortcut goes to the active window
  ASSERT_TRUE(window.openScenario(kWearable));
  window.views()->setCurrentWidget(window.timeline());
  TimelineView& timeline = *window.timeline();
  QSignalSpy partial(window.simulation(), &Simulation::scenarioPartial);
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  window.run();
  ASSERT_TRUE(partial.wait(60000));
  // Following: the axes end at the newest frame.
  EXPECT_TRUE(timeline.followLive());
  EXPECT_DOUBLE_EQ(timeline.timeRange(0).second, streamSecondsOf(*runOf(partial.last())));

  // A user's drag across the middle third of the sensor chart.
  QChart* chart = timeline.sensorChart()->chart();
  const QRectF area = chart->plotArea();
  chart->zoomIn(QRectF(area.left() + area.width() / 3, area.top(), area.width() / 3, area.height()));
  const QPair<double, double> zoomed = timeline.timeRange(0);
  EXPECT_FALSE(timeline.followLive());
  EXPECT_FALSE(timeline.followButton()->isChecked());
  EXPECT_EQ(timeline.timeRange(1), zoomed);  // the score chart zoomed with it
  const double width = zoomed.second - zoomed.first;
  ASSERT_GT(width, 0);

  // Two more partial runs are drawn; the zoom holds on both charts.
  const qsizetype seen = partial.size();
  while (partial.size() < seen + 2 && finished.isEmpty()) partial.wait(200);
  ASSERT_GE(partial.size(), seen + 2) << "the run ended first";
  EXPECT_EQ(timeline.score(0)->count(), qsizetype(runOf(partial.last())->outcome->data.results.size()));
  EXPECT_EQ(timeline.timeRange(0), zoomed);
  EXPECT_EQ(timeline.timeRange(1), zoomed);

  // F follows the run again, as wide as the zoom, ending at the newest frame.
  ASSERT_EQ(timeline.followButton()->shortcut(), QKeySequence(Qt::Key_F));
  timeline.sensorChart()->setFocus();  // (a text field with focus keeps its letters)
  QTest::keyClick(timeline.sensorChart(), Qt::Key_F);
  EXPECT_TRUE(QTest::qWaitFor([&] { return timeline.followLive(); }, 2000));  // a shortcut animates the click
  ASSERT_TRUE(partial.wait(60000));
  const double end = streamSecondsOf(*runOf(partial.last()));
  EXPECT_NEAR(timeline.timeRange(0).second, std::max(end, width), 1e-9);
  EXPECT_NEAR(timeline.timeRange(0).second - timeline.timeRange(0).first, width, 1e-9);
  EXPECT_EQ(timeline.timeRange(1), timeline.timeRange(0));
  screenshot(window, "live_timeline_following");

  // Reset zoom: the whole run, still following, to its end.
  ASSERT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  EXPECT_NEAR(timeline.timeRange(0).second, streamSecondsOf(*runOf(finished.first())), 1e-9);
  for (QPushButton* button : timeline.findChildren<QPushButton*>())
    if (button->text() == "Reset zoom") button->click();
  EXPECT_EQ(timeline.timeRange(0), qMakePair(0.0, streamSecondsOf(*runOf(finished.first()))));
  EXPECT_TRUE(timeline.followLive());
}

}  // namespace
}  // namespace tinysim::gui
