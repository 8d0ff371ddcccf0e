// culturetrade-server: every flag can also be set from the environment variable named in
// its help (CULTURETRADE_ plus the flag in upper case).
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "service/server.h"

ABSL_FLAG(std::string, address, "127.0.0.1:50051",
          "Address to listen on, host:port; port 0 picks a free one "
          "(env CULTURETRADE_ADDRESS; use 0.0.0.0:50051 in a container)");
ABSL_FLAG(std::string, port_file, "",
          "If set, write the bound port to this file once serving (env CULTURETRADE_PORT_FILE)");
ABSL_FLAG(std::string, db, "culturetrade.db",
          "Path of the SQLite store file, created when missing (env CULTURETRADE_DB)");
ABSL_FLAG(bool, seed, true,
          "Store the study's China-Korea TV-drama dataset when the store is new "
          "(env CULTURETRADE_SEED)");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(20),
          "How long calls in flight may run after SIGTERM (env CULTURETRADE_DRAIN_TIMEOUT)");
ABSL_FLAG(int64_t, cache_flows, 50'000'000,
          "Most flows kept in memory for analyses, about 32 bytes each (env CULTURETRADE_CACHE_FLOWS)");
ABSL_FLAG(int, max_page_size, 1000, "Largest page_size a list call may ask for "
          "(env CULTURETRADE_MAX_PAGE_SIZE)");
ABSL_FLAG(int64_t, max_flows_per_dataset, 50'000'000,
          "Most flows one dataset may hold (env CULTURETRADE_MAX_FLOWS_PER_DATASET)");

namespace {

// Environment variables act as defaults; the command line wins.
void ApplyEnvironment() {
  for (const char* name : {"address", "port_file", "db", "seed", "drain_timeout", "max_page_size",
                           "max_flows_per_dataset", "cache_flows"}) {
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

}  // namespace

int main(int argc, char** argv) {
  culturetrade::BlockShutdownSignals();
  absl::SetProgramUsageMessage(
      "Serves culturetrade's DatasetService and AnalysisService over gRPC.\n"
      "Usage: culturetrade-server [--address=HOST:PORT] [--db=FILE] ...");
  ApplyEnvironment();
  absl::ParseCommandLine(argc, argv);
  culturetrade::ServerOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  options.db_path = absl::GetFlag(FLAGS_db);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  options.cache_flows = absl::GetFlag(FLAGS_cache_flows);
  options.limits.max_page_size = absl::GetFlag(FLAGS_max_page_size);
  options.limits.max_flows_per_dataset = absl::GetFlag(FLAGS_max_flows_per_dataset);
  absl::Status status = culturetrade::RunServer(options);
  if (!status.ok()) {
    std::cerr << "culturetrade-server: " << status << "\n";
    return 1;
  }
  return 0;
}
