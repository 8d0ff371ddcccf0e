#include "core/exporter_totals.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/annual_series.h"
#include "core/special_codes.h"

namespace culturetrade {
namespace {

// `code`, or what the special code stands for, e.g. "the world (partner WLD)".
std::string Describe(const std::string& code, const char* special, absl::string_view meaning,
                     absl::string_view field) {
  return code == special ? absl::StrCat(meaning, " (", field, " ", special, ")") : code;
}

// Which exports of one reporter and year to split, and by which column: either by partner,
// with the product fixed and the world left out, or by product, with the partner fixed and
// all products together left out. Codes are kAbsent for values the table does not hold.
struct Split {
  bool by_partner;
  uint32_t fixed;
  uint32_t excluded;
};

std::vector<CodeTotal> ExportsBy(const FlowTable& flows, absl::string_view reporter, int year,
                                 const Split& split) {
  const uint32_t exporter = flows.economies().Find(reporter);
  if (exporter == Dictionary::kAbsent || split.fixed == Dictionary::kAbsent) return {};
  absl::flat_hash_map<uint32_t, absl::int128> sums;
  // By partner, the exporter's rows; by product, only those to the fixed partner.
  const absl::Span<const uint32_t> rows =
      split.by_partner ? flows.ReporterRows(exporter) : flows.PairRows(exporter, split.fixed);
  for (const uint32_t i : rows) {
    if (flows.year()[i] != year || flows.direction(i) != Direction::kExport) continue;
    const uint32_t fixed = split.by_partner ? flows.product()[i] : flows.partner()[i];
    const uint32_t key = split.by_partner ? flows.partner()[i] : flows.product()[i];
    if (fixed == split.fixed && key != split.excluded) sums[key] += flows.value_nanos(i);
  }
  const Dictionary& codes = split.by_partner ? flows.economies() : flows.products();
  std::vector<CodeTotal> out;
  out.reserve(sums.size());
  for (const auto& [key, nanos] : sums) {
    out.push_back({codes.value(key), Decimal::FromNanos(nanos)});
  }
  std::sort(out.begin(), out.end(),
            [](const CodeTotal& a, const CodeTotal& b) { return a.code < b.code; });
  return out;
}

}  // namespace

absl::StatusOr<CurrencyAmount> YearExports(const FlowTable& flows, const SeriesKey& key, int year) {
  absl::StatusOr<AnnualSeries> series = BuildAnnualSeries(flows, key, Direction::kExport);
  if (!series.ok()) return series.status();
  if (const YearValue* v = series->Find(year)) return CurrencyAmount{v->value, series->currency()};
  return absl::FailedPreconditionError(
      absl::StrCat("the dataset lacks ", year, " exports of ",
                   Describe(key.product_code, kAllProducts, "all products", "product"), " from ",
                   Describe(key.reporter, kWorld, "the world", "reporter"), " to ",
                   Describe(key.partner, kWorld, "the world", "partner")));
}

std::vector<CodeTotal> ExportsByPartner(const FlowTable& flows, absl::string_view reporter,
                                        absl::string_view product, int year) {
  return ExportsBy(
      flows, reporter, year,
      {/*by_partner=*/true, flows.products().Find(product), flows.economies().Find(kWorld)});
}

std::vector<CodeTotal> ExportsByProduct(const FlowTable& flows, absl::string_view reporter,
                                        absl::string_view partner, int year) {
  return ExportsBy(
      flows, reporter, year,
      {/*by_partner=*/false, flows.economies().Find(partner), flows.products().Find(kAllProducts)});
}

}  // namespace culturetrade
