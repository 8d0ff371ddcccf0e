#include "service/api/upload_reactor.h"

#include <grpcpp/support/proto_buffer_reader.h>

#include <string>
#include <utility>

namespace culturetrade {

UploadReactor::UploadReactor(Work work) {
  worker_ = std::thread([this, work = std::move(work)] {
    Finish(work([this](v1::UploadFlowsRequest& message) { return Read(message); }));
  });
}

StreamRead UploadReactor::Read(v1::UploadFlowsRequest& message) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    reading_ = true;
  }
  // Not under the lock: OnReadDone takes it, and gRPC may call it on any thread.
  StartRead(&incoming_);
  std::unique_lock<std::mutex> lock(mu_);
  read_done_.wait(lock, [this] { return !reading_; });
  if (!read_ok_) return StreamRead::kEnd;
  grpc::ProtoBufferReader reader(&incoming_);
  const bool parsed = message.ParseFromZeroCopyStream(&reader);
  incoming_.Clear();
  return parsed ? StreamRead::kMessage : StreamRead::kUnparsable;
}

void UploadReactor::OnReadDone(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  read_ok_ = ok;
  reading_ = false;
  read_done_.notify_one();
}

void UploadReactor::OnDone() {
  // The worker's last act was Finish, so it is returning or has returned. gRPC runs OnDone on
  // its own threads, never inside Finish; were it ever the worker's, joining would deadlock.
  if (worker_.get_id() == std::this_thread::get_id()) {
    worker_.detach();
  } else {
    worker_.join();
  }
  delete this;
}

grpc::ByteBuffer SerializedReply(const google::protobuf::MessageLite& reply) {
  const std::string bytes = reply.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace culturetrade
