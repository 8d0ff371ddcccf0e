#include "service/server/call_recorder.h"

#include <string>

#include "absl/strings/str_format.h"
#include "service/server/json_log.h"

namespace culturetrade {

void CallRecorder::CallStarted() {
  if (metrics_ != nullptr) metrics_->CallStarted();
}

void CallRecorder::CallEnded() {
  if (metrics_ != nullptr) metrics_->CallEnded();
}

void CallRecorder::CallFinished(const FinishedCall& call) {
  if (metrics_ != nullptr) metrics_->CallFinished(call.method, call.code, call.seconds);
  LogJson(call.ok ? "INFO" : "WARNING", "rpc",
          {{"method", std::string(call.method)},
           {"code", std::string(call.code)},
           {"duration_ms", absl::StrFormat("%.3f", call.seconds * 1000), true},
           {"peer", std::string(call.peer)},
           {"dataset", std::string(call.dataset)},
           {"message", std::string(call.message)}});
}

}  // namespace culturetrade
