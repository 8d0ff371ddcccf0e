// The eight analyses of AnalysisService, in process through service/analyses/analyses.h, on small inline
// datasets whose expected figures are worked out by hand in the comments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/decimal.h"
#include "google/rpc/error_details.pb.h"
#include "proto/money_convert.h"
#include "proto/status_convert.h"
#include "service/analyses/analyses.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr double kTight = 1e-12;

// ---------------------------------------------------------------------------------------------
// Building datasets.

google::type::Money Money(const std::string& amount, const std::string& currency) {
  absl::StatusOr<Decimal> d = Decimal::Parse(amount);
  EXPECT_TRUE(d.ok()) << amount;
  absl::StatusOr<google::type::Money> m = MoneyFromDecimal(d.ok() ? *d : Decimal(), currency);
  EXPECT_TRUE(m.ok()) << amount;
  return m.ok() ? *m : google::type::Money();
}

v1::Period Year(int year) {
  v1::Period p;
  p.set_year(year);
  return p;
}
v1::Period Month(int year, int month) {
  v1::Period p = Year(year);
  p.set_month(month);
  return p;
}
v1::Period Quarter(int year, int quarter) {
  v1::Period p = Year(year);
  p.set_quarter(quarter);
  return p;
}

constexpr v1::FlowDirection kX = v1::FLOW_DIRECTION_EXPORT;
constexpr v1::FlowDirection kM = v1::FLOW_DIRECTION_IMPORT;

void AddFlow(v1::Dataset& d, const std::string& reporter, const std::string& partner,
             const std::string& product, v1::FlowDirection direction, const v1::Period& period,
             const std::string& amount, const std::string& currency) {
  v1::TradeFlow* f = d.add_flows();
  f->set_reporter(reporter);
  f->set_partner(partner);
  f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f->mutable_product()->set_code(product);
  f->set_direction(direction);
  *f->mutable_period() = period;
  *f->mutable_value() = Money(amount, currency);
  f->set_status(v1::VALUE_STATUS_REPORTED);
}

void AddRate(v1::Dataset& d, const v1::Period& period, const std::string& base,
             const std::string& quote, const std::string& rate) {
  v1::ExchangeRate* r = d.add_exchange_rates();
  *r->mutable_period() = period;
  r->set_base_currency_code(base);
  r->set_quote_currency_code(quote);
  r->set_rate(rate);
}

void AddDeal(v1::Dataset& d, const std::string& title, const std::string& origin, int year,
             const std::string& price, const std::string& currency) {
  v1::Deal* deal = d.add_deals();
  deal->set_title(title);
  deal->set_origin(origin);
  deal->set_buyer(origin == "CHN" ? "KOR" : "CHN");
  deal->set_year(year);
  *deal->mutable_price_per_episode() = Money(price, currency);
  deal->set_status(v1::VALUE_STATUS_REPORTED);
}

// ---------------------------------------------------------------------------------------------
// Reading answers.

// An amount as the shortest exact decimal, "-" when it does not parse.
std::string Str(const google::type::Money& m) {
  absl::StatusOr<Decimal> d = DecimalFromMoney(m);
  return d.ok() ? d->ToString() : "-";
}

// The fields the status's google.rpc.BadRequest names, in order.
std::vector<std::string> ViolatedFields(const absl::Status& status) {
  google::rpc::BadRequest bad_request;
  if (!ReadDetail(status, bad_request)) return {"<no BadRequest detail>"};
  std::vector<std::string> fields;
  for (const auto& v : bad_request.field_violations()) fields.push_back(v.field());
  return fields;
}

class AnalysesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(testing::FreshStorePath("analyses"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  std::unique_ptr<SqliteStore> store_;
};

// =============================================================================================
// 1. AnalyzeGrowth.

// KOR's exports of DRAMAS to CHN, in USD, month by month:
//   2018: 12 x 100   = 1200     whole
//   2019: 12 x 110   = 1320     whole, +10 %
//   2020: 12 x 121   = 1452     whole, +10 %
//   2021: 11 x 133.1 = 1464.1   December missing: partial
v1::Dataset MonthlyExports() {
  v1::Dataset d;
  const std::pair<int, const char*> years[] = {{2018, "100"}, {2019, "110"}, {2020, "121"}};
  for (const auto& [year, value] : years) {
    for (int m = 1; m <= 12; ++m) AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Month(year, m), value, "USD");
  }
  for (int m = 1; m <= 11; ++m) AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Month(2021, m), "133.1", "USD");
  return d;
}

v1::AnalyzeGrowthRequest GrowthRequest(const v1::Dataset& d, const std::string& product) {
  v1::AnalyzeGrowthRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code(product);
  r.set_direction(kX);
  return r;
}

