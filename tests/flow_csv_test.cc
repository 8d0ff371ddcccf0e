// The flow importer on strings: reading rules, every period format, every layout.
#include "import/flow_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace culturetrade::import {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::StatusOr<FlowCsv> Read(const std::string& text, const FlowCsvDefaults& d = {}) {
  std::istringstream in(text);
  return ReadFlowsCsv(in, d);
}

FlowCsvDefaults KorChnSk1(const std::string& currency = "USD") {
  FlowCsvDefaults d;
  d.reporter = "KOR";
  d.partner = "CHN";
  d.product = "SK1";
  d.currency = currency;
  return d;
}

std::string Units(const v1::TradeFlow& f) {
  return absl::StrCat(f.value().units(), ".", f.value().nanos(), " ", f.value().currency_code());
}

std::string PeriodOf(absl::string_view text, bool allow_day = false) {
  absl::StatusOr<v1::Period> p = ParseCsvPeriod(text, allow_day);
  if (!p.ok()) return std::string(p.status().message());
  return absl::StrCat(p->year(), "/", p->month(), "/", p->quarter(), "/", p->day());
}

TEST(SplitCsvLine, QuotesKeepDelimitersAndDoubledQuotes) {
  EXPECT_THAT(SplitCsvLine(R"(a,"b,c","say ""hi""",)", ','),
              ElementsAre("a", "b,c", "say \"hi\"", ""));
}

TEST(DetectDelimiter, CountsOutsideQuotes) {
  EXPECT_EQ(DetectDelimiter("year,value"), ',');
  EXPECT_EQ(DetectDelimiter("year;value"), ';');
  EXPECT_EQ(DetectDelimiter("year\tvalue"), '\t');
  EXPECT_EQ(DetectDelimiter(R"("Exports, fob";"Imports, cif";Month)"), ';');
  EXPECT_EQ(DetectDelimiter("value"), ',');
}

TEST(ParseCsvNumber, ThousandsSeparatorsButNoDecimalComma) {
  EXPECT_EQ(*ParseCsvNumber("1,187.5"), "1187.5");
  EXPECT_EQ(*ParseCsvNumber(" 1,187 "), "1187");
  EXPECT_EQ(*ParseCsvNumber("1,234,567.25"), "1234567.25");
  EXPECT_EQ(*ParseCsvNumber("-4.07"), "-4.07");
  EXPECT_EQ(*ParseCsvNumber("0.5"), "0.5");
  EXPECT_THAT(ParseCsvNumber("12,5").status().message(), HasSubstr("never a decimal comma"));
  EXPECT_THAT(ParseCsvNumber("1.187,5").status().message(), HasSubstr("never a decimal comma"));
  EXPECT_THAT(ParseCsvNumber("1,18").status().message(), HasSubstr("never a decimal comma"));
  EXPECT_THAT(ParseCsvNumber("1,2345").status().message(), HasSubstr("never a decimal comma"));
  EXPECT_THAT(ParseCsvNumber("1.187.500").status().message(), HasSubstr("more than one dot"));
  EXPECT_THAT(ParseCsvNumber("twelve").status().message(), HasSubstr("is not a number"));
  EXPECT_THAT(ParseCsvNumber("").status().message(), HasSubstr("empty"));
}

TEST(ParseCsvPeriod, EveryFormat) {
  EXPECT_EQ(PeriodOf("2001"), "2001/0/0/0");
  EXPECT_EQ(PeriodOf("2001.01"), "2001/1/0/0");
  EXPECT_EQ(PeriodOf("2001/02"), "2001/2/0/0");
  EXPECT_EQ(PeriodOf("2001/2"), "2001/2/0/0");
  EXPECT_EQ(PeriodOf("2001-03"), "2001/3/0/0");
  EXPECT_EQ(PeriodOf("2001M04"), "2001/4/0/0");
  EXPECT_EQ(PeriodOf("2001m5"), "2001/5/0/0");
  EXPECT_EQ(PeriodOf("200106"), "2001/6/0/0");
  EXPECT_EQ(PeriodOf("2001Q1"), "2001/0/1/0");
  EXPECT_EQ(PeriodOf("2001-Q4"), "2001/0/4/0");
  EXPECT_EQ(PeriodOf("January 2001"), "2001/1/0/0");
  EXPECT_EQ(PeriodOf("Jan 2001"), "2001/1/0/0");
  EXPECT_EQ(PeriodOf("dec. 2001"), "2001/12/0/0");
  EXPECT_EQ(PeriodOf("SEPT-2001"), "2001/9/0/0");
  EXPECT_EQ(PeriodOf("2001-01-15", true), "2001/1/0/15");
  EXPECT_EQ(PeriodOf("2000/02/29", true), "2000/2/0/29");
}

TEST(ParseCsvPeriod, RefusesWhatIsNotACalendarPeriod) {
  EXPECT_THAT(PeriodOf("2001-13"), HasSubstr("month 13 in '2001-13' is outside 1-12"));
  EXPECT_THAT(PeriodOf("2001M00"), HasSubstr("outside 1-12"));
  EXPECT_THAT(PeriodOf("2001Q5"), HasSubstr("quarter 5 in '2001Q5' is outside 1-4"));
  EXPECT_THAT(PeriodOf("2001Q0"), HasSubstr("outside 1-4"));
  EXPECT_THAT(PeriodOf("2001.1"), HasSubstr("ambiguous"));
  EXPECT_THAT(PeriodOf("Foo 2001"), HasSubstr("is not a period"));
  EXPECT_THAT(PeriodOf("1850"), HasSubstr("outside 1900-2100"));
  EXPECT_THAT(PeriodOf("01/15/2001"), HasSubstr("is a day; a flow covers"));
  EXPECT_THAT(PeriodOf("2001-01-15"), HasSubstr("a flow covers a year, a month or a quarter"));
  EXPECT_THAT(PeriodOf("2001-02-29", true), HasSubstr("not a day of the calendar"));
}

TEST(LongLayout, BomCrlfEmptyLinesQuotesAndThousands) {
  FlowCsvDefaults d = KorChnSk1();
  d.scale_exponent = 3;
  absl::StatusOr<FlowCsv> r = Read(
      "\xEF\xBB\xBFyear;direction;value;status\r\n"
      "2019;export;\"1,000.5\";reported\r\n"
      "\r\n"
      "   \r\n"
      "2020;X;1,210.605;estimated\r\n"
      "2020;import;100;\r\n",
      d);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 3u);
  EXPECT_EQ(r->report.delimiter, ';');
  EXPECT_EQ(r->report.layout, "long (detected from the header)");
  EXPECT_EQ(Units(r->flows[0]), "1000500.0 USD");
  EXPECT_EQ(r->flows[1].direction(), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(r->flows[1].status(), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_EQ(Units(r->flows[1]), "1210605.0 USD");
  EXPECT_EQ(r->flows[2].direction(), v1::FLOW_DIRECTION_IMPORT);
  EXPECT_EQ(r->flows[0].reporter(), "KOR");
  EXPECT_EQ(r->flows[0].product().classification(), v1::CLASSIFICATION_FREE);
}

TEST(LongLayout, ColumnsOverFlagsAndYearWithMonthColumns) {
  absl::StatusOr<FlowCsv> r = Read(
      "reporter\tpartner\tproduct\tclassification\tdirection\tyear\tmonth\tvalue\tcurrency\n"
      "chn\tkor\t8523\tHS\tRM\t2012\tMarch\t5\tcny\n",
      {});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::TradeFlow& f = r->flows.at(0);
  EXPECT_EQ(f.reporter(), "CHN");
  EXPECT_EQ(f.partner(), "KOR");
  EXPECT_EQ(f.product().classification(), v1::CLASSIFICATION_HS);
  EXPECT_EQ(f.direction(), v1::FLOW_DIRECTION_RE_IMPORT);
  EXPECT_EQ(f.period().month(), 3);
  EXPECT_EQ(Units(f), "5.0 CNY");
}

TEST(LongLayout, MissingColumnWithoutFlagIsAHeaderError) {
  absl::StatusOr<FlowCsv> r = Read("year,direction,value\n2020,export,1\n", {});
  EXPECT_THAT(r.status().message(),
              HasSubstr("line 1: the header has no 'reporter' column and no --reporter"));
}

TEST(LongLayout, ScaleMultipliesExactly) {
  FlowCsvDefaults d = KorChnSk1();
  d.scale_exponent = 6;
  absl::StatusOr<FlowCsv> r = Read("period,direction,value\n2010,export,4.07\n", d);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Units(r->flows[0]), "4070000.0 USD");
  d.scale_exponent = 9;
  r = Read("period,direction,value\n2010,export,0.000000001\n", d);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Units(r->flows[0]), "1.0 USD");
}

TEST(BadRows, AnErrorNamesLineAndColumn) {
  absl::StatusOr<FlowCsv> r =
      Read("\xEF\xBB\xBFyear,direction,value\n\n2020,export,12\n2021,export,twelve\n", KorChnSk1());
  EXPECT_EQ(r.status().message(), "line 4, column 'value': 'twelve' is not a number");
  r = Read("period,direction,value\n2020M13,export,1\n", KorChnSk1());
  EXPECT_THAT(r.status().message(), HasSubstr("line 2, column 'period': month 13"));
  r = Read("period,direction,value\n2020,sideways,1\n", KorChnSk1());
  EXPECT_THAT(r.status().message(), HasSubstr("line 2, column 'direction': 'sideways'"));
  r = Read("period,direction,value\n2020,export,-1\n", KorChnSk1());
  EXPECT_THAT(r.status().message(), HasSubstr("line 2, column 'value': '-1' is negative"));
}

TEST(BadRows, SkipBadCountsThemAndKeepsTheRest) {
  FlowCsvDefaults d = KorChnSk1();
  d.skip_bad = true;
  absl::StatusOr<FlowCsv> r = Read(
      "period;exports;imports\n"
      "2001.01;10;20\n"
      "2001.02;1,5;20\n"  // bad: decimal comma; its import is not kept either
      "2001.03;30;\n"
      "Total 2001;40;40\n",  // bad: not a period
      d);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->flows.size(), 3u);
  EXPECT_EQ(r->report.rows, 2);
  EXPECT_EQ(r->report.skipped, 2);
  ASSERT_TRUE(r->report.first_bad.has_value());
  EXPECT_EQ(r->report.first_bad->line, 3);
  EXPECT_THAT(r->report.first_bad->why, HasSubstr("column 'exports': '1,5'"));
}

TEST(BadRows, SkippingEveryRowIsStillAnError) {
  FlowCsvDefaults d = KorChnSk1();
  d.skip_bad = true;
  absl::StatusOr<FlowCsv> r = Read("year,direction,value\n2020,export,x\n2021,export,y\n", d);
  EXPECT_THAT(r.status().message(),
              HasSubstr("no row could be read: 2 bad (first: line 2, column 'value'"));
}

TEST(WideLayout, StatisticalOfficeMonthlyTable) {
  FlowCsvDefaults d = KorChnSk1();
  d.scale_exponent = 3;
  absl::StatusOr<FlowCsv> r = Read(
      "Month;Exports (thousand USD);Imports (thousand USD);Balance\n"
      "January 2001;1,187.5;\"1,000\";187.5\n"
      "Feb 2001;;900;\n"
      "March 2001;1,300;;\n"
      "Source: the statistical office;;;\n",
      d);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.layout, "wide (detected from the header)");
  ASSERT_EQ(r->flows.size(), 4u);
  EXPECT_EQ(r->flows[0].direction(), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(Units(r->flows[0]), "1187500.0 USD");
  EXPECT_EQ(r->flows[1].direction(), v1::FLOW_DIRECTION_IMPORT);
  EXPECT_EQ(Units(r->flows[1]), "1000000.0 USD");
  EXPECT_EQ(r->flows[2].period().month(), 2);
  EXPECT_EQ(r->flows[2].direction(), v1::FLOW_DIRECTION_IMPORT);
  EXPECT_EQ(r->flows[3].period().month(), 3);
  EXPECT_EQ(r->flows[3].direction(), v1::FLOW_DIRECTION_EXPORT);
  std::vector<std::string> meanings;
  for (const ColumnMeaning& m : r->report.columns) meanings.push_back(m.column + ": " + m.meaning);
  EXPECT_THAT(meanings,
              ElementsAre("Month: period", "Exports (thousand USD): exports of the reporter",
                          "Imports (thousand USD): imports of the reporter", "Balance: ignored"));
}

TEST(WideLayout, XAndMColumnsWithYearAndMonth) {
  absl::StatusOr<FlowCsv> r = Read("year,month,X,M\n2001,1,5,6\n2001,2,7,8\n", KorChnSk1());
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 4u);
  EXPECT_EQ(r->flows[3].period().month(), 2);
  EXPECT_EQ(Units(r->flows[3]), "8.0 USD");
}

TEST(Layouts, ANamedLayoutMustFitTheHeader) {
  FlowCsvDefaults d = KorChnSk1();
  d.layout = FlowLayout::kLong;
  EXPECT_THAT(Read("month,exports\n2001-01,5\n", d).status().message(),
              HasSubstr("line 1: the header has no 'direction' column"));
  EXPECT_THAT(Read("when,what\n2001,5\n", KorChnSk1()).status().message(),
              HasSubstr("the header fits no layout"));
}

constexpr char kComtrade[] =
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
    "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,classificationCode,"
    "cmdCode,cmdDesc,qtyUnitCode,qty,netWgt,cifvalue,fobvalue,primaryValue,isReported,"
    "isAggregate\n"
    "C,M,20200101,2020,1,202001,410,KOR,Rep. of Korea,X,Export,0,W00,World,H5,8523,"
    "Recorded media,-1,,,,1234567.5,1234567.5,true,true\n"
    "C,M,20200101,2020,1,202001,410,KOR,Rep. of Korea,M,Import,156,CHN,China,H5,8523,"
    "Recorded media,-1,,,98765,,98765,false,true\n"
    "S,A,20200101,2020,52,2020,410,KOR,Rep. of Korea,RX,Re-export,392,JPN,Japan,EB10,SK1,"
    "Audiovisual,-1,,,,,5000,True,true\n"
    "C,A,20200101,2020,52,2020,156,CHN,China,X,Export,0,,World,H5,TOTAL,All,-1,,,,,7,1,true\n";

TEST(ComtradeLayout, ReadsTheDownloadFormat) {
  absl::StatusOr<FlowCsv> r = Read(kComtrade, {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.layout, "comtrade (detected from the header)");
  ASSERT_EQ(r->flows.size(), 4u);
  const v1::TradeFlow& x = r->flows[0];
  EXPECT_EQ(x.reporter(), "KOR");
  EXPECT_EQ(x.partner(), "WLD");
  EXPECT_EQ(x.direction(), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(x.period().year(), 2020);
  EXPECT_EQ(x.period().month(), 1);
  EXPECT_EQ(x.product().classification(), v1::CLASSIFICATION_HS);
  EXPECT_EQ(x.product().code(), "8523");
  EXPECT_EQ(Units(x), "1234567.500000000 USD");
  EXPECT_EQ(x.status(), v1::VALUE_STATUS_REPORTED);
  EXPECT_EQ(x.source().title(), "UN Comtrade");
  EXPECT_EQ(r->flows[1].partner(), "CHN");
  EXPECT_EQ(r->flows[1].status(), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_EQ(r->flows[2].direction(), v1::FLOW_DIRECTION_RE_EXPORT);
  EXPECT_EQ(r->flows[2].product().classification(), v1::CLASSIFICATION_EBOPS_2010);
  EXPECT_EQ(r->flows[2].period().month(), 0);
  EXPECT_EQ(r->flows[3].partner(), "WLD");  // partnerCode 0, partnerISO empty
  EXPECT_EQ(r->flows[3].product().classification(), v1::CLASSIFICATION_FREE);
}

TEST(ComtradeLayout, RefYearAndRefMonthWithoutPeriod) {
  absl::StatusOr<FlowCsv> r = Read(
      "refYear,refMonth,reporterISO,partnerISO,flowCode,classificationCode,cmdCode,primaryValue\n"
      "2019,52,KOR,WLD,M,S3,8983,10\n2019,7,KOR,WLD,X,H6,852349,11\n",
      {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->flows[0].product().classification(), v1::CLASSIFICATION_SITC);
  EXPECT_EQ(r->flows[0].period().month(), 0);
  EXPECT_EQ(r->flows[1].period().month(), 7);
}

TEST(ComtradeLayout, BadFlowCodeAndForeignCurrency) {
  absl::StatusOr<FlowCsv> r = Read(
      "period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n2020,KOR,WLD,DX,8523,1\n", {});
  EXPECT_THAT(r.status().message(), HasSubstr("line 2, column 'flowCode': 'DX'"));
  FlowCsvDefaults d;
  d.currency = "EUR";
  EXPECT_THAT(Read(kComtrade, d).status().message(), HasSubstr("--currency EUR does not apply"));
}

TEST(BaciLayout, ExportsOfIToJInThousandsOfDollars) {
  absl::StatusOr<FlowCsv> r = Read(
      "t,i,j,k,v,q\n"
      "2016,156,410,852349,1.5,         NA\n"
      "2016,410,156,10121,2000.25,3.2\n",
      {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->report.layout, "baci (detected from the header)");
  ASSERT_EQ(r->flows.size(), 2u);
  const v1::TradeFlow& f = r->flows[0];
  EXPECT_EQ(f.reporter(), "CHN");
  EXPECT_EQ(f.partner(), "KOR");
  EXPECT_EQ(f.direction(), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(f.period().year(), 2016);
  EXPECT_EQ(f.product().classification(), v1::CLASSIFICATION_HS);
  EXPECT_EQ(Units(f), "1500.0 USD");
  EXPECT_FALSE(f.has_quantity());
  EXPECT_EQ(r->flows[1].product().code(), "010121");
  EXPECT_EQ(Units(r->flows[1]), "2000250.0 USD");
  EXPECT_EQ(r->flows[1].quantity().amount(), "3.2");
  EXPECT_EQ(r->flows[1].quantity().unit(), "t");
}

TEST(BaciLayout, AnUnknownCountryCodeIsNamed) {
  absl::StatusOr<FlowCsv> r = Read("t,i,j,k,v,q\n2016,156,999,852349,1.5,NA\n", {});
  EXPECT_THAT(r.status().message(), HasSubstr("line 2, column 'j': unknown country code 999"));
}

TEST(Delimiters, GivenRatherThanDetected) {
  FlowCsvDefaults d = KorChnSk1();
  d.delimiter = '\t';
  absl::StatusOr<FlowCsv> r = Read("year\tdirection\tvalue\n2020\texport\t1,000\n", d);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Units(r->flows[0]), "1000.0 USD");
}

TEST(Quotes, AFieldMaySpanLines) {
  absl::StatusOr<FlowCsv> r =
      Read("year,direction,value,source\n2020,export,1,\"Table 3,\nnote a\"\n2021,export,2,\n",
           KorChnSk1());
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 2u);
  EXPECT_EQ(r->flows[0].source().title(), "Table 3,\nnote a");
}

}  // namespace
}  // namespace culturetrade::import
