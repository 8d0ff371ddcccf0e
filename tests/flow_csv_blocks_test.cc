// The flow importer as a stream of columnar blocks: the same flows, report and errors as
// ReadFlowsCsv for every layout, whatever the threads and the block size, and a file of a
// million rows read in the memory of a few blocks.
#include "import/flow_csv_blocks.h"

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "proto/flow_block_convert.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CT_SANITIZED 1
#endif
#endif
#ifdef CT_SANITIZED
#include <sanitizer/allocator_interface.h>
#endif

namespace culturetrade::import {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// What a FlowCsvBlocks gave: its blocks and their flows, the error that ended the read (of
// Open or of Next), its report and the bytes it said it read.
struct BlocksRead {
  absl::Status status;
  std::vector<v1::FlowBlock> blocks;
  std::vector<v1::TradeFlow> flows;
  CsvReport report;
  int64_t bytes_read = 0;
};

void AppendFlows(const v1::FlowBlock& block, std::vector<v1::TradeFlow>& flows) {
  absl::StatusOr<FlowBlock> domain = BlockFromProto(block);
  ASSERT_TRUE(domain.ok()) << domain.status();
  google::protobuf::RepeatedPtrField<v1::TradeFlow> converted;
  ASSERT_TRUE(AppendTradeFlows(*domain, &converted).ok());
  flows.insert(flows.end(), converted.begin(), converted.end());
}

BlocksRead ReadBlocks(const std::string& text, const FlowCsvDefaults& d, BlockReadOptions options) {
  std::istringstream in(text);
  BlocksRead out;
  absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> reader = FlowCsvBlocks::Open(in, d, options);
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  v1::FlowBlock block;
  for (;;) {
    absl::StatusOr<bool> more = (*reader)->Next(block);
    if (!more.ok()) out.status = more.status();
    if (!more.ok() || !*more) break;
    EXPECT_GT(block.reporter_size(), 0);
    EXPECT_LE(block.reporter_size(), options.flows_per_block);
    AppendFlows(block, out.flows);
    out.blocks.push_back(block);
  }
  out.report = (*reader)->report();
  out.bytes_read = (*reader)->bytes_read();
  return out;
}

// The message of the error that ends the read.
std::string ErrorOf(const std::string& text, const FlowCsvDefaults& d, BlockReadOptions options) {
  return std::string(ReadBlocks(text, d, options).status.message());
}

absl::StatusOr<FlowCsv> ReadAtOnce(const std::string& text, const FlowCsvDefaults& d) {
  std::istringstream in(text);
  return ReadFlowsCsv(in, d);
}

// Everything in a report, to compare two as text.
std::string ReportText(const CsvReport& r) {
  std::vector<std::string> columns;
  for (const ColumnMeaning& c : r.columns) columns.push_back(c.column + ": " + c.meaning);
  return absl::StrCat(r.layout, "\ndelimiter ", std::string(1, r.delimiter), "\n",
                      absl::StrJoin(columns, "\n"), "\n", absl::StrJoin(r.notes, "\n"), "\nrows ",
                      r.rows, " skipped ", r.skipped, " first bad ",
                      r.first_bad ? absl::StrCat(r.first_bad->line, " ", r.first_bad->why) : "-");
}

// The blocks give ReadFlowsCsv's flows and report, or its error, `expected`.
void ExpectSame(const std::string& text, const FlowCsvDefaults& d, BlockReadOptions options,
                const absl::StatusOr<FlowCsv>& expected) {
  SCOPED_TRACE(absl::StrCat("threads ", options.threads, ", ", options.flows_per_block,
                            " flows a block, skip_bad ", d.skip_bad));
  const BlocksRead got = ReadBlocks(text, d, options);
  ASSERT_EQ(got.status, expected.status());
  if (!expected.ok()) return;
  ASSERT_EQ(got.flows.size(), expected->flows.size());
  for (size_t i = 0; i < got.flows.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(got.flows[i], expected->flows[i]))
        << "flow " << i << ": " << got.flows[i].ShortDebugString() << " vs "
        << expected->flows[i].ShortDebugString();
  }
  EXPECT_EQ(ReportText(got.report), ReportText(expected->report));
  EXPECT_EQ(got.bytes_read, static_cast<int64_t>(text.size()));
}

