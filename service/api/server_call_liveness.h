// The liveness of one gRPC call: its context says whether it was cancelled, and its deadline
// tells a passed deadline from a caller that went away.
#ifndef CULTURETRADE_SERVICE_API_SERVER_CALL_LIVENESS_H_
#define CULTURETRADE_SERVICE_API_SERVER_CALL_LIVENESS_H_

#include <grpcpp/server_context.h>

#include "service/model/call_liveness.h"

namespace culturetrade {

class ServerCallLiveness final : public CallLiveness {
 public:
  explicit ServerCallLiveness(const grpc::ServerContextBase& context) : context_(context) {}
  absl::Status Check() const override;

 private:
  const grpc::ServerContextBase& context_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_SERVER_CALL_LIVENESS_H_
