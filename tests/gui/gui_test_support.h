#pragma once
// What the GUI tests share: a screenshot of the whole window into the build tree.
#include <QString>

namespace tinysim::gui {

class MainWindow;

/// Saves the window (1280x800) as <build>/screenshots/<name>.png and checks its size.
void screenshot(MainWindow& window, const QString& name);

}  // namespace tinysim::gui
