// Reads economy groups from a CSV file, one row a member's spell in a group:
//
//   group,economy,first_year,last_year[,group_name]
//   EU_CORE,DEU,1995,,Founding members
//
// A blank first year means the economy always belonged, a blank last year that it still does.
// A group's name may be on any of its rows, but not two different names; an economy's spells in
// one group must not overlap. Errors name the line and the column at fault.
#ifndef CULTURETRADE_IMPORT_GROUP_CSV_H_
#define CULTURETRADE_IMPORT_GROUP_CSV_H_

#include <istream>
#include <vector>

#include "absl/status/statusor.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

struct GroupCsv {
  std::vector<v1::CountryGroup> groups;  // in the order the file first names them
  CsvReport report;
};

// `delimiter` 0 detects it from the header.
absl::StatusOr<GroupCsv> ReadGroupsCsv(std::istream& in, char delimiter = 0);

// Whether `code` may name a dataset's group: 3 to 12 capital letters, digits or `_`, and not a
// built-in group (WLD, EUU); the error says which rule it breaks.
absl::Status CheckGroupCode(absl::string_view code);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_GROUP_CSV_H_
