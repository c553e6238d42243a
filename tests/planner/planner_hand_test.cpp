// Hand-made graphs with offsets and totals worked out on paper (comments show the
// placement order), and every error path of the planner inputs.
#include <gtest/gtest.h>

#include "planner_fixture.h"

namespace {
using tinyrt::GreedyPlanner;
using tinyrt::LinearPlanner;
using tinyrt::PlanStatus;
using tinyrt_test::Graph;

const GreedyPlanner kGreedy;
const LinearPlanner kLinear;

void expect_offsets(const Graph& g, const std::vector<uint32_t>& want) {
  ASSERT_EQ(g.plan.count, static_cast<int32_t>(want.size()));
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(g.plan.offsets[i], want[i]) << "buffer " << i;
}

// op0: x0 -> x1, op1: x1 -> x2, op2: x2 -> x3 (16-byte aligned).
Graph chain() {
  Graph g;
  g.act(1000, 16, 0, 0);  // x0: rounds to 1008
  g.act(2000, 16, 0, 1);  // x1
  g.act(500, 16, 1, 2);   // x2: rounds to 512
  g.act(40, 16, 2, 2);    // x3: rounds to 48
  return g;
}

TEST(PlannerHand, ChainGreedy) {
  Graph g = chain();
  ASSERT_TRUE(g.run(kGreedy).ok());
  // x1@0; x0 meets x1 -> 2000; x2 meets x1 -> 2000; x3 meets only x2 -> fits below at 0.
  expect_offsets(g, {2000, 0, 2000, 0});
  EXPECT_EQ(g.plan.arena_bytes, 3008u);
  EXPECT_STREQ(g.plan.planner, "greedy");
  EXPECT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());
  EXPECT_EQ(tinyrt_test::optimum_arena(g.list), 3008u);  // = peak at op0: x0 + x1
}

TEST(PlannerHand, ChainLinear) {
  Graph g = chain();
  ASSERT_TRUE(g.run(kLinear).ok());
  expect_offsets(g, {0, 1008, 3008, 3520});
  EXPECT_EQ(g.plan.arena_bytes, 3568u);
  EXPECT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());
}

TEST(PlannerHand, ResidualGreedy) {
  Graph g = tinyrt_test::residual_block();
  ASSERT_TRUE(g.run(kGreedy).ok());
  // Order s2 x0 x1 x2 s0 x3: s2@0; x0@0 (no common op); x1 above x0 @256;
  // x2 meets s2, x0, x1 -> 512; s0 meets x0, x1 -> 512; x3 meets s2, x2 -> 768.
  expect_offsets(g, {0, 256, 512, 768, 512, 0});
  EXPECT_EQ(g.plan.arena_bytes, 832u);
  EXPECT_EQ(tinyrt_test::optimum_arena(g.list), 832u);
  ASSERT_TRUE(g.run(kLinear).ok());
  expect_offsets(g, {0, 256, 512, 768, 832, 960});
  EXPECT_EQ(g.plan.arena_bytes, 1472u);
}

// op0 conv x0 -> x1; op1 RESHAPE x1 -> x2 (alias); op2 FC x2 -> x3.
TEST(PlannerHand, ReshapeAliasSharesBytesAndExtendsLifetime) {
  Graph g;
  g.act(400, 4, 0, 0);             // x0
  const int32_t x1 = g.act(600, 4, 0, 1);
  const int32_t x2 = g.alias(x1, 1, 2);
  g.act(40, 4, 2, 2);              // x3
  ASSERT_EQ(x2, 2);
  ASSERT_TRUE(g.run(kGreedy).ok());
  // Group {x1, x2} lives ops 0..2: x1@0, x0@600, x3 must avoid the group -> 600.
  expect_offsets(g, {600, 0, 0, 600});
  EXPECT_EQ(g.plan.arena_bytes, 1000u);
  EXPECT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());
  EXPECT_EQ(tinyrt_test::optimum_arena(g.list), 1000u);
  ASSERT_TRUE(g.run(kLinear).ok());
  expect_offsets(g, {0, 400, 400, 1000});
  EXPECT_EQ(g.plan.arena_bytes, 1040u);
}

