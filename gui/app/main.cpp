#include <QApplication>

#include "app/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("TinySim");
  tinysim::gui::MainWindow window;
  window.show();
  return QApplication::exec();
}
