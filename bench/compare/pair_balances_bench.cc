// culturetrade-compare-core --flows N --runs R: times ComputePairBalances on the first N flows
// of the synthetic world (bench/world.h), held in memory as a FlowTable built before the clock
// starts, and prints the times and a summary of the answer as one JSON object for compare.py.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/world.h"
#include "core/pair_balances.h"

ABSL_FLAG(int64_t, flows, 0, "how many flows of the world, from its first (at most 10^8)");
ABSL_FLAG(int, runs, 1, "how many times to time the kernel");

namespace culturetrade::bench {
namespace {

// The figures every tool's answer must agree on; balances in cents (the world's values have
// cents and nothing smaller, so the division is exact).
std::string Summary(const PairBalances& b) {
  int64_t years_with_balance = 0, cagr_defined = 0;
  absl::int128 balance = 0;
  double export_cagr = 0, import_cagr = 0;
  for (const PairYear& y : b.years) {
    if (std::optional<Decimal> v = y.balance()) {
      balance += v->nanos();
      ++years_with_balance;
    }
  }
  for (const PairBalance& p : b.pairs) {
    if (p.export_growth.rate.ok()) export_cagr += *p.export_growth.rate, ++cagr_defined;
    if (p.import_growth.rate.ok()) import_cagr += *p.import_growth.rate, ++cagr_defined;
  }
  const absl::int128 cents = balance / (Decimal::kNanosPerUnit / 100);
  return absl::StrCat("{\"pairs\": ", b.pairs.size(), ", \"pair_years\": ", b.years.size(),
                      ", \"years_with_balance\": ", years_with_balance,
                      ", \"balance_cents\": ", static_cast<int64_t>(cents),
                      ", \"cagr_defined\": ", cagr_defined,
                      ", \"export_cagr_sum\": ", absl::StrFormat("%.17g", export_cagr),
                      ", \"import_cagr_sum\": ", absl::StrFormat("%.17g", import_cagr), "}");
}

int Run(int64_t flows, int runs) {
  const FlowTable table = WorldTable(flows);
  std::vector<std::string> times;
  std::string answer;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<PairBalances> b = ComputePairBalances(table);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (!b.ok()) {
      std::fprintf(stderr, "%s\n", b.status().ToString().c_str());
      return 1;
    }
    times.push_back(absl::StrFormat("%.9f", took.count()));
    answer = Summary(*b);
  }
  std::printf("{\"runs_s\": [%s], \"answer\": %s}\n", absl::StrJoin(times, ", ").c_str(),
              answer.c_str());
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int64_t flows = absl::GetFlag(FLAGS_flows);
  const int runs = absl::GetFlag(FLAGS_runs);
  if (flows < 0 || flows > culturetrade::bench::kWorldFlows || runs < 1) {
    std::fprintf(stderr,
                 "culturetrade-compare-core: --flows must be 0 to %lld, --runs 1 or "
                 "more\n",
                 static_cast<long long>(culturetrade::bench::kWorldFlows));
    return 2;
  }
  return culturetrade::bench::Run(flows, runs);
}
