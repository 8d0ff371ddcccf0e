#include "core/trade_balance.h"

#include <gtest/gtest.h>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow F(Direction d, int year, const char* value, const char* currency = "USD", int month = 0) {
  return Flow{
      "KOR", "CHN", "SK1", d, Period{year, month, 0}, D(value), currency, ValueStatus::kReported};
}

const SeriesKey kKey{"KOR", "CHN", "SK1"};

TEST(TradeBalanceTest, HandComputedYear) {
  const std::vector<Flow> flows = {F(Direction::kExport, 2020, "30"),
                                   F(Direction::kImport, 2020, "10")};
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ(t->rows.size(), 1u);
  const BalanceRow& r = t->rows[0];
  EXPECT_EQ(*r.balance, D("20"));
  EXPECT_EQ(*r.total_trade, D("40"));
  EXPECT_DOUBLE_EQ(*r.coverage_ratio, 3.0);
  EXPECT_DOUBLE_EQ(*r.normalized_balance, 0.5);
  EXPECT_EQ(t->currency, "USD");
}

TEST(TradeBalanceTest, MonthsSumExactlyIntoTheYear) {
  std::vector<Flow> flows;
  for (int m = 1; m <= 12; ++m) flows.push_back(F(Direction::kExport, 2021, "0.1", "USD", m));
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].exports->value, D("1.2"));
}

TEST(TradeBalanceTest, MissingYearsAreGapsNotZeros) {
  const std::vector<Flow> flows = {F(Direction::kExport, 2010, "10"),
                                   F(Direction::kImport, 2011, "5")};
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_FALSE(t->rows[0].imports.has_value());
  EXPECT_FALSE(t->rows[0].balance.has_value());
  EXPECT_FALSE(t->rows[0].coverage_ratio.has_value());
  EXPECT_FALSE(t->rows[1].exports.has_value());
  EXPECT_FALSE(t->rows[1].export_growth.has_value());
}

TEST(TradeBalanceTest, ZeroImportsLeaveCoverageUndefined) {
  const std::vector<Flow> flows = {F(Direction::kExport, 2010, "0"),
                                   F(Direction::kImport, 2010, "0")};
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t->rows[0].balance, D("0"));
  EXPECT_FALSE(t->rows[0].coverage_ratio.has_value());
  EXPECT_FALSE(t->rows[0].normalized_balance.has_value());
}

TEST(TradeBalanceTest, OtherPairsAndProductsAreIgnored) {
  std::vector<Flow> flows = {F(Direction::kExport, 2010, "10")};
  Flow other = F(Direction::kExport, 2010, "99");
  other.partner = "JPN";
  flows.push_back(other);
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].exports->value, D("10"));
}

TEST(TradeBalanceTest, MixedCurrenciesAreRefused) {
  const std::vector<Flow> flows = {F(Direction::kExport, 2010, "10", "USD"),
                                   F(Direction::kImport, 2010, "10", "CNY")};
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(t.status().message().find("CNY"), absl::string_view::npos);
}

TEST(TradeBalanceTest, WeakestStatusOfTheYearIsKept) {
  std::vector<Flow> flows = {F(Direction::kImport, 2010, "1"),
                             F(Direction::kImport, 2010, "2", "USD", 2)};
  flows[1].status = ValueStatus::kEstimated;
  absl::StatusOr<BalanceTable> t = ComputeBalance(FlowTable(flows), kKey, BalanceOptions{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].imports->status, ValueStatus::kEstimated);
}

}  // namespace
}  // namespace culturetrade
