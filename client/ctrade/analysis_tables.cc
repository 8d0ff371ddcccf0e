#include "client/ctrade/analysis_tables.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/economy_names.h"
#include "report/value_format.h"

namespace culturetrade::ctrade {
namespace {

using report::EconomyLabel;
using report::Percent;
using report::Ratio;
using report::Times;
using report::UnitText;

// How a table writes its values. For people: thousands separators, percentages and one scale
// for the whole table, its notes included (--scale, or auto: report/value_format.h). For
// programs (CSV): plain numbers in units unless --scale says otherwise, growth as a fraction in
// a column that says so, and nothing for no data.
struct Style {
  int scale = 0;
  bool plain = false;

  std::string Money(bool has, const google::type::Money& m) const {
    return plain ? report::PlainAmount(has, m, scale) : report::Amount(has, m, scale);
  }
  std::string Money(const google::type::Money& m) const { return Money(true, m); }
  std::string Growth(bool has, double rate) const {
    if (!has) return plain ? "" : "-";
    return plain ? absl::StrFormat("%.6f", rate) : Percent(rate);
  }
  std::string GrowthHeader(const std::string& name) const {
    return plain ? name + " FRACTION" : name;
  }
  std::string Number(bool has, double v, std::string (*format)(double)) const {
    return has ? format(v) : plain ? "" : "-";
  }
};

Style StyleOf(OptionReader& o, const std::vector<const google::type::Money*>& amounts) {
  Style s;
  s.plain = !o.markers;
  const std::string scale = o.Str("scale", "auto");
  if (scale != "auto") {
    s.scale = o.Scale();
  } else if (!s.plain) {
    double largest = 0;
    for (const google::type::Money* m : amounts) largest = std::max(largest, report::Magnitude(*m));
    s.scale = report::AutoScale(largest);
  }
  return s;
}

// "South Korea (KOR) with China (CHN), TV_DRAMAS": the series a table is about.
std::string SeriesLabel(const std::string& reporter, const std::string& partner,
                        const std::string& product) {
  return absl::StrCat(EconomyLabel(reporter), " with ", EconomyLabel(partner), ", ", product);
}

std::string GrowthNote(const char* label, const v1::CompoundGrowth& g, const Style& s) {
  if (!g.has_rate()) return absl::StrCat("  ", label, ": undefined (", g.undefined_reason(), ").");
  return absl::StrCat("  ", label, " ", g.start_year(), "\u2013", g.end_year(), ": ",
                      Percent(g.rate()), " a year (", s.Money(g.start_value()), " to ",
                      s.Money(g.end_value()), ").");
}

// The words for a projection's basis, never the enum's name.
std::string BasisText(v1::GrowthBasis basis) {
  switch (basis) {
    case v1::GROWTH_BASIS_TREND: return "log-linear trend growth";
    case v1::GROWTH_BASIS_GIVEN: return "growth rates given";
    default: return "compound growth";
  }
}

// A sentence ends with a full stop, whoever wrote it.
std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

}  // namespace

Table BalanceTable(const v1::AnalyzeBalanceResponse& r, OptionReader& o) {
  std::vector<const google::type::Money*> amounts;
  for (const v1::BalanceYear& y : r.years()) {
    amounts.insert(amounts.end(), {&y.exports(), &y.imports(), &y.balance(), &y.total_trade()});
  }
  const Style st = StyleOf(o, amounts);
  auto money = [&](bool has, const google::type::Money& m, v1::ValueStatus s, bool partial) {
    return has ? st.Money(m) + o.Mark(s, partial) : st.Money(false, m);
  };
  Table t{
      {"YEAR", "EXPORTS", "IMPORTS", "BALANCE", "TOTAL TRADE", "COVERAGE X/M", "NORMALIZED BALANCE",
       st.GrowthHeader("EXPORT GROWTH"), st.GrowthHeader("IMPORT GROWTH")},
      {},
      {}};
  for (const v1::BalanceYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()),
                      money(y.has_exports(), y.exports(), y.export_status(), y.export_partial()),
                      money(y.has_imports(), y.imports(), y.import_status(), y.import_partial()),
                      st.Money(y.has_balance(), y.balance()),
                      st.Money(y.has_total_trade(), y.total_trade()),
                      st.Number(y.has_coverage_ratio(), y.coverage_ratio(), Ratio),
                      st.Number(y.has_normalized_balance(), y.normalized_balance(), Ratio),
                      st.Growth(y.has_export_growth(), y.export_growth()),
                      st.Growth(y.has_import_growth(), y.import_growth())});
  }
  const std::vector<int> years(r.cumulative_balance_years().begin(),
                               r.cumulative_balance_years().end());
  t.caption = absl::StrCat(SeriesLabel(r.reporter(), r.partner(), r.product_code()),
                           ": amounts in ", UnitText(st.scale, r.currency_code()), ".");
  t.notes = {"",
             "* derived, ~ estimated, p partial year, - no data.",
             "Average annual (compound) growth:",
             GrowthNote("exports", r.export_growth(), st),
             GrowthNote("imports", r.import_growth(), st),
             absl::StrCat("Cumulative balance ", report::YearRanges(years), ": ",
                          st.Money(r.cumulative_balance()), ".")};
  return t;
}

