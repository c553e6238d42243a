#include "app/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "compare/compare_view.h"
#include "console/console_view.h"
#include "device/device_catalog.h"
#include "energy/energy_view.h"
#include "memory/memory_view.h"
#include "performance/performance_view.h"
#include "report/bench_report.h"
#include "report/scenario_reports.h"
#include "results/results_view.h"
#include "scenario/scenario_parser.h"
#include "sensors/window_label.h"
#include "timeline/timeline_view.h"
#include "setup/setup_panel.h"

namespace tinysim::gui {
namespace {

constexpr int kRecentMax = 8;

const QString kRecentKey = "recentFiles";

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      simulation_(new Simulation(this)),
      setup_(new SetupPanel),
      views_(new QTabWidget),
      error_(new QLabel),
      memory_(new MemoryView),
      performance_(new PerformanceView),
      energy_(new EnergyView),
      console_(new ConsoleView),
      compare_(new CompareView),
      timeline_(new TimelineView),
      results_(new ResultsView) {
  setWindowTitle("TinySim");
  views_->addTab(timeline_, tr("Timeline"));
  views_->addTab(memory_, tr("Memory"));
  views_->addTab(performance_, tr("Performance"));
  views_->addTab(energy_, tr("Energy"));
  views_->addTab(console_, tr("Console"));
  views_->addTab(results_, tr("Results"));
  views_->addTab(compare_, tr("Compare"));
  views_->setDocumentMode(true);

  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet(
      "QLabel { background: #fdecea; color: #7f1d1d; border-left: 6px solid #c62828; padding: 8px; }");
  error_->hide();
  auto* central = new QWidget;
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(error_);
  layout->addWidget(views_, 1);
  setCentralWidget(central);

  auto* dock = new QDockWidget(tr("Setup"));
  dock->setWidget(setup_);
  dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
  addDockWidget(Qt::LeftDockWidgetArea, dock);

  connect(setup_, &SetupPanel::browseRequested, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), {}, tr("TFLite models (*.tflite)"));
    if (!path.isEmpty()) openModel(path);
  });
  connect(setup_, &SetupPanel::browseScenarioRequested, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), {}, tr("Scenarios (*.yaml *.yml)"));
    if (!path.isEmpty()) openScenario(path);
  });
  connect(setup_, &SetupPanel::scenarioChosen, this, [this](const QString& path) { openScenario(path); });
  connect(setup_, &SetupPanel::runRequested, this, [this] { run(); });
  connect(setup_, &SetupPanel::stepRequested, this, [this] {
    if (!setup_->scenarioMode()) return run(1);
    if (simulation_->busy()) return simulation_->step();
    run();
    simulation_->setPaused(true);
    setup_->pauseButton()->setChecked(true);
    simulation_->step();  // hold at the first result
  });
  connect(setup_, &SetupPanel::pauseToggled, simulation_, &Simulation::setPaused);
  connect(simulation_, &Simulation::scenarioPartial, this, &MainWindow::onScenarioPartial);
  connect(simulation_, &Simulation::scenarioFinished, this, &MainWindow::onScenarioFinished);
  connect(views_, &QTabWidget::currentChanged, this, &MainWindow::drawLive);
  connect(setup_, &SetupPanel::resetRequested, this, &MainWindow::reset);
  connect(compare_, &CompareView::compareRequested, this, &MainWindow::startCompare);
  connect(compare_, &CompareView::stopRequested, simulation_, &Simulation::stop);
  connect(simulation_, &Simulation::busyChanged, this, [this](bool busy) {
    setup_->setBusy(busy);
    compare_->setBusy(busy);
    if (busy) statusBar()->showMessage(tr("Running: the views show the run so far."));
    if (busy && setup_->scenarioMode()) setup_->stepButton()->setEnabled(true);  // steps a paused scenario
  });
  connect(simulation_, &Simulation::progress, setup_, &SetupPanel::setProgress);
  connect(simulation_, &Simulation::runFinished, this, &MainWindow::onRunFinished);
  connect(simulation_, &Simulation::compareRow, this, [this](const ModelRunPtr& run, int index, int count) {
    compare_->addRun(*run);
    if (!run->ok())  // e.g. a clock the device's flash cannot run at: the core's words, in the window
      showError(tr("%1 could not run").arg(compare_->rowName(*run)), QString::fromStdString(run->error));
    setup_->setProgress(tr("Compared %1 of %2 runs").arg(index + 1).arg(count), index + 1, count);
  });
  connect(simulation_, &Simulation::compareFinished, this,
          [this] { statusBar()->showMessage(tr("Comparison done: %1 runs").arg(compare_->table()->rowCount())); });

  buildMenus();
  loadCatalog();
  statusBar()->showMessage(tr("No model loaded"));
  resize(1280, 800);
}

