// Scenario runs through the window: open a scenario file, edit its knobs in the side
// panel, run it on the emulated chip in the worker thread (pause holds it), and check
// that the timeline, results, memory and energy views hold the core's figures; a bad
// scenario file is an error naming file:line and leaves the window usable.
#include <gtest/gtest.h>

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QFileInfo>
#include <QValueAxis>

#include "app/main_window.h"
#include "compare/compare_view.h"
#include "console/console_view.h"
#include "energy/energy_view.h"
#include "gui_test_support.h"
#include "memory/memory_view.h"
#include "performance/performance_view.h"
#include "results/results_view.h"
#include "scenario/scenario_parser.h"
#include "scenario_files.h"
#include "setup/setup_panel.h"
#include "timeline/timeline_view.h"
#include "tones_scenario.h"

namespace tinysim::gui {
namespace {

/// The tests' tones scenario with noise loud enough that some windows are misclassified.
QString writeNoisyTones(const std::string& name) {
  const std::string dir = test::scratch_dir(name);
  test::write_sign_classifier(dir + "/sign.tflite", 7);
  test::write_text(dir + "/tones.yaml", test::tones_scenario_with("noise: 50", "noise: 3000"));
  return QString::fromStdString(dir + "/tones.yaml");
}

int timelineChannels(const MainWindow& window) {
  int n = 0;
  while (window.timeline()->channel(n)) ++n;
  return n;
}

ScenarioRunPtr runScenarioAndWait(MainWindow& window) {
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  window.run();
  EXPECT_TRUE(window.simulation()->busy());
  EXPECT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  return finished.isEmpty() ? nullptr : finished.first().first().value<ScenarioRunPtr>();
}

TEST(ScenarioWindow, RunFillsTimelineResultsAndTheOtherViews) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(writeNoisyTones("gui_views"))) << window.errorText().toStdString();
  EXPECT_TRUE(window.setup()->scenarioMode());
  EXPECT_EQ(window.setup()->request().device, "nrf52840");
  EXPECT_EQ(window.setup()->windowBox()->value(), 7);
  EXPECT_EQ(window.setup()->strideBox()->value(), 3);
  EXPECT_TRUE(window.setup()->overrides().empty());

  const ScenarioRunPtr run = runScenarioAndWait(window);
  ASSERT_TRUE(run);
  ASSERT_TRUE(run->ok()) << run->error;
  ASSERT_EQ(window.lastScenario(), run);
  const ScenarioOutcome& o = *run->outcome;
  ASSERT_EQ(o.data.results.size(), (1500u - 7u) / 3u + 1u);

  // Timeline: every frame of the 30 s at 50 Hz, one score point per result per class,
  // a wrong marker for each labelled window the core scored wrong, 20 label stretches.
  const TimelineView& timeline = *window.timeline();
  EXPECT_EQ(timeline.channel(0)->count(), 1500);
  EXPECT_EQ(timeline.score(0)->count(), int(o.data.results.size()));
  EXPECT_EQ(timeline.score(1)->count(), int(o.data.results.size()));
  EXPECT_GT(o.scores.labelled, o.scores.correct);
  EXPECT_EQ(timeline.wrongMarkers()->count(), int(o.scores.labelled - o.scores.correct));
  EXPECT_EQ(timeline.truthBands(), 20);
  EXPECT_GT(timeline.predictedBands(), 20);
  // Zooming one chart's time axis zooms the other.
  auto* sensorTime = qobject_cast<QValueAxis*>(timeline.sensorChart()->chart()->axes(Qt::Horizontal).first());
  ASSERT_TRUE(sensorTime);
  sensorTime->setRange(5, 10);
  EXPECT_EQ(timeline.timeRange(1), qMakePair(5.0, 10.0));

  // Results: the core's confusion matrix and each expectation's verdict.
  const ResultsView& results = *window.results();
  ASSERT_EQ(results.confusion()->rowCount(), 2);
  for (int a = 0; a < 2; ++a)
    for (int p = 0; p < 2; ++p)
      EXPECT_EQ(results.confusion()->item(a, p)->text(), QString::number(o.scores.confusion[size_t(a)][size_t(p)]));
  ASSERT_EQ(results.expectations()->rowCount(), 4);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(results.expectations()->item(i, 3)->text(), o.expectations[size_t(i)].passed ? "PASS" : "FAIL");
  EXPECT_EQ(results.expectations()->item(0, 0)->text(), "accuracy");
  EXPECT_EQ(results.expectations()->item(0, 3)->text(), "FAIL");  // the noise costs accuracy
  EXPECT_TRUE(results.headline().contains("expectations failed"));

