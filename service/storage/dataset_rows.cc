#include "service/storage/dataset_rows.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/model/validation.h"

namespace culturetrade {

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

DatasetRecord RecordFromRow(std::string id, int64_t revision, int64_t create_time_us,
                            int64_t update_time_us, int64_t flow_count, std::string metadata,
                            std::string request_id) {
  DatasetRecord r;
  r.id = std::move(id);
  r.revision = revision;
  r.create_time = absl::FromUnixMicros(create_time_us);
  r.update_time = absl::FromUnixMicros(update_time_us);
  r.flow_count = flow_count;
  r.metadata = std::move(metadata);
  r.request_id = std::move(request_id);
  return r;
}

DatasetPage PageOf(std::vector<DatasetRecord> records, int page_size) {
  DatasetPage page;
  if (page_size >= 0 && static_cast<int>(records.size()) > page_size) {
    records.resize(page_size);
    if (!records.empty()) page.last_id = records.back().id;
  }
  page.datasets = std::move(records);
  return page;
}

absl::Status DatasetNotFound(const std::string& id) {
  return absl::NotFoundError(absl::StrCat("dataset ", DatasetName(id), " does not exist"));
}

absl::Status DatasetAlreadyExists(const std::string& id) {
  return absl::AlreadyExistsError(absl::StrCat("dataset ", DatasetName(id), " already exists"));
}

absl::StatusOr<DatasetRecord> RetriedCreate(const DatasetRecord& existing,
                                            const std::string& request_id) {
  if (!request_id.empty() && request_id == existing.request_id) return existing;
  return DatasetAlreadyExists(existing.id);
}

absl::Status CheckEtag(const std::string& id, int64_t revision, const std::string& etag) {
  const std::string current = EtagOf(revision);
  if (etag.empty() || etag == current) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("dataset ", DatasetName(id), " has changed: etag is ",
                                         current, ", not ", etag, "; read it again"));
}

absl::Status NewerSchema(int found, int known) {
  return absl::FailedPreconditionError(absl::StrCat("store: schema version ", found,
                                                    " is newer than this server's ", known,
                                                    "; run a newer culturetrade-server"));
}

}  // namespace culturetrade
