// What a stored block holds, kept beside it so that a read for one pair, product or years can
// skip every block that cannot match without decompressing it.
#ifndef CULTURETRADE_SERVICE_STORAGE_ZONE_MAP_H_
#define CULTURETRADE_SERVICE_STORAGE_ZONE_MAP_H_

#include <string>
#include <vector>

#include "core/flow_block.h"

namespace culturetrade {

struct ZoneMap {
  // Sorted and distinct; empty when not known (a store may leave out a set too large to be
  // worth keeping), which matches anything.
  std::vector<std::string> reporters, partners, products;
  int min_year = 0, max_year = 0;
};

// Which blocks a read wants; an empty list or a zero year matches anything.
struct BlockFilter {
  std::vector<std::string> reporters, partners, products;
  int min_year = 0, max_year = 0;
};

ZoneMap ZoneMapOf(const FlowBlock& block);
// Whether a block with `zone` may hold a flow that `filter` wants.
bool MayMatch(const ZoneMap& zone, const BlockFilter& filter);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_ZONE_MAP_H_
