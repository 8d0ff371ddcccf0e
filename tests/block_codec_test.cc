#include "service/storage/block_codec.h"

#include <gtest/gtest.h>
#include <time.h>
#include <zstd.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "core/flow_block_builder.h"
#include "service/storage/binary_io.h"
#include "tests/baci_like_flows.h"

namespace culturetrade {
namespace {

void ExpectSameBlock(const FlowBlock& got, const FlowBlock& want) {
  EXPECT_EQ(got.economies, want.economies);
  EXPECT_EQ(got.products, want.products);
  EXPECT_EQ(got.currencies, want.currencies);
  EXPECT_EQ(got.sources, want.sources);
  EXPECT_EQ(got.quantity_units, want.quantity_units);
  EXPECT_EQ(got.reporter, want.reporter);
  EXPECT_EQ(got.partner, want.partner);
  EXPECT_EQ(got.product, want.product);
  EXPECT_EQ(got.currency, want.currency);
  EXPECT_EQ(got.year, want.year);
  EXPECT_EQ(got.month, want.month);
  EXPECT_EQ(got.quarter, want.quarter);
  EXPECT_EQ(got.direction, want.direction);
  EXPECT_EQ(got.status, want.status);
  EXPECT_TRUE(got.value == want.value);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.quantity_amount, want.quantity_amount);
  EXPECT_EQ(got.quantity_unit, want.quantity_unit);
}

// Every kind of cell: months and quarters, each direction and status, values of every sign
// and size (beyond 64 bits of nanos too), sources, and quantity amounts plain and odd.
FlowBlock Varied() {
  FlowBlockBuilder b;
  const std::vector<std::string> amounts = {"",
                                            "12.5",
                                            "007",
                                            "-0",
                                            "0.000",
                                            "1e5",
                                            "-.5",
                                            "5.",
                                            "+3",
                                            " 4",
                                            "-12.50",
                                            "123456789012345678901234567890123456789012",
                                            "99999999999999999999999999999999999999"};
  const std::vector<Decimal> values = {
      Decimal::FromUnits(0),           Decimal::FromUnits(-7),
      Decimal::FromNanos(1),           Decimal::FromUnits(int64_t{1} << 62),
      *Decimal::Parse("-0.000000001"), Decimal::FromNanos(absl::MakeInt128(1, 0) * 1000),
      *Decimal::Parse("12345.67")};
  for (int i = 0; i < 40; ++i) {
    FlowBlockBuilder::Row row;
    row.reporter = b.Economy(i % 3 ? "CHN" : "KOR");
    row.partner = b.Economy(i % 5 ? "USA" : "FRA");
    row.product = b.Product(static_cast<Classification>(i % 5), absl::StrCat("P", i % 7),
                            i % 2 ? "" : "a description");
    row.currency = b.Currency(i % 4 ? "USD" : "EUR");
    row.period = Period{1990 + (i * 7) % 40, i % 13, i % 13 == 0 ? i % 5 : 0};
    row.direction = static_cast<Direction>(i % 4);
    row.status = static_cast<ValueStatus>(i % 3);
    row.value = values[i % values.size()];
    if (i % 3 == 1) row.source = b.Source(SourceEntry{"t", "l", "q", absl::StrCat("u", i % 2)});
    row.quantity_amount = amounts[i % amounts.size()];
    row.quantity_unit = b.QuantityUnit(i % 2 ? "t" : "kg");
    b.Add(row);
  }
  return b.Take();
}

TEST(BlockCodecTest, EveryCellRoundTrips) {
  const FlowBlock block = Varied();
  absl::StatusOr<std::string> stored = BlockEncoder().Encode(block);
  ASSERT_TRUE(stored.ok()) << stored.status();
  absl::StatusOr<FlowBlock> back = BlockDecoder().Decode(*stored);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameBlock(*back, block);
}

TEST(BlockCodecTest, ABlockWithoutOptionalColumnsRoundTrips) {
  FlowBlockBuilder b;
  FlowBlockBuilder::Row row;
  row.reporter = b.Economy("CHN");
  row.partner = b.Economy("KOR");
  row.product = b.Product(Classification::kFree, "TV", "");
  row.currency = b.Currency("USD");
  row.period.year = -5;
  b.Add(row);
  const FlowBlock block = b.Take();
  ASSERT_TRUE(block.source.empty() && block.quantity_amount.empty());
  absl::StatusOr<FlowBlock> back = BlockDecoder().Decode(*BlockEncoder().Encode(block));
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameBlock(*back, block);
}

TEST(BlockCodecTest, AMalformedBlockIsRefusedNamingTheCell) {
  FlowBlock block = Varied();
  block.partner[17] = 40;
  absl::Status s = BlockEncoder().Encode(block).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "block.partner[17] is 40, but the block has 4 economies");
  block = Varied();
  block.year.pop_back();
  EXPECT_EQ(BlockEncoder().Encode(block).status().message(), "block.year has 39 entries, not 40");
}

