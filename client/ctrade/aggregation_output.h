// What `ctrade analyze` adds for economy groups, product concordances and constant prices: the
// options that set a request's `aggregation`, and the tables of an answer's AggregationReport
// printed after the analysis' own.
#ifndef CULTURETRADE_CLIENT_CTRADE_AGGREGATION_OUTPUT_H_
#define CULTURETRADE_CLIENT_CTRADE_AGGREGATION_OUTPUT_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/output.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "google/protobuf/message.h"

namespace culturetrade::ctrade {

// --concordance ID and --constant-prices INDEX:BASE_YEAR, with their help.
const std::vector<std::pair<std::string, std::string>>& AggregationOptions();
// Only --constant-prices, for analyses of data without product codes.
const std::vector<std::pair<std::string, std::string>>& ConstantPricesOptions();

// Sets the `aggregation` field of `request` from those options, when either is given; a usage
// error for a malformed one.
absl::Status SetAggregation(const OptionReader& o, google::protobuf::Message& request);

// The tables of `report` (groups' members by year, unmapped products, the price basis); none
// for an empty report. `plain` (CSV) gives a row a year and plain numbers.
std::vector<Table> AggregationTables(const v1::AggregationReport& report, bool plain);

// Prints the AggregationReport of `response`, if it has one, after the analysis' table: in
// tables for people, or as CSV tables each after a blank line.
void PrintAggregation(const google::protobuf::Message& response, Format format, std::ostream& out);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_AGGREGATION_OUTPUT_H_
