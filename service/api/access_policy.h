// Who may call what: the gate asks an AccessPolicy for the role a bearer token grants, so the
// API layer does not know where tokens come from (the server reads them from a file).
#ifndef CULTURETRADE_SERVICE_API_ACCESS_POLICY_H_
#define CULTURETRADE_SERVICE_API_ACCESS_POLICY_H_

#include "absl/strings/string_view.h"

namespace culturetrade {

// Ordered: a writer may do all a reader may.
enum class Role { kNone = 0, kReader = 1, kWriter = 2 };

class AccessPolicy {
 public:
  virtual ~AccessPolicy() = default;
  // The role `token` grants; kNone for an unknown or empty one.
  virtual Role RoleOf(absl::string_view token) = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_ACCESS_POLICY_H_
