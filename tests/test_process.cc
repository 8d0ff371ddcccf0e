#include "tests/test_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

extern char** environ;

namespace culturetrade::testing {
namespace {

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> out;
  out.reserve(args.size());
  for (std::string& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

int WaitExit(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool RunShell(const std::string& script) {
  return RunCommand({"/bin/sh", "-c", script}).exit_code == 0;
}

std::string HttpGet(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (fd >= 0 && connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0) {
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      for (ssize_t n; (n = read(fd, buffer, sizeof(buffer))) > 0;) response.append(buffer, n);
    }
  }
  if (fd >= 0) close(fd);
  const size_t body = response.find("\r\n\r\n");
  return body == std::string::npos ? "" : response.substr(body + 4);
}

int HealthStatus(const std::string& endpoint, const std::string& service) {
  auto channel = grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials());
  grpc::GenericStub stub(channel);
  // HealthCheckRequest{service}: field 1, length-delimited.
  const std::string request = absl::StrCat(
      std::string(1, '\x0a'), std::string(1, static_cast<char>(service.size())), service);
  grpc::Slice slice(request);
  grpc::ByteBuffer buffer(&slice, 1), reply;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&context, "/grpc.health.v1.Health/Check", buffer, &cq);
  call->StartCall();
  grpc::Status status;
  call->Finish(&reply, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  if (!cq.Next(&tag, &ok) || !status.ok()) return -1;
  std::vector<grpc::Slice> slices;
  if (!reply.Dump(&slices).ok()) return -1;
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  // HealthCheckResponse{status}: field 1, varint.
  return bytes.size() == 2 && bytes[0] == '\x08' ? bytes[1] : -1;
}

std::string MakeTempDir() {
  const char* base = getenv("TEST_TMPDIR");
  std::string templ = absl::StrCat(base != nullptr ? base : "/tmp", "/culturetrade-XXXXXX");
  return mkdtemp(templ.data()) != nullptr ? templ : "";
}

absl::StatusOr<ServerProcess> ServerProcess::Spawn(const std::string& db_path,
                                                   std::vector<std::string> extra_flags,
                                                   const std::string& log_path,
                                                   const std::vector<std::string>& wrapper) {
  const std::string port_file = db_path + ".port";
  unlink(port_file.c_str());
  std::vector<std::string> args = wrapper;
  for (std::string arg : {std::string(CT_SERVER_BIN), std::string("--address=127.0.0.1:0"),
                          "--port_file=" + port_file, "--db=" + db_path}) {
    args.push_back(std::move(arg));
  }
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  std::vector<char*> argv = Argv(args);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!log_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, 2, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0600);
  }
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return absl::InternalError(absl::StrCat("cannot start ", argv[0]));
  return ServerProcess(pid, 0, 0);
}

absl::StatusOr<ServerProcess> ServerProcess::Start(const std::string& db_path,
                                                   std::vector<std::string> extra_flags,
                                                   const std::string& log_path,
                                                   const std::vector<std::string>& wrapper) {
  absl::StatusOr<ServerProcess> server = Spawn(db_path, std::move(extra_flags), log_path, wrapper);
  if (!server.ok()) return server.status();
  const std::string port_file = db_path + ".port";
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (absl::Now() < deadline) {
    const std::string port = ReadFile(port_file);
    if (!port.empty() && port.back() == '\n') {
      server->port_ = std::stoi(port);
      server->endpoint_ = "127.0.0.1:" + port.substr(0, port.size() - 1);
      server->metrics_port_ = std::stoi(ReadFile(port_file + ".metrics"));
      return server;
    }
    int status = 0;
    if (waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
      server->pid_ = -1;
      return absl::InternalError("culturetrade-server exited before serving");
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("culturetrade-server did not start within 20 s");
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(other.pid_),
      endpoint_(std::move(other.endpoint_)),
      port_(other.port_),
      metrics_port_(other.metrics_port_) {
  other.pid_ = -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) StopWith(SIGKILL);
}

int ServerProcess::StopWith(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  const int code = WaitExit(pid_);
  pid_ = -1;
  return code;
}

CommandResult RunCommand(const std::vector<std::string>& argv_in, const std::string& input) {
  const std::string dir = MakeTempDir();
  const std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  std::ofstream(in_path) << input;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  std::vector<std::string> args = argv_in;
  std::vector<char*> argv = Argv(args);
  CommandResult result;
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    result.exit_code = WaitExit(pid);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

}  // namespace culturetrade::testing
