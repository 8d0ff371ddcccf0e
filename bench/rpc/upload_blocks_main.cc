// culturetrade-bench-upload-blocks: uploads the first N flows of the benchmark world as a new
// dataset through the SDK's block upload (Client::UploadBlocks), generating each block as it
// is sent, so that the client holds one block however large the upload (10^8 flows). Prints
// the outcome as one JSON object: the gRPC code the upload ended with (a refusal such as
// RESOURCE_EXHAUSTED is an outcome, not a failure of this program), its message, the flows
// stored and the seconds the upload took.
//
//   culturetrade-bench-upload-blocks --endpoint=127.0.0.1:PORT --flows=50000000 --dataset=big
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "bench/rpc/world_trade_flows.h"
#include "bench/world.h"
#include "client/client.h"
#include "client/flow_block_source.h"
#include "proto/flow_block_convert.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server");
ABSL_FLAG(int64_t, flows, 1000, "flows to upload, the first of the world");
ABSL_FLAG(std::string, dataset, "world", "the id of the dataset to create");
ABSL_FLAG(int64_t, block_flows, 8192, "flows in each block sent");

namespace culturetrade::bench {
namespace {

// The world's flows [0, n) in blocks of `block_flows`, made one at a time.
class WorldBlockSource : public FlowBlockSource {
 public:
  WorldBlockSource(int64_t n, int64_t block_flows) : n_(n), block_flows_(block_flows) {}

  absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
    if (next_ >= n_) return false;
    const int64_t end = std::min(n_, next_ + block_flows_);
    block = BlockToProto(WorldBlock(next_, end));
    next_ = end;
    return true;
  }

 private:
  const int64_t n_, block_flows_;
  int64_t next_ = 0;
};

// `text` as a JSON string literal.
std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out + "\"";
}

int Upload(const std::string& endpoint, int64_t n, const std::string& dataset, int64_t block) {
  Options options;
  options.endpoint = endpoint;
  options.timeout = absl::Hours(2);
  Client client(MakeConnection(options));
  v1::UploadFlowsHeader header;
  header.mutable_create()->set_dataset_id(dataset);
  *header.mutable_create()->mutable_dataset() = WorldDatasetHeader(n);
  const absl::Time start = absl::Now();
  absl::StatusOr<v1::Dataset> created =
      client.UploadBlocks(header, [n, block]() -> absl::StatusOr<std::unique_ptr<FlowBlockSource>> {
        return std::make_unique<WorldBlockSource>(n, block);
      });
  const double upload_s = absl::ToDoubleSeconds(absl::Now() - start);
  const absl::Status status = created.status();
  std::cout << "{\"flows\": " << n << ", \"code\": \"" << absl::StatusCodeToString(status.code())
            << "\", \"message\": " << JsonString(std::string(status.message()))
            << ", \"stored_flows\": " << (created.ok() ? created->flow_count() : 0)
            << ", \"upload_s\": " << upload_s << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int64_t block = absl::GetFlag(FLAGS_block_flows);
  if (block < 1) {
    std::cerr << "culturetrade-bench-upload-blocks: --block_flows must be at least 1\n";
    return 2;
  }
  return culturetrade::bench::Upload(absl::GetFlag(FLAGS_endpoint), absl::GetFlag(FLAGS_flows),
                                     absl::GetFlag(FLAGS_dataset), block);
}
