// Whether a FlowBlock is well formed: every column as long as it must be, every index inside
// its dictionary, every enum and period in range. The store checks a block before it keeps it
// and after it reads it back, so a block it hands out never sends a reader past an array.
#ifndef CULTURETRADE_SERVICE_STORAGE_BLOCK_SHAPE_H_
#define CULTURETRADE_SERVICE_STORAGE_BLOCK_SHAPE_H_

#include "absl/status/status.h"
#include "core/flow_block.h"

namespace culturetrade {

// OK, or INVALID_ARGUMENT naming the first bad cell: "block.partner[17] is 40, but the block
// has 12 economies".
absl::Status CheckBlockShape(const FlowBlock& block);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_BLOCK_SHAPE_H_
