#include "service/server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/api/analysis_service.h"
#include "service/api/rpc_gate.h"
#include "service/server/access_tokens.h"
#include "service/server/call_recorder.h"
#include "service/server/json_log.h"
#include "service/server/seed.h"
#include "service/server/store_url.h"
#include "service/storage/caching_store.h"
#include "service/storage/metered_store.h"

namespace culturetrade {
namespace {

sigset_t ShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

absl::StatusOr<std::string> ReadPem(const std::string& path, const char* what) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read the ", what, " ", path));
  }
  return text.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerOptions& o) {
  if (o.tls_cert_file.empty() != o.tls_key_file.empty()) {
    return absl::InvalidArgumentError("--tls_cert_file and --tls_key_file go together");
  }
  if (o.tls_cert_file.empty()) {
    if (!o.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError("--tls_client_ca_file needs --tls_cert_file");
    }
    return grpc::InsecureServerCredentials();
  }
  absl::StatusOr<std::string> cert = ReadPem(o.tls_cert_file, "TLS certificate");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem(o.tls_key_file, "TLS key");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  if (!o.tls_client_ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadPem(o.tls_client_ca_file, "client CA");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

// The store to open: --store, else the contents of --store_file, else --db.
absl::StatusOr<std::string> StoreUrl(const ServerOptions& o) {
  if (!o.store_url.empty()) return o.store_url;
  if (o.store_file.empty()) return o.db_path;
  absl::StatusOr<std::string> text = ReadPem(o.store_file, "store file");
  if (!text.ok()) return text.status();
  return std::string(absl::StripAsciiWhitespace(*text));
}

// The store for the log line, without the credentials a PostgreSQL URL may carry.
std::string StoreKind(const std::string& url) {
  return absl::StartsWith(url, "postgres://") || absl::StartsWith(url, "postgresql://")
             ? "postgresql"
             : absl::StrCat("sqlite ", url);
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

void WarnIfOpen(const ServerOptions& o) {
  if (o.tls_cert_file.empty() || o.token_file.empty()) {
    LogJson("WARNING", "insecure",
            {{"detail", absl::StrCat(o.tls_cert_file.empty() ? "PLAINTEXT, no TLS" : "TLS",
                                     o.token_file.empty() ? ", NO AUTHENTICATION: anyone who "
                                                            "reaches the port can read, write "
                                                            "and delete datasets"
                                                          : ", bearer tokens required",
                                     ". Fine on a laptop; not on a network.")}});
  }
}

// Waits for SIGTERM or SIGINT, then drains `server`.
void DrainOnSignal(grpc::Server& server, RpcGate& gate, const ServerOptions& options) {
  sigset_t set = ShutdownSignals();
  int signal_number = 0;
  sigwait(&set, &signal_number);
  LogJson("INFO", "drain",
          {{"signal", absl::StrCat(signal_number), true},
           {"grace", absl::FormatDuration(options.drain_grace)},
           {"timeout", absl::FormatDuration(options.drain_timeout)}});
  SetServing(server, false);
  absl::SleepFor(options.drain_grace);
  gate.StartRefusing();
  server.Shutdown(std::chrono::system_clock::now() + absl::ToChronoSeconds(options.drain_timeout));
}

}  // namespace

void BlockShutdownSignals() {
  sigset_t set = ShutdownSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

absl::Status RunServer(const ServerOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials = Credentials(options);
  if (!credentials.ok()) return credentials.status();
  std::unique_ptr<AccessTokens> tokens;
  if (!options.token_file.empty()) {
    absl::StatusOr<std::unique_ptr<AccessTokens>> loaded = AccessTokens::Load(options.token_file);
    if (!loaded.ok()) return loaded.status();
    tokens = *std::move(loaded);
  }
  absl::StatusOr<std::string> url = StoreUrl(options);
  if (!url.ok()) return url.status();
  absl::StatusOr<std::unique_ptr<DatasetStore>> opened = OpenStore(*url, options.store_pool_size);
  if (!opened.ok()) return opened.status();
  if (options.seed) {
    absl::Status seeded = SeedIfNew(**opened);
    if (!seeded.ok()) return seeded;
  }
  ServerMetrics metrics;
  MeteredStore metered(**opened, metrics);
  CachingStore store(metered, options.cache_flows);
  metrics.ExposeCache([&store] {
    return CacheStats{store.hits(), store.misses(), store.cached_flows()};
  });
  int metrics_port = 0;
  if (!options.metrics_address.empty()) {
    absl::StatusOr<int> port = metrics.Serve(options.metrics_address);
    if (!port.ok()) return port.status();
    metrics_port = *port;
  }
  CallRecorder recorder(&metrics);
  RpcGate gate(tokens.get(), recorder, options.max_concurrent_calls);
  DatasetServiceImpl datasets(store, gate, options.limits);
  // Declared before the server, so that it outlives the calls it finishes.
  CallExecutor executor(options.analysis_threads > 0 ? options.analysis_threads
                                                     : CallExecutor::DefaultThreads());
  AnalysisServiceImpl analysis(store, gate, executor);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address, *credentials, &port);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  if (options.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(
        GRPC_ARG_MAX_CONNECTION_AGE_MS,
        static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age)));
    builder.AddChannelArgument(
        GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
        static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age_grace)));
  }
  builder.RegisterService(&datasets);
  builder.RegisterService(&analysis);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.address));
  }
  SetServing(*server, true);
  if (!options.port_file.empty()) {
    absl::Status s = WritePortFile(options.port_file + ".metrics", metrics_port);
    if (s.ok()) s = WritePortFile(options.port_file, port);
    if (!s.ok()) return s;
  }
  LogJson("INFO", "start",
          {{"port", absl::StrCat(port), true},
           {"metrics_port", absl::StrCat(metrics_port), true},
           {"store", StoreKind(*url)},
           {"tls", options.tls_cert_file.empty()        ? "off"
                   : options.tls_client_ca_file.empty() ? "on"
                                                        : "mutual"},
           {"authentication", tokens == nullptr ? "off" : "bearer tokens"}});
  WarnIfOpen(options);
  std::thread drainer([&] { DrainOnSignal(*server, gate, options); });
  server->Wait();
  drainer.join();
  LogJson("INFO", "stop", {{"detail", "drained"}});
  return absl::OkStatus();
}

}  // namespace culturetrade
