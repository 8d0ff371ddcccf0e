// The price-index importer on strings: the long layout and the World Bank's WDI download, and
// the errors that name the line and column of a bad row.
#include "import/price_index_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <utility>
#include <vector>

namespace culturetrade::import {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

absl::StatusOr<PriceIndexCsv> Read(const std::string& text, const std::string& country = "") {
  std::istringstream in(text);
  PriceIndexCsvOptions o;
  o.country = country;
  return ReadPriceIndexCsv(in, o);
}

std::vector<std::pair<int, std::string>> Values(const v1::PriceIndex& index) {
  std::vector<std::pair<int, std::string>> out;
  for (const v1::PriceIndexValue& v : index.values()) out.emplace_back(v.year(), v.value());
  return out;
}

TEST(PriceIndexCsv, LongLayout) {
  absl::StatusOr<PriceIndexCsv> r = Read("year,value\n2014,98.7\n2015,100\n2017,\"1,02.5\"\n");
  EXPECT_THAT(r.status().message(), HasSubstr("line 4, column 'value':"));
  r = Read("Year;Value\r\n2014;98.7\r\n2015;100\r\n2017;102.5\r\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Values(r->index),
              ElementsAre(Pair(2014, "98.7"), Pair(2015, "100"), Pair(2017, "102.5")));
  EXPECT_EQ(r->report.layout, "long (year, value)");
}

// As https://data.worldbank.org/ downloads FP.CPI.TOTL: four lines before the header, a
// trailing comma on every line, blank years.
constexpr char kWdi[] =
    "\xEF\xBB\xBF\"Data Source\",\"World Development Indicators\",\n"
    "\n"
    "\"Last Updated Date\",\"2024-06-28\",\n"
    "\n"
    "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1960\",\"2003\","
    "\"2004\",\"2005\",\n"
    "\"Japan\",\"JPN\",\"Consumer price index (2010 = 100)\",\"FP.CPI.TOTL\",\"18.9\",\"99.9\","
    "\"99.9\",\"99.6\",\n"
    "\"Korea, Rep.\",\"KOR\",\"Consumer price index (2010 = 100)\",\"FP.CPI.TOTL\",\"\","
    "\"82.0\",\"85.0\",\"87.3\",\n";

TEST(PriceIndexCsv, WdiRowOfTheChosenCountry) {
  absl::StatusOr<PriceIndexCsv> r = Read(kWdi, "kor");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Values(r->index),
              ElementsAre(Pair(2003, "82.0"), Pair(2004, "85.0"), Pair(2005, "87.3")));
  EXPECT_EQ(r->index.display_name(), "Korea, Rep.: Consumer price index (2010 = 100)");
  EXPECT_EQ(r->report.rows, 2);
}

TEST(PriceIndexCsv, WdiErrors) {
  EXPECT_THAT(Read(kWdi, "").status().message(),
              HasSubstr("line 5: the WDI layout needs the country whose row to read"));
  EXPECT_THAT(Read(kWdi, "CHN").status().message(), HasSubstr("no row has the country code CHN"));
  std::string bad = kWdi;
  bad.replace(bad.find("85.0"), 4, "-85");
  EXPECT_THAT(Read(bad, "KOR").status().message(),
              HasSubstr("line 7, column '2004': the index '-85' is not positive"));
}

TEST(PriceIndexCsv, YearGivenTwice) {
  EXPECT_THAT(Read("year,value\n2014,98.7\n2014,99\n").status().message(),
              HasSubstr("line 3, column 'value': the year 2014 is given twice"));
  EXPECT_THAT(Read("year,value\n14,98.7\n").status().message(),
              HasSubstr("line 2, column 'year': '14' is not a year"));
  EXPECT_THAT(Read("period,value\n2014,98.7\n").status().message(),
              HasSubstr("the header has no year column"));
}

}  // namespace
}  // namespace culturetrade::import
