#include "service/model/flow_keys.h"

namespace culturetrade {
namespace {

// An ISO alpha-3 code (validated: three capitals) as a number below 26^3.
uint64_t EconomyNumber(const std::string& code) {
  return static_cast<uint64_t>(code[0] - 'A') * 676 + static_cast<uint64_t>(code[1] - 'A') * 26 +
         static_cast<uint64_t>(code[2] - 'A');
}

bool IsWholeYear(const v1::TradeFlow& f) {
  return f.period().month() == 0 && f.period().quarter() == 0;
}

}  // namespace

absl::uint128 FlowKeySet::Key(const v1::TradeFlow& f, uint64_t product, Kind kind) {
  // Who: 15 + 15 bits of economies, 32 of product. When and what: 16 bits of year, 8 of
  // classification, 4 of direction, month and quarter each, 2 of kind. Validated fields fit.
  const uint64_t who =
      (EconomyNumber(f.reporter()) << 49) | (EconomyNumber(f.partner()) << 34) | (product << 2);
  const bool flow = kind == Kind::kFlow;
  const uint64_t when = (static_cast<uint64_t>(f.period().year() & 0xffff) << 32) |
                        (static_cast<uint64_t>(f.product().classification() & 0xff) << 24) |
                        (static_cast<uint64_t>(f.direction() & 0xf) << 16) |
                        (static_cast<uint64_t>(flow ? f.period().month() & 0xf : 0) << 8) |
                        (static_cast<uint64_t>(flow ? f.period().quarter() & 0xf : 0) << 4) |
                        static_cast<uint64_t>(kind);
  return absl::MakeUint128(who, when);
}

FlowKeySet::Clash FlowKeySet::Find(const v1::TradeFlow& f) const {
  auto it = products_.find(f.product().code());
  // A product never seen has no key among those seen.
  if (it == products_.end()) return Clash::kNone;
  if (keys_.contains(Key(f, it->second, Kind::kFlow))) return Clash::kSameKey;
  const Kind other = IsWholeYear(f) ? Kind::kYearInParts : Kind::kWholeYear;
  if (keys_.contains(Key(f, it->second, other))) return Clash::kWholeAndParts;
  return Clash::kNone;
}

void FlowKeySet::Remember(const v1::TradeFlow& f) {
  const uint64_t product =
      products_.try_emplace(f.product().code(), static_cast<uint32_t>(products_.size()))
          .first->second;
  keys_.insert(Key(f, product, Kind::kFlow));
  keys_.insert(Key(f, product, IsWholeYear(f) ? Kind::kWholeYear : Kind::kYearInParts));
}

}  // namespace culturetrade
