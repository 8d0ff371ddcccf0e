#include "core/exchange_rates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rate_observation.h"

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

using ::culturetrade::testing::Obs;

bool Contains(const absl::Status& status, const std::string& text) {
  return std::string(status.message()).find(text) != std::string::npos;
}

// USD/CNY for 2014 as twelve monthly rates 6.10, 6.11, ..., 6.21; their mean is 6.155.
std::vector<RateObservation> TwelveMonths2014() {
  std::vector<RateObservation> out;
  for (int m = 1; m <= 12; ++m) {
    out.push_back(Obs(2014, m, 0, "USD", "CNY", ("6." + std::to_string(9 + m)).c_str()));
  }
  return out;
}

TEST(ExchangeRatesTest, AnnualObservation) {
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "CNY", "6.1937")});
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2013), D("6.1937"));
  EXPECT_EQ(*rates.Convert(D("40000"), "USD", "CNY", 2013), D("247748"));
}

TEST(ExchangeRatesTest, AnnualObservationWinsOverMonthsAndDays) {
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "CNY", "6.1937"),
                             Obs(2013, 4, 0, "USD", "CNY", "9"),
                             Obs(2013, 4, 2, "USD", "CNY", "8")});
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2013), D("6.1937"));
}

TEST(ExchangeRatesTest, YearIsTheMeanOfTwelveMonths) {
  std::vector<RateObservation> obs = TwelveMonths2014();
  // With all twelve months present, daily rates do not enter the year.
  obs.push_back(Obs(2014, 5, 5, "USD", "CNY", "9"));
  const ExchangeRates rates(obs);
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2014), D("6.155"));
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2014, 3), D("6.12"));
}

TEST(ExchangeRatesTest, IncompleteMonthsNameTheMissingOnes) {
  std::vector<RateObservation> obs;
  for (int m = 1; m <= 12; ++m) {
    if (m != 3 && m != 7) obs.push_back(Obs(2015, m, 0, "USD", "CNY", "6.2"));
  }
  // Daily rates exist, but a partial set of months is a gap, not a reason to fall back.
  obs.push_back(Obs(2015, 3, 2, "USD", "CNY", "6.3"));
  const ExchangeRates rates(obs);
  const absl::StatusOr<Decimal> year = rates.Rate("USD", "CNY", 2015);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(year.status(), "USD/CNY")) << year.status();
  EXPECT_TRUE(Contains(year.status(), "only 10 of 12 months")) << year.status();
  EXPECT_TRUE(Contains(year.status(), "missing 2015-03, 2015-07")) << year.status();
  // The inverse direction reports the same gap rather than "no rate".
  EXPECT_TRUE(Contains(rates.Rate("CNY", "USD", 2015).status(), "2015-03, 2015-07"));
  // Single months are unaffected: a monthly rate, and a daily mean for March.
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2015, 5), D("6.2"));
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2015, 3), D("6.3"));
  EXPECT_EQ(rates.Rate("USD", "CNY", 2015, 7).status().message(),
            "no exchange rate from USD to CNY for 2015-07 (the dataset has none for that pair "
            "and month)");
}

TEST(ExchangeRatesTest, DailyMeansSkipBlankDays) {
  // 2020-01-01, 04 and 05 are blank; February has one day, the leap day.
  const ExchangeRates rates(
      {Obs(2020, 1, 2, "EUR", "USD", "1.1"), Obs(2020, 1, 3, "EUR", "USD", "1.2"),
       Obs(2020, 1, 6, "EUR", "USD", "1.3"), Obs(2020, 2, 29, "EUR", "USD", "1.5")});
  EXPECT_EQ(*rates.Rate("EUR", "USD", 2020, 1), D("1.2"));
  EXPECT_EQ(*rates.Rate("EUR", "USD", 2020, 2), D("1.5"));
  // The year is the mean over days, not over the monthly means: (1.1+1.2+1.3+1.5)/4.
  EXPECT_EQ(*rates.Rate("EUR", "USD", 2020), D("1.275"));
}

TEST(ExchangeRatesTest, DailyMeanRoundsToNineDigits) {
  const ExchangeRates rates({Obs(2021, 6, 1, "EUR", "USD", "1.1"),
                             Obs(2021, 6, 2, "EUR", "USD", "1.2"),
                             Obs(2021, 6, 3, "EUR", "USD", "1.4")});
  EXPECT_EQ(*rates.Rate("EUR", "USD", 2021, 6), D("1.233333333"));
}

TEST(ExchangeRatesTest, MonthResolutionOrder) {
  const ExchangeRates rates(
      {Obs(2016, 0, 0, "USD", "CNY", "6.6440"), Obs(2016, 1, 0, "USD", "CNY", "6.55"),
       Obs(2016, 1, 4, "USD", "CNY", "9"), Obs(2016, 2, 1, "USD", "CNY", "6.54"),
       Obs(2016, 2, 2, "USD", "CNY", "6.56")});
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2016, 1), D("6.55"));   // the monthly observation
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2016, 2), D("6.55"));   // the mean of its days
  EXPECT_EQ(*rates.Rate("USD", "CNY", 2016, 9), D("6.644"));  // the annual rate
}