// Decoding must fail cleanly, never crash, whatever the bytes (ASan and UBSan watch).
void ExpectDataLoss(BlockDecoder& decoder, absl::string_view bytes) {
  absl::StatusOr<FlowBlock> got = decoder.Decode(bytes);
  EXPECT_EQ(got.status().code(), absl::StatusCode::kDataLoss) << got.status();
}

// A flipped bit is caught (the frame's checksum covers the layout), unless it is one of the
// frame header's bits that do not change what it decompresses to.
TEST(BlockCodecTest, EveryTruncationAndBitFlipIsDataLossOrHarmless) {
  const FlowBlock block = Varied();
  const std::string stored = *BlockEncoder().Encode(block);
  BlockDecoder decoder;
  for (size_t n = 0; n < stored.size(); ++n) ExpectDataLoss(decoder, stored.substr(0, n));
  int harmless = 0;
  for (size_t i = 0; i < stored.size(); ++i) {
    for (int bit : {0, 3, 7}) {
      std::string flipped = stored;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      absl::StatusOr<FlowBlock> got = decoder.Decode(flipped);
      if (got.ok()) {
        ++harmless;
        ExpectSameBlock(*got, block);
      } else {
        EXPECT_EQ(got.status().code(), absl::StatusCode::kDataLoss) << got.status();
      }
    }
  }
  EXPECT_LT(harmless, 8);
  ExpectDataLoss(decoder, stored + "x");
}

// A layout that zstd vouches for but that is wrong inside: every part of it checked.
std::string Framed(const std::string& layout) {
  std::string out(1 + ZSTD_compressBound(layout.size()), '\0');
  out[0] = 1;
  out.resize(1 + ZSTD_compress(out.data() + 1, out.size() - 1, layout.data(), layout.size(), 3));
  return out;
}

TEST(BlockCodecTest, AWellCompressedButWrongLayoutIsDataLoss) {
  BlockDecoder decoder;
  // Random layouts.
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string layout(random() % 64, '\0');
    for (char& c : layout) c = static_cast<char>(random());
    if (!layout.empty()) layout[0] = 1;
    ExpectDataLoss(decoder, Framed(layout));
  }
  // One flow whose reporter is past the one economy.
  ByteWriter w;
  w.Byte(1);
  w.Varint(1);
  w.Varint(1);
  w.String("CHN");
  for (int dictionary = 0; dictionary < 4; ++dictionary) w.Varint(0);
  w.Byte(0);
  for (int column = 0; column < 5; ++column) w.Varint(column == 0 ? ZigZag(3) : 0);
  for (int column = 0; column < 4; ++column) w.Byte(0);
  w.Byte(0);
  w.Varint(0);
  absl::StatusOr<FlowBlock> got = decoder.Decode(Framed(std::string(w.bytes())));
  EXPECT_EQ(got.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(got.status().message(), "block.reporter[0] is 3")) << got.status();
  // The same with a delta that would overflow 64 bits.
  std::string layout(w.bytes());
  const size_t reporter = 12;  // after the counts, the economy and the flags
  ASSERT_EQ(layout[reporter], static_cast<char>(ZigZag(3)));
  layout.replace(reporter, 1, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01");
  EXPECT_EQ(decoder.Decode(Framed(layout)).status().code(), absl::StatusCode::kDataLoss);
}

// This thread's CPU time: the machine may be shared, and wall time would count the others.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Bytes a stored flow takes and the codec's speed in CPU time, printed (no timing is
// asserted): a million BACI-like flows.
TEST(BlockCodecTest, MeasuresBytesPerFlowAndSpeedOnBaciLikeFlows) {
  constexpr int kFlows = 1'000'000;
  const std::vector<FlowBlock> blocks = testing::BaciLikeBlocks(kFlows);
  BlockEncoder encoder;
  std::vector<std::string> stored;
  stored.reserve(blocks.size());
  double start = CpuSeconds();
  for (const FlowBlock& block : blocks) stored.push_back(*encoder.Encode(block));
  const double encode_s = CpuSeconds() - start;
  BlockDecoder decoder;
  size_t bytes = 0, decoded = 0;
  start = CpuSeconds();
  for (const std::string& s : stored) {
    bytes += s.size();
    decoded += decoder.Decode(s)->size();
  }
  const double decode_s = CpuSeconds() - start;
  EXPECT_EQ(decoded, static_cast<size_t>(kFlows));
  ExpectSameBlock(*decoder.Decode(stored.back()), blocks.back());
  std::cout << absl::StrFormat(
      "%d BACI-like flows in %d blocks: %.2f bytes a flow; encode %.1f M flows/s, decode %.1f "
      "M flows/s (CPU time)\n",
      kFlows, blocks.size(), static_cast<double>(bytes) / kFlows, kFlows / encode_s / 1e6,
      kFlows / decode_s / 1e6);
}

}  // namespace
}  // namespace culturetrade
