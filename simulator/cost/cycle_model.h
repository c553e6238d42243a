#pragma once
// Cycles per basic block: each block is decoded once with Capstone, its cost
// kept in a flat table indexed by halfword address, so the hot path is a lookup.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "cost/block_accesses.h"
#include "cost/core_timing.h"
#include "device/core_kind.h"

namespace tinysim {

/// The cost of one translated block of Thumb code.
struct BlockCost {
  uint32_t cycles = 0;          ///< all instructions, the exit branch not taken
  uint16_t bytes = 0;           ///< block size (0 = not decoded yet)
  /// BlockCheck bits the machine's hook acts on (cleared by the machine for a block
  /// it trusts until its next slice; BlockAccesses::checks keeps the decoded ones).
  uint8_t checks = 0;
  /// SDIV/UDIV time depends on the quotient: 1 + its destination register when the
  /// block's last divide leaves its quotient there at the block's end (0: none).
  /// The block charges the fastest case; the machine adds the rest from the register.
  uint8_t divide_reg = 0;
  uint16_t instructions = 0;
  uint8_t taken_penalty = 0;    ///< added when a conditional exit branch is taken
  uint8_t conditional_exit : 1; ///< 1 if the last instruction is a conditional branch
  uint8_t divide_signed : 1;
  /// The flash cache's memo for this block (FlashCache::fetch): machine state kept
  /// here so the hot path touches one entry. Pads the entry to 16 bytes.
  uint32_t fetch_memo = 0;

  BlockCost() : conditional_exit(0), divide_signed(0) {}
  /// bytes, checks and divide_reg in one word: equal to the block's size exactly when
  /// the block is this one and its hook only charges cycles (the machine's fast path).
  uint32_t hot_key() const {
    uint32_t key;
    std::memcpy(&key, reinterpret_cast<const unsigned char*>(this) + offsetof(BlockCost, bytes), sizeof key);
    return key;
  }
};
static_assert(sizeof(BlockCost) == 16, "one cache line holds four block entries");
static_assert(offsetof(BlockCost, divide_reg) == offsetof(BlockCost, bytes) + 3, "hot_key() spans these fields");

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
  /// Cost of a block without caching (tests, tools); its accesses into `accesses`.
  BlockCost cost_of(uint32_t address, const uint8_t* code, uint16_t bytes, BlockAccesses* accesses = nullptr) const;
  /// The accesses of the cached block at `address` (its checks bits non-zero), or nullptr.
  BlockAccesses* accesses_at(uint32_t address);
  /// CCR.UNALIGN_TRP changed: every cached block's checks become its decoded ones, with
  /// kCheckUnalignTrap only while `on` (so the hook costs nothing extra while it is clear).
  void arm_unaligned_trap(bool on);
  /// The BlockCost::checks a block with these decoded checks gets now.
  uint8_t armed(uint8_t decoded) const { return decoded & armed_; }
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
    std::vector<uint32_t> accesses;  ///< per halfword: index into accesses_ + 1 (0: none)
  };
  CoreKind core_;
  CoreTiming timing_;
  size_t capstone_ = 0;  ///< csh handle
  std::vector<Region> regions_;
  mutable const Region* hot_ = nullptr;  ///< region of the last hit (code runs from one region)
  BlockCost uncached_;
  uint8_t armed_ = kCheckAccesses | kCheckFpu;  ///< BlockCheck bits the machine acts on now
  std::deque<BlockAccesses> accesses_;  ///< of blocks with checks, in decode order (stable addresses)
};

}  // namespace tinysim
