#include "service/model/block_validation.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "proto/flow_block_convert.h"
#include "proto/status_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

constexpr int kBlockFlows = 8192;  // what the SDK sends a block

// `rows` flows of CHN, KOR and the world, with keys all distinct: 100 years, 4 directions, 2
// products and 12 months cover 9600 flows. Values in cents (scale 2).
v1::FlowBlock GoodBlock(int rows) {
  v1::FlowBlock b;
  for (const char* e : {"CHN", "KOR", "WLD"}) b.add_economies(e);
  v1::Product* drama = b.add_products();
  drama->set_classification(v1::CLASSIFICATION_FREE);
  drama->set_code("TV_DRAMAS");
  v1::Product* media = b.add_products();
  media->set_classification(v1::CLASSIFICATION_HS);
  media->set_code("8523");
  b.add_currencies("CNY");
  b.add_currencies("USD");
  b.set_value_scale(2);
  for (int i = 0; i < rows; ++i) {
    b.add_reporter(i % 3 == 2 ? 2 : 0);
    b.add_partner(i % 3 == 2 ? 2 : 1);
    b.add_product(static_cast<uint32_t>(i / 400 % 2));
    b.add_currency(static_cast<uint32_t>(i % 2));
    b.add_year(2000 + i % 100);
    b.add_month(static_cast<uint32_t>(1 + i / 800 % 12));
    b.add_direction(static_cast<v1::FlowDirection>(1 + i / 100 % 4));
    b.add_scaled_values(static_cast<uint64_t>(i) * 7);
  }
  return b;
}

// The same values as units and nanos: row i is i units and i nanos.
v1::FlowBlock UnitsBlock(int rows) {
  v1::FlowBlock b = GoodBlock(rows);
  b.clear_scaled_values();
  for (int i = 0; i < rows; ++i) {
    b.add_value_units(i);
    b.add_value_nanos(i);
  }
  return b;
}

struct Violation {
  std::string field, description;
};

std::vector<Violation> Violations(const v1::FlowBlock& block) {
  FieldViolations v;
  ValidateBlock(block, "block[3].", v);
  google::rpc::BadRequest bad;
  ReadDetail(v.ToStatus(), bad);
  std::vector<Violation> out;
  for (const auto& fv : bad.field_violations()) out.push_back({fv.field(), fv.description()});
  return out;
}

std::vector<std::string> Fields(const v1::FlowBlock& block) {
  std::vector<std::string> fields;
  for (const Violation& v : Violations(block)) fields.push_back(v.field);
  return fields;
}

TEST(BlockValidationTest, AValidBlockPassesAndConverts) {
  const v1::FlowBlock block = GoodBlock(kBlockFlows);
  EXPECT_TRUE(Fields(block).empty());
  EXPECT_TRUE(Fields(UnitsBlock(kBlockFlows)).empty());
  EXPECT_TRUE(BlockFromProto(block).ok());

  constexpr int kRuns = 50;
  const auto start = std::chrono::steady_clock::now();
  for (int run = 0; run < kRuns; ++run) {
    FieldViolations v;
    ValidateBlock(block, "block[0].", v);
    ASSERT_TRUE(v.empty());
  }
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  std::cout << "validating a block of " << kBlockFlows << " flows: " << took.count() / kRuns
            << " us in this build\n";
}

TEST(BlockValidationTest, OptionalColumnsMayBeFullOrEmpty) {
  v1::FlowBlock b = GoodBlock(3);
  b.clear_month();
  b.add_sources()->set_title("KOCCA");
  b.add_quantity_units("episodes");
  for (int i = 0; i < 3; ++i) {
    b.add_quarter(static_cast<uint32_t>(i));
    b.add_status(v1::VALUE_STATUS_ESTIMATED);
    b.add_source(0);
    b.add_quantity_amounts(i == 1 ? "" : "16.5");
    b.add_quantity_unit(0);
  }
  EXPECT_TRUE(Fields(b).empty());
}

TEST(BlockValidationTest, TheWorldMayBeItsOwnPartnerAndACodeMayBeListedTwice) {
  v1::FlowBlock b = GoodBlock(3);
  b.add_economies("WLD");  // entry 3, the same economy as entry 2
  b.set_partner(2, 3);
  EXPECT_TRUE(Fields(b).empty());
  b.add_economies("CHN");  // entry 4, the same as entry 0
  b.set_partner(0, 4);
  EXPECT_EQ(Fields(b), std::vector<std::string>{"block[3].partner[0]"});
}