TEST(PlannerHand, AliasOfAliasFollowsTheRoot) {
  Graph g;
  const int32_t a = g.act(100, 4, 0, 1);
  const int32_t b = g.alias(a, 1, 2);
  g.alias(b, 2, 5);
  g.act(100, 4, 4, 4);  // must avoid the group still live at op 4
  g.act(100, 4, 6, 6);  // may reuse the group's bytes
  ASSERT_TRUE(g.run(kGreedy).ok());
  expect_offsets(g, {0, 0, 0, 100, 0});
  EXPECT_EQ(g.plan.arena_bytes, 200u);
}

TEST(PlannerHand, ScratchLivesOneOpOnly) {
  Graph g;
  g.act(64, 16, 0, 0);
  g.act(64, 16, 0, 1);
  g.scratch(1024, 16, 0);
  g.scratch(1024, 16, 1);  // op1 scratch reuses op0's scratch bytes
  g.act(32, 16, 1, 1);
  ASSERT_TRUE(g.run(kGreedy).ok());
  // Order s0 s1 x0 x1 x2: s0@0, s1@0, x0@1024, x1@1088, x2 meets s1, x1 -> 1024.
  expect_offsets(g, {1024, 1088, 0, 0, 1024});
  EXPECT_EQ(g.plan.arena_bytes, 1152u);
}

TEST(PlannerHand, LargerAlignmentIsPlacedFirstSoNoPaddingIsWasted) {
  Graph g;
  g.act(6, 2, 0, 0);  // X
  g.act(4, 4, 0, 0);  // Y: size-first would put X@0, Y@8 and need 12
  ASSERT_TRUE(g.run(kGreedy).ok());
  expect_offsets(g, {4, 0});
  EXPECT_EQ(g.plan.arena_bytes, 10u);
  ASSERT_TRUE(g.run(kLinear).ok());
  expect_offsets(g, {0, 8});
  EXPECT_EQ(g.plan.arena_bytes, 12u);
}

// Greedy-by-size is a heuristic: here the biggest buffer at 0 leaves a 16-byte
// hole nobody fits. Optimum (64@0, 96@64, 80@64, 48@144) = peak at op2 = 192.
TEST(PlannerHand, GreedyIsAHeuristicNotTheOptimum) {
  Graph g;
  g.act(80, 16, 2, 2);
  g.act(96, 16, 0, 1);
  g.act(64, 16, 1, 2);
  g.act(48, 16, 2, 2);
  ASSERT_TRUE(g.run(kGreedy).ok());
  expect_offsets(g, {0, 0, 96, 160});
  EXPECT_EQ(g.plan.arena_bytes, 208u);
  EXPECT_EQ(tinyrt_test::optimum_arena(g.list), 192u);
}

TEST(PlannerHand, ZeroSizeAndEmptyGraphs) {
  Graph empty;
  ASSERT_TRUE(empty.run(kGreedy).ok());
  EXPECT_EQ(empty.plan.arena_bytes, 0u);
  Graph g;
  g.act(0, 8, 0, 3);
  g.act(24, 8, 1, 2);
  ASSERT_TRUE(g.run(kGreedy).ok());
  expect_offsets(g, {0, 0});
  EXPECT_EQ(g.plan.arena_bytes, 24u);
  EXPECT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());
}

