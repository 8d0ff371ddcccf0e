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
  // Starts the server on `db_path` with extra flags; waits until it serves. Its stderr (the
  // JSON log) goes to `log_path` when given. `wrapper`, when given, is a command that runs the
  // server under a limit (prlimit, setpriv) by exec'ing it, so the pid stays the server's.
  static absl::StatusOr<ServerProcess> Start(const std::string& db_path,
                                             std::vector<std::string> extra_flags = {},
                                             const std::string& log_path = "",
                                             const std::vector<std::string>& wrapper = {});
  // Starts it the same way without waiting for it to serve (its ports stay 0): for a test that
  // kills it while it starts.
  static absl::StatusOr<ServerProcess> Spawn(const std::string& db_path,
                                             std::vector<std::string> extra_flags = {},
                                             const std::string& log_path = "",
                                             const std::vector<std::string>& wrapper = {});
  ServerProcess(ServerProcess&& other) noexcept;
  ServerProcess& operator=(ServerProcess&&) = delete;
  ~ServerProcess();

  const std::string& endpoint() const { return endpoint_; }
  int port() const { return port_; }
  // The port of /metrics, when started with --metrics_address.
  int metrics_port() const { return metrics_port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits; returns the exit code (or 128 + signal when killed by one).
  int StopWith(int signal);

 private:
  ServerProcess(pid_t pid, int port, int metrics_port)
      : pid_(pid),
        endpoint_("127.0.0.1:" + std::to_string(port)),
        port_(port),
        metrics_port_(metrics_port) {}
  pid_t pid_ = -1;
  std::string endpoint_;
  int port_ = 0;
  int metrics_port_ = 0;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path), feeding `input` on stdin, and collects its output.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input = "");

// Runs `script` with /bin/sh -c; true when it exits 0.
bool RunShell(const std::string& script);

// The body of GET `path` from 127.0.0.1:`port` over plain HTTP/1.0, or empty on failure.
std::string HttpGet(int port, const std::string& path);

std::string ReadFile(const std::string& path);

// The grpc.health.v1 status of `service` (1 SERVING, 2 NOT_SERVING), called as any health
// checker would, with raw protobuf bytes over a plaintext channel; -1 when the call fails.
int HealthStatus(const std::string& endpoint, const std::string& service);

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_TEST_PROCESS_H_
