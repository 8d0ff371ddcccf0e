// The analyses with economy groups, product concordances and constant prices, in process:
// AnalysisInput's aggregation path from request to response, on figures worked out by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/api/dataset_creation.h"
#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::ViolatedFields;
using ::culturetrade::testing::Year;
using ::testing::Contains;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

// Korea's trade in P with three EU members around Poland's accession on 1 May 2004:
//   exports   to DEU 100 (2003), 120 (2004); FRA 50, 60; POL 7, 8; CHN 1000 (2004)
//   imports from DEU  40 (2003),  30 (2004)
// so with the EU (EU-15 in 2003, EU-25 in 2004): exports 150 and 188, imports 40 and 30.
v1::Dataset KoreaAndEurope() {
  v1::Dataset d;
  for (const auto& [partner, v2003, v2004] :
       std::vector<std::tuple<const char*, const char*, const char*>>{
           {"DEU", "100", "120"}, {"FRA", "50", "60"}, {"POL", "7", "8"}}) {
    AddFlow(d, "KOR", partner, "P", kX, Year(2003), v2003, "USD");
    AddFlow(d, "KOR", partner, "P", kX, Year(2004), v2004, "USD");
  }
  AddFlow(d, "KOR", "CHN", "P", kX, Year(2004), "1000", "USD");
  AddFlow(d, "KOR", "DEU", "P", kM, Year(2003), "40", "USD");
  AddFlow(d, "KOR", "DEU", "P", kM, Year(2004), "30", "USD");
  return d;
}

void AddIndex(v1::Dataset& d, const std::string& id,
              const std::vector<std::pair<int, const char*>>& values) {
  v1::PriceIndex* index = d.add_price_indexes();
  index->set_id(id);
  index->set_display_name("United States, CPI (2003 = 100)");
  index->set_currency_code("USD");
  for (const auto& [year, value] : values) {
    v1::PriceIndexValue* v = index->add_values();
    v->set_year(year);
    v->set_value(value);
  }
}

template <typename Request>
Request SeriesRequest(const v1::Dataset& d, const std::string& partner,
                      const std::string& product) {
  Request r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner(partner);
  r.set_product_code(product);
  return r;
}

TEST_F(AnalysesTest, BalanceWithTheEuropeanUnionFollowsItsMembershipEachYear) {
  absl::StatusOr<v1::AnalyzeBalanceResponse> b = AnalyzeBalance(
      *store_, SeriesRequest<v1::AnalyzeBalanceRequest>(KoreaAndEurope(), "EUU", "P"), NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->partner(), "EUU");
  ASSERT_EQ(b->years_size(), 2);
  EXPECT_EQ(b->years(0).year(), 2003);
  EXPECT_EQ(Str(b->years(0).exports()), "150");
  EXPECT_EQ(Str(b->years(0).imports()), "40");
  EXPECT_EQ(Str(b->years(1).exports()), "188");  // POL counts from 2004
  EXPECT_EQ(Str(b->years(1).imports()), "30");
  const v1::AggregationReport& report = b->aggregation();
  ASSERT_EQ(report.groups_size(), 2);
  const v1::GroupComposition &y2003 = report.groups(0), &y2004 = report.groups(1);
  EXPECT_EQ(y2003.group(), "EUU");
  EXPECT_EQ(y2003.year(), 2003);
  EXPECT_THAT(y2003.contributing_members(), ElementsAre("DEU", "FRA"));
  EXPECT_THAT(y2003.silent_members(), SizeIs(13));
  EXPECT_THAT(y2003.silent_members(), Contains("AUT"));
  EXPECT_THAT(y2003.silent_members(), Not(Contains("POL")));
  EXPECT_EQ(y2004.year(), 2004);
  EXPECT_THAT(y2004.contributing_members(), ElementsAre("DEU", "FRA", "POL"));
  EXPECT_THAT(y2004.silent_members(), SizeIs(22));
  EXPECT_THAT(y2004.silent_members(), Contains("CZE"));
  EXPECT_FALSE(report.has_constant_prices());
  EXPECT_THAT(report.unmapped_products(), SizeIs(0));
}

