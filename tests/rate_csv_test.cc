// The exchange-rate importer on strings: long files, daily tables with blank cells, merging.
#include "import/rate_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "absl/strings/str_cat.h"

namespace culturetrade::import {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::StatusOr<RateCsv> Read(const std::string& text, const RateCsvOptions& o = {}) {
  std::istringstream in(text);
  return ReadRatesCsv(in, o);
}

// "BASE/QUOTE YYYY-M-D RATE" for each rate.
std::vector<std::string> Describe(const std::vector<v1::ExchangeRate>& rates) {
  std::vector<std::string> out;
  out.reserve(rates.size());
  for (const v1::ExchangeRate& r : rates) {
    out.push_back(absl::StrCat(r.base_currency_code(), "/", r.quote_currency_code(), " ",
                               r.period().year(), "-", r.period().month(), "-", r.period().day(),
                               " ", r.rate()));
  }
  return out;
}

TEST(DailyTable, BlankCellsAreDaysWithoutARate) {
  RateCsvOptions o;
  o.base = "usd";
  absl::StatusOr<RateCsv> r = Read(
      "\xEF\xBB\xBF"
      "Date;CNY;KRW;Note\r\n"
      "2020-01-02;6.4;\"1,150.00\";holiday in KR tomorrow\r\n"
      "2020-01-03;n/a;1,160.5;\r\n"
      "\r\n"
      "2020-01-06;7.3;;\r\n"
      "2020-01-07;-;ND;\r\n"
      "2020-01-08;7.0;#N/A;\r\n",
      o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.layout, "daily table (detected from the header)");
  EXPECT_THAT(Describe(r->rates), ElementsAre("USD/CNY 2020-1-2 6.4", "USD/KRW 2020-1-2 1150.00",
                                              "USD/KRW 2020-1-3 1160.5", "USD/CNY 2020-1-6 7.3",
                                              "USD/CNY 2020-1-8 7.0"));
  EXPECT_EQ(r->report.columns.at(1).meaning, "USD/CNY rate (CNY per USD)");
  EXPECT_EQ(r->report.columns.at(3).meaning, "ignored");
}

TEST(DailyTable, QuoteFlagMakesColumnsTheBaseCurrencies) {
  RateCsvOptions o;
  o.quote = "CNY";
  absl::StatusOr<RateCsv> r = Read("date,USD,EUR,CNY\n2020-01-02,6.9,7.7,1\n", o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Describe(r->rates), ElementsAre("USD/CNY 2020-1-2 6.9", "EUR/CNY 2020-1-2 7.7"));
}

TEST(DailyTable, PairColumnsNeedNoFlag) {
  absl::StatusOr<RateCsv> r = Read("day\tUSD/CNY\tEUR/USD\n2020/01/02\t6.9\t1.12\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Describe(r->rates), ElementsAre("USD/CNY 2020-1-2 6.9", "EUR/USD 2020-1-2 1.12"));
}

TEST(DailyTable, ACurrencyColumnWithoutBaseOrQuoteIsAnError) {
  EXPECT_THAT(Read("date,CNY\n2020-01-02,6.9\n").status().message(),
              HasSubstr("line 1: column 'CNY' names a single currency"));
}

TEST(DailyTable, ABadCellNamesLineAndColumnOrIsSkipped) {
  RateCsvOptions o;
  o.base = "EUR";
  const std::string text =
      "date,USD,JPY\n2020-01-02,1.12,121.5\n2020-01-03,1.1x,120\n"
      "2020-01-06,1.1,0\n2020-01-07,1.11,118\n";
  EXPECT_EQ(Read(text, o).status().message(), "line 3, column 'USD': '1.1x' is not a number");
  o.skip_bad = true;
  absl::StatusOr<RateCsv> r = Read(text, o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rates.size(), 4u);  // a bad row keeps none of its rates
  EXPECT_EQ(r->report.rows, 2);
  EXPECT_EQ(r->report.skipped, 2);
  EXPECT_EQ(r->report.first_bad->line, 3);
}

TEST(LongRates, BaseQuoteRateAndAYearMonthOrDay) {
  absl::StatusOr<RateCsv> r = Read(
      "base,quote,period,rate\n"
      "USD,CNY,2013,6.1937\n"
      "usd,krw,2013.07,\"1,187.50\"\n"
      "USD,CNY,July 2014,6.15\n"
      "USD,CNY,2014-07-15,6.2\n"
      "USD,JPY,2014-07-16,n/a\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.layout, "long (detected from the header)");
  EXPECT_THAT(Describe(r->rates), ElementsAre("USD/CNY 2013-0-0 6.1937", "USD/KRW 2013-7-0 1187.50",
                                              "USD/CNY 2014-7-0 6.15", "USD/CNY 2014-7-15 6.2"));
}

TEST(LongRates, FlagsStandInForMissingCurrencyColumns) {
  RateCsvOptions o;
  o.base = "USD";
  o.quote = "CNY";
  absl::StatusOr<RateCsv> r = Read("date,rate\n2020-01-02,6.9\n", o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Describe(r->rates), ElementsAre("USD/CNY 2020-1-2 6.9"));
  EXPECT_THAT(r->report.notes,
              ElementsAre("base USD for every row (--base)", "quote CNY for every row (--quote)"));
  EXPECT_THAT(Read("date,rate\n2020-01-02,6.9\n").status().message(),
              HasSubstr("no 'base' column and no --base"));
}

TEST(LongRates, QuartersAndNonPositiveRatesAreRefused) {
  RateCsvOptions o;
  o.base = "USD";
  o.quote = "CNY";
  EXPECT_THAT(Read("period,rate\n2020Q1,6.9\n", o).status().message(),
              HasSubstr("line 2, column 'period': exchange rates are annual, monthly or daily"));
  EXPECT_THAT(Read("period,rate\n2020,0\n", o).status().message(),
              HasSubstr("line 2, column 'rate': the rate '0' is not positive"));
  EXPECT_THAT(Read("period;rate\n2020;6,9\n", o).status().message(),
              HasSubstr("line 2, column 'rate': '6,9' is not a number ctrade reads"));
}

TEST(LongRates, SkipBadCountsAndKeepsTheRest) {
  RateCsvOptions o;
  o.base = "USD";
  o.quote = "CNY";
  o.skip_bad = true;
  absl::StatusOr<RateCsv> r =
      Read("date;rate\n2020-01-02;6.9\n2020-02-30;7\n2020-01-03;6,95\n2020-01-06;7.01\n", o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rates.size(), 2u);
  EXPECT_EQ(r->report.skipped, 2);
  EXPECT_EQ(r->report.first_bad->line, 3);
  EXPECT_THAT(r->report.first_bad->why, HasSubstr("column 'date': '2020-02-30'"));
}

TEST(AddRates, KeepsOneOfEachAndRefusesContradictions) {
  google::protobuf::RepeatedPtrField<v1::ExchangeRate> held;
  std::vector<v1::ExchangeRate> added(2);
  added[0].set_base_currency_code("USD");
  added[0].set_quote_currency_code("CNY");
  added[0].mutable_period()->set_year(2020);
  added[0].set_rate("7");
  added[1] = added[0];
  added[1].mutable_period()->set_month(1);
  ASSERT_TRUE(AddRates(added, held).ok());
  EXPECT_EQ(held.size(), 2);
  added[0].set_rate("7.000");  // the same rate written otherwise
  ASSERT_TRUE(AddRates(added, held).ok());
  EXPECT_EQ(held.size(), 2);
  added[0].set_rate("7.1");
  EXPECT_THAT(AddRates(added, held).message(),
              HasSubstr("the rate of USD/CNY 2020-00-00 is given as both 7 and 7.1"));
}

TEST(IsBlankRate, WhatCentralBanksWriteForNoRate) {
  for (const char* blank : {"", " ", "n/a", "N/A", "NA", "-", "ND", "..", "#N/A"}) {
    EXPECT_TRUE(IsBlankRate(blank)) << blank;
  }
  EXPECT_FALSE(IsBlankRate("0"));
  EXPECT_FALSE(IsBlankRate("6.9"));
}

}  // namespace
}  // namespace culturetrade::import
