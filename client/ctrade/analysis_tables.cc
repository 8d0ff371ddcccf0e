#include "client/ctrade/analysis_tables.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/value_format.h"

namespace culturetrade::ctrade {
namespace {

using report::Amount;
using report::Percent;
using report::Ratio;
using report::Times;
using report::UnitText;

std::string GrowthNote(const char* label, const v1::CompoundGrowth& g, int scale) {
  if (!g.has_rate()) return absl::StrCat("  ", label, ": undefined (", g.undefined_reason(), ")");
  return absl::StrCat("  ", label, " ", g.start_year(), "-", g.end_year(), ": ", Percent(g.rate()),
                      " a year (", Amount(true, g.start_value(), scale), " -> ",
                      Amount(true, g.end_value(), scale), ")");
}

}  // namespace

Table BalanceTable(const v1::AnalyzeBalanceResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  auto money = [&](bool has, const google::type::Money& m, v1::ValueStatus s, bool partial) {
    return has ? Amount(true, m, scale) + o.Mark(s, partial) : "-";
  };
  auto optional = [](bool has, double v, auto format) { return has ? format(v) : "-"; };
  Table t{{"YEAR", "EXPORTS", "IMPORTS", "BALANCE", "TOTAL TRADE", "COVERAGE X/M",
           "NORMALIZED BALANCE", "EXPORT GROWTH", "IMPORT GROWTH"},
          {},
          {}};
  for (const v1::BalanceYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()),
                      money(y.has_exports(), y.exports(), y.export_status(), y.export_partial()),
                      money(y.has_imports(), y.imports(), y.import_status(), y.import_partial()),
                      Amount(y.has_balance(), y.balance(), scale),
                      Amount(y.has_total_trade(), y.total_trade(), scale),
                      optional(y.has_coverage_ratio(), y.coverage_ratio(), Ratio),
                      optional(y.has_normalized_balance(), y.normalized_balance(), Ratio),
                      optional(y.has_export_growth(), y.export_growth(), Percent),
                      optional(y.has_import_growth(), y.import_growth(), Percent)});
  }
  std::string years;
  for (int y : r.cumulative_balance_years()) absl::StrAppend(&years, years.empty() ? "" : ", ", y);
  t.notes = {"",
             absl::StrCat(r.reporter(), " with ", r.partner(), ", ", r.product_code(), ": ",
                          UnitText(scale, r.currency_code()),
                          ". * derived, ~ estimated, p partial year, - no data."),
             "Average annual (compound) growth:",
             GrowthNote("exports", r.export_growth(), scale),
             GrowthNote("imports", r.import_growth(), scale),
             absl::StrCat("Cumulative balance (", years,
                          "): ", Amount(true, r.cumulative_balance(), scale))};
  return t;
}

Table GrowthTable(const v1::AnalyzeGrowthResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  Table t{{"YEAR", "VALUE", "GROWTH"}, {}, {}};
  for (const v1::GrowthYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()),
                      Amount(true, y.value(), scale) + o.Mark(y.status(), y.partial()),
                      y.has_growth() ? Percent(y.growth()) : "-"});
  }
  std::string spikes;
  for (const auto& s : r.spikes()) {
    absl::StrAppend(&spikes, spikes.empty() ? "" : ", ", s.year(), " (", Percent(s.growth()), ")");
  }
  const auto& c = r.cumulative();
  t.notes = {
      "",
      absl::StrCat("Amounts in ", UnitText(scale, r.currency_code()), "."),
      GrowthNote("compound growth", r.compound(), scale),
      r.trend().has_rate()
          ? absl::StrCat("  log-linear trend: ", Percent(r.trend().rate()), " a year over ",
                         r.trend().points(), " years")
          : absl::StrCat("  log-linear trend: undefined (", r.trend().undefined_reason(), ")"),
      absl::StrCat("  spikes above ", Percent(r.spike_threshold()), ": ",
                   spikes.empty() ? "none" : spikes),
      absl::StrCat(
          "  cumulative ", c.start_year(), "-", c.end_year(), ": ", Amount(true, c.total(), scale),
          " over ", c.years_present_size(), " years with data",
          c.years_missing_size() > 0 ? absl::StrCat(" (", c.years_missing_size(), " years missing)")
                                     : "")};
  return t;
}

Table ExportersTable(const v1::CompareExportersResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  Table t{{"EXPORTER", "REPORTED", "RATE", "CONVERTED", "MARKET SHARE"}, {}, {}};
  for (const v1::ExporterValue* e : {&r.a(), &r.b()}) {
    t.rows.push_back({e->reporter(),
                      Amount(true, e->reported(), scale) + " " + e->reported().currency_code(),
                      e->rate(), Amount(true, e->converted(), scale),
                      e->has_market_share() ? Percent(e->market_share()) : "-"});
  }
  t.notes = {"",
             absl::StrCat("Converted amounts in ",
                          UnitText(scale, r.a().converted().currency_code()), "."),
             absl::StrCat(r.a().reporter(), " / ", r.b().reporter(), " = ", Ratio(r.ratio()),
                          ", that is 1/", absl::StrFormat("%.2f", r.inverse_ratio()))};
  if (!r.market_share_note().empty()) t.notes.push_back("Market shares: " + r.market_share_note());
  return t;
}

