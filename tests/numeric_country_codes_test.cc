// Numeric country codes as UN Comtrade and CEPII BACI write them: every ISO 3166-1 code, the
// sources' own codes beyond ISO, and files in each source's real layout.
#include "import/numeric_country_codes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "import/flow_csv.h"

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<FlowCsv> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadFlowsCsv(in, {});
}

TEST(CountryFromNumeric, EveryIsoCodeWithOrWithoutLeadingZeros) {
  EXPECT_EQ(*CountryFromNumeric("4"), "AFG");
  EXPECT_EQ(*CountryFromNumeric("004"), "AFG");
  EXPECT_EQ(*CountryFromNumeric("156"), "CHN");
  EXPECT_EQ(*CountryFromNumeric("410"), "KOR");
  EXPECT_EQ(*CountryFromNumeric("056"), "BEL");
  EXPECT_EQ(*CountryFromNumeric("894"), "ZMB");
  EXPECT_EQ(*CountryFromNumeric("248"), "ALA");  // Åland, a code no trade table typed by hand
}

TEST(CountryFromNumeric, TheSourcesOwnCodes) {
  EXPECT_EQ(*CountryFromNumeric("0"), "WLD");
  EXPECT_EQ(*CountryFromNumeric("842"), "USA");  // USA with Puerto Rico and the Virgin Islands
  EXPECT_EQ(*CountryFromNumeric("251"), "FRA");
  EXPECT_EQ(*CountryFromNumeric("579"), "NOR");
  EXPECT_EQ(*CountryFromNumeric("699"), "IND");
  EXPECT_EQ(*CountryFromNumeric("757"), "CHE");
  EXPECT_EQ(*CountryFromNumeric("490"), "S19");  // Other Asia, nes: BACI's own code
  EXPECT_EQ(*CountryFromNumeric("697"), "R20");
  EXPECT_EQ(*CountryFromNumeric("899"), "XNS");  // Areas, nes
  EXPECT_EQ(*CountryFromNumeric("837"), "XNS");  // Bunkers
  EXPECT_EQ(*CountryFromNumeric("381"), "ITA");  // Comtrade's former code for Italy
  EXPECT_EQ(*CountryFromNumeric("810"), "SUN");
}

TEST(CountryFromNumeric, UnknownCodesAndGroupsAreNamed) {
  EXPECT_THAT(CountryFromNumeric("999").status().message(),
              HasSubstr("unknown country code 999: it is neither an ISO 3166-1"));
  EXPECT_THAT(CountryFromNumeric("97").status().message(),
              HasSubstr("country code 97 is UN Comtrade's EU-28, which is no single economy"));
  EXPECT_THAT(CountryFromNumeric("4a").status().message(),
              HasSubstr("'4a' is not an ISO numeric country code"));
}

// CEPII BACI's layout (BACI_HS17_Y2022_V202501.csv): values in thousands of US dollars.
TEST(CountryFromNumeric, ABaciFile) {
  absl::StatusOr<FlowCsv> r = Read(
      "t,i,j,k,v,q\n"
      "2022,4,842,570110,12.5,0.3\n"
      "2022,490,699,852349,1.25,NA\n"
      "2022,699,490,490199,3,0.1\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 3u);
  EXPECT_EQ(r->flows[0].reporter(), "AFG");
  EXPECT_EQ(r->flows[0].partner(), "USA");
  EXPECT_EQ(r->flows[1].reporter(), "S19");
  EXPECT_EQ(r->flows[1].partner(), "IND");
  EXPECT_EQ(r->flows[2].partner(), "S19");
}

// UN Comtrade's download layout, where the numeric codes stand when partnerISO is empty.
TEST(CountryFromNumeric, AComtradeFile) {
  absl::StatusOr<FlowCsv> r = Read(
      "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
      "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,classificationCode,"
      "cmdCode,cmdDesc,primaryValue,isReported\n"
      "C,A,20220101,2022,52,2022,842,,USA,X,Export,490,,\"Other Asia, nes\",H6,8523,Media,10,"
      "true\n"
      "C,A,20220101,2022,52,2022,842,,USA,X,Export,899,,\"Areas, nes\",H6,8523,Media,2,true\n"
      "C,A,20220101,2022,52,2022,251,,France,M,Import,0,,World,H6,8523,Media,7,true\n"
      "C,A,20220101,2022,52,2022,251,,France,M,Import,490,S19,\"Other Asia, nes\",H6,8523,"
      "Media,7,true\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 4u);
  EXPECT_EQ(r->flows[0].reporter(), "USA");
  EXPECT_EQ(r->flows[0].partner(), "S19");
  EXPECT_EQ(r->flows[1].partner(), "XNS");
  EXPECT_EQ(r->flows[2].reporter(), "FRA");
  EXPECT_EQ(r->flows[2].partner(), "WLD");
  EXPECT_EQ(r->flows[3].partner(), "S19");  // partnerISO as Comtrade writes it
}

TEST(CountryFromNumeric, AGroupInAFileNamesItsLine) {
  absl::StatusOr<FlowCsv> r = Read("t,i,j,k,v,q\n2022,156,97,852349,1.5,NA\n");
  EXPECT_THAT(r.status().message(),
              HasSubstr("line 2, column 'j': country code 97 is UN Comtrade's EU-28"));
}

}  // namespace
}  // namespace culturetrade::import
