// ctrade's `analyze` commands: one per AnalysisService RPC, printed as tables, CSV or JSON.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/ctrade/aggregation_output.h"
#include "client/ctrade/analysis_tables.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/commands.h"
#include "client/ctrade/progress.h"
#include "import/direction.h"

namespace culturetrade::ctrade {
namespace {

using OptionList = std::vector<std::pair<std::string, std::string>>;

// The importer's words for a direction (RX, RM included), with the option named in the error.
absl::StatusOr<v1::FlowDirection> DirectionOption(const OptionReader& o) {
  absl::StatusOr<v1::FlowDirection> d = import::ParseDirection(o.Str("direction"));
  if (!d.ok()) return UsageError("--direction is export, import, re-export or re-import");
  return d;
}

// Runs an analysis: the request is built by `build`, sent by `call`, printed by `print`
// (JSON is the same for all: the proto JSON mapping of the response).
template <typename Request, typename Response>
absl::Status RunAnalysis(Context& c,
                         const std::function<absl::Status(OptionReader&, Request&)>& build,
                         absl::StatusOr<Response> (Client::*call)(const Request&),
                         const std::function<Table(const Response&, OptionReader&)>& print) {
  absl::StatusOr<std::string> dataset = OnePositional(c, "dataset name");
  if (!dataset.ok()) return dataset.status();
  OptionReader o(c.args);
  o.markers = c.format == Format::kTable;
  Request request;
  request.set_dataset(DatasetNameArg(*dataset));
  if (absl::Status s = build(o, request); !s.ok()) return s;
  if (absl::Status s = SetAggregation(o, request); !s.ok()) return s;
  // The tables read --scale only once the answer is in: read it now, so a bad one is a usage
  // error before the call rather than an unscaled table. auto, the default, picks it from the
  // answer's amounts.
  if (o.Str("scale", "auto") != "auto") o.Scale();
  if (!o.status().ok()) return o.status();
  absl::StatusOr<Response> response = [&] {
    Spinner waiting("analysing");
    return (c.client.*call)(request);
  }();
  if (!response.ok()) return response.status();
  if (c.format == Format::kJson) {
    PrintJson(*response, c.out);
  } else {
    Table t = print(*response, o);
    if (c.format == Format::kCsv) t.notes.clear();
    PrintTable(t, c.format, c.out);
    PrintAggregation(*response, c.format, c.out);
  }
  return absl::OkStatus();
}

const std::pair<std::string, std::string> kScaleOption = {
    "scale",
    "show amounts in units, thousands, millions or billions; auto (default) picks the one that "
    "leaves the largest amount 1 to 3 digits before the point"};

const OptionList kSeriesOptions = {
    {"reporter", "the reporting economy (ISO alpha-3), for example CHN"},
    {"partner", "the partner economy, for example KOR, or WLD for the world"},
    {"product", "the product code, for example TV_DRAMAS"},
    {"start-year", "first year of compound growth and totals (default: first with data)"},
    {"end-year", "last year (default: last with data)"},
    {"currency", "express amounts in this currency (ISO 4217) at the dataset's rates"},
    {"include-partial", "use years with missing months or quarters in growth"},
    kScaleOption};

template <typename Request>
absl::Status SeriesRequest(OptionReader& o, Request& r) {
  r.set_reporter(o.Str("reporter"));
  r.set_partner(o.Str("partner"));
  r.set_product_code(o.Str("product"));
  r.set_start_year(o.Int("start-year"));
  r.set_end_year(o.Int("end-year"));
  r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
  r.set_include_partial_years(o.Flag("include-partial"));
  return absl::OkStatus();
}

absl::StatusOr<v1::IndicatorKind> IndicatorOf(const std::string& name) {
  const std::string n = absl::AsciiStrToLower(name);
  if (n == "gl" || n == "grubel-lloyd") return v1::INDICATOR_KIND_GRUBEL_LLOYD;
  if (n == "rca") return v1::INDICATOR_KIND_RCA;
  if (n == "intensity") return v1::INDICATOR_KIND_TRADE_INTENSITY;
  if (n == "share") return v1::INDICATOR_KIND_MARKET_SHARE;
  if (n == "hhi-partners") return v1::INDICATOR_KIND_HHI_PARTNERS;
  if (n == "hhi-products") return v1::INDICATOR_KIND_HHI_PRODUCTS;
  return UsageError(absl::StrCat("unknown indicator '", name,
                                 "': gl, rca, intensity, share, hhi-partners, hhi-products"));
}

OptionList With(OptionList base, const OptionList& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

}  // namespace

std::vector<Command> AnalysisCommands() {
  using v1::AnalyzeBalanceRequest, v1::AnalyzeBalanceResponse;
  const OptionList scale = {kScaleOption};
  const OptionList aggregated = With(scale, AggregationOptions());
  return {
      {"analyze balance", "DATASET",
       "Yearly exports, imports, balance, coverage and growth of a reporter with a partner.",
       With(kSeriesOptions, AggregationOptions()),
       [](Context& c) {
         return RunAnalysis<AnalyzeBalanceRequest, AnalyzeBalanceResponse>(
             c, SeriesRequest<AnalyzeBalanceRequest>, &Client::AnalyzeBalance, BalanceTable);
       }},
      {"analyze growth", "DATASET",
       "Growth of one flow: year on year, compound, trend, spikes and cumulative total.",
       With(With(kSeriesOptions, {{"direction", "export or import"},
                                  {"spike-threshold",
                                   "growth fraction above which a year is a spike "
                                   "(default 1.0, doubling)"}}),
            AggregationOptions()),
       [](Context& c) {
         return RunAnalysis<v1::AnalyzeGrowthRequest, v1::AnalyzeGrowthResponse>(
             c,
             [](OptionReader& o, v1::AnalyzeGrowthRequest& r) {
               absl::Status s = SeriesRequest(o, r);
               absl::StatusOr<v1::FlowDirection> d = DirectionOption(o);
               if (!d.ok()) return d.status();
               r.set_direction(*d);
               if (auto t = o.Double("spike-threshold")) r.set_spike_threshold(*t);
               return s;
             },
             &Client::AnalyzeGrowth, GrowthTable);
       }},
      {"analyze exporters", "DATASET",
       "Two exporters' exports of a product in a year, in one currency, and their ratio.",
       With({{"product", "the product code"},
             {"year", "the year compared"},
             {"a", "the first exporter (numerator)"},
             {"b", "the second exporter (denominator)"},
             {"partner", "the destination (default WLD, the world)"},
             {"currency", "the common currency, for example USD"}},
            aggregated),
       [](Context& c) {
         return RunAnalysis<v1::CompareExportersRequest, v1::CompareExportersResponse>(
             c,
             [](OptionReader& o, v1::CompareExportersRequest& r) {
               r.set_product_code(o.Str("product"));
               r.set_year(o.Int("year"));
               r.set_reporter_a(o.Str("a"));
               r.set_reporter_b(o.Str("b"));
               r.set_partner(o.Str("partner"));
               r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
               return absl::OkStatus();
             },
             &Client::CompareExporters, ExportersTable);
       }},
      {"analyze deals", "DATASET",
       "Per-episode prices by title and origin, a title ratio and the gap between origins.",
       With({{"currency", "the common currency; each price converts at its year's rate"},
             {"numerator", "title whose price is divided"},
             {"denominator", "title it is divided by"},
             {"origin-a", "origin whose median is compared"},
             {"origin-b", "origin it is compared with"}},
            With(scale, ConstantPricesOptions())),
       [](Context& c) {
         return RunAnalysis<v1::AnalyzeDealPricesRequest, v1::AnalyzeDealPricesResponse>(
             c,
             [](OptionReader& o, v1::AnalyzeDealPricesRequest& r) {
               r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
               r.set_numerator_title(o.Str("numerator"));
               r.set_denominator_title(o.Str("denominator"));
               r.set_origin_a(o.Str("origin-a"));
               r.set_origin_b(o.Str("origin-b"));
               return absl::OkStatus();
             },
             &Client::AnalyzeDealPrices, DealsTable);
       }},
      {"analyze spillover", "DATASET",
       "Merchandise exports induced by cultural exports under one of the dataset's multipliers.",
       With({{"multiplier", "the multiplier's id in the dataset"},
             {"reporter", "the exporter whose flows are used"},
             {"partner", "their destination (default WLD)"},
             {"product", "their product"},
             {"year", "their year"}},
            aggregated),
       [](Context& c) {
         return RunAnalysis<v1::EstimateSpilloverRequest, v1::EstimateSpilloverResponse>(
             c,
             [](OptionReader& o, v1::EstimateSpilloverRequest& r) {
               r.set_multiplier_id(o.Str("multiplier"));
               r.set_reporter(o.Str("reporter"));
               r.set_partner(o.Str("partner"));
               r.set_product_code(o.Str("product"));
               r.set_year(o.Int("year"));
               return absl::OkStatus();
             },
             &Client::EstimateSpillover, SpilloverTable);
       }},
      {"analyze projection", "DATASET",
       "Exports and imports projected forward, when the deficit closes, what would close it.",
       With({{"reporter", "the reporting economy"},
             {"partner", "the partner economy"},
             {"product", "the product code"},
             {"to-year", "the last projected year"},
             {"basis", "compound (default), trend or given"},
             {"export-growth", "with --basis given: yearly export growth, a fraction"},
             {"import-growth", "with --basis given: yearly import growth, a fraction"},
             {"history-start", "first year of the history rates come from"},
             {"base-year", "the year projected from (default: last with both flows)"},
             {"close-by", "also compute the export growth that closes the deficit by this year"},
             {"currency", "express amounts in this currency"},
             kScaleOption},
            AggregationOptions()),
       [](Context& c) {
         return RunAnalysis<v1::ProjectBalanceRequest, v1::ProjectBalanceResponse>(
             c,
             [](OptionReader& o, v1::ProjectBalanceRequest& r) {
               r.set_reporter(o.Str("reporter"));
               r.set_partner(o.Str("partner"));
               r.set_product_code(o.Str("product"));
               r.set_to_year(o.Int("to-year"));
               const std::string basis = o.Str("basis", "compound");
               if (basis != "compound" && basis != "trend" && basis != "given") {
                 return UsageError("--basis is compound, trend or given");
               }
               r.set_basis(basis == "trend"   ? v1::GROWTH_BASIS_TREND
                           : basis == "given" ? v1::GROWTH_BASIS_GIVEN
                                              : v1::GROWTH_BASIS_COMPOUND);
               if (auto g = o.Double("export-growth")) r.set_export_growth(*g);
               if (auto g = o.Double("import-growth")) r.set_import_growth(*g);
               r.set_history_start_year(o.Int("history-start"));
               r.set_base_year(o.Int("base-year"));
               r.set_close_by_year(o.Int("close-by"));
               r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
               return absl::OkStatus();
             },
             &Client::ProjectBalance, ProjectionTable);
       }},
      {"analyze indicators", "DATASET",
       "Grubel-Lloyd, RCA, trade intensity, market share and concentration (HHI).",
       With({{"indicators",
              "comma-separated: gl, rca, intensity, share, hhi-partners, hhi-products"},
             {"year", "the year"},
             {"reporter", "the reporting economy"},
             {"partner", "the partner (gl, intensity)"},
             {"product", "the product (rca, share)"},
             {"currency", "the common currency when the data mixes currencies"}},
            AggregationOptions()),
       [](Context& c) {
         return RunAnalysis<v1::ComputeIndicatorsRequest, v1::ComputeIndicatorsResponse>(
             c,
             [](OptionReader& o, v1::ComputeIndicatorsRequest& r) {
               for (absl::string_view name :
                    absl::StrSplit(o.Str("indicators"), ',', absl::SkipEmpty())) {
                 absl::StatusOr<v1::IndicatorKind> kind = IndicatorOf(std::string(name));
                 if (!kind.ok()) return kind.status();
                 r.add_indicators(*kind);
               }
               r.set_year(o.Int("year"));
               r.set_reporter(o.Str("reporter"));
               r.set_partner(o.Str("partner"));
               r.set_product_code(o.Str("product"));
               r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
               return absl::OkStatus();
             },
             &Client::ComputeIndicators, IndicatorsTable);
       }},
      {"analyze mirror", "DATASET",
       "A flow as reported by both sides, year by year, and how far the reports differ.",
       With({{"reporter", "the economy whose report is compared"},
             {"partner", "the partner, whose mirror report is the reference"},
             {"product", "the product code"},
             {"direction", "the reporter's flow: export or import"},
             {"currency", "the common currency when the sides report differently"}},
            aggregated),
       [](Context& c) {
         return RunAnalysis<v1::ReconcileMirrorRequest, v1::ReconcileMirrorResponse>(
             c,
             [](OptionReader& o, v1::ReconcileMirrorRequest& r) {
               r.set_reporter(o.Str("reporter"));
               r.set_partner(o.Str("partner"));
               r.set_product_code(o.Str("product"));
               absl::StatusOr<v1::FlowDirection> d = DirectionOption(o);
               if (!d.ok()) return d.status();
               r.set_direction(*d);
               r.set_target_currency(absl::AsciiStrToUpper(o.Str("currency")));
               return absl::OkStatus();
             },
             &Client::ReconcileMirror, MirrorTable);
       }},
  };
}

}  // namespace culturetrade::ctrade
