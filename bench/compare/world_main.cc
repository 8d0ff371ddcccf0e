// culturetrade-bench-world --flows N --csv FILE: writes the first N flows of the synthetic
// world (bench/world.h) as a CSV file in ctrade's long layout.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "bench/world.h"

ABSL_FLAG(int64_t, flows, 0, "how many flows, from the world's first (at most 10^8)");
ABSL_FLAG(std::string, csv, "", "the CSV file to write");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int64_t flows = absl::GetFlag(FLAGS_flows);
  const std::string csv = absl::GetFlag(FLAGS_csv);
  if (flows < 0 || flows > culturetrade::bench::kWorldFlows || csv.empty()) {
    std::cerr << "culturetrade-bench-world: --flows must be 0 to "
              << culturetrade::bench::kWorldFlows << " and --csv name a file\n";
    return 2;
  }
  std::ofstream out(csv, std::ios::binary);
  culturetrade::bench::WriteWorldCsv(flows, out);
  out.close();
  if (!out) {
    std::cerr << "culturetrade-bench-world: cannot write " << csv << "\n";
    return 1;
  }
  return 0;
}
