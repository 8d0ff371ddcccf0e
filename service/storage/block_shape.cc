#include "service/storage/block_shape.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace culturetrade {
namespace {

absl::Status Bad(absl::string_view column, size_t row, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("block.", column, "[", row, "] ", what));
}

template <typename T>
absl::Status CheckLength(absl::string_view column, const std::vector<T>& values, size_t n,
                         bool optional) {
  if (values.size() == n || (optional && values.empty())) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("block.", column, " has ", values.size(),
                                                 " entries, not ", n, optional ? " or none" : ""));
}

absl::Status CheckIndices(absl::string_view column, const std::vector<uint32_t>& indices,
                          size_t dictionary_size, absl::string_view dictionary) {
  for (size_t i = 0; i < indices.size(); ++i) {
    if (indices[i] >= dictionary_size) {
      return Bad(column, i,
                 absl::StrCat("is ", indices[i], ", but the block has ", dictionary_size, " ",
                              dictionary));
    }
  }
  return absl::OkStatus();
}

// Each entry of `values` at most `max`, as a number.
template <typename T>
absl::Status CheckAtMost(absl::string_view column, const std::vector<T>& values, int max) {
  for (size_t i = 0; i < values.size(); ++i) {
    const int v = static_cast<int>(values[i]);
    if (v < 0 || v > max) return Bad(column, i, absl::StrCat("is ", v, ", outside 0..", max));
  }
  return absl::OkStatus();
}

absl::Status CheckLengths(const FlowBlock& b) {
  const size_t n = b.size();
  for (absl::Status s : {
           CheckLength("partner", b.partner, n, false),
           CheckLength("product", b.product, n, false),
           CheckLength("currency", b.currency, n, false),
           CheckLength("year", b.year, n, false),
           CheckLength("month", b.month, n, false),
           CheckLength("quarter", b.quarter, n, false),
           CheckLength("direction", b.direction, n, false),
           CheckLength("status", b.status, n, false),
           CheckLength("value", b.value, n, false),
           CheckLength("source", b.source, n, true),
           CheckLength("quantity_amount", b.quantity_amount, n, true),
           CheckLength("quantity_unit", b.quantity_unit, b.quantity_amount.size(), false),
       }) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status CheckClassifications(const FlowBlock& b) {
  for (size_t i = 0; i < b.products.size(); ++i) {
    const int c = static_cast<int>(b.products[i].classification);
    if (c > static_cast<int>(Classification::kSitc)) {
      return Bad("products", i, absl::StrCat("has classification ", c, ", which is unknown"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckBlockShape(const FlowBlock& b) {
  for (absl::Status s : {
           CheckLengths(b),
           CheckIndices("reporter", b.reporter, b.economies.size(), "economies"),
           CheckIndices("partner", b.partner, b.economies.size(), "economies"),
           CheckIndices("product", b.product, b.products.size(), "products"),
           CheckIndices("currency", b.currency, b.currencies.size(), "currencies"),
           CheckIndices("source", b.source, b.sources.size(), "sources"),
           CheckIndices("quantity_unit", b.quantity_unit, b.quantity_units.size(),
                        "quantity units"),
           CheckAtMost("month", b.month, 12),
           CheckAtMost("quarter", b.quarter, 4),
           CheckAtMost("direction", b.direction, static_cast<int>(Direction::kReImport)),
           CheckAtMost("status", b.status, static_cast<int>(ValueStatus::kReported)),
           CheckClassifications(b),
       }) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace culturetrade