  // Memory, energy, console from the same run.
  ASSERT_TRUE(o.fit);
  EXPECT_EQ(window.memory()->ramBytes("sensor window"), double(o.fit->ram_window));
  EXPECT_EQ(window.memory()->ramBytes("tensor arena"), double(o.fit->ram_arena));
  ASSERT_TRUE(o.battery_life);
  EXPECT_EQ(window.energy()->stateOfCharge()->count(), int(o.battery_life->state_of_charge.size()));
  ASSERT_EQ(window.energy()->breakdown()->count(), int(o.energy.components.size()));
  EXPECT_EQ(window.console()->consoleText().toStdString(), o.data.console_text);
  // Performance: a latency histogram over every inference of the run.
  const QBarSet* latency = window.performance()->inferenceLatency();
  double inferences = 0;
  for (int i = 0; i < latency->count(); ++i) inferences += latency->at(i);
  EXPECT_GE(latency->count(), 1);
  EXPECT_LE(latency->count(), 12);
  EXPECT_EQ(inferences, double(o.data.inferences.size()));

  for (QWidget* view : {static_cast<QWidget*>(window.timeline()), static_cast<QWidget*>(window.results()),
                        static_cast<QWidget*>(window.energy()), static_cast<QWidget*>(window.performance()),
                        static_cast<QWidget*>(window.memory())}) {
    window.views()->setCurrentWidget(view);
    screenshot(window, "scenario_" + window.views()->tabText(window.views()->currentIndex()).toLower());
  }
}

TEST(ScenarioWindow, ShippedWearableScenarioRunsToTheEndFromTheBrowser) {
  MainWindow window;
  window.show();
  const QString wearable = QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml");
  ASSERT_TRUE(window.setup()->scenarioChoices().contains(wearable));
  ASSERT_TRUE(window.openScenario(wearable)) << window.errorText().toStdString();
  EXPECT_EQ(window.setup()->windowBox()->value(), 100);  // "2 s" at 50 Hz
  const ScenarioRunPtr run = runScenarioAndWait(window);
  ASSERT_TRUE(run && run->ok()) << (run ? run->error : "no run");
  const ScenarioOutcome& o = *run->outcome;
  // 10 min of 3-axis accelerometer at 50 Hz: every 5th of the 30000 frames drawn per axis.
  EXPECT_EQ(timelineChannels(window), 3);
  EXPECT_EQ(window.timeline()->channel(2)->count(), 6000);
  EXPECT_EQ(window.timeline()->score(4)->count(), int(o.data.results.size()));
  ASSERT_EQ(window.results()->expectations()->rowCount(), int(o.expectations.size()));
  for (int i = 0; i < window.results()->expectations()->rowCount(); ++i)
    EXPECT_EQ(window.results()->expectations()->item(i, 3)->text(), o.expectations[size_t(i)].passed ? "PASS" : "FAIL");
  EXPECT_EQ(window.results()->confusion()->rowCount(), 5);
  // The stacked charts' plot areas line up (their y labels, "-2" and "0.75", differ in
  // width), so one time is one x pixel on both.
  window.views()->setCurrentWidget(window.timeline());
  QApplication::processEvents();
  const QRectF sensor = window.timeline()->sensorChart()->chart()->plotArea();
  const QRectF scores = window.timeline()->scoreChart()->chart()->plotArea();
  EXPECT_EQ(sensor.left(), scores.left());
  EXPECT_EQ(sensor.right(), scores.right());
  for (QWidget* view : {static_cast<QWidget*>(window.timeline()), static_cast<QWidget*>(window.results()),
                        static_cast<QWidget*>(window.energy()), static_cast<QWidget*>(window.memory())}) {
    window.views()->setCurrentWidget(view);
    screenshot(window, "wearable_" + window.views()->tabText(window.views()->currentIndex()).toLower());
  }
}

