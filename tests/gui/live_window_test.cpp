// A scenario run seen live: the view in front (the timeline) fills in while the worker
// runs (partial runs, at most 10 a second), Step runs exactly one more inference, and
// the views at the end are the finished run's. (live_views_test.cpp: every other view.)
#include <gtest/gtest.h>

#include <cmath>

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>

#include "app/main_window.h"
#include "energy/energy_view.h"
#include "gui_test_support.h"
#include "results/results_view.h"
#include "scenario_files.h"
#include "setup/setup_panel.h"
#include "timeline/timeline_view.h"
#include "tones_scenario.h"

namespace tinysim::gui {
namespace {

struct Seen {
  size_t results = 0;         ///< in the partial run
  qsizetype timeline = 0;     ///< class 0's score points on the timeline then
};

size_t resultsOf(const QVariant& signal) { return signal.value<ScenarioRunPtr>()->outcome->data.results.size(); }

TEST(LiveWindow, ViewsFillInWhileTheWearableScenarioRuns) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml")));
  std::vector<Seen> seen;
  std::vector<ScenarioRunPtr> partials;
  std::vector<qint64> drawn_ns;  // when each partial run had been drawn
  QElapsedTimer clock;
  clock.start();
  // Connected after the window's own slot, so this sees the views as that partial left them.
  QObject::connect(window.simulation(), &Simulation::scenarioPartial, &window, [&](const ScenarioRunPtr& run) {
    drawn_ns.push_back(clock.nsecsElapsed());
    partials.push_back(run);
    seen.push_back({run->outcome->data.results.size(), window.timeline()->score(0)->count()});
    if (seen.size() == 3) window.simulation()->setPaused(true);  // hold it mid-run for a screenshot
  });
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  window.run();
  while (seen.size() < 3 && finished.isEmpty()) finished.wait(50);
  ASSERT_TRUE(finished.isEmpty()) << "finished before 3 partial runs";
  EXPECT_FALSE(finished.wait(300));
  window.views()->setCurrentWidget(window.timeline());
  screenshot(window, "live_timeline_mid_run");
  // Energy brought to front mid-run: drawn from the latest partial run, following its
  // latest power-state changes once there are more than the chart's 60.
  window.views()->setCurrentWidget(window.energy());
  const std::vector<PowerChange>& power = partials.back()->outcome->run.power;
  EXPECT_EQ(window.energy()->currentSegments(), int(std::min<size_t>(60, power.size())));
  if (power.size() > 60) {
    EXPECT_TRUE(window.energy()->currentChart()->chart()->title().contains("the latest"))
        << window.energy()->currentChart()->chart()->title().toStdString();
  }
  screenshot(window, "live_energy_following");
  window.views()->setCurrentWidget(window.timeline());
  window.simulation()->setPaused(false);
  ASSERT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  const ScenarioRunPtr run = finished.first().first().value<ScenarioRunPtr>();
  ASSERT_TRUE(run->ok()) << run->error;
  const auto& results = run->outcome->data.results;

  ASSERT_GE(seen.size(), 3u) << "the 10 min stream takes about 2 s: partial runs every 100 ms";
  // Batched: each partial run comes at least 100 ms after the window drew the last one
  // (at most 10 redraws a second, however fast the chip runs).
  for (size_t i = 1; i < drawn_ns.size(); ++i)
    EXPECT_GE(drawn_ns[i] - drawn_ns[i - 1], qint64(SimulationWorker::kPartialIntervalMs) * 1000000) << i;
  EXPECT_LT(seen.front().results, results.size()) << "some but not all";
  size_t before = 0;
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_GT(seen[i].results, before) << i;
    EXPECT_LE(seen[i].results, results.size()) << i;
    EXPECT_EQ(seen[i].timeline, qsizetype(seen[i].results)) << i;
    before = seen[i].results;
    // Each partial run is the start of the finished one, result for result.
    const auto& so_far = partials[i]->outcome->data.results;
    for (size_t r = 0; r < so_far.size(); ++r) {
      ASSERT_EQ(so_far[r].cycle, results[r].cycle) << i << ":" << r;
      ASSERT_EQ(so_far[r].output, results[r].output) << i << ":" << r;
    }
    EXPECT_EQ(partials[i]->outcome->data.inferences.size(), so_far.size());
  }
  // At the end: every result, no "so far", the finished run's expectations.
  EXPECT_EQ(window.timeline()->score(0)->count(), qsizetype(results.size()));
  EXPECT_FALSE(window.results()->headline().contains("so far"));
  EXPECT_TRUE(window.results()->headline().contains("expectations")) << window.results()->headline().toStdString();
}

