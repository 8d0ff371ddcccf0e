// A dataset ready for analysis: its record (metadata included) and its flows as a FlowTable.
// Immutable, so concurrent analyses of one revision share a single copy.
#ifndef CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
#define CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_

#include "core/flow_table.h"
#include "service/model/dataset_record.h"

namespace culturetrade {

struct AnalyzableDataset {
  DatasetRecord record;  // `revision` names the revision the flows are of
  FlowTable flows;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
