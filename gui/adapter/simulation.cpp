#include "adapter/simulation.h"

#include <algorithm>
#include <chrono>

namespace tinysim::gui {

void SimulationWorker::runOne(const RunRequest& request) {
  emit runFinished(std::make_shared<const ModelRun>(run_model(request)));
}

void SimulationWorker::runCompare(const RunRequest& request, const std::vector<CompareTarget>& targets) {
  const int count = static_cast<int>(targets.size());
  for (int i = 0; i < count && !cancel; ++i) {
    RunRequest one = request;
    one.device = targets[static_cast<size_t>(i)].device;
    one.clock_hz = targets[static_cast<size_t>(i)].clock_hz;
    one.regulator = targets[static_cast<size_t>(i)].regulator;
    emit compareRow(std::make_shared<const ModelRun>(run_model(one)), i, count);
  }
  emit compareFinished();
}

void SimulationWorker::setPaused(bool paused) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = paused;
    stepping_ = false;
  }
  resumed_.notify_all();
}

void SimulationWorker::stepOnce() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stepping_ = true;
  }
  resumed_.notify_all();
}

void SimulationWorker::waitWhilePaused() {
  std::unique_lock<std::mutex> lock(mutex_);
  resumed_.wait(lock, [this] { return !paused_ || stepping_ || cancel; });
}

bool SimulationWorker::stepEnds() {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool ends = paused_ && stepping_;
  stepping_ = false;
  return ends;
}

void SimulationWorker::partialDrawn() { drawn_at_ns_ = steadyNanoseconds(); }

int64_t SimulationWorker::steadyNanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void SimulationWorker::runScenario(const ScenarioRequest& request) {
  std::shared_ptr<const SensorSource> source;
  drawn_at_ns_ = steadyNanoseconds();
  bool in_flight = false;  // a partial run sent and not drawn yet
  int64_t sent_at_ns = 0;
  auto on_result = [&](const ScenarioOutcome& head, const ModelSession& session) {
    const bool step_ends = stepEnds();
    // One partial run in flight at a time, kPartialIntervalMs after the window drew the
    // last one: at most 10 redraws a second, and the window never falls behind the run.
    const int64_t drawn_at = drawn_at_ns_;
    if (in_flight && drawn_at > sent_at_ns) in_flight = false;
    if (step_ends || (!in_flight && steadyNanoseconds() - drawn_at >= int64_t(kPartialIntervalMs) * 1000000)) {
      auto run = std::make_shared<const ScenarioRun>(run_so_far(request, head, session, source));
      if (run->outcome) {
        sent_at_ns = steadyNanoseconds();
        in_flight = true;
        emit scenarioPartial(std::move(run));
      }
    }
    if (step_ends) waitWhilePaused();
  };
  auto progress = [this](double fraction) {
    emit scenarioProgress(fraction);
    waitWhilePaused();
  };
  auto run = run_scenario_file(request, progress, on_result);
  emit scenarioFinished(std::make_shared<const ScenarioRun>(std::move(run)));
}

void SimulationWorker::runCompareScenario(const ScenarioRequest& request, const std::vector<CompareTarget>& targets) {
  const int count = static_cast<int>(targets.size());
  for (int i = 0; i < count && !cancel; ++i) {
    const CompareTarget& target = targets[static_cast<size_t>(i)];
    ScenarioRequest one = request;
    one.overrides.device = target.device;
    one.overrides.clock_mhz.reset();
    // As `tinysim --scenario ... --clock-mhz N` would run it.
    if (target.clock_hz) one.overrides.clock_mhz = QString::number(target.clock_hz / 1e6, 'g', 10).toStdString();
    // The target's mode, as `--set device.regulator=MODE` (the panel's choice was for its own device).
    auto& sets = one.overrides.sets;
    sets.erase(std::remove_if(sets.begin(), sets.end(),
                              [](const std::string& set) { return set.rfind(kRegulatorSet, 0) == 0; }),
               sets.end());
    if (!target.regulator.empty()) sets.push_back(kRegulatorSet + target.regulator);
    ModelRun run = model_run_of(run_scenario_file(one, {}));
    run.request.clock_hz = target.clock_hz;
    emit compareRow(std::make_shared<const ModelRun>(std::move(run)), i, count);
  }
  emit compareFinished();
}

