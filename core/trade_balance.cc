#include "core/trade_balance.h"

#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

std::optional<double> OkOrEmpty(const absl::StatusOr<double>& v) {
  return v.ok() ? std::optional<double>(*v) : std::nullopt;
}

BalanceRow RowFor(int year, const AnnualSeries& exports, const AnnualSeries& imports) {
  BalanceRow row;
  row.year = year;
  if (const YearValue* x = exports.Find(year)) row.exports = *x;
  if (const YearValue* m = imports.Find(year)) row.imports = *m;
  row.export_growth = OkOrEmpty(YearOnYearGrowth(exports, year));
  row.import_growth = OkOrEmpty(YearOnYearGrowth(imports, year));
  if (!row.exports || !row.imports) return row;
  const Decimal x = row.exports->value, m = row.imports->value;
  row.balance = x - m;
  row.total_trade = x + m;
  if (m.is_positive()) row.coverage_ratio = Ratio(x, m);
  if (row.total_trade->is_positive()) row.normalized_balance = Ratio(*row.balance, *row.total_trade);
  return row;
}

}  // namespace

absl::StatusOr<BalanceTable> ComputeBalance(absl::Span<const Flow> flows, const SeriesKey& key,
                                            int start_year, int end_year) {
  absl::StatusOr<AnnualSeries> exports = BuildAnnualSeries(flows, key, Direction::kExport);
  if (!exports.ok()) return exports.status();
  absl::StatusOr<AnnualSeries> imports = BuildAnnualSeries(flows, key, Direction::kImport);
  if (!imports.ok()) return imports.status();
  if (!exports->empty() && !imports->empty() && exports->currency() != imports->currency()) {
    return absl::FailedPreconditionError(
        absl::StrCat("exports are in ", exports->currency(), " but imports in ",
                     imports->currency(), "; express them in one currency first"));
  }
  BalanceTable table;
  table.currency = exports->empty() ? imports->currency() : exports->currency();
  std::set<int> years;
  for (const YearValue& v : exports->years()) years.insert(v.year);
  for (const YearValue& v : imports->years()) years.insert(v.year);
  for (int year : years) table.rows.push_back(RowFor(year, *exports, *imports));
  table.export_growth = CompoundGrowthOver(*exports, start_year, end_year);
  table.import_growth = CompoundGrowthOver(*imports, start_year, end_year);
  return table;
}

}  // namespace culturetrade
