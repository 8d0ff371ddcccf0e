#include "service/model/flow_keys.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "core/flow_block_builder.h"
#include "proto/flow_block_convert.h"
#include "proto/status_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

v1::TradeFlow Flow(const std::string& reporter, const std::string& partner, int year, int month,
                   int quarter, v1::FlowDirection direction = v1::FLOW_DIRECTION_EXPORT) {
  v1::TradeFlow f;
  f.set_reporter(reporter);
  f.set_partner(partner);
  f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f.mutable_product()->set_code("TV_DRAMAS");
  f.set_direction(direction);
  f.mutable_period()->set_year(year);
  f.mutable_period()->set_month(month);
  f.mutable_period()->set_quarter(quarter);
  f.mutable_value()->set_currency_code("CNY");
  f.mutable_value()->set_units(100);
  return f;
}

// Adds `flows` to `builder` and takes the block; a builder that already saw other codes gives
// the block's dictionaries another order.
FlowBlock Block(const std::vector<v1::TradeFlow>& flows, FlowBlockBuilder builder = {}) {
  for (const v1::TradeFlow& f : flows) EXPECT_TRUE(AddTradeFlow(f, builder).ok());
  return builder.Take();
}

struct Violation {
  std::string field, description;
};

std::vector<Violation> Read(const FieldViolations& v) {
  google::rpc::BadRequest bad;
  ReadDetail(v.ToStatus(), bad);
  std::vector<Violation> out;
  for (const auto& fv : bad.field_violations()) out.push_back({fv.field(), fv.description()});
  return out;
}

std::vector<std::string> Fields(const FieldViolations& v) {
  std::vector<std::string> fields;
  for (const Violation& found : Read(v)) fields.push_back(found.field);
  return fields;
}

TEST(FlowKeysTest, DistinctFlowsPass) {
  FlowKeySet seen;
  FieldViolations v;
  seen.CheckAndRemember(
      Block({Flow("CHN", "KOR", 2010, 1, 0), Flow("CHN", "KOR", 2010, 2, 0),
             Flow("CHN", "KOR", 2010, 0, 1),  // months and quarters of a year may meet
             Flow("KOR", "CHN", 2010, 0, 0), Flow("CHN", "KOR", 2011, 0, 0),
             Flow("CHN", "KOR", 2011, 0, 0, v1::FLOW_DIRECTION_IMPORT)}),
      "block[0].", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(FlowKeysTest, TheSameFlowTwiceInABlockNamesTheLaterRow) {
  FlowKeySet seen;
  FieldViolations v;
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2010, 0, 0), Flow("KOR", "CHN", 2010, 0, 0),
                               Flow("CHN", "KOR", 2010, 0, 0)}),
                        "block[4].", v);
  const std::vector<Violation> found = Read(v);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].field, "block[4].reporter[2]");
  EXPECT_EQ(found[0].description,
            "another flow has the same reporter, partner, product, direction and period");
}

TEST(FlowKeysTest, AYearWholeAndInPartsNamesTheYear) {
  FlowKeySet seen;
  FieldViolations v;
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2010, 3, 0), Flow("CHN", "KOR", 2010, 0, 0)}),
                        "block[0].", v);
  seen.CheckAndRemember(Block({Flow("KOR", "CHN", 2012, 0, 0), Flow("KOR", "CHN", 2012, 0, 4)}),
                        "block[1].", v);
  EXPECT_EQ(Fields(v), (std::vector<std::string>{"block[0].year[1]", "block[1].year[1]"}));
}

TEST(FlowKeysTest, BlocksMeetEarlierBlocksWhateverTheirDictionariesOrder) {
  FlowKeySet seen;
  FieldViolations v;
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2010, 0, 0), Flow("KOR", "JPN", 2010, 0, 0)}),
                        "block[0].", v);
  FlowBlockBuilder other_order;
  other_order.Economy("JPN");
  other_order.Product(Classification::kHs, "8523", "");
  seen.CheckAndRemember(Block({Flow("KOR", "JPN", 2011, 0, 0), Flow("KOR", "JPN", 2010, 0, 0)},
                              std::move(other_order)),
                        "block[1].", v);
  EXPECT_EQ(Fields(v), std::vector<std::string>{"block[1].reporter[1]"});
}

