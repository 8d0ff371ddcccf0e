// Collects what is wrong with a request, field by field, as AIP-193 asks.
//
// The resulting status is INVALID_ARGUMENT whose message names every field, and which carries
// a google.rpc.BadRequest so that programs can act on each violation.
#ifndef CULTURETRADE_SERVICE_MODEL_FIELD_VIOLATIONS_H_
#define CULTURETRADE_SERVICE_MODEL_FIELD_VIOLATIONS_H_

#include <string>

#include "absl/status/status.h"
#include "google/rpc/error_details.pb.h"

namespace culturetrade {

class FieldViolations {
 public:
  // Reports at most this many violations; a request with thousands of bad rows should get a
  // readable error, not a message as large as itself.
  static constexpr int kMaxReported = 20;

  void Add(std::string field, std::string description);
  bool empty() const { return count_ == 0; }
  // How many were added, reported or not.
  int count() const { return count_; }
  // OK when nothing was added.
  absl::Status ToStatus() const;

 private:
  google::rpc::BadRequest bad_request_;
  int count_ = 0;
};

// A status for a single bad field.
absl::Status InvalidField(std::string field, std::string description);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_FIELD_VIOLATIONS_H_
