// culturetrade-bench-cache-memory: the heap one cached dataset of N world flows holds, measured
// by the allocator itself (glibc's mallinfo2) around building it the way the server's cache
// does (MakeAnalyzable), and printed as one JSON object. Unlike the server's resident memory,
// this leaves out what the allocator keeps from the transient protos of the load.
//
//   culturetrade-bench-cache-memory --flows=1000000
#include <malloc.h>

#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/rpc/world_trade_flows.h"
#include "service/storage/analyzable_dataset.h"

ABSL_FLAG(int64_t, flows, 1000, "flows in the dataset, the first of the world");

namespace culturetrade::bench {
namespace {

int64_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<int64_t>(m.uordblks + m.hblkhd);
}

// What the flow table's columns hold, without the slack of their capacity.
int64_t ColumnBytes(const FlowTable& t) {
  auto bytes = [](auto span) { return static_cast<int64_t>(span.size() * sizeof(span[0])); };
  return bytes(t.reporter()) + bytes(t.partner()) + bytes(t.product()) + bytes(t.currency()) +
         bytes(t.year()) + bytes(t.month()) + bytes(t.quarter()) + bytes(t.direction()) +
         bytes(t.status()) + bytes(t.nanos());
}

int MeasureCacheEntry(int64_t n) {
  const int64_t before = HeapInUse();
  std::shared_ptr<const AnalyzableDataset> cached;
  {
    v1::Dataset dataset = WorldDatasetHeader(n);
    for (v1::TradeFlow& f : WorldTradeFlows(n)) dataset.mutable_flows()->Add(std::move(f));
    absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> made =
        MakeAnalyzable(std::move(dataset), NoCaller());
    if (!made.ok()) {
      std::cerr << "culturetrade-bench-cache-memory: " << made.status() << "\n";
      return 1;
    }
    cached = *std::move(made);
  }
  const int64_t held = HeapInUse() - before;
  // A sanitizer's allocator is not glibc's, whose counters then do not move: null, unknown.
  const std::string heap = held > 0 ? absl::StrCat(held) : "null";
  const std::string per_flow =
      held > 0 ? absl::StrCat(static_cast<double>(held) / static_cast<double>(n)) : "null";
  std::cout << "{\"flows\": " << n << ", \"cached_flows\": " << cached->flows.size()
            << ", \"heap_bytes\": " << heap
            << ", \"metadata_bytes\": " << cached->meta.SpaceUsedLong()
            << ", \"column_bytes\": " << ColumnBytes(cached->flows)
            << ", \"bytes_per_flow\": " << per_flow << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::MeasureCacheEntry(absl::GetFlag(FLAGS_flows));
}
