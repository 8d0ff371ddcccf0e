#include "report/report_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/report_names.h"
#include "report/text_boxes.h"
#include "report/value_format.h"

namespace culturetrade::report {
namespace {

constexpr double kWidth = 760, kHeight = 400;
constexpr double kRight = 744, kTop = 52, kBottom = 336;
constexpr double kFontSize = 13, kLabelFontSize = 11;
// The unit's name runs up the left edge on this baseline; its glyphs reach a font's descent to
// the right of it, and the tick labels start clear of that.
constexpr double kUnitBaseline = 20, kTicksStart = 32;
// The gap between a tick label and the plot, and between two year labels.
constexpr double kTickGap = 8;
// The legend's line ends above this; labels in the plot stay below it.
constexpr double kLegendBottom = 34;
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
  // The i-th tick's label as the tables write amounts: "1,500", "0.5".
  std::string Tick(int i) const {
    return GroupThousands(absl::StrFormat("%.*f", digits, i * step));
  }
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
  double left = 0;  // the plot's left edge, right of the widest tick label
  double Slot() const { return (kRight - left) / years; }
  double X(int year) const { return left + Slot() * (year - first_year + 0.5); }
  double Y(double v) const {
    return kBottom - (v - axis.Min()) / (axis.Max() - axis.Min()) * (kBottom - kTop);
  }
};

std::string Px(double v) { return absl::StrFormat("%.1f", v); }

const char* AnchorName(Anchor anchor) {
  switch (anchor) {
    case Anchor::kStart: return "start";
    case Anchor::kMiddle: return "middle";
    case Anchor::kEnd: return "end";
  }
  return "start";
}

std::string SvgText(double x, double y, Anchor anchor, const std::string& text,
                    const std::string& attributes = "") {
  return absl::StrCat("<text x=\"", Px(x), "\" y=\"", Px(y), "\" text-anchor=\"",
                      AnchorName(anchor), "\"", attributes, ">", EscapeHtml(text), "</text>\n");
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
  Frame f{first, last - first + 1, AxisFor(min, max), 0};
  double widest = 0;
  for (int i = f.axis.lo; i <= f.axis.hi; ++i) {
    widest = std::max(widest, TextWidth(f.axis.Tick(i), kFontSize));
  }
  f.left = kTicksStart + widest + kTickGap;
  return f;
}

std::string ValueGrid(const Frame& f, const std::string& unit) {
  std::string out;
  for (int i = f.axis.lo; i <= f.axis.hi; ++i) {
    const double y = f.Y(i * f.axis.step);
    absl::StrAppend(&out, SvgLine(f.left, y, kRight, y, i == 0 ? kAxisColor : kGridColor),
                    SvgText(f.left - kTickGap, y + 4, Anchor::kEnd, f.axis.Tick(i)));
  }
  absl::StrAppend(&out, "<text transform=\"translate(", Px(kUnitBaseline), " ",
                  Px((kTop + kBottom) / 2), ") rotate(-90)\" text-anchor=\"middle\">",
                  EscapeHtml(unit), "</text>\n");
  return out;
}

std::string YearAxis(const Frame& f) {
  // Every year has a tick; labels go on every n-th, as many as their width lets through.
  const int every =
      static_cast<int>(std::ceil((TextWidth("0000", kFontSize) + kTickGap) / f.Slot()));
  std::string out = SvgLine(f.left, kBottom, kRight, kBottom, kAxisColor);
  for (int i = 0; i < f.years; ++i) {
    const double x = f.X(f.first_year + i);
    out += SvgLine(x, kBottom, x, kBottom + 5, kAxisColor);
    if (i % every == 0) {
      out += SvgText(x, kBottom + 20, Anchor::kMiddle, absl::StrCat(f.first_year + i));
    }
  }
  return out + SvgText((f.left + kRight) / 2, kBottom + 46, Anchor::kMiddle, "Year");
}

// A bar's status marker (* or ~, and p) above it, higher up where a neighbour's is in the way,
// and left out where there is no room: the bar's tooltip and the table still say it.
std::string Mark(double x, double top, const std::string& mark, TextLayout& layout) {
  for (double y = top - 4; y > top - 40; y -= 12) {
    if (layout.Take(TextBox(x, y, Anchor::kMiddle, mark, kFontSize))) {
      return SvgText(x, y, Anchor::kMiddle, mark);
    }
  }
  return "";
}

// One bar, with its value as a tooltip and its status marker above it.
std::string Bar(const Frame& f, double x, double width, double value, const char* color,
                const std::string& tip, const std::string& mark, TextLayout& layout) {
  const double top = f.Y(std::max(value, 0.0)), base = f.Y(std::min(value, 0.0));
  std::string out = absl::StrCat("<rect x=\"", Px(x), "\" y=\"", Px(top), "\" width=\"", Px(width),
                                 "\" height=\"", Px(base - top), "\" fill=\"", color, "\"><title>",
                                 EscapeHtml(tip), "</title></rect>\n");
  if (!mark.empty()) out += Mark(x + width / 2, top, mark, layout);
  return out;
}

std::string Bars(const Frame& f, const v1::AnalyzeBalanceResponse& b, int scale,
                 TextLayout& layout) {
  const double width = std::min(f.Slot() * 0.32, 36.0);
  std::string out;
  for (const v1::BalanceYear& y : b.years()) {
    const double x = f.X(y.year());
    if (y.has_exports()) {
      const std::string mark = StatusMark(y.export_status(), y.export_partial());
      out += Bar(f, x - width - 1, width, Plotted(y.exports(), scale), kExportColor,
                 absl::StrCat(y.year(), " exports: ", Amount(true, y.exports(), scale), mark), mark,
                 layout);
    }
    if (y.has_imports()) {
      const std::string mark = StatusMark(y.import_status(), y.import_partial());
      out += Bar(f, x + 1, width, Plotted(y.imports(), scale), kImportColor,
                 absl::StrCat(y.year(), " imports: ", Amount(true, y.imports(), scale), mark), mark,
                 layout);
    }
  }
  return out;
}

// The years whose balance carries its value: the first, the last and the extremes, each once.
// The table has every year; on a long series a label on each would overlap into a band.
std::vector<const v1::BalanceYear*> LabelledYears(const v1::AnalyzeBalanceResponse& b) {
  std::vector<const v1::BalanceYear*> with;
  for (const v1::BalanceYear& y : b.years()) {
    if (y.has_balance()) with.push_back(&y);
  }
  if (with.empty()) return {};
  const auto [min, max] = std::minmax_element(
      with.begin(), with.end(), [](const v1::BalanceYear* a, const v1::BalanceYear* b) {
        return Plotted(a->balance(), 0) < Plotted(b->balance(), 0);
      });
  std::vector<const v1::BalanceYear*> out;
  for (const v1::BalanceYear* y : {with.front(), with.back(), *min, *max}) {
    if (std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
  }
  return out;
}

// A balance's value by its marker: below a deficit, above a surplus, on the other side when
// that is taken, and left out when both are. A white halo keeps it legible across a bar.
std::string BalanceLabel(const Frame& f, const v1::BalanceYear& y, int scale, TextLayout& layout) {
  const std::string text = Amount(true, y.balance(), scale);
  const double value = Plotted(y.balance(), scale), v = f.Y(value);
  const double half = TextWidth(text, kLabelFontSize) / 2;
  const double x = std::clamp(f.X(y.year()), f.left + half, kWidth - half);
  const double below = v + 20, above = v - 10;
  for (double baseline : value < 0 ? std::array{below, above} : std::array{above, below}) {
    if (layout.Take(TextBox(x, baseline, Anchor::kMiddle, text, kLabelFontSize))) {
      return SvgText(x, baseline, Anchor::kMiddle, text,
                     " font-size=\"11\" stroke=\"#ffffff\" stroke-width=\"3\" "
                     "paint-order=\"stroke\"");
    }
  }
  return "";
}

// Markers for every year with a balance, joined only between adjacent years: a line across a
// gap would invent the years in between.
std::string BalanceMarkers(const Frame& f, const v1::AnalyzeBalanceResponse& b, int scale,
                           TextLayout& layout) {
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
        "</title></path>\n");
    previous = &y;
  }
  std::string labels;
  for (const v1::BalanceYear* y : LabelledYears(b)) labels += BalanceLabel(f, *y, scale, layout);
  return lines + markers + labels;
}