TEST(ScenarioWindow, PanelEditsAreOverridesAndSaveAsWritesThem) {
  MainWindow window;
  const QString path = writeNoisyTones("gui_overrides");
  ASSERT_TRUE(window.openScenario(path));
  window.setup()->strideBox()->setValue(5);
  window.setup()->durationBox()->setValue(10);
  const ScenarioOverrides overrides = window.setup()->overrides();
  EXPECT_EQ(overrides.duration.value_or(""), "10 s");
  ASSERT_EQ(overrides.sets.size(), 1u);
  EXPECT_EQ(overrides.sets[0], "inference.stride=5");

  // Pause holds the run in the worker; resuming lets it finish.
  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  window.run();
  window.simulation()->setPaused(true);
  EXPECT_FALSE(finished.wait(300));
  EXPECT_TRUE(window.simulation()->busy());
  window.simulation()->setPaused(false);
  ASSERT_TRUE(finished.wait(120000));
  const ScenarioRunPtr run = finished.first().first().value<ScenarioRunPtr>();
  ASSERT_TRUE(run->ok()) << run->error;
  EXPECT_EQ(run->outcome->scenario.features.stride_frames, 5u);
  EXPECT_EQ(run->outcome->data.results.size(), (500u - 7u) / 5u + 1u);

  const QString saved = QFileInfo(path).absolutePath() + "/tones_stride5.yaml";
  ASSERT_TRUE(window.saveScenarioAs(saved).isEmpty());
  auto reread = load_scenario(saved.toStdString());
  ASSERT_TRUE(reread) << reread.error().describe();
  EXPECT_EQ(reread->features.stride_frames, 5u);
  EXPECT_DOUBLE_EQ(reread->duration_seconds, 10.0);
  EXPECT_EQ(reread->device, "nrf52840");
}

TEST(ScenarioWindow, CompareRunsTheScenarioOnEachDevice) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(writeNoisyTones("gui_compare")));
  window.compare()->setChecked({"apollo3", "nrf52840", "samd21g18"});
  QSignalSpy done(window.simulation(), &Simulation::compareFinished);
  QSignalSpy rows(window.simulation(), &Simulation::compareRow);
  window.views()->setCurrentWidget(window.compare());
  window.startCompare();
  ASSERT_TRUE(done.wait(180000));
  ASSERT_EQ(rows.size(), 3);
  const QTableWidget* table = window.compare()->table();
  ASSERT_EQ(table->rowCount(), 3);
  const char* names[] = {"apollo3", "nrf52840", "samd21g18"};
  for (int row = 0; row < 3; ++row) {
    const ModelRunPtr run = rows[row].first().value<ModelRunPtr>();
    EXPECT_EQ(table->item(row, 0)->text(), names[row]);
    if (row == 2) {  // the scenario sends radio packets; the SAMD21 has no radio
      EXPECT_FALSE(run->ok());
      EXPECT_TRUE(table->item(row, 10)->text().contains("samd21g18 has no radio figures"))
          << table->item(row, 10)->text().toStdString();
      EXPECT_EQ(table->item(row, 6)->text(), "—");
      continue;
    }
    ASSERT_TRUE(run->ok()) << run->error;
    EXPECT_TRUE(run->from_scenario);
    EXPECT_EQ(run->device.name, names[row]);
    EXPECT_EQ(table->item(row, 6)->text(), QString::number(run->bench->latency_ms(), 'f', 3));
    ASSERT_TRUE(run->energy);
    EXPECT_DOUBLE_EQ(window.compare()->figureAt(2, row), run->energy->life.days());
  }
  screenshot(window, "scenario_compare");
}

TEST(ScenarioWindow, BadScenarioIsAnErrorWithItsLineAndTheWindowStaysUsable) {
  MainWindow window;
  window.show();
  const std::string dir = test::scratch_dir("gui_bad");
  test::write_sign_classifier(dir + "/sign.tflite", 7);
  test::write_text(dir + "/bad.yaml", test::tones_scenario_with("rate: 50 Hz", "rate: fast"));
  EXPECT_FALSE(window.openScenario(QString::fromStdString(dir + "/bad.yaml")));
  EXPECT_TRUE(window.errorShown());
  EXPECT_TRUE(window.errorText().contains("bad.yaml:6:")) << window.errorText().toStdString();
  screenshot(window, "error_bad_scenario");

  // A scenario that loads but cannot run (the model wants 7 values, the window gives 9).
  ASSERT_TRUE(window.openScenario(writeNoisyTones("gui_bad_run")));
  EXPECT_FALSE(window.errorShown());
  window.setup()->windowBox()->setValue(9);
  const ScenarioRunPtr failed = runScenarioAndWait(window);
  ASSERT_TRUE(failed);
  EXPECT_FALSE(failed->ok());
  EXPECT_TRUE(window.errorShown());
  EXPECT_TRUE(window.errorText().contains("the model")) << window.errorText().toStdString();
  EXPECT_EQ(window.lastScenario(), nullptr);

  window.setup()->windowBox()->setValue(7);
  const ScenarioRunPtr good = runScenarioAndWait(window);
  ASSERT_TRUE(good && good->ok()) << (good ? good->error : "no run");
  EXPECT_FALSE(window.errorShown());
}

}  // namespace
}  // namespace tinysim::gui
