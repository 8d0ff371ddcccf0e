// The part of a table one analysis reads: one year, or some reporter-partner-product series,
// or both.
#ifndef CULTURETRADE_CORE_FLOW_SELECTION_H_
#define CULTURETRADE_CORE_FLOW_SELECTION_H_

#include <vector>

#include "core/flow.h"
#include "core/flow_table.h"

namespace culturetrade {

struct FlowFilter {
  int year = 0;                 // 0: every year
  std::vector<SeriesKey> keys;  // empty: every reporter, partner and product
};

// True when `filter` keeps every flow, so that the table can be shared rather than copied.
bool SelectsAll(const FlowFilter& filter);

// The rows of `flows` that `filter` selects, in their order. Keys are looked up in the series
// index, so that selecting a few series reads only their rows.
FlowTable SelectFlows(const FlowTable& flows, const FlowFilter& filter);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_SELECTION_H_