TEST(LiveWindow, StepRunsExactlyOneMoreInference) {
  MainWindow window;
  const std::string dir = test::scratch_dir("gui_step");
  test::write_sign_classifier(dir + "/sign.tflite", 7);
  test::write_text(dir + "/tones.yaml", test::tones_scenario_with("noise: 50", "noise: 3000"));
  ASSERT_TRUE(window.openScenario(QString::fromStdString(dir + "/tones.yaml")));
  QSignalSpy partial(window.simulation(), &Simulation::scenarioPartial);
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  QSignalSpy progress(window.simulation(), &Simulation::progress);
  double latest_so_far = 0;

  // Step on an idle window starts the run and holds it at its first result.
  window.setup()->stepButton()->click();
  ASSERT_TRUE(partial.wait(60000));
  EXPECT_TRUE(window.setup()->pauseButton()->isChecked());
  for (size_t step = 1; step <= 4; ++step) {
    ASSERT_EQ(partial.size(), qsizetype(step));
    EXPECT_EQ(resultsOf(partial.last().first()), step);
    EXPECT_EQ(window.timeline()->score(0)->count(), qsizetype(step));
    // The progress line is at least as far as the results shown, though the run is held.
    latest_so_far = partial.last().first().value<ScenarioRunPtr>()->outcome->simulated_seconds;
    ASSERT_FALSE(progress.isEmpty());
    const QString text = progress.last().first().toString();
    const QRegularExpressionMatch shown = QRegularExpression("([0-9]+\\.[0-9]) of").match(text);
    ASSERT_TRUE(shown.hasMatch()) << text.toStdString();
    EXPECT_GE(shown.captured(1).toDouble(), std::floor(latest_so_far * 10) / 10) << text.toStdString();
    EXPECT_FALSE(partial.wait(300)) << "paused: nothing more arrives";
    window.setup()->stepButton()->click();
    ASSERT_TRUE(partial.wait(60000));
  }
  EXPECT_EQ(resultsOf(partial.last().first()), 5u);
  EXPECT_GE(latest_so_far, 0.1) << "the progress check above could not fail";
  EXPECT_TRUE(finished.isEmpty());
  window.setup()->pauseButton()->setChecked(false);
  ASSERT_TRUE(finished.wait(120000));
  const ScenarioRunPtr run = finished.first().first().value<ScenarioRunPtr>();
  ASSERT_TRUE(run->ok()) << run->error;
  // Stepping changed nothing: the same results as a run straight through.
  const ScenarioRun straight = run_scenario_file({dir + "/tones.yaml", {}, TINYSIM_SOURCE_DIR "/devices"}, {});
  ASSERT_TRUE(straight.ok()) << straight.error;
  ASSERT_EQ(run->outcome->data.results.size(), straight.outcome->data.results.size());
  for (size_t r = 0; r < straight.outcome->data.results.size(); ++r) {
    EXPECT_EQ(run->outcome->data.results[r].cycle, straight.outcome->data.results[r].cycle) << r;
    EXPECT_EQ(run->outcome->data.results[r].output, straight.outcome->data.results[r].output) << r;
  }
  for (qsizetype step = 0; step < partial.size(); ++step)
    EXPECT_EQ(partial[step].first().value<ScenarioRunPtr>()->outcome->data.results.back().cycle,
              straight.outcome->data.results[size_t(step)].cycle);
}

}  // namespace
}  // namespace tinysim::gui