TEST_F(AnalysesTest, GrowthLeavesPartialMonthlyYearsOutByDefault) {
  absl::StatusOr<v1::AnalyzeGrowthResponse> g =
      AnalyzeGrowth(*store_, GrowthRequest(MonthlyExports(), "DRAMAS"), NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->currency_code(), "USD");
  EXPECT_EQ(g->dataset_etag(), "");
  ASSERT_EQ(g->years_size(), 4);
  const v1::GrowthYear &y2018 = g->years(0), &y2019 = g->years(1), &y2020 = g->years(2),
                       &y2021 = g->years(3);
  EXPECT_EQ(y2018.year(), 2018);
  EXPECT_EQ(Str(y2018.value()), "1200");
  EXPECT_FALSE(y2018.partial());
  EXPECT_FALSE(y2018.has_growth());  // no 2017
  EXPECT_EQ(Str(y2019.value()), "1320");
  EXPECT_FALSE(y2019.partial());
  ASSERT_TRUE(y2019.has_growth());
  EXPECT_THAT(y2019.growth(), DoubleNear(0.10, kTight));  // 1320 / 1200 - 1
  ASSERT_TRUE(y2020.has_growth());
  EXPECT_THAT(y2020.growth(), DoubleNear(0.10, kTight));  // 1452 / 1320 - 1
  // 2021 is shown, flagged partial, and has no growth: 11 months would fake a slowdown.
  EXPECT_EQ(y2021.year(), 2021);
  EXPECT_EQ(Str(y2021.value()), "1464.1");
  EXPECT_TRUE(y2021.partial());
  EXPECT_FALSE(y2021.has_growth());
  EXPECT_EQ(y2021.status(), v1::VALUE_STATUS_REPORTED);

  // Compound growth runs over the whole years only: 2018-2020, (1452 / 1200)^(1/2) - 1 = 0.10.
  EXPECT_EQ(g->compound().start_year(), 2018);
  EXPECT_EQ(g->compound().end_year(), 2020);
  EXPECT_EQ(Str(g->compound().start_value()), "1200");
  EXPECT_EQ(Str(g->compound().end_value()), "1452");
  ASSERT_TRUE(g->compound().has_rate()) << g->compound().undefined_reason();
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));
  // So does the trend: three points.
  EXPECT_EQ(g->trend().points(), 3);
  // The cumulative total adds every year with data: 1200 + 1320 + 1452 + 1464.1 = 5436.1.
  EXPECT_EQ(g->cumulative().start_year(), 2018);
  EXPECT_EQ(g->cumulative().end_year(), 2021);
  EXPECT_EQ(Str(g->cumulative().total()), "5436.1");
  EXPECT_THAT(g->cumulative().years_present(), ElementsAre(2018, 2019, 2020, 2021));
  EXPECT_THAT(g->cumulative().years_missing(), IsEmpty());
}

TEST_F(AnalysesTest, GrowthUsesPartialYearsWhenAsked) {
  v1::AnalyzeGrowthRequest r = GrowthRequest(MonthlyExports(), "DRAMAS");
  r.set_include_partial_years(true);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 4);
  EXPECT_TRUE(g->years(3).partial());  // still flagged
  // 1464.1 / 1452 - 1 = 12.1 / 1452 = 1/120.
  ASSERT_TRUE(g->years(3).has_growth());
  EXPECT_THAT(g->years(3).growth(), DoubleNear(1.0 / 120.0, kTight));
  // Compound over 2018-2021: (1464.1 / 1200)^(1/3) - 1 = 0.068554...
  EXPECT_EQ(g->compound().end_year(), 2021);
  EXPECT_EQ(Str(g->compound().end_value()), "1464.1");
  ASSERT_TRUE(g->compound().has_rate());
  EXPECT_THAT(g->compound().rate(), DoubleNear(std::cbrt(1464.1 / 1200.0) - 1.0, kTight));
  EXPECT_EQ(g->trend().points(), 4);
}

// Four quarters make a whole year; a quarter may also be given as its three months.
//   2018: Q1-Q4 x 250                      = 1000  whole
//   2019: months 1-3 (90 + 90 + 95 = 275)
//         + Q2-Q4 x 275                    = 1100  whole, +10 %
//   2020: Q1-Q3 x 300                      =  900  Q4 missing: partial
TEST_F(AnalysesTest, GrowthOfQuarterlyFlows) {
  v1::Dataset d;
  for (int q = 1; q <= 4; ++q) AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2018, q), "250", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 1), "90", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 2), "90", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 3), "95", "USD");
  for (int q = 2; q <= 4; ++q) AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2019, q), "275", "USD");
  for (int q = 1; q <= 3; ++q) AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2020, q), "300", "USD");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, GrowthRequest(d, "MUSIC"), NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 3);
  EXPECT_EQ(Str(g->years(0).value()), "1000");
  EXPECT_FALSE(g->years(0).partial());
  EXPECT_EQ(Str(g->years(1).value()), "1100");
  EXPECT_FALSE(g->years(1).partial());
  ASSERT_TRUE(g->years(1).has_growth());
  EXPECT_THAT(g->years(1).growth(), DoubleNear(0.10, kTight));
  EXPECT_EQ(Str(g->years(2).value()), "900");
  EXPECT_TRUE(g->years(2).partial());
  EXPECT_FALSE(g->years(2).has_growth());
  EXPECT_EQ(g->compound().end_year(), 2019);
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));
  EXPECT_EQ(g->trend().points(), 2);
}

// A series growing exactly 10 % a year: 1000, 1100, 1210, 1331, 1464.1 (annual flows, in
// 2016-2020). ln V is then exactly linear with slope ln 1.1, so the trend is 0.10.
TEST_F(AnalysesTest, TrendOfExactTenPercentGrowthAndSpikeThreshold) {
  v1::Dataset d;
  const char* values[] = {"1000", "1100", "1210", "1331", "1464.1"};
  for (int i = 0; i < 5; ++i) AddFlow(d, "KOR", "CHN", "GAMES", kX, Year(2016 + i), values[i], "USD");
  v1::AnalyzeGrowthRequest r = GrowthRequest(d, "GAMES");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_TRUE(g->trend().has_rate()) << g->trend().undefined_reason();
  EXPECT_THAT(g->trend().rate(), DoubleNear(0.10, kTight));
  EXPECT_THAT(g->trend().slope(), DoubleNear(std::log(1.1), kTight));
  EXPECT_EQ(g->trend().points(), 5);
  EXPECT_EQ(g->trend().undefined_reason(), "");
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));  // (1464.1 / 1000)^(1/4) - 1
  // Unset, the threshold is 1.0 (doubling): 10 % growth is no spike.
  EXPECT_EQ(g->spike_threshold(), 1.0);
  EXPECT_THAT(g->spikes(), IsEmpty());
  // Below 10 %, every year after the first is one.
  r.set_spike_threshold(0.05);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->spike_threshold(), 0.05);
  ASSERT_EQ(g->spikes_size(), 4);
  EXPECT_EQ(g->spikes(0).year(), 2017);
  EXPECT_EQ(g->spikes(3).year(), 2020);
  EXPECT_THAT(g->spikes(3).growth(), DoubleNear(0.10, kTight));
  // Above it, none.
  r.set_spike_threshold(0.2);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(g->spikes(), IsEmpty());
}

