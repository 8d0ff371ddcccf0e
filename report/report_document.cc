#include "report/report_document.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/money_format.h"
#include "report/group_membership.h"
#include "report/report_chart.h"
#include "report/report_names.h"
#include "report/value_format.h"

namespace culturetrade::report {

void Document::AddTable(const std::string& caption, Table table, size_t text_columns) {
  Block b;
  b.kind = Kind::kTable;
  b.text = absl::StrCat("Table ", ++tables_, ". ", caption);
  b.table = std::move(table);
  b.text_columns = text_columns;
  blocks_.push_back(std::move(b));
}

std::string Title(const ReportData& d) {
  const v1::AnalyzeBalanceResponse& b = d.balance;
  return absl::StrCat("Trade in ", ProductTitle(b.product_code(), d.product_description), ": ",
                      EconomyTitle(b.reporter()), " with ", EconomyTitle(b.partner()));
}

namespace {

// Values are formatted with the helpers `ctrade analyze` uses, so that the report and the
// terminal agree.

std::string Marked(bool present, const google::type::Money& m, int scale, v1::ValueStatus s,
                   bool partial) {
  return present ? Amount(true, m, scale) + StatusMark(s, partial) : "-";
}

std::string Optional(bool present, double v, std::string (*format)(double)) {
  return present ? format(v) : "-";
}

// The dataset's own update time is the only time a report shows, so that reruns on the same
// revision give the same bytes.
std::string UpdateTime(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", absl::FromUnixSeconds(t.seconds()),
                          absl::UTCTimeZone());
}

std::string Cited(const v1::Citation& c) {
  return c.locator().empty() ? c.title() : absl::StrCat(c.title(), ", ", c.locator());
}

// A server's reason ("the dataset has no deals") as the end of a sentence.
std::string Sentence(const std::string& text) {
  return absl::EndsWith(text, ".") ? text : text + ".";
}

// "China with South Korea, television dramas": what a table is about.
std::string Subject(const ReportData& d) {
  const v1::AnalyzeBalanceResponse& b = d.balance;
  return absl::StrCat(EconomyTitle(b.reporter()), " with ", EconomyTitle(b.partner()), ", ",
                      ProductTitle(b.product_code(), d.product_description));
}

void Introduction(const ReportData& d, Document& doc) {
  const v1::Dataset& ds = d.dataset;
  doc.Add(Kind::kTitle, Title(d));
  doc.Add(Kind::kParagraph,
          absl::StrCat(ds.display_name(), " (", ds.name(), ", etag ", ds.etag(), ", updated ",
                       UpdateTime(ds.update_time()), ")."),
          "Dataset:");
  if (!ds.description().empty()) doc.Add(Kind::kParagraph, ds.description());
  std::vector<std::string> sources;
  for (const v1::Citation& c : ds.sources()) sources.push_back(Cited(c));
  if (!sources.empty()) doc.List("Sources:", sources);
  doc.Add(Kind::kParagraph,
          absl::StrCat("Amounts are in ", UnitText(d.scale, d.balance.currency_code()),
                       " unless a table says otherwise. * marks a derived value, ~ an estimated "
                       "one, p a partial year and - a year without data."));
}

void Figure(const ReportData& d, Document& doc) {
  doc.Add(Kind::kHeading, "Exports, imports and balance");
  doc.Add(Kind::kChart,
          absl::StrCat(ChartTitle(d),
                       ". Bars: exports and imports; diamonds: the balance. A year without a bar "
                       "has no data; * marks a derived value, ~ an estimated one."),
          ChartTitle(d));
}

Table BalanceTable(const v1::AnalyzeBalanceResponse& b, int scale) {
  Table t{
      {"Year", "Exports", "Imports", "Balance", "Coverage X/M", "Export growth", "Import growth"},
      {},
      {"Growth is over the previous year, and absent across a gap."},
      ""};
  for (const v1::BalanceYear& y : b.years()) {
    t.rows.push_back(
        {absl::StrCat(y.year()),
         Marked(y.has_exports(), y.exports(), scale, y.export_status(), y.export_partial()),
         Marked(y.has_imports(), y.imports(), scale, y.import_status(), y.import_partial()),
         Amount(y.has_balance(), y.balance(), scale),
         Optional(y.has_coverage_ratio(), y.coverage_ratio(), Ratio),
         Optional(y.has_export_growth(), y.export_growth(), Percent),
         Optional(y.has_import_growth(), y.import_growth(), Percent)});
  }
  return t;
}

std::string CompoundText(const char* flow, const v1::CompoundGrowth& g, int scale) {
  if (!g.has_rate()) return absl::StrCat(flow, ": undefined (", g.undefined_reason(), ")");
  return absl::StrCat(flow, " ", g.start_year(), "-", g.end_year(), ": ", Percent(g.rate()),
                      " a year, from ", Amount(true, g.start_value(), scale), " to ",
                      Amount(true, g.end_value(), scale));
}

void BalanceSection(const ReportData& d, Document& doc) {
  const v1::AnalyzeBalanceResponse& b = d.balance;
  doc.Add(Kind::kHeading, "Balance by year");
  doc.AddTable(absl::StrCat(Subject(d), ": ", UnitText(d.scale, b.currency_code())),
               BalanceTable(b, d.scale), 1);
  doc.List("Average annual (compound) growth:",
           {CompoundText("exports", b.export_growth(), d.scale),
            CompoundText("imports", b.import_growth(), d.scale)});
  if (b.cumulative_balance_years().empty()) return;
  doc.Add(Kind::kParagraph, absl::StrCat("Cumulative balance (",
                                         YearRanges({b.cumulative_balance_years().begin(),
                                                     b.cumulative_balance_years().end()}),
                                         "): ", Amount(true, b.cumulative_balance(), d.scale), " ",
                                         UnitText(d.scale, b.currency_code()), "."));
}

// The economy groups the report names, with their members in each run of years in which
// the membership (or who of the members has flows) does not change.
void GroupsSection(const ReportData& d, Document& doc) {
  const v1::AggregationReport& a = d.balance.aggregation();
  if (a.groups().empty()) return;
  Table t{{"Group", "Years", "Members with flows", "Members without flows", "Members"},
          {},
          {"A member without flows reported none with the other side in those years; the "
           "group's figures are its other members' sums."},
          ""};
  for (const MembershipSpan& s : MembershipSpans(a)) {
    t.rows.push_back({s.group, SpanYears(s), absl::StrJoin(s.contributing, ", "),
                      absl::StrJoin(s.silent, ", "),
                      absl::StrCat(s.contributing.size() + s.silent.size())});
  }
  doc.Add(Kind::kHeading, "Economy groups");
  doc.AddTable("Members of the economy groups by year", t, 4);
}

std::string SpikesText(const char* flow, const ReportPart<v1::AnalyzeGrowthResponse>& g) {
  if (!g.response) return absl::StrCat(flow, ": not analysed, ", g.skipped);
  std::vector<std::string> spikes;
  for (const v1::GrowthSpike& s : g.response->spikes()) {
    spikes.push_back(absl::StrCat(s.year(), " (", Percent(s.growth()), ")"));
  }
  return absl::StrCat(flow, ": ", spikes.empty() ? "none" : absl::StrJoin(spikes, ", "));
}

void SpikesSection(const ReportData& d, Document& doc) {
  double threshold = 1.0;
  for (const auto* g : {&d.export_growth, &d.import_growth}) {
    if (g->response) threshold = g->response->spike_threshold();
  }
  doc.Add(Kind::kHeading, "Spikes");
  doc.List(
      absl::StrCat("Years whose growth over the previous year exceeds ", Percent(threshold), ":"),
      {SpikesText("exports", d.export_growth), SpikesText("imports", d.import_growth)});
}

Table DealTable(const v1::AnalyzeDealPricesResponse& r) {
  Table t{{"Group", "Key", "Deals", "Min", "Median", "Max"},
          {},
          {"A key marked ~ includes estimated (illustrative) prices, * derived ones."},
          ""};
  for (auto [group, stats] :
       {std::pair{"title", &r.by_title()}, std::pair{"origin", &r.by_origin()}}) {
    for (const v1::PriceStats& s : *stats) {
      t.rows.push_back({group, s.key() + StatusMark(s.weakest_status()), absl::StrCat(s.count()),
                        Amount(true, s.min(), 0), Amount(true, s.median(), 0),
                        Amount(true, s.max(), 0)});
    }
  }
  return t;
}

std::string GapText(const v1::OriginPriceGap& g, const std::string& currency) {
  return absl::StrCat(
      g.origin_a(), " median / ", g.origin_b(), " median = ", Times(g.median_ratio()), " (",
      Amount(true, g.median_a(), 0), " / ", Amount(true, g.median_b(), 0), " ", currency,
      "); the gap ranges from ", Times(g.lowest_ratio()), " (", g.origin_a(), "'s cheapest to ",
      g.origin_b(), "'s dearest) to ", Times(g.highest_ratio()), " (the other way round).");
}

void DealSection(const ReportData& d, Document& doc) {
  doc.Add(Kind::kHeading, "Deal prices per episode");
  if (!d.deals.response) {
    doc.Add(Kind::kParagraph, "No deal prices are shown: " + Sentence(d.deals.skipped));
    return;
  }
  const v1::AnalyzeDealPricesResponse& r = *d.deals.response;
  doc.AddTable(
      absl::StrCat("Prices per episode in ", r.currency_code(), ", by title and by origin"),
      DealTable(r), 2);
  if (r.has_title_ratio()) {
    const v1::TitlePriceRatio& t = r.title_ratio();
    doc.Add(Kind::kParagraph,
            absl::StrCat("\"", t.numerator_title(), "\" / \"", t.denominator_title(),
                         "\" = ", Times(t.ratio()), " (median prices per episode)."));
  }
  if (r.has_origin_gap()) {
    doc.Add(Kind::kParagraph, GapText(r.origin_gap(), r.currency_code()));
  } else if (!d.origin_gap_skipped.empty()) {
    doc.Add(Kind::kParagraph, "No gap between origins: " + Sentence(d.origin_gap_skipped));
  }
}

std::string BasisText(v1::GrowthBasis basis) {
  switch (basis) {
    case v1::GROWTH_BASIS_TREND: return "log-linear trend growth";
    case v1::GROWTH_BASIS_GIVEN: return "given growth rates";
    default: return "compound average annual growth";
  }
}

Table ProjectionTable(const v1::ProjectBalanceResponse& r, int scale) {
  Table t{{"Year", "Exports", "Imports", "Balance"}, {}, {}, ""};
  for (const v1::ProjectedYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()), Amount(true, y.exports(), scale),
                      Amount(true, y.imports(), scale), Amount(true, y.balance(), scale)});
  }
  return t;
}

