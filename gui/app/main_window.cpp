#include "app/main_window.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

namespace tinysim::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), views_(new QTabWidget(this)) {
  setWindowTitle("TinySim");
  for (const char* view : {"Timeline", "Memory", "Performance", "Energy", "Console", "Results"}) {
    auto* placeholder = new QLabel(tr("Open a scenario to see its %1 view.").arg(view));
    placeholder->setAlignment(Qt::AlignCenter);
    views_->addTab(placeholder, tr(view));
  }
  setCentralWidget(views_);
  statusBar()->showMessage(tr("No scenario loaded"));
  resize(1280, 800);
}

}  // namespace tinysim::gui
