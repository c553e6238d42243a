#pragma once
// Cycles per basic block: each block is decoded once with Capstone, its cost
// kept in a flat table indexed by halfword address, so the hot path is a lookup.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cost/core_timing.h"
#include "device/core_kind.h"

namespace tinysim {

/// The cost of one translated block of Thumb code.
struct BlockCost {
  uint32_t cycles = 0;          ///< all instructions, the exit branch not taken
  uint16_t bytes = 0;           ///< block size (0 = not decoded yet)
  uint16_t instructions = 0;
  uint8_t taken_penalty = 0;    ///< added when a conditional exit branch is taken
  uint8_t conditional_exit = 0; ///< 1 if the last instruction is a conditional branch
  /// SDIV/UDIV time depends on the quotient: 1 + its destination register when the
  /// block's last divide leaves its quotient there at the block's end (0: none).
  /// The block charges the fastest case; the machine adds the rest from the register.
  uint8_t divide_reg = 0;
  uint8_t divide_signed = 0;
  /// The flash cache's memo for this block (FlashCache::fetch): machine state kept
  /// here so the hot path touches one entry. Pads the entry to 16 bytes.
  uint32_t fetch_memo = 0;
};

/// Options a device chooses for its core (from the device file's `timing:`).
struct CoreOptions {
  bool iterative_multiplier = false;  ///< M0+ built with the small 32-cycle multiplier
};

/// Per-core cycle costs for blocks of code, cached by address.
class CycleModel {
 public:
  explicit CycleModel(CoreKind core, const CoreOptions& options = {});
  ~CycleModel();
  CycleModel(const CycleModel&) = delete;
  CycleModel& operator=(const CycleModel&) = delete;

  /// Code may run from [origin, origin+size); blocks there are cached.
  void add_code_region(uint32_t origin, uint32_t size);
  /// The cached cost of the block at `address` of `bytes` bytes, or nullptr.
  const BlockCost* cached(uint32_t address, uint16_t bytes) const {
    const Region* region = hot_;
    if (!region || address - region->origin >= region->size) {
      region = nullptr;
      for (const auto& r : regions_)
        if (address - r.origin < r.size) region = &r;
      if (!region || !region->table) return nullptr;
      hot_ = region;
    }
    const BlockCost& cost = region->table.get()[(address - region->origin) >> 1];
    return cost.bytes == bytes ? &cost : nullptr;
  }
  /// The cost table covering `address` (one entry per halfword from `origin`), so a
  /// caller on the hot path can index it without going through cached(); empty
  /// (size 0) when no block there was decoded yet.
  struct TableView {
    BlockCost* table = nullptr;
    uint32_t origin = 0;
    uint32_t size = 0;  ///< bytes covered
  };
  TableView table_at(uint32_t address) const {
    for (const auto& r : regions_)
      if (address - r.origin < r.size && r.table) return {r.table.get(), r.origin, r.size};
    return {};
  }
  /// Decodes the block (`code` holds its `bytes` bytes), caches and returns its cost.
  const BlockCost& decode(uint32_t address, const uint8_t* code, uint16_t bytes);
  /// Cost of a block without caching (tests, tools).
  BlockCost cost_of(uint32_t address, const uint8_t* code, uint16_t bytes) const;
  const CoreTiming& timing() const { return timing_; }
  CoreKind core() const { return core_; }

 private:
  /// calloc'ed so the OS hands out zero pages only where code really runs.
  struct FreeTable {
    void operator()(BlockCost* table) const;
  };
  struct Region {
    uint32_t origin;
    uint32_t size;
    std::unique_ptr<BlockCost, FreeTable> table;  ///< one entry per halfword, allocated on first use
  };
  CoreKind core_;
  CoreTiming timing_;
  size_t capstone_ = 0;  ///< csh handle
  std::vector<Region> regions_;
  mutable const Region* hot_ = nullptr;  ///< region of the last hit (code runs from one region)
  BlockCost uncached_;
};

}  // namespace tinysim
