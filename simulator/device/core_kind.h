#pragma once
// The Cortex-M core profiles TinySim emulates.
#include <optional>
#include <string>

namespace tinysim {

/// A Cortex-M core profile; the firmware is built once per profile.
enum class CoreKind { CortexM0Plus, CortexM3, CortexM4, CortexM7, CortexM33 };

/// "cortex-m0plus", "cortex-m3", ... (the -mcpu spelling used by the firmware build).
std::string core_name(CoreKind core);
/// Parses the -mcpu spelling; nullopt if unknown.
std::optional<CoreKind> parse_core(const std::string& text);
/// "cortex-m0plus, cortex-m3, ..." for error messages.
std::string core_names();
/// True for cores with the DSP extension (SMLAD etc.) and an FPU in TinySim's builds.
bool core_has_dsp(CoreKind core);

}  // namespace tinysim