TEST(PlannerHand, BadRequestsAreRefusedWithTheBufferIndex) {
  Graph g(3);
  g.act(10, 3, 0, 0);
  EXPECT_EQ(g.last_error.status, PlanStatus::kBadAlignment);
  g.act(10, 0, 0, 0);
  EXPECT_EQ(g.last_error.status, PlanStatus::kBadAlignment);
  g.act(10, 4, 2, 1);
  EXPECT_EQ(g.last_error.status, PlanStatus::kBadLifetime);
  g.act(10, 4, -1, 1);
  EXPECT_EQ(g.last_error.status, PlanStatus::kBadLifetime);
  g.alias(0, 0, 1);
  EXPECT_EQ(g.last_error.status, PlanStatus::kBadAlias);
  EXPECT_EQ(g.list.count(), 0);
  tinyrt::BufferRequest r;
  r.alias_of = 0;  // itself: not an earlier buffer
  EXPECT_EQ(g.list.add(r).status, PlanStatus::kBadAlias);
  g.act(10, 4, 0, 0);
  g.act(10, 4, 0, 0);
  g.act(10, 4, 0, 0);
  EXPECT_TRUE(g.last_error.ok());
  g.act(10, 4, 0, 0);
  EXPECT_EQ(g.last_error.status, PlanStatus::kTooManyBuffers);
  EXPECT_EQ(g.last_error.needed, 4u);
  EXPECT_EQ(g.last_error.available, 3u);
  EXPECT_STREQ(tinyrt::plan_status_name(PlanStatus::kTooManyBuffers), "too_many_buffers");
}

TEST(PlannerHand, SmallWorkspaceOrPlanIsAnError) {
  Graph g = chain();
  tinyrt::PlannerWorkspace small_work(g.slots.data(), 3);
  tinyrt::PlanError e = kGreedy.plan(g.list, small_work, g.plan);
  EXPECT_EQ(e.status, PlanStatus::kWorkspaceTooSmall);
  EXPECT_EQ(e.needed, 4u);
  EXPECT_EQ(e.available, 3u);
  tinyrt::ArenaPlan small_plan(g.offsets.data(), 2);
  EXPECT_EQ(kLinear.plan(g.list, g.work, small_plan).status, PlanStatus::kPlanTooSmall);
}

TEST(PlannerHand, OffsetsPast4GiBAreAnOverflowNotAWrap) {
  Graph g;
  g.act(0xC0000000u, 16, 0, 0);
  g.act(0xC0000000u, 16, 0, 0);
  EXPECT_EQ(g.run(kGreedy).status, PlanStatus::kSizeOverflow);
  EXPECT_EQ(g.run(kLinear).status, PlanStatus::kSizeOverflow);
  Graph h;
  h.act(0xFFFFFFF0u, 32, 0, 0);  // rounds past 4 GiB
  EXPECT_EQ(h.run(kGreedy).status, PlanStatus::kSizeOverflow);
}

TEST(PlanCheck, FindsEachKindOfBrokenPlan) {
  Graph g = tinyrt_test::residual_block();
  ASSERT_TRUE(g.run(kGreedy).ok());
  ASSERT_TRUE(tinyrt::check_plan(g.list, g.plan).ok());

  g.plan.offsets[1] = 128;  // x1 over x0 while both live
  tinyrt::PlanError e = tinyrt::check_plan(g.list, g.plan);
  EXPECT_EQ(e.status, PlanStatus::kOverlap);
  EXPECT_EQ(e.buffer, 0);
  EXPECT_EQ(e.other, 1);

  g.plan.offsets[1] = 260;  // not 16-aligned
  EXPECT_EQ(tinyrt::check_plan(g.list, g.plan).status, PlanStatus::kMisaligned);

  g.plan.offsets[1] = 816;  // ends past the arena
  EXPECT_EQ(tinyrt::check_plan(g.list, g.plan).status, PlanStatus::kOutOfArena);

  Graph a;
  const int32_t x = a.act(64, 4, 0, 0);
  a.alias(x, 0, 1);
  ASSERT_TRUE(a.run(kGreedy).ok());
  a.plan.arena_bytes = 128;
  a.plan.offsets[1] = 64;
  EXPECT_EQ(tinyrt::check_plan(a.list, a.plan).status, PlanStatus::kAliasMoved);
}

}  // namespace
