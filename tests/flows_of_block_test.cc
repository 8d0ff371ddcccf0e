#include "client/flows_of_block.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade {
namespace {

// Two flows in columns: KOR to CHN and CHN to KOR, 4.07 and 12 USD, the second with a source.
v1::FlowBlock TwoFlows() {
  v1::FlowBlock b;
  b.add_economies("KOR");
  b.add_economies("CHN");
  v1::Product* p = b.add_products();
  p->set_classification(v1::CLASSIFICATION_FREE);
  p->set_code("TV_DRAMAS");
  b.add_currencies("USD");
  b.add_sources();
  b.add_sources()->set_title("a paper");
  for (uint32_t i : {0u, 1u}) {
    b.add_reporter(i);
    b.add_partner(1 - i);
    b.add_product(0);
    b.add_currency(0);
    b.add_year(2020);
    b.add_direction(v1::FLOW_DIRECTION_EXPORT);
    b.add_source(i);
  }
  b.add_month(3);
  b.add_month(0);
  b.add_scaled_values(407);
  b.add_scaled_values(1200);
  b.set_value_scale(2);
  return b;
}

TEST(FlowsOfBlockTest, EveryFlowInOrder) {
  absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows =
      FlowsOfBlock(TwoFlows());
  ASSERT_TRUE(flows.ok()) << flows.status();
  ASSERT_EQ(flows->size(), 2);
  const v1::TradeFlow& first = (*flows)[0];
  EXPECT_EQ(first.reporter(), "KOR");
  EXPECT_EQ(first.partner(), "CHN");
  EXPECT_EQ(first.product().code(), "TV_DRAMAS");
  EXPECT_EQ(first.period().month(), 3);
  EXPECT_EQ(first.value().units(), 4);
  EXPECT_EQ(first.value().nanos(), 70'000'000);
  EXPECT_EQ(first.value().currency_code(), "USD");
  EXPECT_FALSE(first.has_source());
  const v1::TradeFlow& second = (*flows)[1];
  EXPECT_EQ(second.reporter(), "CHN");
  EXPECT_EQ(second.value().units(), 12);
  EXPECT_EQ(second.source().title(), "a paper");
}

TEST(FlowsOfBlockTest, ColumnsThatDoNotFitAreNamed) {
  v1::FlowBlock b = TwoFlows();
  b.add_partner(0);
  const absl::Status s = FlowsOfBlock(b).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("partner"));
}

}  // namespace
}  // namespace culturetrade
