// The embedded dataset store: one SQLite file in WAL mode, for one server.
//
// The row layout is dataset_rows.h's. The file has one connection, used by one call at a time
// under a mutex that is never held across a call's caller: an upload stores each block in its
// own short transaction, so other calls go on while a long upload streams, and publishes the
// blocks in one small transaction at commit. Blocks of an upload are written without waiting
// for the disk (synchronous=NORMAL, safe from corruption); every commit, create, append and
// delete waits for it (FULL), and so makes durable the blocks before it too. Uploads a crash
// left uncommitted are deleted when the file is next opened.
#ifndef CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "service/storage/dataset_store.h"
#include "service/storage/stored_block.h"
#include "service/storage/stored_block_reader.h"
#include "service/storage/upload_writer.h"

struct sqlite3;

namespace culturetrade {

namespace sqlite {
class StatementCache;
}

class SqliteStore : public DatasetStore, private UploadStore {
 public:
  // Opens or creates the file at `path`, applies pending schema migrations in one transaction,
  // then deletes the uploads left uncommitted. FAILED_PRECONDITION, naming the path,
  // when the file or its directory is not writable. Errors of calls tell a full disk
  // (RESOURCE_EXHAUSTED) and a file turned read-only (FAILED_PRECONDITION) from other
  // failures to read or write (UNAVAILABLE). Writers must not outlive the store.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore() override;

  absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) override;
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                        const std::string& etag) override;
  absl::StatusOr<DatasetRecord> Get(const std::string& id) override;
  // From memory while the file is unchanged since the revision was read: PRAGMA data_version
  // tells of commits by other connections (another server on the file), and the connection's
  // count of changes tells of this server's own writes.
  absl::StatusOr<int64_t> Revision(const std::string& id) override;
  absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                           absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                           const CallLiveness& alive) override;
  absl::StatusOr<BlockCount> CountBlocks(const std::string& id, const BlockFilter& filter) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  // True while the store has never held a dataset. Two servers on one file may both see it
  // so; the file is meant for one.
  bool created_now() const override { return created_now_; }

  // The schema version this build writes.
  static int SchemaVersion();

 private:
  SqliteStore(sqlite3* db, bool created_now);

  // Called with mu_ held.
  absl::StatusOr<DatasetRecord> GetLocked(const std::string& id);
  absl::StatusOr<BlockListing> ListBlocksLocked(const std::string& id, const BlockFilter& filter);
  absl::Status FetchBlocks(const std::string& id, absl::Span<const BlockKey> keys,
                           std::vector<std::string>& data);
  // Commits of uploads wait for the disk; block writes do not.
  absl::Status SyncCommitsLocked(bool full);

  // UploadStore, for the writers.
  absl::StatusOr<int64_t> InsertBlocks(int64_t upload, int64_t first_seq,
                                       absl::Span<const StoredBlock> blocks) override;
  absl::StatusOr<DatasetRecord> PublishCreate(const NewDataset& dataset, int64_t upload,
                                              int64_t flows) override;
  absl::StatusOr<DatasetRecord> PublishAppend(const std::string& id, const std::string& etag,
                                              int64_t upload, int64_t flows) override;
  void Discard(int64_t upload) override;
  // Binds `upload` (0: none) to dataset `id` at `revision`, with mu_ held in a transaction.
  absl::Status BindUploadLocked(int64_t upload, const std::string& id, int64_t revision);

  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  std::mutex mu_;
  sqlite3* db_;  // guarded by mu_: one connection, used by one call at a time
  std::unique_ptr<sqlite::StatementCache> statements_;  // guarded by mu_
  bool synced_ = true;                                  // guarded by mu_: synchronous=FULL
  // Revisions read since the file last changed, and the marks of that state.
  struct KnownRevisions {
    int64_t data_version = -1;
    int64_t changes = -1;
    absl::flat_hash_map<std::string, int64_t> by_id;
  };
  KnownRevisions known_;  // guarded by mu_
  const bool created_now_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STORE_H_
