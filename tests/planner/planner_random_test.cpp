// Seeded random graphs: every plan passes the checker, and
// peak live <= optimum <= greedy <= linear.
#include <gtest/gtest.h>

#include <random>

#include "planner_fixture.h"

namespace {
using tinyrt_test::Graph;

const tinyrt::GreedyPlanner kGreedy;
const tinyrt::LinearPlanner kLinear;

/// mt19937's output is fixed by the standard (distributions are not), so the
/// graphs are the same on every host.
struct Rng {
  explicit Rng(uint32_t seed) : engine(seed) {}
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(engine() % n); }
  std::mt19937 engine;
};

/// A random graph over `ops` ops: activations with short lifetimes, kernel
/// scratch, and RESHAPE-like aliases starting where their target ends.
void fill_random(Graph& g, Rng& rng, int32_t max_buffers, bool mixed_alignment) {
  static const uint32_t kAlign[] = {1, 2, 4, 8, 16};
  const int32_t ops = 1 + static_cast<int32_t>(rng.below(20));
  const int32_t n = 1 + static_cast<int32_t>(rng.below(static_cast<uint32_t>(max_buffers)));
  const uint32_t graph_align = kAlign[rng.below(5)];
  for (int32_t i = 0; i < n; ++i) {
    const uint32_t align = mixed_alignment ? kAlign[rng.below(5)] : graph_align;
    const uint32_t size = rng.below(10) == 0 ? 0 : 1 + rng.below(4096);
    const uint32_t pick = rng.below(100);
    if (pick < 15) {
      g.scratch(size, align, static_cast<int32_t>(rng.below(static_cast<uint32_t>(ops))));
    } else if (pick < 30 && i > 0) {
      const int32_t target = static_cast<int32_t>(rng.below(static_cast<uint32_t>(i)));
      const int32_t first = g.list[target].last_use;
      const int32_t last = std::min(ops - 1, first + static_cast<int32_t>(rng.below(3)));
      g.alias(target, first, std::max(first, last));
    } else {
      const int32_t first = static_cast<int32_t>(rng.below(static_cast<uint32_t>(ops)));
      const int32_t last = std::min(ops - 1, first + static_cast<int32_t>(rng.below(4)));
      g.act(size, align, first, last);
    }
    ASSERT_TRUE(g.last_error.ok());
  }
}

uint64_t linear_sum(const tinyrt::BufferList& list) {
  uint64_t next = 0;
  for (int32_t i = 0; i < list.count(); ++i) {
    const tinyrt::BufferRequest& r = list[i];
    if (r.alias_of != tinyrt::kNoAlias) continue;  // aliases never grow their target here
    const uint64_t a = r.alignment;
    next = (next + a - 1) / a * a + (r.size + a - 1) / a * a;
  }
  return next;
}

TEST(PlannerRandom, ThousandsOfGraphsGiveValidPlansAndGreedyNeverLosesToLinear) {
  Rng rng(20261125);
  for (int graph = 0; graph < 4000; ++graph) {
    Graph g(48);
    fill_random(g, rng, 48, graph % 2 == 1);
    SCOPED_TRACE(testing::Message() << "graph " << graph << " buffers " << g.list.count());

    tinyrt::ArenaReport rep{};
    ASSERT_TRUE(tinyrt::plan_arena(kLinear, g.list, g.work, g.plan, {0, 0xFFFFFFFFu}, &rep).ok());
    ASSERT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());
    const uint32_t linear = g.plan.arena_bytes;
    EXPECT_EQ(linear, linear_sum(g.list));

    tinyrt::PlanError e = tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {64, 0xFFFFFFFFu}, &rep);
    ASSERT_TRUE(e.ok()) << tinyrt::plan_status_name(e.status);
    e = tinyrt::check_plan(g.list, g.plan);
    ASSERT_TRUE(e.ok()) << tinyrt::plan_status_name(e.status) << " " << e.buffer << " " << e.other;
    const uint32_t greedy = g.plan.arena_bytes;
    EXPECT_LE(greedy, linear);
    EXPECT_LE(rep.peak_live_bytes, greedy);
    EXPECT_EQ(rep.planned_bytes, greedy);
    EXPECT_EQ(rep.activation_bytes + rep.scratch_bytes, rep.planned_bytes);
    EXPECT_EQ(rep.total_bytes, greedy + 64u);

    // The live table agrees with the plan, row by row, in (op, offset) order.
    std::vector<tinyrt::LiveBuffer> rows(static_cast<size_t>(tinyrt::live_table_rows(g.list)));
    int32_t count = -1;
    ASSERT_TRUE(tinyrt::live_table(g.list, g.plan, rows.data(), static_cast<int32_t>(rows.size()), &count).ok());
    ASSERT_EQ(count, static_cast<int32_t>(rows.size()));
    for (int32_t k = 0; k < count; ++k) {
      const tinyrt::LiveBuffer& row = rows[k];
      EXPECT_EQ(row.offset, g.plan.offsets[row.buffer]);
      EXPECT_LE(g.list[row.buffer].first_use, row.op);
      EXPECT_GE(g.list[row.buffer].last_use, row.op);
      if (k > 0) {
        const tinyrt::LiveBuffer& prev = rows[k - 1];
        EXPECT_TRUE(prev.op < row.op || (prev.op == row.op && prev.offset <= row.offset));
      }
    }
  }
}

TEST(PlannerRandom, SmallGraphsAgainstTheExhaustiveOptimum) {
  Rng rng(7);
  int optimal = 0;
  const int graphs = 600;
  for (int graph = 0; graph < graphs; ++graph) {
    Graph g(7);
    fill_random(g, rng, 7, graph % 3 == 0);
    SCOPED_TRACE(testing::Message() << "graph " << graph);
    tinyrt::ArenaReport rep{};
    ASSERT_TRUE(tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {0, 0xFFFFFFFFu}, &rep).ok());
    const uint32_t greedy = g.plan.arena_bytes;
    const uint32_t best = tinyrt_test::optimum_arena(g.list);
    EXPECT_LE(rep.peak_live_bytes, best);
    EXPECT_LE(best, greedy);
    ASSERT_TRUE(g.run(kLinear).ok());
    EXPECT_LE(greedy, g.plan.arena_bytes);
    optimal += greedy == best ? 1 : 0;
  }
  // Greedy-by-size is a heuristic; on these small graphs it is almost always optimal.
  std::printf("greedy optimal on %d of %d small graphs\n", optimal, graphs);
  EXPECT_GE(optimal, graphs * 9 / 10);
}

}  // namespace
