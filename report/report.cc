// The Markdown and HTML writers of `ctrade report` and its public functions (report.h): the
// document model (report_document.h) says what the report holds, the chart (report_chart.h)
// draws Figure 1, and this file only renders blocks.
#include "report/report.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "report/report_document.h"

namespace culturetrade::report {
namespace {

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
      return absl::StrCat("<figure>\n", ChartSvg(d, /*standalone=*/false), "<figcaption>",
                          EscapeHtml(b.text), "</figcaption>\n</figure>\n");
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

std::string ReportMarkdown(const ReportData& data, const std::string& chart_file) {
  // Kept alive: the loop below reads its blocks.
  const Document doc = Build(data);
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

}  // namespace culturetrade::report
