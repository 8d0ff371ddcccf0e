// Bad CSV files through ctrade: each exits 3 and says where and why, and imports nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/bad_input_fixture.h"
#include "tests/ctrade_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::Holdings;
using ::testing::HasSubstr;

class BadCsvTest : public testing::CtradeFixture {};

constexpr char kLong[] = "year,direction,value\n";
constexpr char kNamed[] =
    "reporter,partner,product,classification,period,direction,value,currency\n";

struct CsvCase {
  std::string what;
  std::string csv;
  std::string says;
  std::vector<std::string> flags = {"--reporter", "KOR", "--partner",  "CHN",
                                    "--product",  "SK1", "--currency", "USD"};
};

std::vector<CsvCase> CsvCases() {
  return {
      {"an empty file", "", "the file is empty: no header line"},
      {"a header alone", kLong, "line 1: the header has no rows under it"},
      {"a header of no layout", "when,what\n2020,5\n", "the header fits no layout"},
      {"no reporter column nor flag",
       "year,direction,value\n2020,export,1\n",
       "line 1: the header has no 'reporter' column and no --reporter",
       {"--partner", "CHN", "--product", "SK1", "--currency", "USD"}},
      {"a long file read as wide",
       "year,direction,value\n2020,export,1\n",
       "line 1: the header has no exports or imports column",
       {"--layout", "wide", "--reporter", "KOR", "--partner", "CHN", "--product", "SK1",
        "--currency", "USD"}},
      {"a quote never closed",
       "year,direction,value,source\n2020,export,1,\"Table 3\n2021,export,2,\n",
       "line 2: a quoted field opens here and never closes"},
      {"a quote never closed, skipping bad rows",
       "year,direction,value,source\n2020,export,1,\"Table 3\n2021,export,2,\n",
       "line 2: a quoted field opens here and never closes",
       {"--skip-bad", "--reporter", "KOR", "--partner", "CHN", "--product", "SK1", "--currency",
        "USD"}},
      {"a thousands separator unquoted", "year,direction,value\n2020,export,1,187.5\n",
       "line 2, cell 4 is beyond the header's 3 columns"},
      {"a short row", "year,direction,value\n2020,export\n",
       "line 2, column 'value': the cell is empty where a number belongs"},
      {"Latin-1 text", "year,direction,value,source\n2020,export,1,S\xE9oul\n",
       "line 2, column 'source': the text is not UTF-8"},
      {"two dots", "year,direction,value\n2020,export,1.187.500\n",
       "line 2, column 'value': '1.187.500' has more than one dot"},
      {"a negative value", "year,direction,value\n2020,export,-5\n",
       "line 2, column 'value': '-5' is negative"},
      {"a value beyond int64 units", "year,direction,value\n2020,export,99999999999999999999\n",
       "line 2, column 'value': 99999999999999999999 does not fit in int64 units"},
      {"a value beyond any decimal",
       "year,direction,value\n2020,export,9999999999999999999999999999\n",
       "is not a decimal number ctrade can hold"},
      {"month 13", "period,direction,value\n2020-13,export,1\n",
       "line 2, column 'period': month 13 in '2020-13' is outside 1-12"},
      {"an ambiguous period", "period,direction,value\n2020.1,export,1\n",
       "line 2, column 'period': '2020.1' is ambiguous"},
      {"year 1850", "period,direction,value\n1850,export,1\n", "outside 1900-2100"},
      {"a day on a flow", "period,direction,value\n2020-01-15,export,1\n",
       "a flow covers a year, a month or a quarter"},
      {"a direction that is none", "year,direction,value\n2020,sideways,1\n",
       "line 2, column 'direction': 'sideways' is not export, import"},
      {"a status that is none", "year,direction,value,status\n2020,export,1,guessed\n",
       "line 2, column 'status': 'guessed' is not reported, derived or estimated"},
      {"a reporter that is no code", "reporter,year,direction,value\nKorea,2020,export,1\n",
       "line 2, column 'reporter': 'Korea' is not an ISO 3166-1 alpha-3 code"},
      {"a classification that is none", "classification,year,direction,value\nnace,2020,export,1\n",
       "line 2, column 'classification': 'nace' is not free, hs"},
      {"a currency that is no code", "currency,year,direction,value\ndollars,2020,export,1\n",
       "line 2, column 'currency': 'dollars' is not an ISO 4217 currency code"},
      {"an empty product", "product,year,direction,value\n,2020,export,1\n",
       "line 2, column 'product': the product code is empty"},
      // Refused by the server, which names the block, its column and the row (or the dictionary
      // entry that every row using a code shares).
      {"a partner not in ISO 3166", std::string(kNamed) + "KOR,XYZ,SK1,free,2020,X,1,USD\n",
       "block[0].economies[1]: 'XYZ' is not an ISO 3166-1 alpha-3 code in use"},
      {"a currency not in ISO 4217", std::string(kNamed) + "KOR,CHN,SK1,free,2020,X,1,ABC\n",
       "block[0].currencies[0]: 'ABC' is not a currency in ISO 4217"},
      {"a partner that is the reporter", std::string(kNamed) + "KOR,KOR,SK1,free,2020,X,1,USD\n",
       "block[0].partner[0]: a partner differs from the reporter"},
      {"an HS code of letters", std::string(kNamed) + "KOR,CHN,SK,hs,2020,X,1,USD\n",
       "block[0].products[0].code: 'SK' is not a valid product code for CLASSIFICATION_HS"},
      {"a product code of 65 characters",
       std::string(kNamed) + "KOR,CHN," + std::string(65, 'P') + ",free,2020,X,1,USD\n",
       "block[0].products[0].code:"},
      {"the same flow twice", "year,direction,value\n2020,export,1\n2020,export,2\n",
       "block[0].reporter[1]: another flow has the same reporter, partner, product, direction and "
       "period"},
      {"a year whole and by month", "period,direction,value\n2020,export,1\n2020-01,export,2\n",
       "block[0].year[1]: the year is given both whole and by month or quarter"},
  };
}

TEST_F(BadCsvTest, EachBadFileExitsThreeAndSaysWhereAndWhy) {
  const std::vector<std::string> before = Holdings(server_->endpoint());
  for (const CsvCase& c : CsvCases()) {
    SCOPED_TRACE(c.what);
    std::vector<std::string> args = {"datasets", "create", "bad", "--csv", "-"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    CommandResult r = Ctrade(args, c.csv);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.says));
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(Holdings(server_->endpoint()), before);
}

}  // namespace
}  // namespace culturetrade
