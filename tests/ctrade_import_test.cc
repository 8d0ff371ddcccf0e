// ctrade's CSV import end to end: the real binary and a real server, with the files analysts
// bring (a statistical office's wide table, a Comtrade download, a central bank's daily rates).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "absl/strings/str_cat.h"
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

class CtradeImportTest : public testing::CtradeFixture {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

// A statistical office's monthly table: `;`, CRLF, a BOM, `January 2001` months, thousands of
// USD with thousands separators, and a balance column that is not read. Exports are 1,187.5 a
// month in 2001 and 1,250.25 in 2002, imports 1,000 and 900.
std::string OfficeTable() {
  const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};
  std::string text = "\xEF\xBB\xBFMonth;Exports (thousand USD);Imports (thousand USD);Balance\r\n";
  for (const char* month : months) {
    absl::StrAppend(&text, month, " 2001;1,187.5;\"1,000\";187.5\r\n");
  }
  text += "\r\n";
  for (const char* month : months) absl::StrAppend(&text, month, " 2002;1,250.25;900;350.25\r\n");
  return text + "Source: statistical office;;;\r\n";
}

TEST_F(CtradeImportTest, WideMonthlyTableThenBalance) {
  const std::string csv = Write("office.csv", OfficeTable());
  CommandResult created =
      Ctrade({"datasets", "create", "kor-office", "--csv", csv, "--reporter", "KOR", "--partner",
              "CHN", "--product", "SK1", "--currency", "USD", "--scale", "thousands"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_THAT(created.out, HasSubstr("48"));

  CommandResult balance =
      Ctrade({"--format", "csv", "analyze", "balance", "kor-office", "--reporter", "KOR",
              "--partner", "CHN", "--product", "SK1", "--scale", "thousands"});
  ASSERT_EQ(balance.exit_code, 0) << balance.err;
  // 12 x 1,187.5 = 14,250 and 12 x 1,000 = 12,000; 12 x 1,250.25 = 15,003 and 12 x 900 = 10,800.
  EXPECT_THAT(balance.out, HasSubstr("2001,14250.00,12000.00,2250.00,26250.00"));
  EXPECT_THAT(balance.out, HasSubstr("2002,15003.00,10800.00,4203.00,25803.00"));
  // Growth as a plain fraction: 15,003 / 14,250 - 1; 10,800 / 12,000 - 1.
  EXPECT_THAT(balance.out, HasSubstr(",0.052842,-0.100000"));
}

constexpr char kComtrade[] =
    "typeCode,freqCode,refYear,refMonth,period,reporterCode,reporterISO,flowCode,partnerCode,"
    "partnerISO,classificationCode,cmdCode,primaryValue,isReported,isAggregate\n"
    "C,A,2019,52,2019,410,KOR,X,0,W00,H5,8523,1000000,true,true\n"
    "C,A,2019,52,2019,410,KOR,M,0,W00,H5,8523,400000,true,true\n"
    "C,A,2020,52,2020,410,KOR,X,0,,H5,8523,1500000,false,true\n"
    "C,A,2020,52,2020,410,KOR,M,0,WLD,H5,8523,500000.5,true,true\n";

TEST_F(CtradeImportTest, ComtradeDownload) {
  CommandResult created = Ctrade({"datasets", "create", "kor-8523", "--csv", "-"}, kComtrade);
  ASSERT_EQ(created.exit_code, 0) << created.err;

  CommandResult balance = Ctrade({"analyze", "balance", "kor-8523", "--reporter", "KOR",
                                  "--partner", "WLD", "--product", "8523", "--scale", "units"});
  ASSERT_EQ(balance.exit_code, 0) << balance.err;
  EXPECT_THAT(balance.out, HasSubstr("1,500,000.00~"));  // isReported false: estimated
  EXPECT_THAT(balance.out, HasSubstr("999,999.50"));
  EXPECT_THAT(balance.out, HasSubstr("South Korea (KOR) with World (WLD), 8523: amounts in USD"));

  CommandResult full = Ctrade({"datasets", "get", "kor-8523", "--view", "full"});
  EXPECT_THAT(full.out, HasSubstr("estimated"));
  EXPECT_THAT(full.out, Not(HasSubstr("W00")));
}

TEST_F(CtradeImportTest, DryRunShowsTheReadingAndSendsNothing) {
  const std::string csv = Write("office.csv", OfficeTable());
  // An endpoint where nothing listens: a dry run must not need the server.
  CommandResult r =
      RunCommand({CT_CTRADE_BIN, "--endpoint", "127.0.0.1:1", "--timeout", "2",          "datasets",
                  "create",      "kor-office", "--csv",       csv,         "--reporter", "KOR",
                  "--partner",   "CHN",        "--product",   "SK1",       "--currency", "USD",
                  "--scale",     "thousands",  "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("wide (detected from the header) layout, delimiter ;, 25 rows"));
  EXPECT_THAT(r.out, HasSubstr("Month                   period"));
  EXPECT_THAT(r.out, HasSubstr("Exports (thousand USD)  exports of the reporter"));
  EXPECT_THAT(r.out, HasSubstr("Balance                 ignored"));
  EXPECT_THAT(r.out, HasSubstr("values in thousands (--scale)"));
  EXPECT_THAT(r.out, HasSubstr("REPORTER  PARTNER  PRODUCT  DIRECTION  PERIOD"));
  EXPECT_THAT(r.out, HasSubstr("KOR       CHN      SK1      export     2001-01  1187500.00  USD"));
  EXPECT_THAT(r.out, HasSubstr("KOR       CHN      SK1      import     2001-05  1000000.00  USD"));
  EXPECT_THAT(r.out, Not(HasSubstr("2001-06")));  // ten flows: January to May
  EXPECT_THAT(r.out, HasSubstr("first 10 of 48 flows"));
  EXPECT_THAT(r.out, HasSubstr("nothing was sent to the server"));

  CommandResult real =
      Ctrade({"datasets", "create", "kor-office", "--csv", csv, "--reporter", "KOR", "--partner",
              "CHN", "--product", "SK1", "--currency", "USD", "--dry-run"});
  ASSERT_EQ(real.exit_code, 0) << real.err;
  EXPECT_EQ(Ctrade({"datasets", "get", "kor-office"}).exit_code, 4);
}

TEST_F(CtradeImportTest, SkipBadSkipsCountsAndStillCreates) {
  const std::string text =
      "year,direction,value\n2019,export,10\n2020,export,\"12,5\"\n2020,import,8\n"
      "2021,sideways,9\n2021,export,11\n";
  const std::vector<std::string> args = {
      "datasets",  "create", "kor-sk1",   "--csv", "-",          "--reporter", "KOR",
      "--partner", "CHN",    "--product", "SK1",   "--currency", "USD"};
  CommandResult refused = Ctrade(args, text);
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_THAT(refused.err, HasSubstr("line 3, column 'value': '12,5'"));
  EXPECT_EQ(Ctrade({"datasets", "get", "kor-sk1"}).exit_code, 4);

  std::vector<std::string> skipping = args;
  skipping.push_back("--skip-bad");
  CommandResult r = Ctrade(skipping, text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("skipped 2 bad rows (first: line 3, column 'value': '12,5'"));
  CommandResult got = Ctrade({"datasets", "get", "kor-sk1"});
  EXPECT_THAT(got.out, HasSubstr("flows           3"));

  CommandResult all_bad = Ctrade(skipping, "year,direction,value\n2019,export,x\n");
  EXPECT_EQ(all_bad.exit_code, 3);
  EXPECT_THAT(all_bad.err, HasSubstr("no row could be read: 1 bad (first: line 2"));
}

// A central bank's daily table: CNY and KRW per USD, with holidays left blank or marked.
constexpr char kDailyRates[] =
    "Date;CNY;KRW\n"
    "2020-01-02;6.4;1,150.00\n"
    "2020-01-03;n/a;1,160.00\n"
    "2020-01-06;7.3;\n"
    "2020-01-07;-;ND\n"
    "2020-01-08;7.0;1,170.00\n";

constexpr char kCnyFlows[] =
    "reporter,partner,product,direction,year,value,currency\n"
    "CHN,KOR,TV_DRAMAS,export,2020,\"1,380\",CNY\n"
    "CHN,KOR,TV_DRAMAS,import,2020,345,CNY\n";

// 2020 has only daily USD/CNY rates, so its rate is their mean over the days that have one:
// (6.4 + 7.3 + 7.0) / 3 = 6.9 CNY per USD. Exports 1,380 / 6.9 = 200 USD, imports
// 345 / 6.9 = 50 USD, balance 150 USD.
constexpr char kBalanceInUsd[] = "2020,200.00,50.00,150.00,250.00";

TEST_F(CtradeImportTest, RatesImportCopiesTheDatasetWithTheRatesAdded) {
  const std::string rates = Write("daily.csv", kDailyRates);
  ASSERT_EQ(Ctrade({"datasets", "create", "cny-flows", "--csv", "-"}, kCnyFlows).exit_code, 0);

  CommandResult imported = Ctrade(
      {"rates", "import", "cny-flows-usd", "--from", "cny-flows", "--csv", rates, "--base", "USD"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("datasets/cny-flows-usd"));

  CommandResult balance =
      Ctrade({"--format", "csv", "analyze", "balance", "cny-flows-usd", "--reporter", "CHN",
              "--partner", "KOR", "--product", "TV_DRAMAS", "--currency", "USD"});
  ASSERT_EQ(balance.exit_code, 0) << balance.err;
  EXPECT_THAT(balance.out, HasSubstr(kBalanceInUsd));

  EXPECT_THAT(Ctrade({"datasets", "get", "cny-flows-usd"}).out, HasSubstr("exchange_rates  6"));
  // The copied dataset is as it was: stored datasets do not change.
  EXPECT_THAT(Ctrade({"datasets", "get", "cny-flows"}).out, HasSubstr("exchange_rates  0"));
  EXPECT_EQ(Ctrade({"--format", "csv", "analyze", "balance", "cny-flows", "--reporter", "CHN",
                    "--partner", "KOR", "--product", "TV_DRAMAS", "--currency", "USD"})
                .exit_code,
            3);
}

TEST_F(CtradeImportTest, CreateWithFlowsAndRatesAtOnce) {
  const std::string flows = Write("flows.csv", kCnyFlows);
  const std::string rates = Write("daily.csv", kDailyRates);
  CommandResult created =
      Ctrade({"datasets", "create", "cny-usd", "--csv", flows, "--rates", rates, "--base", "USD"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  CommandResult balance =
      Ctrade({"--format", "csv", "analyze", "balance", "cny-usd", "--reporter", "CHN", "--partner",
              "KOR", "--product", "TV_DRAMAS", "--currency", "USD"});
  ASSERT_EQ(balance.exit_code, 0) << balance.err;
  EXPECT_THAT(balance.out, HasSubstr(kBalanceInUsd));
}

TEST_F(CtradeImportTest, RatesImportMistakes) {
  const std::string rates = Write("daily.csv", kDailyRates);
  EXPECT_EQ(Ctrade({"rates", "import", "new", "--csv", rates, "--base", "USD"}).exit_code, 2);
  CommandResult missing =
      Ctrade({"rates", "import", "new", "--from", "nowhere", "--csv", rates, "--base", "USD"});
  EXPECT_EQ(missing.exit_code, 4);
  CommandResult no_base =
      Ctrade({"rates", "import", "new", "--from", "china-korea-tv-dramas", "--csv", rates});
  EXPECT_EQ(no_base.exit_code, 3);
  EXPECT_THAT(no_base.err, HasSubstr("column 'CNY' names a single currency"));
  CommandResult help = Ctrade({"rates", "import", "--help"});
  EXPECT_THAT(help.out, HasSubstr("not be atomic"));
}

}  // namespace
}  // namespace culturetrade
