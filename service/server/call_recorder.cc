#include "service/server/call_recorder.h"

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
  char duration[32];
  const int length = absl::SNPrintF(duration, sizeof(duration), "%.3f", call.seconds * 1000);
  LogJson(call.ok ? "INFO" : "WARNING", "rpc",
          {{"method", call.method},
           {"code", StatusCodeName(call.code)},
           {"duration_ms", absl::string_view(duration, length), true},
           {"peer", call.peer},
           {"dataset", call.dataset},
           {"message", call.message}});
}

}  // namespace culturetrade
