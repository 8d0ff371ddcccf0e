// The table behind FlowKeySet (flow_keys.h): for each key of a flow without its period (who,
// what, which year), the marks of the periods seen in that year, in one flat array of 16-byte
// slots with open addressing and linear probing.
//
// One slot holds a key and its marks together, so that checking a flow and remembering it is
// one probe, and a monthly series of a year costs one slot, not twelve. Tens of millions of
// keys make the array far larger than the caches: a caller checking many keys at once
// prefetches the slot of a key a few rows ahead (Prefetch) so that the misses overlap.
#ifndef CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_TABLE_H_
#define CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace culturetrade {

class FlowKeysTable {
 public:
  // The bits of a slot's low word that hold marks, and the bit every key sets so that an empty
  // slot (all zero) is no key's.
  static constexpr uint64_t kMarkBits = (uint64_t{1} << 20) - 1;
  static constexpr uint64_t kOccupied = uint64_t{1} << 20;

  // A key: any bits in `high`, and in `low` any above kOccupied (which Make sets).
  struct Key {
    uint64_t high = 0, low = 0;
  };
  static Key Make(uint64_t high, uint64_t low) { return {high, (low & ~kMarkBits) | kOccupied}; }

  // The marks of `key` (0 for a key not seen) go to `update`, whose answer replaces them; a
  // key not seen is stored only when that answer is not 0.
  template <typename UpdateFn>
  void Update(const Key& key, UpdateFn update) {
    if (used_ + 1 > MaxUsed(capacity_)) Grow(used_ + 1);
    Slot& slot = slots_[Find(key)];
    const auto marks = static_cast<uint32_t>(slot.low & kMarkBits);
    const uint32_t updated = update(marks);
    if (updated == marks) return;
    if (slot.low == 0) ++used_;
    slot.high = key.high;
    slot.low = key.low | (updated & kMarkBits);
  }
  // The marks of `key`, 0 when not seen.
  uint32_t Marks(const Key& key) const;

  // Asks the processor to fetch `key`'s slot ahead of its Update.
  void Prefetch(const Key& key) const {
    if (capacity_ != 0) __builtin_prefetch(&slots_[Home(key)], 1);
  }
  // Room for `keys` keys in all, without growing on the way.
  void Reserve(size_t keys) {
    if (keys > MaxUsed(capacity_)) Grow(keys);
  }
  size_t size() const { return used_; }
  // The most bytes the table holds on its way to holding `keys` keys: its array for that many,
  // and the array before, which growing copies from.
  static int64_t BytesToHold(int64_t keys);

 private:
  struct Slot {
    uint64_t high = 0, low = 0;  // low: 0 when empty
  };

  // Slots at most 4/5 full: linear probing stays short, and a slot costs at most 40 bytes a key
  // right after the table doubled.
  static size_t MaxUsed(size_t slots) { return slots / 5 * 4; }
  static size_t SlotsFor(size_t keys);
  size_t Home(const Key& key) const;
  // The slot of `key`, or the empty one where it would go.
  size_t Find(const Key& key) const;
  void Grow(size_t keys);

  struct Free {
    void operator()(Slot* slots) const { std::free(slots); }
  };
  using Slots = std::unique_ptr<Slot[], Free>;
  // `count` empty slots.
  static Slots Allocate(size_t count);

  Slots slots_;
  size_t capacity_ = 0;  // a power of two, or none
  size_t used_ = 0;
  int shift_ = 64;  // 64 - log2(slots)
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_TABLE_H_
