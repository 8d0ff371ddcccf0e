// `ctrade analyze ...` end to end: the real binary against a real server seeded with the study
// dataset, checked on the figures it prints, its three formats, its help and its exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "culturetrade/v1/analysis_service.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::DoubleNear;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kStudy[] = "china-korea-tv-dramas";

class CtradeAnalyzeTest : public testing::CtradeFixture {
 protected:
  // `ctrade [--format F] analyze COMMAND DATASET ARGS...`.
  CommandResult Analyze(const std::string& format, const std::string& command,
                        const std::string& dataset, const std::vector<std::string>& args) {
    std::vector<std::string> argv;
    if (!format.empty()) argv = {"--format", format};
    argv.insert(argv.end(), {"analyze", command, dataset});
    argv.insert(argv.end(), args.begin(), args.end());
    return Ctrade(argv);
  }
};

// The arguments of one run of each analyze command on the study dataset.
const std::vector<std::string> kGrowthArgs = {"--reporter", "CHN",       "--partner",   "KOR",
                                              "--product",  "TV_DRAMAS", "--direction", "import"};
const std::vector<std::string> kExportersArgs = {
    "--product", "TV_DRAMAS", "--year", "2013", "--a", "CHN", "--b", "KOR", "--currency", "USD"};
const std::vector<std::string> kDealsArgs = {"--currency",    "USD",
                                             "--numerator",   "Descendants of the Sun",
                                             "--denominator", "You from the Stars",
                                             "--origin-a",    "KOR",
                                             "--origin-b",    "CHN"};
const std::vector<std::string> kSpilloverArgs = {"--multiplier", "kexim-2012", "--reporter", "KOR",
                                                 "--product",    "TV_DRAMAS",  "--year",     "2013",
                                                 "--scale",      "millions"};
const std::vector<std::string> kProjectionArgs = {
    "--reporter", "CHN",  "--partner",  "KOR",  "--product", "TV_DRAMAS",
    "--to-year",  "2030", "--close-by", "2030", "--scale",   "millions"};
const std::vector<std::string> kIndicatorsArgs = {
    "--indicators", "gl,hhi-partners", "--year", "2016",      "--reporter",
    "CHN",          "--partner",       "KOR",    "--product", "TV_DRAMAS"};

