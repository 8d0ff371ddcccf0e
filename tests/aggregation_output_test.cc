// ctrade's options for aggregation and its tables of an AggregationReport, without a server.
#include "client/ctrade/aggregation_output.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "culturetrade/v1/analysis_service.pb.h"

namespace culturetrade::ctrade {
namespace {

using ::testing::HasSubstr;

CommandLine Args(const std::vector<std::string>& args) { return *CommandLine::Parse(args, {}); }

TEST(SetAggregation, SetsTheRequestsField) {
  const CommandLine args = Args({"--concordance", "domains", "--constant-prices", "kor-cpi:2015"});
  OptionReader o(args);
  v1::AnalyzeGrowthRequest r;
  ASSERT_TRUE(SetAggregation(o, r).ok());
  EXPECT_EQ(r.aggregation().product_concordance(), "domains");
  EXPECT_EQ(r.aggregation().price_index(), "kor-cpi");
  EXPECT_EQ(r.aggregation().base_year(), 2015);
}

TEST(SetAggregation, NothingGivenLeavesItUnset) {
  const CommandLine args = Args({});
  OptionReader o(args);
  v1::AnalyzeBalanceRequest r;
  ASSERT_TRUE(SetAggregation(o, r).ok());
  EXPECT_FALSE(r.has_aggregation());
}

TEST(SetAggregation, MalformedConstantPrices) {
  for (const char* bad : {"kor-cpi", ":2015", "kor-cpi:base"}) {
    const CommandLine args = Args({"--constant-prices", bad});
    OptionReader o(args);
    v1::AnalyzeBalanceRequest r;
    absl::Status s = SetAggregation(o, r);
    EXPECT_TRUE(IsUsageError(s)) << bad;
    EXPECT_THAT(s.message(), HasSubstr("INDEX:BASE_YEAR")) << bad;
  }
}

v1::AnalyzeBalanceResponse Answer() {
  v1::AnalyzeBalanceResponse r;
  v1::AggregationReport& a = *r.mutable_aggregation();
  for (int year : {2004, 2005}) {
    v1::GroupComposition& g = *a.add_groups();
    g.set_group("EUU");
    g.set_year(year);
    g.add_contributing_members("DEU");
    g.add_contributing_members("POL");
    g.add_silent_members("FRA");
  }
  v1::UnmappedProduct& p = *a.add_unmapped_products();
  p.set_product_code("950450");
  p.set_flows(2);
  p.mutable_value()->set_currency_code("USD");
  p.mutable_value()->set_units(120000);
  v1::ConstantPrices& c = *a.mutable_constant_prices();
  c.set_price_index("kor-cpi");
  c.set_display_name("Korea CPI");
  c.set_base_year(2005);
  c.set_base_value("87.3");
  return r;
}

TEST(PrintAggregation, ForPeople) {
  std::ostringstream out;
  PrintAggregation(Answer(), Format::kTable, out);
  EXPECT_THAT(out.str(), HasSubstr("GROUP  YEAR       MEMBERS  CONTRIBUTING  SILENT\n"
                                   "EUU    2004-2005        3  DEU POL       FRA\n"));
  EXPECT_THAT(out.str(), HasSubstr("950450      2  120,000.00  USD"));
  EXPECT_THAT(out.str(), HasSubstr("constant prices of 2005: each year's value times 87.3"));
}

TEST(PrintAggregation, ForScriptsAYearARow) {
  std::ostringstream out;
  PrintAggregation(Answer(), Format::kCsv, out);
  EXPECT_EQ(out.str(),
            "\ngroup,year,members,contributing,silent\n"
            "EUU,2004,3,DEU POL,FRA\n"
            "EUU,2005,3,DEU POL,FRA\n"
            "\nproduct,flows,value,currency\n"
            "950450,2,120000.00,USD\n"
            "\nprice_index,name,base_year,base_value\n"
            "kor-cpi,Korea CPI,2005,87.3\n");
}

TEST(PrintAggregation, NoneWithoutAReport) {
  std::ostringstream out;
  PrintAggregation(v1::AnalyzeBalanceResponse(), Format::kTable, out);
  PrintAggregation(v1::AnalyzeDealPricesResponse(), Format::kCsv, out);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace culturetrade::ctrade
