// culturetrade-bench-ingest: uploads the first N flows of the benchmark world as a new dataset
// through the SDK's columnar path (Client::UploadBlocks, one FlowBlock a message, built with
// FlowBlockBuilder before the clock starts) and prints, as one JSON object, how long the upload
// took. With --profile it then replays, in this process and block by block, the work the
// upload consists of, so that a slow upload can be put down to a phase: the client building
// blocks and serialising messages; the server parsing them, validating them, converting them
// to the domain's blocks, checking their keys for duplicates and compressing them. What the
// store's writes and the transport take is the server's own metrics' to say
// (store_benchmark.py reads them).
//
//   culturetrade-bench-ingest --endpoint=127.0.0.1:PORT --flows=1000000 --dataset=world-1m
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "bench/rpc/world_trade_flows.h"
#include "bench/world.h"
#include "client/client.h"
#include "core/flow_block_builder.h"
#include "proto/flow_block_convert.h"
#include "service/model/block_validation.h"
#include "service/model/flow_keys.h"
#include "service/storage/stored_block.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server");
ABSL_FLAG(int64_t, flows, 1000, "flows to upload, the first of the world");
ABSL_FLAG(std::string, dataset, "world", "the id of the dataset to create");
ABSL_FLAG(bool, profile, false, "also time the upload's phases in this process");

namespace culturetrade::bench {
namespace {

// Seconds since `start`, which it then moves to now.
double Lap(absl::Time& start) {
  const absl::Time now = absl::Now();
  const double s = absl::ToDoubleSeconds(now - start);
  start = now;
  return s;
}

// The first `n` world flows as the wire blocks of an upload, `per_block` flows each.
std::vector<v1::FlowBlock> WorldWireBlocks(int64_t n, int64_t per_block) {
  std::vector<v1::FlowBlock> blocks;
  for (int64_t first = 0; first < n; first += per_block) {
    blocks.push_back(BlockToProto(WorldBlock(first, std::min(n, first + per_block))));
  }
  return blocks;
}

// Hands out prepared blocks, from the first each time it is opened.
class PreparedBlocks : public FlowBlockSource {
 public:
  explicit PreparedBlocks(const std::vector<v1::FlowBlock>& blocks) : blocks_(blocks) {}
  absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
    if (next_ == blocks_.size()) return false;
    block = blocks_[next_++];
    return true;
  }

 private:
  const std::vector<v1::FlowBlock>& blocks_;
  size_t next_ = 0;
};

struct Phases {
  double build_s = 0;      // the client building domain blocks and their wire form
  double serialize_s = 0;  // the client serialising each UploadFlowsRequest
  double parse_s = 0;      // the server parsing it back
  double validate_s = 0;   // ValidateBlock
  double convert_s = 0;    // BlockFromProto, the wire block to the domain's
  double dedup_s = 0;      // FlowKeySet::CheckAndRemember
  double compress_s = 0;   // StoreBlock: zone map, encoding and zstd
};

// The upload's per-block work, done here one phase at a time; fails on what the server would
// refuse.
absl::StatusOr<Phases> ReplayUpload(int64_t n, int64_t per_block) {
  Phases p;
  FlowKeySet seen;
  FieldViolations violations;
  BlockEncoder encoder;
  for (int64_t first = 0; first < n; first += per_block) {
    absl::Time t = absl::Now();
    v1::UploadFlowsRequest sent;
    *sent.mutable_block() = BlockToProto(WorldBlock(first, std::min(n, first + per_block)));
    p.build_s += Lap(t);
    const std::string wire = sent.SerializeAsString();
    p.serialize_s += Lap(t);
    v1::UploadFlowsRequest received;
    received.ParseFromString(wire);
    p.parse_s += Lap(t);
    ValidateBlock(received.block(), "block.", violations);
    p.validate_s += Lap(t);
    absl::StatusOr<FlowBlock> block = BlockFromProto(received.block());
    if (!block.ok()) return block.status();
    p.convert_s += Lap(t);
    seen.CheckAndRemember(*block, "block.", violations);
    p.dedup_s += Lap(t);
    absl::StatusOr<StoredBlock> stored = StoreBlock(*block, encoder);
    if (!stored.ok()) return stored.status();
    p.compress_s += Lap(t);
  }
  if (!violations.empty()) return violations.ToStatus();
  return p;
}

v1::UploadFlowsHeader CreateHeader(const std::string& dataset, int64_t n) {
  v1::UploadFlowsHeader header;
  header.mutable_create()->set_dataset_id(dataset);
  *header.mutable_create()->mutable_dataset() = WorldDatasetHeader(n);
  return header;
}

int Ingest(const std::string& endpoint, int64_t n, const std::string& dataset, bool profile) {
  Options options;
  options.endpoint = endpoint;
  options.timeout = absl::Hours(1);
  const int64_t per_block = options.upload_chunk_flows;
  absl::Time t = absl::Now();
  const std::vector<v1::FlowBlock> blocks = WorldWireBlocks(n, per_block);
  const double prepare_s = Lap(t);

  Client client(MakeConnection(options));
  absl::StatusOr<v1::Dataset> created = client.UploadBlocks(
      CreateHeader(dataset, n), [&]() -> absl::StatusOr<std::unique_ptr<FlowBlockSource>> {
        return std::make_unique<PreparedBlocks>(blocks);
      });
  const double upload_s = Lap(t);
  if (!created.ok()) {
    std::cerr << "culturetrade-bench-ingest: " << created.status() << "\n";
    return 1;
  }
  std::cout << "{\"flows\": " << n << ", \"stored_flows\": " << created->flow_count()
            << ", \"prepare_s\": " << prepare_s << ", \"upload_s\": " << upload_s
            << ", \"chunk_flows\": " << per_block << ", \"blocks\": " << blocks.size();
  if (profile) {
    const absl::StatusOr<Phases> p = ReplayUpload(n, per_block);
    if (!p.ok()) {
      std::cerr << "culturetrade-bench-ingest: replaying the upload: " << p.status() << "\n";
      return 1;
    }
    std::cout << ", \"build_s\": " << p->build_s << ", \"serialize_s\": " << p->serialize_s
              << ", \"parse_s\": " << p->parse_s << ", \"validate_s\": " << p->validate_s
              << ", \"convert_s\": " << p->convert_s << ", \"dedup_s\": " << p->dedup_s
              << ", \"compress_s\": " << p->compress_s;
  }
  std::cout << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::Ingest(absl::GetFlag(FLAGS_endpoint), absl::GetFlag(FLAGS_flows),
                                     absl::GetFlag(FLAGS_dataset), absl::GetFlag(FLAGS_profile));
}