// Gives every flow of `b` a quantity of 1 kg, except `text` in row `row`.
void SetQuantities(v1::FlowBlock& b, int row, const std::string& text) {
  b.add_quantity_units("kg");
  for (int i = 0; i < b.reporter_size(); ++i) {
    b.add_quantity_amounts(i == row ? text : "1");
    b.add_quantity_unit(0);
  }
}

struct Rule {
  const char* name;
  std::function<void(v1::FlowBlock&)> break_it;
  const char* field;
};

// Each rule on a block of four flows (in units and nanos where the rule is about them).
std::vector<Rule> Rules() {
  return {
      {"unknown economy", [](v1::FlowBlock& b) { b.set_economies(1, "XYZ"); },
       "block[3].economies[1]"},
      {"malformed economy", [](v1::FlowBlock& b) { b.set_economies(0, "China"); },
       "block[3].economies[0]"},
      {"no classification",
       [](v1::FlowBlock& b) {
         b.mutable_products(0)->set_classification(v1::CLASSIFICATION_UNSPECIFIED);
       },
       "block[3].products[0].classification"},
      {"HS code not digits", [](v1::FlowBlock& b) { b.mutable_products(1)->set_code("85x"); },
       "block[3].products[1].code"},
      {"unknown currency", [](v1::FlowBlock& b) { b.set_currencies(1, "ABC"); },
       "block[3].currencies[1]"},
      {"short column", [](v1::FlowBlock& b) { b.mutable_partner()->RemoveLast(); },
       "block[3].partner"},
      {"optional column neither empty nor full",
       [](v1::FlowBlock& b) { b.add_status(v1::VALUE_STATUS_REPORTED); }, "block[3].status"},
      {"units without amounts", [](v1::FlowBlock& b) { b.add_quantity_unit(0); },
       "block[3].quantity_unit"},
      {"values twice", [](v1::FlowBlock& b) { b.add_value_units(1); }, "block[3].value_units"},
      {"nanos without units", [](v1::FlowBlock& b) { b.add_value_nanos(1); },
       "block[3].value_nanos"},
      {"reporter past economies", [](v1::FlowBlock& b) { b.set_reporter(2, 17); },
       "block[3].reporter[2]"},
      {"partner past economies", [](v1::FlowBlock& b) { b.set_partner(1, 3); },
       "block[3].partner[1]"},
      {"product past products", [](v1::FlowBlock& b) { b.set_product(3, 2); },
       "block[3].product[3]"},
      {"currency past currencies", [](v1::FlowBlock& b) { b.set_currency(0, 2); },
       "block[3].currency[0]"},
      {"source past sources",
       [](v1::FlowBlock& b) {
         for (int i = 0; i < 4; ++i) b.add_source(i == 2 ? 1 : 0);
         b.add_sources();
       },
       "block[3].source[2]"},
      {"unit past units",
       [](v1::FlowBlock& b) {
         b.add_quantity_units("kg");
         for (int i = 0; i < 4; ++i) b.add_quantity_amounts("1");
         for (int i = 0; i < 4; ++i) b.add_quantity_unit(i == 0 ? 1 : 0);
       },
       "block[3].quantity_unit[0]"},
      {"reporter is partner", [](v1::FlowBlock& b) { b.set_partner(1, 0); }, "block[3].partner[1]"},
      {"year too early", [](v1::FlowBlock& b) { b.set_year(2, 1066); }, "block[3].year[2]"},
      {"year too late", [](v1::FlowBlock& b) { b.set_year(0, 2101); }, "block[3].year[0]"},
      {"month 13", [](v1::FlowBlock& b) { b.set_month(1, 13); }, "block[3].month[1]"},
      {"quarter 5",
       [](v1::FlowBlock& b) {
         b.clear_month();
         for (int i = 0; i < 4; ++i) b.add_quarter(i == 3 ? 5 : 1);
       },
       "block[3].quarter[3]"},
      {"month and quarter",
       [](v1::FlowBlock& b) {
         for (int i = 0; i < 4; ++i) b.add_quarter(i == 2 ? 1 : 0);
       },
       "block[3].month[2]"},
      {"no direction", [](v1::FlowBlock& b) { b.set_direction(3, v1::FLOW_DIRECTION_UNSPECIFIED); },
       "block[3].direction[3]"},
      {"unknown direction",
       [](v1::FlowBlock& b) { b.set_direction(0, static_cast<v1::FlowDirection>(9)); },
       "block[3].direction[0]"},
      {"unknown status",
       [](v1::FlowBlock& b) {
         for (int i = 0; i < 4; ++i) b.add_status(static_cast<v1::ValueStatus>(i == 1 ? 7 : 1));
       },
       "block[3].status[1]"},
      {"scale 10", [](v1::FlowBlock& b) { b.set_value_scale(10); }, "block[3].value_scale"},
      {"negative scale", [](v1::FlowBlock& b) { b.set_value_scale(-1); }, "block[3].value_scale"},
      {"units beyond int64",
       [](v1::FlowBlock& b) {
         b.set_value_scale(0);
         b.set_scaled_values(2, std::numeric_limits<uint64_t>::max());
       },
       "block[3].scaled_values[2]"},
      {"quantity not a number", [](v1::FlowBlock& b) { SetQuantities(b, 1, "lots"); },
       "block[3].quantity_amounts[1]"},
      {"negative quantity", [](v1::FlowBlock& b) { SetQuantities(b, 3, "-2"); },
       "block[3].quantity_amounts[3]"},
  };
}

