#include "service/model/flow_keys_table.h"

#include <new>
#include <utility>

#include "absl/numeric/int128.h"

namespace culturetrade {
namespace {

constexpr size_t kMinSlots = 16;

// The two words of a key mixed into 64 bits: a 128-bit product folded, which spreads the
// keys' structured fields (codes, years) over every bit.
uint64_t Mix(uint64_t a, uint64_t b) {
  const absl::uint128 m =
      absl::uint128(a ^ 0x9e3779b97f4a7c15u) * absl::uint128(b ^ 0xd6e8feb86659fd93u);
  return absl::Uint128High64(m) ^ absl::Uint128Low64(m);
}

}  // namespace

size_t FlowKeysTable::SlotsFor(size_t keys) {
  size_t slots = kMinSlots;
  while (MaxUsed(slots) < keys) slots *= 2;
  return slots;
}

int64_t FlowKeysTable::BytesToHold(int64_t keys) {
  const auto slots = static_cast<int64_t>(SlotsFor(static_cast<size_t>(keys)));
  return (slots + slots / 2) * static_cast<int64_t>(sizeof(Slot));
}

size_t FlowKeysTable::Home(const Key& key) const {
  return static_cast<size_t>(Mix(key.high, key.low) >> shift_);
}

size_t FlowKeysTable::Find(const Key& key) const {
  // The table is never full, so the probe ends at the key or at an empty slot.
  const size_t mask = capacity_ - 1;
  for (size_t i = Home(key);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.low == 0 || (slot.high == key.high && (slot.low & ~kMarkBits) == key.low)) return i;
  }
}

uint32_t FlowKeysTable::Marks(const Key& key) const {
  if (capacity_ == 0) return 0;
  return static_cast<uint32_t>(slots_[Find(key)].low & kMarkBits);
}

FlowKeysTable::Slots FlowKeysTable::Allocate(size_t count) {
  // calloc: a large array comes as fresh zero pages from the kernel, not written here.
  Slots slots(static_cast<Slot*>(std::calloc(count, sizeof(Slot))));
  if (!slots) throw std::bad_alloc();
  return slots;
}

void FlowKeysTable::Grow(size_t keys) {
  const size_t old_capacity = capacity_;
  const Slots old = std::exchange(slots_, Allocate(SlotsFor(keys)));
  capacity_ = SlotsFor(keys);
  shift_ = 64 - __builtin_ctzll(capacity_);
  // The keys come in the old order, which is random in the new table: fetch ahead.
  constexpr size_t kAhead = 16;
  const auto key_of = [](const Slot& slot) { return Key{slot.high, slot.low & ~kMarkBits}; };
  for (size_t i = 0; i < old_capacity; ++i) {
    if (i + kAhead < old_capacity) Prefetch(key_of(old[i + kAhead]));
    if (old[i].low != 0) slots_[Find(key_of(old[i]))] = old[i];
  }
}

}  // namespace culturetrade