TEST_F(AnalysesTest, MirrorOfTheEuropeanUnionSumsItsMembersReports) {
  v1::Dataset d = KoreaAndEurope();
  AddFlow(d, "DEU", "KOR", "P", kM, Year(2004), "115", "USD");
  AddFlow(d, "FRA", "KOR", "P", kM, Year(2004), "55", "USD");
  v1::ReconcileMirrorRequest r = SeriesRequest<v1::ReconcileMirrorRequest>(d, "EUU", "P");
  r.set_direction(kX);
  absl::StatusOr<v1::ReconcileMirrorResponse> m = ReconcileMirror(*store_, r, NoCaller());
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_EQ(m->years_size(), 2);
  EXPECT_EQ(Str(m->years(1).reported()), "188");
  EXPECT_EQ(Str(m->years(1).mirror()), "170");  // 115 + 55
  EXPECT_EQ(Str(m->years(1).difference()), "18");
}

TEST_F(AnalysesTest, WorldWithoutWorldFlowsIsTheSumOverPartners) {
  absl::StatusOr<v1::AnalyzeBalanceResponse> b = AnalyzeBalance(
      *store_, SeriesRequest<v1::AnalyzeBalanceRequest>(KoreaAndEurope(), "WLD", "P"), NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->years_size(), 2);
  EXPECT_EQ(Str(b->years(0).exports()), "157");   // 100 + 50 + 7
  EXPECT_EQ(Str(b->years(1).exports()), "1188");  // 120 + 60 + 8 + 1000
  EXPECT_THAT(b->aggregation().groups(1).contributing_members(),
              ElementsAre("CHN", "DEU", "FRA", "POL"));
  // Without a group, a concordance or an index the answer carries no report.
  b = AnalyzeBalance(
      *store_, SeriesRequest<v1::AnalyzeBalanceRequest>(KoreaAndEurope(), "DEU", "P"), NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_FALSE(b->has_aggregation());
}

// Exports of P to USA in 2020, with no world flows: DEU 60, FRA 40, KOR 25, JPN 75.
v1::Dataset ExportersToUsa() {
  v1::Dataset d;
  for (const auto& [reporter, value] : std::vector<std::pair<const char*, const char*>>{
           {"DEU", "60"}, {"FRA", "40"}, {"KOR", "25"}, {"JPN", "75"}}) {
    AddFlow(d, reporter, "USA", "P", kX, Year(2020), value, "USD");
  }
  return d;
}

TEST_F(AnalysesTest, ExportersAndIndicatorsOfAGroupAgainstTheComputedWorld) {
  v1::CompareExportersRequest c;
  *c.mutable_inline_dataset() = ExportersToUsa();
  c.set_reporter_a("EUU");
  c.set_reporter_b("KOR");
  c.set_product_code("P");
  c.set_year(2020);
  c.set_partner("USA");
  absl::StatusOr<v1::CompareExportersResponse> compared = CompareExporters(*store_, c, NoCaller());
  ASSERT_TRUE(compared.ok()) << compared.status();
  EXPECT_EQ(Str(compared->a().reported()), "100");   // 60 + 40
  EXPECT_DOUBLE_EQ(compared->ratio(), 4.0);          // 100 / 25
  EXPECT_EQ(Str(compared->world_exports()), "200");  // 60 + 40 + 25 + 75
  EXPECT_DOUBLE_EQ(compared->a().market_share(), 0.5);
  EXPECT_DOUBLE_EQ(compared->b().market_share(), 0.125);
  ASSERT_EQ(compared->aggregation().groups_size(), 1);
  EXPECT_THAT(compared->aggregation().groups(0).contributing_members(), ElementsAre("DEU", "FRA"));

  v1::ComputeIndicatorsRequest r;
  *r.mutable_inline_dataset() = ExportersToUsa();
  r.set_reporter("EUU");
  r.set_product_code("P");
  r.set_year(2020);
  r.add_indicators(v1::INDICATOR_KIND_MARKET_SHARE);
  absl::StatusOr<v1::ComputeIndicatorsResponse> share = ComputeIndicators(*store_, r, NoCaller());
  ASSERT_TRUE(share.ok()) << share.status();
  EXPECT_DOUBLE_EQ(share->values(0).value(), 0.5);  // EUU -> WLD 100 of WLD -> WLD 200
}

// A concordance splitting HS 2022's 852589 between two HS 2007 codes, a quarter and three
// quarters; KOR's exports to USA of 852589: 1000 in 2020, 2000 in 2021, and 40 in 2020 of a
// code the table lacks.
v1::Dataset SplitCode() {
  v1::Dataset d;
  AddFlow(d, "KOR", "USA", "852589", kX, Year(2020), "1000", "USD");
  AddFlow(d, "KOR", "USA", "852589", kX, Year(2021), "2000", "USD");
  AddFlow(d, "KOR", "USA", "999999", kX, Year(2020), "40", "USD");
  v1::ProductConcordance* table = d.add_product_concordances();
  table->set_id("hs2022-to-hs2007");
  for (const auto& [code, group, weight] :
       std::vector<std::tuple<const char*, const char*, const char*>>{
           {"852589", "852580", "0.25"}, {"852589", "852520", "0.75"}, {"970110", "970110", ""}}) {
    v1::ProductMapping* m = table->add_mappings();
    m->set_product_code(code);
    m->set_group_code(group);
    m->set_weight(weight);
  }
  return d;
}

TEST_F(AnalysesTest, GrowthOfAProductGroupTakesItsShareOfASplitCode) {
  v1::AnalyzeGrowthRequest r =
      SeriesRequest<v1::AnalyzeGrowthRequest>(SplitCode(), "USA", "852580");
  r.set_direction(kX);
  r.mutable_aggregation()->set_product_concordance("hs2022-to-hs2007");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 2);
  EXPECT_EQ(Str(g->years(0).value()), "250");  // 1000 x 0.25
  EXPECT_EQ(Str(g->years(1).value()), "500");  // 2000 x 0.25
  EXPECT_THAT(g->years(1).growth(), DoubleNear(1.0, 1e-12));
  ASSERT_EQ(g->aggregation().unmapped_products_size(), 1);
  const v1::UnmappedProduct& unmapped = g->aggregation().unmapped_products(0);
  EXPECT_EQ(unmapped.product_code(), "999999");
  EXPECT_EQ(Str(unmapped.value()), "40");
  EXPECT_EQ(unmapped.flows(), 1);
}

