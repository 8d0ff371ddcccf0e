// Which rows of a table hold one reporter, partner and product, found without a scan.
//
// The index is the table's row numbers sorted by (reporter, partner, product) and, within one
// series, in table order: four bytes a flow and nothing else, since lookups binary-search it
// against the table's own key columns. A series, a reporter-partner pair (every product) and a
// reporter (every partner and product) are each a contiguous range of it. The table itself
// stays in its order, so everything that depends on the order of rows (first appearances, the
// first error) reads the same as without an index.
#ifndef CULTURETRADE_CORE_SERIES_INDEX_H_
#define CULTURETRADE_CORE_SERIES_INDEX_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "absl/types/span.h"

namespace culturetrade {

class SeriesIndex {
 public:
  // The key columns of the table indexed, one entry a row.
  struct Keys {
    absl::Span<const uint16_t> reporter, partner;
    absl::Span<const uint32_t> product;
  };

  // A row's key as one number, reporter first, so that key order is (reporter, partner,
  // product) order.
  static uint64_t Pack(uint32_t reporter, uint32_t partner, uint32_t product) {
    return uint64_t{reporter} << 48 | uint64_t{partner} << 32 | product;
  }

  SeriesIndex() = default;
  SeriesIndex(const SeriesIndex& other);
  SeriesIndex(SeriesIndex&& other) noexcept;
  SeriesIndex& operator=(const SeriesIndex& other);
  SeriesIndex& operator=(SeriesIndex&& other) noexcept;
  ~SeriesIndex() = default;

  // Forgets the index of a table that changed; the next lookup builds it anew.
  void Clear();
  // Builds the index of `keys` unless it is built. Lookups call it, so that an index is built
  // the first time a table is asked for a series; several threads may call it at once on a
  // table that no one changes.
  void Build(const Keys& keys) const;
  // The rows whose packed key lies in [first, last], in key order and then table order.
  absl::Span<const uint32_t> Find(const Keys& keys, uint64_t first, uint64_t last) const;
  // Bytes held; zero until built.
  size_t bytes() const;

 private:
  mutable std::mutex mutex_;  // held while building
  mutable std::atomic<bool> built_{false};
  mutable std::vector<uint32_t> rows_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_SERIES_INDEX_H_
