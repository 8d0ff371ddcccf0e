// A create request made safe to retry (AIP-155): a request that carries a request_id is
// remembered with the dataset it creates, keyed by the id and a digest of its content, so a
// retry after a lost reply gets that dataset back, and the same id with other content is
// refused.
#ifndef CULTURETRADE_SERVICE_API_DATASET_CREATION_H_
#define CULTURETRADE_SERVICE_API_DATASET_CREATION_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// What a create request leads to: a writer for the new dataset, or the dataset that an
// earlier try of the same request created.
struct Creation {
  std::unique_ptr<DatasetWriter> writer;
  std::optional<DatasetRecord> earlier;
};

// Opens the creation of `request`'s dataset (its content validated by the caller).
// `content` is what identifies the request's content besides its id: the serialized request
// for CreateDataset, the header for an upload.
absl::StatusOr<Creation> BeginCreate(DatasetStore& store, const v1::CreateDatasetRequest& request,
                                     const std::string& content);

// Writes `flows` through `writer` in blocks, then commits.
absl::StatusOr<DatasetRecord> WriteAndCommit(
    DatasetWriter& writer, const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows);

// Creates dataset `id` holding `dataset` (validated by the caller) with no request id: for
// the server's seeding and for tests that set up a store.
absl::StatusOr<DatasetRecord> CreateDataset(DatasetStore& store, const std::string& id,
                                            const v1::Dataset& dataset);

// The blocks an upload or a create writes flows in: small enough to stream and to decode in
// cache, large enough that per-block costs vanish.
inline constexpr size_t kFlowsPerBlock = 8192;

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_DATASET_CREATION_H_
