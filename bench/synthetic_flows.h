// A deterministic synthetic world of trade flows for benchmarks: reporters × partners ×
// products × years, exports and imports, values from a fixed-seed generator.
#ifndef CULTURETRADE_BENCH_SYNTHETIC_FLOWS_H_
#define CULTURETRADE_BENCH_SYNTHETIC_FLOWS_H_

#include <cstdint>
#include <random>
#include <string>

#include "absl/strings/str_format.h"
#include "core/flow_table.h"

namespace culturetrade::bench {

// About `n` flows over up to 200 economies, 50 products and 20 years, the same every run.
inline FlowTable SyntheticFlows(int64_t n) {
  FlowTable table;
  table.Reserve(static_cast<size_t>(n));
  std::mt19937_64 rng(20101016);
  std::uniform_int_distribution<int64_t> units(1, 5'000'000);
  constexpr int kYears = 20, kProducts = 50, kEconomies = 200;
  for (int64_t i = 0; i < n; ++i) {
    const int year = 2000 + static_cast<int>(i % kYears);
    const int direction = static_cast<int>((i / kYears) % 2);
    const int64_t cell = i / (2 * kYears);
    const int product = static_cast<int>(cell % kProducts);
    const int partner = static_cast<int>((cell / kProducts) % kEconomies);
    const int reporter = static_cast<int>((cell / kProducts / kEconomies) % kEconomies);
    table.Add(absl::StrFormat("R%03d", reporter), absl::StrFormat("P%03d", partner),
              absl::StrFormat("K%02d", product), static_cast<Direction>(direction),
              Period{year, 0, 0}, Decimal::FromUnits(units(rng)), "USD", ValueStatus::kReported);
  }
  return table;
}

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_SYNTHETIC_FLOWS_H_
