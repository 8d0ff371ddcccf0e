#include "service/model/flow_keys.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "service/model/proto_convert.h"

namespace culturetrade {
namespace {

// An ISO alpha-3 code (validated: three capitals) as a number below 26^3.
uint64_t EconomyNumber(const std::string& code) {
  return static_cast<uint64_t>(code[0] - 'A') * 676 + static_cast<uint64_t>(code[1] - 'A') * 26 +
         static_cast<uint64_t>(code[2] - 'A');
}

// A direction as the key packs it: the domain's number, which a block's rows carry.
uint64_t DirectionNumber(v1::FlowDirection d) {
  // Only a flow that failed validation has none; it clashes with no flow that passed.
  constexpr uint64_t kNone = 0xf;
  absl::StatusOr<Direction> direction = DirectionFromProto(d);
  return direction.ok() ? static_cast<uint64_t>(*direction) : kNone;
}

// Adds the violation `clash` is; `field(period)` names the flow, or its period when `period`.
// Called only for a clash, so the field is built only then.
template <typename Field>
void Report(FlowKeySet::Clash clash, Field field, FieldViolations& v) {
  switch (clash) {
    case FlowKeySet::Clash::kSameKey:
      v.Add(field(false),
            "another flow has the same reporter, partner, product, direction and period");
      break;
    case FlowKeySet::Clash::kWholeAndParts:
      v.Add(field(true), "the year is given both whole and by month or quarter");
      break;
    case FlowKeySet::Clash::kNone: break;
  }
}

}  // namespace

FlowKeySet::Row FlowKeySet::RowOf(const v1::TradeFlow& f, uint32_t product) {
  Row row;
  row.reporter = EconomyNumber(f.reporter());
  row.partner = EconomyNumber(f.partner());
  row.product = product;
  row.classification = static_cast<uint64_t>(f.product().classification());
  row.direction = DirectionNumber(f.direction());
  row.year = f.period().year();
  row.month = f.period().month();
  row.quarter = f.period().quarter();
  return row;
}

absl::uint128 FlowKeySet::Key(const Row& r, Kind kind, int month, int quarter) {
  // Who: 15 + 15 bits of economies, 32 of product. When and what: 16 bits of year, 8 of
  // classification, 4 of direction, month and quarter each, 2 of kind. Validated fields fit.
  const uint64_t who = (r.reporter << 49) | (r.partner << 34) | (r.product << 2);
  const uint64_t when = (static_cast<uint64_t>(r.year & 0xffff) << 32) |
                        ((r.classification & 0xff) << 24) | ((r.direction & 0xf) << 16) |
                        (static_cast<uint64_t>(month & 0xf) << 8) |
                        (static_cast<uint64_t>(quarter & 0xf) << 4) | static_cast<uint64_t>(kind);
  return absl::MakeUint128(who, when);
}

FlowKeySet::Clash FlowKeySet::Find(const Row& r) const {
  if (keys_.contains(Key(r, Kind::kFlow, r.month, r.quarter))) return Clash::kSameKey;
  // A whole year meets the mark its months or quarters leave; a month or quarter meets the
  // whole year's own key.
  const bool whole = r.month == 0 && r.quarter == 0;
  const absl::uint128 other = whole ? Key(r, Kind::kYearInParts, 0, 0) : Key(r, Kind::kFlow, 0, 0);
  return keys_.contains(other) ? Clash::kWholeAndParts : Clash::kNone;
}

void FlowKeySet::Remember(const Row& r) {
  keys_.insert(Key(r, Kind::kFlow, r.month, r.quarter));
  // One mark for all the parts of a year: a monthly series costs little more than a key a flow.
  if (r.month != 0 || r.quarter != 0) keys_.insert(Key(r, Kind::kYearInParts, 0, 0));
}

uint32_t FlowKeySet::ProductNumber(const std::string& code) {
  return products_.try_emplace(code, static_cast<uint32_t>(products_.size())).first->second;
}

FlowKeySet::Clash FlowKeySet::Find(const v1::TradeFlow& f) const {
  auto it = products_.find(f.product().code());
  // A product never seen has no key among those seen.
  if (it == products_.end()) return Clash::kNone;
  return Find(RowOf(f, it->second));
}

void FlowKeySet::Remember(const v1::TradeFlow& f) {
  Remember(RowOf(f, ProductNumber(f.product().code())));
}

void FlowKeySet::CheckAndRemember(const v1::TradeFlow& f, const std::string& field,
                                  FieldViolations& v) {
  const Clash clash = Find(f);
  if (clash == Clash::kNone) Remember(f);
  Report(
      clash, [&](bool period) { return period ? field + ".period" : field; }, v);
}

void FlowKeySet::CheckAndRemember(const FlowBlock& b, const std::string& prefix,
                                  FieldViolations& v) {
  // The dictionaries' numbers once a block, so that a row only gathers integers.
  std::vector<uint64_t> economies;
  economies.reserve(b.economies.size());
  for (const std::string& code : b.economies) economies.push_back(EconomyNumber(code));
  std::vector<uint32_t> products;
  products.reserve(b.products.size());
  for (const ProductEntry& p : b.products) products.push_back(ProductNumber(p.code));
  Reserve(b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    Row row;
    row.reporter = economies[b.reporter[i]];
    row.partner = economies[b.partner[i]];
    row.product = products[b.product[i]];
    row.classification = static_cast<uint64_t>(b.products[b.product[i]].classification);
    row.direction = static_cast<uint64_t>(b.direction[i]);
    row.year = b.year[i];
    row.month = b.month[i];
    row.quarter = b.quarter[i];
    const Clash clash = Find(row);
    if (clash == Clash::kNone) {
      Remember(row);
      continue;
    }
    Report(
        clash,
        [&](bool period) { return absl::StrCat(prefix, period ? "year[" : "reporter[", i, "]"); },
        v);
  }
}

}  // namespace culturetrade
