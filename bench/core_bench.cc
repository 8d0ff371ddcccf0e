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

const FlowTable& Table(int64_t n) {
  static auto* cache = new std::map<int64_t, FlowTable>();
  auto it = cache->find(n);
  if (it == cache->end()) it = cache->emplace(n, WorldTable(n)).first;
  return it->second;
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

// One pair's series: a scan of every row comparing dictionary codes.
void BM_AnnualSeries(benchmark::State& state) {
  const FlowTable& t = Table(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(BuildAnnualSeries(t, {"AFG", "AGO", "HS9700"}, Direction::kExport));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AnnualSeries)->Apply(Sizes)->Unit(benchmark::kMillisecond);

// The balance table of one pair: two series, growth, cumulative balance.
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
    absl::int128 sum = 0;
    for (absl::int128 v : t.nanos()) sum += v;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SumValues)->Apply(Sizes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace culturetrade::bench

BENCHMARK_MAIN();
