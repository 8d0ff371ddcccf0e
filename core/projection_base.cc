#include "core/projection_base.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::StatusOr<ProjectionBase> FindProjectionBase(const AnnualSeries& exports,
                                                  const AnnualSeries& imports, int asked) {
  if (asked != 0) {
    const YearValue* x = exports.Find(asked);
    const YearValue* m = imports.Find(asked);
    if (x == nullptr || m == nullptr) {
      return absl::FailedPreconditionError(
          absl::StrCat("the base year ", asked, " needs both exports and imports"));
    }
    return ProjectionBase{asked, x->value, m->value};
  }
  for (auto x = exports.years().rbegin(); x != exports.years().rend(); ++x) {
    if (const YearValue* m = imports.Find(x->year)) {
      return ProjectionBase{x->year, x->value, m->value};
    }
  }
  return absl::FailedPreconditionError("no year has both exports and imports to project from");
}

}  // namespace culturetrade