std::vector<Rule> MoneyRules() {
  return {
      {"negative units",
       [](v1::FlowBlock& b) {
         b.set_value_units(1, -5);
         b.set_value_nanos(1, 0);
       },
       "block[3].value_units[1]"},
      {"negative nanos",
       [](v1::FlowBlock& b) {
         b.set_value_units(2, 0);
         b.set_value_nanos(2, -1);
       },
       "block[3].value_nanos[2]"},
      {"nanos past a unit", [](v1::FlowBlock& b) { b.set_value_nanos(3, 1000000000); },
       "block[3].value_nanos[3]"},
      {"signs disagree", [](v1::FlowBlock& b) { b.set_value_nanos(1, -1); },
       "block[3].value_nanos[1]"},
  };
}

TEST(BlockValidationTest, EachRuleNamesItsBlockColumnAndRow) {
  for (const Rule& rule : Rules()) {
    v1::FlowBlock b = GoodBlock(4);
    rule.break_it(b);
    EXPECT_EQ(Fields(b), std::vector<std::string>{rule.field}) << rule.name;
  }
  for (const Rule& rule : MoneyRules()) {
    v1::FlowBlock b = UnitsBlock(4);
    rule.break_it(b);
    EXPECT_EQ(Fields(b), std::vector<std::string>{rule.field}) << rule.name;
  }
}

TEST(BlockValidationTest, ScaledValuesBeyondInt64FitOnceScaled) {
  v1::FlowBlock b = GoodBlock(1);
  b.set_value_scale(1);
  b.set_scaled_values(0, std::numeric_limits<uint64_t>::max());
  EXPECT_TRUE(Fields(b).empty());
}

TEST(BlockValidationTest, ADictionaryEntryIsCheckedOnceHoweverManyRowsUseIt) {
  v1::FlowBlock b = GoodBlock(1000);
  b.set_economies(1, "XYZ");  // every row's partner but the world's
  b.set_currencies(0, "yuan");
  FieldViolations v;
  ValidateBlock(b, "block[3].", v);
  EXPECT_EQ(v.count(), 2);
  EXPECT_EQ(Fields(b),
            (std::vector<std::string>{"block[3].economies[1]", "block[3].currencies[0]"}));
}

TEST(BlockValidationTest, MisalignedColumnsAreNotCheckedRowByRow) {
  v1::FlowBlock b = GoodBlock(4);
  b.add_year(1066);
  b.set_year(0, 1066);
  EXPECT_EQ(Fields(b), std::vector<std::string>{"block[3].year"});
}

TEST(BlockValidationTest, ABadBlockOfThousandsOfRowsGivesAShortError) {
  v1::FlowBlock b = GoodBlock(kBlockFlows);
  for (int i = 0; i < kBlockFlows; ++i) {
    b.set_year(i, 1066);
    b.set_direction(i, v1::FLOW_DIRECTION_UNSPECIFIED);
  }
  FieldViolations v;
  ValidateBlock(b, "block[3].", v);
  EXPECT_EQ(v.count(), 2 * kBlockFlows);
  const absl::Status status = v.ToStatus();
  EXPECT_LT(status.message().size(), 4096u);
  google::rpc::BadRequest bad;
  ASSERT_TRUE(ReadDetail(status, bad));
  EXPECT_EQ(bad.field_violations_size(), FieldViolations::kMaxReported);
  EXPECT_EQ(bad.field_violations(0).field(), "block[3].year[0]");
}

