// Figure 1 of `ctrade report` as SVG: exports and imports as bars on a year axis where a year
// without data is a gap, the balance as markers, and a legend (ChartSvg in report.h draws it).
// The drawing depends only on the balance response, the scale and the names, so it is byte for
// byte the same on every run. Its margins and labels are laid out from estimated text widths
// (text_boxes.h), so that no text is cut off at an edge and no two labels overlap.
#ifndef CULTURETRADE_REPORT_REPORT_CHART_H_
#define CULTURETRADE_REPORT_REPORT_CHART_H_

#include <string>

#include "report/report.h"

namespace culturetrade::report {

// "Figure 1. China: exports to and imports from South Korea, television dramas, millions of
// CNY": the chart's title, which the report also uses as its caption and alternative text.
std::string ChartTitle(const ReportData& data);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_REPORT_CHART_H_
