// culturetrade-server: every flag can also be set from the environment variable named in its
// help (CULTURETRADE_ plus the flag in upper case); the command line wins.
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "service/server/server.h"

ABSL_FLAG(std::string, address, "127.0.0.1:50051",
          "Address to listen on, host:port; port 0 picks a free one. Use 0.0.0.0:50051 in a "
          "container (env CULTURETRADE_ADDRESS)");
ABSL_FLAG(std::string, port_file, "",
          "If set, write the bound port to this file once serving, and the metrics port to "
          "FILE.metrics (env CULTURETRADE_PORT_FILE)");
ABSL_FLAG(std::string, db, "culturetrade.db",
          "Path of the SQLite store file, created when missing (env CULTURETRADE_DB)");
ABSL_FLAG(std::string, store, "",
          "The dataset store: a postgres:// or postgresql:// URL (libpq's) for PostgreSQL, else a "
          "SQLite file path; empty means --db (env CULTURETRADE_STORE)");
ABSL_FLAG(std::string, store_file, "",
          "A file holding the store URL, for a DSN with a password in a mounted Secret "
          "(env CULTURETRADE_STORE_FILE)");
ABSL_FLAG(int, store_pool_size, 8,
          "PostgreSQL connections kept open (env CULTURETRADE_STORE_POOL_SIZE)");
ABSL_FLAG(bool, seed, true,
          "Store the study's China-Korea TV-drama dataset when the store is new "
          "(env CULTURETRADE_SEED)");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain of the server; with --tls_key_file turns TLS on "
          "(env CULTURETRADE_TLS_CERT_FILE)");
ABSL_FLAG(std::string, tls_key_file, "",
          "PEM private key of the server "
          "(env CULTURETRADE_TLS_KEY_FILE)");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA that client certificates must chain to; turns mutual TLS on "
          "(env CULTURETRADE_TLS_CLIENT_CA_FILE)");
ABSL_FLAG(std::string, token_file, "",
          "File of 'ROLE TOKEN' lines (reader or writer), re-read when it changes; empty: no "
          "authentication (env CULTURETRADE_TOKEN_FILE)");
ABSL_FLAG(std::string, metrics_address, "",
          "host:port to serve Prometheus /metrics on, for example 0.0.0.0:9464; empty: off "
          "(env CULTURETRADE_METRICS_ADDRESS)");
ABSL_FLAG(absl::Duration, drain_grace, absl::Seconds(0),
          "After SIGTERM, how long new calls are still accepted while load balancers notice "
          "readiness turned NOT_SERVING (env CULTURETRADE_DRAIN_GRACE)");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(20),
          "After the grace, how long calls in flight may run (env CULTURETRADE_DRAIN_TIMEOUT)");
ABSL_FLAG(int, max_concurrent_calls, 64,
          "Calls served at once; more are refused with RESOURCE_EXHAUSTED at once "
          "(env CULTURETRADE_MAX_CONCURRENT_CALLS)");
ABSL_FLAG(int, analysis_threads, 0,
          "Threads that run analysis calls, first come first served; 0: twice the cores, at "
          "least 4 (env CULTURETRADE_ANALYSIS_THREADS)");
ABSL_FLAG(int, max_message_bytes, 4 << 20,
          "Largest request message; uploads stream in chunks under it "
          "(env CULTURETRADE_MAX_MESSAGE_BYTES)");
ABSL_FLAG(absl::Duration, max_connection_age, absl::ZeroDuration(),
          "Close connections after this age so clients rebalance over new replicas; 0: never "
          "(env CULTURETRADE_MAX_CONNECTION_AGE)");
ABSL_FLAG(absl::Duration, max_connection_age_grace, absl::Seconds(30),
          "How long calls on an aged connection may still finish "
          "(env CULTURETRADE_MAX_CONNECTION_AGE_GRACE)");
ABSL_FLAG(int64_t, cache_flows, 50'000'000,
          "Most flows kept in memory for analyses, about 24 bytes each "
          "(env CULTURETRADE_CACHE_FLOWS)");
ABSL_FLAG(int, max_page_size, 1000,
          "Largest page_size a list call may ask for (env CULTURETRADE_MAX_PAGE_SIZE)");
ABSL_FLAG(int64_t, max_flows_per_dataset, 50'000'000,
          "Most flows one dataset may hold (env CULTURETRADE_MAX_FLOWS_PER_DATASET)");
ABSL_FLAG(int64_t, upload_memory_bytes, int64_t{1} << 30,
          "Memory all uploads in progress may hold together: the messages in flight and the "
          "duplicate check's table, 20 to 40 bytes a flow of each; "
          "past it an upload is refused with RESOURCE_EXHAUSTED "
          "(env CULTURETRADE_UPLOAD_MEMORY_BYTES)");

