#include "client/ctrade/report.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/output.h"
#include "client/money_format.h"

namespace culturetrade::ctrade {
namespace {

// ---------------------------------------------------------------------------------------------
// Values, formatted as `ctrade analyze` formats them so that the report and the terminal agree.

std::string Ratio(double v) { return absl::StrFormat("%.4f", v); }
std::string Times(double v) { return absl::StrFormat("%.2fx", v); }

// * derived, ~ estimated, p partial year: the markers of `ctrade analyze`'s tables.
std::string Mark(v1::ValueStatus s, bool partial = false) {
  const std::string mark = s == v1::VALUE_STATUS_DERIVED     ? "*"
                           : s == v1::VALUE_STATUS_ESTIMATED ? "~"
                                                             : "";
  return partial ? mark + "p" : mark;
}

std::string Marked(bool present, const google::type::Money& m, int scale, v1::ValueStatus s,
                   bool partial) {
  return present ? Amount(true, m, scale) + Mark(s, partial) : "-";
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

std::string Subject(const v1::AnalyzeBalanceResponse& b) {
  return absl::StrCat(b.reporter(), " with ", b.partner(), ", ", b.product_code());
}

// ---------------------------------------------------------------------------------------------
// Figure 1: bars of exports and imports, markers of the balance, on a year axis with gaps.

constexpr double kWidth = 760, kHeight = 400;
constexpr double kLeft = 80, kRight = 744, kTop = 52, kBottom = 336;
constexpr char kExportColor[] = "#2b6cb0";
constexpr char kImportColor[] = "#dd6b20";
constexpr char kBalanceColor[] = "#1a202c";
constexpr char kAxisColor[] = "#4a5568";
constexpr char kGridColor[] = "#e2e8f0";

// Amounts are exact everywhere else; pixels only need doubles.
double Plotted(const google::type::Money& m, int scale) {
  return (static_cast<double>(m.units()) + m.nanos() / 1e9) / std::pow(10.0, scale);
}

// A value axis in steps of 1, 2 or 5 times a power of ten, from lo to hi steps, zero included.
struct ValueAxis {
  double step = 1;
  int lo = 0, hi = 1;
  int digits = 0;  // decimals of the tick labels
  double Min() const { return lo * step; }
  double Max() const { return hi * step; }
};

ValueAxis AxisFor(double min, double max) {
  min = std::min(min, 0.0);
  max = std::max(max, 0.0);
  if (max <= min) max = min + 1;
  // A little room beyond the extremes, so no marker or label sits on the frame.
  const double room = (max - min) * 0.05;
  if (min < 0) min -= room;
  if (max > 0) max += room;
  const double raw = (max - min) / 6;  // five to eight steps
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / power;
  ValueAxis a;
  a.step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  a.lo = static_cast<int>(std::floor(min / a.step));
  a.hi = static_cast<int>(std::ceil(max / a.step));
  a.digits = std::max(0, static_cast<int>(-std::floor(std::log10(a.step))));
  return a;
}

// Every year from the first to the last has a slot, so a year without data shows as a gap.
struct Frame {
  int first_year = 0;
  int years = 1;
  ValueAxis axis;
  double Slot() const { return (kRight - kLeft) / years; }
  double X(int year) const { return kLeft + Slot() * (year - first_year + 0.5); }
  double Y(double v) const {
    return kBottom - (v - axis.Min()) / (axis.Max() - axis.Min()) * (kBottom - kTop);
  }
};

std::string Px(double v) { return absl::StrFormat("%.1f", v); }

std::string SvgText(double x, double y, const char* anchor, const std::string& text,
                    const std::string& attributes = "") {
  return absl::StrCat("<text x=\"", Px(x), "\" y=\"", Px(y), "\" text-anchor=\"", anchor, "\"",
                      attributes, ">", EscapeHtml(text), "</text>\n");
}

std::string SvgLine(double x1, double y1, double x2, double y2, const char* color,
                    const char* width = "1") {
  return absl::StrCat("<line x1=\"", Px(x1), "\" y1=\"", Px(y1), "\" x2=\"", Px(x2), "\" y2=\"",
                      Px(y2), "\" stroke=\"", color, "\" stroke-width=\"", width, "\"/>\n");
}

std::string Diamond(double x, double y, double r) {
  return absl::StrCat("M", Px(x), " ", Px(y - r), " L", Px(x + r), " ", Px(y), " L", Px(x), " ",
                      Px(y + r), " L", Px(x - r), " ", Px(y), " Z");
}

std::string ChartTitle(const v1::AnalyzeBalanceResponse& b, int scale) {
  return absl::StrCat("Figure 1. ", b.reporter(), " exports to and imports from ", b.partner(),
                      ", ", b.product_code(), ", ", UnitText(scale, b.currency_code()));
}

Frame FrameFor(const v1::AnalyzeBalanceResponse& b, int scale) {
  double min = 0, max = 0;
  for (const v1::BalanceYear& y : b.years()) {
    for (auto [has, money] :
         {std::pair{y.has_exports(), &y.exports()}, std::pair{y.has_imports(), &y.imports()},
          std::pair{y.has_balance(), &y.balance()}}) {
      if (!has) continue;
      min = std::min(min, Plotted(*money, scale));
      max = std::max(max, Plotted(*money, scale));
    }
  }
  const int first = b.years(0).year(), last = b.years(b.years_size() - 1).year();
  return Frame{first, last - first + 1, AxisFor(min, max)};
}

std::string ValueGrid(const Frame& f, const std::string& unit) {
  std::string out;
  for (int i = f.axis.lo; i <= f.axis.hi; ++i) {
    const double v = i * f.axis.step, y = f.Y(v);
    absl::StrAppend(&out, SvgLine(kLeft, y, kRight, y, i == 0 ? kAxisColor : kGridColor),
                    SvgText(kLeft - 8, y + 4, "end", absl::StrFormat("%.*f", f.axis.digits, v)));
  }
  absl::StrAppend(&out, "<text transform=\"translate(20 ", Px((kTop + kBottom) / 2),
                  ") rotate(-90)\" text-anchor=\"middle\">", EscapeHtml(unit), "</text>\n");
  return out;
}

std::string YearAxis(const Frame& f) {
  const int every = (f.years + 15) / 16;  // at most 16 labels fit the width
  std::string out = SvgLine(kLeft, kBottom, kRight, kBottom, kAxisColor);
  for (int i = 0; i < f.years; ++i) {
    const double x = f.X(f.first_year + i);
    out += SvgLine(x, kBottom, x, kBottom + 5, kAxisColor);
    if (i % every == 0) out += SvgText(x, kBottom + 20, "middle", absl::StrCat(f.first_year + i));
  }
  return out + SvgText((kLeft + kRight) / 2, kBottom + 46, "middle", "Year");
}

// One bar, with its value as a tooltip and its status marker (* or ~) above it.
std::string Bar(const Frame& f, double x, double width, double value, const char* color,
                const std::string& tip, const std::string& mark) {
  const double top = f.Y(std::max(value, 0.0)), base = f.Y(std::min(value, 0.0));
  std::string out = absl::StrCat("<rect x=\"", Px(x), "\" y=\"", Px(top), "\" width=\"", Px(width),
                                 "\" height=\"", Px(base - top), "\" fill=\"", color, "\"><title>",
                                 EscapeHtml(tip), "</title></rect>\n");
  if (!mark.empty()) out += SvgText(x + width / 2, top - 4, "middle", mark);
  return out;
}

std::string Bars(const Frame& f, const v1::AnalyzeBalanceResponse& b, int scale) {
  const double width = std::min(f.Slot() * 0.32, 36.0);
  std::string out;
  for (const v1::BalanceYear& y : b.years()) {
    const double x = f.X(y.year());
    if (y.has_exports()) {
      const std::string mark = Mark(y.export_status(), y.export_partial());
      out +=
          Bar(f, x - width - 1, width, Plotted(y.exports(), scale), kExportColor,
              absl::StrCat(y.year(), " exports: ", Amount(true, y.exports(), scale), mark), mark);
    }
    if (y.has_imports()) {
      const std::string mark = Mark(y.import_status(), y.import_partial());
      out +=
          Bar(f, x + 1, width, Plotted(y.imports(), scale), kImportColor,
              absl::StrCat(y.year(), " imports: ", Amount(true, y.imports(), scale), mark), mark);
    }
  }
  return out;
}

// Markers for every year with a balance, joined only between adjacent years: a line across a
// gap would invent the years in between.
std::string BalanceMarkers(const Frame& f, const v1::AnalyzeBalanceResponse& b, int scale) {
  std::string lines, markers;
  const v1::BalanceYear* previous = nullptr;
  for (const v1::BalanceYear& y : b.years()) {
    if (!y.has_balance()) continue;
    const double x = f.X(y.year()), v = f.Y(Plotted(y.balance(), scale));
    if (previous != nullptr && previous->year() + 1 == y.year()) {
      lines += SvgLine(f.X(previous->year()), f.Y(Plotted(previous->balance(), scale)), x, v,
                       kBalanceColor, "1.5");
    }
    absl::StrAppend(
        &markers, "<path d=\"", Diamond(x, v, 6), "\" fill=\"", kBalanceColor,
        "\" stroke=\"#ffffff\"><title>",
        EscapeHtml(absl::StrCat(y.year(), " balance: ", Amount(true, y.balance(), scale))),
        "</title></path>\n",
        // Below a deficit, above a surplus, with a white halo that keeps the
        // value legible where it crosses a bar or a line.
        SvgText(x, v + (Plotted(y.balance(), scale) < 0 ? 20 : -10), "middle",
                Amount(true, y.balance(), scale),
                " font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" "
                "paint-order=\"stroke\""));
    previous = &y;
  }
  return lines + markers;
}

std::string Legend() {
  std::string out;
  double x = kLeft;
  for (auto [color, name] :
       {std::pair{kExportColor, "Exports"}, std::pair{kImportColor, "Imports"}}) {
    absl::StrAppend(&out, "<rect x=\"", Px(x), "\" y=\"14\" width=\"14\" height=\"14\" fill=\"",
                    color, "\"/>\n", SvgText(x + 20, 26, "start", name));
    x += 100;
  }
  absl::StrAppend(&out, "<path d=\"", Diamond(x + 7, 21, 6), "\" fill=\"", kBalanceColor, "\"/>\n",
                  SvgText(x + 20, 26, "start", "Balance (exports minus imports)"));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The report as a list of blocks, which the Markdown and the HTML writers each render, so the
// two files say the same things.

struct Block {
  enum class Kind { kTitle, kHeading, kParagraph, kList, kTable, kChart, kFooter };
  Kind kind = Kind::kParagraph;
  std::string text;   // the heading, paragraph or footer; a table's or the chart's caption
  std::string label;  // a paragraph's or list's bold lead-in; the chart's alternative text
  std::vector<std::string> items;
  Table table;
  size_t text_columns = 1;  // the leading columns of words; the others hold numbers
};

class Document {
 public:
  void Add(Block::Kind kind, std::string text, std::string label = "") {
    blocks_.push_back(Block{kind, std::move(text), std::move(label), {}, {}, 1});
  }
  void List(std::string label, std::vector<std::string> items) {
    blocks_.push_back(Block{Block::Kind::kList, "", std::move(label), std::move(items), {}, 1});
  }
  // Tables are numbered in order, whichever sections a dataset leaves out.
  void AddTable(const std::string& caption, Table table, size_t text_columns) {
    Block b;
    b.kind = Block::Kind::kTable;
    b.text = absl::StrCat("Table ", ++tables_, ". ", caption);
    b.table = std::move(table);
    b.text_columns = text_columns;
    blocks_.push_back(std::move(b));
  }
  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  std::vector<Block> blocks_;
  int tables_ = 0;
};

using Kind = Block::Kind;

std::string Title(const ReportData& d) {
  const v1::AnalyzeBalanceResponse& b = d.balance;
  return absl::StrCat("Trade in ", b.product_code(), ": ", b.reporter(), " with ", b.partner());
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
          absl::StrCat(ChartTitle(d.balance, d.scale),
                       ". Bars: exports and imports; diamonds: the balance. A year without a bar "
                       "has no data; * marks a derived value, ~ an estimated one."),
          ChartTitle(d.balance, d.scale));
}

Table BalanceTable(const v1::AnalyzeBalanceResponse& b, int scale) {
  Table t{
      {"Year", "Exports", "Imports", "Balance", "Coverage X/M", "Export growth", "Import growth"},
      {},
      {"Growth is over the previous year, and absent across a gap."}};
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
  doc.AddTable(absl::StrCat(Subject(b), ": ", UnitText(d.scale, b.currency_code())),
               BalanceTable(b, d.scale), 1);
  doc.List("Average annual (compound) growth:",
           {CompoundText("exports", b.export_growth(), d.scale),
            CompoundText("imports", b.import_growth(), d.scale)});
  if (b.cumulative_balance_years().empty()) return;
  doc.Add(Kind::kParagraph,
          absl::StrCat("Cumulative balance (", absl::StrJoin(b.cumulative_balance_years(), ", "),
                       "): ", Amount(true, b.cumulative_balance(), d.scale), " ",
                       UnitText(d.scale, b.currency_code()), "."));
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
          {"A key marked ~ includes estimated (illustrative) prices, * derived ones."}};
  for (auto [group, stats] :
       {std::pair{"title", &r.by_title()}, std::pair{"origin", &r.by_origin()}}) {
    for (const v1::PriceStats& s : *stats) {
      t.rows.push_back({group, s.key() + Mark(s.weakest_status()), absl::StrCat(s.count()),
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
  Table t{{"Year", "Exports", "Imports", "Balance"}, {}, {}};
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
          {}};
  std::vector<std::string> skipped;
  for (const SpilloverPart& s : d.spillovers) {
    const v1::Multiplier& m = s.multiplier;
    if (!s.result.response) {
      skipped.push_back(absl::StrCat("The multiplier ", m.id(), " (", m.economy(),
                                     ") is not applied: ", Sentence(s.result.skipped)));
      continue;
    }
    const v1::EstimateSpilloverResponse& r = *s.result.response;
    t.rows.push_back(
        {m.id(),
         absl::StrCat(FormatMoney(m.induced_exports(), 0, 0), " per ",
                      FormatMoney(m.cultural_exports(), 0, 0), " ",
                      m.cultural_exports().currency_code()),
         absl::StrCat(Cited(m.source()), ", ", m.year()),
         absl::StrCat(m.economy(), "'s exports of ", d.balance.product_code(), " to WLD, ", s.year),
         UnitText(d.scale, r.induced_exports().currency_code()),
         Amount(true, r.cultural_exports(), d.scale), Amount(true, r.induced_exports(), d.scale)});
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
          {"Shown as the sources state them; culturetrade does not compute with them."}};
  for (const v1::CitedFact& f : d.dataset.cited_facts()) {
    t.rows.push_back(
        {absl::StrCat(f.subject(), ": ", f.statement()),
         absl::StrCat(f.qualifier(), f.qualifier().empty() ? "" : " ", f.value(), " ", f.unit()),
         QuotedSource(f.source())});
  }
  doc.AddTable("Facts stated by the dataset's sources", t, 3);
}

Document Build(const ReportData& d) {
  Document doc;
  Introduction(d, doc);
  Figure(d, doc);
  BalanceSection(d, doc);
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

// ---------------------------------------------------------------------------------------------
// Markdown.

// Escapes what would start a block where the text starts a line: a list item, a heading
// underline, an indented code block, an ordered list ("2016. ...").
std::string AtLineStart(const std::string& escaped) {
  std::string out(absl::StripLeadingAsciiWhitespace(escaped));
  if (!out.empty() && absl::StrContains("-+=", out[0])) return "\\" + out;
  const size_t digits = out.find_first_not_of("0123456789");
  if (digits != 0 && digits != std::string::npos && (out[digits] == '.' || out[digits] == ')')) {
    out.insert(digits, "\\");
  }
  return out;
}

std::string MarkdownLine(const std::string& text) { return AtLineStart(EscapeMarkdown(text)); }

std::string MarkdownRow(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const std::string& c : cells) absl::StrAppend(&line, " ", EscapeMarkdown(c), " |");
  return line + "\n";
}

std::string MarkdownTable(const Block& b) {
  std::string out =
      absl::StrCat("*", EscapeMarkdown(b.text), "*\n\n", MarkdownRow(b.table.header), "|");
  for (size_t i = 0; i < b.table.header.size(); ++i) out += i < b.text_columns ? "---|" : "---:|";
  out += "\n";
  for (const auto& row : b.table.rows) out += MarkdownRow(row);
  out += "\n";
  for (const std::string& note : b.table.notes) absl::StrAppend(&out, MarkdownLine(note), "\n\n");
  return out;
}

std::string MarkdownBlock(const Block& b, const std::string& chart_file) {
  const std::string label = b.label.empty() ? "" : "**" + EscapeMarkdown(b.label) + "**";
  switch (b.kind) {
    case Kind::kTitle: return "# " + MarkdownLine(b.text) + "\n\n";
    case Kind::kHeading: return "## " + MarkdownLine(b.text) + "\n\n";
    case Kind::kParagraph:  // after a label the text no longer starts the line
      return label.empty() ? MarkdownLine(b.text) + "\n\n"
                           : absl::StrCat(label, " ", EscapeMarkdown(b.text), "\n\n");
    case Kind::kList: {
      std::string out = label.empty() ? "" : label + "\n\n";
      for (const std::string& item : b.items) absl::StrAppend(&out, "- ", MarkdownLine(item), "\n");
      return out + "\n";
    }
    case Kind::kTable: return MarkdownTable(b);
    case Kind::kChart:
      return absl::StrCat("![", EscapeMarkdown(b.label), "](", chart_file, ")\n\n*",
                          EscapeMarkdown(b.text), "*\n\n");
    case Kind::kFooter: return "---\n\n" + MarkdownLine(b.text) + "\n";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// HTML: one file, its style inline, no scripts and nothing fetched.

constexpr char kStyle[] = R"css(body {
  font-family: Georgia, "Times New Roman", serif; color: #1a202c; line-height: 1.45;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.6rem; margin-bottom: 0.4rem; }
h2 {
  font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #cbd5e0; padding-bottom: 0.2rem;
}
table { border-collapse: collapse; margin: 0.8rem 0 0.4rem; font-size: 0.92rem; }
caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: 0.3rem; }
th, td {
  border-top: 1px solid #cbd5e0; border-bottom: 1px solid #cbd5e0; padding: 0.25rem 0.6rem;
  vertical-align: top; text-align: left;
}
th { background: #edf2f7; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { font-size: 0.88rem; color: #4a5568; margin-top: 0.2rem; }
figure { margin: 1rem 0; }
figcaption { font-style: italic; font-size: 0.92rem; }
svg { max-width: 100%; height: auto; }
footer {
  margin-top: 2.5rem; border-top: 1px solid #cbd5e0; font-size: 0.85rem; color: #4a5568;
}
)css";

std::string HtmlRow(const std::vector<std::string>& cells, const char* tag, size_t text_columns) {
  std::string out = "<tr>";
  for (size_t i = 0; i < cells.size(); ++i) {
    absl::StrAppend(&out, "<", tag, i < text_columns ? "" : " class=\"n\"", ">",
                    EscapeHtml(cells[i]), "</", tag, ">");
  }
  return out + "</tr>\n";
}

std::string HtmlTable(const Block& b) {
  std::string out =
      absl::StrCat("<table>\n<caption>", EscapeHtml(b.text), "</caption>\n<thead>",
                   HtmlRow(b.table.header, "th", b.text_columns), "</thead>\n<tbody>\n");
  for (const auto& row : b.table.rows) out += HtmlRow(row, "td", b.text_columns);
  out += "</tbody>\n</table>\n";
  for (const std::string& note : b.table.notes) {
    absl::StrAppend(&out, "<p class=\"note\">", EscapeHtml(note), "</p>\n");
  }
  return out;
}

std::string HtmlBlock(const Block& b, const ReportData& d) {
  const std::string label =
      b.label.empty() ? "" : absl::StrCat("<strong>", EscapeHtml(b.label), "</strong>");
  switch (b.kind) {
    case Kind::kTitle: return absl::StrCat("<h1>", EscapeHtml(b.text), "</h1>\n");
    case Kind::kHeading: return absl::StrCat("<h2>", EscapeHtml(b.text), "</h2>\n");
    case Kind::kParagraph:
      return absl::StrCat("<p>", label, label.empty() ? "" : " ", EscapeHtml(b.text), "</p>\n");
    case Kind::kList: {
      std::string out = label.empty() ? "" : absl::StrCat("<p>", label, "</p>\n");
      out += "<ul>\n";
      for (const std::string& item : b.items) {
        absl::StrAppend(&out, "<li>", EscapeHtml(item), "</li>\n");
      }
      return out + "</ul>\n";
    }
    case Kind::kTable: return HtmlTable(b);
    case Kind::kChart:
      return absl::StrCat("<figure>\n", ChartSvg(d.balance, d.scale, /*standalone=*/false),
                          "<figcaption>", EscapeHtml(b.text), "</figcaption>\n</figure>\n");
    case Kind::kFooter:
      return absl::StrCat("<footer>\n<p>", EscapeHtml(b.text), "</p>\n</footer>\n");
  }
  return "";
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeMarkdown(const std::string& text) {
  // Characters that start emphasis, code, links, raw HTML, entities, headings or strikethrough,
  // and | which ends a table cell. A line break would end a table row or a paragraph.
  static constexpr absl::string_view kSpecial = "\\`*_[]<>|~&#";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (absl::StrContains(kSpecial, c)) out += '\\';
    out += c;
  }
  return out;
}

std::string ChartSvg(const v1::AnalyzeBalanceResponse& balance, int scale, bool standalone) {
  std::string out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
  absl::StrAppend(&out, "<svg", standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "",
                  " width=\"", kWidth, "\" height=\"", kHeight, "\" viewBox=\"0 0 ", kWidth, " ",
                  kHeight,
                  "\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\" "
                  "fill=\"#1a202c\">\n<title>",
                  EscapeHtml(ChartTitle(balance, scale)), "</title>\n");
  if (balance.years().empty()) {
    return out + SvgText(kWidth / 2, kHeight / 2, "middle", "No data") + "</svg>\n";
  }
  const Frame f = FrameFor(balance, scale);
  absl::StrAppend(&out, ValueGrid(f, UnitText(scale, balance.currency_code())), YearAxis(f),
                  Bars(f, balance, scale), BalanceMarkers(f, balance, scale), Legend(), "</svg>\n");
  return out;
}

std::string ReportMarkdown(const ReportData& data, const std::string& chart_file) {
  const Document doc = Build(data);  // kept alive: the loop below reads its blocks
  std::string out;
  for (const Block& b : doc.blocks()) out += MarkdownBlock(b, chart_file);
  return out;
}

std::string ReportHtml(const ReportData& data) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      EscapeHtml(Title(data)), "</title>\n<style>\n", kStyle, "</style>\n</head>\n<body>\n");
  const Document doc = Build(data);
  for (const Block& b : doc.blocks()) out += HtmlBlock(b, data);
  return out + "</body>\n</html>\n";
}

}  // namespace culturetrade::ctrade
