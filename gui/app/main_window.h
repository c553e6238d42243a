#pragma once
#include <QMainWindow>
#include <QSet>

#include "adapter/simulation.h"

class QLabel;
class QMenu;
class QTabWidget;

namespace tinysim::gui {

class CompareView;
class ConsoleView;
class EnergyView;
class MemoryView;
class PerformanceView;
class ResultsView;
class SetupPanel;
class TimelineView;

/// The app's main window: the setup side panel, a tab per view of a run (timeline,
/// memory, performance, energy, console, results, compare), an error banner, menus
/// for opening, recent files and export. It shows what the adapter reports.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  QTabWidget* views() const { return views_; }
  SetupPanel* setup() const { return setup_; }
  MemoryView* memory() const { return memory_; }
  PerformanceView* performance() const { return performance_; }
  EnergyView* energy() const { return energy_; }
  ConsoleView* console() const { return console_; }
  CompareView* compare() const { return compare_; }
  TimelineView* timeline() const { return timeline_; }
  ResultsView* results() const { return results_; }
  /// The last scenario run that succeeded, or null.
  ScenarioRunPtr lastScenario() const { return last_scenario_; }
  Simulation* simulation() const { return simulation_; }
  /// The last run that succeeded (what the views show), or null.
  ModelRunPtr lastRun() const { return last_good_; }
  bool errorShown() const;
  QString errorText() const;

  void openModel(const QString& path);
  /// Reads a scenario file and shows its knobs; a bad file is an error in the window.
  bool openScenario(const QString& path);
  /// Writes the loaded scenario with the panel's changes to `path`; an error message or "".
  QString saveScenarioAs(const QString& path);
  /// Opens a .yaml as a scenario, anything else as a model.
  void openFile(const QString& path);
  void run(uint32_t runs_override = 0);
  void startCompare();
  void reset();
  /// Exports; each returns an error message, empty on success.
  QString exportReport(const QString& path) const;
  QString exportCsv(const QString& path) const;
  /// One PNG per view into `dir`; returns the files written.
  QStringList exportCharts(const QString& dir);

 private:
  void buildMenus();
  void rebuildRecentMenu();
  void loadCatalog();
  void showError(const QString& title, const QString& message);
  void hideError();
  void onRunFinished(const ModelRunPtr& run);
  void onScenarioPartial(const ScenarioRunPtr& run);
  /// Draws the running scenario's latest partial run in the view in front, once.
  void drawLive();
  void onScenarioFinished(const ScenarioRunPtr& run);
  void showModelRun(const ModelRun& run, const QString& done);
  void rememberFile(const QString& path);

  Simulation* simulation_;
  SetupPanel* setup_;
  QTabWidget* views_;
  QLabel* error_;
  MemoryView* memory_;
  PerformanceView* performance_;
  EnergyView* energy_;
  ConsoleView* console_;
  CompareView* compare_;
  TimelineView* timeline_;
  ResultsView* results_;
  QMenu* recent_ = nullptr;
  ModelRunPtr last_good_;
  ScenarioRunPtr last_scenario_;  ///< set when the last good run was a scenario
  ScenarioRunPtr live_;           ///< the running scenario's latest partial run
  ModelRunPtr live_figures_;      ///< model_run_of(live_), made when a view needs it
  QSet<QWidget*> live_drawn_;     ///< the views that show live_ already
  std::string devices_dir_;
};

}  // namespace tinysim::gui
