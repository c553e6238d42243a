#pragma once
// Function and object symbols of a firmware, for naming addresses in reports.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tinysim {

/// One STT_FUNC or STT_OBJECT symbol (Thumb bit cleared).
struct Symbol {
  std::string name;       ///< as in the ELF (mangled)
  std::string demangled;  ///< readable C++ name, or `name` for C
  uint32_t address = 0;
  uint32_t size = 0;
  bool function = false;
};

/// Symbols sorted by address, with address -> "function+offset" lookup.
class SymbolTable {
 public:
  void add(Symbol symbol);
  /// Sorts; call once after the last add().
  void finish();
  /// The function containing `address` (within its size, or the nearest one
  /// below when sizes are missing); nullptr if none.
  const Symbol* function_at(uint32_t address) const;
  /// "tinyrt::conv2d_s8+0x1c", or "0x08001a3c" when no symbol covers it.
  std::string describe(uint32_t address) const;
  /// Address of a symbol by its ELF name.
  std::optional<uint32_t> address_of(const std::string& name) const;
  const std::vector<Symbol>& all() const { return symbols_; }

 private:
  std::vector<Symbol> symbols_;
};

/// abi::__cxa_demangle, or the name unchanged when it is not a C++ name.
std::string demangle(const std::string& name);

}  // namespace tinysim
