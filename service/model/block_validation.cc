#include "service/model/block_validation.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/decimal.h"
#include "core/special_codes.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

using Uint32Column = google::protobuf::RepeatedField<uint32_t>;

// Names the fields of one block and adds their violations. Past what FieldViolations reports it
// only counts them, so that a block of thousands of bad rows builds a few strings, not
// thousands.
class BlockFields {
 public:
  BlockFields(const std::string& prefix, FieldViolations& violations)
      : prefix_(prefix), violations_(violations) {}

  // A violation of a whole column, or of a field of the block such as value_scale.
  void AddColumn(absl::string_view column, std::string description) {
    violations_.Add(absl::StrCat(prefix_, column), std::move(description));
  }
  // A violation of `column[row]`, described by `describe()`.
  template <typename Describe>
  void Add(absl::string_view column, int row, Describe describe) {
    if (Full()) {
      violations_.Add({}, {});
      return;
    }
    violations_.Add(Name(column, row), describe());
  }
  // Runs `check(field, violations)`, one of validation.h's checks, on `column[row]`: first
  // without a name, so that the name is built only for an entry the check finds wrong.
  template <typename CheckFn>
  void Check(absl::string_view column, int row, CheckFn check) {
    const int before = probe_.count();
    check(no_name_, probe_);
    const int found = probe_.count() - before;
    if (found == 0) return;
    if (!Full()) {
      check(Name(column, row), violations_);
      return;
    }
    for (int i = 0; i < found; ++i) violations_.Add({}, {});
  }
  int count() const { return violations_.count(); }

 private:
  bool Full() const { return violations_.count() >= FieldViolations::kMaxReported; }
  std::string Name(absl::string_view column, int row) const {
    return absl::StrCat(prefix_, column, "[", row, "]");
  }

  const std::string& prefix_;
  FieldViolations& violations_;
  FieldViolations probe_;
  const std::string no_name_;
};

// Whether every entry of `column` is within [lo, hi]: one branchless pass that the compiler
// vectorizes, so that a good column is read once and only a bad one is walked row by row.
template <typename Column, typename T>
bool AllWithin(const Column& column, T lo, T hi) {
  bool ok = true;
  for (const T v : column) ok &= (v >= lo) & (v <= hi);
  return ok;
}

// The same for an enum's numbers: bit v of `allowed` says whether v is.
template <typename Column>
bool AllAllowed(const Column& column, uint64_t allowed) {
  bool ok = true;
  for (const int v : column) {
    const auto u = static_cast<uint64_t>(v);
    ok &= (u < 64) & static_cast<bool>((allowed >> (u & 63)) & 1);
  }
  return ok;
}

// The numbers below 64 that `allowed` accepts.
template <typename Allowed>
uint64_t AllowedMask(Allowed allowed) {
  uint64_t mask = 0;
  for (int v = 0; v < 64; ++v) mask |= static_cast<uint64_t>(allowed(v)) << v;
  return mask;
}

bool IsKnownDirection(int d) {
  return d != v1::FLOW_DIRECTION_UNSPECIFIED && v1::FlowDirection_IsValid(d);
}

// Each dictionary entry once, whichever rows use it.
void CheckDictionaries(const v1::FlowBlock& b, BlockFields& f) {
  for (int i = 0; i < b.economies_size(); ++i) {
    f.Check("economies", i, [&](const std::string& field, FieldViolations& v) {
      CheckCountry(b.economies(i), field, v);
    });
  }
  for (int i = 0; i < b.products_size(); ++i) {
    f.Check("products", i, [&](const std::string& field, FieldViolations& v) {
      CheckProduct(b.products(i), field, v);
    });
  }
  for (int i = 0; i < b.currencies_size(); ++i) {
    f.Check("currencies", i, [&](const std::string& field, FieldViolations& v) {
      CheckCurrency(b.currencies(i), field, /*optional=*/false, v);
    });
  }
}

