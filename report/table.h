// A table as ctrade and its report show it: a header, rows of cells already formatted, and
// notes. Both the terminal (ctrade's output.h) and the report's renderers draw it.
#ifndef CULTURETRADE_REPORT_TABLE_H_
#define CULTURETRADE_REPORT_TABLE_H_

#include <string>
#include <vector>

namespace culturetrade::report {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Table format only: lines printed under the table (notes, summaries).
  std::vector<std::string> notes;
  // Table format only: the line above the table, saying what it shows and in which unit.
  std::string caption;
};

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_TABLE_H_
