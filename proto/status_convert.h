// Carries absl::Status across the RPC boundary with its rich error details.
//
// Details such as google.rpc.BadRequest live in an absl::Status as payloads keyed by their
// type URL; on the wire they travel as a google.rpc.Status in grpc-status-details-bin.
#ifndef CULTURETRADE_PROTO_STATUS_CONVERT_H_
#define CULTURETRADE_PROTO_STATUS_CONVERT_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace culturetrade {

grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

// Attaches `detail` (for example a google.rpc.BadRequest) to `status` under its type URL.
void AttachDetail(absl::Status& status, const google::protobuf::Message& detail);
// Reads the detail of `detail`'s type back; false when the status carries none.
bool ReadDetail(const absl::Status& status, google::protobuf::Message& detail);

// Fills `response` from an OK result, or returns the error as a grpc::Status.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace culturetrade

#endif  // CULTURETRADE_PROTO_STATUS_CONVERT_H_