// A deficit that "closes" in the base year was never there.
bool NoDeficit(const v1::ProjectBalanceResponse& r) {
  return r.deficit_closes() && r.closing_year() <= r.base_year();
}

std::string ClosingText(const v1::ProjectBalanceResponse& r) {
  if (NoDeficit(r)) {
    return absl::StrCat("There is no deficit to close: exports cover imports in ", r.base_year(),
                        ".");
  }
  return r.deficit_closes() ? absl::StrCat("The deficit closes in ", r.closing_year(), ".")
                            : "The deficit never closes: " + Sentence(r.never_closes_reason());
}

void ProjectionSection(const ReportData& d, Document& doc) {
  const auto& p = d.projection;
  if (!p.response) {
    doc.Add(Kind::kHeading, "Projection");
    doc.Add(Kind::kParagraph, "No projection is shown: " + Sentence(p.skipped));
    return;
  }
  const v1::ProjectBalanceResponse& r = *p.response;
  const int last = r.years().empty() ? r.base_year() : r.years(r.years_size() - 1).year();
  doc.Add(Kind::kHeading, absl::StrCat("Projection to ", last));
  doc.Add(Kind::kParagraph,
          absl::StrCat("Projected from ", r.base_year(), " on ", BasisText(r.basis()), ": exports ",
                       Percent(r.export_growth()), " a year, imports ", Percent(r.import_growth()),
                       " a year."));
  doc.AddTable(absl::StrCat("Projected trade, ", UnitText(d.scale, r.currency_code())),
               ProjectionTable(r, d.scale), 1);
  doc.Add(Kind::kParagraph, ClosingText(r));
  if (r.has_required_export_growth() && !NoDeficit(r)) {
    doc.Add(Kind::kParagraph, absl::StrCat("Export growth needed to close it by ", d.close_by_year,
                                           ": ", Percent(r.required_export_growth()), " a year."));
  }
}

