// Economy groups, product concordances and constant prices through ctrade end to end: the
// tables go in with `datasets create` from CSV files shaped as analysts get them, the analyses
// run through `analyze`, and each expected figure is computed here by hand from the sample.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "google/protobuf/util/json_util.h"
#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAreArray;

class CtradeAggregationTest : public testing::CtradeFixture {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // `ctrade --format json analyze ARGS...`, parsed.
  template <typename Response>
  Response AnalyzeJson(std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json", "analyze"});
    CommandResult r = Ctrade(args);
    Response response;
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &response).ok()) << r.out;
    return response;
  }
};

double Amount(const google::type::Money& m) { return m.units() + m.nanos() / 1e9; }

// ---- (a) Korea with the EU across the 2004 enlargement ----

// The EU-15 and the ten economies that joined on 1 May 2004, which count as members for all of
// 2004 (the API's rule: a member in every year it was one on any day of).
const std::vector<std::string> kEu15 = {"AUT", "BEL", "DEU", "DNK", "ESP", "FIN", "FRA", "GBR",
                                        "GRC", "IRL", "ITA", "LUX", "NLD", "PRT", "SWE"};
const std::vector<std::string> kJoined2004 = {"CYP", "CZE", "EST", "HUN", "LTU",
                                              "LVA", "MLT", "POL", "SVK", "SVN"};

// Korea's exports of HS 8528 (television receivers) in thousands of USD, as a statistical
// office's long table gives them: to two old members, to two that joined in 2004, and to the
// United States, which is no member.
constexpr char kKoreaEu[] =
    "reporter,partner,product,direction,year,value,currency\n"
    "KOR,DEU,8528,export,2003,1200,USD\n"
    "KOR,FRA,8528,export,2003,800,USD\n"
    "KOR,POL,8528,export,2003,150,USD\n"
    "KOR,USA,8528,export,2003,5000,USD\n"
    "KOR,DEU,8528,export,2004,1300,USD\n"
    "KOR,FRA,8528,export,2004,900,USD\n"
    "KOR,POL,8528,export,2004,210,USD\n"
    "KOR,HUN,8528,export,2004,95,USD\n"
    "KOR,USA,8528,export,2004,5200,USD\n"
    "KOR,DEU,8528,import,2004,40,USD\n";

std::vector<std::string> Without(const std::vector<std::string>& all,
                                 const std::set<std::string>& out) {
  std::vector<std::string> kept;
  for (const std::string& e : all) {
    if (out.count(e) == 0) kept.push_back(e);
  }
  return kept;
}

TEST_F(CtradeAggregationTest, KoreaWithTheEuAcrossTheEnlargement) {
  const std::string csv = Write("kor-eu.csv", kKoreaEu);
  CommandResult created =
      Ctrade({"datasets", "create", "kor-eu", "--csv", csv, "--scale", "thousands"});
  ASSERT_EQ(created.exit_code, 0) << created.err;

  const auto r = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "kor-eu", "--reporter", "KOR", "--partner", "EUU", "--product", "8528"});
  // 2003: DEU and FRA only (POL joined in 2004); 2004: DEU, FRA, POL and HUN. Never the USA.
  const double exports_2003 = (1200 + 800) * 1000.0;
  const double exports_2004 = (1300 + 900 + 210 + 95) * 1000.0;
  ASSERT_EQ(r.years_size(), 2);
  EXPECT_EQ(r.years(0).year(), 2003);
  EXPECT_THAT(Amount(r.years(0).exports()), DoubleNear(exports_2003, 1e-9));
  EXPECT_THAT(Amount(r.years(1).exports()), DoubleNear(exports_2004, 1e-9));
  EXPECT_THAT(Amount(r.years(1).imports()), DoubleNear(40 * 1000.0, 1e-9));

  std::vector<std::string> eu25 = kEu15;
  eu25.insert(eu25.end(), kJoined2004.begin(), kJoined2004.end());
  ASSERT_EQ(r.aggregation().groups_size(), 2);
  const v1::GroupComposition& y2003 = r.aggregation().groups(0);
  const v1::GroupComposition& y2004 = r.aggregation().groups(1);
  EXPECT_EQ(y2003.group(), "EUU");
  EXPECT_EQ(y2003.year(), 2003);
  EXPECT_THAT(y2003.contributing_members(), UnorderedElementsAreArray({"DEU", "FRA"}));
  EXPECT_THAT(y2003.silent_members(), UnorderedElementsAreArray(Without(kEu15, {"DEU", "FRA"})));
  EXPECT_EQ(y2004.year(), 2004);
  EXPECT_THAT(y2004.contributing_members(),
              UnorderedElementsAreArray({"DEU", "FRA", "HUN", "POL"}));
  EXPECT_THAT(y2004.silent_members(),
              UnorderedElementsAreArray(Without(eu25, {"DEU", "FRA", "HUN", "POL"})));

  // For people: the members by year under the balance.
  CommandResult table = Ctrade({"analyze", "balance", "kor-eu", "--reporter", "KOR", "--partner",
                                "EUU", "--product", "8528"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("GROUP  YEAR  MEMBERS  CONTRIBUTING"));
  EXPECT_THAT(table.out, HasSubstr("EUU    2004       25  "));
  EXPECT_THAT(table.out, HasSubstr("EUU    2003       15  "));
  // For scripts: a row a year.
  CommandResult csv_out = Ctrade({"--format", "csv", "analyze", "balance", "kor-eu", "--reporter",
                                  "KOR", "--partner", "EUU", "--product", "8528"});
  ASSERT_EQ(csv_out.exit_code, 0) << csv_out.err;
  EXPECT_THAT(csv_out.out, HasSubstr("\ngroup,year,members,contributing,silent\nEUU,2003,15,"));
}

