#pragma once
#include <QMainWindow>

class QTabWidget;

namespace tinysim::gui {

/// The app's main window: a tab per view of a run (timeline, memory, performance,
/// energy, console, results).
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  QTabWidget* views() const { return views_; }

 private:
  QTabWidget* views_;
};

}  // namespace tinysim::gui
