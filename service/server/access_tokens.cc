#include "service/server/access_tokens.h"

#include <sys/stat.h>

#include <fstream>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace culturetrade {
namespace {

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  if (name == "reader") return Role::kReader;
  if (name == "writer") return Role::kWriter;
  return absl::InvalidArgumentError(absl::StrCat("unknown role '", name, "'"));
}

}  // namespace

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

absl::StatusOr<std::unique_ptr<AccessTokens>> AccessTokens::Load(const std::string& path) {
  std::unique_ptr<AccessTokens> tokens(new AccessTokens(path));
  std::lock_guard<std::mutex> lock(tokens->mu_);
  absl::Status s = tokens->Reload();
  if (!s.ok()) return s;
  return tokens;
}

absl::Status AccessTokens::Reload() {
  struct stat st {};
  if (stat(path_.c_str(), &st) != 0) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read the token file ", path_));
  }
  std::ifstream in(path_);
  std::vector<std::pair<std::string, Role>> tokens;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string uncommented = line.substr(0, line.find('#'));
    absl::string_view content = absl::StripAsciiWhitespace(uncommented);
    if (content.empty()) continue;
    std::vector<absl::string_view> parts = absl::StrSplit(content, ' ', absl::SkipWhitespace());
    absl::StatusOr<Role> role =
        parts.size() == 2 ? ParseRole(parts[0]) : absl::InvalidArgumentError("expected ROLE TOKEN");
    if (!role.ok()) {
      // The line may hold a token: say where, never what.
      return absl::InvalidArgumentError(
          absl::StrCat("token file ", path_, " line ", number, ": ", role.status().message()));
    }
    tokens.emplace_back(std::string(parts[1]), *role);
  }
  tokens_ = std::move(tokens);
  state_ = FileState{st.st_mtim, st.st_size};
  return absl::OkStatus();
}

Role AccessTokens::RoleOf(absl::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  const absl::Time now = absl::Now();
  if (now >= next_check_) {
    next_check_ = now + absl::Seconds(1);
    struct stat st {};
    if (stat(path_.c_str(), &st) == 0 &&
        (st.st_mtim.tv_sec != state_.mtime.tv_sec || st.st_mtim.tv_nsec != state_.mtime.tv_nsec ||
         st.st_size != state_.size)) {
      Reload().IgnoreError();
    }
  }
  Role role = Role::kNone;
  // Every token is compared, so the time taken does not tell which one nearly matched.
  for (const auto& [known, granted] : tokens_) {
    if (ConstantTimeEquals(token, known) && granted > role) role = granted;
  }
  return role;
}

}  // namespace culturetrade
