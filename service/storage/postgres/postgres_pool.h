// The PostgreSQL store's connections: a pool of up to `size`, opened when first needed and
// reopened when found dropped, each lent to one call at a time.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_POOL_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_POOL_H_

#include <libpq-fe.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "service/storage/postgres/postgres_statement.h"

namespace culturetrade {

// Up to `size` connections, opened when first needed and reopened when found dropped. A
// connection is lent to one call at a time (libpq connections are not shared by threads).
class PostgresPool {
 public:
  // A connection lent for one call; back to the pool when the lease ends.
  class Lease {
   public:
    Lease(PostgresPool* pool, PGconn* conn) : pool_(pool), conn_(conn) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), conn_(std::exchange(other.conn_, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->Return(conn_);
    }
    PGconn* get() const { return conn_; }

   private:
    friend class PostgresPool;
    PostgresPool* pool_;
    PGconn* conn_;  // nullptr: a free slot without a connection
  };

  PostgresPool(std::string url, int size, absl::Duration checkout_timeout)
      : url_(std::move(url)), size_(size), timeout_(checkout_timeout), idle_(size, nullptr) {}
  ~PostgresPool() {
    for (PGconn* conn : idle_) PQfinish(conn);
  }

  // A live connection for one call: UNAVAILABLE when none frees up within the checkout
  // timeout, or when the server cannot be reached.
  absl::StatusOr<Lease> Checkout() {
    std::unique_lock<std::mutex> lock(mu_);
    if (!freed_.wait_for(lock, absl::ToChronoMilliseconds(timeout_),
                         [this] { return !idle_.empty(); })) {
      return absl::UnavailableError(absl::StrCat("store: all ", size_,
                                                 " PostgreSQL connections stayed busy for ",
                                                 absl::FormatDuration(timeout_)));
    }
    Lease lease(this, idle_.back());
    idle_.pop_back();
    lock.unlock();
    if (absl::Status s = Revive(lease.conn_); !s.ok()) return s;
    return lease;
  }

 private:
  // Keeps `conn` if it is still up, else connects anew.
  absl::Status Revive(PGconn*& conn) const {
    if (conn != nullptr && pg::StillUp(conn)) return absl::OkStatus();
    PQfinish(conn);
    conn = nullptr;
    absl::StatusOr<PGconn*> fresh = pg::Connect(url_);
    if (!fresh.ok()) return fresh.status();
    conn = *fresh;
    return absl::OkStatus();
  }

  // A connection that broke, or that an error left inside a transaction, is closed rather
  // than lent again; its slot reconnects on its next checkout.
  void Return(PGconn* conn) {
    if (conn != nullptr &&
        (PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE)) {
      PQfinish(conn);
      conn = nullptr;
    }
    {
      // Live connections are lent first, from the back, so another is opened only when all
      // the live ones are busy.
      std::lock_guard<std::mutex> lock(mu_);
      idle_.insert(conn == nullptr ? idle_.begin() : idle_.end(), conn);
    }
    freed_.notify_one();
  }

  const std::string url_;
  const int size_;
  const absl::Duration timeout_;
  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<PGconn*> idle_;  // guarded by mu_: the free slots, unconnected ones first
};

// Runs `work` on a connection lent for its duration.
template <typename Work>
auto Leased(PostgresPool& pool, Work work) -> decltype(work(nullptr)) {
  absl::StatusOr<PostgresPool::Lease> lease = pool.Checkout();
  if (!lease.ok()) return lease.status();
  return work(lease->get());
}

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_POOL_H_
