// What the tests of the stores share (store_conformance_test.cc, store_migration_test.cc,
// postgres_store_test.cc, ...): flows to store, helpers that write and read them whole, and the
// backends a fresh store lives on, SQLite files and databases of the private PostgreSQL server
// (tests/postgres_test_server.sh, which CTest starts as a fixture).
#ifndef CULTURETRADE_TESTS_STORE_FIXTURE_H_
#define CULTURETRADE_TESTS_STORE_FIXTURE_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/flow_block.h"
#include "service/storage/dataset_store.h"
#include "tests/postgres_url.h"

namespace culturetrade::testing {

// --- Data ---

// `n` distinct flows, varied like real ones, in blocks of 8192 (the last one shorter); `tag`
// tells batches apart (it is each value's billions of units).
std::vector<FlowBlock> Blocks(int n, int tag = 0);

// Every field of every flow of `blocks`, a line a flow, in order: equal lines, equal flows.
std::vector<std::string> FlowLines(const std::vector<FlowBlock>& blocks);

// Creates dataset `id` with `blocks` through one writer, and commits.
absl::StatusOr<DatasetRecord> CreateWith(DatasetStore& store, const std::string& id,
                                         const std::vector<FlowBlock>& blocks,
                                         const std::string& metadata = "meta",
                                         const std::string& request_id = "");
// Appends `blocks` to dataset `id` while its etag is `etag`, and commits.
absl::StatusOr<DatasetRecord> AppendWith(DatasetStore& store, const std::string& id,
                                         const std::string& etag,
                                         const std::vector<FlowBlock>& blocks);
// The blocks of dataset `id` that `filter` may match, and the record read.
struct ReadResult {
  DatasetRecord record;
  std::vector<FlowBlock> blocks;
};
absl::StatusOr<ReadResult> ReadAll(DatasetStore& store, const std::string& id,
                                   const BlockFilter& filter = {});

// Stores `flows` BACI-like flows (baci_like_flows.h) as dataset "baci", loads them all, reads
// one pair's blocks, and prints the rates and `stored_bytes()` a flow: a measurement by hand
// (no timing is asserted), meaningful in a release build.
void MeasureBaciLike(DatasetStore& store, int flows, const std::function<int64_t()>& stored_bytes);

// --- Backends: where a fresh store lives, and a way behind its back ---

// The directory of the private server (tests/postgres_test_server.sh), or "".
std::string ServerDir();

// The running test's name, with its store for parameterized ones, as a file or database name:
// "ADeleteIsFinal_postgres".
std::string TestName();

class Backend {
 public:
  virtual ~Backend() = default;
  // A URL naming a new, empty store; "" (after a failure) when there is none.
  virtual std::string FreshUrl(const std::string& name) = 0;
  // The store at `url`, opened (and migrated) as a server opens it.
  virtual absl::StatusOr<std::unique_ptr<DatasetStore>> Open(const std::string& url) = 0;
  // Runs `sql` on the store at `url` directly: the first value of its result, "" for none, or
  // "error: ...".
  virtual std::string Exec(const std::string& url, const std::string& sql) = 0;
  // `bytes` as a blob literal of the backend's SQL.
  virtual std::string BlobLiteral(absl::string_view bytes) = 0;
};

class SqliteBackend : public Backend {
 public:
  std::string FreshUrl(const std::string& name) override;
  absl::StatusOr<std::unique_ptr<DatasetStore>> Open(const std::string& url) override;
  std::string Exec(const std::string& url, const std::string& sql) override;
  std::string BlobLiteral(absl::string_view bytes) override;
};

// A database per test in the private server, made afresh.
class PostgresBackend : public Backend {
 public:
  std::string FreshUrl(const std::string& name) override;
  absl::StatusOr<std::unique_ptr<DatasetStore>> Open(const std::string& url) override;
  std::string Exec(const std::string& url, const std::string& sql) override {
    return PgRun(url, sql);
  }
  std::string BlobLiteral(absl::string_view bytes) override;
};

// --- A test case for every store ---

struct BackendParam {
  const char* name;
  std::unique_ptr<Backend> (*make)();
};
void PrintTo(const BackendParam& p, std::ostream* os);
// SQLite and PostgreSQL, and their names, for INSTANTIATE_TEST_SUITE_P.
std::vector<BackendParam> EveryBackend();
std::string BackendName(const ::testing::TestParamInfo<BackendParam>& p);

// A fresh store of the backend of the parameter, opened as store_.
class StoreTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override;
  absl::StatusOr<std::unique_ptr<DatasetStore>> Open() { return backend_->Open(url_); }
  // The first value of `sql` run on the store's database behind its back.
  std::string Sql(const std::string& sql) { return backend_->Exec(url_, sql); }

  std::unique_ptr<Backend> backend_;
  std::string url_;
  std::unique_ptr<DatasetStore> store_;
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_STORE_FIXTURE_H_