// Partial years are spikes neither: with a threshold of 5 %, the monthly series spikes in 2019
// and 2020 (+10 % each), and 2021 (11 months) is left out.
TEST_F(AnalysesTest, PartialYearsAreNoSpikes) {
  v1::AnalyzeGrowthRequest r = GrowthRequest(MonthlyExports(), "DRAMAS");
  r.set_spike_threshold(0.05);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->spikes_size(), 2);
  EXPECT_EQ(g->spikes(0).year(), 2019);
  EXPECT_EQ(g->spikes(1).year(), 2020);
}

// =============================================================================================
// 2. AnalyzeBalance in a target currency.

// KOR with CHN: exports reported in KRW, imports in USD; KRW per USD:
//   2019: annual rate 1165.5
//   2020: twelve monthly rates 1150, 1160, ..., 1260; their mean is 14460 / 12 = 1205.
v1::Dataset WonAndDollars() {
  v1::Dataset d;
  AddRate(d, Year(2019), "USD", "KRW", "1165.5");
  for (int m = 1; m <= 12; ++m) {
    AddRate(d, Month(2020, m), "USD", "KRW", absl::StrCat(1150 + 10 * (m - 1)));
  }
  // 2,331,000,000 KRW / 1165.5 = 2,000,000 USD.
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2019), "2331000000", "KRW");
  // 3,615,000,000 KRW / 1205 = 3,000,000 USD (the mean, not any one month's rate).
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2020), "3615000000", "KRW");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2019), "5000000", "USD");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2020), "4000000", "USD");
  // 1,000,000,000 KRW / 1165.5 = 858,000.858000858|000858... USD: exact to the nano.
  AddFlow(d, "KOR", "CHN", "FILMS", kX, Year(2019), "1000000000", "KRW");
  AddFlow(d, "KOR", "CHN", "FILMS", kM, Year(2019), "1000000", "USD");
  return d;
}

v1::AnalyzeBalanceRequest BalanceRequest(const v1::Dataset& d, const std::string& product) {
  v1::AnalyzeBalanceRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code(product);
  r.set_target_currency("USD");
  return r;
}

TEST_F(AnalysesTest, BalanceInATargetCurrency) {
  absl::StatusOr<v1::AnalyzeBalanceResponse> b =
      AnalyzeBalance(*store_, BalanceRequest(WonAndDollars(), "DRAMAS"), NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->currency_code(), "USD");
  EXPECT_EQ(b->reporter(), "KOR");
  EXPECT_EQ(b->partner(), "CHN");
  EXPECT_EQ(b->product_code(), "DRAMAS");
  ASSERT_EQ(b->years_size(), 2);
  const v1::BalanceYear &y2019 = b->years(0), &y2020 = b->years(1);
  EXPECT_EQ(y2019.year(), 2019);
  EXPECT_EQ(y2019.exports().currency_code(), "USD");
  EXPECT_EQ(Str(y2019.exports()), "2000000");
  EXPECT_EQ(Str(y2019.imports()), "5000000");
  EXPECT_EQ(Str(y2019.balance()), "-3000000");
  EXPECT_EQ(Str(y2019.total_trade()), "7000000");
  EXPECT_THAT(y2019.coverage_ratio(), DoubleNear(0.4, kTight));             // 2 / 5
  EXPECT_THAT(y2019.normalized_balance(), DoubleNear(-3.0 / 7.0, kTight));  // -3 / 7
  EXPECT_EQ(Str(y2020.exports()), "3000000");
  EXPECT_EQ(Str(y2020.imports()), "4000000");
  EXPECT_EQ(Str(y2020.balance()), "-1000000");
  EXPECT_THAT(y2020.coverage_ratio(), DoubleNear(0.75, kTight));
  EXPECT_THAT(y2020.export_growth(), DoubleNear(0.5, kTight));   // 3 / 2 - 1
  EXPECT_THAT(y2020.import_growth(), DoubleNear(-0.2, kTight));  // 4 / 5 - 1
  EXPECT_THAT(b->export_growth().rate(), DoubleNear(0.5, kTight));
  EXPECT_EQ(Str(b->export_growth().start_value()), "2000000");
  // -3,000,000 + -1,000,000.
  EXPECT_EQ(Str(b->cumulative_balance()), "-4000000");
  EXPECT_THAT(b->cumulative_balance_years(), ElementsAre(2019, 2020));
}

TEST_F(AnalysesTest, BalanceConversionIsExactToTheNano) {
  absl::StatusOr<v1::AnalyzeBalanceResponse> b =
      AnalyzeBalance(*store_, BalanceRequest(WonAndDollars(), "FILMS"), NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->years_size(), 1);
  EXPECT_EQ(Str(b->years(0).exports()), "858000.858000858");
  // 858,000.858000858 - 1,000,000.
  EXPECT_EQ(Str(b->years(0).balance()), "-141999.141999142");
}

