#pragma once
// The `power:` section of a device file, read by the energy model itself (the device
// loader only checks the key exists in its list): each model reads its own part.
#include "core/error.h"
#include "device/device.h"
#include "energy/power_profile.h"

namespace tinysim {

/// The device's currents; an Error when its file has no `power:` or a bad one.
Result<PowerProfile> device_power(const Device& device);

/// `device` with its energy figures taken in regulator mode `regulator` (power:
/// regulators); an Error naming the modes its file has when it has no such mode.
Result<Device> with_regulator(Device device, const std::string& regulator);

}  // namespace tinysim
