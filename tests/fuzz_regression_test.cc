// Inputs on which the fuzz targets of tests/fuzz found undefined behaviour, kept as tests. Each
// overflowed an int128 sum of Decimals (a crash under the asan preset's
// -fno-sanitize-recover=undefined, a wrong figure without it) and is now refused with
// OUT_OF_RANGE. The same inputs are in the fuzz corpus as
// tests/fuzz/corpus/request_fuzzer/regression-*.bin, which the last test replays.
//
// The cause: a rate of 0.000000001 used the other way round (1 / 0.000000001), or crossed
// through USD, multiplies an amount by up to 10^10, so one flow or deal price of about 9.2e18
// units became about 1.66e38 nanos, nearly all of int128, and adding two of them overflowed.
// ExchangeRates::Convert now refuses a result beyond int64 whole units, as every amount of
// money already is; and a year's rate averaged from daily rates (each up to 10^27) checks its
// sum.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/decimal.h"
#include "core/exchange_rates.h"
#include "service/analyses/analyses.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/rate_observation.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kHugeUnits = 9'200'000'000'000'000'000;  // near int64's 9.22e18

google::type::Money Money(int64_t units, const std::string& currency) {
  google::type::Money m;
  m.set_units(units);
  m.set_currency_code(currency);
  return m;
}

v1::TradeFlow Flow(v1::FlowDirection direction, int year, int64_t units,
                   const std::string& currency) {
  v1::TradeFlow f;
  f.set_reporter("CHN");
  f.set_partner("KOR");
  f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f.mutable_product()->set_code("TV");
  f.set_direction(direction);
  f.mutable_period()->set_year(year);
  *f.mutable_value() = Money(units, currency);
  f.set_status(v1::VALUE_STATUS_REPORTED);
  return f;
}

v1::ExchangeRate Rate(int year, int month, int day, const std::string& base,
                      const std::string& quote, const std::string& rate) {
  v1::ExchangeRate r;
  r.mutable_period()->set_year(year);
  r.mutable_period()->set_month(month);
  r.mutable_period()->set_day(day);
  r.set_base_currency_code(base);
  r.set_quote_currency_code(quote);
  r.set_rate(rate);
  return r;
}

// CNY to KRW through USD: 1 CNY = 10^9 USD (USD/CNY 0.000000001), 1 USD = 18 KRW, so
// 9.2e18 CNY is 1.656e29 KRW, 1.656e38 nanos.
void AddTinyCrossRates(v1::Dataset& d, int year) {
  *d.add_exchange_rates() = Rate(year, 0, 0, "USD", "CNY", "0.000000001");
  *d.add_exchange_rates() = Rate(year, 0, 0, "USD", "KRW", "18");
}

using ::culturetrade::testing::Obs;

class FuzzRegressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(testing::FreshStorePath("fuzz-regression"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  std::unique_ptr<SqliteStore> store_;
};

// Was: signed overflow in total_trade = x + m (core/trade_balance.cc, RowFor).
TEST_F(FuzzRegressionTest, BalanceOfAmountsTooLargeOnceConvertedIsOutOfRange) {
  v1::AnalyzeBalanceRequest r;
  v1::Dataset& d = *r.mutable_inline_dataset();
  *d.add_flows() = Flow(v1::FLOW_DIRECTION_EXPORT, 2020, kHugeUnits, "CNY");
  *d.add_flows() = Flow(v1::FLOW_DIRECTION_IMPORT, 2020, kHugeUnits, "CNY");
  AddTinyCrossRates(d, 2020);
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV");
  r.set_target_currency("KRW");
  absl::StatusOr<v1::AnalyzeBalanceResponse> b = AnalyzeBalance(*store_, r, NoCaller());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), absl::StatusCode::kOutOfRange) << b.status();
  EXPECT_THAT(b.status().message(), HasSubstr("too large an amount"));

  // Amounts that fit once converted still convert: 10 CNY is 10 * 10^9 * 18 KRW.
  for (v1::TradeFlow& f : *d.mutable_flows()) f.mutable_value()->set_units(10);
  b = AnalyzeBalance(*store_, r, NoCaller());
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->years_size(), 1);
  EXPECT_EQ(b->years(0).exports().units(), 180'000'000'000);
  EXPECT_EQ(b->years(0).total_trade().units(), 360'000'000'000);
}

// Was: signed overflow in the median of two prices (core/deal_prices.cc, Summarize).
TEST_F(FuzzRegressionTest, DealMedianOfPricesTooLargeOnceConvertedIsOutOfRange) {
  v1::AnalyzeDealPricesRequest r;
  v1::Dataset& d = *r.mutable_inline_dataset();
  for (const char* buyer : {"CHN", "JPN"}) {
    v1::Deal* deal = d.add_deals();
    deal->set_title("A");
    deal->set_origin("KOR");
    deal->set_buyer(buyer);
    deal->set_year(2016);
    deal->set_episodes(16);
    *deal->mutable_price_per_episode() = Money(kHugeUnits, "CNY");
    deal->set_status(v1::VALUE_STATUS_REPORTED);
  }
  AddTinyCrossRates(d, 2016);
  r.set_target_currency("KRW");
  absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kOutOfRange) << p.status();
  EXPECT_THAT(p.status().message(), HasSubstr("too large an amount"));
}

