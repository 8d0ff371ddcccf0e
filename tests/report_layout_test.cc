// report.html as a reader sees it: ctrade writes the report against a real server, headless
// Chromium renders it, and tests/report_layout.py checks the boxes of its text (none overlaps
// another, none is cut off by its chart or the page) and keeps a screenshot in the build folder
// (report_layout/NAME.png). Chromium is a declared test dependency: without it the test fails.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::RunCommand;

// 25 years of months: exports growing with a season, imports on a slower wave, so that the
// yearly balance runs from deficit to surplus and back, as a long series does.
std::string MonthlyCsv() {
  const double pi = std::acos(-1.0);
  std::string csv = "period,exports,imports\n";
  for (int m = 0; m < 300; ++m) {
    const double exports = 20 + 0.15 * m + 5 * std::sin(2 * pi * m / 12);
    const double imports = 35 + 0.05 * m + 8 * std::sin(2 * pi * m / 90);
    absl::StrAppend(&csv, 2000 + m / 12, "-", absl::Dec(m % 12 + 1, absl::kZeroPad2), ",",
                    std::llround(exports * 1e6), ",", std::llround(imports * 1e6), "\n");
  }
  return csv;
}

class ReportLayoutTest : public testing::CtradeFixture {
 protected:
  // Writes the report of the series into the temporary folder, then renders and checks it.
  void ExpectReadable(const std::string& name, const std::string& dataset,
                      std::vector<std::string> series) {
    const std::string out = dir_ + "/" + name;
    series.insert(series.begin(), {"report", dataset, "--out-dir", out});
    CommandResult report = Ctrade(series);
    ASSERT_EQ(report.exit_code, 0) << report.err;
    CommandResult layout = RunCommand({"/usr/bin/env", "python3", CT_REPORT_LAYOUT_SCRIPT,
                                       out + "/report.html", CT_REPORT_LAYOUT_DIR, name});
    EXPECT_EQ(layout.exit_code, 0) << layout.out << layout.err;
  }
};

TEST_F(ReportLayoutTest, TheStudysReportReadsWell) {
  ExpectReadable("study", "china-korea-tv-dramas",
                 {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS"});
}

// Twenty-five years of balances: the labels that fit and no more, on a scale chosen for them
// and, in units, with tick labels nine digits wide.
TEST_F(ReportLayoutTest, A25YearMonthlySeriesReadsWell) {
  const std::string csv = dir_ + "/monthly.csv";
  std::ofstream(csv) << MonthlyCsv();
  CommandResult create = Ctrade({"datasets", "create", "monthly", "--csv", csv, "--reporter", "KOR",
                                 "--partner", "CHN", "--product", "SK1", "--currency", "USD"});
  ASSERT_EQ(create.exit_code, 0) << create.err;
  const std::vector<std::string> series = {"--reporter", "KOR",       "--partner",
                                           "CHN",        "--product", "SK1"};
  ExpectReadable("monthly", "monthly", series);
  std::vector<std::string> in_units = series;
  in_units.insert(in_units.end(), {"--scale", "units"});
  ExpectReadable("monthly_units", "monthly", in_units);
}

}  // namespace
}  // namespace culturetrade
