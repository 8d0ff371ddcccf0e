#include "core/flow_aggregation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/annual_series.h"

namespace culturetrade {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow X(const char* reporter, const char* partner, const char* product, int year, const char* value,
       const char* currency = "USD") {
  return Flow{reporter,           partner,  product,  Direction::kExport,
              Period{year, 0, 0}, D(value), currency, ValueStatus::kReported};
}

// The exports of `key` by year, as "year=value".
std::vector<std::string> Exports(const FlowTable& flows, const SeriesKey& key) {
  std::vector<std::string> out;
  absl::StatusOr<AnnualSeries> series = BuildAnnualSeries(flows, key, Direction::kExport);
  EXPECT_TRUE(series.ok()) << series.status();
  if (!series.ok()) return out;
  for (const YearValue& y : series->years()) {
    out.push_back(std::to_string(y.year) + "=" + y.value.ToString());
  }
  return out;
}

// Korea's exports to three EU members around Poland's accession, and to China.
FlowTable KoreaToEurope() {
  return FlowTable({X("KOR", "DEU", "P", 2003, "100"), X("KOR", "FRA", "P", 2003, "50"),
                    X("KOR", "DEU", "P", 2004, "120"), X("KOR", "FRA", "P", 2004, "60"),
                    X("KOR", "POL", "P", 2003, "7"), X("KOR", "POL", "P", 2004, "8"),
                    X("KOR", "CHN", "P", 2004, "1000")});
}

TEST(FlowAggregationTest, GroupAsPartnerSumsEachYearsMembers) {
  AggregationPlan plan;
  plan.groups = {&EuropeanUnion()};
  absl::StatusOr<AggregatedFlows> out =
      AggregateFlows(KoreaToEurope(), plan, {0, {{"KOR", "EUU", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  // 2003: DEU 100 + FRA 50 (POL not yet a member); 2004: 120 + 60 + 8.
  EXPECT_THAT(Exports(out->flows, {"KOR", "EUU", "P"}), ElementsAre("2003=150", "2004=188"));
  ASSERT_THAT(out->groups, SizeIs(2));
  EXPECT_EQ(out->groups[0].group, "EUU");
  EXPECT_EQ(out->groups[0].year, 2003);
  EXPECT_THAT(out->groups[0].contributing, ElementsAre("DEU", "FRA"));
  EXPECT_THAT(out->groups[0].silent, SizeIs(13));
  EXPECT_THAT(out->groups[1].contributing, ElementsAre("DEU", "FRA", "POL"));
  EXPECT_THAT(out->groups[1].silent, SizeIs(22));
  EXPECT_THAT(out->unmapped, IsEmpty());
}

TEST(FlowAggregationTest, GroupAsReporterLeavesOutTradeAmongItsMembers) {
  const FlowTable flows({X("DEU", "KOR", "P", 2010, "30"), X("FRA", "KOR", "P", 2010, "12"),
                         X("DEU", "FRA", "P", 2010, "500"), X("USA", "KOR", "P", 2010, "9")});
  AggregationPlan plan;
  plan.groups = {&EuropeanUnion()};
  absl::StatusOr<AggregatedFlows> out =
      AggregateFlows(flows, plan, {0, {{"EUU", "KOR", "P"}, {"EUU", "EUU", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(Exports(out->flows, {"EUU", "KOR", "P"}), ElementsAre("2010=42"));
  EXPECT_THAT(Exports(out->flows, {"EUU", "EUU", "P"}), IsEmpty());
}

TEST(FlowAggregationTest, ComputedWorldSumsPartnersUnlessTheDataReportsIt) {
  AggregationPlan plan;
  plan.groups = {&World()};
  absl::StatusOr<AggregatedFlows> out =
      AggregateFlows(KoreaToEurope(), plan, {2004, {{"KOR", "WLD", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(Exports(out->flows, {"KOR", "WLD", "P"}), ElementsAre("2004=1188"));
  EXPECT_THAT(out->groups[0].contributing, ElementsAre("CHN", "DEU", "FRA", "POL"));
  EXPECT_THAT(out->groups[0].silent, IsEmpty());

  // A reported world total is used as it is, not added to.
  const FlowTable reported({X("KOR", "CHN", "P", 2004, "1000"), X("KOR", "WLD", "P", 2004, "3000"),
                            X("JPN", "CHN", "P", 2004, "5")});
  out = AggregateFlows(reported, plan, {2004, {{"KOR", "WLD", "P"}, {"JPN", "WLD", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(Exports(out->flows, {"KOR", "WLD", "P"}), ElementsAre("2004=3000"));
  EXPECT_THAT(Exports(out->flows, {"JPN", "WLD", "P"}), ElementsAre("2004=5"));
  EXPECT_THAT(out->groups[0].contributing, ElementsAre("CHN", "WLD"));
}

TEST(FlowAggregationTest, ConcordanceSplitsByWeightAndCollectsUnmappedCodes) {
  const ProductConcordance table = *ProductConcordance::Make(
      "hs2022-to-hs2007", "",
      {{"852589", "852580", D("0.25")}, {"852589", "852520", D("0.75")}, {"970110", "852520"}});
  const FlowTable flows(
      {X("KOR", "USA", "852589", 2020, "1000.01"), X("KOR", "USA", "970110", 2020, "3"),
       X("KOR", "USA", "999999", 2020, "40"), X("KOR", "USA", "999999", 2021, "2"),
       X("KOR", "JPN", "999999", 2021, "9")});
  AggregationPlan plan;
  plan.concordance = &table;
  absl::StatusOr<AggregatedFlows> out =
      AggregateFlows(flows, plan, {0, {{"KOR", "USA", "852580"}, {"KOR", "USA", "852520"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  // 1000.01 x 0.25 = 250.0025; 1000.01 x 0.75 = 750.0075, plus 970110's 3.
  EXPECT_THAT(Exports(out->flows, {"KOR", "USA", "852580"}), ElementsAre("2020=250.0025"));
  EXPECT_THAT(Exports(out->flows, {"KOR", "USA", "852520"}), ElementsAre("2020=753.0075"));
  ASSERT_THAT(out->unmapped, SizeIs(1));  // KOR -> JPN is not selected
  EXPECT_EQ(out->unmapped[0].product_code, "999999");
  EXPECT_EQ(out->unmapped[0].value, D("42"));
  EXPECT_EQ(out->unmapped[0].flows, 2);
  EXPECT_THAT(out->groups, IsEmpty());
}

TEST(FlowAggregationTest, ConstantPricesDeflateEachYearsSum) {
  const PriceIndex cpi =
      *PriceIndex::Make("usd-cpi", "", "USD", {{2003, D("100")}, {2004, D("104")}});
  AggregationPlan plan;
  plan.groups = {&EuropeanUnion()};
  plan.price_index = &cpi;
  plan.base_year = 2003;
  absl::StatusOr<AggregatedFlows> out =
      AggregateFlows(KoreaToEurope(), plan, {0, {{"KOR", "EUU", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  // 2004: 188 x 100 / 104 = 180.769230769230..., rounded to nine digits.
  EXPECT_THAT(Exports(out->flows, {"KOR", "EUU", "P"}),
              ElementsAre("2003=150", "2004=180.769230769"));

  plan.base_year = 2004;
  const FlowTable yen({X("KOR", "DEU", "P", 2004, "1", "JPY")});
  out = AggregateFlows(yen, plan, {0, {{"KOR", "EUU", "P"}}});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("usd-cpi deflates amounts in USD, not JPY"));
  const FlowTable later({X("KOR", "DEU", "P", 2005, "1")});
  out = AggregateFlows(later, plan, {0, {{"KOR", "EUU", "P"}}});
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("price index usd-cpi has no value for 2005"));
}

TEST(FlowAggregationTest, AmountsAreConvertedBeforeTheyAreSummed) {
  RateObservation usd_eur;
  usd_eur.year = 2004;
  usd_eur.base = "USD";
  usd_eur.quote = "EUR";
  usd_eur.rate = D("0.8");
  const ExchangeRates rates({usd_eur});
  const FlowTable flows(
      {X("KOR", "DEU", "P", 2004, "100"), X("KOR", "FRA", "P", 2004, "10", "EUR")});
  AggregationPlan plan;
  plan.groups = {&EuropeanUnion()};
  plan.rates = &rates;
  plan.target_currency = "EUR";
  absl::StatusOr<AggregatedFlows> out = AggregateFlows(flows, plan, {0, {{"KOR", "EUU", "P"}}});
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(Exports(out->flows, {"KOR", "EUU", "P"}), ElementsAre("2004=90"));
}

TEST(FlowAggregationTest, DerivingTooManyFlowsIsRefused) {
  // One code split into four groups of a quarter each, and each flow counted as itself, to the
  // world, from the world and world to world (no world flows are reported): 16 a flow.
  const ProductConcordance table = *ProductConcordance::Make(
      "split", "",
      {{"C", "A", D("0.25")}, {"C", "B", D("0.25")}, {"C", "D", D("0.25")}, {"C", "E", D("0.25")}});
  const FlowTable flows({X("KOR", "USA", "C", 2020, "1"), X("KOR", "JPN", "C", 2020, "1")});
  AggregationPlan plan;
  plan.concordance = &table;
  plan.max_derived_flows = 32;
  EXPECT_TRUE(AggregateFlows(flows, plan, {2020, {}}).ok());
  plan.max_derived_flows = 31;
  absl::StatusOr<AggregatedFlows> out = AggregateFlows(flows, plan, {2020, {}});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(out.status().message(), HasSubstr("would derive more than 31"));
  EXPECT_EQ(DefaultMaxDerivedFlows(10), 160u + (1u << 20));
}

}  // namespace
}  // namespace culturetrade
