#include "core/flow_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/annual_series.h"
#include "core/exchange_rates.h"
#include "core/flow_block_builder.h"
#include "core/flow_currency.h"

namespace culturetrade {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow F(const char* reporter, const char* partner, const char* product, Direction direction,
       Period period, const char* value, const char* currency, ValueStatus status) {
  return {reporter, partner, product, direction, period, D(value), currency, status};
}

std::vector<Flow> Sample() {
  return {
      F("CHN", "KOR", "TV", Direction::kExport, {2010, 0, 0}, "4.07", "CNY",
        ValueStatus::kReported),
      F("KOR", "CHN", "TV", Direction::kImport, {2011, 3, 0}, "1.5", "USD",
        ValueStatus::kEstimated),
      F("CHN", "KOR", "TV", Direction::kExport, {2012, 0, 0}, "5", "CNY", ValueStatus::kDerived)};
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
  // 2 + 2 reporter and partner, 4 product, 1 currency, 2 year, 1 kind, 8 value; the index's 4
  // once built.
  EXPECT_EQ(table.ColumnBytes(), 3u * 20u);
  FlowTable sealed = table;
  sealed.Seal();
  EXPECT_EQ(sealed.ColumnBytes(), 3u * 24u);
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

void ExpectSameRows(const FlowTable& a, const FlowTable& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const Flow x = a.Row(i), y = b.Row(i);
    EXPECT_EQ(x.reporter, y.reporter) << i;
    EXPECT_EQ(x.partner, y.partner) << i;
    EXPECT_EQ(x.product_code, y.product_code) << i;
    EXPECT_EQ(x.direction, y.direction) << i;
    EXPECT_EQ(x.period.year, y.period.year) << i;
    EXPECT_EQ(x.period.month, y.period.month) << i;
    EXPECT_EQ(x.period.quarter, y.period.quarter) << i;
    EXPECT_EQ(x.value, y.value) << i;
    EXPECT_EQ(x.currency, y.currency) << i;
    EXPECT_EQ(x.status, y.status) << i;
  }
}

FlowBlock BlockOf(const std::vector<Flow>& flows) {
  FlowBlockBuilder b;
  for (const Flow& f : flows) {
    b.Add({b.Economy(f.reporter), b.Economy(f.partner),
           b.Product(Classification::kFree, f.product_code, ""), b.Currency(f.currency), f.period,
           f.direction, f.status, f.value, /*source=*/std::nullopt,
           /*quantity_amount=*/"", /*quantity_unit=*/0});
  }
  return b.Take();
}

TEST(FlowTableTest, PeriodDirectionAndStatusRoundTripInOneByte) {
  std::vector<Flow> flows;
  for (int part = 0; part <= 16; ++part) {
    for (Direction d :
         {Direction::kExport, Direction::kImport, Direction::kReExport, Direction::kReImport}) {
      for (ValueStatus s :
           {ValueStatus::kEstimated, ValueStatus::kDerived, ValueStatus::kReported}) {
        const Period p{2000 + part, part <= 12 ? part : 0, part > 12 ? part - 12 : 0};
        flows.push_back({"CHN", "KOR", "TV", d, p, D("1"), "USD", s});
      }
    }
  }
  const FlowTable table(flows);
  ExpectSameRows(table, FlowTable(table));  // a copy
  for (size_t i = 0; i < flows.size(); ++i) {
    EXPECT_EQ(table.month(i), flows[i].period.month);
    EXPECT_EQ(table.quarter(i), flows[i].period.quarter);
    EXPECT_EQ(table.direction(i), flows[i].direction);
    EXPECT_EQ(table.status(i), flows[i].status);
    EXPECT_EQ(table.year()[i], flows[i].period.year);
  }
}

TEST(FlowTableTest, AppendMapsEachBlocksOwnDictionaries) {
  // The second block lists its economies, products and currencies in another order, and adds
  // some the first lacks; appending both must give the rows that adding them one by one gives.
  const std::vector<Flow> first = {F("CHN", "KOR", "TV", Direction::kExport, {2010, 0, 0}, "4.07",
                                     "CNY", ValueStatus::kReported),
                                   F("KOR", "CHN", "FILM", Direction::kImport, {2011, 3, 0}, "1.5",
                                     "USD", ValueStatus::kEstimated)};
  const std::vector<Flow> second = {
      F("JPN", "KOR", "FILM", Direction::kExport, {2012, 0, 2}, "7", "USD", ValueStatus::kDerived),
      F("KOR", "JPN", "GAME", Direction::kReExport, {2012, 0, 0}, "0.000000001", "JPY",
        ValueStatus::kReported),
      F("CHN", "KOR", "TV", Direction::kExport, {2012, 0, 0}, "-3", "CNY", ValueStatus::kReported)};
  FlowTable appended;
  appended.Append(BlockOf(first));
  appended.Append(BlockOf(second));
  std::vector<Flow> all = first;
  all.insert(all.end(), second.begin(), second.end());
  ExpectSameRows(appended, FlowTable(all));
  EXPECT_EQ(appended.economies().size(), 3u);
  EXPECT_EQ(appended.products().size(), 3u);
  EXPECT_EQ(appended.currencies().size(), 3u);
  EXPECT_EQ(appended.values().scale(), 9);  // the nano of the second block rescaled the first
}

TEST(FlowTableTest, ValuesTooLargeForInt64FallBackToInt128) {
  FlowTable table(Sample());
  const Decimal huge = D("98765432109876543210.123456789");
  table.Add("USA", "CHN", "TV", Direction::kExport, {2013, 0, 0}, huge, "USD",
            ValueStatus::kReported);
  EXPECT_TRUE(table.values().wide());
  EXPECT_EQ(table.value(3), huge);
  EXPECT_EQ(table.value(0), D("4.07"));
  table.Seal();
  EXPECT_EQ(table.ColumnBytes(), 4u * (24u + 8u));
}

// A table of `n` flows of a few series, the series interleaved row by row.
std::vector<Flow> Interleaved(int n) {
  const char* economies[] = {"CHN", "KOR", "JPN", "USA"};
  std::vector<Flow> flows;
  for (int i = 0; i < n; ++i) {
    const Direction d = i % 2 == 0 ? Direction::kExport : Direction::kImport;
    flows.push_back({economies[i % 4], economies[i / 4 % 4], i % 3 == 0 ? "TV" : "FILM", d,
                     Period{2000 + i % 7, 0, 0}, D(absl::StrCat(i, ".5").c_str()), "USD",
                     ValueStatus::kReported});
  }
  return flows;
}

// The rows a scan finds for `accept`, in table order.
template <typename Accept>
std::vector<uint32_t> Scan(const FlowTable& t, Accept accept) {
  std::vector<uint32_t> rows;
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (accept(i)) rows.push_back(i);
  }
  return rows;
}

