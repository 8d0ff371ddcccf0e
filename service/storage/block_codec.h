// The stored form of a FlowBlock: its columns in a compact binary layout, compressed with zstd.
//
// Layout before compression (all integers little-endian base-128 varints):
//   version (1 byte), flow count, the five dictionaries (a count, then length-prefixed strings;
//   a product is its classification byte, code and description; a source its four strings),
//   a byte of flags (bit 0: the source column, bit 1: the quantity columns), then each column
//   whole: reporter, partner, product, currency and year as zigzag deltas from the row before
//   (sorted or repeated codes cost a byte that zstd all but removes), month, quarter,
//   direction and status a byte a flow, values as a scale byte k and each value's nanos / 10^k
//   zigzag-coded (the k trailing zeros every value shares cost nothing), then the optional
//   source and quantity unit columns as deltas, and quantity amounts as a tag a flow (0 none,
//   1 text, else the sign, digit count and fraction digits of a plain decimal) with the
//   decimals' digits as one integer each and the texts after them.
// The stored bytes are a format byte and a zstd frame of that layout.
#ifndef CULTURETRADE_SERVICE_STORAGE_BLOCK_CODEC_H_
#define CULTURETRADE_SERVICE_STORAGE_BLOCK_CODEC_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/flow_block.h"
#include "service/storage/binary_io.h"

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace culturetrade {

// Encodes blocks one after another, reusing its buffers and compression context: one per
// upload, not shared by threads.
class BlockEncoder {
 public:
  BlockEncoder();
  ~BlockEncoder();
  BlockEncoder(const BlockEncoder&) = delete;
  BlockEncoder& operator=(const BlockEncoder&) = delete;

  // The stored bytes of `block`; INVALID_ARGUMENT naming the cell when it is not well formed
  // (block_shape.h).
  absl::StatusOr<std::string> Encode(const FlowBlock& block);

 private:
  ByteWriter raw_;
  std::string frame_;  // room for the largest frame so far, reused
  ZSTD_CCtx_s* ctx_;
};

// Decodes stored blocks, one reader at a time.
class BlockDecoder {
 public:
  BlockDecoder();
  ~BlockDecoder();
  BlockDecoder(const BlockDecoder&) = delete;
  BlockDecoder& operator=(const BlockDecoder&) = delete;

  // The block `stored` holds. DATA_LOSS saying what is wrong when the bytes are not a block
  // this codec wrote: every length, index and enum is checked, so no input makes it crash or
  // allocate much more than the block it claims to hold.
  absl::StatusOr<FlowBlock> Decode(absl::string_view stored);

 private:
  std::string raw_;
  ZSTD_DCtx_s* ctx_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_BLOCK_CODEC_H_