TEST(FlowKeysTest, ChunksAndBlocksShareOneKeySpace) {
  FlowKeySet seen;
  FieldViolations v;
  google::protobuf::RepeatedPtrField<v1::TradeFlow> chunk;
  *chunk.Add() = Flow("CHN", "KOR", 2010, 0, 0);
  *chunk.Add() = Flow("CHN", "KOR", 2011, 6, 0);
  ValidateFlows(chunk, "chunk[0].", seen, v);
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2012, 0, 0), Flow("CHN", "KOR", 2010, 0, 0),
                               Flow("CHN", "KOR", 2011, 0, 0)}),
                        "block[0].", v);
  chunk.Clear();
  *chunk.Add() = Flow("CHN", "KOR", 2012, 0, 0);
  *chunk.Add() = Flow("CHN", "KOR", 2012, 0, 2);
  ValidateFlows(chunk, "chunk[1].", seen, v);
  EXPECT_EQ(Fields(v), (std::vector<std::string>{"block[0].reporter[1]", "block[0].year[2]",
                                                 "chunk[1].flows[0]", "chunk[1].flows[1].period"}));
}

TEST(FlowKeysTest, TheStoredFlowsAreMetToo) {
  FlowKeySet seen;
  seen.Remember(Flow("CHN", "KOR", 2010, 0, 0));  // as the upload reads the dataset
  EXPECT_EQ(seen.Find(Flow("CHN", "KOR", 2010, 0, 0)), FlowKeySet::Clash::kSameKey);
  EXPECT_EQ(seen.Find(Flow("CHN", "KOR", 2010, 7, 0)), FlowKeySet::Clash::kWholeAndParts);
  EXPECT_EQ(seen.Find(Flow("CHN", "KOR", 2009, 7, 0)), FlowKeySet::Clash::kNone);
  FieldViolations v;
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2010, 0, 0)}), "block[0].", v);
  EXPECT_EQ(Fields(v), std::vector<std::string>{"block[0].reporter[0]"});
}

// A clashing row is not remembered: the flow it repeated is what later ones meet.
TEST(FlowKeysTest, AClashingRowLeavesNoKey) {
  FlowKeySet seen;
  FieldViolations v;
  seen.CheckAndRemember(Block({Flow("CHN", "KOR", 2010, 5, 0), Flow("CHN", "KOR", 2010, 0, 0)}),
                        "block[0].", v);
  EXPECT_EQ(seen.Find(Flow("CHN", "KOR", 2010, 0, 0)), FlowKeySet::Clash::kWholeAndParts);
}

TEST(FlowKeysTest, AFullBlockOfDistinctFlows) {
  constexpr int kFlows = 8192;
  FlowBlockBuilder builder;
  const char* const economies[] = {"CHN", "KOR", "JPN", "USA"};
  for (int i = 0; i < kFlows; ++i) {
    EXPECT_TRUE(
        AddTradeFlow(Flow(economies[i % 4], "WLD", 1900 + i / 4 % 200, 1 + i / 800, 0), builder)
            .ok());
  }
  const FlowBlock block = builder.Take();
  FlowKeySet seen;
  FieldViolations v;
  const auto start = std::chrono::steady_clock::now();
  seen.CheckAndRemember(block, "block[0].", v);
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(v.empty()) << v.ToStatus();
  std::cout << "checking the keys of a block of " << kFlows << " flows: " << took.count()
            << " us in this build\n";
  seen.CheckAndRemember(block, "block[1].", v);
  EXPECT_EQ(v.count(), kFlows);
}

}  // namespace
}  // namespace culturetrade
