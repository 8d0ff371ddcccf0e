// culturetrade-bench-analyze: times AnalyzeBalance calls on a stored world dataset through the
// SDK and prints them as one JSON object: the first call, which reads the dataset from the
// store into the server's cache, and then warm calls served from the cache. A ListDatasets
// call before them opens the connection, so the first call's time is the server's cold query
// and not the channel's connection set-up.
//
//   culturetrade-bench-analyze --endpoint=127.0.0.1:PORT --dataset=world-1m --calls=5
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "bench/rpc/world_trade_flows.h"
#include "client/client.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server");
ABSL_FLAG(std::string, dataset, "world", "the id of a dataset of world flows");
ABSL_FLAG(int, calls, 5, "warm calls after the first");

namespace culturetrade::bench {
namespace {

int TimeAnalyses(const std::string& endpoint, const std::string& dataset, int calls) {
  Options options;
  options.endpoint = endpoint;
  options.timeout = absl::Hours(1);
  Client client(MakeConnection(options));
  v1::AnalyzeBalanceRequest request;
  request.set_dataset(absl::StrCat("datasets/", dataset));
  request.set_reporter(kWorldReporter);
  request.set_partner(kWorldPartner);
  request.set_product_code(kWorldProduct);
  if (absl::StatusOr<v1::ListDatasetsResponse> up = client.ListDatasets(1); !up.ok()) {
    std::cerr << "culturetrade-bench-analyze: the server does not answer: " << up.status() << "\n";
    return 1;
  }
  std::vector<double> seconds;
  for (int i = 0; i <= calls; ++i) {
    const absl::Time t = absl::Now();
    absl::StatusOr<v1::AnalyzeBalanceResponse> response = client.AnalyzeBalance(request);
    seconds.push_back(absl::ToDoubleSeconds(absl::Now() - t));
    if (!response.ok() || response->years().empty()) {
      std::cerr << "culturetrade-bench-analyze: "
                << (response.ok() ? "no years in the answer" : response.status().ToString())
                << "\n";
      return 1;
    }
  }
  std::vector<double> warm(seconds.begin() + 1, seconds.end());
  std::sort(warm.begin(), warm.end());
  std::cout << "{\"first_s\": " << seconds.front() << ", \"warm_s\": [" << absl::StrJoin(warm, ", ")
            << "], \"warm_median_s\": " << (warm.empty() ? 0.0 : warm[warm.size() / 2]) << "}"
            << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::TimeAnalyses(
      absl::GetFlag(FLAGS_endpoint), absl::GetFlag(FLAGS_dataset), absl::GetFlag(FLAGS_calls));
}
