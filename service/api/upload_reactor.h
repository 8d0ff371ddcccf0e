// UploadFlows on gRPC's public callback API, reading raw messages: gRPC's typed reader answers
// a message that does not parse as it does the stream's end, which would store the chunks
// before it as a whole upload.
//
// The upload itself is synchronous code that pulls one message at a time (flow_upload.h), so
// the reactor runs it on a thread of its own and hands it each message as gRPC delivers it;
// gRPC's callback threads never wait on the store.
#ifndef CULTURETRADE_SERVICE_API_UPLOAD_REACTOR_H_
#define CULTURETRADE_SERVICE_API_UPLOAD_REACTOR_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "absl/functional/function_ref.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "service/api/flow_upload.h"

namespace culturetrade {

class UploadReactor final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  using Next = absl::FunctionRef<StreamRead(v1::UploadFlowsRequest&)>;
  // Runs `work(next)` on its own thread and finishes the call with what it returns; `work`
  // sets the reply through `response`.
  using Work = std::function<grpc::Status(Next next)>;

  // Deletes itself once gRPC is done with the call.
  explicit UploadReactor(Work work);

  void OnReadDone(bool ok) override;
  void OnDone() override;

 private:
  StreamRead Read(v1::UploadFlowsRequest& message);

  grpc::ByteBuffer incoming_;
  std::mutex mu_;
  std::condition_variable read_done_;
  bool reading_ = false;
  bool read_ok_ = false;
  std::thread worker_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_UPLOAD_REACTOR_H_
