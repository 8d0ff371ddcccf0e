// What the gate tells about every call: when an admitted call starts and ends, and how each
// call finished. The server turns this into its log line and metrics; the API layer itself
// neither logs nor knows the metrics library.
#ifndef CULTURETRADE_SERVICE_API_CALL_OBSERVER_H_
#define CULTURETRADE_SERVICE_API_CALL_OBSERVER_H_

#include "absl/strings/string_view.h"

namespace culturetrade {

// One finished call, admitted or refused. The views live only during CallFinished.
struct FinishedCall {
  absl::string_view method;
  int code = 0;  // the gRPC status code, 0 (OK) to 16; StatusCodeName gives its name
  double seconds = 0;
  absl::string_view peer;
  absl::string_view dataset;  // the resource the call names, if any
  absl::string_view message;  // the status message
  bool ok = false;
};

// The name of gRPC status code `code`, for example `NOT_FOUND` for 5; UNKNOWN when out of range.
absl::string_view StatusCodeName(int code);

class CallObserver {
 public:
  virtual ~CallObserver() = default;
  // An admitted call began, and later ended: calls in flight.
  virtual void CallStarted() = 0;
  virtual void CallEnded() = 0;
  // Every call once, admitted or not.
  virtual void CallFinished(const FinishedCall& call) = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_CALL_OBSERVER_H_