TEST(FlowTableTest, TheIndexFindsWhatAScanFinds) {
  const FlowTable table(Interleaved(500));
  for (uint32_t r = 0; r < table.economies().size(); ++r) {
    for (uint32_t p = 0; p < table.economies().size(); ++p) {
      const auto pair = [&](uint32_t i) {
        return table.reporter()[i] == r && table.partner()[i] == p;
      };
      for (uint32_t k = 0; k < table.products().size(); ++k) {
        const absl::Span<const uint32_t> found = table.SeriesRows(r, p, k);
        EXPECT_EQ(std::vector<uint32_t>(found.begin(), found.end()),
                  Scan(table, [&](uint32_t i) { return pair(i) && table.product()[i] == k; }));
      }
      absl::Span<const uint32_t> found = table.PairRows(r, p);
      std::vector<uint32_t> sorted(found.begin(), found.end());
      std::sort(sorted.begin(), sorted.end());
      EXPECT_EQ(sorted, Scan(table, pair));
    }
    const absl::Span<const uint32_t> found = table.ReporterRows(r);
    std::vector<uint32_t> sorted(found.begin(), found.end());
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, Scan(table, [&](uint32_t i) { return table.reporter()[i] == r; }));
  }
}

TEST(FlowTableTest, LookupsOfCodesTheTableLacksFindNothing) {
  const FlowTable table(Sample());
  EXPECT_THAT(table.SeriesRows({"JPN", "KOR", "TV"}), IsEmpty());
  EXPECT_THAT(table.SeriesRows({"CHN", "KOR", "FILM"}), IsEmpty());
  EXPECT_THAT(table.SeriesRows(Dictionary::kAbsent, 0, 0), IsEmpty());
  EXPECT_THAT(table.PairRows(0, Dictionary::kAbsent), IsEmpty());
  EXPECT_THAT(table.ReporterRows(Dictionary::kAbsent), IsEmpty());
  EXPECT_THAT(FlowTable().ReporterRows(0), IsEmpty());
  EXPECT_THAT(table.SeriesRows({"CHN", "KOR", "TV"}), ElementsAre(0, 2));
}

TEST(FlowTableTest, AddingRowsRebuildsTheIndex) {
  FlowTable table(Sample());
  EXPECT_THAT(table.SeriesRows({"KOR", "CHN", "TV"}), ElementsAre(1));
  table.Add(table.Row(1));
  EXPECT_THAT(table.SeriesRows({"KOR", "CHN", "TV"}), ElementsAre(1, 3));
  table.Append(BlockOf({table.Row(1)}));
  EXPECT_THAT(table.SeriesRows({"KOR", "CHN", "TV"}), ElementsAre(1, 3, 4));
  // A new value keeps the keys, and the index with them.
  table.SetValue(3, D("2.25"), table.InternCurrency("USD"));
  EXPECT_THAT(table.SeriesRows({"KOR", "CHN", "TV"}), ElementsAre(1, 3, 4));
  EXPECT_EQ(table.value(3), D("2.25"));
}

TEST(FlowTableTest, ThreadsLookingUpAtOnceShareOneIndex) {
  const FlowTable table(Interleaved(20000));
  const std::vector<uint32_t> expected = Scan(table, [&](uint32_t i) {
    return table.reporter()[i] == 1 && table.partner()[i] == 1 && table.product()[i] == 0;
  });
  ASSERT_FALSE(expected.empty());
  std::vector<std::vector<uint32_t>> found(4);
  std::vector<std::thread> threads;
  threads.reserve(found.size());
  for (auto& rows : found) {
    threads.emplace_back([&table, &rows] {
      const absl::Span<const uint32_t> r = table.SeriesRows(1, 1, 0);
      rows.assign(r.begin(), r.end());
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& rows : found) EXPECT_EQ(rows, expected);
}

TEST(FlowTableTest, ASealedTableOfBlocksHoldsAtMost24BytesAFlow) {
  const std::vector<Flow> flows = Interleaved(10000);
  FlowTable table;
  for (size_t start = 0; start < flows.size(); start += 999) {
    const size_t end = std::min(flows.size(), start + 999);
    table.Append(BlockOf({flows.begin() + start, flows.begin() + end}));
  }
  ExpectSameRows(table, FlowTable(flows));
  table.Seal();
  EXPECT_FALSE(table.values().wide());
  EXPECT_EQ(table.values().scale(), 1);
  EXPECT_EQ(table.ColumnBytes(), 24u * flows.size());
}

}  // namespace
}  // namespace culturetrade
