#include "scenario/scenario.h"

namespace tinysim {

unsigned Scenario::channels() const {
  unsigned total = 0;
  for (const ScenarioSensor& sensor : sensors) total += sensor.channels;
  return total;
}

std::string Scenario::sensor_names() const {
  std::string names;
  for (const ScenarioSensor& sensor : sensors) names += (names.empty() ? "" : " + ") + sensor.name;
  return names;
}

}  // namespace tinysim
