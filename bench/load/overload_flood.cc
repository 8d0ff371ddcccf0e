#include "bench/load/overload_flood.h"

#include <iostream>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "bench/load/call_tally.h"
#include "bench/load/flow_grid.h"
#include "bench/load/load_connection.h"

namespace culturetrade::bench {
namespace {

constexpr double kWithinMillisecondsP99 = 10;

struct Outcome {
  CallTally tally;
  int64_t wrong = 0;
};

void Caller(Client client, const std::string& dataset, absl::Time end, Outcome& outcome) {
  const FlowGrid grid;
  const v1::AnalyzeBalanceRequest request = FlowGrid::BalanceRequest(dataset);
  int reported = 0;  // the first few failures, bounded if every call fails
  while (absl::Now() < end) {
    absl::StatusOr<v1::AnalyzeBalanceResponse> answer =
        outcome.tally.Time([&] { return client.AnalyzeBalance(request); });
    if (answer.ok() && !grid.CheckBalance(*answer).ok()) ++outcome.wrong;
    if (!answer.ok() && answer.status().code() != absl::StatusCode::kResourceExhausted &&
        ++reported <= 3) {
      std::cerr << "load client: flood: " << answer.status() << "\n";
    }
  }
}

// `callers` threads over `connections` connections, each calling again as soon as answered.
Outcome Call(const FloodOptions& options, int callers, int connections, absl::Duration duration) {
  std::vector<Client> clients;
  clients.reserve(connections);
  for (int i = 0; i < connections; ++i) clients.push_back(LoadClient(options.endpoint, i));
  const absl::Time end = absl::Now() + duration;
  std::vector<Outcome> outcomes(callers);
  std::vector<std::thread> threads;
  threads.reserve(callers);
  for (int i = 0; i < callers; ++i) {
    threads.emplace_back(Caller, clients[i % clients.size()], options.grid_dataset, end,
                         std::ref(outcomes[i]));
  }
  Outcome all;
  for (int i = 0; i < callers; ++i) {
    threads[i].join();
    all.tally.Merge(outcomes[i].tally);
    all.wrong += outcomes[i].wrong;
  }
  return all;
}

std::string Latency(const char* what, const LatencyPercentiles& p) {
  return absl::StrFormat("%s (client side, %d calls): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                         what, p.count, p.p50_ms, p.p99_ms, p.max_ms);
}

void Print(const Outcome& idle, const Outcome& flood, const FloodOptions& options) {
  const LatencyPercentiles alone = idle.tally.Percentiles(absl::StatusCode::kOk);
  const LatencyPercentiles refused = flood.tally.Percentiles(absl::StatusCode::kResourceExhausted);
  std::cout << Latency("one caller alone, served", alone);
  std::cout << absl::StrFormat(
      "flood: %d callers on %d connections for %.0f s: %s; wrong answers %d\n", options.callers,
      options.connections, absl::ToDoubleSeconds(options.duration), flood.tally.Counts(),
      flood.wrong + idle.wrong);
  std::cout << Latency("flood, refused", refused);
  std::cout << Latency("flood, served", flood.tally.Percentiles(absl::StatusCode::kOk));
  std::cout << absl::StrFormat(
      "refusal p50 / served-alone p50: %.2f; refusals within milliseconds (p99 under %.0f ms): "
      "%s\n",
      alone.p50_ms > 0 ? refused.p50_ms / alone.p50_ms : 0, kWithinMillisecondsP99,
      refused.p99_ms < kWithinMillisecondsP99 ? "yes" : "NO");
}

}  // namespace

bool RunFlood(const FloodOptions& options) {
  // The baseline of the same go: what one call costs this client and server when unhurried.
  const Outcome idle = Call(options, 1, 1, absl::Seconds(1));
  const Outcome flood = Call(options, options.callers, options.connections, options.duration);
  Print(idle, flood, options);
  const int64_t refused = flood.tally.count(absl::StatusCode::kResourceExhausted);
  if (refused == 0) std::cerr << "load client: flood: nothing was refused; no overload shown\n";
  return idle.tally.CountOtherThan({absl::StatusCode::kOk}) == 0 &&
         flood.tally.CountOtherThan(
             {absl::StatusCode::kOk, absl::StatusCode::kResourceExhausted}) == 0 &&
         idle.wrong + flood.wrong == 0 && refused > 0;
}

}  // namespace culturetrade::bench