// Whether every column has one entry a flow, or none where it may; names each that has not.
bool CheckShape(const v1::FlowBlock& b, BlockFields& f) {
  const int before = f.count();
  const int n = b.reporter_size();
  const auto length = [&](absl::string_view column, int size, bool optional) {
    if (size == n || (optional && size == 0)) return;
    f.AddColumn(column, absl::StrCat("has ", size, " entries for ", n, " flows",
                                     optional ? " (one a flow, or none)" : ""));
  };
  length("partner", b.partner_size(), false);
  length("product", b.product_size(), false);
  length("currency", b.currency_size(), false);
  length("year", b.year_size(), false);
  length("month", b.month_size(), true);
  length("quarter", b.quarter_size(), true);
  length("direction", b.direction_size(), false);
  length("status", b.status_size(), true);
  length("source", b.source_size(), true);
  length("quantity_amounts", b.quantity_amounts_size(), true);
  if (b.quantity_unit_size() != b.quantity_amounts_size()) {
    f.AddColumn("quantity_unit", absl::StrCat("has ", b.quantity_unit_size(), " entries for ",
                                              b.quantity_amounts_size(), " quantity amounts"));
  }
  if (b.scaled_values_size() > 0 && b.value_units_size() > 0) {
    f.AddColumn("value_units", "values are either scaled_values or value_units, not both");
  } else if (b.value_units_size() > 0) {
    length("value_units", b.value_units_size(), false);
    length("value_nanos", b.value_nanos_size(), true);
  } else {
    length("scaled_values", b.scaled_values_size(), false);
    if (b.value_nanos_size() > 0) f.AddColumn("value_nanos", "only beside value_units");
  }
  return f.count() == before;
}

void CheckIndices(absl::string_view column, const Uint32Column& indices, int entries,
                  absl::string_view dictionary, BlockFields& f) {
  const auto size = static_cast<uint32_t>(entries);
  if (size > 0 && AllWithin(indices, 0u, size - 1)) return;
  for (int i = 0; i < indices.size(); ++i) {
    if (indices[i] < size) continue;
    f.Add(column, i, [&] {
      return absl::StrCat("index ", indices[i], " is past the ", entries, " entries of ",
                          dictionary);
    });
  }
}

// A reporter is not its own partner, except the world's (WLD to WLD), as for TradeFlows.
void CheckPartners(const v1::FlowBlock& b, BlockFields& f) {
  // Each code's first entry, so that a code listed twice is still one economy.
  absl::flat_hash_map<absl::string_view, uint32_t> firsts;
  std::vector<uint32_t> first(b.economies_size());
  for (int i = 0; i < b.economies_size(); ++i) {
    first[i] = firsts.try_emplace(b.economies(i), i).first->second;
  }
  const auto world = firsts.find(kWorld);
  const uint32_t world_entry =
      world == firsts.end() ? std::numeric_limits<uint32_t>::max() : world->second;
  for (int i = 0; i < b.reporter_size(); ++i) {
    const uint32_t r = b.reporter(i), p = b.partner(i);
    if (r >= first.size() || p >= first.size()) continue;  // named by CheckIndices
    if (first[r] != first[p] || first[r] == world_entry) continue;
    f.Add("partner", i, [] {
      return std::string("a partner differs from the reporter (only WLD to WLD may repeat)");
    });
  }
}

void CheckYears(const v1::FlowBlock& b, BlockFields& f) {
  if (AllWithin(b.year(), kMinYear, kMaxYear)) return;
  for (int i = 0; i < b.year_size(); ++i) {
    f.Check("year", i, [&](const std::string& field, FieldViolations& v) {
      CheckYear(b.year(i), field, /*optional=*/false, v);
    });
  }
}

// `column`: month or quarter, each at most `last`.
void CheckPeriodParts(absl::string_view column, const Uint32Column& parts, uint32_t last,
                      BlockFields& f) {
  if (AllWithin(parts, 0u, last)) return;
  for (int i = 0; i < parts.size(); ++i) {
    if (parts[i] <= last) continue;
    f.Add(column, i, [&] {
      return absl::StrCat(column, " ", parts[i], " is outside 1..", last, " (0 for none)");
    });
  }
}

void CheckMonthOrQuarter(const v1::FlowBlock& b, BlockFields& f) {
  if (b.month_size() == 0 || b.quarter_size() == 0) return;
  bool either = true;
  for (int i = 0; i < b.month_size(); ++i) either &= b.month(i) == 0 || b.quarter(i) == 0;
  if (either) return;
  for (int i = 0; i < b.month_size(); ++i) {
    if (b.month(i) == 0 || b.quarter(i) == 0) continue;
    f.Add("month", i, [] { return std::string("a period is a month or a quarter, not both"); });
  }
}

// An enum column, each entry one that `known` accepts, else described by `describe`.
template <typename Known, typename Describe>
void CheckEnum(absl::string_view column, const google::protobuf::RepeatedField<int>& values,
               Known known, Describe describe, BlockFields& f) {
  if (AllAllowed(values, AllowedMask(known))) return;
  for (int i = 0; i < values.size(); ++i) {
    if (!known(values[i])) f.Add(column, i, describe);
  }
}

