// The embedded dataset store: one SQLite file in WAL mode.
//
// Metadata sits in a row per dataset; flows are stored as serialized chunks, so an upload of
// millions of flows is a few thousand row inserts. Every write is one transaction.
#ifndef CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <string>

#include "service/storage/dataset_store.h"

struct sqlite3;

namespace culturetrade {

class SqliteStore : public DatasetStore {
 public:
  // Opens or creates the file at `path` and applies pending schema migrations, all in one
  // transaction. FAILED_PRECONDITION, naming the path, when the file or its directory is not
  // writable. Errors of calls tell a full disk (RESOURCE_EXHAUSTED) and a file turned
  // read-only (FAILED_PRECONDITION) from other failures to read or write (UNAVAILABLE).
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore() override;

  absl::StatusOr<v1::Dataset> Create(const std::string& id, const v1::Dataset& dataset) override;
  absl::StatusOr<v1::Dataset> Get(const std::string& id, bool with_flows,
                                  const CallLiveness& alive) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  absl::StatusOr<v1::Dataset> AppendFlows(
      const std::string& id, const std::string& etag,
      const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) override;
  // True while the store has never held a dataset. Two servers on one file may both see it
  // so; the file is meant for one.
  bool created_now() const override { return created_now_; }

  // The schema version this build writes.
  static int SchemaVersion();

 private:
  SqliteStore(sqlite3* db, bool created_now) : db_(db), created_now_(created_now) {}
  // Called with mu_ held.
  absl::StatusOr<v1::Dataset> GetLocked(const std::string& id, bool with_flows,
                                        const CallLiveness& alive);
  absl::Status CheckEtagLocked(const std::string& id, const std::string& etag);

  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  std::mutex mu_;
  sqlite3* db_;  // guarded by mu_: one connection, used by one call at a time
  const bool created_now_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_
