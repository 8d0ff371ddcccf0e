// The shared dataset store: PostgreSQL through libpq, for several replicas of the server.
//
// Same layout as the SQLite store (dataset_rows.h), blocks as BYTEA. An upload stores each
// block in a short transaction of its own, not waiting for the disk (synchronous_commit off:
// nobody sees the block before its commit, which waits, and so makes durable the blocks
// before it too); the commit is one small transaction. Commits of appends and deletes lock
// the dataset's row (SELECT ... FOR UPDATE), so writers from any replica queue up and an etag
// check cannot race its write; concurrent creates of one id are settled by the primary key.
// Uploads of a server that died are deleted by the next server to open the store
// (postgres_upload_owner.h); a writer destroyed uncommitted deletes its own.
//
// Calls share a pool of connections; none is held across a caller's work (a visitor of
// ReadBlocks, the stream an upload comes from). A connection the server dropped (restart,
// failover, idle timeout) is replaced on its next checkout; a call that finds the server
// unreachable fails with UNAVAILABLE, never hangs longer than the checkout timeout waiting
// for a connection, and the store recovers on its own once the server is back.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "service/storage/dataset_store.h"
#include "service/storage/stored_block.h"
#include "service/storage/stored_block_reader.h"
#include "service/storage/upload_writer.h"

namespace culturetrade {

class PostgresPool;
class FreshStoreClaim;
class UploadOwner;

class PostgresStore : public DatasetStore, private UploadStore {
 public:
  // Connects to `url` (a libpq URL, postgres://user@host:port/db?...), applies pending schema
  // migrations under an advisory lock, so replicas starting together migrate once, and deletes
  // the uploads of servers that died. At most `pool_size` connections are opened, lazily
  // (besides one that holds this server's claims); a call waits up to `checkout_timeout` for
  // a free one, then fails with UNAVAILABLE. FAILED_PRECONDITION when the database holds a
  // newer schema than this build knows. Writers must not outlive the store.
  static absl::StatusOr<std::unique_ptr<PostgresStore>> Open(
      const std::string& url, int pool_size, absl::Duration checkout_timeout = absl::Seconds(5));
  ~PostgresStore() override;

  absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) override;
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                        const std::string& etag) override;
  absl::StatusOr<DatasetRecord> Get(const std::string& id) override;
  // A round trip with a prepared statement: another replica may have written since, and a
  // write it commits must be seen by the next call here.
  absl::StatusOr<int64_t> Revision(const std::string& id) override;
  absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                           absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                           const CallLiveness& alive) override;
  absl::StatusOr<BlockCount> CountBlocks(const std::string& id, const BlockFilter& filter) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  // True in the one live server that may seed a fresh store (one that has never held a
  // dataset): of replicas starting together one claims it, and a first start that died before
  // seeding leaves it to the next.
  bool created_now() const override { return claim_ != nullptr; }

  // The schema version this build writes.
  static int SchemaVersion();

 private:
  PostgresStore(std::unique_ptr<PostgresPool> pool, std::unique_ptr<FreshStoreClaim> claim,
                std::unique_ptr<UploadOwner> owner);

  absl::Status FetchBlocks(const std::string& id, absl::Span<const BlockKey> keys,
                           std::vector<std::string>& data);

  // UploadStore, for the writers.
  absl::StatusOr<int64_t> InsertBlocks(int64_t upload, int64_t first_seq,
                                       absl::Span<const StoredBlock> blocks) override;
  absl::StatusOr<DatasetRecord> PublishCreate(const NewDataset& dataset, int64_t upload,
                                              int64_t flows) override;
  absl::StatusOr<DatasetRecord> PublishAppend(const std::string& id, const std::string& etag,
                                              int64_t upload, int64_t flows) override;
  void Discard(int64_t upload) override;

  const std::unique_ptr<PostgresPool> pool_;
  const std::unique_ptr<FreshStoreClaim> claim_;  // null unless this server may seed the store
  const std::unique_ptr<UploadOwner> owner_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_
