#include "core/flow_selection.h"

#include <algorithm>
#include <cstdint>

namespace culturetrade {
namespace {

// The rows of every key's series, from the index, in table order and each once.
std::vector<uint32_t> KeyRows(const FlowTable& flows, const std::vector<SeriesKey>& keys) {
  std::vector<uint32_t> rows;
  for (const SeriesKey& k : keys) {
    const absl::Span<const uint32_t> series = flows.SeriesRows(k);
    rows.insert(rows.end(), series.begin(), series.end());
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

}  // namespace

bool SelectsAll(const FlowFilter& filter) { return filter.year == 0 && filter.keys.empty(); }

FlowTable SelectFlows(const FlowTable& flows, const FlowFilter& filter) {
  const int16_t* year = flows.year().data();
  const auto in_year = [year, wanted = filter.year](uint32_t r) {
    return wanted == 0 || year[r] == wanted;
  };
  std::vector<uint32_t> rows;
  if (filter.keys.empty()) {
    for (uint32_t r = 0; r < flows.size(); ++r) {
      if (in_year(r)) rows.push_back(r);
    }
  } else {
    for (const uint32_t r : KeyRows(flows, filter.keys)) {
      if (in_year(r)) rows.push_back(r);
    }
  }
  FlowTable out;
  out.AppendRows(flows, rows);
  return out;
}

}  // namespace culturetrade
