#include "service/api/upload_reactor.h"

#include <string>
#include <utility>

#include "service/api/raw_message.h"

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
  const bool parsed = ParseRaw(incoming_, message);
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

}  // namespace culturetrade
