// ctrade's export writer on strings: the CSV and JSON lines it writes, and that the CSV reads
// back through the flow importer as the same flows (the round trip of `ctrade datasets export`
// then `ctrade datasets create --csv`, at the level of the format).
#include "client/ctrade/flow_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/flow_block_builder.h"
#include "import/flow_csv.h"
#include "proto/flow_block_convert.h"

namespace culturetrade::ctrade {
namespace {

using ::testing::HasSubstr;

v1::TradeFlow Flow(const std::string& product, v1::Classification classification, int year,
                   int month, int quarter, int64_t units, int32_t nanos) {
  v1::TradeFlow f;
  f.set_reporter("KOR");
  f.set_partner("CHN");
  f.mutable_product()->set_code(product);
  f.mutable_product()->set_classification(classification);
  f.set_direction(v1::FLOW_DIRECTION_RE_EXPORT);
  f.mutable_period()->set_year(year);
  f.mutable_period()->set_month(month);
  f.mutable_period()->set_quarter(quarter);
  f.mutable_value()->set_currency_code("USD");
  f.mutable_value()->set_units(units);
  f.mutable_value()->set_nanos(nanos);
  f.set_status(v1::VALUE_STATUS_ESTIMATED);
  return f;
}

// Flows that exercise every field: a product code with a comma and a quote, each
// classification, months, quarters and years, values whole and with nine decimals, and one
// above 2^64 billionths.
std::vector<v1::TradeFlow> Flows() {
  std::vector<v1::TradeFlow> flows = {
      Flow("TV \"DRAMAS\", HD", v1::CLASSIFICATION_FREE, 2020, 3, 0, 1187, 500'000'000),
      Flow("8523", v1::CLASSIFICATION_HS, 2021, 0, 2, 0, 1),
      Flow("SK1", v1::CLASSIFICATION_EBOPS_2010, 2022, 0, 0, 4'070'000'000'000, 0),
      Flow("891", v1::CLASSIFICATION_SITC, 1999, 12, 0, 7, 0)};
  flows[1].set_direction(v1::FLOW_DIRECTION_IMPORT);
  flows[2].set_status(v1::VALUE_STATUS_REPORTED);
  return flows;
}

v1::FlowBlock BlockOf(const std::vector<v1::TradeFlow>& flows) {
  FlowBlockBuilder builder;
  for (const v1::TradeFlow& f : flows) EXPECT_TRUE(AddTradeFlow(f, builder).ok());
  return BlockToProto(builder.Take());
}

std::string Write(ExportFormat format, const std::vector<v1::TradeFlow>& flows) {
  std::ostringstream out;
  FlowWriter writer(format, out);
  EXPECT_TRUE(writer.Write(BlockOf(flows)).ok());
  EXPECT_EQ(writer.flows(), static_cast<int64_t>(flows.size()));
  return out.str();
}

TEST(FlowWriterTest, CsvIsTheLongLayoutWithExactValues) {
  EXPECT_EQ(Write(ExportFormat::kCsv, Flows()),
            "reporter,partner,product,classification,direction,year,month,quarter,value,"
            "currency,status\n"
            "KOR,CHN,\"TV \"\"DRAMAS\"\", HD\",free,re-export,2020,3,,1187.5,USD,estimated\n"
            "KOR,CHN,8523,hs,import,2021,,2,0.000000001,USD,estimated\n"
            "KOR,CHN,SK1,ebops,re-export,2022,,,4070000000000,USD,reported\n"
            "KOR,CHN,891,sitc,re-export,1999,12,,7,USD,estimated\n");
}

TEST(FlowWriterTest, JsonLinesHaveTheSameFields) {
  const std::string out = Write(ExportFormat::kJsonLines, {Flows()[0], Flows()[1]});
  EXPECT_EQ(out,
            "{\"reporter\":\"KOR\",\"partner\":\"CHN\",\"product\":\"TV \\\"DRAMAS\\\", HD\","
            "\"classification\":\"free\",\"direction\":\"re-export\",\"year\":2020,\"month\":3,"
            "\"quarter\":0,\"value\":\"1187.5\",\"currency\":\"USD\",\"status\":\"estimated\"}\n"
            "{\"reporter\":\"KOR\",\"partner\":\"CHN\",\"product\":\"8523\","
            "\"classification\":\"hs\",\"direction\":\"import\",\"year\":2021,\"month\":0,"
            "\"quarter\":2,\"value\":\"0.000000001\",\"currency\":\"USD\",\"status\":"
            "\"estimated\"}\n");
}

TEST(FlowWriterTest, ControlCharactersAreEscapedInJson) {
  std::vector<v1::TradeFlow> flows = {Flows()[0]};
  flows[0].mutable_product()->set_code("a\\b\nc");
  EXPECT_THAT(Write(ExportFormat::kJsonLines, flows), HasSubstr(R"("product":"a\\b\u000ac")"));
}

TEST(FlowWriterTest, TheCsvReadsBackAsTheSameFlows) {
  std::istringstream in(Write(ExportFormat::kCsv, Flows()));
  absl::StatusOr<import::FlowCsv> read = import::ReadFlowsCsv(in, {});
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->flows.size(), Flows().size());
  for (size_t i = 0; i < Flows().size(); ++i) {
    v1::TradeFlow expected = Flows()[i];
    EXPECT_EQ(read->flows[i].SerializeAsString(), expected.SerializeAsString())
        << i << ": " << read->flows[i].DebugString() << " vs " << expected.DebugString();
  }
  EXPECT_EQ(read->report.layout, "long (detected from the header)");
}

TEST(FlowWriterTest, AnEmptyDatasetIsTheHeaderAlone) {
  std::ostringstream out;
  FlowWriter writer(ExportFormat::kCsv, out);
  EXPECT_EQ(out.str(),
            "reporter,partner,product,classification,direction,year,month,quarter,value,"
            "currency,status\n");
  std::ostringstream json;
  FlowWriter lines(ExportFormat::kJsonLines, json);
  EXPECT_EQ(json.str(), "");
}

TEST(FlowWriterTest, FormatsAreCsvAndJsonl) {
  EXPECT_EQ(*ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(*ParseExportFormat("jsonl"), ExportFormat::kJsonLines);
  EXPECT_EQ(ParseExportFormat("json").status().message(), "--format is csv or jsonl, not 'json'");
}

}  // namespace
}  // namespace culturetrade::ctrade
