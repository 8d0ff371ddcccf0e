// An UploadFlows stream made into one write: the header says which dataset to create or add
// to; every chunk or block is validated against the keys of all that came before and goes to
// the store as it comes; the store makes the whole write visible when the stream ends, or
// none of it if the stream fails anywhere. Memory stays bounded per upload (a message in
// flight and the keys seen), and all uploads together lease it from an UploadBudget.
#ifndef CULTURETRADE_SERVICE_API_FLOW_UPLOAD_H_
#define CULTURETRADE_SERVICE_API_FLOW_UPLOAD_H_

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "service/api/upload_budget.h"
#include "service/model/call_liveness.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// What reading the next message of the stream found.
enum class StreamRead { kMessage, kEnd, kUnparsable };

struct UploadSettings {
  int64_t max_flows_per_dataset = 50'000'000;
  // The largest message the server accepts; an upload leases a few of them for the message in
  // flight and its decoded forms.
  int64_t max_message_bytes = 4 << 20;
};

// RESOURCE_EXHAUSTED: a dataset of `count` flows is over the server's `limit`.
absl::Status TooManyFlows(int64_t count, int64_t limit);

// Reads the whole stream through `next` and writes it to `store`; a message that does not parse
// fails the upload (INVALID_ARGUMENT naming it) rather than ending the stream early;
// `alive` says whether the caller went away, when the stream's end is no upload. Sets
// `dataset` to the target's resource name as soon as the header names it (the call's log line
// wants it even on failure).
absl::StatusOr<v1::Dataset> UploadFlowStream(
    DatasetStore& store, const UploadSettings& settings, UploadBudget& budget,
    absl::FunctionRef<StreamRead(v1::UploadFlowsRequest&)> next, const CallLiveness& alive,
    std::string& dataset);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_FLOW_UPLOAD_H_