void MainWindow::loadCatalog() {
  devices_dir_ = devices_dir(QApplication::applicationFilePath().toStdString());
  auto devices = list_devices(devices_dir_);
  if (!devices) {
    showError(tr("Could not read the device catalog"), QString::fromStdString(devices.error().describe()));
    return;
  }
  setup_->setDevices(devices.value());
  setup_->setDevice("stm32l476rg");
  compare_->setDevices(devices.value());
  auto batteries = list_batteries(devices_dir_ + "/batteries");
  if (batteries) setup_->setBatteries(batteries.value());
  else showError(tr("Could not read the batteries"), QString::fromStdString(batteries.error().describe()));
  QStringList models;
  const QDir builtIn(QString::fromStdString(devices_dir_) + "/../scenarios/models");
  for (const QString& name : builtIn.entryList({"*.tflite"}, QDir::Files, QDir::Name))
    models << QDir::cleanPath(builtIn.absoluteFilePath(name));
  setup_->setBuiltInModels(models);
  QStringList scenarios;
  const QDir scenarioDir(QString::fromStdString(devices_dir_) + "/../scenarios");
  for (const QString& name : scenarioDir.entryList({"*.yaml"}, QDir::Files, QDir::Name))
    scenarios << QDir::cleanPath(scenarioDir.absoluteFilePath(name));
  setup_->setBuiltInScenarios(scenarios);
  for (const QString& path : QSettings().value(kRecentKey).toStringList()) {
    if (path.endsWith(".tflite")) setup_->setBuiltInModels({path});
    else setup_->setBuiltInScenarios({path});
  }
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("Open &scenario…"), QKeySequence::Open, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), {}, tr("Scenarios (*.yaml *.yml)"));
    if (!path.isEmpty()) openScenario(path);
  });
  file->addAction(tr("Save scenario &as…"), QKeySequence::SaveAs, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the scenario with your changes"),
                                                      QFileInfo(setup_->scenarioPath()).absolutePath(),
                                                      tr("Scenarios (*.yaml)"));
    if (path.isEmpty()) return;
    if (const QString e = saveScenarioAs(path); !e.isEmpty()) showError(tr("Could not save the scenario"), e);
  });
  file->addAction(tr("Open &model…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), {}, tr("TFLite models (*.tflite)"));
    if (!path.isEmpty()) openModel(path);
  });
  recent_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  file->addSeparator();
  file->addAction(tr("Export report &JSON…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), "report.json", "JSON (*.json)");
    if (path.isEmpty()) return;
    if (const QString e = exportReport(path); !e.isEmpty()) showError(tr("Export failed"), e);
  });
  file->addAction(tr("Export results &CSV…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), "layers.csv", "CSV (*.csv)");
    if (path.isEmpty()) return;
    if (const QString e = exportCsv(path); !e.isEmpty()) showError(tr("Export failed"), e);
  });
  file->addAction(tr("Export charts as &PNG…"), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the chart images"));
    if (!dir.isEmpty()) statusBar()->showMessage(tr("Wrote %1 images").arg(exportCharts(dir).size()));
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
  sim->addAction(tr("&Run"), this, [this] { run(); });
  sim->addAction(tr("&Step one inference"), this, [this] { run(1); });
  sim->addAction(tr("&Compare devices"), this, [this] {
    views_->setCurrentWidget(compare_);
    startCompare();
  });
  sim->addAction(tr("R&eset views"), this, &MainWindow::reset);
}

