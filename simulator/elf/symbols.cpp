#include "elf/symbols.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace tinysim {

std::string demangle(const std::string& name) {
  if (name.rfind("_Z", 0) != 0) return name;
  int status = 0;
  char* text = abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status);
  std::string out = (status == 0 && text) ? std::string(text) : name;
  std::free(text);
  return out;
}

void SymbolTable::add(Symbol symbol) {
  if (symbol.demangled.empty()) symbol.demangled = demangle(symbol.name);
  symbols_.push_back(std::move(symbol));
}

void SymbolTable::finish() {
  std::stable_sort(symbols_.begin(), symbols_.end(),
                   [](const Symbol& a, const Symbol& b) { return a.address < b.address; });
}

const Symbol* SymbolTable::function_at(uint32_t address) const {
  const Symbol* best = nullptr;
  for (const auto& symbol : symbols_) {
    if (symbol.address > address) break;
    if (!symbol.function) continue;
    if (symbol.size == 0 || address < uint64_t(symbol.address) + symbol.size) best = &symbol;
  }
  return best;
}

std::string SymbolTable::describe(uint32_t address) const {
  char text[24];
  const Symbol* symbol = function_at(address);
  if (!symbol) {
    std::snprintf(text, sizeof text, "0x%08x", address);
    return text;
  }
  if (address == symbol->address) return symbol->demangled;
  std::snprintf(text, sizeof text, "+0x%x", address - symbol->address);
  return symbol->demangled + text;
}

std::optional<uint32_t> SymbolTable::address_of(const std::string& name) const {
  for (const auto& symbol : symbols_)
    if (symbol.name == name) return symbol.address;
  return std::nullopt;
}

}  // namespace tinysim