Table DealsTable(const v1::AnalyzeDealPricesResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  Table t{{"GROUP", "KEY", "DEALS", "MIN", "MEDIAN", "MAX"}, {}, {}};
  for (auto [group, stats] :
       {std::pair{"title", &r.by_title()}, std::pair{"origin", &r.by_origin()}}) {
    for (const v1::PriceStats& s : *stats) {
      t.rows.push_back({group, s.key() + o.Mark(s.weakest_status()), absl::StrCat(s.count()),
                        Amount(true, s.min(), scale), Amount(true, s.median(), scale),
                        Amount(true, s.max(), scale)});
    }
  }
  t.notes = {"", absl::StrCat("Prices per episode in ", UnitText(scale, r.currency_code()),
                              ". ~ includes estimated (illustrative) prices.")};
  if (r.has_title_ratio()) {
    const auto& tr = r.title_ratio();
    t.notes.push_back(absl::StrCat("\"", tr.numerator_title(), "\" / \"", tr.denominator_title(),
                                   "\" = ", Times(tr.ratio())));
  }
  if (r.has_origin_gap()) {
    const auto& g = r.origin_gap();
    t.notes.push_back(absl::StrCat(
        g.origin_a(), " median / ", g.origin_b(), " median = ", Times(g.median_ratio()),
        "; the gap ranges from ", Times(g.lowest_ratio()), " (", g.origin_a(), "'s cheapest to ",
        g.origin_b(), "'s dearest) to ", Times(g.highest_ratio()), " (the other way round)"));
  }
  return t;
}

Table SpilloverTable(const v1::EstimateSpilloverResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  const auto& m = r.multiplier();
  Table t{{"CULTURAL EXPORTS", "INDUCED MERCHANDISE EXPORTS", "CURRENCY"},
          {{Amount(true, r.cultural_exports(), scale), Amount(true, r.induced_exports(), scale),
            r.induced_exports().currency_code()}},
          {}};
  t.notes = {
      "",
      absl::StrCat("Multiplier ", m.id(), ": ", Amount(true, m.cultural_exports(), 0, 0),
                   " of cultural exports -> ", Amount(true, m.induced_exports(), 0, 0),
                   " of merchandise exports (", m.source().title(), ", ", m.year(), ")."),
      absl::StrCat("Amounts in ", UnitText(scale, r.induced_exports().currency_code()), ".")};
  return t;
}

Table ProjectionTable(const v1::ProjectBalanceResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  Table t{{"YEAR", "EXPORTS", "IMPORTS", "BALANCE"}, {}, {}};
  for (const v1::ProjectedYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), Amount(true, y.exports(), scale),
                      Amount(true, y.imports(), scale), Amount(true, y.balance(), scale)});
  }
  t.notes = {
      "",
      absl::StrCat("Projected from ", r.base_year(), " in ", UnitText(scale, r.currency_code()),
                   ": exports ", Percent(r.export_growth()), " a year, imports ",
                   Percent(r.import_growth()), " a year (", v1::GrowthBasis_Name(r.basis()), ")."),
      r.deficit_closes() ? absl::StrCat("The deficit closes in ", r.closing_year(), ".")
                         : absl::StrCat("The deficit never closes: ", r.never_closes_reason())};
  if (r.has_required_export_growth()) {
    t.notes.push_back(absl::StrCat("Export growth needed to close it by ", o.Int("close-by"), ": ",
                                   Percent(r.required_export_growth()), " a year."));
  }
  return t;
}

Table IndicatorsTable(const v1::ComputeIndicatorsResponse& r, OptionReader&) {
  Table t{{"INDICATOR", "VALUE", "DETAIL"}, {}, {}};
  for (const v1::IndicatorValue& v : r.values()) {
    std::string detail;
    if (v.has_symmetric_value()) detail = "symmetric " + Ratio(v.symmetric_value());
    for (const auto& [product, value] : v.by_product()) {
      absl::StrAppend(&detail, detail.empty() ? "" : ", ", product, " ", Ratio(value));
    }
    if (v.count() > 0) detail = absl::StrCat("over ", v.count());
    t.rows.push_back({absl::AsciiStrToLower(v1::IndicatorKind_Name(v.kind()).substr(15)),
                      Ratio(v.value()), detail});
  }
  return t;
}

Table MirrorTable(const v1::ReconcileMirrorResponse& r, OptionReader& o) {
  const int scale = o.Scale();
  Table t{{"YEAR", "REPORTED", "MIRROR", "DIFFERENCE", "RELATIVE"}, {}, {}};
  for (const v1::MirrorYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), Amount(y.has_reported(), y.reported(), scale),
                      Amount(y.has_mirror(), y.mirror(), scale),
                      Amount(y.has_difference(), y.difference(), scale),
                      y.has_relative_difference() ? Percent(y.relative_difference()) : "-"});
  }
  t.notes = {"", absl::StrCat("Amounts in ", UnitText(scale, r.currency_code()),
                              "; the difference is reported minus mirror.")};
  return t;
}

}  // namespace culturetrade::ctrade
