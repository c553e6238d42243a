// The arena report (split by kind, peak, fit check) and the per-op live table.
#include <gtest/gtest.h>

#include "planner_fixture.h"

namespace {
using tinyrt::PlanStatus;
using tinyrt_test::Graph;

const tinyrt::GreedyPlanner kGreedy;
const tinyrt::LinearPlanner kLinear;

TEST(ArenaReport, SplitsPersistentActivationsAndScratch) {
  Graph g = tinyrt_test::residual_block();
  tinyrt::ArenaReport r;
  ASSERT_TRUE(tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {100, 4096}, &r).ok());
  // Activations alone: x0@0 x1@256 x2@512 x3@0 -> 768; scratch s2 adds 64 on top.
  EXPECT_EQ(r.activation_bytes, 768u);
  EXPECT_EQ(r.scratch_bytes, 64u);
  EXPECT_EQ(r.planned_bytes, 832u);
  EXPECT_EQ(r.persistent_bytes, 100u);
  EXPECT_EQ(r.total_bytes, 932u);
  EXPECT_EQ(r.peak_live_bytes, 832u);  // op2: x2 + x3 + s2
  EXPECT_EQ(r.peak_op, 2);
  EXPECT_EQ(r.op_count, 3);
  EXPECT_EQ(r.buffer_count, 6);
  EXPECT_STREQ(r.planner, "greedy");
  // The full plan, not the activations-only one, is what stays in g.plan.
  EXPECT_EQ(g.plan.offsets[5], 0u);
}

TEST(ArenaReport, ScratchThatCannotHideInHolesIsCountedAsScratch) {
  Graph g;
  g.act(64, 16, 0, 0);
  g.act(64, 16, 0, 0);
  g.scratch(1024, 16, 0);
  tinyrt::ArenaReport r;
  ASSERT_TRUE(tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {0, 1152}, &r).ok());
  EXPECT_EQ(r.activation_bytes, 128u);
  EXPECT_EQ(r.scratch_bytes, 1024u);
  EXPECT_EQ(r.total_bytes, 1152u);
}

TEST(ArenaReport, ArenaTooSmallSaysNeededAndAvailable) {
  Graph g = tinyrt_test::residual_block();
  tinyrt::ArenaReport r;
  const tinyrt::PlanError e = tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {100, 900}, &r);
  EXPECT_EQ(e.status, PlanStatus::kArenaTooSmall);
  EXPECT_EQ(e.needed, 932u);
  EXPECT_EQ(e.available, 900u);
  EXPECT_EQ(r.total_bytes, 932u);  // the report is still there to show why
  EXPECT_TRUE(tinyrt::plan_arena(kGreedy, g.list, g.work, g.plan, {100, 932}, &r).ok());
  // The linear plan of the same graph needs 1472 + 100.
  const tinyrt::PlanError l = tinyrt::plan_arena(kLinear, g.list, g.work, g.plan, {100, 932}, &r);
  EXPECT_EQ(l.status, PlanStatus::kArenaTooSmall);
  EXPECT_EQ(l.needed, 1572u);
}

TEST(LiveTable, ListsEachOpsBuffersByOffset) {
  Graph g = tinyrt_test::residual_block();
  ASSERT_TRUE(g.run(kGreedy).ok());
  ASSERT_EQ(tinyrt::live_table_rows(g.list), 9);
  tinyrt::LiveBuffer rows[9];
  int32_t count = 0;
  ASSERT_TRUE(tinyrt::live_table(g.list, g.plan, rows, 9, &count).ok());
  ASSERT_EQ(count, 9);
  struct Want {
    int32_t op, buffer;
    uint32_t offset, size;
    tinyrt::BufferKind kind;
  };
  const auto A = tinyrt::BufferKind::kActivation;
  const auto S = tinyrt::BufferKind::kScratch;
  const Want want[9] = {{0, 0, 0, 256, A},   {0, 1, 256, 256, A}, {0, 4, 512, 128, S},
                        {1, 0, 0, 256, A},   {1, 1, 256, 256, A}, {1, 2, 512, 256, A},
                        {2, 5, 0, 512, S},   {2, 2, 512, 256, A}, {2, 3, 768, 64, A}};
  for (int k = 0; k < 9; ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(rows[k].op, want[k].op);
    EXPECT_EQ(rows[k].buffer, want[k].buffer);
    EXPECT_EQ(rows[k].offset, want[k].offset);
    EXPECT_EQ(rows[k].size, want[k].size);
    EXPECT_EQ(rows[k].kind, want[k].kind);
    EXPECT_EQ(rows[k].alias_of, tinyrt::kNoAlias);
  }
  const tinyrt::PlanError e = tinyrt::live_table(g.list, g.plan, rows, 8, &count);
  EXPECT_EQ(e.status, PlanStatus::kTableTooSmall);
  EXPECT_EQ(e.needed, 9u);
}

}  // namespace
