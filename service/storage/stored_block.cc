#include "service/storage/stored_block.h"

#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "service/storage/binary_io.h"

namespace culturetrade {
namespace {

std::string ZoneSetColumn(const std::vector<std::string>& set) {
  ByteWriter w;
  if (set.size() > kMaxZoneSet) {
    w.Varint(0);
    return w.Take();
  }
  w.Varint(set.size());
  for (const std::string& s : set) w.String(s);
  return w.Take();
}

absl::StatusOr<std::vector<std::string>> ZoneSetOf(absl::string_view column) {
  ByteReader r(column);
  uint64_t n = 0;
  if (!r.Varint(n) || n > r.remaining()) {
    return absl::DataLossError("stored block: a zone column is corrupt");
  }
  std::vector<std::string> set(n);
  for (std::string& s : set) {
    if (!r.String(s)) return absl::DataLossError("stored block: a zone column is cut short");
  }
  return set;
}

}  // namespace

absl::StatusOr<StoredBlock> StoreBlock(const FlowBlock& block, BlockEncoder& encoder) {
  if (block.empty()) return absl::InvalidArgumentError("a block to store holds no flows");
  absl::StatusOr<std::string> data = encoder.Encode(block);
  if (!data.ok()) return data.status();
  const ZoneMap zone = ZoneMapOf(block);
  StoredBlock stored;
  stored.flow_count = static_cast<int64_t>(block.size());
  stored.min_year = zone.min_year;
  stored.max_year = zone.max_year;
  stored.reporters = ZoneSetColumn(zone.reporters);
  stored.partners = ZoneSetColumn(zone.partners);
  stored.products = ZoneSetColumn(zone.products);
  stored.data = *std::move(data);
  return stored;
}

bool WantsEverything(const BlockFilter& f) {
  return f.reporters.empty() && f.partners.empty() && f.products.empty() && f.min_year == 0 &&
         f.max_year == 0;
}

absl::StatusOr<bool> StoredZoneMayMatch(const StoredZone& stored, const BlockFilter& filter) {
  ZoneMap zone;
  zone.min_year = stored.min_year;
  zone.max_year = stored.max_year;
  for (auto [column, wanted, set] :
       {std::tuple(stored.reporters, &filter.reporters, &zone.reporters),
        std::tuple(stored.partners, &filter.partners, &zone.partners),
        std::tuple(stored.products, &filter.products, &zone.products)}) {
    if (wanted->empty()) continue;
    absl::StatusOr<std::vector<std::string>> decoded = ZoneSetOf(column);
    if (!decoded.ok()) return decoded.status();
    *set = *std::move(decoded);
  }
  return MayMatch(zone, filter);
}

}  // namespace culturetrade
