#include "core/flow_labels.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace culturetrade {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow X(const char* reporter, const char* partner, const char* product, int year) {
  return Flow{reporter,           partner, product, Direction::kExport,
              Period{year, 0, 0}, D("1"),  "USD",   ValueStatus::kReported};
}

// The codes of `labels`, each with the code of its group ("-" for none).
std::vector<std::string> Codes(const FlowLabels& labels,
                               const std::vector<FlowLabels::Economy>& economies) {
  std::vector<std::string> out;
  out.reserve(economies.size());
  for (const FlowLabels::Economy& e : economies) {
    out.push_back(labels.code(e.label) + "/" +
                  (e.group == FlowLabels::kNoGroup ? "-" : labels.group(e.group).code()));
  }
  return out;
}

TEST(FlowLabelsTest, AnEconomyStandsForItselfItsGroupsAndTheWorldUnlessReported) {
  const FlowTable flows({X("KOR", "POL", "P", 2003), X("KOR", "POL", "P", 2004),
                         X("KOR", "WLD", "Q", 2004), X("KOR", "POL", "Q", 2004)});
  const FlowLabels labels(flows, {&EuropeanUnion()}, nullptr);
  std::vector<FlowLabels::Economy> out;
  labels.PartnerLabels(0, out);
  EXPECT_THAT(Codes(labels, out), ElementsAre("POL/-", "WLD/WLD"));  // POL joined in 2004
  labels.PartnerLabels(1, out);
  EXPECT_THAT(Codes(labels, out), ElementsAre("POL/-", "EUU/EUU", "WLD/WLD"));
  labels.PartnerLabels(2, out);
  EXPECT_THAT(Codes(labels, out), ElementsAre("WLD/WLD"));  // a reported world total
  labels.PartnerLabels(3, out);  // KOR -> WLD of Q is reported: POL's flow is part of it
  EXPECT_THAT(Codes(labels, out), ElementsAre("POL/-", "EUU/EUU"));
  labels.ReporterLabels(1, out);
  EXPECT_THAT(Codes(labels, out), ElementsAre("KOR/-", "WLD/WLD"));
  EXPECT_TRUE(labels.MayStandFor(flows.economies().Find("POL"), "EUU"));
  EXPECT_FALSE(labels.MayStandFor(flows.economies().Find("KOR"), "EUU"));
  EXPECT_TRUE(labels.MayStandFor(flows.economies().Find("KOR"), "WLD"));
}

TEST(FlowLabelsTest, TradeWithinOneGroupButNotTheWorld) {
  const FlowTable flows({X("DEU", "FRA", "P", 2010)});
  const FlowLabels labels(flows, {&EuropeanUnion()}, nullptr);
  std::vector<FlowLabels::Economy> reporters, partners;
  labels.ReporterLabels(0, reporters);
  labels.PartnerLabels(0, partners);
  ASSERT_THAT(Codes(labels, reporters), ElementsAre("DEU/-", "EUU/EUU", "WLD/WLD"));
  ASSERT_THAT(Codes(labels, partners), ElementsAre("FRA/-", "EUU/EUU", "WLD/WLD"));
  EXPECT_TRUE(labels.WithinOneGroup(reporters[1], partners[1]));   // EUU -> EUU
  EXPECT_FALSE(labels.WithinOneGroup(reporters[2], partners[2]));  // WLD -> WLD
  EXPECT_FALSE(labels.WithinOneGroup(reporters[0], partners[1]));  // DEU -> EUU
}

TEST(FlowLabelsTest, ProductsStandForTheirGroupsOrThemselves) {
  const ProductConcordance table = *ProductConcordance::Make(
      "t", "", {{"852589", "852580", D("0.25")}, {"852589", "852520", D("0.75")}, {"1", "A"}});
  const FlowTable flows({X("KOR", "USA", "852589", 2020), X("KOR", "USA", "TOTAL", 2020),
                         X("KOR", "USA", "9", 2020)});
  const FlowLabels labels(flows, {}, &table);
  ASSERT_EQ(labels.ProductLabels(0).size(), 2u);
  EXPECT_EQ(labels.code(labels.ProductLabels(0)[1].label), "852520");
  EXPECT_EQ(labels.ProductLabels(0)[1].weight, D("0.75"));
  EXPECT_FALSE(labels.ProductLabels(0)[1].whole);
  ASSERT_EQ(labels.ProductLabels(1).size(), 1u);  // all products are all products
  EXPECT_EQ(labels.code(labels.ProductLabels(1)[0].label), "TOTAL");
  EXPECT_TRUE(labels.ProductLabels(1)[0].whole);
  EXPECT_THAT(labels.ProductLabels(2), IsEmpty());  // unmapped
}

}  // namespace
}  // namespace culturetrade
