// The shared dataset store: PostgreSQL through libpq, for several replicas of the server.
//
// Same layout as the SQLite store (service/dataset_rows.h): a `datasets` row with the metadata
// as BYTEA, flows as serialized chunks in `flow_chunks`, bulk-loaded with binary COPY. Every
// write is one transaction. Appends and deletes lock the dataset's row (SELECT ... FOR UPDATE),
// so writers from any replica queue up and an etag check cannot race its write; concurrent
// creates of one id are settled by the primary key.
//
// Calls share a pool of connections. A connection the server dropped (restart, failover,
// idle timeout) is replaced on its next checkout; a call that finds the server unreachable
// fails with UNAVAILABLE, never hangs longer than the checkout timeout waiting for a
// connection, and the store recovers on its own once the server is back.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

class PostgresPool;
class FreshStoreClaim;

class PostgresStore : public DatasetStore {
 public:
  // Connects to `url` (a libpq URL, postgres://user@host:port/db?...) and applies pending
  // schema migrations under an advisory lock, so replicas starting together migrate once.
  // At most `pool_size` connections are opened, lazily; a call waits up to
  // `checkout_timeout` for a free one, then fails with UNAVAILABLE. FAILED_PRECONDITION when
  // the database holds a newer schema than this build knows.
  static absl::StatusOr<std::unique_ptr<PostgresStore>> Open(
      const std::string& url, int pool_size, absl::Duration checkout_timeout = absl::Seconds(5));
  ~PostgresStore() override;

  absl::StatusOr<v1::Dataset> Create(const std::string& id, const v1::Dataset& dataset) override;
  absl::StatusOr<v1::Dataset> Get(const std::string& id, bool with_flows,
                                  const CallLiveness& alive) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  absl::StatusOr<v1::Dataset> AppendFlows(
      const std::string& id, const std::string& etag,
      const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) override;
  // True in the one live server that may seed a fresh store (one that has never held a
  // dataset): of replicas starting together one claims it, and a first start that died before
  // seeding leaves it to the next.
  bool created_now() const override { return claim_ != nullptr; }

  // The schema version this build writes.
  static int SchemaVersion();

 private:
  PostgresStore(std::unique_ptr<PostgresPool> pool, std::unique_ptr<FreshStoreClaim> claim);

  const std::unique_ptr<PostgresPool> pool_;
  const std::unique_ptr<FreshStoreClaim> claim_;  // null unless this server may seed the store
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STORE_H_
