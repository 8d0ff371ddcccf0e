// ctrade's CSV source of uploads on real files: blocks from the first each time it is opened,
// errors that name the file, standard input read once only, and a dry run's read-through.
#include "client/ctrade/csv_flow_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace culturetrade::ctrade {
namespace {

using ::testing::HasSubstr;

import::FlowCsvDefaults KorChnSk1Usd(){import::FlowCsvDefaults d;
d.reporter = "KOR";
d.partner = "CHN";
d.product = "SK1";
d.currency = "USD";
return d;
}  // namespace

// A long file of `rows` flows, one a year from 1900.
std::string Years(int rows) {
  std::string text = "year,direction,value\n";
  for (int i = 0; i < rows; ++i) absl::StrAppend(&text, 1900 + i % 200, ",export,", i, "\n");
  return text;
}

class CsvFlowFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    std::string path =
        absl::StrCat(::testing::TempDir(), "/csv_flow_file_test_",
                     ::testing::UnitTest::GetInstance()->random_seed(), "_", ++files_, ".csv");
    std::ofstream(path, std::ios::binary) << text;
    written_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& path : written_) std::remove(path.c_str());
  }
  // The flows of every block of one opening of `file`.
  static absl::StatusOr<int64_t> Drain(CsvFlowFile& file) {
    absl::StatusOr<std::unique_ptr<FlowBlockSource>> source = file.Open();
    if (!source.ok()) return source.status();
    int64_t flows = 0;
    v1::FlowBlock block;
    for (;;) {
      absl::StatusOr<bool> more = (*source)->Next(block);
      if (!more.ok()) return more.status();
      if (!*more) return flows;
      flows += block.reporter_size();
    }
  }

  std::istringstream no_input_;
  int files_ = 0;
  std::vector<std::string> written_;
};

TEST_F(CsvFlowFileTest, AFileIsReadFromItsFirstBlockEachTimeItIsOpened) {
  CsvFlowFile file(Write(Years(20'000)), no_input_, KorChnSk1Usd(), "uploading");
  for (int attempt = 0; attempt < 2; ++attempt) {
    EXPECT_EQ(*Drain(file), 20'000);
    EXPECT_EQ(file.flows(), 20'000);
    EXPECT_EQ(file.report().rows, 20'000);
  }
}

TEST_F(CsvFlowFileTest, ErrorsNameTheFile) {
  const std::string path = Write("year,direction,value\n2020,export,1\n2021,export,\"12,5\"\n");
  CsvFlowFile file(path, no_input_, KorChnSk1Usd(), "uploading");
  const absl::Status s = Drain(file).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr(path + ": line 3, column 'value': '12,5'"));

  CsvFlowFile missing(path + ".missing", no_input_, KorChnSk1Usd(), "uploading");
  EXPECT_EQ(Drain(missing).status().message(), "cannot open " + path + ".missing");
}

TEST_F(CsvFlowFileTest, StandardInputIsReadOnce) {
  std::istringstream in("year,direction,value\n2020,export,1\n2021,export,2\n");
  CsvFlowFile file("-", in, KorChnSk1Usd(), "uploading");
  EXPECT_EQ(*Drain(file), 2);
  const absl::Status again = file.Open().status();
  EXPECT_EQ(again.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(again.message(), HasSubstr("cannot be retried from standard input"));
}

TEST_F(CsvFlowFileTest, SkippedRowsAreCounted) {
  import::FlowCsvDefaults d = KorChnSk1Usd();
  d.skip_bad = true;
  CsvFlowFile file(Write("year,direction,value\n2020,export,1\n2021,sideways,2\n"), no_input_, d,
                   "uploading");
  EXPECT_EQ(*Drain(file), 1);
  EXPECT_EQ(file.report().skipped, 1);
  ASSERT_TRUE(file.report().first_bad.has_value());
  EXPECT_EQ(file.report().first_bad->line, 3);
}

TEST_F(CsvFlowFileTest, ADryRunReadsThroughKeepingTheFirstFlows) {
  CsvFlowFile file(Write(Years(20'000)), no_input_, KorChnSk1Usd(), "reading");
  absl::StatusOr<std::vector<v1::TradeFlow>> first = file.ReadThrough(10);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 10u);
  EXPECT_EQ((*first)[9].period().year(), 1909);
  EXPECT_EQ((*first)[9].value().units(), 9);
  EXPECT_EQ(file.flows(), 20'000);
}

}  // namespace culturetrade::ctrade
}  // namespace culturetrade::ctrade
