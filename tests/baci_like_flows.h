// Synthetic flows shaped like CEPII BACI's, for measuring what the stores' blocks cost.
#ifndef CULTURETRADE_TESTS_BACI_LIKE_FLOWS_H_
#define CULTURETRADE_TESTS_BACI_LIKE_FLOWS_H_

#include <vector>

#include "core/flow_block.h"

namespace culturetrade::testing {

// `flows` flows in blocks of 8192, as CEPII's files hold them: one year's exports sorted by
// exporter, importer and HS6 product (a pair trades 1 to 300 products), values in thousands
// of dollars with three decimals spread log-uniformly over nine orders of magnitude,
// quantities in tons (one in ten missing), one source. The same on every run.
std::vector<FlowBlock> BaciLikeBlocks(int flows);

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_BACI_LIKE_FLOWS_H_
