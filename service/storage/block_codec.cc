#include "service/storage/block_codec.h"

#include <zstd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/storage/block_shape.h"

namespace culturetrade {
namespace {

constexpr uint8_t kFormat = 1;  // the byte before the zstd frame
constexpr uint8_t kLayout = 1;  // the first byte of the layout
// zstd's default: near its best ratio on these columns at several hundred MB/s.
constexpr int kZstdLevel = 3;
// Bounds on a block, far above any the server writes (8192 flows take well under a MiB), so
// that a corrupt one cannot make the reader allocate without end. Blocks past them are refused
// when written, so every stored block can be read back.
constexpr size_t kMaxLayoutBytes = size_t{64} << 20;
constexpr uint64_t kMaxFlows = uint64_t{1} << 22;
constexpr uint8_t kHasSource = 1, kHasQuantity = 2;
// Values share at most this many trailing zeros in their nanos (10^18 fits in 64 bits).
constexpr int kMaxScale = 18;
// A quantity amount held as digits fits in 128 bits.
constexpr int kMaxAmountDigits = 38;
constexpr uint64_t kAmountNone = 0, kAmountText = 1, kAmountNumber = 2;

// 10^n for n in 0..38.
absl::uint128 Pow10(int n) {
  static const auto* const powers = [] {
    auto* p = new std::array<absl::uint128, kMaxAmountDigits + 1>;
    (*p)[0] = 1;
    for (size_t i = 1; i < p->size(); ++i) (*p)[i] = (*p)[i - 1] * 10;
    return p;
  }();
  return (*powers)[n];
}

bool FitsInt64(absl::int128 v) {
  return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

// --- Encoding ---

// Division of 64-bit integers by 10^k that it divides exactly, and the test whether it does,
// without a division instruction: 10^k = 2^k 5^k, and multiplying by the inverse of 5^k
// modulo 2^64 divides exactly by 5^k.
class Pow10Divider {
 public:
  explicit Pow10Divider(int k) : k_(k), five_(static_cast<uint64_t>(Pow10(k) >> k)) {
    inverse_ = five_;  // right in 3 bits; Newton's steps double that
    for (int i = 0; i < 5; ++i) inverse_ *= 2 - five_ * inverse_;
  }
  bool Divides(int64_t n) const {
    const uint64_t x = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    return (x & ((uint64_t{1} << k_) - 1)) == 0 &&
           (x >> k_) * inverse_ <= std::numeric_limits<uint64_t>::max() / five_;
  }
  int64_t Quotient(int64_t n) const {
    return static_cast<int64_t>(static_cast<uint64_t>(n >> k_) * inverse_);
  }

 private:
  int k_;
  uint64_t five_, inverse_ = 0;
};

template <typename T>
void PutDeltas(const std::vector<T>& column, ByteWriter& w) {
  int64_t previous = 0;
  for (T v : column) {
    w.Varint(ZigZag(static_cast<int64_t>(v) - previous));
    previous = static_cast<int64_t>(v);
  }
}

template <typename T>
void PutBytes(const std::vector<T>& column, ByteWriter& w) {
  for (T v : column) w.Byte(static_cast<uint8_t>(v));
}

void PutStrings(const std::vector<std::string>& strings, ByteWriter& w) {
  w.Varint(strings.size());
  for (const std::string& s : strings) w.String(s);
}

void PutDictionaries(const FlowBlock& b, ByteWriter& w) {
  PutStrings(b.economies, w);
  w.Varint(b.products.size());
  for (const ProductEntry& p : b.products) {
    w.Byte(static_cast<uint8_t>(p.classification));
    w.String(p.code);
    w.String(p.description);
  }
  PutStrings(b.currencies, w);
  w.Varint(b.sources.size());
  for (const SourceEntry& s : b.sources) {
    for (const std::string* field : {&s.title, &s.locator, &s.quote, &s.uri}) w.String(*field);
  }
  PutStrings(b.quantity_units, w);
}

// The most trailing decimal zeros, up to kMaxScale, that every value's nanos have.
int CommonScale(const std::vector<Decimal>& values) {
  int scale = kMaxScale;
  Pow10Divider divider(scale);
  for (const Decimal& v : values) {
    const absl::int128 nanos = v.nanos();
    if (FitsInt64(nanos)) {
      const auto n = static_cast<int64_t>(nanos);
      while (scale > 0 && !divider.Divides(n)) divider = Pow10Divider(--scale);
    } else {
      while (scale > 0 && nanos % static_cast<absl::int128>(Pow10(scale)) != 0) --scale;
      divider = Pow10Divider(scale);
    }
    if (scale == 0) break;
  }
  return scale;
}

void PutValues(const std::vector<Decimal>& values, ByteWriter& w) {
  const int scale = CommonScale(values);
  w.Byte(static_cast<uint8_t>(scale));
  const Pow10Divider divider(scale);
  for (const Decimal& v : values) {
    const absl::int128 nanos = v.nanos();
    if (FitsInt64(nanos)) {
      w.Varint(ZigZag(divider.Quotient(static_cast<int64_t>(nanos))));
    } else {
      w.Varint128(ZigZag128(nanos / static_cast<absl::int128>(Pow10(scale))));
    }
  }
}

// A quantity amount as its tag and, for a plain decimal ("-12.50"), its digits as an integer.
struct Amount {
  uint64_t tag = kAmountNone;
  absl::uint128 digits = 0;
};

Amount AmountOf(absl::string_view s) {
  if (s.empty()) return Amount{};
  const bool negative = s[0] == '-';
  int digits = 0, fraction = -1;  // -1: no point seen
  // The first 19 digits gather in 64 bits, the rest (rare) in 128.
  uint64_t low = 0;
  absl::uint128 value = 0;
  for (size_t i = negative ? 1 : 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && fraction < 0 && digits > 0 && i + 1 < s.size()) {
      fraction = 0;
    } else if (c >= '0' && c <= '9' && digits < kMaxAmountDigits) {
      if (digits < 19) {
        low = low * 10 + static_cast<uint64_t>(c - '0');
      } else {
        value = (digits == 19 ? absl::uint128(low) : value) * 10 + static_cast<uint64_t>(c - '0');
      }
      ++digits;
      if (fraction >= 0) ++fraction;
    } else {
      return Amount{kAmountText, 0};
    }
  }
  if (digits == 0) return Amount{kAmountText, 0};
  const uint64_t shape = static_cast<uint64_t>(negative) |
                         static_cast<uint64_t>(fraction < 0 ? 0 : fraction) << 1 |
                         static_cast<uint64_t>(digits) << 7;
  return Amount{kAmountNumber + shape, digits <= 19 ? absl::uint128(low) : value};
}

void PutAmounts(const std::vector<std::string>& amounts, ByteWriter& w) {
  std::vector<Amount> parsed;
  parsed.reserve(amounts.size());
  for (const std::string& a : amounts) parsed.push_back(AmountOf(a));
  for (const Amount& a : parsed) w.Varint(a.tag);
  for (const Amount& a : parsed) {
    if (a.tag >= kAmountNumber) w.Varint128(a.digits);
  }
  for (size_t i = 0; i < amounts.size(); ++i) {
    if (parsed[i].tag == kAmountText) w.String(amounts[i]);
  }
}

void PutLayout(const FlowBlock& b, ByteWriter& w) {
  w.Byte(kLayout);
  w.Varint(b.size());
  PutDictionaries(b, w);
  w.Byte((b.source.empty() ? 0 : kHasSource) | (b.quantity_amount.empty() ? 0 : kHasQuantity));
  for (const std::vector<uint32_t>* column : {&b.reporter, &b.partner, &b.product, &b.currency}) {
    PutDeltas(*column, w);
  }
  PutDeltas(b.year, w);
  PutBytes(b.month, w);
  PutBytes(b.quarter, w);
  PutBytes(b.direction, w);
  PutBytes(b.status, w);
  PutValues(b.value, w);
  PutDeltas(b.source, w);
  PutDeltas(b.quantity_unit, w);
  PutAmounts(b.quantity_amount, w);
}

// --- Decoding ---

absl::Status Corrupt(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("stored block: ", what));
}
absl::Status CutShort(absl::string_view part) {
  return Corrupt(absl::StrCat("its ", part, " is cut short"));
}

// Reads the layout, each part into the block, with the name of the part that is wrong.
class LayoutReader {
 public:
  explicit LayoutReader(absl::string_view raw) : r_(raw) {}