namespace {

constexpr const char* kFlags[] = {"address",
                                  "port_file",
                                  "db",
                                  "seed",
                                  "tls_cert_file",
                                  "tls_key_file",
                                  "tls_client_ca_file",
                                  "token_file",
                                  "metrics_address",
                                  "drain_grace",
                                  "drain_timeout",
                                  "max_concurrent_calls",
                                  "analysis_threads",
                                  "max_message_bytes",
                                  "cache_flows",
                                  "max_page_size",
                                  "max_flows_per_dataset",
                                  "upload_memory_bytes",
                                  "max_connection_age",
                                  "max_connection_age_grace",
                                  "store",
                                  "store_file",
                                  "store_pool_size"};

// Environment variables act as defaults; the command line, parsed afterwards, wins.
void ApplyEnvironment() {
  for (const char* name : kFlags) {
    const std::string var = absl::AsciiStrToUpper(absl::StrCat("CULTURETRADE_", name));
    const char* value = std::getenv(var.c_str());
    if (value == nullptr) continue;
    std::string error;
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag != nullptr && !flag->ParseFrom(value, &error)) {
      std::cerr << "culturetrade-server: " << var << ": " << error << "\n";
      std::exit(2);
    }
  }
}

culturetrade::ServerOptions OptionsFromFlags() {
  culturetrade::ServerOptions o;
  o.address = absl::GetFlag(FLAGS_address);
  o.port_file = absl::GetFlag(FLAGS_port_file);
  o.db_path = absl::GetFlag(FLAGS_db);
  o.seed = absl::GetFlag(FLAGS_seed);
  o.store_url = absl::GetFlag(FLAGS_store);
  o.store_file = absl::GetFlag(FLAGS_store_file);
  o.store_pool_size = absl::GetFlag(FLAGS_store_pool_size);
  o.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  o.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  o.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  o.token_file = absl::GetFlag(FLAGS_token_file);
  o.metrics_address = absl::GetFlag(FLAGS_metrics_address);
  o.drain_grace = absl::GetFlag(FLAGS_drain_grace);
  o.drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  o.max_concurrent_calls = absl::GetFlag(FLAGS_max_concurrent_calls);
  o.analysis_threads = absl::GetFlag(FLAGS_analysis_threads);
  o.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  o.cache_flows = absl::GetFlag(FLAGS_cache_flows);
  o.max_connection_age = absl::GetFlag(FLAGS_max_connection_age);
  o.max_connection_age_grace = absl::GetFlag(FLAGS_max_connection_age_grace);
  o.limits.max_page_size = absl::GetFlag(FLAGS_max_page_size);
  o.limits.upload.max_flows_per_dataset = absl::GetFlag(FLAGS_max_flows_per_dataset);
  o.limits.upload.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  o.limits.upload_memory_bytes = absl::GetFlag(FLAGS_upload_memory_bytes);
  return o;
}

// --help lists the flags of this file. Abseil's default looks for flags in a file named after
// the program (culturetrade-server.cc), finds none, and prints "No flags matched".
void ListTheseFlagsInHelp() {
  absl::FlagsUsageConfig config;
  const auto ours = [](absl::string_view file) { return absl::EndsWith(file, "server_main.cc"); };
  config.contains_help_flags = ours;
  config.contains_helpshort_flags = ours;
  absl::SetFlagsUsageConfig(config);
}

}  // namespace

int main(int argc, char** argv) {
  culturetrade::BlockShutdownSignals();
  // A write past a file size limit fails with EFBIG, which the store reports as a full disk,
  // instead of killing the server with SIGXFSZ.
  signal(SIGXFSZ, SIG_IGN);
  // gRPC locks absl::Mutex several times a call, and the distribution's Abseil checks each lock
  // order for deadlock cycles, a debugging aid that cost about 2 % of the server's CPU.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      "Serves culturetrade's DatasetService and AnalysisService over gRPC.\n"
      "Usage: culturetrade-server [--address=HOST:PORT] [--db=FILE] ...\n"
      "Every flag can also be set from the environment variable CULTURETRADE_<FLAG> named in\n"
      "its help; the command line wins.");
  ListTheseFlagsInHelp();
  ApplyEnvironment();
  absl::ParseCommandLine(argc, argv);
  absl::Status status = culturetrade::RunServer(OptionsFromFlags());
  if (!status.ok()) {
    std::cerr << "culturetrade-server: " << status << "\n";
    return 1;
  }
  return 0;
}