Simulation::Simulation(QObject* parent) : QObject(parent), worker_(new SimulationWorker) {
  qRegisterMetaType<ModelRunPtr>();
  qRegisterMetaType<RunRequest>();
  qRegisterMetaType<ScenarioRunPtr>();
  qRegisterMetaType<ScenarioRequest>();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &SimulationWorker::runFinished, this, [this](ModelRunPtr run) {
    setBusy(false);
    emit runFinished(std::move(run));
  });
  connect(worker_, &SimulationWorker::compareRow, this, [this](ModelRunPtr run, int index, int count) {
    done_ = index + 1;
    emit compareRow(std::move(run), index, count);
  });
  connect(worker_, &SimulationWorker::compareFinished, this, [this] {
    setBusy(false);
    emit compareFinished();
  });
  connect(worker_, &SimulationWorker::scenarioProgress, this, [this](double fraction) { fraction_ = fraction; });
  connect(worker_, &SimulationWorker::scenarioPartial, this, [this](ScenarioRunPtr run) {
    // The stream's progress may lag the results (a step, a pause): the run so far is newer.
    if (duration_ > 0 && run->outcome) {
      fraction_ = std::max(fraction_, std::min(1.0, run->outcome->simulated_seconds / duration_));
      reportProgress();
    }
    emit scenarioPartial(std::move(run));  // the window draws it (direct connections) ...
    worker_->partialDrawn();               // ... before the worker sends the next one
  });
  connect(worker_, &SimulationWorker::scenarioFinished, this, [this](ScenarioRunPtr run) {
    paused_ = false;
    setBusy(false);
    emit scenarioFinished(std::move(run));
  });
  ticker_.setInterval(200);
  connect(&ticker_, &QTimer::timeout, this, &Simulation::reportProgress);
  thread_.start();
}

Simulation::~Simulation() {
  worker_->cancel = true;
  worker_->setPaused(false);
  thread_.quit();
  thread_.wait();
}

void Simulation::reportProgress() {
  const double wall = elapsedSeconds();
  if (duration_ > 0) {
    // A scenario: simulated stream time so far and how fast it goes.
    const double simulated = fraction_ * duration_;
    emit progress(tr("%1%2 — %3 of %4 s simulated in %5 s (%6× real time)")
                      .arg(job_, paused_ ? tr(" (paused)") : QString())
                      .arg(simulated, 0, 'f', 1).arg(duration_, 0, 'f', 1).arg(wall, 0, 'f', 1)
                      .arg(wall > 0 ? simulated / wall : 0, 0, 'g', 3),
                  int(1000 * fraction_), 1000);
  } else {
    emit progress(tr("%1 — %2 s").arg(job_).arg(wall, 0, 'f', 1), done_, total_);
  }
}

double Simulation::elapsedSeconds() const { return clock_.isValid() ? double(clock_.elapsed()) / 1e3 : 0; }

void Simulation::setBusy(bool busy) {
  busy_ = busy;
  if (busy) {
    clock_.start();
    ticker_.start();
    reportProgress();  // at once, not a tick later
  } else {
    ticker_.stop();
  }
  emit busyChanged(busy);
}

void Simulation::run(const RunRequest& request) {
  if (busy_) return;
  duration_ = 0;
  job_ = tr("Simulating %1 on %2").arg(QString::fromStdString(request.model_path).section('/', -1),
                                        QString::fromStdString(request.device));
  done_ = 0;
  total_ = 0;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->runOne(request); }, Qt::QueuedConnection);
}

void Simulation::compare(const RunRequest& request, const std::vector<CompareTarget>& targets) {
  if (busy_ || targets.empty()) return;
  duration_ = 0;
  job_ = tr("Comparing %1 runs").arg(targets.size());
  done_ = 0;
  total_ = static_cast<int>(targets.size());
  worker_->cancel = false;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request, targets] { w->runCompare(request, targets); },
                            Qt::QueuedConnection);
}

void Simulation::runScenario(const ScenarioRequest& request, double duration_seconds) {
  if (busy_) return;
  job_ = tr("Running %1").arg(QString::fromStdString(request.path).section('/', -1));
  fraction_ = 0;
  duration_ = duration_seconds;
  paused_ = false;
  worker_->cancel = false;
  worker_->setPaused(false);
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->runScenario(request); }, Qt::QueuedConnection);
}

void Simulation::compareScenario(const ScenarioRequest& request, const std::vector<CompareTarget>& targets) {
  if (busy_ || targets.empty()) return;
  duration_ = 0;
  job_ = tr("Comparing the scenario in %1 runs").arg(targets.size());
  done_ = 0;
  total_ = static_cast<int>(targets.size());
  worker_->cancel = false;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request, targets] { w->runCompareScenario(request, targets); },
                            Qt::QueuedConnection);
}

void Simulation::stop() { worker_->cancel = true; }

void Simulation::setPaused(bool paused) {
  if (!busy_ || duration_ <= 0) return;
  paused_ = paused;
  worker_->setPaused(paused);
}

void Simulation::step() {
  if (busy_ && paused_) worker_->stepOnce();
}

}  // namespace tinysim::gui
