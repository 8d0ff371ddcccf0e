#include "core/series_index.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace culturetrade {
namespace {

// Stably reorders `rows` by key[row], through `scratch`: one pass of a least-significant-digit
// radix sort whose digits are whole columns of dictionary codes, which are dense and small, so
// that three passes in O(rows + codes) sort the table by its key.
template <typename Code>
void SortByColumn(absl::Span<const Code> key, std::vector<uint32_t>& rows,
                  std::vector<uint32_t>& scratch) {
  if (key.empty()) return;
  const Code top = *std::max_element(key.begin(), key.end());
  if (top == 0) return;  // a single code: already in order
  // next[c]: where the next row of code c goes; counted from the column, which holds the same
  // codes as the rows in any order.
  std::vector<uint32_t> next(size_t{top} + 1, 0);
  for (const Code c : key) ++next[c];
  uint32_t start = 0;
  for (uint32_t& n : next) start += std::exchange(n, start);
  scratch.resize(rows.size());
  const Code* codes = key.data();
  for (const uint32_t r : rows) scratch[next[codes[r]]++] = r;
  rows.swap(scratch);
}

}  // namespace

SeriesIndex::SeriesIndex(const SeriesIndex& other) { *this = other; }

SeriesIndex::SeriesIndex(SeriesIndex&& other) noexcept { *this = std::move(other); }

SeriesIndex& SeriesIndex::operator=(const SeriesIndex& other) {
  if (this == &other) return *this;
  // `other` may be building on another thread: copy it before or after, never during.
  std::lock_guard<std::mutex> lock(other.mutex_);
  rows_ = other.rows_;
  built_.store(other.built_.load());
  return *this;
}

SeriesIndex& SeriesIndex::operator=(SeriesIndex&& other) noexcept {
  if (this == &other) return *this;
  rows_ = std::move(other.rows_);
  built_.store(other.built_.load());
  other.Clear();
  return *this;
}

void SeriesIndex::Clear() {
  std::vector<uint32_t>().swap(rows_);
  built_.store(false);
}

void SeriesIndex::Build(const Keys& keys) const {
  if (built_.load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (built_.load(std::memory_order_relaxed)) return;
  std::vector<uint32_t> rows(keys.product.size()), scratch;
  std::iota(rows.begin(), rows.end(), uint32_t{0});
  SortByColumn(keys.product, rows, scratch);
  SortByColumn(keys.partner, rows, scratch);
  SortByColumn(keys.reporter, rows, scratch);
  rows_ = std::move(rows);
  built_.store(true, std::memory_order_release);
}

absl::Span<const uint32_t> SeriesIndex::Find(const Keys& keys, uint64_t first,
                                             uint64_t last) const {
  Build(keys);
  const uint16_t *reporter = keys.reporter.data(), *partner = keys.partner.data();
  const uint32_t* product = keys.product.data();
  const auto key = [&](uint32_t r) { return Pack(reporter[r], partner[r], product[r]); };
  const auto begin =
      std::partition_point(rows_.begin(), rows_.end(), [&](uint32_t r) { return key(r) < first; });
  const auto end =
      std::partition_point(begin, rows_.end(), [&](uint32_t r) { return key(r) <= last; });
  return absl::MakeConstSpan(rows_.data() + (begin - rows_.begin()),
                             static_cast<size_t>(end - begin));
}

size_t SeriesIndex::bytes() const {
  return built_.load(std::memory_order_acquire) ? rows_.capacity() * sizeof(uint32_t) : 0;
}

}  // namespace culturetrade
