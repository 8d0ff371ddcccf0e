#include "client/internal/flow_chunks.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace culturetrade {
namespace internal {
namespace {

std::vector<v1::TradeFlow> Flows(int n) {
  std::vector<v1::TradeFlow> flows(n);
  for (int i = 0; i < n; ++i) flows[i].set_reporter(std::to_string(i));
  return flows;
}

TEST(FlowChunksTest, SplitsIntoChunksOfAtMostTheGivenSize) {
  const std::vector<v1::TradeFlow> flows = Flows(5);
  const FlowChunks chunks(flows, 2, nullptr);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks.Chunk(0).flows_size(), 2);
  EXPECT_EQ(chunks.Chunk(2).flows_size(), 1);
  EXPECT_EQ(chunks.Chunk(1).flows(1).reporter(), "3");
}

TEST(FlowChunksTest, NoFlowsNoChunks) { EXPECT_EQ(FlowChunks({}, 8, nullptr).size(), 0u); }

TEST(FlowChunksTest, ASizeBelowOneMeansOne) {
  const std::vector<v1::TradeFlow> flows = Flows(3);
  EXPECT_EQ(FlowChunks(flows, 0, nullptr).size(), 3u);
}

TEST(FlowChunksTest, ProgressCountsTheFlowsSent) {
  const std::vector<v1::TradeFlow> flows = Flows(5);
  std::vector<std::pair<int64_t, int64_t>> seen;
  const FlowChunks chunks(flows, 2,
                          [&](int64_t sent, int64_t total) { seen.emplace_back(sent, total); });
  for (size_t i = 0; i < chunks.size(); ++i) chunks.Sent(i);
  EXPECT_EQ(seen, (std::vector<std::pair<int64_t, int64_t>>{{2, 5}, {4, 5}, {5, 5}}));
}

}  // namespace
}  // namespace internal
}  // namespace culturetrade
