#include "import/plain_flow_rows.h"

#include <array>

#include "absl/numeric/int128.h"

namespace culturetrade::import {
namespace {

// At most 18 digits, so that they fit an int64 whatever they are.
constexpr int kMaxPlainDigits = 18;

// The digits of a plain number, read as one integer, and how many stand before and after the
// dot.
struct PlainDigits {
  uint64_t digits = 0;
  int whole = 0;
  int fraction = 0;
};

// `text` (trimmed) as digits, with or without a dot and one to nine digits after it; nullopt
// for anything else, or more than 18 digits.
std::optional<PlainDigits> ScanPlain(absl::string_view text) {
  PlainDigits out;
  bool dot = false;
  for (const char c : text) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    out.digits = out.digits * 10 + static_cast<uint64_t>(c - '0');
    ++(dot ? out.fraction : out.whole);
    if (out.whole + out.fraction > kMaxPlainDigits) return std::nullopt;
  }
  const bool plain =
      out.whole > 0 && (!dot || out.fraction > 0) && out.fraction <= Decimal::kFractionDigits;
  return plain ? std::optional<PlainDigits>(out) : std::nullopt;
}

constexpr std::array<uint64_t, kMaxPlainDigits + 1> PowersOfTen() {
  std::array<uint64_t, kMaxPlainDigits + 1> powers{};
  uint64_t p = 1;
  for (uint64_t& power : powers) {
    power = p;
    p *= 10;
  }
  return powers;
}

}  // namespace

std::optional<Decimal> PlainValue(absl::string_view cell, int scale) {
  if (scale < 0 || scale > Decimal::kFractionDigits) return std::nullopt;
  const std::optional<PlainDigits> plain = ScanPlain(absl::StripAsciiWhitespace(cell));
  // Whole units below 10^18 fit the int64 units of a Money, as ParseValue requires.
  if (!plain || plain->whole + scale > kMaxPlainDigits) return std::nullopt;
  static constexpr std::array<uint64_t, kMaxPlainDigits + 1> kPowers = PowersOfTen();
  const int exponent = Decimal::kFractionDigits + scale - plain->fraction;
  return Decimal::FromNanos(absl::int128(plain->digits) * kPowers[exponent]);
}

std::optional<absl::string_view> PlainNumber(absl::string_view cell) {
  const absl::string_view text = absl::StripAsciiWhitespace(cell);
  if (!ScanPlain(text)) return std::nullopt;
  return text;
}

SourceEntry SourceTitled(absl::string_view title) {
  SourceEntry source;
  source.title = std::string(title);
  return source;
}

Direction DirectionOf(v1::FlowDirection direction) {
  // The wire counts export, import, re-export and re-import from 1, the domain from 0.
  return static_cast<Direction>(direction - v1::FLOW_DIRECTION_EXPORT);
}

ValueStatus StatusOf(v1::ValueStatus status) {
  switch (status) {
    case v1::VALUE_STATUS_DERIVED: return ValueStatus::kDerived;
    case v1::VALUE_STATUS_ESTIMATED: return ValueStatus::kEstimated;
    default: return ValueStatus::kReported;
  }
}

Classification ClassificationOf(v1::Classification classification) {
  // The numbers are the wire's (core/flow_block.h).
  return static_cast<Classification>(classification);
}

}  // namespace culturetrade::import
