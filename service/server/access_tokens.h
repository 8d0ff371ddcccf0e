// Bearer tokens and the roles they grant, read from a file that a Kubernetes Secret can mount.
//
// The file holds one `ROLE TOKEN` pair a line (`reader` or `writer`; `#` starts a comment). It
// is read again when its modification time or size changes, so tokens rotate without a
// restart. Tokens are compared in constant time and never logged.
#ifndef CULTURETRADE_SERVICE_SERVER_ACCESS_TOKENS_H_
#define CULTURETRADE_SERVICE_SERVER_ACCESS_TOKENS_H_

#include <ctime>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "service/api/access_policy.h"

namespace culturetrade {

class AccessTokens final : public AccessPolicy {
 public:
  // Loads `path`; fails when it cannot be read or holds a malformed line.
  static absl::StatusOr<std::unique_ptr<AccessTokens>> Load(const std::string& path);

  // The role `token` grants, kNone for an unknown one. Re-reads the file first when it has
  // changed (checked at most once a second); a file that has become unreadable or malformed
  // keeps the tokens last read, so a bad rotation does not lock everyone out.
  Role RoleOf(absl::string_view token) override;

 private:
  struct FileState {
    timespec mtime{};
    off_t size = 0;
  };
  explicit AccessTokens(std::string path) : path_(std::move(path)) {}
  absl::Status Reload();  // called with mu_ held

  const std::string path_;
  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  std::mutex mu_;
  std::vector<std::pair<std::string, Role>> tokens_;
  FileState state_;
  absl::Time next_check_;
};

// True when `a` equals `b`, in time that depends on their lengths only.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_ACCESS_TOKENS_H_
