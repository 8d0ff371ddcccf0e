// The load client's connections: SDK clients that never retry, so that a call failing under
// load shows instead of being hidden by a second attempt, and that give up after a bounded
// deadline, so that no run can hang.
#ifndef CULTURETRADE_BENCH_LOAD_LOAD_CONNECTION_H_
#define CULTURETRADE_BENCH_LOAD_LOAD_CONNECTION_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "client/client.h"

namespace culturetrade::bench {

// Each `index` opens its own HTTP/2 connection: gRPC shares one between channels only when
// their arguments match, and the user agent is one of them.
inline Client LoadClient(const std::string& endpoint, int index) {
  Options options;
  options.endpoint = endpoint;
  options.timeout = absl::Seconds(10);
  options.retry.max_attempts = 1;
  options.user_agent = absl::StrCat("culturetrade-load-", index);
  return Client(MakeConnection(options));
}

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_LOAD_CONNECTION_H_