constexpr BlockReadOptions kOptions[] = {{1, 8192}, {4, 3}, {2, 1}, {1, 2}};

// The same as ReadFlowsCsv with every option of kOptions.
void ExpectSameAsReadFlowsCsv(const std::string& text, const FlowCsvDefaults& d) {
  const absl::StatusOr<FlowCsv> expected = ReadAtOnce(text, d);
  for (const BlockReadOptions& options : kOptions) ExpectSame(text, d, options, expected);
}

// The same as ReadFlowsCsv with every option, skipping bad rows and not.
void ExpectSameForAllOptions(const std::string& text, FlowCsvDefaults d) {
  for (bool skip_bad : {false, true}) {
    d.skip_bad = skip_bad;
    ExpectSameAsReadFlowsCsv(text, d);
  }
}

// FlowCsvDefaults in order: reporter, partner, product, classification, currency, scale.
FlowCsvDefaults KorChnSk1(std::optional<int> scale = std::nullopt) {
  return {"KOR", "CHN", "SK1", v1::CLASSIFICATION_UNSPECIFIED, "USD", scale};
}

struct Sample {
  std::string name, text;
  FlowCsvDefaults defaults;
};

// The files of flow_csv_test and ctrade_import_test, and some that are errors.
std::vector<Sample> Samples() {
  std::string office =
      "\xEF\xBB\xBFMonth;Exports (thousand USD);Imports (thousand USD);Balance\r\n";
  for (const char* month : {"January", "February", "March", "April", "May", "June"}) {
    absl::StrAppend(&office, month, " 2001;1,187.5;\"1,000\";187.5\r\n\r\n");
  }
  office += "Source: statistical office;;;\r\n";
  return {
      {"long",
       "\xEF\xBB\xBFyear;direction;value;status\r\n2019;export;\"1,000.5\";reported\r\n"
       "\r\n   \r\n2020;X;1,210.605;estimated\r\n2020;import;100;\r\n",
       KorChnSk1(3)},
      {"long columns",
       "reporter\tpartner\tproduct\tclassification\tdirection\tyear\tmonth\tvalue\t"
       "currency\nchn\tkor\t8523\tHS\tRM\t2012\tMarch\t5\tcny\n",
       {}},
      {"long bad",
       "year,direction,value\n2019,export,10\n2020,export,\"12,5\"\n2020,import,8\n"
       "2021,sideways,9\n2021,export,11\n",
       KorChnSk1()},
      {"quotes over lines",
       "year,direction,value,source\n2020,export,1,\"Table 3,\nnote a\"\n"
       "2021,export,2,\n",
       KorChnSk1()},
      {"delimiter given",
       "year\tdirection\tvalue\n2020\texport\t1,000\n",
       {"KOR", "CHN", "SK1", v1::CLASSIFICATION_UNSPECIFIED, "USD", std::nullopt, '\t'}},
      {"wide office", office, KorChnSk1(3)},
      {"wide X and M", "year,month,X,M\n2001,1,5,6\n2001,2,7,8\n", KorChnSk1()},
      {"comtrade",
       "refYear,refMonth,reporterISO,partnerISO,flowCode,classificationCode,cmdCode,"
       "primaryValue\n2019,52,KOR,WLD,M,S3,8983,10\n2019,7,KOR,WLD,X,H6,852349,11\n",
       {}},
      {"comtrade ctrade",
       "typeCode,freqCode,refYear,refMonth,period,reporterCode,reporterISO,"
       "flowCode,partnerCode,partnerISO,classificationCode,cmdCode,primaryValue,isReported\n"
       "C,A,2019,52,2019,410,KOR,X,0,W00,H5,8523,1000000,true\n"
       "C,A,2020,52,2020,410,KOR,X,0,,H5,8523,1500000,false\n",
       {}},
      {"baci",
       "t,i,j,k,v,q\n2016,156,410,852349,1.5,         NA\n2016,410,156,10121,2000.25,3.2\n",
       {}},
      {"baci unknown country", "t,i,j,k,v,q\n2016,156,999,852349,1.5,NA\n", {}},
      {"cny flows",
       "reporter,partner,product,direction,year,value,currency\n"
       "CHN,KOR,TV_DRAMAS,export,2020,\"1,380\",CNY\nCHN,KOR,TV_DRAMAS,import,2020,345,CNY\n",
       {}},
      {"no layout", "when,what\n2001,5\n", KorChnSk1()},
      {"header only", "year,direction,value\n\n", KorChnSk1()},
      {"empty", "\xEF\xBB\xBF\r\n \n", KorChnSk1()},
      {"unclosed quote", "year,direction,value\n2019,export,10\n2020,export,\"12\n2021,x,1\n",
       KorChnSk1()},
      {"cell beyond the header", "year,direction,value\n2019,export,1,5\n", KorChnSk1()},
  };
}

