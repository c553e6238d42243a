#pragma once
// Figures with units as device and battery files write them ("1.5 uA", "3.0 V",
// "45 uA/MHz", "235 mAh", "1 %/year"), converted to SI so the models never guess.
#include <string>

#include "core/error.h"

namespace tinysim {

/// What a figure measures; parse_quantity() accepts only units of that dimension.
enum class Dimension {
  Current,         ///< A (uA, mA, A, nA)
  CurrentPerHz,    ///< A/Hz (uA/MHz, mA/MHz)
  Voltage,         ///< V (mV, V)
  Charge,          ///< C (mAh, Ah, uAh, C)
  Time,            ///< s (ns, us, ms, s, min, h, days, years of 365.25 days)
  Frequency,       ///< Hz (Hz, kHz, MHz)
  Energy,          ///< J (nJ, uJ, mJ, J)
  FractionPerYear, ///< 1/year (%/year, %/month)
  Fraction,        ///< plain number or %
  Bytes,           ///< bytes (bytes, B, KiB, MiB)
};

/// "45 uA/MHz" -> 4.5e-11 (A/Hz). Errors name the expected units.
Result<double> parse_quantity(const std::string& text, Dimension dimension);

/// The units accepted for a dimension, for messages ("uA, mA, A").
std::string units_of(Dimension dimension);

}  // namespace tinysim
