#include "service/model/flow_keys.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/model/proto_convert.h"

namespace culturetrade {
namespace {

// A year's marks: bits 0-11 its months, 12-15 its quarters, 16 the whole year.
constexpr uint32_t kWholeYear = uint32_t{1} << 16;
constexpr uint32_t kYearParts = kWholeYear - 1;

// Rows whose slots are fetched together before any is checked, so that their cache misses
// overlap.
constexpr size_t kPrefetchRows = 16;

// The mark of a flow's period (validated: a month 1-12 or a quarter 1-4, not both, or neither).
uint32_t Mark(int month, int quarter) {
  if (month != 0) return uint32_t{1} << ((month - 1) & 15);
  if (quarter != 0) return uint32_t{1} << ((quarter + 11) & 15);
  return kWholeYear;
}

// What a period marked `mark` meets in its year, marked `marks` so far.
FlowKeySet::Clash ClashOf(uint32_t marks, uint32_t mark) {
  if ((marks & mark) != 0) return FlowKeySet::Clash::kSameKey;
  const uint32_t other = mark == kWholeYear ? kYearParts : kWholeYear;
  return (marks & other) != 0 ? FlowKeySet::Clash::kWholeAndParts : FlowKeySet::Clash::kNone;
}

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

FlowKeysTable::Key FlowKeySet::Key(const Row& r) {
  // Who: 15 + 15 bits of economies, 32 of product. When and what: 16 bits of year, 8 of
  // classification, 4 of direction, above the table's marks. Validated fields fit.
  const uint64_t who = (r.reporter << 49) | (r.partner << 34) | (r.product << 2);
  const uint64_t when = (static_cast<uint64_t>(r.year & 0xffff) << 40) |
                        ((r.classification & 0xff) << 32) | ((r.direction & 0xf) << 24);
  return FlowKeysTable::Make(who, when);
}

FlowKeySet::Clash FlowKeySet::Find(const Row& r) const {
  return ClashOf(keys_.Marks(Key(r)), Mark(r.month, r.quarter));
}

void FlowKeySet::Remember(const Row& r) {
  const uint32_t mark = Mark(r.month, r.quarter);
  keys_.Update(Key(r), [mark](uint32_t marks) { return marks | mark; });
}

FlowKeySet::Clash FlowKeySet::CheckAndRemember(const FlowKeysTable::Key& key, uint32_t mark) {
  Clash clash = Clash::kNone;
  keys_.Update(key, [&](uint32_t marks) {
    clash = ClashOf(marks, mark);
    return clash == Clash::kNone ? marks | mark : marks;
  });
  return clash;
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
  const Row row = RowOf(f, ProductNumber(f.product().code()));
  const Clash clash = CheckAndRemember(Key(row), Mark(row.month, row.quarter));
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
  // The table does not move while a batch's slots are fetched.
  Reserve(b.size());
  FlowKeysTable::Key keys[kPrefetchRows];
  for (size_t first = 0; first < b.size(); first += kPrefetchRows) {
    const size_t end = std::min(b.size(), first + kPrefetchRows);
    for (size_t i = first; i < end; ++i) {
      Row row;
      row.reporter = economies[b.reporter[i]];
      row.partner = economies[b.partner[i]];
      row.product = products[b.product[i]];
      row.classification = static_cast<uint64_t>(b.products[b.product[i]].classification);
      row.direction = static_cast<uint64_t>(b.direction[i]);
      row.year = b.year[i];
      keys[i - first] = Key(row);
      keys_.Prefetch(keys[i - first]);
    }
    for (size_t i = first; i < end; ++i) {
      const Clash clash = CheckAndRemember(keys[i - first], Mark(b.month[i], b.quarter[i]));
      if (clash == Clash::kNone) continue;
      Report(
          clash,
          [&](bool period) { return absl::StrCat(prefix, period ? "year[" : "reporter[", i, "]"); },
          v);
    }
  }
}

}  // namespace culturetrade