TEST(FlowCsvBlocks, EveryLayoutSampleGivesReadFlowsCsvsFlowsReportAndErrors) {
  for (const Sample& sample : Samples()) {
    SCOPED_TRACE(sample.name);
    ExpectSameForAllOptions(sample.text, sample.defaults);
  }
}

// The fuzzer's seed files (their first byte chooses the fuzzer's options), among them the
// study's flows as a long file, without flags and with the fuzzer's: the study's countries,
// product and currency.
TEST(FlowCsvBlocks, TheFuzzersSeedFilesGiveReadFlowsCsvsFlows) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CT_FLOW_CORPUS_DIR)) {
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    SCOPED_TRACE(entry.path().filename().string());
    for (const FlowCsvDefaults& d :
         {FlowCsvDefaults{},
          FlowCsvDefaults{"CHN", "KOR", "TV_DRAMAS", v1::CLASSIFICATION_HS, "CNY", std::nullopt}}) {
      ExpectSameForAllOptions(bytes.str().substr(1), d);
    }
    ++files;
  }
  EXPECT_GE(files, 6);
}

// A BACI file of `rows` rows as CEPII writes them (t,i,j,k,v,q): 5000 products, some of whose
// codes a tool shortened to 5 digits, and no quantity in every tenth row. The rows `bad` says
// are bad have an importer of no country.
void WriteBaci(std::ostream& out, int rows, const std::function<bool(int)>& bad = nullptr) {
  static constexpr const char* kCountries[] = {"156", "410", "392", "842", "276", "251", "076"};
  out << "t,i,j,k,v,q\n";
  for (int r = 0; r < rows; ++r) {
    out << 1995 + r % 30 << ',' << kCountries[r % 7] << ','
        << (bad && bad(r) ? "999" : kCountries[(r / 7) % 7]) << ',' << 10000 + r % 5000 * 131 << ','
        << r / 1000 << '.' << std::setw(3) << std::setfill('0') << r % 1000 << ',';
    out << (r % 10 == 0 ? "NA" : absl::StrCat(r % 97, ".5")) << '\n';
  }
}

std::string Baci(int rows, const std::function<bool(int)>& bad = nullptr) {
  std::ostringstream out;
  WriteBaci(out, rows, bad);
  return out.str();
}

TEST(FlowCsvBlocks, TheFirstErrorOfALateBatchWithItsLineAndColumn) {
  // Rows 9000 and 11000 (lines 9002 and 11002) are bad, past the first batch of any options.
  const std::string text = Baci(12000, [](int r) { return r == 9000 || r == 11000; });
  for (const BlockReadOptions& options : kOptions) {
    EXPECT_THAT(ErrorOf(text, {}, options),
                StartsWith("line 9002, column 'j': unknown country code 999"));
  }
  ExpectSameAsReadFlowsCsv(text, {});
}

TEST(FlowCsvBlocks, AQuotedFieldThatNeverClosesInTheLastBatch) {
  std::string text = Baci(9000);
  text += "2016,156,410,852349,\"1.5,NA\n2016,156,410,852349,1.5,NA\n";
  for (const BlockReadOptions& options : kOptions) {
    EXPECT_THAT(ErrorOf(text, {}, options),
                HasSubstr("line 9002: a quoted field opens here and never closes"));
  }
  ExpectSameAsReadFlowsCsv(text, {});
}

