#include "proto/status_convert.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/any.pb.h"
#include "google/rpc/status.pb.h"

namespace culturetrade {
namespace {

std::string TypeUrlOf(const google::protobuf::Message& m) {
  return absl::StrCat("type.googleapis.com/", m.GetDescriptor()->full_name());
}

}  // namespace

void AttachDetail(absl::Status& status, const google::protobuf::Message& detail) {
  status.SetPayload(TypeUrlOf(detail), absl::Cord(detail.SerializeAsString()));
}

bool ReadDetail(const absl::Status& status, google::protobuf::Message& detail) {
  absl::optional<absl::Cord> payload = status.GetPayload(TypeUrlOf(detail));
  return payload.has_value() && detail.ParseFromString(std::string(*payload));
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  google::rpc::Status wire;
  wire.set_code(static_cast<int>(status.code()));
  wire.set_message(std::string(status.message()));
  status.ForEachPayload([&wire](absl::string_view type_url, const absl::Cord& payload) {
    google::protobuf::Any* any = wire.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(payload));
  });
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), wire.message(),
                      wire.details_size() > 0 ? wire.SerializeAsString() : std::string());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  google::rpc::Status wire;
  if (!status.error_details().empty() && wire.ParseFromString(status.error_details())) {
    for (const google::protobuf::Any& any : wire.details()) {
      out.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return out;
}

}  // namespace culturetrade