std::string Legend(const Frame& f) {
  std::string out;
  double x = f.left;
  for (auto [color, name] :
       {std::pair{kExportColor, "Exports"}, std::pair{kImportColor, "Imports"}}) {
    absl::StrAppend(&out, "<rect x=\"", Px(x), "\" y=\"14\" width=\"14\" height=\"14\" fill=\"",
                    color, "\"/>\n", SvgText(x + 20, 26, Anchor::kStart, name));
    x += 100;
  }
  absl::StrAppend(&out, "<path d=\"", Diamond(x + 7, 21, 6), "\" fill=\"", kBalanceColor, "\"/>\n",
                  SvgText(x + 20, 26, Anchor::kStart, "Balance (exports minus imports)"));
  return out;
}
}  // namespace

std::string ChartTitle(const ReportData& d) {
  const v1::AnalyzeBalanceResponse& b = d.balance;
  return absl::StrCat("Figure 1. ", EconomyTitle(b.reporter()), ": exports to and imports from ",
                      EconomyTitle(b.partner()), ", ",
                      ProductTitle(b.product_code(), d.product_description), ", ",
                      UnitText(d.scale, b.currency_code()));
}

std::string ChartSvg(const ReportData& data, bool standalone) {
  const v1::AnalyzeBalanceResponse& balance = data.balance;
  std::string out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
  absl::StrAppend(&out, "<svg", standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "",
                  " width=\"", kWidth, "\" height=\"", kHeight, "\" viewBox=\"0 0 ", kWidth, " ",
                  kHeight,
                  "\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\" "
                  "fill=\"#1a202c\">\n<title>",
                  EscapeHtml(ChartTitle(data)), "</title>\n");
  if (balance.years().empty()) {
    return out + SvgText(kWidth / 2, kHeight / 2, Anchor::kMiddle, "No data") + "</svg>\n";
  }
  const Frame f = FrameFor(balance, data.scale);
  // Labels inside the plot: below the legend, above the year axis, right of the tick labels.
  TextLayout layout(Box{f.left, kLegendBottom, kWidth, kBottom - 1});
  // The bars' markers take their places first: a balance label gives way to them.
  const std::string bars = Bars(f, balance, data.scale, layout);
  absl::StrAppend(&out, ValueGrid(f, UnitText(data.scale, balance.currency_code())), YearAxis(f),
                  bars, BalanceMarkers(f, balance, data.scale, layout), Legend(f), "</svg>\n");
  return out;
}

}  // namespace culturetrade::report
