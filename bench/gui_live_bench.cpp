// Benchmark: a scenario run in the desktop app, live views and all. Opens the window
// offscreen at 1280x800, runs the scenario (default: scenarios/wearable.yaml) three
// times with the Timeline in front and prints the best wall and process CPU time from
// Run to the finished views, the partial runs the window drew, and the headless
// run_scenario time for the same file: what the live views cost.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "app/main_window.h"
#include "timeline/timeline_view.h"
#include "scenario/scenario_parser.h"
#include "scenario/scenario_run.h"

using tinysim::gui::MainWindow;
using tinysim::gui::ScenarioRunPtr;
using tinysim::gui::Simulation;

namespace {

double cpu_seconds(std::clock_t since) { return double(std::clock() - since) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName("TinySimBench");
  const QString file = argc > 1 ? QString(argv[1]) : QDir::cleanPath(TINYSIM_SOURCE_DIR "/scenarios/wearable.yaml");

  double headless = 1e30, headless_cpu = 1e30;
  auto scenario = tinysim::load_scenario(file.toStdString());
  if (!scenario) {
    std::fprintf(stderr, "%s\n", scenario.error().describe().c_str());
    return 2;
  }
  tinysim::ScenarioRunOptions options;
  options.devices_dir = TINYSIM_SOURCE_DIR "/devices";
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    auto outcome = tinysim::run_scenario(scenario.value(), options);
    if (!outcome) {
      std::fprintf(stderr, "%s\n", outcome.error().describe().c_str());
      return 2;
    }
    headless = std::min(headless, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    headless_cpu = std::min(headless_cpu, cpu_seconds(cpu));
  }

  MainWindow window;
  window.show();
  if (!window.openScenario(file)) {
    std::fprintf(stderr, "%s\n", window.errorText().toStdString().c_str());
    return 2;
  }
  double best = 1e30, best_cpu = 1e30;
  qsizetype partials = 0;
  for (int i = 0; i < 3; ++i) {
    window.views()->setCurrentWidget(window.timeline());
    QSignalSpy partial(window.simulation(), &Simulation::scenarioPartial);
    QSignalSpy finished(window.simulation(), &Simulation::scenarioFinished);
    QElapsedTimer wall;
    wall.start();
    const std::clock_t cpu = std::clock();
    window.run();
    if (!finished.wait(600000)) {
      std::fprintf(stderr, "the run did not finish\n");
      return 2;
    }
    QApplication::processEvents();  // the finished views drawn
    best = std::min(best, double(wall.elapsed()) / 1e3);
    best_cpu = std::min(best_cpu, cpu_seconds(cpu));
    partials = partial.size();
    if (!finished.first().first().value<ScenarioRunPtr>()->ok()) {
      std::fprintf(stderr, "%s\n", window.errorText().toStdString().c_str());
      return 2;
    }
  }
  std::printf("%-28s %10s %10s %10s\n", "best of 3", "wall (s)", "cpu (s)", "partials");
  std::printf("%-28s %10.3f %10.3f %10s\n", "headless run_scenario", headless, headless_cpu, "-");
  std::printf("%-28s %10.3f %10.3f %10lld\n", "tinysim-gui, live views", best, best_cpu,
              static_cast<long long>(partials));
  return 0;
}