// The first flow of GoodBlock(4) as a TradeFlow.
v1::TradeFlow FlowLikeRow0() {
  absl::StatusOr<FlowBlock> block = BlockFromProto(GoodBlock(4));
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  EXPECT_TRUE(block.ok() && AppendTradeFlows(*block, &flows).ok());
  return flows.empty() ? v1::TradeFlow() : flows[0];
}

// The one description ValidateFlows gives for `flow`.
std::string FlowDescription(const v1::TradeFlow& flow) {
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  *flows.Add() = flow;
  FlowKeySet seen;
  FieldViolations v;
  ValidateFlows(flows, "", seen, v);
  google::rpc::BadRequest bad;
  ReadDetail(v.ToStatus(), bad);
  return bad.field_violations_size() == 1 ? bad.field_violations(0).description() : "";
}

std::string BlockDescription(const v1::FlowBlock& block) {
  const std::vector<Violation> found = Violations(block);
  return found.size() == 1 ? found[0].description : "";
}

// The block's rules are the per-flow rules: the same problem is told in the same words.
TEST(BlockValidationTest, ABlockRowIsRefusedInTheWordsATradeFlowIs) {
  const std::vector<
      std::pair<std::function<void(v1::FlowBlock&)>, std::function<void(v1::TradeFlow&)>>>
      cases = {
          {[](v1::FlowBlock& b) { b.set_economies(0, "XYZ"); },
           [](v1::TradeFlow& f) { f.set_reporter("XYZ"); }},
          {[](v1::FlowBlock& b) { b.mutable_products(0)->set_code("a b"); },
           [](v1::TradeFlow& f) { f.mutable_product()->set_code("a b"); }},
          {[](v1::FlowBlock& b) { b.set_currencies(0, "yuan"); },
           [](v1::TradeFlow& f) { f.mutable_value()->set_currency_code("yuan"); }},
          {[](v1::FlowBlock& b) { b.set_partner(0, 0); },
           [](v1::TradeFlow& f) { f.set_partner("CHN"); }},
          {[](v1::FlowBlock& b) { b.set_year(0, 2101); },
           [](v1::TradeFlow& f) { f.mutable_period()->set_year(2101); }},
          {[](v1::FlowBlock& b) { b.set_month(0, 13); },
           [](v1::TradeFlow& f) { f.mutable_period()->set_month(13); }},
          {[](v1::FlowBlock& b) {
             for (int i = 0; i < 4; ++i) b.add_quarter(i == 0 ? 2 : 0);
           },
           [](v1::TradeFlow& f) { f.mutable_period()->set_quarter(2); }},
          {[](v1::FlowBlock& b) { b.set_direction(0, v1::FLOW_DIRECTION_UNSPECIFIED); },
           [](v1::TradeFlow& f) { f.set_direction(v1::FLOW_DIRECTION_UNSPECIFIED); }},
          {[](v1::FlowBlock& b) {
             for (int i = 0; i < 4; ++i) b.add_status(static_cast<v1::ValueStatus>(i ? 1 : 9));
           },
           [](v1::TradeFlow& f) { f.set_status(static_cast<v1::ValueStatus>(9)); }},
          {[](v1::FlowBlock& b) { SetQuantities(b, 0, "1e3"); },
           [](v1::TradeFlow& f) { f.mutable_quantity()->set_amount("1e3"); }},
      };
  for (size_t i = 0; i < cases.size(); ++i) {
    v1::FlowBlock block = GoodBlock(4);
    cases[i].first(block);
    v1::TradeFlow flow = FlowLikeRow0();
    cases[i].second(flow);
    const std::string expected = FlowDescription(flow);
    EXPECT_FALSE(expected.empty()) << "case " << i;
    EXPECT_EQ(BlockDescription(block), expected) << "case " << i;
  }
}

TEST(BlockValidationTest, NegativeAmountsAreRefusedInTheWordsATradeFlowIs) {
  v1::FlowBlock block = UnitsBlock(4);
  block.set_value_units(0, -5);
  v1::TradeFlow flow = FlowLikeRow0();
  flow.mutable_value()->set_units(-5);
  EXPECT_EQ(BlockDescription(block), FlowDescription(flow));
  block = UnitsBlock(4);
  block.set_value_units(1, 1);
  block.set_value_nanos(1, -1);
  flow.mutable_value()->set_units(1);
  flow.mutable_value()->set_nanos(-1);
  EXPECT_EQ(BlockDescription(block), FlowDescription(flow));
}

}  // namespace
}  // namespace culturetrade
