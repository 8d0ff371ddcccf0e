#include "core/flow_selection.h"

#include <cstdint>

namespace culturetrade {
namespace {

struct KeyCodes {
  uint32_t reporter, partner, product;
};

}  // namespace

bool SelectsAll(const FlowFilter& filter) { return filter.year == 0 && filter.keys.empty(); }

FlowTable SelectFlows(const FlowTable& flows, const FlowFilter& filter) {
  std::vector<KeyCodes> keys;
  for (const SeriesKey& k : filter.keys) {
    keys.push_back({flows.economies().Find(k.reporter), flows.economies().Find(k.partner),
                    flows.products().Find(k.product_code)});
  }
  FlowTable out;
  for (size_t i = 0; i < flows.size(); ++i) {
    if (filter.year != 0 && flows.year()[i] != filter.year) continue;
    bool selected = keys.empty();
    for (const KeyCodes& k : keys) {
      selected |= flows.reporter()[i] == k.reporter && flows.partner()[i] == k.partner &&
                  flows.product()[i] == k.product;
    }
    if (selected) out.AddRow(flows, i);
  }
  return out;
}

}  // namespace culturetrade
