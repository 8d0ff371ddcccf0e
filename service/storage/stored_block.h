// A block as both stores keep it in a row of `flow_blocks`: its flows encoded (block_codec.h)
// and its zone map in columns beside them, so that a read for one pair, product or span of
// years passes over the blocks that cannot match without fetching or decompressing their data.
//
// A zone set column is a count and that many length-prefixed strings, sorted; a set of more
// than kMaxZoneSet strings is kept empty (not known: it matches anything), since a list that
// long would cost more bytes than the flows and rule out few reads.
#ifndef CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_H_
#define CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/flow_block.h"
#include "service/storage/block_codec.h"
#include "service/storage/zone_map.h"

namespace culturetrade {

inline constexpr int kMaxZoneSet = 256;

struct StoredBlock {
  int64_t flow_count = 0;
  int min_year = 0, max_year = 0;
  std::string reporters, partners, products;  // zone set columns
  std::string data;                           // the encoded block
};

// The row of `block` (not empty); INVALID_ARGUMENT when it is empty or not well formed.
absl::StatusOr<StoredBlock> StoreBlock(const FlowBlock& block, BlockEncoder& encoder);

// The zone columns of a stored block, as selected.
struct StoredZone {
  absl::string_view reporters, partners, products;
  int min_year = 0, max_year = 0;
};

// Whether the stored block may hold flows `filter` wants (zone_map.h); DATA_LOSS when a zone
// column is corrupt. Reads only the columns the filter asks about.
absl::StatusOr<bool> StoredZoneMayMatch(const StoredZone& zone, const BlockFilter& filter);

// Whether `filter` wants every block, so that a read need not look at zones at all.
bool WantsEverything(const BlockFilter& filter);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_H_
