#include "core/pair_balances.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/trade_balance.h"

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow F(const char* reporter, const char* partner, const char* product, Direction d, int year,
       const char* value, int month = 0, const char* currency = "USD") {
  return Flow{reporter,
              partner,
              product,
              d,
              Period{year, month, 0},
              D(value),
              currency,
              ValueStatus::kReported};
}

TEST(PairBalancesTest, HandComputedPairs) {
  const std::vector<Flow> flows = {
      F("KOR", "CHN", "SK1", Direction::kExport, 2010, "100.25"),
      F("KOR", "CHN", "TV", Direction::kExport, 2010, "20.50"),  // products add up
      F("KOR", "CHN", "SK1", Direction::kImport, 2010, "60.10"),
      F("CHN", "KOR", "SK1", Direction::kExport, 2011, "7"),
      F("KOR", "CHN", "SK1", Direction::kExport, 2012, "483"),    // 120.75 → 483: ×4 in 2 years
      F("KOR", "CHN", "SK1", Direction::kReExport, 2012, "999"),  // not counted
  };
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable(flows));
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->currency, "USD");
  ASSERT_EQ(b->pairs.size(), 2u);
  const PairBalance& kor = b->pairs[0];
  EXPECT_EQ(kor.reporter, "KOR");
  EXPECT_EQ(kor.partner, "CHN");
  const absl::Span<const PairYear> years = b->YearsOf(kor);
  ASSERT_EQ(years.size(), 2u);  // 2011 is a gap, not a zero
  EXPECT_EQ(years[0].year, 2010);
  EXPECT_EQ(years[0].exports, D("120.75"));
  EXPECT_EQ(years[0].imports, D("60.10"));
  EXPECT_EQ(*years[0].balance(), D("60.65"));
  EXPECT_EQ(years[1].year, 2012);
  EXPECT_EQ(years[1].exports, D("483"));
  EXPECT_FALSE(years[1].has_imports);
  EXPECT_FALSE(years[1].balance().has_value());
  EXPECT_EQ(kor.export_growth.start_year, 2010);
  EXPECT_EQ(kor.export_growth.end_year, 2012);
  ASSERT_TRUE(kor.export_growth.rate.ok());
  EXPECT_DOUBLE_EQ(*kor.export_growth.rate, 1.0);  // doubling a year
  EXPECT_FALSE(kor.import_growth.rate.ok());       // one year of imports only
  const PairBalance& chn = b->pairs[1];
  EXPECT_EQ(chn.reporter, "CHN");
  ASSERT_EQ(b->YearsOf(chn).size(), 1u);
  EXPECT_EQ(b->YearsOf(chn)[0].exports, D("7"));
  EXPECT_FALSE(chn.import_growth.rate.ok());
}

TEST(PairBalancesTest, PartialYearsAreMarkedAndLeftOutOfGrowth) {
  std::vector<Flow> flows = {F("KOR", "CHN", "SK1", Direction::kExport, 2010, "10"),
                             F("KOR", "CHN", "SK1", Direction::kExport, 2012, "40")};
  for (int m = 1; m <= 6; ++m) {
    flows.push_back(F("KOR", "CHN", "SK1", Direction::kExport, 2013, "1", m));
  }
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable(flows));
  ASSERT_TRUE(b.ok()) << b.status();
  const absl::Span<const PairYear> years = b->YearsOf(b->pairs[0]);
  ASSERT_EQ(years.size(), 3u);
  EXPECT_EQ(years[2].exports, D("6"));
  EXPECT_TRUE(years[2].exports_partial);
  EXPECT_EQ(b->pairs[0].export_growth.end_year, 2012);
  EXPECT_DOUBLE_EQ(*b->pairs[0].export_growth.rate, 1.0);
}

TEST(PairBalancesTest, RefusesMixedCurrencies) {
  const std::vector<Flow> flows = {F("KOR", "CHN", "SK1", Direction::kExport, 2010, "1"),
                                   F("JPN", "CHN", "SK1", Direction::kImport, 2010, "1", 0, "EUR")};
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable(flows));
  EXPECT_EQ(b.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(b.status().message().find("USD and EUR"), std::string::npos) << b.status();
}

TEST(PairBalancesTest, EmptyTableHasNoPairs) {
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable());
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->pairs.empty());
}

// A value past what an int64 of nanos holds widens the value column: the pass then adds int128
// nanos instead of scaled counts, with the same figures.
TEST(PairBalancesTest, WideValuesAddUpTheSame) {
  const std::vector<Flow> flows = {
      F("KOR", "CHN", "SK1", Direction::kExport, 2010, "0.25"),
      F("KOR", "CHN", "TV", Direction::kExport, 2010, "98765432109876543210.123456789"),
      F("KOR", "CHN", "SK1", Direction::kImport, 2010, "-1.5")};
  const FlowTable table(flows);
  ASSERT_TRUE(table.values().wide());
  absl::StatusOr<PairBalances> b = ComputePairBalances(table);
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->years.size(), 1u);
  EXPECT_EQ(b->years[0].exports, D("98765432109876543210.373456789"));
  EXPECT_EQ(b->years[0].imports, D("-1.5"));
}

