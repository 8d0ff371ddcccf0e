#include "service/server/store_url.h"

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "service/storage/postgres/postgres_store.h"
#include "service/storage/sqlite/sqlite_store.h"

namespace culturetrade {

absl::StatusOr<std::unique_ptr<DatasetStore>> OpenStore(const std::string& url, int pool_size) {
  if (absl::StartsWith(url, "postgres://") || absl::StartsWith(url, "postgresql://")) {
    absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url, pool_size);
    if (!store.ok()) return store.status();
    return std::unique_ptr<DatasetStore>(*std::move(store));
  }
  // sqlite:///abs/path keeps its leading slash; sqlite://rel/path is relative.
  constexpr absl::string_view kSqlite = "sqlite://";
  absl::string_view path = url;
  if (absl::StartsWith(path, kSqlite)) path.remove_prefix(kSqlite.size());
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(std::string(path));
  if (!store.ok()) return store.status();
  return std::unique_ptr<DatasetStore>(*std::move(store));
}

}  // namespace culturetrade