TEST_F(AnalysesTest, RealGrowthDeflatesEachYearToTheBaseYear) {
  v1::Dataset d = KoreaAndEurope();
  AddIndex(d, "usd-cpi", {{2003, "100.0"}, {2004, "104"}});
  v1::AnalyzeGrowthRequest r = SeriesRequest<v1::AnalyzeGrowthRequest>(d, "EUU", "P");
  r.set_direction(kX);
  r.mutable_aggregation()->set_price_index("usd-cpi");
  r.mutable_aggregation()->set_base_year(2003);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 2);
  EXPECT_EQ(Str(g->years(0).value()), "150");
  // 188 x 100 / 104 = 180.769230769230..., rounded half away from zero to nine digits.
  EXPECT_EQ(Str(g->years(1).value()), "180.769230769");
  // Real growth: 188 / 1.04 / 150 - 1 = 0.205128205128...
  EXPECT_THAT(g->years(1).growth(), DoubleNear(0.2051282051282, 1e-9));
  const v1::ConstantPrices& prices = g->aggregation().constant_prices();
  EXPECT_EQ(prices.price_index(), "usd-cpi");
  EXPECT_EQ(prices.display_name(), "United States, CPI (2003 = 100)");
  EXPECT_EQ(prices.base_year(), 2003);
  EXPECT_EQ(prices.base_value(), "100.0");  // as stored
}

// Episode prices of one title bought in 2003 and 2004, deflated from each deal's own year: at
// 100 and 104 USD under an index of 100 and 104, both are 100 USD of 2003.
TEST_F(AnalysesTest, DealPricesInConstantPrices) {
  v1::Dataset d = KoreaAndEurope();
  AddIndex(d, "usd-cpi", {{2003, "100"}, {2004, "104"}});
  for (const auto& [year, units] : std::vector<std::pair<int, int>>{{2003, 100}, {2004, 104}}) {
    v1::Deal* deal = d.add_deals();
    deal->set_title("Drama");
    deal->set_origin("KOR");
    deal->set_buyer("CHN");
    deal->set_year(year);
    deal->mutable_price_per_episode()->set_currency_code("USD");
    deal->mutable_price_per_episode()->set_units(units);
  }
  v1::AnalyzeDealPricesRequest r;
  *r.mutable_inline_dataset() = d;
  absl::StatusOr<v1::AnalyzeDealPricesResponse> current = AnalyzeDealPrices(*store_, r, NoCaller());
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ(Str(current->by_title(0).max()), "104");
  EXPECT_FALSE(current->has_aggregation());

  r.mutable_aggregation()->set_price_index("usd-cpi");
  r.mutable_aggregation()->set_base_year(2003);
  absl::StatusOr<v1::AnalyzeDealPricesResponse> real = AnalyzeDealPrices(*store_, r, NoCaller());
  ASSERT_TRUE(real.ok()) << real.status();
  EXPECT_EQ(Str(real->by_title(0).min()), "100");
  EXPECT_EQ(Str(real->by_title(0).max()), "100");
  EXPECT_EQ(real->aggregation().constant_prices().base_value(), "100");

  r.mutable_aggregation()->set_base_year(2010);
  EXPECT_THAT(ViolatedFields(AnalyzeDealPrices(*store_, r, NoCaller()).status()),
              ElementsAre("aggregation.base_year"));
  r.mutable_aggregation()->set_product_concordance("domains");
  EXPECT_THAT(ViolatedFields(AnalyzeDealPrices(*store_, r, NoCaller()).status()),
              ElementsAre("aggregation.product_concordance"));
}