  absl::Status Read(FlowBlock& b) {
    uint8_t layout = 0, flags = 0;
    uint64_t n = 0;
    if (!r_.Byte(layout) || layout != kLayout) return Corrupt("its layout is unknown");
    // Every flow takes four bytes at least (month, quarter, direction, status).
    if (!r_.Varint(n) || n > kMaxFlows || n > r_.remaining() / 4) {
      return Corrupt("its flow count is wrong");
    }
    if (absl::Status s = Dictionaries(b); !s.ok()) return s;
    if (!r_.Byte(flags) || flags > (kHasSource | kHasQuantity)) {
      return Corrupt("its column flags are unknown");
    }
    n_ = n;
    for (auto [name, column] :
         {std::pair("reporter", &b.reporter), std::pair("partner", &b.partner),
          std::pair("product", &b.product), std::pair("currency", &b.currency)}) {
      if (!Deltas(n_, *column)) return CutShort(name);
    }
    if (!Deltas(n_, b.year)) return CutShort("year");
    if (!Bytes(b.month) || !Bytes(b.quarter) || !Bytes(b.direction) || !Bytes(b.status)) {
      return CutShort("period, direction or status");
    }
    if (absl::Status s = Values(b.value); !s.ok()) return s;
    if ((flags & kHasSource) != 0 && !Deltas(n_, b.source)) return CutShort("source");
    if ((flags & kHasQuantity) != 0) {
      if (!Deltas(n_, b.quantity_unit)) return CutShort("quantity unit");
      if (absl::Status s = Amounts(b.quantity_amount); !s.ok()) return s;
    }
    if (r_.remaining() != 0) return Corrupt("it has bytes after its last column");
    return absl::OkStatus();
  }