TEST_F(AnalysesTest, BalanceWithoutARateNamesCurrencyAndYear) {
  v1::Dataset d = WonAndDollars();
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2021), "1000", "KRW");  // no 2021 rate
  absl::StatusOr<v1::AnalyzeBalanceResponse> b =
      AnalyzeBalance(*store_, BalanceRequest(d, "DRAMAS"), NoCaller());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), absl::StatusCode::kFailedPrecondition) << b.status();
  EXPECT_THAT(b.status().message(), HasSubstr("KRW"));
  EXPECT_THAT(b.status().message(), HasSubstr("2021"));
}

// =============================================================================================
// 3. ComputeIndicators on a small world, 2020, in USD.
//
// Exports (reporter -> partner, product: value):
//   KOR -> CHN  P1 30, P2 45, P3 0, TOTAL  75
//   KOR -> USA  P1 10, P2 15,       TOTAL  25
//   KOR -> WLD  P1 40, P2 60,       TOTAL 100
//   JPN -> CHN                      TOTAL 125
//   JPN -> USA                      TOTAL 175
//   JPN -> WLD  P1 60, P2 240,      TOTAL 300
//   WLD -> CHN                      TOTAL 200
//   WLD -> USA                      TOTAL 200
//   WLD -> WLD  P1 100, P2 300,     TOTAL 400   (the world totals)
// Imports of KOR from CHN: P1 10, P2 45, TOTAL 55.
v1::Dataset SmallWorld(bool with_world_totals) {
  v1::Dataset d;
  struct Row {
    const char* reporter;
    const char* partner;
    const char* product;
    v1::FlowDirection direction;
    const char* value;
  };
  const Row rows[] = {
      {"KOR", "CHN", "P1", kX, "30"},   {"KOR", "CHN", "P2", kX, "45"},
      {"KOR", "CHN", "P3", kX, "0"},    {"KOR", "CHN", "TOTAL", kX, "75"},
      {"KOR", "USA", "P1", kX, "10"},   {"KOR", "USA", "P2", kX, "15"},
      {"KOR", "USA", "TOTAL", kX, "25"}, {"KOR", "WLD", "P1", kX, "40"},
      {"KOR", "WLD", "P2", kX, "60"},   {"KOR", "WLD", "TOTAL", kX, "100"},
      {"JPN", "CHN", "TOTAL", kX, "125"}, {"JPN", "USA", "TOTAL", kX, "175"},
      {"JPN", "WLD", "P1", kX, "60"},   {"JPN", "WLD", "P2", kX, "240"},
      {"JPN", "WLD", "TOTAL", kX, "300"}, {"WLD", "CHN", "TOTAL", kX, "200"},
      {"WLD", "USA", "TOTAL", kX, "200"}, {"KOR", "CHN", "P1", kM, "10"},
      {"KOR", "CHN", "P2", kM, "45"},   {"KOR", "CHN", "TOTAL", kM, "55"},
  };
  for (const Row& r : rows) {
    AddFlow(d, r.reporter, r.partner, r.product, r.direction, Year(2020), r.value, "USD");
  }
  if (with_world_totals) {
    AddFlow(d, "WLD", "WLD", "P1", kX, Year(2020), "100", "USD");
    AddFlow(d, "WLD", "WLD", "P2", kX, Year(2020), "300", "USD");
    AddFlow(d, "WLD", "WLD", "TOTAL", kX, Year(2020), "400", "USD");
  }
  return d;
}

v1::ComputeIndicatorsRequest IndicatorsRequest(const v1::Dataset& d, const std::string& reporter,
                                               const std::string& partner,
                                               const std::string& product,
                                               std::vector<v1::IndicatorKind> kinds) {
  v1::ComputeIndicatorsRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_year(2020);
  r.set_reporter(reporter);
  r.set_partner(partner);
  r.set_product_code(product);
  for (v1::IndicatorKind k : kinds) r.add_indicators(k);
  return r;
}

// Grubel-Lloyd of KOR with CHN, 1 - |X - M| / (X + M):
//   P1: 1 - |30 - 10| / 40 = 0.5;  P2: 1 - 0 / 90 = 1;  P3: no trade, skipped; TOTAL is not a
//   product.  Weighted: 1 - (20 + 0) / (40 + 90) = 11/13.
void ExpectGrubelLloyd(const v1::IndicatorValue& gl) {
  EXPECT_EQ(gl.kind(), v1::INDICATOR_KIND_GRUBEL_LLOYD);
  EXPECT_THAT(gl.value(), DoubleNear(11.0 / 13.0, kTight));
  ASSERT_EQ(gl.by_product_size(), 2);
  EXPECT_THAT(gl.by_product().at("P1"), DoubleNear(0.5, kTight));
  EXPECT_THAT(gl.by_product().at("P2"), DoubleNear(1.0, kTight));
  EXPECT_THAT(gl.skipped_products(), ElementsAre("P3"));
}

// Normalized HHI (sqrt(sum s^2) - sqrt(1/N)) / (1 - sqrt(1/N)), N = 2:
//   over KOR's partners (TOTAL, WLD excluded): CHN 75, USA 25 -> shares .75, .25, sum s^2 = .625
//   over KOR's products (to WLD, TOTAL excluded): P1 40, P2 60 -> shares .4, .6, sum s^2 = .52
double Hhi2(double sum_of_squares) {
  return (std::sqrt(sum_of_squares) - std::sqrt(0.5)) / (1.0 - std::sqrt(0.5));
}

