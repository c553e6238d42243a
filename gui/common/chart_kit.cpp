#include "common/chart_kit.h"

#include <QCursor>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
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
  if (part == "stack" || part == "stack used") return QColor("#b07aa1");
  if (part == "stack free") return QColor("#e6d3e2");  // reserved for the stack, not reached
  if (part == "over capacity") return QColor("#9c0d0d");
  return QColor("#dcdcdc");
}

QColor seriesColor(int index) {
  static const char* palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return QColor(palette[static_cast<size_t>(index) % (sizeof palette / sizeof *palette)]);
}

QIcon colorSwatch(int index) {
  QPixmap square(12, 12);
  square.fill(seriesColor(index));
  return QIcon(square);
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

namespace {

void roundTicks(QValueAxis* axis) {
  const double span = axis->max() - axis->min();
  if (!(span > 0)) return;
  const double raw = span / 5;
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  double step = decade;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * decade >= raw) {
      step = m * decade;
      break;
    }
  const int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)) + (step / decade == 2.5 ? 1 : 0));
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setTickInterval(step);
  axis->setLabelFormat(QString("%.%1f").arg(decimals));
}

}  // namespace

void keepRoundTicks(QValueAxis* axis) {
  roundTicks(axis);
  QObject::connect(axis, &QValueAxis::rangeChanged, axis, [axis] { roundTicks(axis); });
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
