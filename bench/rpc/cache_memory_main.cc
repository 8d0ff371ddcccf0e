// culturetrade-bench-cache-memory: the heap one cached dataset of N world flows holds, measured
// by the allocator itself (glibc's mallinfo2) around building it the way the server's cache
// does (DatasetStore::GetAnalyzable: columns reserved for the stored count, the store's domain
// blocks appended one at a time, then sealed, which builds the series index), and printed as
// one JSON object. Unlike the server's resident memory, this leaves out what the allocator keeps
// from the transient blocks of the load.
//
//   culturetrade-bench-cache-memory --flows=1000000
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/rpc/world_trade_flows.h"
#include "bench/world.h"
#include "service/storage/analyzable_dataset.h"

ABSL_FLAG(int64_t, flows, 1000, "flows in the dataset, the first of the world");

namespace culturetrade::bench {
namespace {

constexpr int64_t kFlowsPerBlock = 8192;

int64_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<int64_t>(m.uordblks + m.hblkhd);
}

int MeasureCacheEntry(int64_t n) {
  const int64_t before = HeapInUse();
  std::shared_ptr<const AnalyzableDataset> cached;
  {
    auto made = std::make_shared<AnalyzableDataset>();
    made->record.metadata = WorldDatasetHeader(n).SerializeAsString();
    made->flows.Reserve(static_cast<size_t>(n));
    for (int64_t first = 0; first < n; first += kFlowsPerBlock) {
      made->flows.Append(WorldBlock(first, std::min(n, first + kFlowsPerBlock)));
    }
    made->flows.Seal();
    cached = std::move(made);
  }
  const int64_t held = HeapInUse() - before;
  // A sanitizer's allocator is not glibc's, whose counters then do not move: null, unknown.
  const std::string heap = held > 0 ? absl::StrCat(held) : "null";
  const std::string per_flow =
      held > 0 ? absl::StrCat(static_cast<double>(held) / static_cast<double>(n)) : "null";
  std::cout << "{\"flows\": " << n << ", \"cached_flows\": " << cached->flows.size()
            << ", \"heap_bytes\": " << heap
            << ", \"metadata_bytes\": " << cached->record.metadata.size()
            << ", \"column_bytes\": " << cached->flows.ColumnBytes()
            << ", \"bytes_per_flow\": " << per_flow << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::MeasureCacheEntry(absl::GetFlag(FLAGS_flows));
}