 private:
  // A count of entries that take a byte at least each.
  bool Count(uint64_t& n) { return r_.Varint(n) && n <= r_.remaining(); }

  bool Strings(std::vector<std::string>& out) {
    uint64_t n = 0;
    if (!Count(n)) return false;
    out.resize(n);
    for (std::string& s : out) {
      if (!r_.String(s)) return false;
    }
    return true;
  }

  absl::Status Dictionaries(FlowBlock& b) {
    uint64_t products = 0, sources = 0;
    if (!Strings(b.economies)) return CutShort("economies");
    if (!Count(products)) return CutShort("products");
    b.products.resize(products);
    for (ProductEntry& p : b.products) {
      uint8_t classification = 0;
      if (!r_.Byte(classification) || !r_.String(p.code) || !r_.String(p.description)) {
        return CutShort("products");
      }
      p.classification = static_cast<Classification>(classification);
    }
    if (!Strings(b.currencies)) return CutShort("currencies");
    if (!Count(sources)) return CutShort("sources");
    b.sources.resize(sources);
    for (SourceEntry& s : b.sources) {
      for (std::string* field : {&s.title, &s.locator, &s.quote, &s.uri}) {
        if (!r_.String(*field)) return CutShort("sources");
      }
    }
    if (!Strings(b.quantity_units)) return CutShort("quantity units");
    return absl::OkStatus();
  }

  // `n` deltas, each sum inside T.
  template <typename T>
  bool Deltas(uint64_t n, std::vector<T>& out) {
    out.resize(n);
    int64_t previous = 0;
    for (T& v : out) {
      uint64_t delta = 0;
      if (!r_.Varint(delta)) return false;
      // Wrapping, so that a corrupt delta cannot overflow: any sum outside T is refused.
      const auto sum = static_cast<int64_t>(static_cast<uint64_t>(previous) +
                                            static_cast<uint64_t>(UnZigZag(delta)));
      if (sum < std::numeric_limits<T>::min() || sum > std::numeric_limits<T>::max()) {
        return false;
      }
      v = static_cast<T>(sum);
      previous = sum;
    }
    return true;
  }

  template <typename T>
  bool Bytes(std::vector<T>& out) {
    absl::string_view bytes;
    if (!r_.Raw(n_, bytes)) return false;
    out.resize(n_);
    for (size_t i = 0; i < n_; ++i) out[i] = static_cast<T>(static_cast<uint8_t>(bytes[i]));
    return true;
  }

  absl::Status Values(std::vector<Decimal>& out) {
    uint8_t scale = 0;
    if (!r_.Byte(scale) || scale > kMaxScale) return Corrupt("its value scale is wrong");
    const auto unit = static_cast<absl::int128>(Pow10(scale));
    const absl::int128 max = std::numeric_limits<absl::int128>::max() / unit;
    out.resize(n_);
    for (Decimal& v : out) {
      absl::uint128 coded = 0;
      if (!r_.Varint128(coded)) return CutShort("value");
      const absl::int128 scaled = UnZigZag128(coded);
      if (scaled > max || scaled < -max) return Corrupt("a value is out of range");
      v = Decimal::FromNanos(scaled * unit);
    }
    return absl::OkStatus();
  }

