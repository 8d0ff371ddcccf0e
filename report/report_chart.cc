#include "report/report_chart.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report/report.h"
#include "report/value_format.h"

namespace culturetrade::report {
namespace {

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
      const std::string mark = StatusMark(y.export_status(), y.export_partial());
      out +=
          Bar(f, x - width - 1, width, Plotted(y.exports(), scale), kExportColor,
              absl::StrCat(y.year(), " exports: ", Amount(true, y.exports(), scale), mark), mark);
    }
    if (y.has_imports()) {
      const std::string mark = StatusMark(y.import_status(), y.import_partial());
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
}  // namespace

std::string ChartTitle(const v1::AnalyzeBalanceResponse& b, int scale) {
  return absl::StrCat("Figure 1. ", b.reporter(), " exports to and imports from ", b.partner(),
                      ", ", b.product_code(), ", ", UnitText(scale, b.currency_code()));
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

}  // namespace culturetrade::report
