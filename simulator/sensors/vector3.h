#pragma once
// A small 3-vector for the motion generators' gravity and acceleration directions.
#include <cmath>

namespace tinysim {

struct Vector3 {
  double x = 0.0, y = 0.0, z = 0.0;

  Vector3 operator+(const Vector3& o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vector3 operator-(const Vector3& o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vector3 operator*(double k) const { return {x * k, y * k, z * k}; }
  double length() const { return std::sqrt(x * x + y * y + z * z); }
  Vector3 unit() const { return *this * (1.0 / length()); }
};

/// The unit vector on the way from unit vector `a` to `b` at fraction `s` (not antipodal).
inline Vector3 blend_direction(const Vector3& a, const Vector3& b, double s) { return (a * (1.0 - s) + b * s).unit(); }

}  // namespace tinysim
