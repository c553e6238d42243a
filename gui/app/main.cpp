#include <QApplication>

#include "app/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("TinySim");
  QApplication::setOrganizationName("TinySim");
  QApplication::setStyle("Fusion");
  tinysim::gui::MainWindow window;
  const QStringList args = QApplication::arguments();
  if (args.size() > 1) window.openFile(args[1]);
  window.show();
  return QApplication::exec();
}
