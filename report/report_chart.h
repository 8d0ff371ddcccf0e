// Figure 1 of `ctrade report` as SVG: exports and imports as bars on a year axis where a year
// without data is a gap, the balance as markers, and a legend (ChartSvg in report.h draws it).
// The drawing depends only on the balance response and the scale, so it is byte for byte the
// same on every run.
#ifndef CULTURETRADE_REPORT_REPORT_CHART_H_
#define CULTURETRADE_REPORT_REPORT_CHART_H_

#include <string>

#include "culturetrade/v1/analysis_service.pb.h"

namespace culturetrade::report {

// "Figure 1. CHN exports to and imports from KOR, TV_DRAMAS, millions of USD": the chart's
// title, which the report also uses as its caption and alternative text.
std::string ChartTitle(const v1::AnalyzeBalanceResponse& balance, int scale);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_REPORT_CHART_H_