Table GrowthTable(const v1::AnalyzeGrowthResponse& r, OptionReader& o) {
  std::vector<const google::type::Money*> amounts;
  for (const v1::GrowthYear& y : r.years()) amounts.push_back(&y.value());
  const Style st = StyleOf(o, amounts);
  Table t{{"YEAR", "VALUE", st.GrowthHeader("GROWTH")}, {}, {}};
  for (const v1::GrowthYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), st.Money(y.value()) + o.Mark(y.status(), y.partial()),
                      st.Growth(y.has_growth(), y.growth())});
  }
  std::string spikes;
  for (const auto& s : r.spikes()) {
    absl::StrAppend(&spikes, spikes.empty() ? "" : ", ", s.year(), " (", Percent(s.growth()), ")");
  }
  const auto& c = r.cumulative();
  t.caption = absl::StrCat("Amounts in ", UnitText(st.scale, r.currency_code()), ".");
  t.notes = {"", GrowthNote("compound growth", r.compound(), st),
             r.trend().has_rate() ? absl::StrCat("  log-linear trend: ", Percent(r.trend().rate()),
                                                 " a year over ", r.trend().points(), " years.")
                                  : absl::StrCat("  log-linear trend: undefined (",
                                                 r.trend().undefined_reason(), ")."),
             absl::StrCat("  spikes above ", Percent(r.spike_threshold()), ": ",
                          spikes.empty() ? "none" : spikes, "."),
             absl::StrCat("  cumulative ", c.start_year(), "\u2013", c.end_year(), ": ",
                          st.Money(c.total()), " over ", c.years_present_size(), " years with data",
                          c.years_missing_size() > 0
                              ? absl::StrCat(" (", c.years_missing_size(), " years missing)")
                              : "",
                          ".")};
  return t;
}

Table ExportersTable(const v1::CompareExportersResponse& r, OptionReader& o) {
  const Style st =
      StyleOf(o, {&r.a().reported(), &r.a().converted(), &r.b().reported(), &r.b().converted()});
  Table t{{"EXPORTER", "REPORTED", "RATE", "CONVERTED", st.GrowthHeader("MARKET SHARE")}, {}, {}};
  for (const v1::ExporterValue* e : {&r.a(), &r.b()}) {
    t.rows.push_back({st.plain ? e->reporter() : EconomyLabel(e->reporter()),
                      st.Money(e->reported()) + " " + e->reported().currency_code(), e->rate(),
                      st.Money(e->converted()),
                      st.Growth(e->has_market_share(), e->market_share())});
  }
  t.caption = absl::StrCat("Converted amounts in ",
                           UnitText(st.scale, r.a().converted().currency_code()), ".");
  t.notes = {"", absl::StrCat(r.a().reporter(), " / ", r.b().reporter(), " = ", Ratio(r.ratio()),
                              ", that is 1/", absl::StrFormat("%.2f", r.inverse_ratio()), ".")};
  if (!r.market_share_note().empty()) {
    t.notes.push_back(Sentence("Market shares: " + r.market_share_note()));
  }
  return t;
}

