#pragma once
// The GUI's one door to the core: runs run_model() in a worker QThread and turns
// its results into Qt signals, so the window never freezes. One job at a time.
#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapter/model_run.h"
#include "adapter/scenario_job.h"

namespace tinysim::gui {

using ModelRunPtr = std::shared_ptr<const ModelRun>;
using ScenarioRunPtr = std::shared_ptr<const ScenarioRun>;

/// Lives in the worker thread; each slot is one job.
class SimulationWorker : public QObject {
  Q_OBJECT
 public:
  std::atomic<bool> cancel{false};
  /// Pausing holds the scenario run at its next progress report or result (in the worker thread).
  void setPaused(bool paused);
  /// While paused: let the run go on until exactly one more result is published, then hold again.
  void stepOnce();
  /// Least wall time (ms) from the window drawing a partial run to the next one being
  /// sent: at most 10 redraws a second, never a queue of them.
  static constexpr int kPartialIntervalMs = 100;
  /// The window drew the last partial run (any thread).
  void partialDrawn();

 public slots:
  void runOne(const tinysim::gui::RunRequest& request);
  void runCompare(const tinysim::gui::RunRequest& request, const std::vector<tinysim::gui::CompareTarget>& targets);
  void runScenario(const tinysim::gui::ScenarioRequest& request);
  void runCompareScenario(const tinysim::gui::ScenarioRequest& request,
                          const std::vector<tinysim::gui::CompareTarget>& targets);

 signals:
  void runFinished(tinysim::gui::ModelRunPtr run);
  void compareRow(tinysim::gui::ModelRunPtr run, int index, int count);
  void compareFinished();
  void scenarioProgress(double fraction);
  void scenarioPartial(tinysim::gui::ScenarioRunPtr run);
  void scenarioFinished(tinysim::gui::ScenarioRunPtr run);

 private:
  void waitWhilePaused();
  /// A step in progress ends at this result (and is over).
  bool stepEnds();
  static int64_t steadyNanoseconds();
  std::atomic<int64_t> drawn_at_ns_{0};
  std::mutex mutex_;
  std::condition_variable resumed_;
  bool paused_ = false;
  bool stepping_ = false;
};

/// Owned by the window (GUI thread): starts jobs, reports busy state and progress.
class Simulation : public QObject {
  Q_OBJECT
 public:
  explicit Simulation(QObject* parent = nullptr);
  ~Simulation() override;

  bool busy() const { return busy_; }
  /// One model + device run (the bench and its energy).
  void run(const RunRequest& request);
  /// The same request on each device (at its clock) in turn; rows arrive as they finish.
  void compare(const RunRequest& request, const std::vector<CompareTarget>& targets);
  /// A scenario file with the panel's overrides; progress in simulated time as it runs.
  void runScenario(const ScenarioRequest& request, double duration_seconds);
  /// The scenario on each device (at its clock) in turn; rows as they finish.
  void compareScenario(const ScenarioRequest& request, const std::vector<CompareTarget>& targets);
  /// Stops a comparison after the device being simulated.
  void stop();
  /// Holds a running scenario where it is (the worker waits) or lets it go on.
  void setPaused(bool paused);
  bool paused() const { return paused_; }
  /// Paused: run until exactly one more result is published, then hold again.
  void step();
  /// Seconds of wall time since the current job started.
  double elapsedSeconds() const;

 signals:
  void busyChanged(bool busy);
  void progress(const QString& text, int done, int total);
  void runFinished(tinysim::gui::ModelRunPtr run);
  void compareRow(tinysim::gui::ModelRunPtr run, int index, int count);
  void compareFinished();
  /// The results so far of a running scenario (at most every kPartialIntervalMs, and at each step).
  void scenarioPartial(tinysim::gui::ScenarioRunPtr run);
  void scenarioFinished(tinysim::gui::ScenarioRunPtr run);

 private:
  void setBusy(bool busy);
  /// The progress text and bar: simulated time against wall time, or runs done.
  void reportProgress();

  QThread thread_;
  SimulationWorker* worker_;
  QTimer ticker_;
  QElapsedTimer clock_;
  bool busy_ = false;
  bool paused_ = false;
  double fraction_ = 0, duration_ = 0;
  QString job_;
  int done_ = 0, total_ = 0;
};

}  // namespace tinysim::gui

Q_DECLARE_METATYPE(tinysim::gui::ModelRunPtr)
Q_DECLARE_METATYPE(tinysim::gui::RunRequest)
Q_DECLARE_METATYPE(tinysim::gui::ScenarioRunPtr)
Q_DECLARE_METATYPE(tinysim::gui::ScenarioRequest)
