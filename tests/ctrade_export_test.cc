// ctrade datasets export end to end: the real binary against a real server, flows streamed out
// block by block and read back in by `datasets create --csv`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::testing::HasSubstr;

class CtradeExportTest : public testing::CtradeFixture {
 protected:
  // `datasets create ID --csv -` with `csv` on standard input.
  void Create(const std::string& id, const std::string& csv) {
    CommandResult r = Ctrade({"datasets", "create", id, "--csv", "-"}, csv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string Export(const std::string& id, std::vector<std::string> options = {}) {
    std::vector<std::string> args = {"datasets", "export", id};
    args.insert(args.end(), options.begin(), options.end());
    CommandResult r = Ctrade(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

constexpr char kHeader[] =
    "reporter,partner,product,classification,direction,year,month,quarter,value,currency,"
    "status\n";

constexpr char kFlows[] =
    "reporter,partner,product,direction,year,month,value,currency,status\n"
    "CHN,KOR,TV_DRAMAS,export,2020,,\"1,380.25\",CNY,estimated\n"
    "CHN,KOR,TV_DRAMAS,import,2020,3,0.000000001,CNY,\n";

TEST_F(CtradeExportTest, CsvWithExactValues) {
  Create("cny", kFlows);
  EXPECT_EQ(Export("cny"), absl::StrCat(kHeader,
                                        "CHN,KOR,TV_DRAMAS,free,export,2020,,,1380.25,CNY,"
                                        "estimated\n"
                                        "CHN,KOR,TV_DRAMAS,free,import,2020,3,,0.000000001,CNY,"
                                        "reported\n"));
}

TEST_F(CtradeExportTest, JsonLines) {
  Create("cny", kFlows);
  EXPECT_THAT(Export("cny", {"--format", "jsonl"}),
              HasSubstr("{\"reporter\":\"CHN\",\"partner\":\"KOR\",\"product\":\"TV_DRAMAS\","
                        "\"classification\":\"free\",\"direction\":\"import\",\"year\":2020,"
                        "\"month\":3,\"quarter\":0,\"value\":\"0.000000001\",\"currency\":\"CNY\","
                        "\"status\":\"reported\"}\n"));
}

// The study, exported and created again from the export, exports the same; so does a dataset
// of several blocks (8192 flows a block).
TEST_F(CtradeExportTest, AnExportCreatesTheSameDatasetAgain) {
  const std::string study = Export("china-korea-tv-dramas");
  EXPECT_THAT(study, HasSubstr("CHN,KOR,TV_DRAMAS,free,export,2010,,,4070000,CNY,reported\n"));
  Create("study-again", study);
  EXPECT_EQ(Export("study-again"), study);

  std::string many = kHeader;
  for (int i = 0; i < 20'000; ++i) {
    absl::StrAppend(&many, "KOR,CHN,P", i, ",free,export,", 1950 + i % 100, ",", 1 + i % 12, ",,",
                    i, ".5,USD,derived\n");
  }
  Create("many", many);
  const std::string exported = Export("many");
  EXPECT_EQ(std::vector<std::string>(absl::StrSplit(exported, '\n')).size(), 20'002u);
  Create("many-again", exported);
  EXPECT_EQ(Export("many-again"), exported);
}

TEST_F(CtradeExportTest, AnOutputFileAppearsOnlyWhole) {
  Create("cny", kFlows);
  const std::string path = dir_ + "/cny.csv";
  CommandResult r = Ctrade({"datasets", "export", "cny", "--output", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "exported 2 flows of datasets/cny to " + path + "\n");
  std::stringstream file;
  file << std::ifstream(path).rdbuf();
  EXPECT_EQ(file.str(), Export("cny"));

  const std::string missing = dir_ + "/missing.csv";
  EXPECT_EQ(Ctrade({"datasets", "export", "missing", "--output", missing}).exit_code, 4);
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_FALSE(std::filesystem::exists(missing + ".part"));
}

TEST_F(CtradeExportTest, Mistakes) {
  CommandResult json = Ctrade({"datasets", "export", "cny", "--format", "json"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_THAT(json.err, HasSubstr("--format is csv or jsonl, not 'json'"));
  EXPECT_EQ(Ctrade({"datasets", "export"}).exit_code, 2);
  EXPECT_THAT(Ctrade({"--help"}).out, HasSubstr("datasets export DATASET"));
}

TEST_F(CtradeExportTest, AppendDryRunSendsNothing) {
  Create("cny", kFlows);
  const std::string more =
      "reporter,partner,product,direction,year,value,currency\n"
      "CHN,KOR,TV_DRAMAS,export,2021,10,CNY\n";
  CommandResult r = Ctrade({"datasets", "append", "cny", "--csv", "-", "--dry-run"}, more);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("dry run: would add 1 flow to datasets/cny; nothing was sent"));
  EXPECT_THAT(Ctrade({"datasets", "get", "cny"}).out, HasSubstr("flows           2"));
  ASSERT_EQ(Ctrade({"datasets", "append", "cny", "--csv", "-"}, more).exit_code, 0);
  EXPECT_THAT(Export("cny"), HasSubstr("CHN,KOR,TV_DRAMAS,free,export,2021,,,10,CNY,reported\n"));
}

}  // namespace
}  // namespace culturetrade
