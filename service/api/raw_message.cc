#include "service/api/raw_message.h"

#include <grpcpp/support/proto_buffer_reader.h>

#include "absl/strings/str_cat.h"

namespace culturetrade {

bool ParseRaw(const grpc::ByteBuffer& bytes, google::protobuf::MessageLite& message) {
  if (!bytes.Valid()) return false;  // no message at all, which would parse as an empty one
  // The reader only reads, but takes the buffer as mutable.
  grpc::ByteBuffer copy(bytes);  // shares the slices, copies no bytes
  grpc::ProtoBufferReader reader(&copy);
  return message.ParseFromZeroCopyStream(&reader);
}

grpc::Status Unparsable(const std::string& type) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                      absl::StrCat("the request is not a valid ", type,
                                   " message: it does not parse (a string field that is not "
                                   "UTF-8, or bytes that are not this message)"));
}

grpc::ByteBuffer SerializedReply(const google::protobuf::MessageLite& reply) {
  const std::string bytes = reply.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace culturetrade
