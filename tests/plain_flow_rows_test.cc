// The shortcut for plain records (plain_flow_rows.h, SplitPlainRecord): it reads a number as
// ParseValue and ParseCsvNumber do, splits a record as SplitCsvLine does, takes the records of
// the long and BACI layouts it should, and FlowCsvBlocks, with it, gives ReadFlowsCsv's flows,
// report and errors on files made of what the shortcut leaves to the layouts' readers.
#include "import/plain_flow_rows.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/message_differencer.h"
#include "import/flow_csv.h"
#include "import/flow_csv_blocks.h"
#include "proto/flow_block_convert.h"
#include "proto/money_convert.h"

namespace culturetrade::import {
namespace {

// Numbers the shortcut reads, and ones it leaves to ParseValue (which reads or refuses them).
const std::vector<std::string> kPlainNumbers = {"0",
                                                "7",
                                                "86075.36",
                                                "007.50",
                                                " 12 ",
                                                "\t3.5",
                                                "123456789012345678",
                                                "1.123456789",
                                                "999999999.999999999"};
const std::vector<std::string> kOtherNumbers = {
    "",    " ",    "1,000", "1,187.5",      "-5",     "+5",
    "1e5", "5.",   ".5",    "1.2345678901", "1..2",   "1234567890123456789",
    "NA",  "12,5", "0x10",  "1 000",        "\u00A05"};

TEST(PlainValue, ReadsPlainNumbersAsParseValueDoes) {
  for (int scale : {0, 3, 6, 9}) {
    for (const std::string& text : kPlainNumbers) {
      SCOPED_TRACE(absl::StrCat("'", text, "' scale ", scale));
      const std::optional<Decimal> plain = PlainValue(text, scale);
      absl::StatusOr<google::type::Money> money = ParseValue(text, scale, "USD");
      // Units beyond int64 are ParseValue's error, which the shortcut leaves to it.
      if (!money.ok()) {
        EXPECT_FALSE(plain.has_value());
        continue;
      }
      absl::StatusOr<Decimal> expected = DecimalFromMoney(*money);
      ASSERT_TRUE(expected.ok());
      ASSERT_TRUE(plain.has_value() || scale > 0);
      if (plain)
        EXPECT_EQ(*plain, *expected) << plain->ToString() << " vs " << expected->ToString();
    }
    for (const std::string& text : kOtherNumbers) {
      EXPECT_FALSE(PlainValue(text, scale).has_value()) << "'" << text << "'";
    }
  }
}

TEST(PlainNumber, IsWhatParseCsvNumberGivesBack) {
  for (const std::string& text : kPlainNumbers) {
    absl::StatusOr<std::string> number = ParseCsvNumber(text);
    ASSERT_TRUE(number.ok()) << number.status();
    EXPECT_TRUE(PlainNumber(text) == absl::string_view(*number)) << "'" << text << "'";
  }
  for (const std::string& text : kOtherNumbers) {
    EXPECT_FALSE(PlainNumber(text).has_value()) << "'" << text << "'";
  }
}

TEST(SplitPlainRecord, SplitsAsSplitCsvLineWhateverWhereTheDelimitersFall) {
  const CsvHeader header(std::vector<std::string>(40, "x"));
  std::vector<absl::string_view> cells;
  // Cells of every length, so that delimiters fall at every place of an eight-byte word.
  for (int length = 0; length < 20; ++length) {
    for (char delimiter : {',', ';', '\t'}) {
      std::string record;
      for (int cell = 0; cell < 6; ++cell) {
        if (cell > 0) record += delimiter;
        record += std::string((length + cell) % 11, static_cast<char>('a' + cell));
      }
      SCOPED_TRACE(record);
      ASSERT_TRUE(SplitPlainRecord(record, delimiter, header, cells));
      EXPECT_EQ(absl::StrJoin(cells, "|"), absl::StrJoin(SplitCsvLine(record, delimiter), "|"));
    }
  }
  EXPECT_TRUE(SplitPlainRecord("", ',', header, cells));
  EXPECT_EQ(cells.size(), 1u);
}

TEST(SplitPlainRecord, LeavesQuotesExtraCellsAndBadTextToTheRowReader) {
  CsvHeader header({"year", "value", "note"});
  header.SetMeaning(0, "period");
  header.SetMeaning(1, "value");
  std::vector<absl::string_view> cells;
  EXPECT_FALSE(SplitPlainRecord("2001,\"5\",x", ',', header, cells));
  EXPECT_FALSE(SplitPlainRecord("2001,5,note with a quote \" in it", ',', header, cells));
  EXPECT_FALSE(SplitPlainRecord("2001,5,x,", ',', header, cells));
  EXPECT_FALSE(SplitPlainRecord("2001,5\xFF,x", ',', header, cells));
  // Not UTF-8 in a column no layout reads; UTF-8 beyond ASCII where one does.
  EXPECT_TRUE(SplitPlainRecord("2001,5,\xFF", ',', header, cells));
  EXPECT_TRUE(SplitPlainRecord("2001,5\xC3\xA9,x", ',', header, cells));
  EXPECT_TRUE(SplitPlainRecord("2001,5", ',', header, cells));
  EXPECT_EQ(cells.size(), 2u);
}

// The plain rows of the layout the header of `text` has, with `defaults`, or null.
std::unique_ptr<PlainFlowRows> PlainRowsOf(const std::string& header_line,
                                           const FlowCsvDefaults& defaults = {}) {
  CsvHeader header(SplitCsvLine(header_line, ','));
  CsvReport report;
  FlowRowReaderOr reader = MakeFlowRowReader(header, defaults, report);
  EXPECT_TRUE(reader.ok()) << reader.status();
  return reader.ok() ? (*reader)->PlainRows() : nullptr;
}

// Whether `plain` takes the record `line`.
bool Takes(PlainFlowRows& plain, const std::string& line) {
  FlowBlockBuilder builder;
  std::vector<absl::string_view> cells;
  for (absl::string_view cell : absl::StrSplit(line, ',')) cells.push_back(cell);
  return plain.Add(cells, builder) && builder.size() == 1;
}

TEST(PlainFlowRows, TakeTheCommonRecordsOfLongAndBaciFiles) {
  std::unique_ptr<PlainFlowRows> world =
      PlainRowsOf("reporter,partner,product,direction,year,value,currency");
  ASSERT_NE(world, nullptr);
  EXPECT_TRUE(Takes(*world, "AFG,AGO,HS9700,X,2000,86075.36,USD"));
  EXPECT_TRUE(Takes(*world, "afg, W00 ,HS9700,import,2001,8553,usd"));
  EXPECT_FALSE(Takes(*world, "AFG,AGO,HS9700,X,2000,-1,USD"));
  EXPECT_FALSE(Takes(*world, "AFG,AGO,HS9700,sideways,2000,1,USD"));
  EXPECT_FALSE(Takes(*world, "AFGH,AGO,HS9700,X,2000,1,USD"));
  std::unique_ptr<PlainFlowRows> baci = PlainRowsOf("t,i,j,k,v,q");
  ASSERT_NE(baci, nullptr);
  EXPECT_TRUE(Takes(*baci, "2016,156,410,852349,1.5,         NA"));
  EXPECT_TRUE(Takes(*baci, "2016,410,156,10121,2000.25,3.2"));
  EXPECT_FALSE(Takes(*baci, "2016,156,999,852349,1.5,NA"));
  EXPECT_FALSE(Takes(*baci, "16,156,410,852349,1.5,NA"));
  // Months in a column of their own, and wide and Comtrade files: every record read by Read.
  EXPECT_EQ(PlainRowsOf("reporter,partner,product,direction,year,month,value,currency"), nullptr);
  EXPECT_EQ(PlainRowsOf("year,exports,imports",
                        {"KOR", "CHN", "SK1", v1::CLASSIFICATION_UNSPECIFIED, "USD", std::nullopt}),
            nullptr);
}

// Reads `text` as blocks and at once, and expects the same flows, rows and errors.
void ExpectBlocksReadAsAtOnce(const std::string& text, FlowCsvDefaults d) {
  for (bool skip_bad : {false, true}) {
    d.skip_bad = skip_bad;
    std::istringstream at_once_in(text);
    const absl::StatusOr<FlowCsv> at_once = ReadFlowsCsv(at_once_in, d);
    for (const BlockReadOptions& options : {BlockReadOptions{1, 8192}, BlockReadOptions{2, 2}}) {
      SCOPED_TRACE(absl::StrCat("skip_bad ", skip_bad, ", ", options.flows_per_block, " a block"));
      std::istringstream in(text);
      absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> blocks = FlowCsvBlocks::Open(in, d, options);
      ASSERT_TRUE(blocks.ok()) << blocks.status();
      google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
      v1::FlowBlock block;
      absl::StatusOr<bool> more;
      while ((more = (*blocks)->Next(block)).ok() && *more) {
        absl::StatusOr<FlowBlock> domain = BlockFromProto(block);
        ASSERT_TRUE(domain.ok()) << domain.status();
        ASSERT_TRUE(AppendTradeFlows(*domain, &flows).ok());
      }
      ASSERT_EQ(more.status(), at_once.status());
      if (!at_once.ok()) continue;
      ASSERT_EQ(flows.size(), at_once->flows.size());
      for (int i = 0; i < flows.size(); ++i) {
        EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(flows[i], at_once->flows[i]))
            << flows[i].ShortDebugString() << " vs " << at_once->flows[i].ShortDebugString();
      }
      const CsvReport& report = (*blocks)->report();
      EXPECT_EQ(report.rows, at_once->report.rows);
      EXPECT_EQ(report.skipped, at_once->report.skipped);
      EXPECT_EQ(report.first_bad.has_value(), at_once->report.first_bad.has_value());
      if (report.first_bad && at_once->report.first_bad) {
        EXPECT_EQ(report.first_bad->line, at_once->report.first_bad->line);
        EXPECT_EQ(report.first_bad->why, at_once->report.first_bad->why);
      }
    }
  }
}

TEST(PlainFlowRows, TrickyLongFilesReadAsReadFlowsCsvReadsThem) {
  const std::string header = "reporter,partner,product,direction,year,value,currency";
  const std::vector<std::string> rows = {"AFG,AGO,HS9700,X,2000,86075.36,USD",
                                         "afg,ago,HS9700,x,2001,8553.64,usd",
                                         " AFG , W00 ,HS9700, M ,2002, 12 ,USD\r",
                                         "AFG,AGO,\"HS9700\",X,2003,\"1,000\",USD",
                                         "AFG,AGO,HS9700,X,2004,1,000,USD",
                                         "AFG,AGO,HS9700,X,2005,-5,USD",
                                         "AFG,AGO,HS9700,X,2006,+5,USD",
                                         "AFG,AGO,HS9700,X,2007,5.,USD",
                                         "AFG,AGO,HS9700,X,2008,1.0000000001,USD",
                                         "AFG,AGO,HS9700,X,2009,1e5,USD",
                                         "AFG,AGO,HS9700,X,2010,,USD",
                                         "AFG,AGO,,X,2011,1,USD",
                                         "AFG,AGO,HS9700,X,1492,1,USD",
                                         "AFG,AGO,HS9700,X,2001M03,1,USD",
                                         "AFG,AGO,HS9700,X,2001,1,US",
                                         "AFG,AGO,HS9700,X,2001",
                                         "AFG,AGO,HS9700,X,2001,1,USD,,",
                                         "AFG,AGO,HS9700,X,2001,1,USD,x",
                                         "\xC3\x85LA,AGO,HS9700,X,2001,1,USD",
                                         "AFG,AGO,HS\xFF,X,2001,1,USD",
                                         "",
                                         "   ",
                                         "AFG,AGO,HS9700,X,2012,99999999999999999,USD",
                                         "AFG,AGO,HS9700,X,2013,0.000000001,USD"};
  std::string text = "\xEF\xBB\xBF" + header + "\r\n";
  for (int copy = 0; copy < 3; ++copy) {
    for (const std::string& row : rows) absl::StrAppend(&text, row, "\n");
  }
  ExpectBlocksReadAsAtOnce(text, {});
  FlowCsvDefaults thousands;
  thousands.scale_exponent = 3;
  ExpectBlocksReadAsAtOnce(text, thousands);
  // Every column a long file may have, some from flags, semicolons, quoted notes over lines.
  ExpectBlocksReadAsAtOnce(
      "partner;product;classification;direction;period;value;status;source\n"
      "CHN;8523;HS;export;2019;1.5;reported;Table 3\n"
      "CHN;8523;H5;export;2019Q2;1,000.5;estimated;Table 3\n"
      "CHN;8523;sitc;import;2019-07;2;derived;\"Table 4;\nnote\"\n"
      "CHN;8523;nope;import;2019;2;;\n"
      "CHN;8523;;import;2020;2;guessed;Caf\xC3\xA9\n"
      "CHN;8523;;import;2020;2;;Caf\xC3\xA9\n",
      {"KOR", "", "", v1::CLASSIFICATION_UNSPECIFIED, "USD", std::nullopt});
}

// A column of ever new cells is not remembered without end: past so many, its cells are
// forgotten, and those that come again are read again.
TEST(PlainFlowRows, AColumnOfEverNewCellsIsForgottenAsItGoes) {
  std::string text = "reporter,partner,product,direction,year,value,currency\n";
  // 30000 products, more than the plain rows of one thread remember.
  for (int row = 0; row < 40000; ++row) {
    absl::StrAppend(&text, "KOR,CHN,", row % 4 == 0 ? "TV" : absl::StrCat("P", row), ",X,",
                    2000 + row % 20, ",", row, ",USD\n");
  }
  ExpectBlocksReadAsAtOnce(text, {});
}

TEST(PlainFlowRows, TrickyBaciFilesReadAsReadFlowsCsvReadsThem) {
  ExpectBlocksReadAsAtOnce(
      "t,i,j,k,v,q\n"
      "2016,156,410,852349,1.5,         NA\n"
      "2016,410,156,10121,2000.25,3.2\n"
      "2016, 410 ,156, 010121 ,   2000.25,  -3\n"
      "2016,410,156,1012,1,1\n"
      "2016,410,156,10121,1,\"1,000\"\n"
      "2016,410,156,10121,1,1,000\n"
      "2016,410,999,10121,1,1\n"
      "16,410,156,10121,1,1\n"
      "2016,410,156,10121,1e3,1\n"
      "2016,410,156,10121,1,1.12345678901\n"
      "2016,0,156,10121,0,0\n"
      "2017,410,156,10121,1,1",
      {});
}

}  // namespace
}  // namespace culturetrade::import
