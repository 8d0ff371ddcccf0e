// `ctrade report`: runs the analyses a study needs through the SDK and writes report.md (with
// chart.svg) and report.html. What the data cannot support becomes a sentence in the report;
// anything else (a typo, a server that is down) fails the command.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/commands.h"
#include "core/special_codes.h"
#include "report/report.h"
#include "report/value_format.h"

namespace culturetrade::ctrade {
namespace {

using report::ReportData;
using report::ReportPart;
using report::SpilloverPart;

struct ReportArgs {
  std::string dataset, reporter, partner, product, currency, out_dir;
  std::optional<int> scale;       // none: --scale auto, which needs the balance first
  int to_year = 0, close_by = 0;  // 0: the defaults, which need the balance first
};

absl::StatusOr<ReportArgs> ParseArgs(const Context& c) {
  absl::StatusOr<std::string> dataset = OnePositional(c, "dataset name");
  if (!dataset.ok()) return dataset.status();
  OptionReader o(c.args);
  ReportArgs a{DatasetNameArg(*dataset),
               o.Str("reporter"),
               o.Str("partner"),
               o.Str("product"),
               absl::AsciiStrToUpper(o.Str("currency")),
               o.Str("out-dir", ".")};
  if (o.Str("scale", "auto") != "auto") a.scale = o.Scale();
  a.to_year = o.Int("to-year");
  a.close_by = o.Int("close-by");
  if (!o.status().ok()) return o.status();
  return a;
}

// NOT_FOUND and FAILED_PRECONDITION say the data lacks something: the report says so and goes on.
bool IsDataGap(const absl::Status& s) {
  return s.code() == absl::StatusCode::kNotFound ||
         s.code() == absl::StatusCode::kFailedPrecondition;
}

template <typename Response>
absl::StatusOr<ReportPart<Response>> PartOf(absl::StatusOr<Response> response) {
  ReportPart<Response> part;
  if (response.ok()) {
    part.response = *std::move(response);
  } else if (IsDataGap(response.status())) {
    part.skipped = std::string(response.status().message());
  } else {
    return response.status();
  }
  return part;
}

template <typename Request>
Request SeriesRequest(const ReportArgs& a) {
  Request r;
  r.set_dataset(a.dataset);
  r.set_reporter(a.reporter);
  r.set_partner(a.partner);
  r.set_product_code(a.product);
  return r;
}

v1::AnalyzeGrowthRequest GrowthRequest(const ReportArgs& a, v1::FlowDirection direction) {
  v1::AnalyzeGrowthRequest r = SeriesRequest<v1::AnalyzeGrowthRequest>(a);
  r.set_direction(direction);
  r.set_spike_threshold(1.0);  // a doubling, as the study reads its spikes
  return r;
}

bool FromOrigin(const v1::Dataset& dataset, const std::string& title, const std::string& origin) {
  for (const v1::Deal& d : dataset.deals()) {
    if (d.title() == title && d.origin() == origin) return true;
  }
  return false;
}

bool Cheaper(const google::type::Money& a, const google::type::Money& b) {
  return a.units() != b.units() ? a.units() < b.units() : a.nanos() < b.nanos();
}

// The study sets the partner's dearest title against its cheapest ("about 6 times"). Which
// titles those are shows only once prices are in one currency, so this asks a second time,
// naming them; the server computes the ratio.
bool AskForTitleRatio(const v1::Dataset& dataset, const std::string& origin,
                      const v1::AnalyzeDealPricesResponse& prices,
                      v1::AnalyzeDealPricesRequest& request) {
  const v1::PriceStats *dearest = nullptr, *cheapest = nullptr;
  for (const v1::PriceStats& s : prices.by_title()) {
    if (!FromOrigin(dataset, s.key(), origin)) continue;
    if (dearest == nullptr || Cheaper(dearest->median(), s.median())) dearest = &s;
    if (cheapest == nullptr || Cheaper(s.median(), cheapest->median())) cheapest = &s;
  }
  if (dearest == cheapest) return false;
  request.set_numerator_title(dearest->key());
  request.set_denominator_title(cheapest->key());
  return true;
}

absl::StatusOr<ReportPart<v1::AnalyzeDealPricesResponse>> DealPrices(
    Client& client, const ReportArgs& a, const v1::Dataset& dataset, const std::string& currency,
    bool grouped, std::string& gap_skipped) {
  v1::AnalyzeDealPricesRequest r;
  r.set_dataset(a.dataset);
  r.set_target_currency(currency);
  // A deal's origin is one economy: the gap between origins has no sense for a group.
  if (grouped) {
    gap_skipped = "the report is of a group of economies, and a deal's origin is one economy";
  } else {
    r.set_origin_a(a.partner);
    r.set_origin_b(a.reporter);
  }
  absl::StatusOr<v1::AnalyzeDealPricesResponse> prices = client.AnalyzeDealPrices(r);
  if (prices.status().code() == absl::StatusCode::kNotFound) {  // an origin without deals
    gap_skipped = std::string(prices.status().message());
    r.clear_origin_a();
    r.clear_origin_b();
    prices = client.AnalyzeDealPrices(r);
  }
  if (prices.ok() && AskForTitleRatio(dataset, a.partner, *prices, r)) {
    absl::StatusOr<v1::AnalyzeDealPricesResponse> with_ratio = client.AnalyzeDealPrices(r);
    if (with_ratio.ok() || !IsDataGap(with_ratio.status())) prices = std::move(with_ratio);
  }
  return PartOf(std::move(prices));
}

// Each multiplier applies to its own economy's exports to the world, in the latest year the
// dataset has them. AnalyzeGrowth lists those years without fetching every flow.
absl::StatusOr<SpilloverPart> Spillover(Client& client, const ReportArgs& a,
                                        const v1::Multiplier& m) {
  SpilloverPart part{m, 0, {}};
  ReportArgs world = a;
  world.reporter = m.economy();
  world.partner = kWorld;
  absl::StatusOr<v1::AnalyzeGrowthResponse> exports =
      client.AnalyzeGrowth(GrowthRequest(world, v1::FLOW_DIRECTION_EXPORT));
  if (!exports.ok() && !IsDataGap(exports.status())) return exports.status();
  if (!exports.ok() || exports->years().empty()) {
    part.result.skipped =
        absl::StrCat("the dataset has no exports of ", a.product, " from ", m.economy(), " to WLD");
    return part;
  }
  part.year = exports->years(exports->years_size() - 1).year();
  v1::EstimateSpilloverRequest r;
  r.set_dataset(a.dataset);
  r.set_multiplier_id(m.id());
  r.set_reporter(m.economy());
  r.set_partner(kWorld);
  r.set_product_code(a.product);
  r.set_year(part.year);
  absl::StatusOr<ReportPart<v1::EstimateSpilloverResponse>> result =
      PartOf(client.EstimateSpillover(r));
  if (!result.ok()) return result.status();
  part.result = *std::move(result);
  return part;
}

absl::StatusOr<ReportPart<v1::ProjectBalanceResponse>> Projection(Client& client,
                                                                  const ReportArgs& a) {
  v1::ProjectBalanceRequest r = SeriesRequest<v1::ProjectBalanceRequest>(a);
  r.set_to_year(a.to_year);
  r.set_close_by_year(a.close_by);
  return PartOf(client.ProjectBalance(r));
}

// Runs every analysis after the balance, which the defaults depend on.
absl::Status Analyze(Client& client, ReportArgs& a, ReportData& d) {
  const int last_year = d.balance.years(d.balance.years_size() - 1).year();
  if (a.to_year == 0) a.to_year = last_year + 10;
  if (a.close_by == 0) a.close_by = a.to_year;
  d.close_by_year = a.close_by;
  absl::StatusOr<ReportPart<v1::AnalyzeGrowthResponse>> x =
      PartOf(client.AnalyzeGrowth(GrowthRequest(a, v1::FLOW_DIRECTION_EXPORT)));
  if (!x.ok()) return x.status();
  d.export_growth = *std::move(x);
  absl::StatusOr<ReportPart<v1::AnalyzeGrowthResponse>> m =
      PartOf(client.AnalyzeGrowth(GrowthRequest(a, v1::FLOW_DIRECTION_IMPORT)));
  if (!m.ok()) return m.status();
  d.import_growth = *std::move(m);
  const std::string currency = a.currency.empty() ? d.balance.currency_code() : a.currency;
  absl::StatusOr<ReportPart<v1::AnalyzeDealPricesResponse>> deals =
      DealPrices(client, a, d.dataset, currency, !d.balance.aggregation().groups().empty(),
                 d.origin_gap_skipped);
  if (!deals.ok()) return deals.status();
  d.deals = *std::move(deals);
  absl::StatusOr<ReportPart<v1::ProjectBalanceResponse>> projection = Projection(client, a);
  if (!projection.ok()) return projection.status();
  d.projection = *std::move(projection);
  for (const v1::Multiplier& multiplier : d.dataset.multipliers()) {
    absl::StatusOr<SpilloverPart> s = Spillover(client, a, multiplier);
    if (!s.ok()) return s.status();
    d.spillovers.push_back(*std::move(s));
  }
  return absl::OkStatus();
}

// --scale auto: the scale that leaves the balance's largest amount one to three digits before
// the point. The chart, the tables and the sentences all show amounts in it.
int AutoScale(const v1::AnalyzeBalanceResponse& b) {
  double largest = 0;
  for (const v1::BalanceYear& y : b.years()) {
    for (const google::type::Money* m : {&y.exports(), &y.imports(), &y.balance()}) {
      largest = std::max(largest, report::Magnitude(*m));
    }
  }
  return report::AutoScale(largest);
}

// A dataset this large keeps its product's code in the titles: reading every flow to find a
// description would cost more than a title is worth.
constexpr int64_t kMostFlowsReadForNames = 20000;

// The flows' description of the report's product, or "" when they have none.
absl::StatusOr<std::string> ProductDescription(Client& client, const v1::Dataset& dataset,
                                               const std::string& product) {
  if (dataset.flow_count() > kMostFlowsReadForNames) return "";
  absl::StatusOr<v1::Dataset> full = client.GetDataset(dataset.name(), v1::DATASET_VIEW_FULL);
  if (!full.ok()) return full.status();
  for (const v1::TradeFlow& f : full->flows()) {
    if (f.product().code() == product && !f.product().description().empty()) {
      return f.product().description();
    }
  }
  return "";
}

absl::Status WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file) return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

absl::Status WriteReport(const Context& c, const std::string& dir, const ReportData& d) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error)
    return absl::UnavailableError(absl::StrCat("cannot create ", dir, ": ", error.message()));
  const std::filesystem::path base(dir);
  const std::pair<const char*, std::string> files[] = {
      {"chart.svg", report::ChartSvg(d, /*standalone=*/true)},
      {"report.md", report::ReportMarkdown(d, "chart.svg")},
      {"report.html", report::ReportHtml(d)}};
  for (const auto& [name, content] : files) {
    if (absl::Status s = WriteFile(base / name, content); !s.ok()) return s;
    c.out << "wrote " << (base / name).string() << "\n";
  }
  return absl::OkStatus();
}