void MainWindow::rebuildRecentMenu() {
  recent_->clear();
  const QStringList paths = QSettings().value(kRecentKey).toStringList();
  for (const QString& path : paths) recent_->addAction(path, this, [this, path] { openFile(path); });
  recent_->setEnabled(!paths.isEmpty());
}

void MainWindow::rememberFile(const QString& path) {
  QSettings settings;
  QStringList paths = settings.value(kRecentKey).toStringList();
  paths.removeAll(path);
  paths.prepend(path);
  while (paths.size() > kRecentMax) paths.removeLast();
  settings.setValue(kRecentKey, paths);
  rebuildRecentMenu();
}

void MainWindow::openFile(const QString& path) {
  if (path.endsWith(".yaml") || path.endsWith(".yml")) openScenario(path);
  else openModel(path);
}

void MainWindow::openModel(const QString& path) {
  setup_->setModelPath(path);
  rememberFile(path);
  statusBar()->showMessage(tr("Model %1: press Run").arg(path));
}

bool MainWindow::openScenario(const QString& path) {
  auto scenario = load_scenario(path.toStdString());
  if (!scenario) {
    showError(tr("Could not open the scenario"), QString::fromStdString(scenario.error().describe()));
    return false;
  }
  hideError();
  setup_->setScenario(path, scenario.value());
  rememberFile(path);
  statusBar()->showMessage(tr("Scenario %1: press Run").arg(path));
  return true;
}

QString MainWindow::saveScenarioAs(const QString& path) {
  if (setup_->scenarioPath().isEmpty()) return tr("Open a scenario first.");
  if (Status st = save_scenario_as(setup_->scenarioPath().toStdString(), setup_->overrides(), path.toStdString()))
    return QString::fromStdString(st->describe());
  rememberFile(path);
  return {};
}

void MainWindow::run(uint32_t runs_override) {
  if (setup_->scenarioMode()) {
    if (setup_->scenarioPath().isEmpty()) {
      showError(tr("No scenario"), tr("Open a scenario (File ▸ Open scenario…) or pick a built-in one."));
      return;
    }
    ScenarioRequest request;
    request.path = setup_->scenarioPath().toStdString();
    request.overrides = setup_->overrides();
    request.devices_dir = devices_dir_;
    simulation_->runScenario(request, setup_->durationSeconds());
    return;
  }
  RunRequest request = setup_->request();
  request.devices_dir = devices_dir_;
  if (runs_override) request.runs = runs_override;
  if (request.model_path.empty()) {
    showError(tr("No model"), tr("Open a .tflite model (File ▸ Open model…) or pick a built-in one."));
    return;
  }
  simulation_->run(request);
}

void MainWindow::startCompare() {
  QString error;
  std::vector<CompareTarget> targets = compare_->targets(error);
  if (!error.isEmpty()) return showError(tr("Cannot compare"), error);
  // Across clocks of the panel's device: the regulator mode chosen there (across devices,
  // each its own default).
  const RunRequest chosen = setup_->request();
  if (compare_->clockCompare())
    for (CompareTarget& target : targets)
      if (target.device == chosen.device && !chosen.regulator.empty()) target.regulator = chosen.regulator;
  if (setup_->scenarioMode()) {
    if (setup_->scenarioPath().isEmpty()) {
      showError(tr("No scenario"), tr("Open a scenario to compare devices with."));
      return;
    }
    ScenarioRequest request;
    request.path = setup_->scenarioPath().toStdString();
    request.overrides = setup_->overrides();
    request.devices_dir = devices_dir_;
    hideError();
    compare_->clear();
    simulation_->compareScenario(request, targets);
    return;
  }
  RunRequest request = setup_->request();
  request.devices_dir = devices_dir_;
  if (request.model_path.empty()) {
    showError(tr("No model"), tr("Open a .tflite model to compare devices with."));
    return;
  }
  hideError();
  compare_->clear();
  simulation_->compare(request, targets);
}

