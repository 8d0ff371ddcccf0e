#include "service/model/field_violations.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "proto/status_convert.h"

namespace culturetrade {

void FieldViolations::Add(std::string field, std::string description) {
  if (++count_ > kMaxReported) return;
  google::rpc::BadRequest::FieldViolation* v = bad_request_.add_field_violations();
  v->set_field(std::move(field));
  v->set_description(std::move(description));
}

absl::Status FieldViolations::ToStatus() const {
  if (count_ == 0) return absl::OkStatus();
  std::string message =
      absl::StrJoin(bad_request_.field_violations(), "; ",
                    [](std::string* out, const google::rpc::BadRequest::FieldViolation& v) {
                      absl::StrAppend(out, v.field(), ": ", v.description());
                    });
  if (count_ > kMaxReported) {
    absl::StrAppend(&message, "; and ", count_ - kMaxReported, " more");
  }
  absl::Status status = absl::InvalidArgumentError(message);
  AttachDetail(status, bad_request_);
  return status;
}

absl::Status InvalidField(std::string field, std::string description) {
  FieldViolations v;
  v.Add(std::move(field), std::move(description));
  return v.ToStatus();
}

}  // namespace culturetrade
