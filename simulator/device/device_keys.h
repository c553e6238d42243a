#pragma once
// The one list of top-level keys a device file may have. Parts of TinySim that
// read more of the file (power states, timing, flash wait states) add their key
// here, so a typo in any key is still reported.
#include <array>
#include <string_view>

namespace tinysim {

/// Keys read by device_loader.cpp.
inline constexpr std::array<std::string_view, 6> kDeviceCoreKeys{
    "name", "description", "core", "clock_hz", "clock_source", "memory"};
/// Keys owned by other readers of the same file (cost and energy models).
inline constexpr std::array<std::string_view, 6> kDeviceExtensionKeys{
    "power", "timing", "flash_wait_states", "sources", "notes", "peripherals"};
/// Keys of one entry of `memory:`.
inline constexpr std::array<std::string_view, 5> kMemoryRegionKeys{
    "name", "kind", "origin", "size", "source"};

}  // namespace tinysim
