// The memory that all uploads in progress may hold together. An upload leases what it needs
// as it grows (the message in flight, the keys of the flows it has seen); a lease the budget
// cannot grant fails the upload with RESOURCE_EXHAUSTED, so that many or large uploads at once
// are refused instead of getting the server killed for running out of memory.
#ifndef CULTURETRADE_SERVICE_API_UPLOAD_BUDGET_H_
#define CULTURETRADE_SERVICE_API_UPLOAD_BUDGET_H_

#include <cstdint>
#include <mutex>

#include "absl/status/status.h"

namespace culturetrade {

class UploadBudget {
 public:
  explicit UploadBudget(int64_t bytes) : capacity_(bytes) {}

  // What one upload holds; returned to the budget when the lease goes.
  class Lease {
   public:
    explicit Lease(UploadBudget& budget) : budget_(budget) {}
    ~Lease() { budget_.Release(held_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // Holds `bytes` in all (never less than already held); RESOURCE_EXHAUSTED when the budget
    // has not that much left.
    absl::Status GrowTo(int64_t bytes);
    int64_t held() const { return held_; }

   private:
    UploadBudget& budget_;
    int64_t held_ = 0;
  };

  int64_t capacity() const { return capacity_; }
  int64_t in_use() const;

 private:
  bool Take(int64_t bytes);
  void Release(int64_t bytes);

  const int64_t capacity_;
  mutable std::mutex mu_;
  int64_t in_use_ = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_UPLOAD_BUDGET_H_