absl::Status Report(Context& c) {
  absl::StatusOr<ReportArgs> a = ParseArgs(c);
  if (!a.ok()) return a.status();
  ReportData d;
  absl::StatusOr<v1::Dataset> dataset = c.client.GetDataset(a->dataset);
  if (!dataset.ok()) return dataset.status();
  d.dataset = *std::move(dataset);
  // The balance is the report's core: without it there is nothing to report.
  absl::StatusOr<v1::AnalyzeBalanceResponse> balance =
      c.client.AnalyzeBalance(SeriesRequest<v1::AnalyzeBalanceRequest>(*a));
  if (!balance.ok()) return balance.status();
  if (balance->years().empty()) return absl::NotFoundError("the balance has no years");
  d.balance = *std::move(balance);
  d.scale = a->scale.value_or(AutoScale(d.balance));
  absl::StatusOr<std::string> description =
      ProductDescription(c.client, d.dataset, d.balance.product_code());
  if (!description.ok()) return description.status();
  d.product_description = *std::move(description);
  if (absl::Status s = Analyze(c.client, *a, d); !s.ok()) return s;
  return WriteReport(c, a->out_dir, d);
}

}  // namespace

std::vector<Command> ReportCommands() {
  return {{"report",
           "DATASET",
           "Write a study report (report.md with chart.svg, and a self-contained report.html).",
           {{"reporter", "the reporting economy (ISO alpha-3), for example CHN"},
            {"partner", "the partner economy, for example KOR"},
            {"product", "the product code, for example TV_DRAMAS"},
            {"out-dir", "the directory the files are written to (default: the current one)"},
            {"scale",
             "show amounts in units, thousands, millions or billions; auto (default) picks the "
             "one that leaves the balance's largest amount 1 to 3 digits before the point"},
            {"currency", "the currency of deal prices (default: the balance's)"},
            {"to-year", "the last projected year (default: the last year with data + 10)"},
            {"close-by", "the year the deficit should close by (default: --to-year)"}},
           Report}};
}

}  // namespace culturetrade::ctrade
