// AnalyzeBalance: one reporter, partner and product over the years: exports, imports, balance.
#include "absl/strings/str_cat.h"
#include "core/trade_balance.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/analyses/series_request.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {

absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(DatasetStore& store,
                                                          const v1::AnalyzeBalanceRequest& r,
                                                          const CallLiveness& alive) {
  FieldViolations v;
  CheckSeries(r, v);
  if (!v.empty()) return v.ToStatus();
  const SeriesKey key{r.reporter(), r.partner(), r.product_code()};
  absl::StatusOr<AnalysisInput> input =
      LoadInput(store, r, alive, r.target_currency(), {0, {key}}, SeriesCodes(r));
  if (!input.ok()) return input.status();
  absl::StatusOr<BalanceTable> table = ComputeBalance(
      input->flows(), key, BalanceOptions{r.start_year(), r.end_year(), r.include_partial_years()});
  if (!table.ok()) return table.status();
  if (table->rows.empty()) return NoSuchSeries(r, "exports or imports");
  absl::StatusOr<v1::AnalyzeBalanceResponse> response = BalanceToProto(*table);
  if (!response.ok()) return response.status();
  response->set_reporter(key.reporter);
  response->set_partner(key.partner);
  response->set_product_code(key.product_code);
  response->set_dataset_etag(input->dataset().etag());
  SetAggregationReport(*input, *response);
  return response;
}

}  // namespace culturetrade