TEST(ExchangeRatesTest, InversePair) {
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "CNY", "6.1937")});
  // 1 / 6.1937 = 0.16145438106...
  EXPECT_EQ(*rates.Rate("CNY", "USD", 2013), D("0.161454381"));
}

TEST(ExchangeRatesTest, CrossThroughUsd) {
  const ExchangeRates rates(
      {Obs(2013, 0, 0, "USD", "KRW", "1095.04"), Obs(2013, 0, 0, "USD", "CNY", "6.1937"),
       Obs(2012, 0, 0, "KRW", "USD", "0.000913"), Obs(2012, 0, 0, "USD", "CNY", "6.1937")});
  // Both legs stored against USD: 6.1937 / 1095.04 = 0.0056561403...
  EXPECT_EQ(*rates.Rate("KRW", "CNY", 2013), D("0.005656140"));
  // 1095.04 / 6.1937 = 176.79900544...
  EXPECT_EQ(*rates.Rate("CNY", "KRW", 2013), D("176.799005441"));
  // Both legs stored directly: 0.000913 × 6.1937 = 0.0056548481.
  EXPECT_EQ(*rates.Rate("KRW", "CNY", 2012), D("0.005654848"));
}

TEST(ExchangeRatesTest, DirectPairWinsOverCross) {
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "KRW", "1095.04"),
                             Obs(2013, 0, 0, "USD", "CNY", "6.1937"),
                             Obs(2013, 0, 0, "KRW", "CNY", "0.0056")});
  EXPECT_EQ(*rates.Rate("KRW", "CNY", 2013), D("0.0056"));
}

TEST(ExchangeRatesTest, SameCurrencyIsExactlyOne) {
  const ExchangeRates empty;
  EXPECT_EQ(*empty.Rate("CNY", "CNY", 1990), D("1"));
  EXPECT_EQ(*empty.Convert(D("123.456789012"), "KRW", "KRW", 2013, 4), D("123.456789012"));
}

TEST(ExchangeRatesTest, MissingRateNamesCurrenciesAndPeriod) {
  // Only one leg of the cross exists.
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "CNY", "6.1937")});
  const absl::StatusOr<Decimal> year = rates.Rate("KRW", "CNY", 2013);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(year.status().message(),
            "no exchange rate from KRW to CNY for 2013 (the dataset has none for that pair and "
            "year)");
  EXPECT_EQ(rates.Rate("USD", "CNY", 2014, 5).status().message(),
            "no exchange rate from USD to CNY for 2014-05 (the dataset has none for that pair "
            "and month)");
  EXPECT_EQ(rates.Convert(D("1"), "KRW", "CNY", 2013).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(ExchangeRatesTest, BadArgumentsAreRejected) {
  const ExchangeRates rates({Obs(2013, 0, 0, "USD", "CNY", "6.1937")});
  EXPECT_EQ(rates.Rate("usd", "CNY", 2013).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(rates.Rate("USD", "CNY", 2013, 13).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ExchangeRatesTest, UnusableObservationsFailEveryLookup) {
  const ExchangeRates negative(
      {Obs(2013, 0, 0, "USD", "CNY", "6.1937"), Obs(2013, 0, 0, "USD", "KRW", "-1")});
  const absl::Status s = negative.Rate("USD", "CNY", 2013).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(s, "observation 2 (USD/KRW 2013)")) << s;
  EXPECT_TRUE(Contains(s, "not positive")) << s;

  const ExchangeRates no_such_day({Obs(2013, 2, 29, "USD", "CNY", "6.2")});
  EXPECT_TRUE(Contains(no_such_day.Rate("USD", "CNY", 2013).status(), "2013-02 has no day 29"));

  const ExchangeRates disagree(
      {Obs(2013, 0, 0, "USD", "CNY", "6.1937"), Obs(2013, 0, 0, "USD", "CNY", "6.2")});
  EXPECT_TRUE(Contains(disagree.Rate("USD", "CNY", 2013).status(), "both 6.1937 and 6.2"));
}

TEST(ExchangeRatesTest, IdenticalDuplicatesAreHarmless) {
  const ExchangeRates rates({Obs(2020, 1, 2, "EUR", "USD", "1.1"),
                             Obs(2020, 1, 2, "EUR", "USD", "1.1"),
                             Obs(2020, 1, 3, "EUR", "USD", "1.4")});
  // Counted once: (1.1 + 1.4) / 2, not (1.1 + 1.1 + 1.4) / 3.
  EXPECT_EQ(*rates.Rate("EUR", "USD", 2020, 1), D("1.25"));
}

}  // namespace
}  // namespace culturetrade