void ExpectConcentration(const v1::ComputeIndicatorsResponse& c) {
  ASSERT_EQ(c.values_size(), 2);
  EXPECT_EQ(c.values(0).kind(), v1::INDICATOR_KIND_HHI_PARTNERS);
  EXPECT_THAT(c.values(0).value(), DoubleNear(Hhi2(0.625), kTight));  // 0.2071...
  EXPECT_EQ(c.values(0).count(), 2);
  EXPECT_EQ(c.values(1).kind(), v1::INDICATOR_KIND_HHI_PRODUCTS);
  EXPECT_THAT(c.values(1).value(), DoubleNear(Hhi2(0.52), kTight));  // 0.0478...
  EXPECT_EQ(c.values(1).count(), 2);
}

TEST_F(AnalysesTest, IndicatorsOnASmallWorld) {
  const v1::Dataset world = SmallWorld(/*with_world_totals=*/true);

  // Grubel-Lloyd as above; trade intensity of KOR's exports to CHN:
  //   (x_ij / X_i) / (x_wj / X_w) = (75 / 100) / (200 / 400) = 1.5.
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_, IndicatorsRequest(world, "KOR", "CHN", "",
                                 {v1::INDICATOR_KIND_GRUBEL_LLOYD,
                                  v1::INDICATOR_KIND_TRADE_INTENSITY}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  ExpectGrubelLloyd(c->values(0));
  EXPECT_EQ(c->values(1).kind(), v1::INDICATOR_KIND_TRADE_INTENSITY);
  EXPECT_THAT(c->values(1).value(), DoubleNear(1.5, kTight));
  EXPECT_FALSE(c->values(1).has_symmetric_value());

  // Balassa RCA of KOR in P1: (x_ik / X_i) / (x_wk / X_w) = (40 / 100) / (100 / 400) = 1.6;
  // symmetric (1.6 - 1) / (1.6 + 1) = 3/13. Market share 40 / 100 = 0.4.
  c = ComputeIndicators(*store_, IndicatorsRequest(world, "KOR", "", "P1",
                                                   {v1::INDICATOR_KIND_RCA,
                                                    v1::INDICATOR_KIND_MARKET_SHARE}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  EXPECT_EQ(c->values(0).kind(), v1::INDICATOR_KIND_RCA);
  EXPECT_THAT(c->values(0).value(), DoubleNear(1.6, kTight));
  ASSERT_TRUE(c->values(0).has_symmetric_value());
  EXPECT_THAT(c->values(0).symmetric_value(), DoubleNear(3.0 / 13.0, kTight));
  EXPECT_EQ(c->values(1).kind(), v1::INDICATOR_KIND_MARKET_SHARE);
  EXPECT_THAT(c->values(1).value(), DoubleNear(0.4, kTight));

  // JPN in P1: (60 / 300) / (100 / 400) = 0.8, symmetric -0.2 / 1.8 = -1/9; share 60 / 100.
  c = ComputeIndicators(*store_, IndicatorsRequest(world, "JPN", "", "P1",
                                                   {v1::INDICATOR_KIND_RCA,
                                                    v1::INDICATOR_KIND_MARKET_SHARE}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  EXPECT_THAT(c->values(0).value(), DoubleNear(0.8, kTight));
  EXPECT_THAT(c->values(0).symmetric_value(), DoubleNear(-1.0 / 9.0, kTight));
  EXPECT_THAT(c->values(1).value(), DoubleNear(0.6, kTight));

  c = ComputeIndicators(*store_, IndicatorsRequest(world, "KOR", "", "",
                                                   {v1::INDICATOR_KIND_HHI_PARTNERS,
                                                    v1::INDICATOR_KIND_HHI_PRODUCTS}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ExpectConcentration(*c);
}

// Grubel-Lloyd and concentration read no world totals, so they work without them.
TEST_F(AnalysesTest, IndicatorsThatNeedNoWorldTotals) {
  const v1::Dataset world = SmallWorld(/*with_world_totals=*/false);
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_, IndicatorsRequest(world, "KOR", "CHN", "", {v1::INDICATOR_KIND_GRUBEL_LLOYD}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 1);
  ExpectGrubelLloyd(c->values(0));
  c = ComputeIndicators(*store_, IndicatorsRequest(world, "KOR", "", "",
                                                   {v1::INDICATOR_KIND_HHI_PARTNERS,
                                                    v1::INDICATOR_KIND_HHI_PRODUCTS}), NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ExpectConcentration(*c);
}

TEST_F(AnalysesTest, RcaWithoutWorldTotalsNamesWhatIsMissing) {
  for (v1::IndicatorKind kind : {v1::INDICATOR_KIND_RCA, v1::INDICATOR_KIND_MARKET_SHARE}) {
    absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
        *store_, IndicatorsRequest(SmallWorld(/*with_world_totals=*/false), "KOR", "", "P1",
                                   {kind}), NoCaller());
    ASSERT_FALSE(c.ok()) << v1::IndicatorKind_Name(kind);
    EXPECT_EQ(c.status().code(), absl::StatusCode::kFailedPrecondition) << c.status();
    // The world's exports of P1 (reporter WLD, partner WLD) are what is missing.
    EXPECT_THAT(c.status().message(), HasSubstr("WLD"));
    EXPECT_THAT(c.status().message(), HasSubstr("P1"));
  }
  // A dataset without any world flow at all: KOR's exports of P1 to the world are missing.
  v1::Dataset bilateral;
  AddFlow(bilateral, "KOR", "CHN", "P1", kX, Year(2020), "30", "USD");
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_, IndicatorsRequest(bilateral, "KOR", "", "P1", {v1::INDICATOR_KIND_RCA}), NoCaller());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kFailedPrecondition) << c.status();
  EXPECT_THAT(c.status().message(), HasSubstr("WLD"));
}

// =============================================================================================
// 4. ReconcileMirror: CHN's imports from KOR against KOR's exports to CHN, in USD.
//   2018: 110.5 vs 100 -> difference  10.5, relative  10.5 / 100 =  0.105
//   2019:  90   vs 120 -> difference -30,   relative -30 / 120   = -0.25
//   2020:  50   vs  -  -> no mirror, no difference
//   2021:   -   vs  80 -> no report, no difference
//   2022:   5   vs   0 -> difference 5, no relative difference (the mirror is not positive)
TEST_F(AnalysesTest, MirrorOfChinasImportsFromKorea) {
  v1::Dataset d;
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2018), "110.5", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2018), "100", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2019), "90", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2019), "120", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2020), "50", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2021), "80", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2022), "5", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2022), "0", "USD");
  // Flows that are not the mirror pair are ignored.
  AddFlow(d, "CHN", "KOR", "SK1", kX, Year(2018), "999", "USD");
  AddFlow(d, "KOR", "CHN", "SK2", kX, Year(2018), "999", "USD");
  v1::ReconcileMirrorRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("SK1");
  r.set_direction(kM);
  absl::StatusOr<v1::ReconcileMirrorResponse> m = ReconcileMirror(*store_, r, NoCaller());
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->currency_code(), "USD");
  ASSERT_EQ(m->years_size(), 5);
  const v1::MirrorYear &y2018 = m->years(0), &y2019 = m->years(1), &y2020 = m->years(2),
                       &y2021 = m->years(3), &y2022 = m->years(4);
  EXPECT_EQ(y2018.year(), 2018);
  EXPECT_EQ(Str(y2018.reported()), "110.5");
  EXPECT_EQ(Str(y2018.mirror()), "100");
  EXPECT_EQ(Str(y2018.difference()), "10.5");
  ASSERT_TRUE(y2018.has_relative_difference());
  EXPECT_THAT(y2018.relative_difference(), DoubleNear(0.105, kTight));
  EXPECT_EQ(Str(y2019.difference()), "-30");
  EXPECT_THAT(y2019.relative_difference(), DoubleNear(-0.25, kTight));
  EXPECT_EQ(y2020.year(), 2020);
  EXPECT_EQ(Str(y2020.reported()), "50");
  EXPECT_FALSE(y2020.has_mirror());
  EXPECT_FALSE(y2020.has_difference());
  EXPECT_FALSE(y2020.has_relative_difference());
  EXPECT_EQ(y2021.year(), 2021);
  EXPECT_FALSE(y2021.has_reported());
  EXPECT_EQ(Str(y2021.mirror()), "80");
  EXPECT_FALSE(y2021.has_difference());
  EXPECT_FALSE(y2021.has_relative_difference());
  EXPECT_EQ(Str(y2022.difference()), "5");
  EXPECT_FALSE(y2022.has_relative_difference());
}

