#include "core/flow_table.h"

#include <gtest/gtest.h>

#include "core/annual_series.h"
#include "core/exchange_rates.h"
#include "core/flow_currency.h"

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

std::vector<Flow> Sample() {
  return {
      {"CHN",
       "KOR",
       "TV",
       Direction::kExport,
       {2010, 0, 0},
       D("4.07"),
       "CNY",
       ValueStatus::kReported},
      {"KOR",
       "CHN",
       "TV",
       Direction::kImport,
       {2011, 3, 0},
       D("1.5"),
       "USD",
       ValueStatus::kEstimated},
      {"CHN", "KOR", "TV", Direction::kExport, {2012, 0, 0}, D("5"), "CNY", ValueStatus::kDerived}};
}

TEST(FlowTableTest, RowsRoundTripThroughTheColumns) {
  const std::vector<Flow> flows = Sample();
  const FlowTable table(flows);
  ASSERT_EQ(table.size(), 3u);
  for (size_t i = 0; i < flows.size(); ++i) {
    const Flow row = table.Row(i);
    EXPECT_EQ(row.reporter, flows[i].reporter);
    EXPECT_EQ(row.partner, flows[i].partner);
    EXPECT_EQ(row.product_code, flows[i].product_code);
    EXPECT_EQ(row.direction, flows[i].direction);
    EXPECT_EQ(row.period.month, flows[i].period.month);
    EXPECT_EQ(row.value, flows[i].value);
    EXPECT_EQ(row.currency, flows[i].currency);
    EXPECT_EQ(row.status, flows[i].status);
  }
  // Two economies and one product however many rows: the dictionaries hold each string once.
  EXPECT_EQ(table.economies().size(), 2u);
  EXPECT_EQ(table.products().size(), 1u);
  EXPECT_EQ(table.ColumnBytes(), 3u * 32u);
}

TEST(FlowTableTest, SeriesSelectsByCode) {
  const FlowTable table(Sample());
  absl::StatusOr<AnnualSeries> s =
      BuildAnnualSeries(table, {"CHN", "KOR", "TV"}, Direction::kExport);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->years().size(), 2u);
  EXPECT_EQ(s->years()[1].value, D("5"));
  EXPECT_EQ(s->years()[1].status, ValueStatus::kDerived);
  EXPECT_TRUE(BuildAnnualSeries(table, {"JPN", "KOR", "TV"}, Direction::kExport)->empty());
}

TEST(FlowTableTest, ConversionUsesEachRowsPeriod) {
  const ExchangeRates rates(
      {{2010, 0, 0, "USD", "CNY", D("6.5")}, {2012, 0, 0, "USD", "CNY", D("5")}});
  FlowTable table(Sample());
  // Only the CNY rows: the USD import of 2011 has no rate and is left out here.
  FlowTable exports;
  for (size_t i : {0u, 2u}) exports.AddRow(table, i);
  absl::StatusOr<FlowTable> usd = ExpressFlowsIn(exports, rates, "USD");
  ASSERT_TRUE(usd.ok()) << usd.status();
  EXPECT_EQ(usd->Row(0).value, D("0.626153846"));  // 4.07 / 6.5
  EXPECT_EQ(usd->Row(1).value, D("1"));
  EXPECT_EQ(usd->Row(1).currency, "USD");
  absl::StatusOr<FlowTable> missing = ExpressFlowsIn(table, rates, "CNY");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("2011"), absl::string_view::npos);
}

}  // namespace
}  // namespace culturetrade
