// ctrade end to end: the real binary against a real server, as an analyst would run it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;

class CtradeTest : public testing::CtradeFixture {};

TEST_F(CtradeTest, StudyBalanceTable) {
  CommandResult r = Ctrade({"analyze", "balance", "china-korea-tv-dramas", "--reporter", "CHN",
                            "--partner", "KOR", "--product", "TV_DRAMAS", "--scale", "millions"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("-272.87"));
  EXPECT_THAT(r.out, HasSubstr("74.04*"));
  EXPECT_THAT(r.out, HasSubstr("+496.02%"));
  EXPECT_THAT(r.out, HasSubstr("exports 2010–2016: +26.85% a year (4.07 to 16.96)."));
  EXPECT_THAT(r.out, HasSubstr("imports 2010–2016: +54.98% a year (20.92 to 289.83)."));
}

TEST_F(CtradeTest, DatasetShowsItsCitedFactsWithSources) {
  CommandResult r = Ctrade({"datasets", "get", "china-korea-tv-dramas"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("412 per 100 USD"));
  EXPECT_THAT(r.out, HasSubstr("as high as 75 percent"));
  EXPECT_THAT(r.out, HasSubstr("more than 1.1 percent"));
  EXPECT_THAT(r.out, HasSubstr("up to 50 percent"));
}

TEST_F(CtradeTest, JsonIsTheProtoJsonMapping) {
  CommandResult r = Ctrade({"--format", "json", "analyze", "balance", "china-korea-tv-dramas",
                            "--reporter", "CHN", "--partner", "KOR", "--product", "TV_DRAMAS"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"currencyCode\": \"CNY\""));
  EXPECT_THAT(r.out, HasSubstr("\"units\": \"-272870000\""));
}

TEST_F(CtradeTest, EndpointFromTheEnvironment) {
  setenv("CULTURETRADE_ENDPOINT", server_->endpoint().c_str(), 1);
  CommandResult r = RunCommand({CT_CTRADE_BIN, "datasets", "list"});
  unsetenv("CULTURETRADE_ENDPOINT");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("datasets/china-korea-tv-dramas"));
}

TEST_F(CtradeTest, CreateFromCsvThenAnalyseThenDelete) {
  const std::string csv = dir_ + "/flows.csv";
  std::ofstream(csv) << "\xEF\xBB\xBFyear;direction;value;status\r\n"
                        "2019;export;\"1,000.5\";reported\r\n"
                        "\r\n"
                        "2020;export;1210.605;estimated\r\n"
                        "2020;import;100;\r\n";
  CommandResult created =
      Ctrade({"datasets", "create", "kor-sk1", "--csv", csv, "--reporter", "KOR", "--partner",
              "CHN", "--product", "SK1", "--currency", "USD", "--scale", "thousands"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_THAT(created.out, HasSubstr("datasets/kor-sk1"));

  CommandResult csv_out = Ctrade({"--format", "csv", "analyze", "balance", "kor-sk1", "--reporter",
                                  "KOR", "--partner", "CHN", "--product", "SK1"});
  ASSERT_EQ(csv_out.exit_code, 0) << csv_out.err;
  EXPECT_THAT(csv_out.out, HasSubstr("2020,1210605.00,100000.00,1110605.00"));

  EXPECT_EQ(Ctrade({"datasets", "delete", "kor-sk1"}).exit_code, 0);
  EXPECT_EQ(Ctrade({"datasets", "get", "kor-sk1"}).exit_code, 4);
}

TEST_F(CtradeTest, AppendAddsFlowsAllOrNothing) {
  const std::vector<std::string> pair = {"--reporter", "KOR", "--partner",  "CHN",
                                         "--product",  "SK1", "--currency", "USD"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), pair.begin(), pair.end());
    return args;
  };
  ASSERT_EQ(Ctrade(with({"datasets", "create", "grow", "--csv", "-"}),
                   "year,direction,value\n2020,export,10\n")
                .exit_code,
            0);
  CommandResult appended = Ctrade(with({"datasets", "append", "grow", "--csv", "-", "--etag", "1"}),
                                  "year,direction,value\n2021,export,12\n");
  ASSERT_EQ(appended.exit_code, 0) << appended.err;
  // A stale etag and a repeated flow are both refused, and nothing of them is stored.
  EXPECT_EQ(Ctrade(with({"datasets", "append", "grow", "--csv", "-", "--etag", "1"}),
                   "year,direction,value\n2022,export,13\n")
                .exit_code,
            6);
  EXPECT_EQ(Ctrade(with({"datasets", "append", "grow", "--csv", "-"}),
                   "year,direction,value\n2023,export,1\n2021,export,12\n")
                .exit_code,
            3);
  CommandResult got = Ctrade({"--format", "csv", "analyze", "balance", "grow", "--reporter", "KOR",
                              "--partner", "CHN", "--product", "SK1"});
  EXPECT_THAT(got.out, HasSubstr("2021,12.00"));
  EXPECT_THAT(got.out, ::testing::Not(HasSubstr("2022")));
  EXPECT_THAT(got.out, ::testing::Not(HasSubstr("2023")));
}

// Progress goes to stderr only when it is a terminal: under a pseudo-terminal (script(1))
// the upload shows a bar; with stderr a file, as everywhere else in these tests, nothing.
TEST_F(CtradeTest, ProgressOnlyOnATerminal) {
  const std::string csv = dir_ + "/many.csv";
  {
    std::ofstream out(csv);
    out << "product,year,direction,value\n";
    for (int p = 0; p < 200; ++p) {
      for (int y = 1901; y <= 2100; ++y) out << "P" << p << "," << y << ",export,1\n";
    }
  }
  const std::string args = " --reporter KOR --partner CHN --currency USD --csv " + csv;
  CommandResult tty =
      testing::RunCommand({"/usr/bin/script", "-qec",
                           std::string(CT_CTRADE_BIN) + " --endpoint " + server_->endpoint() +
                               " datasets create on-tty" + args,
                           "/dev/null"});
  ASSERT_EQ(tty.exit_code, 0) << tty.out << tty.err;
  EXPECT_THAT(tty.out, HasSubstr("uploading ["));
  // The bar follows the bytes of the file read, as the upload streams it.
  EXPECT_THAT(tty.out, HasSubstr("] 100% "));
  CommandResult piped = Ctrade({"datasets", "create", "piped", "--reporter", "KOR", "--partner",
                                "CHN", "--currency", "USD", "--csv", csv});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.err, "");
}

