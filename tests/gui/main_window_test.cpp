// The window offscreen, driven as a user would: run a model on an emulated device and
// check that every view holds the core's figures, that a bad model shows an error and
// keeps the last good results, that Compare fills one row per device, that exports
// write the core's report; screenshots of each view go to the build tree.
#include <gtest/gtest.h>

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include "app/main_window.h"
#include "gui_test_support.h"
#include "compare/compare_view.h"
#include "console/console_view.h"
#include "energy/energy_view.h"
#include "memory/memory_view.h"
#include "performance/performance_view.h"
#include "report/bench_report.h"
#include "setup/setup_panel.h"

namespace tinysim::gui {
namespace {

const QString kModel = TINYSIM_SHARED_DIR "/models/tflm_hello_world_int8.tflite";
const QString kKeywords = TINYSIM_SHARED_DIR "/models/mlperf_tiny_kws_ref_model.tflite";

void app() { ASSERT_NE(QApplication::instance(), nullptr); }

/// Runs what the window's Run button runs and waits for the worker's answer.
ModelRunPtr runAndWait(MainWindow& window, uint32_t runs = 0) {
  QSignalSpy finished(window.simulation(), &Simulation::runFinished);
  window.run(runs);
  EXPECT_TRUE(window.simulation()->busy());
  EXPECT_FALSE(window.setup()->runButton()->isEnabled());  // no second job while one runs
  EXPECT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  return finished.isEmpty() ? nullptr : finished.first().first().value<ModelRunPtr>();
}

TEST(MainWindow, OpensWithEveryView) {
  app();
  MainWindow window;
  ASSERT_EQ(window.views()->count(), 7);
  EXPECT_EQ(window.views()->tabText(0), "Timeline");
  EXPECT_EQ(window.views()->tabText(1), "Memory");
  EXPECT_EQ(window.views()->tabText(5), "Results");
  EXPECT_EQ(window.views()->tabText(6), "Compare");
  EXPECT_EQ(window.windowTitle(), "TinySim");
  EXPECT_FALSE(window.errorShown()) << window.errorText().toStdString();
  EXPECT_EQ(window.setup()->request().device, "stm32l476rg");
  EXPECT_EQ(window.setup()->request().battery, "cr2032");
}

TEST(MainWindow, ModelRunFillsEveryViewWithTheCoresFigures) {
  app();
  MainWindow window;
  window.show();
  window.openModel(kKeywords);
  const ModelRunPtr run = runAndWait(window);
  ASSERT_TRUE(run);
  ASSERT_TRUE(run->ok()) << run->error;
  ASSERT_TRUE(run->fit && run->bench && run->energy) << run->energy_note;
  EXPECT_EQ(window.lastRun(), run);
  EXPECT_FALSE(window.errorShown());
  const ModelFit& fit = *run->fit;
  const BenchResult& bench = *run->bench;

  // Memory: each bar is the core's figure, free is the rest of the capacity.
  const MemoryView& memory = *window.memory();
  EXPECT_EQ(memory.flashBytes("firmware code"), double(fit.flash_firmware));
  EXPECT_EQ(memory.flashBytes("model"), double(fit.flash_model));
  EXPECT_EQ(memory.flashBytes("free"), double(fit.flash_capacity - fit.flash_used()));
  EXPECT_EQ(memory.ramBytes("tensor arena"), double(fit.ram_arena));
  EXPECT_EQ(memory.ramBytes("stack used"), double(bench.stack_high_water));
  EXPECT_EQ(memory.ramBytes("stack used") + memory.ramBytes("stack free"), double(fit.ram_stack));
  EXPECT_EQ(memory.ramBytes("data + bss"), double(fit.ram_static));
  EXPECT_EQ(memory.ramBytes("free"), double(fit.ram_capacity - fit.ram_used()));
  EXPECT_EQ(memory.arenaRectangles(), int(run->summary.arena.tensors.size()));
  EXPECT_GT(memory.arenaRectangles(), 5);
  EXPECT_EQ(memory.arenaChart()->chart()->series().size(), run->summary.arena.tensors.size());

  // Performance: one bar per layer with its mean cycles; one latency bar per inference.
  const PerformanceView& perf = *window.performance();
  ASSERT_EQ(perf.layerCycles()->count(), int(bench.layers.size()));
  EXPECT_EQ(perf.layerCycles()->count(), int(run->summary.layers.size()));
  for (size_t i = 0; i < bench.layers.size(); ++i)
    EXPECT_DOUBLE_EQ(perf.layerCycles()->at(int(i)) * perf.cycleUnit(), double(bench.layers[i].cycles)) << "layer " << i;
  EXPECT_EQ(perf.layerTable()->rowCount(), int(bench.layers.size()));
  EXPECT_EQ(perf.layerTable()->item(0, 1)->text().toStdString(), bench.layers[0].op);
  ASSERT_EQ(perf.inferenceLatency()->count(), 5);
  EXPECT_DOUBLE_EQ(perf.inferenceLatency()->at(0), 1e3 * double(bench.inference_cycles[0]) / bench.clock_hz);

  // Energy: the core's components and state-of-charge curve, and its assumptions listed.
  const EnergyView& energy = *window.energy();
  const PeriodEnergy& e = *run->energy;
  ASSERT_EQ(energy.breakdown()->count(), int(e.report.components.size()));
  EXPECT_DOUBLE_EQ(energy.breakdown()->at(0), e.report.components[0].energy * energy.breakdownScale());
  EXPECT_EQ(energy.stateOfCharge()->count(), int(e.life.state_of_charge.size()));
  EXPECT_GT(e.life.days(), 1.0);
  EXPECT_GE(energy.assumptions()->count(), int(e.report.assumptions.size() + e.life.assumptions.size()));

  // Console: what the firmware printed.
  EXPECT_EQ(window.console()->consoleText().toStdString(), bench.console);
  EXPECT_FALSE(window.console()->faultShown());

  for (int i = 0; i < window.views()->count(); ++i) {
    window.views()->setCurrentIndex(i);
    screenshot(window, "view_" + window.views()->tabText(i).toLower());
  }
}

TEST(MainWindow, BadModelShowsTheCoresErrorAndKeepsTheLastGoodResults) {
  app();
  MainWindow window;
  window.show();
  window.openModel(kModel);
  const ModelRunPtr good = runAndWait(window, 1);
  ASSERT_TRUE(good && good->ok()) << (good ? good->error : "no run");
  const double arena = window.memory()->ramBytes("tensor arena");

  QTemporaryDir dir;
  const QString bad = dir.filePath("broken.tflite");
  QFile file(bad);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("this is not a flatbuffer");
  file.close();
  window.openModel(bad);
  const ModelRunPtr failed = runAndWait(window);
  ASSERT_TRUE(failed);
  EXPECT_FALSE(failed->ok());
  EXPECT_TRUE(window.errorShown());
  EXPECT_TRUE(window.errorText().contains("broken.tflite")) << window.errorText().toStdString();
  EXPECT_TRUE(window.console()->faultShown());
  EXPECT_EQ(window.lastRun(), good);  // the views still show the good run
  EXPECT_EQ(window.memory()->ramBytes("tensor arena"), arena);
  EXPECT_TRUE(window.setup()->runButton()->isEnabled());
  window.views()->setCurrentWidget(window.console());
  screenshot(window, "error_bad_model");

  // The window is still usable: the next good run clears the error.
  window.openModel(kModel);
  const ModelRunPtr again = runAndWait(window, 1);
  ASSERT_TRUE(again && again->ok());
  EXPECT_FALSE(window.errorShown());
  EXPECT_EQ(window.lastRun(), again);
}

TEST(MainWindow, ModelThatDoesNotFitIsAnErrorNamingTheShortfall) {
  app();
  MainWindow window;
  window.openModel(TINYSIM_SHARED_DIR "/models/mlperf_tiny_vww_96_int8.tflite");
  window.setup()->setDevice("samd21g18");
  const ModelRunPtr run = runAndWait(window);
  ASSERT_TRUE(run);
  EXPECT_FALSE(run->ok());
  EXPECT_TRUE(run->fit && !run->fit->fits());
  EXPECT_TRUE(window.errorText().contains("does not fit samd21g18")) << window.errorText().toStdString();
}

TEST(MainWindow, CompareHasOneRowPerDeviceWithItsFigures) {
  app();
  MainWindow window;
  window.show();
  window.openModel(kModel);
  window.compare()->setChecked({"nrf52840", "samd21g18", "stm32l476rg"});
  QSignalSpy done(window.simulation(), &Simulation::compareFinished);
  QSignalSpy rows(window.simulation(), &Simulation::compareRow);
  window.views()->setCurrentWidget(window.compare());
  window.startCompare();
  ASSERT_TRUE(done.wait(180000));
  ASSERT_EQ(rows.size(), 3);
  const QTableWidget* table = window.compare()->table();
  ASSERT_EQ(table->rowCount(), 3);
  for (int row = 0; row < 3; ++row) {
    const ModelRunPtr run = rows[row].first().value<ModelRunPtr>();
    ASSERT_TRUE(run->ok()) << run->error;
    EXPECT_EQ(table->item(row, 0)->text().toStdString(), run->device.name);
    EXPECT_EQ(table->item(row, 3)->text(), "yes");
    EXPECT_EQ(table->item(row, 6)->text(), QString::number(run->bench->latency_ms(), 'f', 3));
    EXPECT_DOUBLE_EQ(window.compare()->figureAt(0, row), run->bench->latency_ms());
    EXPECT_DOUBLE_EQ(window.compare()->figureAt(2, row), run->energy->life.days());
  }
  EXPECT_EQ(table->item(0, 0)->text(), "nrf52840");
  EXPECT_EQ(table->item(1, 1)->text(), "cortex-m0plus");
  screenshot(window, "view_compare_three_devices");
}

TEST(MainWindow, ExportsWriteTheCoresReportCsvAndOnePngPerView) {
  app();
  MainWindow window;
  window.show();
  EXPECT_FALSE(window.exportReport("/nonexistent/report.json").isEmpty());  // nothing run yet
  window.openModel(kModel);
  const ModelRunPtr run = runAndWait(window, 2);
  ASSERT_TRUE(run && run->ok());
  QTemporaryDir dir;
  ASSERT_TRUE(window.exportReport(dir.filePath("report.json")).isEmpty());
  QFile json(dir.filePath("report.json"));
  ASSERT_TRUE(json.open(QIODevice::ReadOnly));
  EXPECT_EQ(json.readAll().toStdString(), bench_report_json(*run->bench));

  ASSERT_TRUE(window.exportCsv(dir.filePath("layers.csv")).isEmpty());
  QFile csv(dir.filePath("layers.csv"));
  ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
  const QStringList lines = QString(csv.readAll()).split('\n', Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), int(run->bench->layers.size()) + 1);
  EXPECT_EQ(lines[0], "index,op,cycles,time_ms,macs,cycles_per_mac");
  EXPECT_TRUE(lines[1].startsWith(QString("0,FULLY_CONNECTED,%1,").arg(run->bench->layers[0].cycles)));

  const QStringList pngs = window.exportCharts(dir.filePath("charts"));
  EXPECT_EQ(pngs.size(), window.views()->count());
  EXPECT_TRUE(QFile::exists(dir.filePath("charts/memory.png")));
  EXPECT_FALSE(window.exportCsv("/nonexistent/dir/x.csv").isEmpty());
}

}  // namespace
}  // namespace tinysim::gui
