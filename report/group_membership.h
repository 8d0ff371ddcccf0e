// An answer's economy groups as runs of years with the same membership: what ctrade's tables
// and the report list, rather than a row a year for a group that changes once in a decade.
#ifndef CULTURETRADE_REPORT_GROUP_MEMBERSHIP_H_
#define CULTURETRADE_REPORT_GROUP_MEMBERSHIP_H_

#include <string>
#include <vector>

#include "culturetrade/v1/aggregation.pb.h"

namespace culturetrade::report {

// A group's members over consecutive years in which neither who belongs nor who has flows
// changes.
struct MembershipSpan {
  std::string group;
  int first_year = 0;
  int last_year = 0;
  std::vector<std::string> contributing;  // whose flows count in those years
  std::vector<std::string> silent;        // members with no flow in them
};

// The compositions of `report` in its order, a group's consecutive years with the same
// contributing and silent members merged into one span.
std::vector<MembershipSpan> MembershipSpans(const v1::AggregationReport& report);

// "2004" or "2004-2006" (a hyphen, one column wide in a terminal's table).
std::string SpanYears(const MembershipSpan& span);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_GROUP_MEMBERSHIP_H_