// =============================================================================================
// 5. ProjectBalance.

v1::ProjectBalanceRequest ProjectionRequest(const v1::Dataset& d) {
  v1::ProjectBalanceRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code("DRAMAS");
  return r;
}

// From 2020 exports of 100 and imports of 300, growing 50 % and 20 % a year:
//   2021: 150      360      -210
//   2022: 225      432      -207
//   2023: 337.5    518.4    -180.9
//   2024: 506.25   622.08   -115.83
//   2025: 759.375  746.496    12.879   <- closes: (1.5 / 1.2)^t >= 3 first at t = 5
// (ln 3 / ln 1.25 = 4.92). Closing by 2030 takes (300 / 100)^(1/10) x 1.2 - 1 = 33.93 %.
TEST_F(AnalysesTest, ProjectionWithGivenGrowthCloses) {
  v1::Dataset d;
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2020), "100", "USD");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2020), "300", "USD");
  v1::ProjectBalanceRequest r = ProjectionRequest(d);
  r.set_basis(v1::GROWTH_BASIS_GIVEN);
  r.set_export_growth(0.5);
  r.set_import_growth(0.2);
  r.set_to_year(2025);
  r.set_close_by_year(2030);
  absl::StatusOr<v1::ProjectBalanceResponse> p = ProjectBalance(*store_, r, NoCaller());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->base_year(), 2020);
  EXPECT_EQ(p->basis(), v1::GROWTH_BASIS_GIVEN);
  EXPECT_EQ(p->export_growth(), 0.5);
  EXPECT_EQ(p->import_growth(), 0.2);
  EXPECT_EQ(p->currency_code(), "USD");
  EXPECT_TRUE(p->deficit_closes());
  EXPECT_EQ(p->closing_year(), 2025);
  EXPECT_EQ(p->never_closes_reason(), "");
  ASSERT_EQ(p->years_size(), 5);
  EXPECT_EQ(p->years(0).year(), 2021);
  EXPECT_EQ(Str(p->years(0).exports()), "150");
  EXPECT_EQ(Str(p->years(0).imports()), "360");
  EXPECT_EQ(Str(p->years(2).exports()), "337.5");
  EXPECT_EQ(Str(p->years(2).imports()), "518.4");
  EXPECT_EQ(Str(p->years(3).balance()), "-115.83");
  EXPECT_EQ(p->years(4).year(), 2025);
  EXPECT_EQ(Str(p->years(4).exports()), "759.375");
  EXPECT_EQ(Str(p->years(4).imports()), "746.496");
  EXPECT_EQ(Str(p->years(4).balance()), "12.879");
  ASSERT_TRUE(p->has_required_export_growth());
  EXPECT_THAT(p->required_export_growth(), DoubleNear(std::pow(3.0, 0.1) * 1.2 - 1.0, kTight));
}

