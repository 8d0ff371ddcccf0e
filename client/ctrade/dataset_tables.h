// The economy groups, product concordances and price indexes `ctrade datasets create` stores
// with a dataset, read from the CSV files its options name. A stored dataset cannot change
// apart from added flows, so creation is where they go.
#ifndef CULTURETRADE_CLIENT_CTRADE_DATASET_TABLES_H_
#define CULTURETRADE_CLIENT_CTRADE_DATASET_TABLES_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "client/ctrade/commands.h"
#include "culturetrade/v1/dataset.pb.h"

namespace culturetrade::ctrade {

struct DatasetTables {
  // Only country_groups, product_concordances and price_indexes are set.
  v1::Dataset tables;
  // What each file held, a line each: "groups.csv: 2 economy groups, 30 spells".
  std::vector<std::string> read;
};

// Reads the files of --groups FILE, --concordance ID=FILE[,SETTING=VALUE...] and
// --price-index ID=FILE[,SETTING=VALUE...], each of which may be given more than once. A bad
// option is a usage error; a bad file an error naming it, its line and its column.
absl::StatusOr<DatasetTables> ReadDatasetTables(Context& c);

// Those options and their help.
const std::vector<std::pair<std::string, std::string>>& DatasetTableOptions();

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_DATASET_TABLES_H_
