#include "service/api/upload_budget.h"

#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::Status UploadBudget::Lease::GrowTo(int64_t bytes) {
  if (bytes <= held_) return absl::OkStatus();
  if (!budget_.Take(bytes - held_)) {
    return absl::ResourceExhaustedError(
        absl::StrCat("uploads in progress use the server's memory for uploads (",
                     budget_.capacity(), " bytes); this one would need ", bytes - held_,
                     " bytes more; retry later or upload less at once"));
  }
  held_ = bytes;
  return absl::OkStatus();
}

int64_t UploadBudget::in_use() const {
  std::lock_guard<std::mutex> lock(mu_);
  return in_use_;
}

bool UploadBudget::Take(int64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (in_use_ + bytes > capacity_) return false;
  in_use_ += bytes;
  return true;
}

void UploadBudget::Release(int64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  in_use_ -= bytes;
}

}  // namespace culturetrade
