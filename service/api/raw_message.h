// Messages of raw methods, which take and answer bytes: the server parses requests itself, so
// that one that does not parse is refused as INVALID_ARGUMENT naming its type, where the
// callback API would answer UNIMPLEMENTED as if the method did not exist.
#ifndef CULTURETRADE_SERVICE_API_RAW_MESSAGE_H_
#define CULTURETRADE_SERVICE_API_RAW_MESSAGE_H_

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

#include <string>

#include "google/protobuf/message_lite.h"

namespace culturetrade {

// Parses `bytes` into `message`; whether it parsed.
bool ParseRaw(const grpc::ByteBuffer& bytes, google::protobuf::MessageLite& message);

// The refusal of a request of type `type` that did not parse.
grpc::Status Unparsable(const std::string& type);

// `reply` as the raw bytes a raw method answers with.
grpc::ByteBuffer SerializedReply(const google::protobuf::MessageLite& reply);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_RAW_MESSAGE_H_
