// What a store keeps about a dataset besides its flows, in the store's own terms.
#ifndef CULTURETRADE_SERVICE_MODEL_DATASET_RECORD_H_
#define CULTURETRADE_SERVICE_MODEL_DATASET_RECORD_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace culturetrade {

struct DatasetRecord {
  std::string id;
  // Grows by one with every change; the etag names it.
  int64_t revision = 0;
  absl::Time create_time;
  absl::Time update_time;
  int64_t flow_count = 0;
  // Everything else about the dataset (title, sources, deals, rates, ...), as bytes that only
  // the API layer reads; the store keeps them as given.
  std::string metadata;
  // The AIP-155 request id of the request that created the dataset; empty when none was given.
  std::string request_id;
};

// What a new dataset starts from.
struct NewDataset {
  std::string id;
  std::string metadata;
  std::string request_id;
};

// The etag of a revision, as the API shows it and as stores check it.
inline std::string EtagOf(int64_t revision) { return absl::StrCat(revision); }

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_DATASET_RECORD_H_
