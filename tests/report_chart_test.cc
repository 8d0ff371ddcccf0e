// The report's chart on a long series: labels that matter, round ticks, names in titles.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "report/report.h"

namespace culturetrade::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// 25 years in units: balances zigzag from a deficit of 200 M to a surplus of 160 M.
ReportData LongSeries() {
  ReportData d;
  d.balance.set_reporter("KOR");
  d.balance.set_partner("CHN");
  d.balance.set_product_code("SK1");
  d.balance.set_currency_code("USD");
  for (int i = 0; i < 25; ++i) {
    const int64_t exports = 250000000 + 20000000 * i;
    const int64_t imports = 450000000 + 10000000 * ((i * 7) % 13);
    v1::BalanceYear* y = d.balance.add_years();
    y->set_year(2000 + i);
    for (auto [money, units] :
         {std::pair{y->mutable_exports(), exports}, std::pair{y->mutable_imports(), imports},
          std::pair{y->mutable_balance(), exports - imports}}) {
      money->set_currency_code("USD");
      money->set_units(units);
    }
  }
  return d;
}

// Only the first, the last and the extreme balances carry their values, so that 25 labels do
// not overlap into a band; the axis counts in round steps with the tables' separators.
TEST(ReportChartTest, LongSeriesLabelsWhatMatters) {
  const std::string svg = ChartSvg(LongSeries(), /*standalone=*/false);
  std::vector<std::string> labels;
  for (absl::string_view line : absl::StrSplit(svg, '\n')) {
    if (!absl::StrContains(line, "font-size=\"11\"")) continue;
    const size_t start = line.find('>') + 1;
    labels.emplace_back(line.substr(start, line.find('<', start) - start));
  }
  // 2000 the first, 2024 the last, 2001 the lowest and 2023 the highest.
  EXPECT_THAT(labels, ::testing::UnorderedElementsAre("-200,000,000.00", "160,000,000.00",
                                                      "-250,000,000.00", "210,000,000.00"));
  EXPECT_THAT(svg, HasSubstr(">600,000,000</text>"));
  EXPECT_THAT(svg, HasSubstr(">-200,000,000</text>"));
  EXPECT_THAT(svg, HasSubstr(">2000</text>"));
  EXPECT_THAT(svg, Not(HasSubstr(">2001</text>")));  // a year label every other year
}

TEST(ReportChartTest, ATitleWithoutADescriptionNamesTheProductCode) {
  EXPECT_THAT(ReportHtml(LongSeries()), HasSubstr("<h1>Trade in SK1: South Korea with China</h1>"));
}

}  // namespace
}  // namespace culturetrade::report
