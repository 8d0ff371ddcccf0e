// An UploadFlows stream, without gRPC: the input is a sequence of UploadFlowsRequest messages,
// each preceded by its length as a varint (what SerializeDelimitedToOstream writes), driven
// through UploadFlowStream (service/api/flow_upload.h), the function the service's UploadFlows
// runs.
//
// One in-memory store holding the study's dataset (`datasets/china-korea-tv-dramas`) serves
// every input, which also checks that a failed upload leaves it untouched: after each input
// the store must hold the study alone, as it was, once what a successful upload wrote is
// undone. Checked after a write that succeeds: the stored dataset holds the flows it was sent,
// still passes validation, and loads for analysis.
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
#include "proto/flow_block_convert.h"
#include "service/api/dataset_creation.h"
#include "service/api/flow_upload.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"
#include "service/server/seed.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/fuzz/fuzz_check.h"

namespace culturetrade {
namespace {

// Small, so that the limit is reached; the server's default is 50,000,000.
constexpr int64_t kMaxFlowsPerDataset = 200;
constexpr int kMaxMessages = 64;

const UploadSettings& Settings() {
  static const UploadSettings settings{kMaxFlowsPerDataset, 1 << 20};
  return settings;
}

UploadBudget& Budget() {
  static UploadBudget* const budget = new UploadBudget(int64_t{1} << 30);
  return *budget;
}

const v1::Dataset& Study() {
  static const v1::Dataset* const study = [] {
    absl::StatusOr<v1::Dataset> d = StudyDataset();
    FUZZ_CHECK(d.ok());
    return new v1::Dataset(*std::move(d));
  }();
  return *study;
}

SqliteStore& Store() {
  static SqliteStore* const store = [] {
    absl::StatusOr<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(":memory:");
    FUZZ_CHECK(s.ok());
    FUZZ_CHECK(CreateDataset(**s, kStudyDatasetId, Study()).ok());
    return s->release();
  }();
  return *store;
}

// The study alone, with the flows it was seeded with.
void CheckOnlyTheStudy(SqliteStore& store) {
  absl::StatusOr<DatasetPage> page = store.List(10, "");
  FUZZ_CHECK(page.ok());
  FUZZ_CHECK(page->datasets.size() == 1);
  FUZZ_CHECK(page->datasets[0].id == kStudyDatasetId);
  FUZZ_CHECK(page->datasets[0].flow_count == Study().flows_size());
}

// What a successful upload promises: the stored dataset holds what it had (nothing, or the
// study's flows) and every flow the stream sent, still passes validation and loads.
void CheckWritten(SqliteStore& store, const v1::Dataset& written,
                  const std::vector<v1::UploadFlowsRequest>& messages, const std::string& id) {
  const v1::UploadFlowsHeader& header = messages[0].header();
  int64_t expected =
      header.has_create() ? header.create().dataset().flows_size() : Study().flows_size();
  for (size_t i = 1; i < messages.size(); ++i) {
    expected += messages[i].chunk().flows_size() + messages[i].block().reporter_size();
  }
  v1::Dataset stored;
  absl::StatusOr<DatasetRecord> record = store.ReadBlocks(
      id, BlockFilter{},
      [&](const FlowBlock& b) { return AppendTradeFlows(b, stored.mutable_flows()); }, NoCaller());
  FUZZ_CHECK(record.ok());
  FUZZ_CHECK(stored.flows_size() == expected);
  FUZZ_CHECK(record->flow_count == expected);
  FUZZ_CHECK(EtagOf(record->revision) == written.etag());
  FieldViolations violations;
  ValidateDatasetContent(stored, "stored.", violations);
  FUZZ_CHECK(violations.empty());
  FUZZ_CHECK(store.GetAnalyzable(id, NoCaller()).ok());
}

// Undoes a successful upload: the dataset it made goes; the study, if it grew, is made anew.
void Undo(SqliteStore& store, const std::string& id) {
  FUZZ_CHECK(store.Delete(id, "").ok());
  if (id == kStudyDatasetId) FUZZ_CHECK(CreateDataset(store, kStudyDatasetId, Study()).ok());
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

  SqliteStore& store = Store();
  std::string name;
  size_t read = 0;
  absl::StatusOr<v1::Dataset> written = UploadFlowStream(
      store, Settings(), Budget(),
      [&](v1::UploadFlowsRequest& m) {
        if (read == messages.size()) return StreamRead::kEnd;
        m = messages[read++];
        return StreamRead::kMessage;
      },
      NoCaller(), name);
  if (std::getenv("CULTURETRADE_FUZZ_VERBOSE") != nullptr) {
    std::fprintf(stderr, "upload: %s\n", written.status().ToString().c_str());
  }
  if (written.ok()) {
    absl::StatusOr<std::string> id = DatasetIdFromName(written->name(), "name");
    FUZZ_CHECK(id.ok());
    CheckWritten(store, *written, messages, *id);
    Undo(store, *id);
  }
  CheckOnlyTheStudy(store);
  return 0;
}