// The report names the group's members in each run of years.
TEST_F(CtradeAggregationTest, ReportListsTheGroupsMembers) {
  const std::string csv = Write("kor-eu.csv", kKoreaEu);
  ASSERT_EQ(Ctrade({"datasets", "create", "kor-eu", "--csv", csv}).exit_code, 0);
  const std::string out_dir = dir_ + "/report";
  CommandResult r = Ctrade({"report", "kor-eu", "--reporter", "KOR", "--partner", "EUU",
                            "--product", "8528", "--out-dir", out_dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream md(out_dir + "/report.md");
  const std::string text{std::istreambuf_iterator<char>(md), std::istreambuf_iterator<char>()};
  EXPECT_THAT(text, HasSubstr("Members of the economy groups by year"));
  EXPECT_THAT(text, HasSubstr("| EUU | 2004 |"));
}

// ---- (b) HS6 flows into groups through a concordance with a split code ----

// Korea's trade with China by HS6 code in USD. 852580 (television cameras) splits 1/4 into
// AUDIOVISUAL and 3/4 into DESIGN; 950450 (video game consoles) is not in the concordance.
constexpr char kKoreaChinaHs6[] =
    "reporter,partner,product,classification,direction,year,value,currency\n"
    "KOR,CHN,852580,hs,export,2019,1200000,USD\n"
    "KOR,CHN,970110,hs,export,2019,300000,USD\n"
    "KOR,CHN,950450,hs,export,2019,50000,USD\n"
    "KOR,CHN,852580,hs,import,2019,400000,USD\n"
    "KOR,CHN,852580,hs,export,2020,2000000,USD\n"
    "KOR,CHN,970110,hs,export,2020,500000,USD\n"
    "KOR,CHN,950450,hs,export,2020,70000,USD\n"
    "KOR,CHN,852580,hs,import,2020,800000,USD\n";

// As a correlation table names its columns.
constexpr char kConcordance[] =
    "HS6,Domain,Share\n"
    "852580,AUDIOVISUAL,0.25\n"
    "852580,DESIGN,0.75\n"
    "970110,VISUAL_ARTS,\n";

TEST_F(CtradeAggregationTest, Hs6IntoGroupsWithASplitCode) {
  const std::string flows = Write("kor-chn-hs6.csv", kKoreaChinaHs6);
  const std::string table = Write("domains.csv", kConcordance);
  CommandResult created =
      Ctrade({"datasets", "create", "kor-chn", "--csv", flows, "--concordance",
              absl::StrCat("domains=", table, ",product=HS6,group=Domain,weight=Share")});
  ASSERT_EQ(created.exit_code, 0) << created.err;

  const auto r = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "kor-chn", "--reporter", "KOR", "--partner", "CHN", "--product", "AUDIOVISUAL",
       "--concordance", "domains"});
  ASSERT_EQ(r.years_size(), 2);
  EXPECT_THAT(Amount(r.years(0).exports()), DoubleNear(1200000 / 4.0, 1e-9));
  EXPECT_THAT(Amount(r.years(0).imports()), DoubleNear(400000 / 4.0, 1e-9));
  EXPECT_THAT(Amount(r.years(1).exports()), DoubleNear(2000000 / 4.0, 1e-9));
  EXPECT_THAT(Amount(r.years(1).imports()), DoubleNear(800000 / 4.0, 1e-9));
  ASSERT_EQ(r.aggregation().unmapped_products_size(), 1);
  const v1::UnmappedProduct& unmapped = r.aggregation().unmapped_products(0);
  EXPECT_EQ(unmapped.product_code(), "950450");
  EXPECT_EQ(unmapped.flows(), 2);
  EXPECT_THAT(Amount(unmapped.value()), DoubleNear(50000 + 70000, 1e-9));
  EXPECT_EQ(unmapped.value().currency_code(), "USD");

  const auto design = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "kor-chn", "--reporter", "KOR", "--partner", "CHN", "--product", "DESIGN",
       "--concordance", "domains"});
  ASSERT_EQ(design.years_size(), 2);
  EXPECT_THAT(Amount(design.years(0).exports()), DoubleNear(1200000 * 0.75, 1e-9));

  CommandResult text = Ctrade({"analyze", "balance", "kor-chn", "--reporter", "KOR", "--partner",
                               "CHN", "--product", "AUDIOVISUAL", "--concordance", "domains"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Products the concordance does not map"));
  EXPECT_THAT(text.out, HasSubstr("950450      2  120,000.00  USD"));
}

// ---- (c) growth in constant prices ----

// As the World Bank's WDI download gives FP.CPI.TOTL (2010 = 100): four lines before the
// header, a trailing comma, blank early years.
constexpr char kWdiCpi[] =
    "\"Data Source\",\"World Development Indicators\",\n"
    "\n"
    "\"Last Updated Date\",\"2024-06-28\",\n"
    "\n"
    "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1960\","
    "\"2003\",\"2004\",\"2005\",\n"
    "\"China\",\"CHN\",\"Consumer price index (2010 = 100)\",\"FP.CPI.TOTL\",\"\",\"75.1\","
    "\"78.2\",\"79.6\",\n"
    "\"Korea, Rep.\",\"KOR\",\"Consumer price index (2010 = 100)\",\"FP.CPI.TOTL\",\"\","
    "\"82.0\",\"85.0\",\"87.3\",\n";

constexpr char kKoreaDramas[] =
    "reporter,partner,product,direction,year,value,currency\n"
    "KOR,CHN,TV_DRAMAS,export,2003,1000000,KRW\n"
    "KOR,CHN,TV_DRAMAS,export,2004,1200000,KRW\n"
    "KOR,CHN,TV_DRAMAS,export,2005,1300000,KRW\n";

TEST_F(CtradeAggregationTest, GrowthInConstantPrices) {
  const std::string flows = Write("dramas.csv", kKoreaDramas);
  const std::string cpi = Write("API_FP.CPI.TOTL_DS2_en_csv_v2.csv", kWdiCpi);
  CommandResult created =
      Ctrade({"datasets", "create", "kor-dramas", "--csv", flows, "--price-index",
              absl::StrCat("kor-cpi=", cpi, ",country=KOR"), "--price-index-currency", "KRW"});
  ASSERT_EQ(created.exit_code, 0) << created.err;

  const auto r = AnalyzeJson<v1::AnalyzeGrowthResponse>(
      {"growth", "kor-dramas", "--reporter", "KOR", "--partner", "CHN", "--product", "TV_DRAMAS",
       "--direction", "export", "--constant-prices", "kor-cpi:2005"});
  // Real value = nominal x CPI(2005) / CPI(year).
  const double real_2003 = 1000000 * 87.3 / 82.0;
  const double real_2004 = 1200000 * 87.3 / 85.0;
  const double real_2005 = 1300000;
  ASSERT_EQ(r.years_size(), 3);
  EXPECT_THAT(Amount(r.years(0).value()), DoubleNear(real_2003, 1e-6));
  EXPECT_THAT(Amount(r.years(1).value()), DoubleNear(real_2004, 1e-6));
  EXPECT_THAT(Amount(r.years(2).value()), DoubleNear(real_2005, 1e-6));
  EXPECT_THAT(r.years(1).growth(), DoubleNear(real_2004 / real_2003 - 1, 1e-9));  // +15.76 %
  EXPECT_THAT(r.years(2).growth(), DoubleNear(real_2005 / real_2004 - 1, 1e-9));  // +5.48 %
  const v1::ConstantPrices& basis = r.aggregation().constant_prices();
  EXPECT_EQ(basis.price_index(), "kor-cpi");
  EXPECT_EQ(basis.display_name(), "Korea, Rep.: Consumer price index (2010 = 100)");
  EXPECT_EQ(basis.base_year(), 2005);
  EXPECT_EQ(basis.base_value(), "87.3");

  CommandResult text = Ctrade({"analyze", "growth", "kor-dramas", "--reporter", "KOR", "--partner",
                               "CHN", "--product", "TV_DRAMAS", "--direction", "export",
                               "--constant-prices", "kor-cpi:2005"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Amounts are in constant prices of 2005"));
}

// ---- What ctrade refuses before anything is sent ----

TEST_F(CtradeAggregationTest, BadTablesAreRefusedNamingFileLineAndColumn) {
  const std::string flows = Write("dramas.csv", kKoreaDramas);
  const std::string groups = Write("groups.csv",
                                   "group,economy,first_year,last_year\n"
                                   "EAST_ASIA,CHN,,\n"
                                   "EAST_ASIA,Japan,,\n");
  CommandResult r = Ctrade({"datasets", "create", "x", "--csv", flows, "--groups", groups});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(absl::StrCat(groups, ": line 3, column 'economy': 'Japan'")));

  const std::string cpi = Write("cpi.csv", "year,value\n2004,85\n");
  r = Ctrade(
      {"datasets", "create", "x", "--csv", flows, "--price-index", absl::StrCat("kor-cpi=", cpi)});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--price-index kor-cpi needs the currency it deflates"));
  r = Ctrade({"datasets", "create", "x", "--csv", flows, "--concordance",
              absl::StrCat("domains=", cpi, ",colour=red")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown setting 'colour'"));
  r = Ctrade({"analyze", "growth", "x", "--direction", "export", "--constant-prices", "kor-cpi"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--constant-prices is INDEX:BASE_YEAR"));
}

// A group the dataset defines, from a file, used as a partner; the dry run shows what the file
// held and sends nothing.
TEST_F(CtradeAggregationTest, DatasetGroupFromFile) {
  const std::string flows = Write("kor-eu.csv", kKoreaEu);
  const std::string groups = Write("groups.csv",
                                   "group,economy,first_year,last_year,group_name\n"
                                   "CORE_EU,DEU,,,Germany and France\n"
                                   "CORE_EU,FRA,,,\n"
                                   "CORE_EU,POL,2004,,\n");
  CommandResult dry =
      Ctrade({"datasets", "create", "kor-core", "--csv", flows, "--groups", groups, "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr(": 1 economy group (CORE_EU), 3 membership spells"));
  ASSERT_EQ(
      Ctrade({"datasets", "create", "kor-core", "--csv", flows, "--groups", groups}).exit_code, 0);
  const auto r = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "kor-core", "--reporter", "KOR", "--partner", "CORE_EU", "--product", "8528"});
  ASSERT_EQ(r.years_size(), 2);
  EXPECT_THAT(Amount(r.years(0).exports()), DoubleNear(1200 + 800, 1e-9));        // no POL yet
  EXPECT_THAT(Amount(r.years(1).exports()), DoubleNear(1300 + 900 + 210, 1e-9));  // no HUN
}

// HS 2022 flows into HS 2007 with the table culturetrade ships, named by its id alone. The
// expected groups are rows 4924, 4925 and 5595 of import/data/hs_concordances/hs2022_to_hs2007.csv
// (UNSD's conversion sheet): 852842 and 852849 both convert to 852849, 970121 to 970110.
TEST_F(CtradeAggregationTest, BuiltinHs2022ToHs2007ByItsId) {
  const std::string flows = Write("kor-chn-hs2022.csv",
                                  "reporter,partner,product,direction,year,value,currency\n"
                                  "KOR,CHN,852842,export,2022,100,USD\n"
                                  "KOR,CHN,852849,export,2022,50,USD\n"
                                  "KOR,CHN,970121,export,2022,30,USD\n"
                                  "KOR,CHN,ZZ0001,export,2022,7,USD\n");
  CommandResult dry = Ctrade({"datasets", "create", "hs2022", "--csv", flows, "--concordance",
                              "hs2022-to-hs2007", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr("built in: concordance hs2022-to-hs2007, 5613 mappings"));
  ASSERT_EQ(
      Ctrade({"datasets", "create", "hs2022", "--csv", flows, "--concordance", "hs2022-to-hs2007"})
          .exit_code,
      0);
  const auto monitors = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "hs2022", "--reporter", "KOR", "--partner", "CHN", "--product", "852849",
       "--concordance", "hs2022-to-hs2007"});
  ASSERT_EQ(monitors.years_size(), 1);
  EXPECT_THAT(Amount(monitors.years(0).exports()), DoubleNear(100 + 50, 1e-9));
  ASSERT_EQ(monitors.aggregation().unmapped_products_size(), 1);
  EXPECT_EQ(monitors.aggregation().unmapped_products(0).product_code(), "ZZ0001");
  const auto paintings = AnalyzeJson<v1::AnalyzeBalanceResponse>(
      {"balance", "hs2022", "--reporter", "KOR", "--partner", "CHN", "--product", "970110",
       "--concordance", "hs2022-to-hs2007"});
  ASSERT_EQ(paintings.years_size(), 1);
  EXPECT_THAT(Amount(paintings.years(0).exports()), DoubleNear(30, 1e-9));

  CommandResult unknown = Ctrade({"datasets", "create", "x", "--csv", flows, "--concordance",
                                  "hs1992-to-hs2007", "--dry-run"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("hs1992-to-hs2007"));
}

}  // namespace
}  // namespace culturetrade
