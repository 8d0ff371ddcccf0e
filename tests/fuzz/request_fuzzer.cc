// The analyses of service/analyses/analyses.h, without gRPC, on an in-memory SqliteStore holding
// the study's dataset (`datasets/china-korea-tv-dramas`) behind the server's CachingStore:
//   1. the bytes as each of the eight analysis requests, each run through its analysis (a
//      request may name the stored dataset or carry one inline);
//   2. the bytes as a Dataset: validated (ValidateDatasetContent), and when valid sent inline
//      to every analysis, with the reporter, partner, product, years, titles, multiplier and
//      currency taken from the dataset itself so that the analyses get past their own checks.
// Any status is fine; a crash, a sanitizer report or a timeout is not.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "google/protobuf/stubs/logging.h"
#include "service/analyses/analyses.h"
#include "service/analyses/dataset_source.h"
#include "service/api/dataset_creation.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"
#include "service/server/seed.h"
#include "service/storage/analyzable_dataset.h"
#include "service/storage/caching_store.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/fuzz/fuzz_check.h"

namespace culturetrade {
namespace {

// CULTURETRADE_FUZZ_VERBOSE=1: each analysis's status on stderr, to see how far seeds get.
const bool kVerbose = std::getenv("CULTURETRADE_FUZZ_VERBOSE") != nullptr;

template <typename Response>
void Report(const char* what, const absl::StatusOr<Response>& response) {
  if (kVerbose) std::fprintf(stderr, "%s: %s\n", what, response.status().ToString().c_str());
}

DatasetStore& Store() {
  static DatasetStore* const store = [] {
    absl::StatusOr<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(":memory:");
    FUZZ_CHECK(s.ok());
    absl::StatusOr<v1::Dataset> study = StudyDataset();
    FUZZ_CHECK(study.ok());
    FUZZ_CHECK(CreateDataset(**s, kStudyDatasetId, *study).ok());
    return new CachingStore(*s->release(), /*capacity_flows=*/1'000'000);
  }();
  return *store;
}

// Parses `bytes` as a `Request` and runs `analysis` on it.
template <typename Request, typename Response>
void Run(const std::string& bytes,
         absl::StatusOr<Response> (*analysis)(DatasetStore&, const Request&, const CallLiveness&)) {
  Request request;
  if (!request.ParseFromString(bytes)) return;
  absl::StatusOr<Response> response = analysis(Store(), request, NoCaller());
  Report(Request::descriptor()->name().c_str(), response);
  if (response.ok()) (void)response->ByteSizeLong();
}

template <typename Request, typename Response>
void RunRequest(const Request& request,
                absl::StatusOr<Response> (*analysis)(DatasetStore&, const Request&,
                                                     const CallLiveness&)) {
  absl::StatusOr<Response> response = analysis(Store(), request, NoCaller());
  Report(("inline " + Request::descriptor()->name()).c_str(), response);
  if (response.ok()) (void)response->ByteSizeLong();
}

// Every analysis on `d` inline, asked about what `d` holds.
void AnalyzeInline(const v1::Dataset& d) {
  std::string reporter = "CHN", partner = "KOR", product = "TV_DRAMAS", other = "KOR";
  int first_year = 2010, last_year = 2016;
  if (d.flows_size() > 0) {
    const v1::TradeFlow& f = d.flows(0);
    reporter = f.reporter();
    partner = f.partner();
    product = f.product().code();
    other = d.flows(d.flows_size() - 1).reporter();
    first_year = last_year = f.period().year();
    for (const v1::TradeFlow& g : d.flows()) {
      first_year = std::min(first_year, g.period().year());
      last_year = std::max(last_year, g.period().year());
    }
  }
  const std::string currency =
      d.exchange_rates_size() > 0 ? d.exchange_rates(0).quote_currency_code() : "";

  v1::AnalyzeBalanceRequest balance;
  *balance.mutable_inline_dataset() = d;
  balance.set_reporter(reporter);
  balance.set_partner(partner);
  balance.set_product_code(product);
  balance.set_target_currency(currency);
  balance.set_include_partial_years(d.flows_size() % 2 == 1);
  RunRequest(balance, &AnalyzeBalance);

  v1::AnalyzeGrowthRequest growth;
  *growth.mutable_inline_dataset() = d;
  growth.set_reporter(reporter);
  growth.set_partner(partner);
  growth.set_product_code(product);
  growth.set_direction(d.flows_size() > 0 ? d.flows(0).direction() : v1::FLOW_DIRECTION_EXPORT);
  growth.set_start_year(first_year);
  growth.set_end_year(last_year);
  growth.set_target_currency(currency);
  RunRequest(growth, &AnalyzeGrowth);

  v1::CompareExportersRequest exporters;
  *exporters.mutable_inline_dataset() = d;
  exporters.set_product_code(product);
  exporters.set_year(last_year);
  exporters.set_reporter_a(reporter);
  exporters.set_reporter_b(other);
  exporters.set_partner(partner);
  exporters.set_target_currency(currency);
  RunRequest(exporters, &CompareExporters);

  v1::AnalyzeDealPricesRequest deals;
  *deals.mutable_inline_dataset() = d;
  deals.set_target_currency(currency);
  if (d.deals_size() > 0) {
    deals.set_numerator_title(d.deals(0).title());
    deals.set_denominator_title(d.deals(d.deals_size() - 1).title());
    deals.set_origin_a(d.deals(0).origin());
    deals.set_origin_b(d.deals(d.deals_size() - 1).origin());
  }
  RunRequest(deals, &AnalyzeDealPrices);

  v1::EstimateSpilloverRequest spillover;
  *spillover.mutable_inline_dataset() = d;
  if (d.multipliers_size() > 0) spillover.set_multiplier_id(d.multipliers(0).id());
  spillover.set_reporter(reporter);
  spillover.set_partner(partner);
  spillover.set_product_code(product);
  spillover.set_year(last_year);
  RunRequest(spillover, &EstimateSpillover);

  v1::ProjectBalanceRequest projection;
  *projection.mutable_inline_dataset() = d;
  projection.set_reporter(reporter);
  projection.set_partner(partner);
  projection.set_product_code(product);
  projection.set_basis(static_cast<v1::GrowthBasis>(1 + d.flows_size() % 2));
  projection.set_history_start_year(first_year);
  projection.set_to_year(std::min(last_year + 10, kMaxYear));
  projection.set_close_by_year(std::min(last_year + 10, kMaxYear));
  projection.set_target_currency(currency);
  RunRequest(projection, &ProjectBalance);

  v1::ComputeIndicatorsRequest indicators;
  *indicators.mutable_inline_dataset() = d;
  for (int k = v1::INDICATOR_KIND_GRUBEL_LLOYD; k <= v1::INDICATOR_KIND_HHI_PRODUCTS; ++k) {
    indicators.add_indicators(static_cast<v1::IndicatorKind>(k));
  }
  indicators.set_year(last_year);
  indicators.set_reporter(reporter);
  indicators.set_partner(partner);
  indicators.set_product_code(product);
  indicators.set_target_currency(currency);
  RunRequest(indicators, &ComputeIndicators);

  v1::ReconcileMirrorRequest mirror;
  *mirror.mutable_inline_dataset() = d;
  mirror.set_reporter(reporter);
  mirror.set_partner(partner);
  mirror.set_product_code(product);
  mirror.set_direction(v1::FLOW_DIRECTION_EXPORT);
  mirror.set_target_currency(currency);
  RunRequest(mirror, &ReconcileMirror);
}

}  // namespace
}  // namespace culturetrade

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Invalid UTF-8 in a string field is an ordinary parse failure here, not news.
  google::protobuf::SetLogHandler(nullptr);
  (void)culturetrade::Store();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Run(bytes, &AnalyzeBalance);
  Run(bytes, &AnalyzeGrowth);
  Run(bytes, &CompareExporters);
  Run(bytes, &AnalyzeDealPrices);
  Run(bytes, &EstimateSpillover);
  Run(bytes, &ProjectBalance);
  Run(bytes, &ComputeIndicators);
  Run(bytes, &ReconcileMirror);

  v1::Dataset dataset;
  if (!dataset.ParseFromString(bytes)) return 0;
  FieldViolations violations;
  ValidateDatasetContent(dataset, "dataset.", violations);
  const absl::Status status = violations.ToStatus();
  FUZZ_CHECK(violations.empty() == status.ok());
  if (!status.ok()) {
    FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  // A dataset validation accepts is one the analyses can load.
  FUZZ_CHECK(ResolveDataset(Store(), "", &dataset, {}, NoCaller()).ok());
  AnalyzeInline(dataset);
  return 0;
}
