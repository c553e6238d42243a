// Compare across clocks of one device: one row per clock whose figures are the CLI's for
// the same runs (`tinysim --scenario ... --clock-mhz N --report`), bar charts named by
// clock, and a clock the device's flash cannot run at is the core's error in the window.
#include <gtest/gtest.h>

#include <QBarSet>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>

#include "app/main_window.h"
#include "compare/compare_view.h"
#include "gui_test_support.h"
#include "scenario_files.h"
#include "setup/setup_panel.h"

namespace tinysim::gui {
namespace {

const QString kWearable = QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml");

/// The CLI's JSON report of the wearable scenario, shortened to `duration`, at `mhz`.
QJsonObject cliReport(const QString& duration, int mhz) {
  const QString report = QString::fromStdString(test::scratch_dir("gui_clock_cli")) + QString("/%1.json").arg(mhz);
  QProcess cli;
  cli.start(TINYSIM_CLI, {"--scenario", kWearable, "--duration", duration, "--clock-mhz", QString::number(mhz),
                          "--report", report});
  EXPECT_TRUE(cli.waitForFinished(300000));
  EXPECT_LE(cli.exitCode(), 1) << cli.readAllStandardError().toStdString();  // 1: an expectation failed
  QFile file(report);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << report.toStdString();
  return QJsonDocument::fromJson(file.readAll()).object();
}

TEST(ClockCompare, RowsAreTheCLIsFiguresForEachClockAndATooFastClockIsTheCoresError) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(kWearable));
  window.setup()->durationBox()->setValue(120);  // two minutes of the wearable's stream
  ASSERT_EQ(window.setup()->overrides().duration, "120 s");
  window.compare()->setClockCompare("nrf52840", "16, 32 64,128");
  QString error;
  const std::vector<CompareTarget> targets = window.compare()->targets(error);
  ASSERT_TRUE(error.isEmpty()) << error.toStdString();
  ASSERT_EQ(targets.size(), 4u);
  EXPECT_EQ(targets[1].device, "nrf52840");
  EXPECT_EQ(targets[1].clock_hz, 32000000u);

  QSignalSpy done(window.simulation(), &Simulation::compareFinished);
  QSignalSpy rows(window.simulation(), &Simulation::compareRow);
  window.views()->setCurrentWidget(window.compare());
  window.startCompare();
  ASSERT_TRUE(done.wait(600000));
  ASSERT_EQ(rows.size(), 4);
  const QTableWidget* table = window.compare()->table();
  ASSERT_EQ(table->rowCount(), 4);
  const int clocks[] = {16, 32, 64};
  for (int row = 0; row < 3; ++row) {
    const ModelRunPtr run = rows[row].first().value<ModelRunPtr>();
    ASSERT_TRUE(run->ok()) << run->error;
    const QJsonObject cli = cliReport("120 s", clocks[row]);
    ASSERT_EQ(cli["device"].toObject()["clock_hz"].toInteger(), clocks[row] * 1000000);
    const double latency_ms = cli["timing"].toObject()["mean_inference_ms"].toDouble();
    const double uj = cli["energy"].toObject()["energy_per_inference_uj"].toDouble();
    const double days = cli["battery"].toObject()["days"].toDouble();
    EXPECT_EQ(table->item(row, 0)->text(), "nrf52840");
    EXPECT_EQ(table->item(row, 2)->text(), QString::number(clocks[row]));
    EXPECT_EQ(table->item(row, 3)->text(), cli["fit"].toObject()["fits"].toBool() ? "yes" : "no");
    EXPECT_EQ(table->item(row, 6)->text(), QString::number(latency_ms, 'f', 3));
    EXPECT_EQ(table->item(row, 7)->text(), QString::number(uj, 'f', 2));
    EXPECT_EQ(table->item(row, 8)->text(), QString::number(days, 'f', 0));
    // The bars: the same figures (the JSON keeps 9 significant digits).
    EXPECT_NEAR(window.compare()->figureAt(0, row), latency_ms, latency_ms * 1e-8);
    EXPECT_NEAR(window.compare()->figureAt(1, row), uj, uj * 1e-8);
    EXPECT_NEAR(window.compare()->figureAt(2, row), days, days * 1e-8);
    EXPECT_EQ(window.compare()->rowName(*run), QString("nrf52840 @ %1 MHz").arg(clocks[row]));
  }
  // Faster clock, shorter inference.
  EXPECT_GT(window.compare()->figureAt(0, 0), window.compare()->figureAt(0, 1));
  EXPECT_GT(window.compare()->figureAt(0, 1), window.compare()->figureAt(0, 2));

  // 128 MHz is beyond the nRF52840 (clock_max_hz, its datasheet's 64 MHz): the core's message, in the row and the banner.
  const ModelRunPtr too_fast = rows[3].first().value<ModelRunPtr>();
  EXPECT_FALSE(too_fast->ok());
  EXPECT_EQ(table->item(3, 2)->text(), "128");
  EXPECT_EQ(table->item(3, 6)->text(), "—");
  EXPECT_TRUE(table->item(3, 10)->text().contains("nrf52840 runs its core at up to 64 MHz, not at 128 MHz"))
      << table->item(3, 10)->text().toStdString();
  EXPECT_TRUE(window.errorShown());
  EXPECT_TRUE(window.errorText().contains("nrf52840 @ 128 MHz could not run")) << window.errorText().toStdString();
  EXPECT_TRUE(window.errorText().contains("wearable.yaml: device.clock:")) << window.errorText().toStdString();
  screenshot(window, "view_compare_clocks");
}

TEST(ClockCompare, ClocksThatAreNotNumbersAreRefusedInTheWindow) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(kWearable));
  window.compare()->setClockCompare("stm32l4r5zi", "26, fast, 120");
  QSignalSpy rows(window.simulation(), &Simulation::compareRow);
  window.startCompare();
  EXPECT_FALSE(window.simulation()->busy());
  EXPECT_TRUE(window.errorShown());
  EXPECT_TRUE(window.errorText().contains("'fast' is not a clock from 1 to 1000 MHz")) << window.errorText().toStdString();
  window.compare()->setClockCompare("stm32l4r5zi", "0.5");
  window.startCompare();
  EXPECT_TRUE(window.errorText().contains("'0.5' is not a clock")) << window.errorText().toStdString();
  EXPECT_TRUE(rows.isEmpty());
  window.compare()->setDeviceCompare();
  EXPECT_FALSE(window.compare()->clockCompare());
}

TEST(ClockCompare, TheSidePanelsClockBecomesTheCLIsClockOption) {
  MainWindow window;
  ASSERT_TRUE(window.openScenario(kWearable));
  window.setup()->clockBox()->setValue(32);
  EXPECT_EQ(window.setup()->overrides().clock_mhz, "32");  // as --clock-mhz 32 (the core adds the unit)
}

}  // namespace
}  // namespace tinysim::gui
