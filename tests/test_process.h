// Real processes for tests: a culturetrade-server on a loopback port with its own SQLite file,
// and ctrade runs whose output and exit code the test reads.
#ifndef CULTURETRADE_TESTS_TEST_PROCESS_H_
#define CULTURETRADE_TESTS_TEST_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace culturetrade::testing {

// A fresh directory under the test's temporary directory.
std::string MakeTempDir();

class ServerProcess {
 public:
  // Starts the server on `db_path` with extra flags; waits until it serves.
  static absl::StatusOr<ServerProcess> Start(const std::string& db_path,
                                             std::vector<std::string> extra_flags = {});
  ServerProcess(ServerProcess&& other) noexcept;
  ServerProcess& operator=(ServerProcess&&) = delete;
  ~ServerProcess();

  const std::string& endpoint() const { return endpoint_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits; returns the exit code (or 128 + signal when killed by one).
  int StopWith(int signal);

 private:
  ServerProcess(pid_t pid, std::string endpoint) : pid_(pid), endpoint_(std::move(endpoint)) {}
  pid_t pid_ = -1;
  std::string endpoint_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path), feeding `input` on stdin, and collects its output.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input = "");

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_TEST_PROCESS_H_
