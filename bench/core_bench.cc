// Google Benchmark targets for the analysis library's main kernels, at 10^4 to 10^7 flows.
// Speed is measured here, never asserted in tests; compare runs as ratios, not seconds.
#include <benchmark/benchmark.h>

#include "bench/world.h"
#include "core/annual_series.h"
#include "core/exchange_rates.h"
#include "core/flow_currency.h"
#include "core/pair_balances.h"
#include "core/trade_balance.h"

namespace culturetrade::bench {
namespace {

// The first `n` flows, sealed as a cache holds them: the series index is built before the clock.
const FlowTable& Table(int64_t n) {
  static auto* cache = new std::map<int64_t, FlowTable>();
  auto it = cache->find(n);
  if (it == cache->end()) {
    it = cache->emplace(n, WorldTable(n)).first;
    it->second.Seal();
  }
  return it->second;
}

// The world's flows in blocks of 8192, as a store hands them over: 1,221 blocks for 10^7.
constexpr int64_t kBlockFlows = 8192;

const std::vector<FlowBlock>& Blocks(int64_t n) {
  static auto* blocks = new std::vector<FlowBlock>();
  for (int64_t first = static_cast<int64_t>(blocks->size()) * kBlockFlows; first < n;
       first += kBlockFlows) {
    blocks->push_back(WorldBlock(first, std::min(n, first + kBlockFlows)));
  }
  return *blocks;
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (int64_t n : {10'000, 100'000, 1'000'000, 10'000'000}) b->Arg(n);
}

// Building the columns: what a cache miss costs.
void BM_BuildFlowTable(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(WorldTable(state.range(0)));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BuildFlowTable)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Building the columns from blocks, as a cache does: dictionaries mapped once a block, then
// tight loops over the columns into storage that grows geometrically, or that is reserved first
// when the first argument is 1 (a cache knows the flow count of the revision it loads).
void BM_AppendBlocks(benchmark::State& state) {
  const int64_t n = state.range(1);
  const std::vector<FlowBlock>& blocks = Blocks(n);
  const size_t count = static_cast<size_t>((n + kBlockFlows - 1) / kBlockFlows);
  for (auto _ : state) {
    FlowTable table;
    if (state.range(0) == 1) table.Reserve(static_cast<size_t>(n));
    for (size_t b = 0; b < count; ++b) table.Append(blocks[b]);
    benchmark::DoNotOptimize(table);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_AppendBlocks)
    ->ArgsProduct({{0, 1}, {10'000, 100'000, 1'000'000, 10'000'000}})
    ->Unit(benchmark::kMillisecond);

// Sealing a table: giving back spare capacity and building the series index.
void BM_Seal(benchmark::State& state) {
  const FlowTable& sealed = Table(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    FlowTable table = WorldTable(state.range(0));
    state.ResumeTiming();
    table.Seal();
    benchmark::DoNotOptimize(table);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["bytes_per_flow"] =
      static_cast<double>(sealed.ColumnBytes()) / static_cast<double>(sealed.size());
}
BENCHMARK(BM_Seal)->Apply(Sizes)->Unit(benchmark::kMillisecond);

// One pair's series: the series' rows from the index.
void BM_AnnualSeries(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(BuildAnnualSeries(t, {"AFG", "AGO", "HS9700"}, Direction::kExport));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AnnualSeries)->Apply(Sizes)->Unit(benchmark::kMillisecond);

// The balance table of one pair: two series from the index, growth, cumulative balance.
void BM_Balance(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(ComputeBalance(t, {"AFG", "AGO", "HS9700"}, BalanceOptions{}));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Balance)->Apply(Sizes)->Unit(benchmark::kMillisecond);

// Every pair's yearly balance and growth: one pass over the columns into dense cells.
void BM_PairBalances(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(ComputePairBalances(t));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PairBalances)->Apply(Sizes)->Unit(benchmark::kMillisecond);

// Converting every flow to another currency at its year's rate.
void BM_Convert(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  std::vector<RateObservation> rates;
  for (int year = kWorldFirstYear; year < kWorldFirstYear + kWorldYears; ++year) {
    rates.push_back({year, 0, 0, "USD", "CNY", *Decimal::Parse("6.1937")});
  }
  const ExchangeRates fx(rates);
  for (auto _ : state) benchmark::DoNotOptimize(ExpressFlowsIn(t, fx, "CNY"));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Convert)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The baseline the others are read against: summing the value column, nothing else.
void BM_SumValues(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  for (auto _ : state) {
    const absl::int128 sum = t.values().Visit([&t](const auto* values, int64_t unit_nanos) {
      absl::int128 s = 0;
      for (size_t i = 0; i < t.size(); ++i) s += values[i];
      return s * unit_nanos;
    });
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SumValues)->Apply(Sizes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace culturetrade::bench

BENCHMARK_MAIN();
