// ctrade report's renderers on hand-built responses: the study's report against golden files,
// escaping, left-out sections, and the chart's gaps and well-formedness.
//
// To regenerate the golden files after an intended change, run with CT_UPDATE_GOLDEN=1 and
// read the diff before keeping it.
#include "report/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/text_format.h"

namespace culturetrade::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

template <typename Message>
Message Parse(const std::string& text) {
  Message m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

v1::Dataset StudyDataset() {
  return Parse<v1::Dataset>(R"pb(
    name: "datasets/china-korea-tv-dramas"
    display_name: "China - South Korea trade in TV dramas, 2010-2016"
    description: "China's exports of TV dramas to South Korea and imports of Korean TV "
                 "dramas, in yuan. 2013 imports are derived from the stated 2014 growth."
    sources {
      title: "The cultural trade deficit between China and South Korea: TV dramas, 2010-2016"
      locator: "Section I; Figure 1"
    }
    etag: "1"
    update_time { seconds: 1795890000 }
    multipliers {
      id: "kexim-2012"
      economy: "KOR"
      cultural_exports { currency_code: "USD" units: 100 }
      induced_exports { currency_code: "USD" units: 412 }
      year: 2012
      source { title: "Korea Export-Import Bank" locator: "Section II.A" }
    }
    multipliers {
      id: "cn-guess"
      economy: "CHN"
      cultural_exports { currency_code: "CNY" units: 100 }
      induced_exports { currency_code: "CNY" units: 150 }
      year: 2015
      source { title: "An illustrative multiplier" }
    }
    cited_facts {
      id: "actor-pay-share"
      subject: "China, film and television production"
      statement: "pay of second-line actors as a share of the cost of production"
      value: "75"
      unit: "percent"
      qualifier: "as high as"
      source {
        title: "The cultural trade deficit between China and South Korea: TV dramas, 2010-2016"
        locator: "Section II.C"
        quote: "The pay is even as high as 75% of the cost of film and television production."
      }
    }
  )pb");
}

v1::AnalyzeBalanceResponse StudyBalance() {
  return Parse<v1::AnalyzeBalanceResponse>(R"pb(
    reporter: "CHN"
    partner: "KOR"
    product_code: "TV_DRAMAS"
    currency_code: "CNY"
    years {
      year: 2010
      exports { currency_code: "CNY" units: 4070000 }
      imports { currency_code: "CNY" units: 20920000 }
      balance { currency_code: "CNY" units: -16850000 }
      total_trade { currency_code: "CNY" units: 24990000 }
      coverage_ratio: 0.19455066921606118
      normalized_balance: -0.67426970788315321
      export_status: VALUE_STATUS_REPORTED
      import_status: VALUE_STATUS_REPORTED
    }
    years {
      year: 2013
      imports { currency_code: "CNY" units: 74040000 }
      import_status: VALUE_STATUS_DERIVED
    }
    years {
      year: 2014
      imports { currency_code: "CNY" units: 441290000 }
      import_growth: 4.9601566720691519
      import_status: VALUE_STATUS_REPORTED
    }
    years {
      year: 2016
      exports { currency_code: "CNY" units: 16960000 }
      imports { currency_code: "CNY" units: 289830000 }
      balance { currency_code: "CNY" units: -272870000 }
      total_trade { currency_code: "CNY" units: 306790000 }
      coverage_ratio: 0.058517061725839287
      normalized_balance: -0.88943577039668831
      export_status: VALUE_STATUS_REPORTED
      import_status: VALUE_STATUS_REPORTED
    }
    export_growth {
      start_year: 2010
      end_year: 2016
      start_value { currency_code: "CNY" units: 4070000 }
      end_value { currency_code: "CNY" units: 16960000 }
      rate: 0.26854313619559478
    }
    import_growth {
      start_year: 2010
      end_year: 2016
      start_value { currency_code: "CNY" units: 20920000 }
      end_value { currency_code: "CNY" units: 289830000 }
      rate: 0.54975700989708787
    }
    dataset_etag: "1"
    cumulative_balance { currency_code: "CNY" units: -289720000 }
    cumulative_balance_years: [ 2010, 2016 ]
  )pb");
}

v1::AnalyzeDealPricesResponse StudyDeals() {
  return Parse<v1::AnalyzeDealPricesResponse>(R"pb(
    currency_code: "USD"
    by_title {
      key: "Chinese TV drama abroad, typical price (illustrative)"
      count: 1
      min { currency_code: "USD" units: 451 nanos: 535219747 }
      median { currency_code: "USD" units: 451 nanos: 535219747 }
      max { currency_code: "USD" units: 451 nanos: 535219747 }
      weakest_status: VALUE_STATUS_ESTIMATED
    }
    by_title {
      key: "Descendants of the Sun"
      count: 1
      min { currency_code: "USD" units: 230000 }
      median { currency_code: "USD" units: 230000 }
      max { currency_code: "USD" units: 230000 }
      weakest_status: VALUE_STATUS_REPORTED
    }
    by_title {
      key: "You from the Stars"
      count: 1
      min { currency_code: "USD" units: 40000 }
      median { currency_code: "USD" units: 40000 }
      max { currency_code: "USD" units: 40000 }
      weakest_status: VALUE_STATUS_REPORTED
    }
    by_origin {
      key: "CHN"
      count: 1
      min { currency_code: "USD" units: 451 nanos: 535219747 }
      median { currency_code: "USD" units: 451 nanos: 535219747 }
      max { currency_code: "USD" units: 451 nanos: 535219747 }
      weakest_status: VALUE_STATUS_ESTIMATED
    }
    by_origin {
      key: "KOR"
      count: 2
      min { currency_code: "USD" units: 40000 }
      median { currency_code: "USD" units: 135000 }
      max { currency_code: "USD" units: 230000 }
      weakest_status: VALUE_STATUS_REPORTED
    }
    title_ratio {
      numerator_title: "Descendants of the Sun"
      denominator_title: "You from the Stars"
      ratio: 5.75
    }
    origin_gap {
      origin_a: "KOR"
      origin_b: "CHN"
      median_a { currency_code: "USD" units: 135000 }
      median_b { currency_code: "USD" units: 451 nanos: 535219747 }
      median_ratio: 298.98
      ratio_to_b_max: 298.98
      ratio_to_b_min: 298.98
      lowest_ratio: 88.59
      highest_ratio: 509.38
    }
  )pb");
}

v1::ProjectBalanceResponse StudyProjection() {
  return Parse<v1::ProjectBalanceResponse>(R"pb(
    base_year: 2016
    export_growth: 0.26854313619559478
    import_growth: 0.54975700989708787
    basis: GROWTH_BASIS_COMPOUND
    currency_code: "CNY"
    years {
      year: 2017
      exports { currency_code: "CNY" units: 21514491 nanos: 589877287 }
      imports { currency_code: "CNY" units: 449166074 nanos: 178472977 }
      balance { currency_code: "CNY" units: -427651582 nanos: -588595690 }
    }
    years {
      year: 2018
      exports { currency_code: "CNY" units: 27292060 nanos: 635076682 }
      imports { currency_code: "CNY" units: 696098272 nanos: 66043848 }
      balance { currency_code: "CNY" units: -668806211 nanos: -430967166 }
    }
    never_closes_reason: "imports grow at least as fast as exports "
                         "(54.98 % \xe2\x89\xa5 26.85 % a year)"
    required_export_growth: 1.0584264716706269
  )pb");
}

ReportData Study() {
  ReportData d;
  d.dataset = StudyDataset();
  d.product_description = "Television dramas";
  d.scale = 6;
  d.balance = StudyBalance();
  d.export_growth.response = Parse<v1::AnalyzeGrowthResponse>(R"pb(
    currency_code: "CNY"
    spike_threshold: 1
  )pb");
  d.import_growth.response = Parse<v1::AnalyzeGrowthResponse>(R"pb(
    currency_code: "CNY"
    spike_threshold: 1
    spikes { year: 2014 growth: 4.9601566720691519 }
  )pb");
  d.deals.response = StudyDeals();
  d.projection.response = StudyProjection();
  d.close_by_year = 2026;
  SpilloverPart korea{d.dataset.multipliers(0), 2013, {}};
  korea.result.response = Parse<v1::EstimateSpilloverResponse>(R"pb(
    cultural_exports { currency_code: "USD" units: 150000000 }
    induced_exports { currency_code: "USD" units: 618000000 }
  )pb");
  *korea.result.response->mutable_multiplier() = d.dataset.multipliers(0);
  SpilloverPart china{d.dataset.multipliers(1), 0, {}};
  china.result.skipped = "the dataset has no exports of TV_DRAMAS from CHN to WLD";
  d.spillovers = {korea, china};
  return d;
}

std::string GoldenPath(const std::string& name) { return std::string(CT_GOLDEN_DIR) + "/" + name; }

// Compares `actual` with the golden file, or rewrites the file under CT_UPDATE_GOLDEN=1.
void ExpectGolden(const std::string& name, const std::string& actual) {
  if (getenv("CT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(GoldenPath(name), std::ios::binary) << actual;
    return;
  }
  std::ifstream in(GoldenPath(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << GoldenPath(name);
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(actual, golden.str()) << name << " differs; rerun with CT_UPDATE_GOLDEN=1 to see how";
}

// A tiny XML check: tags nest and close, attributes are quoted, & starts a known entity.
bool WellFormed(const std::string& xml, std::string* error) {
  std::vector<std::string> open;
  for (size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '&') {
      const size_t end = xml.find(';', i);
      const std::string entity = end == std::string::npos ? "" : xml.substr(i, end - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;") {
        *error = "bad entity at " + std::to_string(i);
        return false;
      }
    }
    if (xml[i] != '<') continue;
    const size_t end = xml.find('>', i);
    if (end == std::string::npos) return (*error = "unclosed <", false);
    const std::string tag = xml.substr(i + 1, end - i - 1);
    i = end;
    if (tag.front() == '?') continue;
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return (*error = "stray </" + tag, false);
      open.pop_back();
      continue;
    }
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0)
      return (*error = "quote in <" + tag, false);
    if (tag.back() != '/') open.push_back(tag.substr(0, tag.find(' ')));
  }
  if (!open.empty()) *error = "unclosed <" + open.back();
  return open.empty();
}

TEST(ReportTest, StudyMarkdownMatchesGolden) {
  ExpectGolden("report.md", ReportMarkdown(Study(), "chart.svg"));
}

TEST(ReportTest, StudyHtmlMatchesGolden) { ExpectGolden("report.html", ReportHtml(Study())); }

TEST(ReportTest, StudyChartMatchesGolden) {
  ExpectGolden("chart.svg", ChartSvg(Study(), /*standalone=*/true));
}

TEST(ReportTest, StudyFiguresAreThere) {
  for (const std::string& text : {ReportMarkdown(Study(), "chart.svg"), ReportHtml(Study())}) {
    EXPECT_THAT(text, HasSubstr("+26.85% a year"));
    EXPECT_THAT(text, HasSubstr("+54.98% a year"));
    EXPECT_THAT(text, HasSubstr("-272.87"));
    EXPECT_THAT(text, HasSubstr("5.75x"));
    EXPECT_THAT(text, HasSubstr("2014 (+496.02%)"));
    EXPECT_THAT(text, HasSubstr("618.00"));
    EXPECT_THAT(text, HasSubstr("Export growth needed to close it by 2026: +105.84% a year."));
    EXPECT_THAT(text, HasSubstr("as high as 75 percent"));
    EXPECT_THAT(text, HasSubstr("2026-11-28"));  // the dataset's update time, the only time
  }
}

TEST(ReportTest, DerivedAndEstimatedValuesAreMarked) {
  const std::string md = ReportMarkdown(Study(), "chart.svg");
  EXPECT_THAT(md, HasSubstr("| 2013 | - | 74.04\\* | - |"));
  EXPECT_THAT(md, HasSubstr("| origin | CHN\\~ |"));
  const std::string html = ReportHtml(Study());
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">74.04*</td>"));
}

