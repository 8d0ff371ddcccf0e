#include "core/trade_balance.h"

#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

std::optional<double> OkOrEmpty(const absl::StatusOr<double>& v) {
  return v.ok() ? std::optional<double>(*v) : std::nullopt;
}

// Growth comes from `*_growth_basis`, the series less any partial years it must leave out.
BalanceRow RowFor(int year, const AnnualSeries& exports, const AnnualSeries& imports,
                  const AnnualSeries& export_growth_basis,
                  const AnnualSeries& import_growth_basis) {
  BalanceRow row;
  row.year = year;
  if (const YearValue* x = exports.Find(year)) row.exports = *x;
  if (const YearValue* m = imports.Find(year)) row.imports = *m;
  row.export_growth = OkOrEmpty(YearOnYearGrowth(export_growth_basis, year));
  row.import_growth = OkOrEmpty(YearOnYearGrowth(import_growth_basis, year));
  if (!row.exports || !row.imports) return row;
  const Decimal x = row.exports->value, m = row.imports->value;
  row.balance = x - m;
  row.total_trade = x + m;
  if (m.is_positive()) row.coverage_ratio = Ratio(x, m);
  if (row.total_trade->is_positive())
    row.normalized_balance = Ratio(*row.balance, *row.total_trade);
  return row;
}

}  // namespace

absl::StatusOr<BalanceTable> ComputeBalance(const FlowTable& flows, const SeriesKey& key,
                                            const BalanceOptions& options) {
  absl::StatusOr<AnnualSeries> exports = BuildAnnualSeries(flows, key, Direction::kExport);
  if (!exports.ok()) return exports.status();
  absl::StatusOr<AnnualSeries> imports = BuildAnnualSeries(flows, key, Direction::kImport);
  if (!imports.ok()) return imports.status();
  if (!exports->empty() && !imports->empty() && exports->currency() != imports->currency()) {
    return absl::FailedPreconditionError(absl::StrCat("exports are in ", exports->currency(),
                                                      " but imports in ", imports->currency(),
                                                      "; express them in one currency first"));
  }
  const AnnualSeries x_basis =
      options.include_partial_years ? *exports : exports->WithoutPartialYears();
  const AnnualSeries m_basis =
      options.include_partial_years ? *imports : imports->WithoutPartialYears();
  BalanceTable table;
  table.currency = exports->empty() ? imports->currency() : exports->currency();
  std::set<int> years;
  for (const YearValue& v : exports->years()) years.insert(v.year);
  for (const YearValue& v : imports->years()) years.insert(v.year);
  for (int year : years) table.rows.push_back(RowFor(year, *exports, *imports, x_basis, m_basis));
  table.export_growth = CompoundGrowthOver(x_basis, options.start_year, options.end_year);
  table.import_growth = CompoundGrowthOver(m_basis, options.start_year, options.end_year);
  for (const BalanceRow& row : table.rows) {
    const bool in_span = (options.start_year == 0 || row.year >= options.start_year) &&
                         (options.end_year == 0 || row.year <= options.end_year);
    if (in_span && row.balance) {
      table.cumulative_balance += *row.balance;
      table.cumulative_years.push_back(row.year);
    }
  }
  return table;
}

}  // namespace culturetrade