TEST_F(CtradeTest, CsvFromStandardInput) {
  CommandResult r = Ctrade({"datasets", "create", "stdin-data", "--csv", "-", "--currency", "USD"},
                           "reporter,partner,product,direction,period,value\n"
                           "KOR,CHN,SK1,X,2020-01,5\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CommandResult got = Ctrade({"datasets", "get", "stdin-data", "--view", "full"});
  EXPECT_THAT(got.out, HasSubstr("2020-01"));
}

TEST_F(CtradeTest, BadCsvRowNamesLineAndColumn) {
  CommandResult r = Ctrade({"datasets", "create", "broken", "--csv", "-", "--reporter", "KOR",
                            "--partner", "CHN", "--product", "SK1", "--currency", "USD"},
                           "year,direction,value\n2020,export,12\n2021,export,twelve\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("line 3, column 'value'"));
  EXPECT_EQ(Ctrade({"datasets", "get", "broken"}).exit_code, 4);
}

TEST_F(CtradeTest, ServerRefusalsPrintEachFieldViolation) {
  CommandResult r = Ctrade(
      {"analyze", "balance", "china-korea-tv-dramas", "--reporter", "China", "--partner", "KOR"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("reporter: 'China' is not an ISO 3166-1 alpha-3 code"));
  EXPECT_THAT(r.err, HasSubstr("product_code:"));
}

TEST_F(CtradeTest, ExitCodesTellWhatWentWrong) {
  EXPECT_EQ(Ctrade({"no", "such"}).exit_code, 2);
  EXPECT_EQ(Ctrade({"datasets", "list", "--bogus", "1"}).exit_code, 2);
  EXPECT_EQ(Ctrade({"datasets", "get", "missing"}).exit_code, 4);
  EXPECT_EQ(Ctrade({"datasets", "create", "china-korea-tv-dramas", "--csv", "-", "--currency",
                    "USD", "--reporter", "KOR", "--partner", "CHN", "--product", "X"},
                   "year,direction,value\n2020,export,1\n")
                .exit_code,
            6);
  CommandResult help = Ctrade({"analyze", "balance", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--reporter"));
  const std::string endpoint = server_->endpoint();
  server_.reset();
  CommandResult down =
      RunCommand({CT_CTRADE_BIN, "--endpoint", endpoint, "--timeout", "2", "datasets", "list"});
  EXPECT_EQ(down.exit_code, 5) << down.err;
}

}  // namespace
}  // namespace culturetrade
