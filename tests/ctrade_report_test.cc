// ctrade report end to end: the real binary against a real server on the study's dataset.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

// The SVG as XML, checked by python3's parser when there is one.
bool ParsesAsXml(const std::string& path) {
  if (RunCommand({"/bin/sh", "-c", "command -v python3"}).exit_code != 0) return true;
  CommandResult r = RunCommand(
      {"/bin/sh", "-c",
       "python3 -c 'import sys, xml.etree.ElementTree as e; e.parse(sys.argv[1])' \"$0\"", path});
  return r.exit_code == 0;
}

class CtradeReportTest : public testing::CtradeFixture {
 protected:
  CommandResult Report(const std::string& out_dir, std::vector<std::string> more) {
    std::vector<std::string> args = {CT_CTRADE_BIN,
                                     "--endpoint",
                                     server_->endpoint(),
                                     "report",
                                     "china-korea-tv-dramas",
                                     "--reporter",
                                     "CHN",
                                     "--partner",
                                     "KOR",
                                     "--product",
                                     "TV_DRAMAS",
                                     "--out-dir",
                                     out_dir};
    args.insert(args.end(), more.begin(), more.end());
    return RunCommand(args);
  }
};

TEST_F(CtradeReportTest, WritesTheStudysFigures) {
  const std::string out = dir_ + "/report";
  CommandResult r = Report(out, {"--scale", "millions", "--currency", "USD"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("report.html"));
  const std::string md = testing::ReadFile(out + "/report.md"),
                    html = testing::ReadFile(out + "/report.html"),
                    svg = testing::ReadFile(out + "/chart.svg");
  ASSERT_FALSE(md.empty());
  ASSERT_FALSE(html.empty());
  ASSERT_FALSE(svg.empty());
  for (const std::string* text : {&md, &html}) {
    EXPECT_THAT(*text, HasSubstr("26.85%"));
    EXPECT_THAT(*text, HasSubstr("54.98%"));
    EXPECT_THAT(*text, HasSubstr("-272.87"));
    EXPECT_THAT(*text, HasSubstr("5.75x"));
    EXPECT_THAT(*text, HasSubstr("+496.02%"));  // the 2014 spike of imports
    EXPECT_THAT(*text, HasSubstr("618.00"));    // US$150 M x 412 / 100
    EXPECT_THAT(*text, HasSubstr("as high as 75 percent"));
    EXPECT_THAT(*text, HasSubstr("never closes"));
  }
  EXPECT_THAT(md, HasSubstr("](chart.svg)"));
  // Self-contained: nothing fetched, nothing run.
  for (const char* outside : {"http://", "https://", "<script", "<link", "src="}) {
    EXPECT_THAT(html, Not(HasSubstr(outside))) << outside;
  }
  EXPECT_THAT(html, HasSubstr("<svg"));
  EXPECT_TRUE(ParsesAsXml(out + "/chart.svg"));
}

TEST_F(CtradeReportTest, SameDataSameBytes) {
  ASSERT_EQ(Report(dir_ + "/a", {"--scale", "millions"}).exit_code, 0);
  ASSERT_EQ(Report(dir_ + "/b", {"--scale", "millions"}).exit_code, 0);
  for (const char* file : {"/report.md", "/report.html", "/chart.svg"}) {
    EXPECT_EQ(testing::ReadFile(dir_ + "/a" + file), testing::ReadFile(dir_ + "/b" + file)) << file;
  }
}

TEST_F(CtradeReportTest, DealPricesDefaultToTheBalancesCurrency) {
  const std::string out = dir_ + "/cny";
  CommandResult r = Report(out, {"--scale", "millions", "--to-year", "2030", "--close-by", "2030"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string md = testing::ReadFile(out + "/report.md");
  EXPECT_THAT(md, HasSubstr("Prices per episode in CNY"));
  EXPECT_THAT(md, HasSubstr("Projection to 2030"));
  EXPECT_THAT(md, HasSubstr("+89.81%"));
}

// Without --scale the report picks the one its balance reads best in, and its titles name the
// economies and, from the flows' description, the product.
TEST_F(CtradeReportTest, DefaultsToAReadableScaleAndNames) {
  const std::string out = dir_ + "/auto";
  CommandResult r = Report(out, {});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string md = testing::ReadFile(out + "/report.md");
  EXPECT_THAT(md, HasSubstr("# Trade in television dramas: China with South Korea\n"));
  EXPECT_THAT(md, HasSubstr("Amounts are in millions of CNY unless"));
  EXPECT_THAT(md, HasSubstr("| 2016 | 16.96 | 289.83 | -272.87 |"));
  EXPECT_THAT(testing::ReadFile(out + "/chart.svg"), HasSubstr(">millions of CNY</text>"));
}

TEST_F(CtradeReportTest, AMissingRateSkipsTheDealsWithAReason) {
  const std::string out = dir_ + "/eur";
  CommandResult r = Report(out, {"--currency", "EUR"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(testing::ReadFile(out + "/report.md"), HasSubstr("No deal prices are shown: "));
}

TEST_F(CtradeReportTest, UnknownSeriesFails) {
  CommandResult r = RunCommand({CT_CTRADE_BIN, "--endpoint", server_->endpoint(), "report",
                                "china-korea-tv-dramas", "--reporter", "CHN", "--partner", "JPN",
                                "--product", "TV_DRAMAS", "--out-dir", dir_ + "/none"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/none/report.md"));
}

}  // namespace
}  // namespace culturetrade