void CheckDirectionsAndStatuses(const v1::FlowBlock& b, BlockFields& f) {
  CheckEnum(
      "direction", b.direction(), IsKnownDirection,
      [] {
        return std::string("say whether the flow is an export, import, re-export or re-import");
      },
      f);
  CheckEnum(
      "status", b.status(), v1::ValueStatus_IsValid,
      [] { return std::string("unknown value status"); }, f);
}

// Scaled values are non-negative by type; they must still be money, whose units fit int64.
void CheckScaledValues(const v1::FlowBlock& b, BlockFields& f) {
  const int scale = b.value_scale();
  if (scale < 0 || scale > Decimal::kFractionDigits) {
    f.AddColumn("value_scale", absl::StrCat(scale, " is outside 0..", Decimal::kFractionDigits));
    return;
  }
  absl::int128 nanos_per_step = 1;
  for (int i = scale; i < Decimal::kFractionDigits; ++i) nanos_per_step *= 10;
  // At any scale, a count up to int64's maximum has whole units that fit.
  const auto whole_units_fit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (AllWithin(b.scaled_values(), uint64_t{0}, whole_units_fit)) return;
  for (int i = 0; i < b.scaled_values_size(); ++i) {
    if (b.scaled_values(i) <= whole_units_fit) continue;
    int64_t units = 0;
    int32_t nanos = 0;
    const absl::Status fits =
        Decimal::FromNanos(nanos_per_step * b.scaled_values(i)).ToUnitsNanos(&units, &nanos);
    if (!fits.ok()) f.Add("scaled_values", i, [&] { return std::string(fits.message()); });
  }
}

// Units and nanos as in google.type.Money: nanos within a unit, signs agreeing, and no less
// than zero in all.
void CheckUnitsAndNanos(const v1::FlowBlock& b, BlockFields& f) {
  if (AllWithin(b.value_units(), int64_t{0}, std::numeric_limits<int64_t>::max()) &&
      AllWithin(b.value_nanos(), 0, static_cast<int32_t>(Decimal::kNanosPerUnit - 1))) {
    return;
  }
  for (int i = 0; i < b.value_units_size(); ++i) {
    const int64_t units = b.value_units(i);
    const int32_t nanos = b.value_nanos_size() > 0 ? b.value_nanos(i) : 0;
    if (units >= 0 && nanos >= 0 && nanos < Decimal::kNanosPerUnit) continue;
    const absl::StatusOr<Decimal> amount = Decimal::FromUnitsNanos(units, nanos);
    if (!amount.ok()) {
      f.Add("value_nanos", i, [&] { return std::string(amount.status().message()); });
    } else if (amount->is_negative()) {
      f.Add(units < 0 ? "value_units" : "value_nanos", i, [&] {
        return absl::StrCat("the amount ", amount->ToString(), " must be zero or more");
      });
    }
  }
}

void CheckQuantities(const v1::FlowBlock& b, BlockFields& f) {
  for (int i = 0; i < b.quantity_amounts_size(); ++i) {
    const std::string& text = b.quantity_amounts(i);
    if (text.empty()) continue;  // no quantity
    const absl::StatusOr<Decimal> amount = Decimal::Parse(text);
    if (amount.ok() && !amount->is_negative()) continue;
    f.Add("quantity_amounts", i,
          [] { return std::string("a quantity is a decimal number, zero or more"); });
  }
}

// The columns of a block whose columns line up.
void CheckRows(const v1::FlowBlock& b, BlockFields& f) {
  CheckIndices("reporter", b.reporter(), b.economies_size(), "economies", f);
  CheckIndices("partner", b.partner(), b.economies_size(), "economies", f);
  CheckIndices("product", b.product(), b.products_size(), "products", f);
  CheckIndices("currency", b.currency(), b.currencies_size(), "currencies", f);
  CheckIndices("source", b.source(), b.sources_size(), "sources", f);
  CheckIndices("quantity_unit", b.quantity_unit(), b.quantity_units_size(), "quantity_units", f);
  CheckPartners(b, f);
  CheckYears(b, f);
  CheckPeriodParts("month", b.month(), 12, f);
  CheckPeriodParts("quarter", b.quarter(), 4, f);
  CheckMonthOrQuarter(b, f);
  CheckDirectionsAndStatuses(b, f);
  CheckScaledValues(b, f);
  CheckUnitsAndNanos(b, f);
  CheckQuantities(b, f);
}

}  // namespace

void ValidateBlock(const v1::FlowBlock& block, const std::string& prefix,
                   FieldViolations& violations) {
  BlockFields fields(prefix, violations);
  CheckDictionaries(block, fields);
  if (CheckShape(block, fields)) CheckRows(block, fields);
}

}  // namespace culturetrade
