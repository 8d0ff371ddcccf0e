// Which store a server runs on, from one setting: a PostgreSQL URL shares datasets between
// replicas; anything else is the embedded SQLite file.
#ifndef CULTURETRADE_SERVICE_SERVER_STORE_URL_H_
#define CULTURETRADE_SERVICE_SERVER_STORE_URL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// `postgres://...` or `postgresql://...` (libpq's URL, scheme in lower case as libpq reads it):
// a PostgresStore with up to `pool_size` connections. `sqlite:///path/file.db`, or a plain
// path: a SqliteStore (one connection; `pool_size` is ignored).
absl::StatusOr<std::unique_ptr<DatasetStore>> OpenStore(const std::string& url, int pool_size);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_STORE_URL_H_
