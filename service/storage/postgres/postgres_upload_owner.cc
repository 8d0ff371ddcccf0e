#include "service/storage/postgres/postgres_upload_owner.h"

#include <utility>

#include "service/storage/postgres/postgres_layout.h"
#include "service/storage/postgres/postgres_statement.h"

namespace culturetrade {

absl::StatusOr<std::pair<PGconn*, int64_t>> UploadOwner::Hold(const std::string& url) {
  absl::StatusOr<PGconn*> conn = pg::Connect(url);
  if (!conn.ok()) return conn.status();
  absl::StatusOr<pg::Result> number = pg::Exec(*conn, "SELECT nextval('upload_owners')");
  absl::Status s = number.status();
  if (s.ok()) {
    s = pg::Exec(*conn, "SELECT pg_advisory_lock($1)",
                 pg::Params().Int(pg::kOwnerLockBase + number->Int(0, 0)))
            .status();
  }
  if (!s.ok()) {
    PQfinish(*conn);
    return s;
  }
  return std::make_pair(*conn, number->Int(0, 0));
}

absl::StatusOr<std::unique_ptr<UploadOwner>> UploadOwner::Take(const std::string& url) {
  absl::StatusOr<std::pair<PGconn*, int64_t>> held = Hold(url);
  if (!held.ok()) return held.status();
  return std::unique_ptr<UploadOwner>(new UploadOwner(url, held->first, held->second));
}

absl::StatusOr<int64_t> UploadOwner::Number() {
  std::lock_guard<std::mutex> lock(mu_);
  if (pg::StillUp(conn_)) return number_;
  absl::StatusOr<std::pair<PGconn*, int64_t>> held = Hold(url_);
  if (!held.ok()) return held.status();
  PQfinish(conn_);
  conn_ = held->first;
  number_ = held->second;
  return number_;
}

absl::Status UploadOwner::DeleteLeftovers(PGconn* conn) {
  // A lock that another session holds is not taken: its owner lives. The transaction's locks
  // end with the statement. The blocks go with their uploads (ON DELETE CASCADE).
  return pg::Exec(conn,
                  "DELETE FROM uploads WHERE dataset_id IS NULL "
                  "AND pg_try_advisory_xact_lock($1 + owner)",
                  pg::Params().Int(pg::kOwnerLockBase))
      .status();
}

}  // namespace culturetrade
