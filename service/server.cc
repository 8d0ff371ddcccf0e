#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_builder.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "service/analysis_service.h"
#include "service/caching_store.h"
#include "service/seed.h"
#include "service/sqlite_store.h"

namespace culturetrade {
namespace {

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

// One JSON object a line on stderr, for log collectors.
void LogEvent(absl::string_view event, absl::string_view detail) {
  std::cerr << absl::StrFormat(R"({"time":"%s","severity":"INFO","event":"%s","detail":"%s"})",
                               absl::FormatTime(absl::RFC3339_full, absl::Now(), absl::UTCTimeZone()),
                               event, detail)
            << std::endl;
}

absl::Status WritePortFile(const std::string& path, int port) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << port << "\n";
    if (!out) return absl::InternalError(absl::StrCat("cannot write ", tmp));
  }
  // Rename so that a reader never sees a half-written port.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("cannot rename ", tmp, " to ", path));
  }
  return absl::OkStatus();
}

void SetServing(grpc::Server& server, bool ready) {
  grpc::HealthCheckServiceInterface* health = server.GetHealthCheckService();
  health->SetServingStatus(kLivenessService, true);
  health->SetServingStatus(kReadinessService, ready);
  health->SetServingStatus("", ready);
}

}  // namespace

void BlockShutdownSignals() {
  sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

absl::Status RunServer(const ServerOptions& options) {
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(options.db_path);
  if (!store.ok()) return store.status();
  if (options.seed) {
    absl::Status seeded = SeedIfNew(**store);
    if (!seeded.ok()) return seeded;
  }
  CachingStore cached(**store, options.cache_flows);
  DatasetServiceImpl datasets(cached, options.limits);
  AnalysisServiceImpl analysis(cached);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&datasets);
  builder.RegisterService(&analysis);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.address));
  }
  SetServing(*server, true);
  if (!options.port_file.empty()) {
    absl::Status s = WritePortFile(options.port_file, port);
    if (!s.ok()) return s;
  }
  LogEvent("start", absl::StrCat("listening on port ", port, ", store ", options.db_path,
                                 " (plaintext, no authentication: local use only)"));

  std::thread drainer([&server, &options] {
    sigset_t set = ShutdownSignals();
    int signal_number = 0;
    sigwait(&set, &signal_number);
    LogEvent("drain", absl::StrCat("signal ", signal_number, ", draining for up to ",
                                   absl::FormatDuration(options.drain_timeout)));
    SetServing(*server, false);
    server->Shutdown(std::chrono::system_clock::now() +
                     absl::ToChronoSeconds(options.drain_timeout));
  });
  server->Wait();
  drainer.join();
  LogEvent("stop", "drained");
  return absl::OkStatus();
}

}  // namespace culturetrade
