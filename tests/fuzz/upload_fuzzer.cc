// An UploadFlows stream, without gRPC: the input is a sequence of UploadFlowsRequest messages,
// each preceded by its length as a varint (what SerializeDelimitedToOstream writes), driven
// through the steps of DatasetServiceImpl::Upload (service/dataset_service.cc): the header
// (create a dataset, or add to `datasets/ID` at an etag), every chunk through ValidateFlows with
// the keys of what came before, the flow limit, then SqliteStore::Create or AppendFlows.
// (Upload itself is private and reads from a grpc::ServerReader, which only a live call can
// make, so this harness repeats its few lines; keep them in step.)
//
// Each input gets a new in-memory store holding the study's dataset
// (`datasets/china-korea-tv-dramas`, etag "1"). Checked after a write that succeeds: the stored
// dataset holds the flows it was sent, still passes validation, and loads for analysis.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "service/field_violations.h"
#include "service/seed.h"
#include "service/sqlite_store.h"
#include "service/validation.h"
#include "tests/fuzz/fuzz_check.h"

namespace culturetrade {
namespace {

// Small, so that the limit is reached; the server's default is 50,000,000.
constexpr int64_t kMaxFlowsPerDataset = 200;
constexpr int kMaxMessages = 64;

const v1::Dataset& Study() {
  static const v1::Dataset* const study = [] {
    absl::StatusOr<v1::Dataset> d = StudyDataset();
    FUZZ_CHECK(d.ok());
    return new v1::Dataset(*std::move(d));
  }();
  return *study;
}

// DatasetServiceImpl::Upload, reading from `messages` instead of a ServerReader. Returns the
// dataset written and its id.
absl::StatusOr<v1::Dataset> Upload(DatasetStore& store,
                                   const std::vector<v1::UploadFlowsRequest>& messages,
                                   std::string& id, int64_t& expected_flows) {
  if (messages.empty() || !messages[0].has_header()) {
    return InvalidField("header", "the first message of an upload must be its header");
  }
  const v1::UploadFlowsHeader header = messages[0].header();
  FieldViolations violations;
  FlowKeySet seen;
  int64_t existing_flows = 0;
  if (header.has_create()) {
    if (!IsValidDatasetId(header.create().dataset_id())) {
      violations.Add("header.create.dataset_id", "not a dataset id");
    }
    ValidateDatasetContent(header.create().dataset(), "header.create.dataset.", violations);
    for (const v1::TradeFlow& f : header.create().dataset().flows()) RememberFlow(f, seen);
    id = header.create().dataset_id();
  } else if (header.target_case() == v1::UploadFlowsHeader::kDataset) {
    absl::StatusOr<std::string> parsed = DatasetIdFromName(header.dataset(), "header.dataset");
    if (!parsed.ok()) return parsed.status();
    id = *parsed;
    absl::StatusOr<v1::Dataset> existing = store.Get(id, /*with_flows=*/true);
    if (!existing.ok()) return existing.status();
    for (const v1::TradeFlow& f : existing->flows()) RememberFlow(f, seen);
    existing_flows = existing->flows_size();
  } else {
    return InvalidField("header", "say which dataset to create or add to");
  }
  if (!violations.empty()) return violations.ToStatus();

  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  int64_t total = header.has_create() ? header.create().dataset().flows_size() : existing_flows;
  for (size_t i = 1; i < messages.size(); ++i) {
    v1::UploadFlowsRequest message = messages[i];
    const int64_t chunk = static_cast<int64_t>(i) - 1;
    if (!message.has_chunk()) {
      violations.Add(absl::StrCat("chunk[", chunk, "]"), "only the first message is a header");
      continue;
    }
    ValidateFlows(message.chunk().flows(), absl::StrCat("chunk[", chunk, "]."), seen, violations);
    total += message.chunk().flows_size();
    if (total > kMaxFlowsPerDataset) {
      return absl::ResourceExhaustedError("too many flows");
    }
    for (v1::TradeFlow& f : *message.mutable_chunk()->mutable_flows()) flows.Add(std::move(f));
  }
  if (!violations.empty()) return violations.ToStatus();
  expected_flows = total;
  if (header.has_create()) {
    v1::Dataset created = header.create().dataset();
    for (v1::TradeFlow& f : flows) created.mutable_flows()->Add(std::move(f));
    return store.Create(id, created);
  }
  return store.AppendFlows(id, header.etag(), flows);
}

}  // namespace
}  // namespace culturetrade

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Invalid UTF-8 in a string field is an ordinary parse failure here, not news.
  google::protobuf::SetLogHandler(nullptr);
  (void)culturetrade::Study();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade;
  std::vector<v1::UploadFlowsRequest> messages;
  google::protobuf::io::CodedInputStream in(data, static_cast<int>(size));
  while (static_cast<int>(messages.size()) < kMaxMessages) {
    v1::UploadFlowsRequest message;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromCodedStream(&message, &in, &clean_eof)) break;
    messages.push_back(std::move(message));
  }
  if (messages.empty()) return 0;

  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(":memory:");
  FUZZ_CHECK(store.ok());
  FUZZ_CHECK((*store)->Create(kStudyDatasetId, Study()).ok());

  std::string id;
  int64_t expected_flows = -1;
  absl::StatusOr<v1::Dataset> written = Upload(**store, messages, id, expected_flows);
  if (std::getenv("CULTURETRADE_FUZZ_VERBOSE") != nullptr) {
    std::fprintf(stderr, "upload: %s\n", written.status().ToString().c_str());
  }
  if (!written.ok()) return 0;

  // What a successful upload promises.
  absl::StatusOr<v1::Dataset> stored = (*store)->Get(id, /*with_flows=*/true);
  FUZZ_CHECK(stored.ok());
  FUZZ_CHECK(stored->flows_size() == expected_flows);
  FUZZ_CHECK(stored->flow_count() == expected_flows);
  FUZZ_CHECK(stored->etag() == written->etag());
  FieldViolations violations;
  ValidateDatasetContent(*stored, "stored.", violations);
  FUZZ_CHECK(violations.empty());
  FUZZ_CHECK((*store)->GetAnalyzable(id).ok());
  return 0;
}