TEST_F(AnalysesTest, AggregationErrorsNameWhatIsMissing) {
  v1::Dataset d = KoreaAndEurope();
  AddIndex(d, "usd-cpi", {{2003, "100"}});
  v1::AnalyzeGrowthRequest r = SeriesRequest<v1::AnalyzeGrowthRequest>(d, "EUU", "P");
  r.set_direction(kX);
  r.mutable_aggregation()->set_price_index("usd-cpi");
  r.mutable_aggregation()->set_base_year(2003);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(g.status().message(), HasSubstr("price index usd-cpi has no value for 2004"));

  r.mutable_aggregation()->set_base_year(1999);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("aggregation.base_year"));
  r.mutable_aggregation()->set_base_year(0);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("aggregation.base_year"));
  r.mutable_aggregation()->set_price_index("kor-cpi");
  r.mutable_aggregation()->set_base_year(2003);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("aggregation.price_index"));

  r.clear_aggregation();
  r.set_partner("ASEAN");
  g = AnalyzeGrowth(*store_, r, NoCaller());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("partner"));
  EXPECT_THAT(g.status().message(), HasSubstr("'ASEAN' is neither"));

  v1::AnalyzeGrowthRequest split =
      SeriesRequest<v1::AnalyzeGrowthRequest>(SplitCode(), "USA", "852589");
  split.set_direction(kX);
  split.mutable_aggregation()->set_product_concordance("hs2022-to-hs2007");
  g = AnalyzeGrowth(*store_, split, NoCaller());
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("product_code"));  // a code, not a group
  split.mutable_aggregation()->set_product_concordance("unesco");
  g = AnalyzeGrowth(*store_, split, NoCaller());
  EXPECT_THAT(ViolatedFields(g.status()), ElementsAre("aggregation.product_concordance"));

  v1::Dataset bad = SplitCode();
  bad.mutable_product_concordances(0)->mutable_mappings(1)->set_weight("0.7");
  split = SeriesRequest<v1::AnalyzeGrowthRequest>(bad, "USA", "852580");
  split.set_direction(kX);
  g = AnalyzeGrowth(*store_, split, NoCaller());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ViolatedFields(g.status()),
              ElementsAre("inline_dataset.product_concordances[0].mappings"));
  EXPECT_THAT(g.status().message(), HasSubstr("weights of product 852589 sum to 0.95, not 1"));
}

// A stored dataset of many blocks, most of other trade, with Korea's exports to Germany in the
// first and to Poland in the last: a group's members are read wherever they lie.
TEST_F(AnalysesTest, GroupsOfAStoredDatasetReadEveryBlock) {
  v1::Dataset d;
  AddFlow(d, "KOR", "DEU", "P", kX, Year(2010), "100", "USD");
  const int filler = 10 * static_cast<int>(kFlowsPerBlock);
  for (int i = 0; i < filler; ++i) {
    AddFlow(d, "USA", "CAN", absl::StrCat("Q", i), kX, Year(2010), "1", "USD");
  }
  AddFlow(d, "KOR", "POL", "P", kX, Year(2010), "5", "USD");
  ASSERT_TRUE(CreateDataset(*store_, "blocks", d).ok());
  v1::AnalyzeBalanceRequest r;
  r.set_dataset("datasets/blocks");
  r.set_reporter("KOR");
  r.set_partner("EUU");
  r.set_product_code("P");
  absl::StatusOr<v1::AnalyzeBalanceResponse> b = AnalyzeBalance(*store_, r, NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->years_size(), 1);
  EXPECT_EQ(Str(b->years(0).exports()), "105");
  EXPECT_THAT(b->aggregation().groups(0).contributing_members(), ElementsAre("DEU", "POL"));
}

}  // namespace
}  // namespace culturetrade
