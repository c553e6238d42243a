#pragma once
// The GUI's one door to the core: runs run_model() in a worker QThread and turns
// its results into Qt signals, so the window never freezes. One job at a time.
#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "adapter/model_run.h"

namespace tinysim::gui {

using ModelRunPtr = std::shared_ptr<const ModelRun>;

/// Lives in the worker thread; each slot is one job.
class SimulationWorker : public QObject {
  Q_OBJECT
 public:
  std::atomic<bool> cancel{false};

 public slots:
  void runOne(const tinysim::gui::RunRequest& request);
  void runCompare(const tinysim::gui::RunRequest& request, const std::vector<std::string>& devices);

 signals:
  void runFinished(tinysim::gui::ModelRunPtr run);
  void compareRow(tinysim::gui::ModelRunPtr run, int index, int count);
  void compareFinished();
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
  /// The same request on each device in turn; rows arrive as they finish.
  void compare(const RunRequest& request, const std::vector<std::string>& devices);
  /// Stops a comparison after the device being simulated.
  void stop();
  /// Seconds of wall time since the current job started.
  double elapsedSeconds() const;

 signals:
  void busyChanged(bool busy);
  void progress(const QString& text, int done, int total);
  void runFinished(tinysim::gui::ModelRunPtr run);
  void compareRow(tinysim::gui::ModelRunPtr run, int index, int count);
  void compareFinished();

 private:
  void setBusy(bool busy);

  QThread thread_;
  SimulationWorker* worker_;
  QTimer ticker_;
  QElapsedTimer clock_;
  bool busy_ = false;
  QString job_;
  int done_ = 0, total_ = 0;
};

}  // namespace tinysim::gui

Q_DECLARE_METATYPE(tinysim::gui::ModelRunPtr)
Q_DECLARE_METATYPE(tinysim::gui::RunRequest)
