// Where the blocks of a large upload come from. An upload that is retried (after UNAVAILABLE
// or a lost reply) starts again from the beginning with a fresh source, so uploads take a
// factory rather than a source.
#ifndef CULTURETRADE_CLIENT_FLOW_BLOCK_SOURCE_H_
#define CULTURETRADE_CLIENT_FLOW_BLOCK_SOURCE_H_

#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "culturetrade/v1/flow_block.pb.h"

namespace culturetrade {

class FlowBlockSource {
 public:
  virtual ~FlowBlockSource() = default;
  // Sets `block` to the next block and returns true, or returns false at the end. An error
  // ends the upload with it (the server stores nothing).
  virtual absl::StatusOr<bool> Next(v1::FlowBlock& block) = 0;
};

// Opens the source afresh, from its first block.
using FlowBlockSourceFactory = std::function<absl::StatusOr<std::unique_ptr<FlowBlockSource>>()>;

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_FLOW_BLOCK_SOURCE_H_
