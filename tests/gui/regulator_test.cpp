// The setup panel's regulator mode: the chosen device's modes (its file's default first),
// disabled when the device has one or none; a scenario takes it as the CLI's
// `--set device.regulator=MODE` (Save as writes it), a model run as `--regulator MODE`;
// the Energy view and the Compare table name the mode their figures are for, and they
// are the CLI's figures for that mode.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <yaml-cpp/yaml.h>

#include "app/main_window.h"
#include "common/chart_kit.h"
#include "compare/compare_view.h"
#include "energy/energy_view.h"
#include "gui_test_support.h"
#include "scenario/scenario_parser.h"
#include "scenario_files.h"
#include "setup/setup_panel.h"

namespace tinysim::gui {
namespace {

const QString kWearable = QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml");
const QString kModel = TINYSIM_SHARED_DIR "/models/tflm_hello_world_int8.tflite";

/// Runs the CLI with `args` and returns the JSON it wrote to `report` (or to stdout when empty).
QJsonObject cliJson(const QStringList& args, const QString& report = {}) {
  QProcess cli;
  cli.start(TINYSIM_CLI, args);
  EXPECT_TRUE(cli.waitForFinished(300000));
  EXPECT_LE(cli.exitCode(), 1) << cli.readAllStandardError().toStdString();  // 1: an expectation failed
  if (report.isEmpty()) return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
  QFile file(report);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << report.toStdString();
  return QJsonDocument::fromJson(file.readAll()).object();
}

/// The run state's current in a scenario report's energy section, A.
double runCurrent(const QJsonObject& energy) {
  for (const QJsonValue& state : energy["states"].toArray())
    if (state.toObject()["state"].toString() == "run") return state.toObject()["current_ua"].toDouble() * 1e-6;
  ADD_FAILURE() << "no run state in the report";
  return 0;
}

/// A figure to the JSON report's six significant digits.
QString digits6(double value) { return QString::number(value, 'g', 6); }

/// What the Energy view's summary says of a run current and an energy per inference.
QString summaryFigures(double amps, double uj) {
  return QString("run current %1 at 64 MHz, %2 µJ per inference").arg(siText(amps, "A", 4)).arg(uj, 0, 'f', 2);
}

TEST(Regulator, LdoOnTheWearableIsTheCoresLdoRunInEveryViewAndSaveAsWritesIt) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openScenario(kWearable));
  window.setup()->durationBox()->setValue(120);
  QComboBox* regulator = window.setup()->regulatorBox();
  ASSERT_EQ(regulator->count(), 2);
  EXPECT_TRUE(regulator->isEnabled());
  EXPECT_EQ(regulator->currentText(), "dcdc");  // the nRF52840 file's default
  EXPECT_EQ(regulator->itemText(1), "ldo");
  EXPECT_TRUE(window.setup()->overrides().sets.empty());
  regulator->setCurrentText("ldo");
  const ScenarioOverrides overrides = window.setup()->overrides();
  ASSERT_EQ(overrides.sets.size(), 1u);
  EXPECT_EQ(overrides.sets[0], "device.regulator=ldo");

  QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
  window.views()->setCurrentWidget(window.energy());
  window.run();
  ASSERT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  const ScenarioRunPtr run = finished.first().first().value<ScenarioRunPtr>();
  ASSERT_TRUE(run->ok()) << run->error;
  EXPECT_EQ(run->outcome->energy.regulator, "ldo");

  const QString dir = QString::fromStdString(test::scratch_dir("gui_regulator"));
  const QJsonObject ldo = cliJson({"--scenario", kWearable, "--duration", "120 s", "--set", "device.regulator=ldo",
                                   "--report", dir + "/ldo.json"},
                                  dir + "/ldo.json")["energy"].toObject();
  const QJsonObject dcdc = cliJson({"--scenario", kWearable, "--duration", "120 s", "--report", dir + "/dcdc.json"},
                                   dir + "/dcdc.json")["energy"].toObject();
  ASSERT_EQ(ldo["regulator"].toString(), "ldo");
  ASSERT_EQ(dcdc["regulator"].toString(), "dcdc");
  const double ldo_amps = runCurrent(ldo), ldo_uj = ldo["energy_per_inference_uj"].toDouble();
  ASSERT_NE(summaryFigures(ldo_amps, ldo_uj), summaryFigures(runCurrent(dcdc), dcdc["energy_per_inference_uj"].toDouble()));
  const QString summary = window.energy()->summary()->text();
  EXPECT_TRUE(summary.contains("nrf52840, ldo regulator")) << summary.toStdString();
  EXPECT_TRUE(summary.contains(summaryFigures(ldo_amps, ldo_uj))) << summary.toStdString();
  EXPECT_EQ(digits6(run->outcome->energy_per_inference * 1e6), digits6(ldo_uj));
  screenshot(window, "regulator_energy_ldo");

