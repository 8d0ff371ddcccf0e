// `ctrade report`'s document model: the report as an ordered list of blocks (title, headings,
// paragraphs, lists, numbered tables, the chart, the footer), built from the analyses'
// responses. The Markdown and HTML writers each render the same blocks, so the two files say
// the same things; building is pure and gives the same blocks for the same data.
#ifndef CULTURETRADE_REPORT_REPORT_DOCUMENT_H_
#define CULTURETRADE_REPORT_REPORT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "report/report.h"
#include "report/table.h"

namespace culturetrade::report {

struct Block {
  enum class Kind { kTitle, kHeading, kParagraph, kList, kTable, kChart, kFooter };
  Kind kind = Kind::kParagraph;
  std::string text;   // the heading, paragraph or footer; a table's or the chart's caption
  std::string label;  // a paragraph's or list's bold lead-in; the chart's alternative text
  std::vector<std::string> items;
  Table table;
  size_t text_columns = 1;  // the leading columns of words; the others hold numbers
};

using Kind = Block::Kind;

class Document {
 public:
  void Add(Kind kind, std::string text, std::string label = "") {
    blocks_.push_back(Block{kind, std::move(text), std::move(label), {}, {}, 1});
  }
  void List(std::string label, std::vector<std::string> items) {
    blocks_.push_back(Block{Kind::kList, "", std::move(label), std::move(items), {}, 1});
  }
  // Tables are numbered in order, whichever sections a dataset leaves out.
  void AddTable(const std::string& caption, Table table, size_t text_columns);
  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  std::vector<Block> blocks_;
  int tables_ = 0;
};

// "Trade in TV_DRAMAS: CHN with KOR": the report's title.
std::string Title(const ReportData& data);

// The whole report: introduction, chart, balance, spikes, deal prices, projection, spillover,
// cited facts and footer, each section saying why it is empty when an analysis was skipped.
Document Build(const ReportData& data);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_REPORT_DOCUMENT_H_