TEST(ReportTest, HtmlIsSelfContained) {
  const std::string html = ReportHtml(Study());
  for (const char* outside : {"http://", "https://", "<script", "<link", "src=", "@import"}) {
    EXPECT_THAT(html, Not(HasSubstr(outside))) << outside;
  }
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, HasSubstr("<svg width="));
}

TEST(ReportTest, EscapesText) {
  EXPECT_EQ(EscapeHtml("a & b < c > d \"e\" 'f'"),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  EXPECT_EQ(EscapeMarkdown("a | b *c* [d](e) <f>\nnext"),
            "a \\| b \\*c\\* \\[d\\](e) \\<f\\> next");
}

TEST(ReportTest, EscapesTheDatasText) {
  ReportData d = Study();
  d.dataset.set_display_name("Dramas <script>alert('x')</script> & more");
  v1::CitedFact* f = d.dataset.mutable_cited_facts(0);
  f->set_subject("Pipes | in a cell");
  f->mutable_source()->set_quote("\"quoted\" & <b>bold</b>");
  const std::string html = ReportHtml(d);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("Dramas &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
  EXPECT_THAT(html, HasSubstr("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
  const std::string md = ReportMarkdown(d, "chart.svg");
  EXPECT_THAT(md, HasSubstr("| Pipes \\| in a cell: "));
  EXPECT_THAT(md, HasSubstr("\\<script\\>"));
}

TEST(ReportTest, LeftOutSectionsSayWhy) {
  ReportData d = Study();
  d.deals = {std::nullopt, "the dataset has no deals"};
  d.projection = {std::nullopt, "no year has both exports and imports to project from"};
  d.export_growth = {std::nullopt, "no exports"};
  d.dataset.clear_cited_facts();
  const std::string md = ReportMarkdown(d, "chart.svg");
  EXPECT_THAT(md, HasSubstr("No deal prices are shown: the dataset has no deals."));
  EXPECT_THAT(md, HasSubstr("No projection is shown: no year has both exports and imports to "
                            "project from."));
  EXPECT_THAT(md, HasSubstr("- exports: not analysed, no exports"));
  EXPECT_THAT(md, HasSubstr("The multiplier cn-guess (CHN) is not applied: the dataset has no "
                            "exports of TV\\_DRAMAS from CHN to WLD."));
  EXPECT_THAT(md, HasSubstr("The dataset cites no facts"));
}

TEST(ReportTest, ChartShowsGapsAsGaps) {
  const std::string svg = ChartSvg(Study(), /*standalone=*/false);
  // Two years of exports and four of imports: six bars, none for 2011, 2012 or 2015.
  size_t bars = 0;
  for (absl::string_view line : absl::StrSplit(svg, '\n')) {
    if (absl::StartsWith(line, "<rect") && absl::StrContains(line, "<title>")) ++bars;
  }
  EXPECT_EQ(bars, 6u);
  EXPECT_THAT(svg, Not(HasSubstr("2011 exports")));
  EXPECT_THAT(svg, Not(HasSubstr("2013 exports")));
  EXPECT_THAT(svg, HasSubstr(">2011</text>"));  // the gap year still has its tick
  EXPECT_THAT(svg, HasSubstr("2013 imports: 74.04*"));
  EXPECT_THAT(svg, HasSubstr(">millions of CNY</text>"));
  EXPECT_THAT(svg, HasSubstr(">-272.87</text>"));
  EXPECT_THAT(svg, Not(HasSubstr("xmlns")));
}

TEST(ReportTest, TitlesNameTheEconomiesAndTheProduct) {
  const std::string html = ReportHtml(Study());
  EXPECT_THAT(html, HasSubstr("<h1>Trade in television dramas: China with South Korea</h1>"));
  EXPECT_THAT(html, HasSubstr("Figure 1. China: exports to and imports from South Korea, "
                              "television dramas, millions of CNY"));
  EXPECT_THAT(html, HasSubstr("Table 1. China with South Korea, television dramas"));
  EXPECT_THAT(html, HasSubstr("Cumulative balance (2010, 2016)"));
}

TEST(ReportTest, ChartIsWellFormedXml) {
  for (bool standalone : {true, false}) {
    std::string error;
    EXPECT_TRUE(WellFormed(ChartSvg(Study(), standalone), &error)) << error;
  }
  std::string error;
  EXPECT_TRUE(WellFormed(ChartSvg(ReportData(), true), &error)) << error;
  EXPECT_THAT(ChartSvg(Study(), true), HasSubstr("xmlns=\"http://www.w3.org/2000/svg\""));
}

TEST(ReportTest, SameInputSameBytes) {
  EXPECT_EQ(ReportHtml(Study()), ReportHtml(Study()));
  EXPECT_EQ(ReportMarkdown(Study(), "chart.svg"), ReportMarkdown(Study(), "chart.svg"));
}

}  // namespace
}  // namespace culturetrade::report