TEST(FlowCsvBlocks, ARecordTooLongToHoldIsAnErrorAfterTheRowsBeforeIt) {
  const std::string field(CsvBatches::kMaxRecordBytes, 'x');
  const std::string header = "year,direction,value,source\n2020,export,1,a\n";
  const std::string open = header + "2020,export,1,\"" + field + "\n2020,export,1,b\n";
  const std::string closed = header + "2020,export,1,\"" + field + "\"\n2020,export,1,b\n";
  EXPECT_THAT(ErrorOf(open, KorChnSk1(), {2, 3}),
              HasSubstr("line 3: a quoted field opens here and runs on for more than 8 MiB"));
  EXPECT_THAT(ErrorOf(closed, KorChnSk1(), {2, 3}),
              HasSubstr("line 3: the record is longer than 8 MiB"));
  // Not a record too long but the bad row before it, which comes first.
  const std::string bad_before = "year,direction,value\n2020,export,x\n2020,export,\"" + field;
  EXPECT_THAT(ErrorOf(bad_before, KorChnSk1(), {2, 3}), StartsWith("line 2, column 'value'"));
  for (const std::string& text : {open, closed, bad_before}) {
    ExpectSame(text, KorChnSk1(), {2, 3}, ReadAtOnce(text, KorChnSk1()));
  }
}

TEST(FlowCsvBlocks, SkipBadCountsTheBadRowsOfEveryBatch) {
  FlowCsvDefaults d;
  d.skip_bad = true;
  const std::string text = Baci(12000, [](int r) { return r % 1000 == 500; });
  for (const BlockReadOptions& options : kOptions) {
    const BlocksRead got = ReadBlocks(text, d, options);
    ASSERT_TRUE(got.status.ok()) << got.status;
    EXPECT_EQ(got.flows.size(), 11988u);
    EXPECT_EQ(got.report.rows, 11988);
    EXPECT_EQ(got.report.skipped, 12);
    ASSERT_TRUE(got.report.first_bad.has_value());
    EXPECT_EQ(got.report.first_bad->line, 502);
    EXPECT_THAT(got.report.first_bad->why, StartsWith("column 'j': unknown country code 999"));
  }
  ExpectSameAsReadFlowsCsv(text, d);
  const std::string all_bad = Baci(3000, [](int) { return true; });
  EXPECT_THAT(ErrorOf(all_bad, d, {4, 3}),
              HasSubstr("no row could be read: 3000 bad (first: line 2, column 'j'"));
  ExpectSameAsReadFlowsCsv(all_bad, d);
}

// A long file with what batches must not cut: fields spanning lines (with CR line ends),
// blank lines, and wide rows of two flows.
std::string LongFileWithQuotedLines(int rows) {
  std::string text = "year,direction,value,source\r\n";
  for (int r = 0; r < rows; ++r) {
    absl::StrAppend(&text, 1990 + r % 40, ",", r % 3 == 0 ? "import" : "export", ",", r, ".25,");
    if (r % 7 == 0) absl::StrAppend(&text, "\"Table ", r, ",\r\nnote \"\"a\"\"\r\n\"");
    text += r % 50 == 0 ? "\r\n\r\n" : "\r\n";
  }
  return text;
}

TEST(FlowCsvBlocks, ThreadsAndBlockSizesCutTheSameBlocks) {
  const std::string text = LongFileWithQuotedLines(3000);
  ExpectSameForAllOptions(text, KorChnSk1());
  const BlocksRead one = ReadBlocks(text, KorChnSk1(), {1, 3});
  const BlocksRead four = ReadBlocks(text, KorChnSk1(), {4, 3});
  ASSERT_TRUE(one.status.ok()) << one.status;
  ASSERT_EQ(one.blocks.size(), four.blocks.size());
  for (size_t i = 0; i < one.blocks.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(one.blocks[i], four.blocks[i])) << "block " << i;
  }
  // 3000 flows: all blocks full but the last of each batch of 1023 records (blank lines
  // count as records).
  EXPECT_GE(one.blocks.size(), 1000u);
  EXPECT_LE(one.blocks.size(), 1005u);
}

TEST(FlowCsvBlocks, BytesReadGrowsToTheFileSize) {
  const std::string text = Baci(10000);
  std::istringstream in(text);
  absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> reader = FlowCsvBlocks::Open(in, {}, {2, 1000});
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->bytes_read(), 12);  // the header line
  v1::FlowBlock block;
  int64_t before = (*reader)->bytes_read();
  while (*(*reader)->Next(block)) {
    EXPECT_GT((*reader)->bytes_read(), before);
    before = (*reader)->bytes_read();
  }
  EXPECT_EQ((*reader)->bytes_read(), static_cast<int64_t>(text.size()));
}

