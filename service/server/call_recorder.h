// The server's CallObserver: one JSON log line per call, and the call metrics when the server
// has them.
#ifndef CULTURETRADE_SERVICE_SERVER_CALL_RECORDER_H_
#define CULTURETRADE_SERVICE_SERVER_CALL_RECORDER_H_

#include "service/api/call_observer.h"
#include "service/server/server_metrics.h"

namespace culturetrade {

class CallRecorder final : public CallObserver {
 public:
  // `metrics` may be null.
  explicit CallRecorder(ServerMetrics* metrics) : metrics_(metrics) {}

  void CallStarted() override;
  void CallEnded() override;
  void CallFinished(const FinishedCall& call) override;

 private:
  ServerMetrics* metrics_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_CALL_RECORDER_H_
