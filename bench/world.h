// A deterministic synthetic world of trade flows for benchmarks: 200 reporters × 200 partners ×
// 50 products × 25 years (2000-2024) × exports and imports, 10^8 flows in all.
//
// Flow i is a pure function of i, the same on every run and machine, so a dataset of n flows is
// the first n of the world and every tool of a comparison reads the very same figures. Codes are
// ones the server accepts: real ISO 3166-1 alpha-3 economies (a reporter never trades with
// itself), free product codes, values in US dollars with cents so that only exact sums agree.
#ifndef CULTURETRADE_BENCH_WORLD_H_
#define CULTURETRADE_BENCH_WORLD_H_

#include <cstdint>
#include <ostream>

#include "core/flow.h"
#include "core/flow_block.h"
#include "core/flow_table.h"

namespace culturetrade::bench {

inline constexpr int kWorldReporters = 200;
inline constexpr int kWorldPartners = 200;
inline constexpr int kWorldProducts = 50;
inline constexpr int kWorldFirstYear = 2000;
inline constexpr int kWorldYears = 25;
inline constexpr int64_t kWorldFlows =
    int64_t{kWorldReporters} * kWorldPartners * kWorldProducts * kWorldYears * 2;
static_assert(kWorldFlows == 100'000'000);

// The i-th flow of the world (0 <= i < kWorldFlows). Year varies fastest, then direction
// (export, import), product, partner and reporter.
Flow WorldFlow(int64_t i);

// The first `n` flows as a FlowTable, built without going through Flow's strings.
FlowTable WorldTable(int64_t n);

// Flows [first, end) as one block, as a store hands them over or an SDK uploads them; a world
// too large to hold (10^8 flows) is generated block by block.
FlowBlock WorldBlock(int64_t first, int64_t end);

// The first `n` flows as a CSV file in ctrade's long layout (reporter, partner, product,
// direction, year, value, currency), which `ctrade datasets create NAME --csv FILE` imports.
void WriteWorldCsv(int64_t n, std::ostream& out);

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_WORLD_H_
