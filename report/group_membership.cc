#include "report/group_membership.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace culturetrade::report {
namespace {

bool Same(const MembershipSpan& span, const v1::GroupComposition& year) {
  return span.group == year.group() && span.last_year + 1 == year.year() &&
         std::equal(span.contributing.begin(), span.contributing.end(),
                    year.contributing_members().begin(), year.contributing_members().end()) &&
         std::equal(span.silent.begin(), span.silent.end(), year.silent_members().begin(),
                    year.silent_members().end());
}

}  // namespace

std::vector<MembershipSpan> MembershipSpans(const v1::AggregationReport& report) {
  std::vector<MembershipSpan> spans;
  for (const v1::GroupComposition& year : report.groups()) {
    if (!spans.empty() && Same(spans.back(), year)) {
      spans.back().last_year = year.year();
      continue;
    }
    spans.push_back({year.group(),
                     year.year(),
                     year.year(),
                     {year.contributing_members().begin(), year.contributing_members().end()},
                     {year.silent_members().begin(), year.silent_members().end()}});
  }
  return spans;
}

std::string SpanYears(const MembershipSpan& span) {
  if (span.first_year == span.last_year) return absl::StrCat(span.first_year);
  return absl::StrCat(span.first_year, "-", span.last_year);
}

}  // namespace culturetrade::report
