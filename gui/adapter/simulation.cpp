#include "adapter/simulation.h"

namespace tinysim::gui {

void SimulationWorker::runOne(const RunRequest& request) {
  emit runFinished(std::make_shared<const ModelRun>(run_model(request)));
}

void SimulationWorker::runCompare(const RunRequest& request, const std::vector<std::string>& devices) {
  const int count = static_cast<int>(devices.size());
  for (int i = 0; i < count && !cancel; ++i) {
    RunRequest one = request;
    one.device = devices[static_cast<size_t>(i)];
    emit compareRow(std::make_shared<const ModelRun>(run_model(one)), i, count);
  }
  emit compareFinished();
}

Simulation::Simulation(QObject* parent) : QObject(parent), worker_(new SimulationWorker) {
  qRegisterMetaType<ModelRunPtr>();
  qRegisterMetaType<RunRequest>();
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
  ticker_.setInterval(200);
  connect(&ticker_, &QTimer::timeout, this, [this] {
    emit progress(tr("%1 — %2 s").arg(job_).arg(elapsedSeconds(), 0, 'f', 1), done_, total_);
  });
  thread_.start();
}

Simulation::~Simulation() {
  worker_->cancel = true;
  thread_.quit();
  thread_.wait();
}

double Simulation::elapsedSeconds() const { return clock_.isValid() ? double(clock_.elapsed()) / 1e3 : 0; }

void Simulation::setBusy(bool busy) {
  busy_ = busy;
  if (busy) {
    clock_.start();
    ticker_.start();
  } else {
    ticker_.stop();
  }
  emit busyChanged(busy);
}

void Simulation::run(const RunRequest& request) {
  if (busy_) return;
  job_ = tr("Simulating %1 on %2").arg(QString::fromStdString(request.model_path).section('/', -1),
                                        QString::fromStdString(request.device));
  done_ = 0;
  total_ = 0;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request] { w->runOne(request); }, Qt::QueuedConnection);
}

void Simulation::compare(const RunRequest& request, const std::vector<std::string>& devices) {
  if (busy_ || devices.empty()) return;
  job_ = tr("Comparing %1 devices").arg(devices.size());
  done_ = 0;
  total_ = static_cast<int>(devices.size());
  worker_->cancel = false;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, [w = worker_, request, devices] { w->runCompare(request, devices); },
                            Qt::QueuedConnection);
}

void Simulation::stop() { worker_->cancel = true; }

}  // namespace tinysim::gui