void SpilloverSection(const ReportData& d, Document& doc) {
  doc.Add(Kind::kHeading, "Spillover to merchandise exports");
  if (d.spillovers.empty()) {
    doc.Add(Kind::kParagraph,
            "The dataset has no multipliers from cultural to merchandise exports.");
    return;
  }
  Table t{{"Multiplier", "Induced per cultural exports", "Source", "Applied to", "Unit",
           "Cultural exports", "Induced exports"},
          {},
          {},
          ""};
  std::vector<std::string> skipped;
  for (const SpilloverPart& s : d.spillovers) {
    const v1::Multiplier& m = s.multiplier;
    if (!s.result.response) {
      skipped.push_back(absl::StrCat("The multiplier ", m.id(), " (", m.economy(),
                                     ") is not applied: ", Sentence(s.result.skipped)));
      continue;
    }
    const v1::EstimateSpilloverResponse& r = *s.result.response;
    t.rows.push_back({m.id(),
                      absl::StrCat(FormatMoney(m.induced_exports(), 0, 0), " per ",
                                   FormatMoney(m.cultural_exports(), 0, 0), " ",
                                   m.cultural_exports().currency_code()),
                      absl::StrCat(Cited(m.source()), ", ", m.year()),
                      absl::StrCat(EconomyTitle(m.economy()), "'s exports of ",
                                   ProductTitle(d.balance.product_code(), d.product_description),
                                   " to the world, ", s.year),
                      UnitText(d.scale, r.induced_exports().currency_code()),
                      Amount(true, r.cultural_exports(), d.scale),
                      Amount(true, r.induced_exports(), d.scale)});
  }
  if (!t.rows.empty()) {
    doc.AddTable("Merchandise exports induced by cultural exports, under the dataset's multipliers",
                 t, 5);
  }
  for (std::string& s : skipped) doc.Add(Kind::kParagraph, std::move(s));
}

