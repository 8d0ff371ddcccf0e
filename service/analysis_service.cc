#include "service/analysis_service.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/trade_balance.h"
#include "proto/status_convert.h"
#include "service/dataset_source.h"
#include "service/field_violations.h"
#include "service/proto_convert.h"
#include "service/validation.h"

namespace culturetrade {
namespace {

absl::Status ValidateBalanceRequest(const v1::AnalyzeBalanceRequest& r) {
  FieldViolations v;
  CheckCountry(r.reporter(), "reporter", v);
  CheckCountry(r.partner(), "partner", v);
  if (r.product_code().empty()) v.Add("product_code", "name the product, for example TV_DRAMAS");
  for (auto [year, field] : {std::pair{r.start_year(), "start_year"},
                             std::pair{r.end_year(), "end_year"}}) {
    if (year != 0 && (year < kMinYear || year > kMaxYear)) {
      v.Add(field, absl::StrCat("year ", year, " is outside ", kMinYear, "..", kMaxYear));
    }
  }
  if (r.start_year() != 0 && r.end_year() != 0 && r.end_year() <= r.start_year()) {
    v.Add("end_year", absl::StrCat("the span ", r.start_year(), " to ", r.end_year(),
                                   " must end after it starts"));
  }
  return v.ToStatus();
}

}  // namespace

absl::StatusOr<v1::AnalyzeBalanceResponse> AnalysisServiceImpl::Balance(
    const v1::AnalyzeBalanceRequest& request) {
  absl::Status valid = ValidateBalanceRequest(request);
  if (!valid.ok()) return valid;
  absl::StatusOr<v1::Dataset> dataset = ResolveDataset(store_, request);
  if (!dataset.ok()) return dataset.status();
  absl::StatusOr<std::vector<Flow>> flows = FlowsFromProto(dataset->flows());
  if (!flows.ok()) return flows.status();
  const SeriesKey key{request.reporter(), request.partner(), request.product_code()};
  absl::StatusOr<BalanceTable> table =
      ComputeBalance(*flows, key, request.start_year(), request.end_year());
  if (!table.ok()) return table.status();
  if (table->rows.empty()) {
    return absl::NotFoundError(absl::StrCat(
        request.has_inline_dataset() ? "the inline dataset" : request.dataset(),
        " has no exports or imports for reporter ", key.reporter, ", partner ", key.partner,
        " and product ", key.product_code));
  }
  absl::StatusOr<v1::AnalyzeBalanceResponse> response = BalanceToProto(*table);
  if (!response.ok()) return response.status();
  response->set_reporter(key.reporter);
  response->set_partner(key.partner);
  response->set_product_code(key.product_code);
  response->set_dataset_etag(dataset->etag());
  return response;
}

grpc::Status AnalysisServiceImpl::AnalyzeBalance(grpc::ServerContext*,
                                                 const v1::AnalyzeBalanceRequest* request,
                                                 v1::AnalyzeBalanceResponse* response) {
  return Reply(Balance(*request), response);
}

}  // namespace culturetrade
