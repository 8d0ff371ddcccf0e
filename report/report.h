// `ctrade report`'s rendering: from the responses of the analyses a report runs to a Markdown
// file, a self-contained HTML file and an SVG chart. Pure functions, no I/O, so that golden
// files can pin the output down; report_command.cc does the calls and the writing.
#ifndef CULTURETRADE_REPORT_REPORT_H_
#define CULTURETRADE_REPORT_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset.pb.h"

namespace culturetrade::report {

// An analysis of the report: its response, or the sentence saying why it was left out.
template <typename Response>
struct ReportPart {
  std::optional<Response> response;
  std::string skipped;
};

// One of the dataset's multipliers applied to its own economy's exports to the world.
struct SpilloverPart {
  v1::Multiplier multiplier;
  int year = 0;  // the year of the exports it was applied to
  ReportPart<v1::EstimateSpilloverResponse> result;
};

struct ReportData {
  v1::Dataset dataset;  // metadata, sources, multipliers and cited facts
  // The flows' description of the report's product ("Television dramas"), when the dataset
  // has one: titles name the product by it.
  std::string product_description;
  int scale = 0;  // the power of ten amounts are shown in (6: millions)
  v1::AnalyzeBalanceResponse balance;
  ReportPart<v1::AnalyzeGrowthResponse> export_growth;
  ReportPart<v1::AnalyzeGrowthResponse> import_growth;
  ReportPart<v1::AnalyzeDealPricesResponse> deals;
  std::string origin_gap_skipped;  // why the deals have no gap between origins, when they don't
  ReportPart<v1::ProjectBalanceResponse> projection;
  int close_by_year = 0;
  std::vector<SpilloverPart> spillovers;
};

// Figure 1: exports and imports as bars by year, the balance as markers, in the data's scale.
// `standalone` adds the XML declaration and namespace a separate .svg file needs (inline SVG in
// HTML does without).
std::string ChartSvg(const ReportData& data, bool standalone);
// The report in Markdown, with the chart as an image link to `chart_file`.
std::string ReportMarkdown(const ReportData& data, const std::string& chart_file);
// The report as one HTML file with its style and chart inline.
std::string ReportHtml(const ReportData& data);

// Text for HTML or XML: & < > " ' as entities.
std::string EscapeHtml(const std::string& text);
// Text for Markdown, table cells included: markup characters and | backslash-escaped, line
// breaks as spaces.
std::string EscapeMarkdown(const std::string& text);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_REPORT_H_
