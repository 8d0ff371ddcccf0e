#include "import/concordance_csv.h"

#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/decimal.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_table.h"

namespace culturetrade::import {
namespace {

// The rows of a concordance. A mapping given twice is refused on the row of the second, which
// Read can tell because ReadCsvTable reads the rows in order on one thread.
class MappingRows final : public CsvRowReader<v1::ProductMapping> {
 public:
  static CsvRowReaderOr<v1::ProductMapping> Make(CsvHeader& h, const ConcordanceCsvOptions& o) {
    auto r = std::make_unique<MappingRows>();
    r->product_ = h.Claim({absl::AsciiStrToLower(o.product_column)}, "product code (from)");
    r->group_ = h.Claim({absl::AsciiStrToLower(o.group_column)}, "group code (to)");
    r->weight_ = h.Claim({absl::AsciiStrToLower(o.weight_column)}, "weight (share of value)");
    if (r->product_ < 0 || r->group_ < 0) {
      return CsvError("the header has no '", r->product_ < 0 ? o.product_column : o.group_column,
                      "' column (the concordance's ",
                      r->product_ < 0 ? "product code" : "group code",
                      " column; name another with the options)");
    }
    return std::unique_ptr<CsvRowReader<v1::ProductMapping>>(std::move(r));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::ProductMapping>& out) const override {
    v1::ProductMapping m;
    m.set_product_code(row.Cell(product_));
    m.set_group_code(row.Cell(group_));
    if (m.product_code().empty()) return row.Bad(product_, CsvError("no product code"));
    if (m.group_code().empty()) return row.Bad(group_, CsvError("no group code"));
    if (const std::string weight = row.Cell(weight_); !weight.empty()) {
      absl::StatusOr<std::string> w = ParsePositiveNumber(weight, "the weight");
      if (w.ok() && *Decimal::Parse(*w) > Decimal::FromUnits(1)) {
        w = CsvError("the weight '", weight, "' is above 1");
      }
      if (!w.ok()) return row.Bad(weight_, w.status());
      m.set_weight(*w);
    }
    if (!seen_.insert({m.product_code(), m.group_code()}).second) {
      return row.Bad(group_, CsvError(m.product_code(), " is mapped to ", m.group_code(),
                                      " on an earlier row too"));
    }
    out.push_back(std::move(m));
    return absl::OkStatus();
  }

 private:
  int product_ = -1, group_ = -1, weight_ = -1;
  mutable absl::flat_hash_set<std::pair<std::string, std::string>> seen_;
};

Decimal WeightOf(const v1::ProductMapping& m) {
  return m.weight().empty() ? Decimal::FromUnits(1) : *Decimal::Parse(m.weight());
}

// Every product's weights add up to exactly 1, so that no value is lost or counted twice.
absl::Status CheckWeights(const std::vector<v1::ProductMapping>& mappings) {
  absl::flat_hash_map<std::string, Decimal> sums;
  std::vector<std::string> order;
  for (const v1::ProductMapping& m : mappings) {
    const auto [it, added] = sums.emplace(m.product_code(), Decimal());
    if (added) order.push_back(m.product_code());
    it->second += WeightOf(m);
  }
  for (const std::string& product : order) {
    const Decimal sum = sums.at(product);
    if (sum == Decimal::FromUnits(1)) continue;
    return CsvError("the weights of product ", product, " sum to ", sum.ToString(),
                    ", not 1 (a product mapped to several groups needs a weight on each)");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ConcordanceCsv> ReadConcordanceCsv(std::istream& in,
                                                  const ConcordanceCsvOptions& options) {
  ConcordanceCsv out;
  const auto make_reader = [&options](CsvHeader& h, CsvReport& report) {
    report.layout = "product concordance";
    return MappingRows::Make(h, options);
  };
  absl::Status read = ReadCsvTable(in, options.delimiter, make_reader, out.mappings, out.report);
  if (read.ok()) read = CheckWeights(out.mappings);
  if (!read.ok()) return read;
  return out;
}

}  // namespace culturetrade::import