// History 2018-2020: exports 100, 120, 144 (+20 % a year), imports 400, 440, 484 (+10 %).
// Trend growth is then 20 % and 10 % exactly. From 2020, 144 x 1.2^t >= 484 x 1.1^t first at
// t = 14 (ln(484/144) / ln(1.2/1.1) = 13.93): 2034, when exports are 1848.84 and imports 1837.99.
TEST_F(AnalysesTest, ProjectionOnTrendGrowth) {
  v1::Dataset d;
  const char* exports[] = {"100", "120", "144"};
  const char* imports[] = {"400", "440", "484"};
  for (int i = 0; i < 3; ++i) {
    AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2018 + i), exports[i], "USD");
    AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2018 + i), imports[i], "USD");
  }
  v1::ProjectBalanceRequest r = ProjectionRequest(d);
  r.set_basis(v1::GROWTH_BASIS_TREND);
  r.set_to_year(2034);
  absl::StatusOr<v1::ProjectBalanceResponse> p = ProjectBalance(*store_, r, NoCaller());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->basis(), v1::GROWTH_BASIS_TREND);
  EXPECT_EQ(p->base_year(), 2020);
  EXPECT_THAT(p->export_growth(), DoubleNear(0.2, kTight));
  EXPECT_THAT(p->import_growth(), DoubleNear(0.1, kTight));
  EXPECT_TRUE(p->deficit_closes());
  EXPECT_EQ(p->closing_year(), 2034);
  ASSERT_EQ(p->years_size(), 14);
  // 2021: 144 x 1.2 = 172.8 and 484 x 1.1 = 532.4.
  EXPECT_EQ(Str(p->years(0).exports()), "172.8");
  EXPECT_EQ(Str(p->years(0).imports()), "532.4");
  EXPECT_FALSE(p->has_required_export_growth());
  // 2033 (t = 13) still runs a deficit: 1540.70 against 1670.90; 2034 a surplus.
  EXPECT_LT(DecimalFromMoney(p->years(12).balance())->ToDouble(), 0);
  EXPECT_GT(DecimalFromMoney(p->years(13).balance())->ToDouble(), 0);
  EXPECT_THAT(DecimalFromMoney(p->years(13).exports())->ToDouble(), DoubleNear(1848.84, 0.01));
  EXPECT_THAT(DecimalFromMoney(p->years(13).imports())->ToDouble(), DoubleNear(1837.99, 0.01));
}

// =============================================================================================
// 6. CompareExporters with world exports present, 2020, P1:
//   KOR 40 USD; JPN 6000 JPY at 100 JPY per USD = 60 USD; the world (WLD -> WLD) 100 USD.
//   Ratio 40 / 60 = 2/3, one in 1.5; shares 40 / 100 = 0.4 and 60 / 100 = 0.6.
TEST_F(AnalysesTest, ExportersWithWorldExportsHaveMarketShares) {
  v1::Dataset d;
  AddFlow(d, "KOR", "WLD", "P1", kX, Year(2020), "40", "USD");
  AddFlow(d, "JPN", "WLD", "P1", kX, Year(2020), "6000", "JPY");
  AddFlow(d, "WLD", "WLD", "P1", kX, Year(2020), "100", "USD");
  AddRate(d, Year(2020), "USD", "JPY", "100");
  v1::CompareExportersRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_product_code("P1");
  r.set_year(2020);
  r.set_reporter_a("KOR");
  r.set_reporter_b("JPN");
  r.set_target_currency("USD");
  absl::StatusOr<v1::CompareExportersResponse> c = CompareExporters(*store_, r, NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->a().reporter(), "KOR");
  EXPECT_EQ(c->a().rate(), "1");
  EXPECT_EQ(Str(c->a().converted()), "40");
  EXPECT_EQ(c->b().reporter(), "JPN");
  EXPECT_EQ(c->b().reported().currency_code(), "JPY");
  EXPECT_EQ(Str(c->b().reported()), "6000");
  EXPECT_EQ(c->b().rate(), "0.01");
  EXPECT_EQ(c->b().converted().currency_code(), "USD");
  EXPECT_EQ(Str(c->b().converted()), "60");
  EXPECT_THAT(c->ratio(), DoubleNear(2.0 / 3.0, kTight));
  EXPECT_THAT(c->inverse_ratio(), DoubleNear(1.5, kTight));
  EXPECT_EQ(Str(c->world_exports()), "100");
  EXPECT_EQ(c->world_exports().currency_code(), "USD");
  EXPECT_EQ(c->market_share_note(), "");
  ASSERT_TRUE(c->a().has_market_share());
  EXPECT_THAT(c->a().market_share(), DoubleNear(0.4, kTight));
  ASSERT_TRUE(c->b().has_market_share());
  EXPECT_THAT(c->b().market_share(), DoubleNear(0.6, kTight));
}

