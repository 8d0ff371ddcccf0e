// AnalyzeBalance in a target currency, in process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AddRate;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Month;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

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

}  // namespace
}  // namespace culturetrade
