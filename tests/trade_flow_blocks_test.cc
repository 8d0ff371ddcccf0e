#include "client/internal/trade_flow_blocks.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "client/flows_of_block.h"

namespace culturetrade {
namespace internal {
namespace {

std::vector<v1::TradeFlow> Flows(int n) {
  std::vector<v1::TradeFlow> flows(n);
  for (int i = 0; i < n; ++i) {
    flows[i].set_reporter(std::to_string(i));
    flows[i].set_direction(v1::FLOW_DIRECTION_EXPORT);
    flows[i].mutable_value()->set_units(i);
  }
  return flows;
}

// The reporters of every block the source gives, block by block.
std::vector<std::vector<std::string>> Reporters(FlowBlockSource& source) {
  std::vector<std::vector<std::string>> out;
  v1::FlowBlock block;
  for (absl::StatusOr<bool> more = source.Next(block); more.ok() && *more;
       more = source.Next(block)) {
    absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows = FlowsOfBlock(block);
    EXPECT_TRUE(flows.ok()) << flows.status();
    out.emplace_back();
    for (const v1::TradeFlow& f : *flows) out.back().push_back(f.reporter());
  }
  return out;
}

TEST(TradeFlowBlocksTest, SplitsIntoBlocksOfAtMostTheGivenSize) {
  const std::vector<v1::TradeFlow> flows = Flows(5);
  TradeFlowBlocks blocks(flows, 2, nullptr);
  EXPECT_EQ(Reporters(blocks),
            (std::vector<std::vector<std::string>>{{"0", "1"}, {"2", "3"}, {"4"}}));
}

TEST(TradeFlowBlocksTest, NoFlowsNoBlocks) {
  TradeFlowBlocks blocks({}, 8, nullptr);
  EXPECT_TRUE(Reporters(blocks).empty());
}

TEST(TradeFlowBlocksTest, ASizeBelowOneMeansOne) {
  const std::vector<v1::TradeFlow> flows = Flows(3);
  TradeFlowBlocks blocks(flows, 0, nullptr);
  EXPECT_EQ(Reporters(blocks).size(), 3u);
}

// A block counts as sent when the next is asked for, or the end: the stub asks only after a
// successful write.
TEST(TradeFlowBlocksTest, ProgressCountsTheFlowsSent) {
  const std::vector<v1::TradeFlow> flows = Flows(5);
  std::vector<std::pair<int64_t, int64_t>> seen;
  TradeFlowBlocks blocks(flows, 2,
                         [&](int64_t sent, int64_t total) { seen.emplace_back(sent, total); });
  v1::FlowBlock block;
  ASSERT_TRUE(*blocks.Next(block));
  EXPECT_TRUE(seen.empty());
  Reporters(blocks);
  EXPECT_EQ(seen, (std::vector<std::pair<int64_t, int64_t>>{{2, 5}, {4, 5}, {5, 5}}));
}

TEST(TradeFlowBlocksTest, AFlowNoBlockCanHoldIsNamed) {
  std::vector<v1::TradeFlow> flows = Flows(4);
  flows[3].set_direction(v1::FLOW_DIRECTION_UNSPECIFIED);
  TradeFlowBlocks blocks(flows, 2, nullptr);
  v1::FlowBlock block;
  ASSERT_TRUE(*blocks.Next(block));
  const absl::Status s = blocks.Next(block).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "flows[3]: unknown flow direction 0");
}

TEST(TradeFlowBlocksTest, TheFactoryOpensFromTheFirstBlockEachTime) {
  const std::vector<v1::TradeFlow> flows = Flows(3);
  const FlowBlockSourceFactory open = TradeFlowBlockFactory(flows, 2, nullptr);
  for (int attempt = 0; attempt < 2; ++attempt) {
    absl::StatusOr<std::unique_ptr<FlowBlockSource>> source = open();
    ASSERT_TRUE(source.ok());
    EXPECT_EQ(Reporters(**source), (std::vector<std::vector<std::string>>{{"0", "1"}, {"2"}}));
  }
}

}  // namespace
}  // namespace internal
}  // namespace culturetrade
