#include "service/storage/zone_map.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_set.h"

namespace culturetrade {
namespace {

// The distinct strings that the rows of `column` name, sorted: each dictionary entry once,
// however many flows use it.
template <typename Entry, typename Name>
std::vector<std::string> Named(const std::vector<uint32_t>& column,
                               const std::vector<Entry>& dictionary, Name name) {
  std::vector<bool> used(dictionary.size(), false);
  for (uint32_t i : column) used[i] = true;
  absl::flat_hash_set<std::string> names;
  for (size_t i = 0; i < dictionary.size(); ++i) {
    if (used[i]) names.insert(name(dictionary[i]));
  }
  std::vector<std::string> sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

// Whether a block holding `held` (sorted; empty: not known) may hold one of `wanted`.
bool MayHold(const std::vector<std::string>& held, const std::vector<std::string>& wanted) {
  if (held.empty() || wanted.empty()) return true;
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::binary_search(held.begin(), held.end(), w);
  });
}

}  // namespace

ZoneMap ZoneMapOf(const FlowBlock& block) {
  ZoneMap zone;
  const auto same = [](const std::string& s) { return s; };
  zone.reporters = Named(block.reporter, block.economies, same);
  zone.partners = Named(block.partner, block.economies, same);
  zone.products =
      Named(block.product, block.products, [](const ProductEntry& p) { return p.code; });
  if (!block.year.empty()) {
    const auto [min, max] = std::minmax_element(block.year.begin(), block.year.end());
    zone.min_year = *min;
    zone.max_year = *max;
  }
  return zone;
}

bool MayMatch(const ZoneMap& zone, const BlockFilter& filter) {
  if (filter.min_year != 0 && zone.max_year < filter.min_year) return false;
  if (filter.max_year != 0 && zone.min_year > filter.max_year) return false;
  return MayHold(zone.reporters, filter.reporters) && MayHold(zone.partners, filter.partners) &&
         MayHold(zone.products, filter.products);
}

}  // namespace culturetrade