Table DealsTable(const v1::AnalyzeDealPricesResponse& r, OptionReader& o) {
  std::vector<const google::type::Money*> amounts;
  for (const auto* stats : {&r.by_title(), &r.by_origin()}) {
    for (const v1::PriceStats& s : *stats) amounts.push_back(&s.max());
  }
  const Style st = StyleOf(o, amounts);
  Table t{{"GROUP", "KEY", "DEALS", "MIN", "MEDIAN", "MAX"}, {}, {}};
  for (auto [group, stats] :
       {std::pair{"title", &r.by_title()}, std::pair{"origin", &r.by_origin()}}) {
    for (const v1::PriceStats& s : *stats) {
      t.rows.push_back({group, s.key() + o.Mark(s.weakest_status()), absl::StrCat(s.count()),
                        st.Money(s.min()), st.Money(s.median()), st.Money(s.max())});
    }
  }
  t.caption = absl::StrCat("Prices per episode in ", UnitText(st.scale, r.currency_code()), ".");
  t.notes = {"", "~ includes estimated (illustrative) prices."};
  if (r.has_title_ratio()) {
    const auto& tr = r.title_ratio();
    t.notes.push_back(absl::StrCat("\"", tr.numerator_title(), "\" / \"", tr.denominator_title(),
                                   "\" = ", Times(tr.ratio()), "."));
  }
  if (r.has_origin_gap()) {
    const auto& g = r.origin_gap();
    t.notes.push_back(absl::StrCat(
        g.origin_a(), " median / ", g.origin_b(), " median = ", Times(g.median_ratio()),
        "; the gap ranges from ", Times(g.lowest_ratio()), " (", g.origin_a(), "'s cheapest to ",
        g.origin_b(), "'s dearest) to ", Times(g.highest_ratio()), " (the other way round)."));
  }
  return t;
}

Table SpilloverTable(const v1::EstimateSpilloverResponse& r, OptionReader& o) {
  const Style st = StyleOf(o, {&r.cultural_exports(), &r.induced_exports()});
  const auto& m = r.multiplier();
  Table t{{"CULTURAL EXPORTS", "INDUCED MERCHANDISE EXPORTS", "CURRENCY"},
          {{st.Money(r.cultural_exports()), st.Money(r.induced_exports()),
            r.induced_exports().currency_code()}},
          {}};
  t.caption =
      absl::StrCat("Amounts in ", UnitText(st.scale, r.induced_exports().currency_code()), ".");
  t.notes = {"", absl::StrCat(
                     "Multiplier ", m.id(), ": ", report::Amount(true, m.cultural_exports(), 0, 0),
                     " of cultural exports -> ", report::Amount(true, m.induced_exports(), 0, 0),
                     " of merchandise exports (", m.source().title(), ", ", m.year(), ").")};
  return t;
}

Table ProjectionTable(const v1::ProjectBalanceResponse& r, OptionReader& o) {
  std::vector<const google::type::Money*> amounts;
  for (const v1::ProjectedYear& y : r.years()) {
    amounts.insert(amounts.end(), {&y.exports(), &y.imports(), &y.balance()});
  }
  const Style st = StyleOf(o, amounts);
  Table t{{"YEAR", "EXPORTS", "IMPORTS", "BALANCE"}, {}, {}};
  for (const v1::ProjectedYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), st.Money(y.exports()), st.Money(y.imports()),
                      st.Money(y.balance())});
  }
  t.caption = absl::StrCat("Amounts in ", UnitText(st.scale, r.currency_code()), ".");
  t.notes = {"",
             absl::StrCat("Projected from ", r.base_year(), " by ", BasisText(r.basis()),
                          ": exports ", Percent(r.export_growth()), " a year, imports ",
                          Percent(r.import_growth()), " a year."),
             r.deficit_closes() ? absl::StrCat("The deficit closes in ", r.closing_year(), ".")
                                : Sentence("The deficit never closes: " + r.never_closes_reason())};
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
  std::vector<const google::type::Money*> amounts;
  for (const v1::MirrorYear& y : r.years()) {
    amounts.insert(amounts.end(), {&y.reported(), &y.mirror(), &y.difference()});
  }
  const Style st = StyleOf(o, amounts);
  Table t{{"YEAR", "REPORTED", "MIRROR", "DIFFERENCE", st.GrowthHeader("RELATIVE")}, {}, {}};
  for (const v1::MirrorYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), st.Money(y.has_reported(), y.reported()),
                      st.Money(y.has_mirror(), y.mirror()),
                      st.Money(y.has_difference(), y.difference()),
                      st.Growth(y.has_relative_difference(), y.relative_difference())});
  }
  t.caption = absl::StrCat("Amounts in ", UnitText(st.scale, r.currency_code()),
                           "; the difference is reported minus mirror.");
  return t;
}

}  // namespace culturetrade::ctrade