  // Save as writes the mode under device:.
  const QString saved = dir + "/wearable_ldo.yaml";
  ASSERT_TRUE(window.saveScenarioAs(saved).isEmpty());
  const YAML::Node root = YAML::LoadFile(saved.toStdString());
  EXPECT_EQ(root["device"]["regulator"].as<std::string>(), "ldo");
  EXPECT_EQ(root["device"]["name"].as<std::string>(), "nrf52840");

  // Compare across clocks of the panel's device: the chosen mode, as the CLI's figures.
  QSignalSpy done(window.simulation(), &Simulation::compareFinished);
  QSignalSpy rows(window.simulation(), &Simulation::compareRow);
  window.compare()->setClockCompare("nrf52840", "64");
  window.views()->setCurrentWidget(window.compare());
  window.startCompare();
  ASSERT_TRUE(done.wait(300000));
  const QTableWidget* table = window.compare()->table();
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_EQ(table->item(0, 9)->text(), "ldo");
  EXPECT_EQ(table->item(0, 7)->text(), QString::number(ldo_uj, 'f', 2));

  // Across devices: each at its own default mode (the nRF52840's dcdc; the Apollo3 names none).
  window.compare()->setDeviceCompare();
  window.compare()->setChecked({"apollo3", "nrf52840"});
  done.clear();
  rows.clear();
  window.startCompare();
  ASSERT_TRUE(done.wait(300000));
  ASSERT_EQ(table->rowCount(), 2);
  for (int row = 0; row < 2; ++row) {
    const ModelRunPtr one = rows[row].first().value<ModelRunPtr>();
    ASSERT_TRUE(one->ok()) << one->error;
  }
  EXPECT_EQ(table->item(0, 0)->text(), "apollo3");
  EXPECT_EQ(table->item(0, 9)->text(), "—");
  EXPECT_EQ(table->item(1, 9)->text(), "dcdc");
  EXPECT_EQ(table->item(1, 7)->text(), QString::number(dcdc["energy_per_inference_uj"].toDouble(), 'f', 2));
  screenshot(window, "regulator_compare");
}

TEST(Regulator, ChoiceIsDisabledWhenTheDeviceHasOneModeOrNone) {
  MainWindow window;
  SetupPanel* setup = window.setup();
  QComboBox* regulator = setup->regulatorBox();
  setup->setDevice("samd21g18");  // its device file names no regulator mode
  EXPECT_FALSE(regulator->isEnabled());
  EXPECT_EQ(regulator->count(), 0);
  EXPECT_TRUE(regulator->toolTip().contains("names no regulator modes")) << regulator->toolTip().toStdString();
  EXPECT_EQ(setup->request().regulator, "");
  setup->setDevice("stm32u585ai");
  EXPECT_FALSE(regulator->isEnabled());
  ASSERT_EQ(regulator->count(), 1);
  EXPECT_EQ(regulator->currentText(), "smps");
  EXPECT_TRUE(regulator->toolTip().contains("one regulator mode only (smps)")) << regulator->toolTip().toStdString();
  setup->setDevice("stm32l476rg");  // the LDO only
  EXPECT_FALSE(regulator->isEnabled());
  ASSERT_EQ(regulator->count(), 1);
  EXPECT_EQ(regulator->currentText(), "ldo");
  setup->setDevice("nrf52840");
  EXPECT_TRUE(regulator->isEnabled());
  EXPECT_EQ(regulator->currentText(), "dcdc");
}

TEST(Regulator, ModelRunTakesTheModeAsTheCliDoes) {
  MainWindow window;
  window.show();
  window.openModel(kModel);
  window.setup()->setDevice("nrf52840");
  window.setup()->regulatorBox()->setCurrentText("ldo");
  QSignalSpy finished(window.simulation(), &Simulation::runFinished);
  window.views()->setCurrentWidget(window.energy());
  window.run();
  ASSERT_TRUE(finished.wait(120000));
  QApplication::processEvents();
  const ModelRunPtr run = finished.first().first().value<ModelRunPtr>();
  ASSERT_TRUE(run->ok() && run->bench) << run->error;
  const QJsonObject cli = cliJson({"model", "bench", kModel, "--device", "nrf52840", "--regulator", "ldo", "--json"});
  ASSERT_EQ(cli["regulator"].toString(), "ldo");
  EXPECT_EQ(run->bench->regulator, "ldo");
  EXPECT_EQ(digits6(run->bench->run_current * 1e3), digits6(cli["run_current_ma"].toDouble()));
  EXPECT_EQ(digits6(run->bench->energy_per_inference * 1e6), digits6(cli["energy_per_inference_uj"].toDouble()));
  const QString summary = window.energy()->summary()->text();
  EXPECT_TRUE(summary.contains("nrf52840, ldo regulator")) << summary.toStdString();
  EXPECT_TRUE(summary.contains(summaryFigures(cli["run_current_ma"].toDouble() * 1e-3,
                                              cli["energy_per_inference_uj"].toDouble())))
      << summary.toStdString();
}

}  // namespace
}  // namespace tinysim::gui