// More economies than the dense slot array takes: the pairs go through a hash map instead.
TEST(PairBalancesTest, ManyEconomies) {
  std::vector<Flow> flows;
  for (int e = 0; e < 3000; ++e) {
    const std::string reporter = absl::StrCat("E", e), partner = absl::StrCat("E", e + 1);
    flows.push_back(F(reporter.c_str(), partner.c_str(), "SK1", Direction::kExport, 2010, "1"));
    flows.push_back(F(reporter.c_str(), partner.c_str(), "SK1", Direction::kExport, 2011, "2"));
  }
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable(flows));
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->pairs.size(), 3000u);
  EXPECT_EQ(b->pairs[2999].reporter, "E2999");
  EXPECT_EQ(b->YearsOf(b->pairs[2999])[1].exports, D("2"));
  EXPECT_DOUBLE_EQ(*b->pairs[2999].export_growth.rate, 1.0);
}

// A few thousand random flows with gaps, months, re-exports and several products.
std::vector<Flow> RandomFlows() {
  std::mt19937 rng(7);
  const char* economies[] = {"KOR", "CHN", "JPN", "USA", "FRA", "DEU"};
  const char* products[] = {"SK1", "TV", "9701"};
  std::vector<Flow> flows;
  for (int n = 0; n < 4000; ++n) {
    const int r = static_cast<int>(rng() % 6), p = static_cast<int>((r + 1 + rng() % 5) % 6);
    const auto direction = static_cast<Direction>(rng() % 5 == 0 ? 2 : rng() % 2);
    const int month = rng() % 10 == 0 ? static_cast<int>(1 + rng() % 12) : 0;
    const std::string value = absl::StrCat(rng() % 100000, ".", rng() % 100);
    flows.push_back(F(economies[r], economies[p], products[rng() % 3], direction,
                      2001 + static_cast<int>(rng() % 12), value.c_str(), month));
  }
  return flows;
}

// The same figures from ComputeBalance, pair by pair, with every product renamed to one.
TEST(PairBalancesTest, AgreesWithThePerPairBalance) {
  const std::vector<Flow> flows = RandomFlows();
  std::map<std::pair<std::string, std::string>, std::vector<Flow>> by_pair;
  for (Flow f : flows) {
    f.product_code = "ALL";
    by_pair[{f.reporter, f.partner}].push_back(f);
  }
  absl::StatusOr<PairBalances> b = ComputePairBalances(FlowTable(flows));
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->pairs.size(), by_pair.size());
  for (const PairBalance& pair : b->pairs) {
    SCOPED_TRACE(pair.reporter + "-" + pair.partner);
    absl::StatusOr<BalanceTable> want =
        ComputeBalance(FlowTable(by_pair[{pair.reporter, pair.partner}]),
                       {pair.reporter, pair.partner, "ALL"}, BalanceOptions{});
    ASSERT_TRUE(want.ok()) << want.status();
    const absl::Span<const PairYear> years = b->YearsOf(pair);
    ASSERT_EQ(years.size(), want->rows.size());
    for (size_t i = 0; i < years.size(); ++i) {
      const BalanceRow& row = want->rows[i];
      EXPECT_EQ(years[i].year, row.year);
      EXPECT_EQ(years[i].has_exports, row.exports.has_value());
      EXPECT_EQ(years[i].has_imports, row.imports.has_value());
      if (row.exports) {
        EXPECT_EQ(years[i].exports, row.exports->value);
        EXPECT_EQ(years[i].exports_partial, row.exports->partial);
      }
      if (row.imports) {
        EXPECT_EQ(years[i].imports, row.imports->value);
        EXPECT_EQ(years[i].imports_partial, row.imports->partial);
      }
      EXPECT_EQ(years[i].balance(), row.balance);
    }
    for (const auto& [got, expected] : {std::pair(&pair.export_growth, &want->export_growth),
                                        std::pair(&pair.import_growth, &want->import_growth)}) {
      EXPECT_EQ(got->rate.ok(), expected->rate.ok());
      if (!got->rate.ok() || !expected->rate.ok()) continue;
      EXPECT_EQ(got->start_year, expected->start_year);
      EXPECT_EQ(got->end_year, expected->end_year);
      EXPECT_DOUBLE_EQ(*got->rate, *expected->rate);
    }
  }
}

}  // namespace
}  // namespace culturetrade
