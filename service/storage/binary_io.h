// Little-endian varints and length-prefixed strings, written to a growing buffer and read back
// with every length checked, for the store's own binary layouts (block_codec.h, stored_block.h).
// Inline: the codec calls them for every cell of a block.
#ifndef CULTURETRADE_SERVICE_STORAGE_BINARY_IO_H_
#define CULTURETRADE_SERVICE_STORAGE_BINARY_IO_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "absl/numeric/int128.h"
#include "absl/strings/string_view.h"

namespace culturetrade {

// Signed to unsigned so that small magnitudes of either sign take few bytes.
inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}
inline absl::uint128 ZigZag128(absl::int128 v) {
  return (static_cast<absl::uint128>(v) << 1) ^ static_cast<absl::uint128>(v >> 127);
}
inline absl::int128 UnZigZag128(absl::uint128 v) {
  return static_cast<absl::int128>(v >> 1) ^ -static_cast<absl::int128>(v & 1);
}

// Writes into a buffer that grows by doubling and is reused after clear(): the codec writes a
// few bytes for every cell, so each write is a bounds check and a store.
class ByteWriter {
 public:
  void Byte(uint8_t b) {
    Room(1);
    buf_[size_++] = static_cast<char>(b);
  }
  void Varint(uint64_t v) {
    Room(10);
    char* p = &buf_[size_];
    while (v >= 0x80) {
      *p++ = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    size_ = static_cast<size_t>(p - buf_.data());
  }
  void Varint128(absl::uint128 v) {
    while (absl::Uint128High64(v) != 0) {
      Byte(static_cast<uint8_t>(absl::Uint128Low64(v) | 0x80));
      v >>= 7;
    }
    Varint(absl::Uint128Low64(v));
  }
  void String(absl::string_view s) {
    Varint(s.size());
    Raw(s);
  }
  void Raw(absl::string_view s) {
    Room(s.size());
    if (!s.empty()) std::memcpy(&buf_[size_], s.data(), s.size());
    size_ += s.size();
  }

  absl::string_view bytes() const { return absl::string_view(buf_.data(), size_); }
  // The bytes written; the writer starts afresh.
  std::string Take() {
    buf_.resize(size_);
    size_ = 0;
    return std::move(buf_);
  }
  void clear() { size_ = 0; }

 private:
  void Room(size_t n) {
    if (size_ + n > buf_.size()) buf_.resize(std::max(2 * buf_.size(), size_ + n));
  }

  std::string buf_;  // its first size_ bytes are written
  size_t size_ = 0;
};

// Reads what a ByteWriter wrote. Every read returns false when the bytes run out or a varint
// is longer than its type; the reader is then spent.
class ByteReader {
 public:
  explicit ByteReader(absl::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}

  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

  bool Byte(uint8_t& b) {
    if (p_ == end_) return false;
    b = static_cast<uint8_t>(*p_++);
    return true;
  }
  bool Varint(uint64_t& v) {
    uint64_t out = 0;
    for (int shift = 0; shift < 64 && p_ != end_; shift += 7) {
      const auto byte = static_cast<uint8_t>(*p_++);
      out |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) {
        v = out;
        return true;
      }
    }
    return false;
  }
  bool Varint128(absl::uint128& v) {
    // Most values fit in 64 bits: their bytes are gathered as Varint's are.
    uint64_t low = 0;
    int shift = 0;
    for (; shift < 63 && p_ != end_; shift += 7) {
      const auto byte = static_cast<uint8_t>(*p_++);
      low |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) {
        v = low;
        return true;
      }
    }
    absl::uint128 out = low;
    for (; shift < 128 && p_ != end_; shift += 7) {
      const auto byte = static_cast<uint8_t>(*p_++);
      out |= absl::uint128(byte & 0x7f) << shift;
      if (byte < 0x80) {
        v = out;
        return true;
      }
    }
    return false;
  }
  bool String(std::string& s) {
    absl::string_view view;
    if (!StringView(view)) return false;
    s.assign(view.data(), view.size());
    return true;
  }
  // The string's bytes in the input, valid while it is.
  bool StringView(absl::string_view& s) {
    uint64_t size = 0;
    if (!Varint(size) || size > remaining()) return false;
    s = absl::string_view(p_, size);
    p_ += size;
    return true;
  }
  // `n` raw bytes.
  bool Raw(size_t n, absl::string_view& s) {
    if (n > remaining()) return false;
    s = absl::string_view(p_, n);
    p_ += n;
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_BINARY_IO_H_
