#include "bench/rpc/mixed_fleet.h"

#include <cstdint>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/rpc/world_trade_flows.h"
#include "bench/world.h"

namespace culturetrade::bench {
namespace {

constexpr int kMaxSeries = 4;
constexpr int kMaxYears = 12;

// World flow index of (reporter, partner slot, product, direction, year): year varies fastest,
// then direction, product, partner and reporter (bench/world.h).
int64_t WorldIndex(int reporter, int partner, int product, int direction, int year) {
  return (((int64_t{reporter} * kWorldPartners + partner) * kWorldProducts + product) * 2 +
          direction) *
             kWorldYears +
         year;
}

int Uniform(std::mt19937_64& random, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(random);
}

}  // namespace

FleetDataset MixedFleetDataset(int d) {
  std::mt19937_64 random(static_cast<uint64_t>(d) * 0x9e3779b97f4a7c15ULL + 1);
  FleetDataset out;
  out.id = absl::StrFormat("mixed-%04d", d);
  const int reporter = Uniform(random, 0, kWorldReporters - 1);
  // Distinct series, so that no two flows share a key.
  std::set<std::pair<int, int>> series;
  const int wanted = Uniform(random, 1, kMaxSeries);
  while (static_cast<int>(series.size()) < wanted) {
    series.emplace(Uniform(random, 0, kWorldPartners - 1), Uniform(random, 0, kWorldProducts - 1));
  }
  std::vector<int> series_start;  // the index of each series' first flow
  for (const auto& [partner, product] : series) {
    series_start.push_back(out.dataset.flows_size());
    const int years = Uniform(random, 1, kMaxYears);
    const int first = Uniform(random, 0, kWorldYears - years);
    for (int year = first; year < first + years; ++year) {
      for (int direction = 0; direction < 2; ++direction) {
        *out.dataset.add_flows() =
            WorldTradeFlow(WorldIndex(reporter, partner, product, direction, year));
      }
    }
  }
  out.dataset.set_display_name(absl::StrCat("Fleet dataset ", d));
  out.dataset.set_description("Synthetic series of the benchmark world (bench/rpc/mixed_fleet.h).");
  const v1::TradeFlow& flow = out.dataset.flows(
      series_start[Uniform(random, 0, static_cast<int>(series_start.size()) - 1)]);
  out.analysis.set_dataset(absl::StrCat("datasets/", out.id));
  out.analysis.set_reporter(flow.reporter());
  out.analysis.set_partner(flow.partner());
  out.analysis.set_product_code(flow.product().code());
  return out;
}

}  // namespace culturetrade::bench
