#pragma once
// Console: what the firmware printed, and above it, prominently, the last error or
// fault the core reported (the last good output stays below it).
#include <QWidget>

#include "adapter/model_run.h"

class QLabel;
class QPlainTextEdit;

namespace tinysim::gui {

class ConsoleView : public QWidget {
  Q_OBJECT
 public:
  explicit ConsoleView(QWidget* parent = nullptr);
  /// A good run replaces the console text and clears the fault banner; a live run's
  /// text that goes on from what is shown is appended (the scroll position kept).
  void showRun(const ModelRun& run);
  /// A failed run: the core's report in the banner; the previous output stays.
  void showFailure(const QString& title, const QString& report);

  QString consoleText() const;
  QString faultText() const;
  bool faultShown() const;
  /// Lines of console text shown.
  int lines() const { return lines_; }

 private:
  QLabel* banner_;
  QLabel* status_;
  QPlainTextEdit* text_;
  QString shown_;
  int lines_ = 0;
};

}  // namespace tinysim::gui
