#pragma once
// The one list of top-level keys a device file may have. Parts of TinySim that
// read more of the file (power states, timing, flash wait states) add their key
// here, so a typo in any key is still reported.
#include <array>
#include <string_view>

namespace tinysim {

/// Keys read by device_loader.cpp.
inline constexpr std::array<std::string_view, 9> kDeviceCoreKeys{
    "name", "description", "core", "clock_hz", "clock_min_hz", "clock_max_hz", "clock_source", "memory", "aliases"};
/// Keys owned by other readers of the same file (cost and energy models).
inline constexpr std::array<std::string_view, 6> kDeviceExtensionKeys{
    "power", "timing", "flash_wait_states", "sources", "notes", "peripherals"};
/// Keys of one entry of `memory:`.
inline constexpr std::array<std::string_view, 5> kMemoryRegionKeys{
    "name", "kind", "origin", "size", "source"};
/// Keys of one entry of `aliases:` (size is optional: the whole target; boot: true
/// marks the alias the core reads its vector table through at reset, VTOR's reset value).
inline constexpr std::array<std::string_view, 6> kMemoryAliasKeys{
    "name", "target", "origin", "size", "boot", "source"};

}  // namespace tinysim