// Without the world's exports the comparison still stands, and says why shares are absent.
TEST_F(AnalysesTest, ExportersWithoutWorldExportsExplainMissingShares) {
  v1::Dataset d;
  AddFlow(d, "KOR", "WLD", "P1", kX, Year(2020), "40", "USD");
  AddFlow(d, "JPN", "WLD", "P1", kX, Year(2020), "60", "USD");
  v1::CompareExportersRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_product_code("P1");
  r.set_year(2020);
  r.set_reporter_a("KOR");
  r.set_reporter_b("JPN");
  absl::StatusOr<v1::CompareExportersResponse> c = CompareExporters(*store_, r, NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_THAT(c->ratio(), DoubleNear(2.0 / 3.0, kTight));
  EXPECT_FALSE(c->a().has_market_share());
  EXPECT_FALSE(c->b().has_market_share());
  EXPECT_FALSE(c->has_world_exports());
  EXPECT_THAT(c->market_share_note(), HasSubstr("WLD"));
}

// =============================================================================================
// 7. AnalyzeDealPrices and EstimateSpillover: errors.

v1::Dataset TwoDeals() {
  v1::Dataset d;
  AddDeal(d, "Alpha", "KOR", 2020, "100", "USD");
  AddDeal(d, "Beta", "KOR", 2020, "50", "USD");
  return d;
}

TEST_F(AnalysesTest, DealAndSpilloverErrors) {
  // No deals at all.
  {
    v1::AnalyzeDealPricesRequest r;
    AddFlow(*r.mutable_inline_dataset(), "KOR", "CHN", "DRAMAS", kX, Year(2020), "1", "USD");
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), absl::StatusCode::kFailedPrecondition) << p.status();
  }
  // A title the dataset does not have.
  {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_numerator_title("Alpha");
    r.set_denominator_title("Gamma");
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), absl::StatusCode::kNotFound) << p.status();
    EXPECT_THAT(p.status().message(), HasSubstr("Gamma"));
    // The two titles it has: 100 / 50.
    r.set_denominator_title("Beta");
    p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->title_ratio().ratio(), 2.0);
  }
  // A multiplier id the dataset does not have.
  {
    v1::EstimateSpilloverRequest r;
    v1::Multiplier* m = r.mutable_inline_dataset()->add_multipliers();
    m->set_id("kexim-2012");
    m->set_economy("KOR");
    *m->mutable_cultural_exports() = Money("100", "USD");
    *m->mutable_induced_exports() = Money("412", "USD");
    m->set_year(2012);
    r.set_multiplier_id("no-such-multiplier");
    *r.mutable_cultural_exports() = Money("50", "USD");
    absl::StatusOr<v1::EstimateSpilloverResponse> s = EstimateSpillover(*store_, r, NoCaller());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), absl::StatusCode::kNotFound) << s.status();
    EXPECT_THAT(s.status().message(), HasSubstr("no-such-multiplier"));
    // The id it has: 50 x 412 / 100 = 206.
    r.set_multiplier_id("kexim-2012");
    s = EstimateSpillover(*store_, r, NoCaller());
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(Str(s->induced_exports()), "206");
  }
  // Only one side of a pair names the other as missing.
  struct Half {
    const char* numerator;
    const char* denominator;
    const char* origin_a;
    const char* origin_b;
    const char* missing;
  };
  for (const Half& h : {Half{"Alpha", "", "", "", "denominator_title"},
                        Half{"", "Beta", "", "", "numerator_title"},
                        Half{"", "", "KOR", "", "origin_b"},
                        Half{"", "", "", "CHN", "origin_a"}}) {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_numerator_title(h.numerator);
    r.set_denominator_title(h.denominator);
    r.set_origin_a(h.origin_a);
    r.set_origin_b(h.origin_b);
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok()) << h.missing;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << p.status();
    EXPECT_THAT(ViolatedFields(p.status()), ElementsAre(h.missing));
  }
}

// =============================================================================================
// 8. Validation: every bad field is named, and only those.

v1::Dataset Tiny() {
  v1::Dataset d;
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2020), "1", "USD");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2020), "2", "USD");
  return d;
}

TEST_F(AnalysesTest, ValidationNamesExactlyTheBadFields) {
  {
    v1::AnalyzeBalanceRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("CHN");
    r.set_product_code("DRAMAS");
    absl::Status s = AnalyzeBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), ElementsAre("reporter"));
    EXPECT_THAT(s.message(), HasSubstr("China"));
  }
  {
    v1::AnalyzeBalanceRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("CHN");
    r.set_product_code("");
    r.set_start_year(1066);
    r.set_target_currency("usd");
    absl::Status s = AnalyzeBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "start_year", "target_currency"));
  }
  {
    v1::AnalyzeGrowthRequest r = GrowthRequest(Tiny(), "");
    r.set_end_year(1066);
    absl::Status s = AnalyzeGrowth(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("product_code", "end_year"));
  }
  {
    v1::CompareExportersRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_product_code("DRAMAS");
    r.set_year(1066);
    r.set_reporter_a("China");
    r.set_reporter_b("KOR");
    r.set_target_currency("usd");
    absl::Status s = CompareExporters(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("year", "reporter_a", "target_currency"));
  }
  {
    v1::ComputeIndicatorsRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_year(1066);
    r.set_reporter("KOR");
    absl::Status s = ComputeIndicators(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("indicators", "year"));
  }
  {
    v1::ComputeIndicatorsRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.add_indicators(v1::INDICATOR_KIND_RCA);
    r.set_year(2020);
    r.set_reporter("China");
    r.set_target_currency("usd");
    absl::Status s = ComputeIndicators(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "target_currency"));
  }
  {
    v1::ProjectBalanceRequest r = ProjectionRequest(Tiny());
    r.set_reporter("China");
    r.set_product_code("");
    r.set_to_year(1066);
    r.set_target_currency("usd");
    absl::Status s = ProjectBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "to_year", "target_currency"));
  }
  {
    v1::ReconcileMirrorRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("KOR");
    r.set_product_code("");
    r.set_direction(kM);
    r.set_target_currency("usd");
    absl::Status s = ReconcileMirror(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "target_currency"));
  }
  {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_target_currency("usd");
    absl::Status s = AnalyzeDealPrices(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), ElementsAre("target_currency"));
  }
  {
    v1::EstimateSpilloverRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_multiplier_id("m");
    r.set_reporter("China");
    r.set_product_code("");
    r.set_year(1066);
    absl::Status s = EstimateSpillover(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("reporter", "product_code", "year"));
  }
}

}  // namespace
}  // namespace culturetrade
