#include "gui_test_support.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QPixmap>

#include "app/main_window.h"

namespace tinysim::gui {

void screenshot(MainWindow& window, const QString& name) {
  QDir().mkpath(TINYSIM_SCREENSHOT_DIR);
  QApplication::processEvents();
  const QPixmap shot = window.grab();
  EXPECT_EQ(shot.size(), QSize(1280, 800));
  EXPECT_TRUE(shot.save(QString(TINYSIM_SCREENSHOT_DIR) + "/" + name + ".png"));
}

}  // namespace tinysim::gui

// One QApplication for every test, destroyed before Qt's globals are.
int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication application(argc, argv);
  QApplication::setOrganizationName("TinySimTest");
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