TEST(FlowCsvBlocks, DestroyedMidFileItsThreadsStopAndTheRestIsNotRead) {
  const std::string text = Baci(100000);
  std::istringstream in(text);
  {
    absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> reader = FlowCsvBlocks::Open(in, {}, {4, 3});
    ASSERT_TRUE(reader.ok()) << reader.status();
    v1::FlowBlock block;
    ASSERT_TRUE(*(*reader)->Next(block));
    EXPECT_EQ(block.reporter_size(), 3);
  }
  EXPECT_LT(in.tellg(), static_cast<std::streamoff>(text.size() / 4));
}

// The growth of the memory a process uses, from Start to its peak. Resident memory, except
// under a sanitizer, whose allocator keeps freed memory in quarantine and shadows all of it:
// there, the heap bytes in use, as often as Sample is called.
class PeakMemory {
 public:
  void Start() {
    // Linux's clear_refs 5 resets the peak to the memory in use now (else growth is smaller).
    std::ofstream("/proc/self/clear_refs") << "5";
    start_ = peak_ = InUse();
  }
  void Sample() { peak_ = std::max(peak_, InUse()); }
  int64_t Growth() const { return std::max(peak_, InUse()) - start_; }

 private:
  static int64_t InUse() {
#ifdef CT_SANITIZED
    return static_cast<int64_t>(__sanitizer_get_current_allocated_bytes());
#else
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
      absl::string_view kb = line;  // "VmHWM:  1234 kB", the peak resident memory
      if (absl::ConsumePrefix(&kb, "VmHWM:")) return std::stoll(std::string(kb)) * 1024;
    }
    return -1;
#endif
  }

  int64_t start_ = 0, peak_ = 0;
};

// A measurement as much as a test: the rate is printed, not asserted (it depends on the
// machine), but the memory is a property: a few blocks, not the file.
TEST(FlowCsvBlocks, AMillionRowBaciFileInTheMemoryOfAFewBlocks) {
  constexpr int kRows = 1000000;
  const std::string path = ::testing::TempDir() + "/flow_csv_blocks_baci.csv";
  {
    std::ofstream out(path, std::ios::binary);
    WriteBaci(out, kRows);
  }
  const auto size = static_cast<int64_t>(std::filesystem::file_size(path));
  for (int threads : {1, 2}) {
    PeakMemory memory;
    memory.Start();
    std::ifstream in(path, std::ios::binary);
    const std::clock_t cpu_start = std::clock();
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> reader =
        FlowCsvBlocks::Open(in, {}, {threads, 8192});
    ASSERT_TRUE(reader.ok()) << reader.status();
    int64_t flows = 0;
    v1::FlowBlock block;
    absl::StatusOr<bool> more;
    while ((more = (*reader)->Next(block)).ok() && *more) {
      flows += block.reporter_size();
      memory.Sample();
    }
    ASSERT_TRUE(more.ok()) << more.status();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    // Cores busy (CPU time over wall time) tells the threads' use from the machine's load.
    std::printf(
        "BACI, %d rows, %.1f MB, %d thread(s): %.0f rows/s (%.0f rows a CPU second, %.2f cores "
        "busy), peak memory +%.1f MB\n",
        kRows, size / 1e6, threads, kRows / seconds, kRows / cpu_seconds, cpu_seconds / seconds,
        memory.Growth() / 1e6);
    EXPECT_EQ(flows, kRows);
    EXPECT_EQ((*reader)->report().rows, kRows);
    EXPECT_LT(memory.Growth(), size / 4);
  }
  std::filesystem::remove(path);
}

TEST(FlowCsvBlocks, OptionsOutOfRange) {
  std::istringstream in("t,i,j,k,v\n");
  EXPECT_FALSE(FlowCsvBlocks::Open(in, {}, {1, 0}).ok());
  EXPECT_FALSE(FlowCsvBlocks::Open(in, {}, {-1, 10}).ok());
}

}  // namespace
}  // namespace culturetrade::import
