#include "planner_fixture.h"

#include <algorithm>
#include <numeric>

namespace tinyrt_test {
namespace {

struct Group {
  uint64_t size = 0;
  uint64_t align = 1;
  int32_t first = 0;
  int32_t last = 0;
};

uint64_t round_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

}  // namespace

Graph residual_block() {
  Graph g;
  g.act(256, 16, 0, 1);   // x0, read again by the add
  g.act(256, 16, 0, 1);   // x1
  g.act(256, 16, 1, 2);   // x2
  g.act(64, 16, 2, 2);    // x3
  g.scratch(128, 16, 0);  // s0
  g.scratch(512, 16, 2);  // s2
  return g;
}

uint32_t optimum_arena(const tinyrt::BufferList& list) {
  // Alias groups, rebuilt here independently of the runtime's code.
  std::vector<int32_t> root(list.count());
  std::vector<Group> groups;
  std::vector<int32_t> group_of(list.count());
  for (int32_t i = 0; i < list.count(); ++i) {
    const tinyrt::BufferRequest& r = list[i];
    root[i] = r.alias_of == tinyrt::kNoAlias ? i : root[r.alias_of];
    if (root[i] == i) {
      group_of[i] = static_cast<int32_t>(groups.size());
      groups.push_back(Group{0, 1, r.first_use, r.last_use});
    } else {
      group_of[i] = group_of[root[i]];
    }
    Group& g = groups[group_of[i]];
    g.size = std::max(g.size, round_up(r.size, r.alignment));
    g.align = std::max<uint64_t>(g.align, r.alignment);
    g.first = std::min(g.first, r.first_use);
    g.last = std::max(g.last, r.last_use);
  }
  for (Group& g : groups) g.size = round_up(g.size, g.align);

  std::vector<int32_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  uint64_t best = UINT64_MAX;
  do {
    std::vector<uint64_t> offset(groups.size(), 0);
    uint64_t top = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      const Group& g = groups[order[k]];
      std::vector<std::pair<uint64_t, uint64_t>> busy;
      for (size_t j = 0; j < k; ++j) {
        const Group& h = groups[order[j]];
        if (g.first <= h.last && h.first <= g.last) busy.push_back({offset[order[j]], offset[order[j]] + h.size});
      }
      std::sort(busy.begin(), busy.end());
      uint64_t at = 0;
      for (const auto& b : busy) {
        if (at + g.size <= b.first) break;
        at = std::max(at, round_up(b.second, g.align));
      }
      offset[order[k]] = at;
      top = std::max(top, at + g.size);
    }
    best = std::min(best, top);
  } while (std::next_permutation(order.begin(), order.end()));
  return static_cast<uint32_t>(best);
}

}  // namespace tinyrt_test