  absl::Status Amounts(std::vector<std::string>& out) {
    std::vector<uint64_t> tags(n_);
    for (uint64_t& tag : tags) {
      if (!r_.Varint(tag)) return CutShort("quantity amount");
    }
    out.resize(n_);
    for (size_t i = 0; i < n_; ++i) {
      if (tags[i] < kAmountNumber) continue;
      if (absl::Status s = Number(tags[i] - kAmountNumber, out[i]); !s.ok()) return s;
    }
    for (size_t i = 0; i < n_; ++i) {
      if (tags[i] == kAmountText && !r_.String(out[i])) return CutShort("quantity amount");
    }
    return absl::OkStatus();
  }

  // A plain decimal from its shape (sign, fraction digits, digits) and digits.
  absl::Status Number(uint64_t shape, std::string& out) {
    const bool negative = (shape & 1) != 0;
    const uint64_t fraction = (shape >> 1) & 63, digits = shape >> 7;
    absl::uint128 value = 0;
    if (!r_.Varint128(value)) return CutShort("quantity amount");
    if (digits == 0 || digits > kMaxAmountDigits || fraction >= digits ||
        value >= Pow10(static_cast<int>(digits))) {
      return Corrupt("a quantity amount is malformed");
    }
    // Digits from the last, in 64-bit steps where they fit (128-bit division is slow).
    char text[kMaxAmountDigits + 2];
    char* end = text + sizeof(text);
    char* p = end;
    for (uint64_t i = 0; i < digits; ++i) {
      if (i == fraction && fraction > 0) *--p = '.';
      if (absl::Uint128High64(value) == 0) {
        uint64_t low = absl::Uint128Low64(value);
        *--p = static_cast<char>('0' + low % 10);
        value = low / 10;
      } else {
        *--p = static_cast<char>('0' + static_cast<int>(absl::Uint128Low64(value % 10)));
        value /= 10;
      }
    }
    if (negative) *--p = '-';
    out.assign(p, end);
    return absl::OkStatus();
  }

  ByteReader r_;
  uint64_t n_ = 0;
};

}  // namespace

BlockEncoder::BlockEncoder() : ctx_(ZSTD_createCCtx()) {
  ZSTD_CCtx_setParameter(ctx_, ZSTD_c_compressionLevel, kZstdLevel);
  // A checksum of the layout: a block damaged on disk fails as such, not as a wrong column.
  ZSTD_CCtx_setParameter(ctx_, ZSTD_c_checksumFlag, 1);
}
BlockEncoder::~BlockEncoder() { ZSTD_freeCCtx(ctx_); }

absl::StatusOr<std::string> BlockEncoder::Encode(const FlowBlock& block) {
  if (absl::Status s = CheckBlockShape(block); !s.ok()) return s;
  raw_.clear();
  PutLayout(block, raw_);
  const absl::string_view raw = raw_.bytes();
  if (block.size() > kMaxFlows || raw.size() > kMaxLayoutBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("block has ", block.size(), " flows in ", raw.size(), " bytes; at most ",
                     kMaxFlows, " flows in ", kMaxLayoutBytes, " bytes fit in a stored block"));
  }
  const size_t bound = ZSTD_compressBound(raw.size());
  if (frame_.size() < bound) frame_.resize(bound);
  const size_t size = ZSTD_compress2(ctx_, frame_.data(), bound, raw.data(), raw.size());
  if (ZSTD_isError(size)) {
    return absl::InternalError(absl::StrCat("store: zstd: ", ZSTD_getErrorName(size)));
  }
  std::string stored;
  stored.reserve(1 + size);
  stored.push_back(static_cast<char>(kFormat));
  stored.append(frame_.data(), size);
  return stored;
}

BlockDecoder::BlockDecoder() : ctx_(ZSTD_createDCtx()) {}
BlockDecoder::~BlockDecoder() { ZSTD_freeDCtx(ctx_); }

absl::StatusOr<FlowBlock> BlockDecoder::Decode(absl::string_view stored) {
  if (stored.empty() || static_cast<uint8_t>(stored[0]) != kFormat) {
    return Corrupt("its format is unknown");
  }
  const absl::string_view frame = stored.substr(1);
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kMaxLayoutBytes) {
    return Corrupt("its compressed frame is not one");
  }
  raw_.resize(size);
  const size_t got =
      ZSTD_decompressDCtx(ctx_, raw_.data(), raw_.size(), frame.data(), frame.size());
  if (ZSTD_isError(got) || got != size) {
    return Corrupt(absl::StrCat("its compressed frame does not decompress: ",
                                ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short"));
  }
  FlowBlock block;
  if (absl::Status s = LayoutReader(raw_).Read(block); !s.ok()) return s;
  if (absl::Status s = CheckBlockShape(block); !s.ok()) return Corrupt(s.message());
  return block;
}

}  // namespace culturetrade