// Was: signed overflow summing 171 daily rates of 10^27 for the year's mean
// (core/exchange_rates.cc, StoredYearRate).
TEST_F(FuzzRegressionTest, YearRateFromDailyRatesTooLargeToAverageIsOutOfRange) {
  v1::AnalyzeGrowthRequest r;
  v1::Dataset& d = *r.mutable_inline_dataset();
  *d.add_flows() = Flow(v1::FLOW_DIRECTION_EXPORT, 2020, 1, "CNY");
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30};  // 2020 is a leap year
  int added = 0;
  for (int month = 1; month <= 6 && added < 171; ++month) {
    for (int day = 1; day <= kDays[month - 1] && added < 171; ++day, ++added) {
      *d.add_exchange_rates() = Rate(2020, month, day, "USD", "CNY", "999999999999999999999999999");
    }
  }
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV");
  r.set_direction(v1::FLOW_DIRECTION_EXPORT);
  r.set_target_currency("USD");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kOutOfRange) << g.status();
  EXPECT_THAT(g.status().message(), HasSubstr("too large to average"));
}

TEST(ExchangeRatesFuzzRegression, ConvertRefusesMoreThanInt64Units) {
  const ExchangeRates rates({Obs(2020, 0, 0, "USD", "CNY", "0.000000001")});
  // CNY to USD is the inverse pair: times 10^9.
  absl::StatusOr<Decimal> fits = rates.Convert(Decimal::FromUnits(9), "CNY", "USD", 2020);
  ASSERT_TRUE(fits.ok()) << fits.status();
  EXPECT_EQ(*fits, Decimal::FromUnits(9'000'000'000));
  absl::StatusOr<Decimal> too_large =
      rates.Convert(Decimal::FromUnits(kHugeUnits), "CNY", "USD", 2020);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.status().code(), absl::StatusCode::kOutOfRange);
}

TEST(ExchangeRatesFuzzRegression, DailyRatesTooLargeToAverageAreAnError) {
  std::vector<RateObservation> days;
  for (int month = 1; month <= 12; ++month) {
    for (int day = 1; day <= 28; ++day) {
      days.push_back(Obs(2021, month, day, "USD", "CNY", "999999999999999999999999999"));
    }
  }
  const ExchangeRates rates(days);
  absl::StatusOr<Decimal> year = rates.Rate("USD", "CNY", 2021);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), absl::StatusCode::kOutOfRange) << year.status();
  // A year of ordinary daily rates still averages.
  for (RateObservation& o : days) o.rate = *Decimal::Parse("6.5");
  absl::StatusOr<Decimal> ordinary = ExchangeRates(days).Rate("USD", "CNY", 2021);
  ASSERT_TRUE(ordinary.ok()) << ordinary.status();
  EXPECT_EQ(*ordinary, *Decimal::Parse("6.5"));
}

// The crashing inputs as the fuzzer saved them (serialized requests), each through its analysis.
std::string ReadCorpusFile(const std::string& name) {
  std::ifstream in(std::string(CT_FUZZ_CORPUS_DIR) + "/request_fuzzer/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST_F(FuzzRegressionTest, CorpusInputsAreRefusedNotOverflowed) {
  v1::AnalyzeBalanceRequest balance;
  ASSERT_TRUE(balance.ParseFromString(
      ReadCorpusFile("regression-balance-total-trade-int128-overflow.bin")));
  EXPECT_EQ(AnalyzeBalance(*store_, balance, NoCaller()).status().code(),
            absl::StatusCode::kOutOfRange);

  v1::AnalyzeDealPricesRequest deals;
  ASSERT_TRUE(deals.ParseFromString(ReadCorpusFile("regression-deal-median-int128-overflow.bin")));
  EXPECT_EQ(AnalyzeDealPrices(*store_, deals, NoCaller()).status().code(),
            absl::StatusCode::kOutOfRange);

  v1::AnalyzeGrowthRequest growth;
  ASSERT_TRUE(
      growth.ParseFromString(ReadCorpusFile("regression-daily-rate-sum-int128-overflow.bin")));
  EXPECT_EQ(AnalyzeGrowth(*store_, growth, NoCaller()).status().code(),
            absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace culturetrade