void MainWindow::reset() {
  live_.reset();
  live_figures_.reset();
  last_good_.reset();
  last_scenario_.reset();
  hideError();
  const int current = views_->currentIndex();
  auto replace = [this](QWidget* old, QWidget* fresh) {
    const int index = views_->indexOf(old);
    const QString title = views_->tabText(index);
    views_->removeTab(index);
    views_->insertTab(index, fresh, title);
    old->deleteLater();
  };
  auto* memory = new MemoryView;
  auto* performance = new PerformanceView;
  auto* energy = new EnergyView;
  auto* console = new ConsoleView;
  auto* timeline = new TimelineView;
  auto* results = new ResultsView;
  replace(timeline_, timeline);
  replace(results_, results);
  timeline_ = timeline;
  results_ = results;
  replace(memory_, memory);
  replace(performance_, performance);
  replace(energy_, energy);
  replace(console_, console);
  memory_ = memory;
  performance_ = performance;
  energy_ = energy;
  console_ = console;
  compare_->clear();
  views_->setCurrentIndex(current);
  setup_->setStatus(tr("Views cleared."));
}

void MainWindow::onRunFinished(const ModelRunPtr& run) {
  if (!run->ok()) {
    showError(tr("The run on %1 failed").arg(QString::fromStdString(run->request.device)),
              QString::fromStdString(run->error));
    console_->showFailure(tr("The run failed; the views still show the last good run."),
                          QString::fromStdString(run->error));
    setup_->setStatus(tr("Failed after %1 s.").arg(run->wall_seconds, 0, 'f', 1));
    return;
  }
  last_good_ = run;
  last_scenario_.reset();
  const double simulated = run->simulated_seconds();
  showModelRun(*run, tr("Simulated %1 ms of device time in %2 s (%3× real time).")
                         .arg(simulated * 1e3, 0, 'f', 3)
                         .arg(run->wall_seconds, 0, 'f', 2)
                         .arg(run->wall_seconds > 0 ? simulated / run->wall_seconds : 0, 0, 'g', 3));
}

void MainWindow::showModelRun(const ModelRun& run, const QString& done) {
  hideError();
  memory_->showRun(run);
  performance_->showRun(run);
  energy_->showRun(run);
  console_->showRun(run);
  setup_->setStatus(done);
  statusBar()->showMessage(tr("%1 on %2: %3")
                               .arg(QString::fromStdString(run.summary.file).section('/', -1),
                                    QString::fromStdString(run.device.name), done));
}

void MainWindow::onScenarioPartial(const ScenarioRunPtr& run) {
  live_ = run;
  live_figures_.reset();
  live_drawn_.clear();
  drawLive();
}

void MainWindow::drawLive() {
  // Only the view in front is redrawn as a run goes (the others when they are brought to
  // front): a redraw costs the run's CPU time.
  QWidget* view = views_->currentWidget();
  if (!live_ || live_drawn_.contains(view)) return;
  live_drawn_.insert(view);
  if (view == timeline_) return timeline_->showRun(*live_);
  if (view == results_) return results_->showRun(*live_);
  if (!live_figures_) live_figures_ = std::make_shared<const ModelRun>(model_run_of(*live_));
  if (view == memory_) memory_->showRun(*live_figures_);
  else if (view == performance_) performance_->showRun(*live_figures_);
  else if (view == energy_) energy_->showRun(*live_figures_);
  else if (view == console_) console_->showRun(*live_figures_);
}

void MainWindow::onScenarioFinished(const ScenarioRunPtr& run) {
  live_.reset();
  live_figures_.reset();
  if (!run->ok()) {
    showError(tr("The scenario %1 failed").arg(QString::fromStdString(run->request.path).section('/', -1)),
              QString::fromStdString(run->error));
    console_->showFailure(tr("The scenario failed; the views still show the last good run."),
                          QString::fromStdString(run->error));
    setup_->setStatus(tr("Failed after %1 s.").arg(run->wall_seconds, 0, 'f', 1));
    return;
  }
  last_scenario_ = run;
  last_good_ = std::make_shared<const ModelRun>(model_run_of(*run));
  const double simulated = run->outcome->simulated_seconds;
  timeline_->showRun(*run);
  results_->showRun(*run);
  showModelRun(*last_good_, tr("Simulated %1 s in %2 s (%3× real time); %4.")
                                .arg(simulated, 0, 'f', 1)
                                .arg(run->wall_seconds, 0, 'f', 2)
                                .arg(run->wall_seconds > 0 ? simulated / run->wall_seconds : 0, 0, 'g', 3)
                                .arg(run->outcome->passed() ? tr("expectations passed") : tr("EXPECTATIONS FAILED")));
}