std::string QuotedSource(const v1::Citation& c) {
  return c.quote().empty() ? Cited(c) : absl::StrCat(Cited(c), ": \"", c.quote(), "\"");
}

void FactsSection(const ReportData& d, Document& doc) {
  doc.Add(Kind::kHeading, "Cited facts");
  if (d.dataset.cited_facts().empty()) {
    doc.Add(Kind::kParagraph, "The dataset cites no facts beyond its trade data.");
    return;
  }
  Table t{{"Fact", "As stated", "Source"},
          {},
          {"Shown as the sources state them; culturetrade does not compute with them."},
          ""};
  for (const v1::CitedFact& f : d.dataset.cited_facts()) {
    t.rows.push_back(
        {absl::StrCat(f.subject(), ": ", f.statement()),
         absl::StrCat(f.qualifier(), f.qualifier().empty() ? "" : " ", f.value(), " ", f.unit()),
         QuotedSource(f.source())});
  }
  doc.AddTable("Facts stated by the dataset's sources", t, 3);
}

}  // namespace

Document Build(const ReportData& d) {
  Document doc;
  Introduction(d, doc);
  Figure(d, doc);
  BalanceSection(d, doc);
  GroupsSection(d, doc);
  SpikesSection(d, doc);
  DealSection(d, doc);
  ProjectionSection(d, doc);
  SpilloverSection(d, doc);
  FactsSection(d, doc);
  doc.Add(Kind::kFooter,
          absl::StrCat("Made with culturetrade (ctrade report) from ", d.dataset.name(), ", etag ",
                       d.dataset.etag(), ", updated ", UpdateTime(d.dataset.update_time()),
                       ". Values marked * are derived and ~ estimated; the tables flag them, and "
                       "the dataset's sources say how each was obtained."));
  return doc;
}

}  // namespace culturetrade::report
