// The main window opens offscreen with its views, and renders to a screenshot.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTabWidget>

#include "app/main_window.h"

namespace {

int argc = 1;
char arg0[] = "gui_test";
char* argv[] = {arg0, nullptr};

TEST(MainWindow, OpensWithEveryViewAndRenders) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  tinysim::gui::MainWindow window;
  window.show();
  QApplication::processEvents();

  ASSERT_EQ(window.views()->count(), 6);
  EXPECT_EQ(window.views()->tabText(0), "Timeline");
  EXPECT_EQ(window.views()->tabText(5), "Results");
  EXPECT_EQ(window.windowTitle(), "TinySim");

  QDir().mkpath(TINYSIM_SCREENSHOT_DIR);
  const QPixmap shot = window.grab();
  EXPECT_EQ(shot.size(), QSize(1280, 800));
  EXPECT_TRUE(shot.save(QString(TINYSIM_SCREENSHOT_DIR) + "/main_window.png"));
}

}  // namespace
