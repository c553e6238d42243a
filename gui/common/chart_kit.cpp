#include "common/chart_kit.h"

#include <QCursor>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <cmath>

#include "device/device.h"

namespace tinysim::gui {

QColor powerStateColor(PowerState state) {
  switch (state) {
    case PowerState::Run: return QColor("#e4572e");
    case PowerState::Sleep: return QColor("#f3a712");
    case PowerState::DeepSleep: return QColor("#4a6fa5");
  }
  return Qt::gray;
}

QColor memoryPartColor(const QString& part) {
  if (part == "firmware code") return QColor("#4e79a7");
  if (part == "model") return QColor("#f28e2b");
  if (part == "data + bss") return QColor("#76b7b2");
  if (part == "sensor window") return QColor("#59a14f");
  if (part == "tensor arena") return QColor("#e15759");
  if (part == "stack") return QColor("#b07aa1");
  if (part == "over capacity") return QColor("#9c0d0d");
  return QColor("#dcdcdc");
}

QColor seriesColor(int index) {
  static const char* palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return QColor(palette[static_cast<size_t>(index) % (sizeof palette / sizeof *palette)]);
}

QChartView* makeChartView(const QString& title, QWidget* parent) {
  auto* chart = new QChart;
  chart->setTitle(title);
  QFont titleFont = chart->titleFont();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
  chart->setTitleFont(titleFont);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->setBackgroundRoundness(4);
  chart->setAnimationOptions(QChart::NoAnimation);
  auto* view = new QChartView(chart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(160);
  return view;
}

QChart* resetChart(QChartView* view) {
  QChart* chart = view->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;  // removeAxis hands it back; kept, its labels stay drawn under the new ones
  }
  return chart;
}

QValueAxis* makeValueAxis(const QString& title, const QString& format) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setLabelFormat(format);
  axis->setGridLineColor(QColor("#e6e6e6"));
  return axis;
}

void showTooltip(const QString& text) { QToolTip::showText(QCursor::pos(), text); }

QString bytesText(uint64_t bytes) {
  return QString::fromStdString(format_size(bytes)) + " (" + groupedText(bytes) + " bytes)";
}

QString siText(double value, const QString& unit, int digits) {
  static const struct {
    double scale;
    const char* prefix;
  } prefixes[] = {{1e9, "G"}, {1e6, "M"}, {1e3, "k"}, {1, ""}, {1e-3, "m"}, {1e-6, "µ"}, {1e-9, "n"}};
  if (value == 0) return "0 " + unit;
  for (const auto& p : prefixes)
    if (std::fabs(value) >= p.scale) return QString::number(value / p.scale, 'g', digits) + " " + p.prefix + unit;
  return QString::number(value / 1e-9, 'g', digits) + " n" + unit;
}

QString groupedText(uint64_t value) { return QLocale(QLocale::English).toString(qulonglong(value)); }

}  // namespace tinysim::gui
