// Dates as exchange-rate and flow files write them: the IMF's 02-Jan-2001, ISO days, day-first
// and month-first numeric dates (their order told by the file or by --date-format), Jan-2001
// and 2001M1.
#include "import/csv_periods.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "absl/strings/str_cat.h"
#include "import/rate_csv.h"

namespace culturetrade::import {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "Y-M-D" for a parsed period, else the error.
std::string Day(absl::string_view text, DateOrder order = DateOrder::kUnknown) {
  absl::StatusOr<v1::Period> p = ParseCsvPeriod(text, /*allow_day=*/true, order);
  if (!p.ok()) return std::string(p.status().message());
  return absl::StrCat(p->year(), "-", p->month(), "-", p->day());
}

// The days of a daily table of USD/CNY rates whose date cells are `dates`.
absl::StatusOr<std::vector<std::string>> RateDays(const std::vector<std::string>& dates,
                                                  DateOrder order = DateOrder::kUnknown) {
  std::string text = "Date,CNY\n";
  for (const std::string& d : dates) absl::StrAppend(&text, d, ",6.5\n");
  std::istringstream in(text);
  RateCsvOptions o;
  o.base = "USD";
  o.date_order = order;
  absl::StatusOr<RateCsv> r = ReadRatesCsv(in, o);
  if (!r.ok()) return r.status();
  std::vector<std::string> days;
  for (const v1::ExchangeRate& rate : r->rates) {
    const v1::Period& p = rate.period();
    days.push_back(absl::StrCat(p.year(), "-", p.month(), "-", p.day()));
  }
  return days;
}

TEST(CsvPeriods, TheImfDayMonthNameYear) {
  EXPECT_EQ(Day("02-Jan-2001"), "2001-1-2");
  EXPECT_EQ(Day("2-jan-2001"), "2001-1-2");
  EXPECT_EQ(Day("31 December 2019"), "2019-12-31");
  EXPECT_THAT(Day("30-Feb-2001"), HasSubstr("not a day of the calendar"));
  EXPECT_THAT(Day("02-Jab-2001"), HasSubstr("is not a period"));
}

TEST(CsvPeriods, IsoDaysMonthNamesAndMonthNumbers) {
  EXPECT_EQ(Day("2001-01-02"), "2001-1-2");
  EXPECT_EQ(Day("Jan-2001"), "2001-1-0");
  EXPECT_EQ(Day("2001M1"), "2001-1-0");
  EXPECT_EQ(Day("2001M12"), "2001-12-0");
}

TEST(CsvPeriods, NumericDatesInTheOrderGivenOrThatTheyTell) {
  EXPECT_EQ(Day("02/01/2001", DateOrder::kDayFirst), "2001-1-2");
  EXPECT_EQ(Day("02/01/2001", DateOrder::kMonthFirst), "2001-2-1");
  EXPECT_EQ(Day("31/01/2001"), "2001-1-31");
  EXPECT_EQ(Day("01/31/2001"), "2001-1-31");
  EXPECT_EQ(Day("05.05.2001"), "2001-5-5");
  EXPECT_THAT(Day("01/31/2001", DateOrder::kDayFirst), HasSubstr("month 31"));
  EXPECT_THAT(Day("02/01/2001"), HasSubstr("'02/01/2001' is ambiguous"));
  EXPECT_THAT(Day("02/01/2001"), HasSubstr("give --date-format DMY (day first) or MDY"));
}

TEST(CsvPeriods, AFlowPeriodIsNeverADay) {
  EXPECT_THAT(ParseCsvPeriod("02-Jan-2001", false).status().message(), HasSubstr("is a day"));
  EXPECT_THAT(ParseCsvPeriod("02/01/2001", false).status().message(), HasSubstr("is a day"));
}

TEST(CsvPeriods, TheDateFormatOption) {
  EXPECT_EQ(*ParseDateOrder("DMY"), DateOrder::kDayFirst);
  EXPECT_EQ(*ParseDateOrder("mdy"), DateOrder::kMonthFirst);
  EXPECT_THAT(ParseDateOrder("YMD").status().message(), HasSubstr("--date-format is DMY"));
}

TEST(RateDates, OneDayAboveTwelveTellsTheWholeFile) {
  EXPECT_THAT(*RateDays({"02/01/2001", "03/01/2001", "13/01/2001"}),
              ElementsAre("2001-1-2", "2001-1-3", "2001-1-13"));
  EXPECT_THAT(*RateDays({"01/02/2001", "01/03/2001", "01/13/2001"}),
              ElementsAre("2001-1-2", "2001-1-3", "2001-1-13"));
}

TEST(RateDates, AFileThatTellsNothingAsksForTheFormat) {
  absl::StatusOr<std::vector<std::string>> days = RateDays({"02/01/2001", "03/01/2001"});
  EXPECT_THAT(days.status().message(),
              HasSubstr("line 2, column 'Date': '02/01/2001' is ambiguous"));
  EXPECT_THAT(days.status().message(), HasSubstr("--date-format"));
  EXPECT_THAT(*RateDays({"02/01/2001", "03/01/2001"}, DateOrder::kMonthFirst),
              ElementsAre("2001-2-1", "2001-3-1"));
}

TEST(RateDates, AFileMixingBothOrdersIsRefused) {
  EXPECT_THAT(RateDays({"13/01/2001", "01/13/2001"}).status().message(),
              HasSubstr("day first ('13/01/2001') and month first ('01/13/2001')"));
}

TEST(RateDates, TheImfRepresentativeRatesExport) {
  EXPECT_THAT(*RateDays({"02-Jan-2001", "03-Jan-2001"}), ElementsAre("2001-1-2", "2001-1-3"));
}

}  // namespace
}  // namespace culturetrade::import
