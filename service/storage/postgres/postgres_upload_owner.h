// Which server an upload in progress belongs to, so that the uploads of a server that died
// can be told from those still streaming on a live replica, and deleted.
//
// A server takes a number from the sequence upload_owners and holds it as a session advisory
// lock on a connection of its own; its uploads carry the number until they are committed.
// PostgreSQL drops the lock when the server's session ends, however it ends, and every
// server that opens the store deletes the uncommitted uploads whose owner's lock it can take.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_UPLOAD_OWNER_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_UPLOAD_OWNER_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace culturetrade {

class UploadOwner {
 public:
  // This server's number, held; UNAVAILABLE when the server cannot be reached.
  static absl::StatusOr<std::unique_ptr<UploadOwner>> Take(const std::string& url);
  ~UploadOwner() { PQfinish(conn_); }
  UploadOwner(const UploadOwner&) = delete;
  UploadOwner& operator=(const UploadOwner&) = delete;

  // The number new uploads carry. When the connection holding it has dropped (a restart of
  // PostgreSQL), a new one is taken: the uploads that carried the old one may be deleted by
  // a server opening meanwhile, and then fail at their commit.
  absl::StatusOr<int64_t> Number();

  // Deletes the uncommitted uploads of owners that are gone, with their blocks, on `conn`.
  static absl::Status DeleteLeftovers(PGconn* conn);

 private:
  UploadOwner(std::string url, PGconn* conn, int64_t number)
      : url_(std::move(url)), conn_(conn), number_(number) {}
  // A number held on a new connection of its own.
  static absl::StatusOr<std::pair<PGconn*, int64_t>> Hold(const std::string& url);

  const std::string url_;
  std::mutex mu_;
  PGconn* conn_;    // guarded by mu_
  int64_t number_;  // guarded by mu_
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_UPLOAD_OWNER_H_