TEST_F(CtradeAnalyzeTest, GrowthOfImports) {
  CommandResult r = Analyze("", "growth", kStudy, kGrowthArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2014 (+496.02%)"));
  EXPECT_THAT(
      r.out,
      HasSubstr("Amounts in millions of CNY.\n\nYEAR   VALUE    GROWTH\n"));  // 2013 is derived
  EXPECT_THAT(r.out, HasSubstr("2013  74.04*"));  // 2013 is derived; auto scale: millions
  EXPECT_THAT(r.out,
              HasSubstr("compound growth 2010\u20132016: +54.98% a year (20.92 to 289.83)."));
  EXPECT_THAT(r.out, HasSubstr("over 4 years"));
  EXPECT_THAT(r.out, HasSubstr("(3 years missing)"));
}

// 105 M CNY at 6.1937 is US$16.95 M against Korea's US$150 M: one in 8.85.
TEST_F(CtradeAnalyzeTest, ExportersInOneCurrency) {
  CommandResult r = Analyze("", "exporters", kStudy, kExportersArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1/8.85"));
  EXPECT_THAT(r.out, HasSubstr("CHN / KOR = 0.1130"));
  EXPECT_THAT(r.out, HasSubstr("China (CHN)        105.00 CNY  0.161454381      16.95"));
  // The study has no world totals, and the table says so instead of showing shares.
  EXPECT_THAT(r.out, HasSubstr("Market shares: "));
  EXPECT_THAT(r.out, HasSubstr("WLD"));
}

// US$230,000 / US$40,000 = 5.75.
TEST_F(CtradeAnalyzeTest, DealPrices) {
  CommandResult r = Analyze("", "deals", kStudy, kDealsArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"Descendants of the Sun\" / \"You from the Stars\" = 5.75x"));
  EXPECT_THAT(r.out, HasSubstr("KOR median / CHN median = "));
  EXPECT_THAT(r.out, HasSubstr("CHN~"));  // the Chinese prices are illustrative estimates
  EXPECT_THAT(r.out, HasSubstr("Prices per episode in thousands of USD."));
}

// US$150 M x 412 / 100 = US$618 M.
TEST_F(CtradeAnalyzeTest, Spillover) {
  CommandResult r = Analyze("", "spillover", kStudy, kSpilloverArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("618.00"));
  EXPECT_THAT(r.out, HasSubstr("150.00"));
  EXPECT_THAT(r.out, HasSubstr("Amounts in millions of USD."));
  EXPECT_THAT(r.out, HasSubstr("Multiplier kexim-2012: 100 of cultural exports -> 412"));
}

TEST_F(CtradeAnalyzeTest, Projection) {
  CommandResult r = Analyze("", "projection", kStudy, kProjectionArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // A sentence with a full stop and no amount in units, although the table is in millions.
  EXPECT_THAT(r.out, HasSubstr("from a larger base in 2016, so exports never catch up.\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("289830000")));
  EXPECT_THAT(r.out, HasSubstr("+89.81%"));
  EXPECT_THAT(r.out, HasSubstr("Projected from 2016"));
  EXPECT_THAT(r.out, HasSubstr("Projected from 2016 by compound growth:"));
  EXPECT_THAT(r.out, HasSubstr("\n2030 "));
  // Given rates: from 16.96 against 289.83 (millions of CNY) in 2016, exports doubling and
  // imports growing 20 % a year, (2 / 1.2)^t >= 17.09 first at t = 6 (ln 17.09 / ln 1.667 = 5.56).
  r = Analyze("", "projection", kStudy,
              {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS", "--to-year",
               "2024", "--basis", "given", "--export-growth", "1.0", "--import-growth", "0.2",
               "--scale", "millions"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("The deficit closes in 2022."));
  EXPECT_THAT(r.out, HasSubstr("by growth rates given"));
  EXPECT_THAT(r.out, HasSubstr("1,085.44"));  // 16.96 x 2^6, with separators
}

// 2016: 1 - |16.96 - 289.83| / (16.96 + 289.83) = 33.92 / 306.79 = 0.1106; China exports
// TV dramas to one partner only, so its partner concentration is 1.
TEST_F(CtradeAnalyzeTest, Indicators) {
  CommandResult r = Analyze("", "indicators", kStudy, kIndicatorsArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("grubel_lloyd  0.1106  TV_DRAMAS 0.1106"));
  EXPECT_THAT(r.out, HasSubstr("hhi_partners  1.0000  over 1"));
}

// The study has no world totals (reporter WLD to partner WLD), which RCA divides by. Its 2013
// flows mix yuan and dollars, so they are put in one currency first.
TEST_F(CtradeAnalyzeTest, RcaWithoutWorldTotalsNamesWhatIsMissing) {
  CommandResult r = Analyze("", "indicators", kStudy,
                            {"--indicators", "rca", "--year", "2013", "--reporter", "KOR",
                             "--product", "TV_DRAMAS", "--currency", "USD"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("WLD"));
  EXPECT_THAT(r.err, HasSubstr("TV_DRAMAS"));
  EXPECT_EQ(r.out, "");
  // Without a common currency, that is what the call says is missing.
  r = Analyze(
      "", "indicators", kStudy,
      {"--indicators", "rca", "--year", "2013", "--reporter", "KOR", "--product", "TV_DRAMAS"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("currency"));
}

// A dataset with both sides' reports, uploaded from CSV:
//   2018: 110.5 vs 100 -> +10.50 (+10.50 %);  2019: 90 vs 120 -> -30.00 (-25.00 %);
//   2020: China only;  2021: Korea only.
TEST_F(CtradeAnalyzeTest, Mirror) {
  CommandResult created =
      Ctrade({"datasets", "create", "mirror-data", "--csv", "-", "--currency", "USD"},
             "reporter,partner,product,direction,period,value\n"
             "CHN,KOR,SK1,M,2018,110.5\n"
             "KOR,CHN,SK1,X,2018,100\n"
             "CHN,KOR,SK1,M,2019,90\n"
             "KOR,CHN,SK1,X,2019,120\n"
             "CHN,KOR,SK1,M,2020,50\n"
             "KOR,CHN,SK1,X,2021,80\n");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::vector<std::string> args = {"--reporter", "CHN", "--partner",   "KOR",
                                         "--product",  "SK1", "--direction", "import"};
  CommandResult r = Analyze("", "mirror", "mirror-data", args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2018    110.50  100.00       10.50   +10.50%"));
  EXPECT_THAT(r.out, HasSubstr("2019     90.00  120.00      -30.00   -25.00%"));
  EXPECT_THAT(r.out, HasSubstr("2020     50.00       -           -         -"));
  EXPECT_THAT(r.out, HasSubstr("2021         -   80.00           -         -"));
  EXPECT_THAT(r.out, HasSubstr("the difference is reported minus mirror"));

  CommandResult csv = Analyze("csv", "mirror", "mirror-data", args);
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "year,reported,mirror,difference,relative_fraction\n"
            "2018,110.50,100.00,10.50,0.105000\n"
            "2019,90.00,120.00,-30.00,-0.250000\n"
            "2020,50.00,,,\n"
            "2021,,80.00,,\n");

  // The study has China's report only: there is nothing to mirror.
  CommandResult study = Analyze(
      "", "mirror", kStudy,
      {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS", "--direction", "import"});
  EXPECT_EQ(study.exit_code, 3) << study.err;
  EXPECT_THAT(study.err, HasSubstr("KOR"));
}

// --format json prints the proto JSON mapping of the response: lowerCamelCase names that parse
// back into the response message.
template <typename Response>
Response ParseJson(const CommandResult& r) {
  Response response;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(r.out, &response, options);
  EXPECT_TRUE(status.ok()) << status << "\n" << r.out;
  return response;
}

TEST_F(CtradeAnalyzeTest, JsonIsTheProtoJsonMapping) {
  CommandResult r = Analyze("json", "exporters", kStudy, kExportersArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"inverseRatio\":"));
  EXPECT_THAT(r.out, HasSubstr("\"marketShareNote\":"));
  EXPECT_THAT(r.out, Not(HasSubstr("inverse_ratio")));
  const auto exporters = ParseJson<v1::CompareExportersResponse>(r);
  EXPECT_THAT(exporters.inverse_ratio(), DoubleNear(8.8481, 1e-4));
  EXPECT_EQ(exporters.a().converted().currency_code(), "USD");
  EXPECT_EQ(exporters.a().converted().units(), 16952710);

  r = Analyze("json", "growth", kStudy, kGrowthArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"spikeThreshold\":"));
  EXPECT_EQ(ParseJson<v1::AnalyzeGrowthResponse>(r).spikes(0).year(), 2014);

  r = Analyze("json", "deals", kStudy, kDealsArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"byTitle\":"));
  EXPECT_EQ(ParseJson<v1::AnalyzeDealPricesResponse>(r).title_ratio().ratio(), 5.75);

  r = Analyze("json", "spillover", kStudy, kSpilloverArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"inducedExports\":"));
  EXPECT_EQ(ParseJson<v1::EstimateSpilloverResponse>(r).induced_exports().units(), 618000000);

  r = Analyze("json", "projection", kStudy, kProjectionArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"requiredExportGrowth\":"));
  EXPECT_THAT(r.out, HasSubstr("\"neverClosesReason\":"));
  EXPECT_EQ(ParseJson<v1::ProjectBalanceResponse>(r).base_year(), 2016);

  r = Analyze("json", "indicators", kStudy, kIndicatorsArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"byProduct\":"));
  EXPECT_EQ(ParseJson<v1::ComputeIndicatorsResponse>(r).values_size(), 2);
}

// CSV is for programs: no status markers and no notes below the rows.
TEST_F(CtradeAnalyzeTest, CsvHasNoStatusMarkers) {
  CommandResult r = Analyze("csv", "growth", kStudy, kGrowthArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "year,value,growth_fraction\n"
            "2010,20920000.00,\n"
            "2013,74040000.00,\n"
            "2014,441290000.00,4.960157\n"
            "2016,289830000.00,\n");

  r = Analyze("csv", "deals", kStudy, kDealsArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("group,key,deals,min,median,max\n"));
  EXPECT_THAT(r.out, HasSubstr("\norigin,CHN,2,"));
  EXPECT_THAT(r.out, AllOf(Not(HasSubstr("~")), Not(HasSubstr("*")), Not(HasSubstr("5.75x"))));

  r = Analyze("csv", "projection", kStudy, kProjectionArgs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("year,exports,imports,balance\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("never closes")));
}

TEST_F(CtradeAnalyzeTest, EachCommandHasHelp) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"growth",
       {"--reporter", "--partner", "--product", "--direction", "--spike-threshold", "--start-year",
        "--end-year", "--currency", "--include-partial", "--scale"}},
      {"exporters", {"--product", "--year", "--a", "--b", "--partner", "--currency", "--scale"}},
      {"deals",
       {"--currency", "--numerator", "--denominator", "--origin-a", "--origin-b", "--scale"}},
      {"spillover", {"--multiplier", "--reporter", "--partner", "--product", "--year", "--scale"}},
      {"projection",
       {"--reporter", "--partner", "--product", "--to-year", "--basis", "--export-growth",
        "--import-growth", "--history-start", "--base-year", "--close-by", "--currency",
        "--scale"}},
      {"indicators",
       {"--indicators", "--year", "--reporter", "--partner", "--product", "--currency"}},
      {"mirror", {"--reporter", "--partner", "--product", "--direction", "--currency", "--scale"}},
  };
  for (const auto& [command, options] : commands) {
    CommandResult help = Ctrade({"analyze", command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command << ": " << help.err;
    EXPECT_THAT(help.out, HasSubstr("Usage: ctrade analyze " + command + " DATASET")) << command;
    for (const std::string& option : options) {
      EXPECT_THAT(help.out, HasSubstr("  " + option + "  ")) << command;
    }
  }
}

TEST_F(CtradeAnalyzeTest, ExitCodesTellWhatWentWrong) {
  // 2: usage errors, caught before any call.
  CommandResult r = Analyze("", "projection", kStudy,
                            {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS",
                             "--to-year", "2030", "--basis", "sideways"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("--basis"));
  EXPECT_EQ(Analyze("", "growth", kStudy,
                    {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS",
                     "--direction", "sideways"})
                .exit_code,
            2);
  EXPECT_EQ(Analyze("", "indicators", kStudy,
                    {"--indicators", "bogus", "--year", "2013", "--reporter", "KOR"})
                .exit_code,
            2);
  EXPECT_EQ(Analyze("", "exporters", kStudy,
                    {"--product", "TV_DRAMAS", "--year", "soon", "--a", "CHN", "--b", "KOR"})
                .exit_code,
            2);
  EXPECT_EQ(Analyze("", "spillover", kStudy, {"--bogus", "1"}).exit_code, 2);
  r = Analyze(
      "", "balance", kStudy,
      {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS", "--scale", "lakhs"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("lakhs"));
  EXPECT_EQ(Ctrade({"analyze", "growth"}).exit_code, 2);  // no dataset

  // 3: invalid arguments and failed preconditions, with what is wrong on stderr.
  r = Analyze("", "growth", kStudy,
              {"--reporter", "China", "--partner", "KOR", "--product", "TV_DRAMAS", "--direction",
               "import"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("reporter: 'China'"));
  r = Analyze("", "indicators", kStudy,
              {"--indicators", "rca", "--year", "2013", "--reporter", "KOR", "--product",
               "TV_DRAMAS", "--currency", "USD"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("WLD"));

  // 4: not found.
  for (const auto& [command, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"growth", kGrowthArgs},
           {"exporters", kExportersArgs},
           {"deals", kDealsArgs},
           {"spillover", kSpilloverArgs},
           {"projection", kProjectionArgs},
           {"indicators", kIndicatorsArgs},
           {"mirror",
            {"--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS", "--direction",
             "import"}}}) {
    r = Analyze("", command, "no-such-dataset", args);
    EXPECT_EQ(r.exit_code, 4) << command << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("no-such-dataset")) << command;
  }
  EXPECT_EQ(Analyze("", "spillover", kStudy,
                    {"--multiplier", "no-such-multiplier", "--reporter", "KOR", "--product",
                     "TV_DRAMAS", "--year", "2013"})
                .exit_code,
            4);
  EXPECT_EQ(Analyze("", "deals", kStudy,
                    {"--currency", "USD", "--numerator", "No Such Title", "--denominator",
                     "You from the Stars"})
                .exit_code,
            4);
}

}  // namespace
}  // namespace culturetrade