void MainWindow::showError(const QString& title, const QString& message) {
  error_->setText("<b>" + title.toHtmlEscaped() + "</b><br>" + message.toHtmlEscaped().replace("\n", "<br>"));
  error_->show();
  statusBar()->showMessage(title);
}

void MainWindow::hideError() { error_->hide(); }
bool MainWindow::errorShown() const { return !error_->isHidden(); }
QString MainWindow::errorText() const { return error_->text(); }

QString MainWindow::exportReport(const QString& path) const {
  if (!last_good_ || !last_good_->bench) return tr("Nothing to export yet: run a model first.");
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("%1: %2").arg(path, file.errorString());
  // The same bytes as `tinysim --scenario ... --json` or `tinysim model bench --json`.
  file.write(QByteArray::fromStdString(last_scenario_ ? scenario_json(*last_scenario_->outcome)
                                                      : bench_report_json(*last_good_->bench)));
  return {};
}

QString MainWindow::exportCsv(const QString& path) const {
  if (!last_good_ || !last_good_->bench) return tr("Nothing to export yet: run a model first.");
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("%1: %2").arg(path, file.errorString());
  if (last_scenario_) {
    // One row per result: when, which window, what the model said and what was true.
    const ScenarioOutcome& o = *last_scenario_->outcome;
    const SensorSource& source = *last_scenario_->source;
    const auto names = source.label_names();
    QByteArray csv = "index,time_s,first_frame,last_frame,predicted,truth\n";
    const uint64_t start = o.data.sensor.stream_start_cycle.value_or(0);
    for (size_t i = 0; i < o.data.results.size(); ++i) {
      const InferenceResult& r = o.data.results[i];
      const int p = r.predicted_class;
      const int t = r.window ? window_label(source, r.window->first_frame, r.window->last_frame - r.window->first_frame + 1)
                             : kNoLabel;
      csv += QString("%1,%2,%3,%4,%5,%6\n")
                 .arg(i)
                 .arg(double(r.cycle - std::min(r.cycle, start)) / o.device.clock_hz, 0, 'f', 6)
                 .arg(r.window ? QString::number(r.window->first_frame) : QString())
                 .arg(r.window ? QString::number(r.window->last_frame) : QString())
                 .arg(p >= 0 && size_t(p) < o.classes.size() ? QString::fromStdString(o.classes[size_t(p)]) : QString())
                 .arg(t >= 0 && size_t(t) < names.size() ? QString::fromStdString(names[size_t(t)]) : QString())
                 .toUtf8();
    }
    file.write(csv);
    return {};
  }
  const BenchResult& b = *last_good_->bench;
  QByteArray csv = "index,op,cycles,time_ms,macs,cycles_per_mac\n";
  for (const LayerTiming& l : b.layers)
    csv += QString("%1,%2,%3,%4,%5,%6\n")
               .arg(l.index).arg(QString::fromStdString(l.op)).arg(l.cycles)
               .arg(1e3 * double(l.cycles) / b.clock_hz, 0, 'f', 6).arg(l.macs)
               .arg(l.macs ? double(l.cycles) / double(l.macs) : 0.0, 0, 'f', 4)
               .toUtf8();
  file.write(csv);
  return {};
}

QStringList MainWindow::exportCharts(const QString& dir) {
  QDir().mkpath(dir);
  QStringList written;
  const int current = views_->currentIndex();
  for (int i = 0; i < views_->count(); ++i) {
    views_->setCurrentIndex(i);
    QApplication::processEvents();
    const QString path = dir + "/" + views_->tabText(i).toLower().remove('&') + ".png";
    if (grab().save(path)) written << path;
  }
  views_->setCurrentIndex(current);
  return written;
}

}  // namespace tinysim::gui
