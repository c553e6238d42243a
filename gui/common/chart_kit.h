#pragma once
// What every view's charts share: one palette (power states, memory parts, classes),
// a chart view set up the same way, axes that always carry units, exact-value
// tooltips, and number formats.
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QIcon>
#include <QString>
#include <QValueAxis>
#include <cstdint>

#include "machine/run_result.h"

namespace tinysim::gui {

QColor powerStateColor(PowerState state);
/// Memory parts: "firmware code", "model", "data + bss", "sensor window", "tensor arena",
/// "stack" (or "stack used" up to the high-water mark and "stack free"), "free".
QColor memoryPartColor(const QString& part);
/// The n-th class (or device) colour, the same everywhere.
QColor seriesColor(int index);

/// A small square of the n-th class colour, for table headers and lists beside the charts.
QIcon colorSwatch(int index);

/// An antialiased chart view with a title, legend at the bottom and tight margins.
QChartView* makeChartView(const QString& title, QWidget* parent = nullptr);
/// Removes every series and axis from the view's chart (before drawing a new run).
QChart* resetChart(QChartView* view);
/// A value axis titled with its quantity and unit, e.g. "latency (ms)".
QValueAxis* makeValueAxis(const QString& title, const QString& format = "%.0f");
/// Ticks at round values (1, 2, 2.5 or 5 x 10^n apart, about five of them) with as many
/// decimals as they need, kept so as the range changes (zoom): no "108.2, 108.3" labels
/// on ticks that are not evenly a tenth apart.
void keepRoundTicks(QValueAxis* axis);
/// Shows `text` as a tooltip at the mouse (hover handlers call this).
void showTooltip(const QString& text);

/// "12.3 KiB (12,595 bytes)"
QString bytesText(uint64_t bytes);
/// Engineering-style number with a unit: 0.00123 A -> "1.23 mA".
QString siText(double value, const QString& unit, int digits = 3);
/// 1234567 -> "1,234,567"
QString groupedText(uint64_t value);

}  // namespace tinysim::gui
