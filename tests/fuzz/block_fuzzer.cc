// One columnar block as an upload sends it (a serialized v1::FlowBlock), through ValidateBlock
// (service/model/block_validation.h). For a block it finds valid, checked:
// - it converts (BlockFromProto), and its wire form again (BlockToProto) is valid and converts
//   back to the same block;
// - its rules are those of TradeFlows: the block's flows as TradeFlows pass ValidateFlows but
//   for duplicates, and FlowKeySet finds as many among the block's rows as among those flows.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "culturetrade/v1/flow_block.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "proto/flow_block_convert.h"
#include "service/model/block_validation.h"
#include "service/model/field_violations.h"
#include "service/model/flow_keys.h"
#include "service/model/validation.h"
#include "tests/fuzz/fuzz_check.h"

namespace culturetrade {
namespace {

auto Columns(const FlowBlock& b) {
  return std::tie(b.economies, b.products, b.currencies, b.sources, b.quantity_units, b.reporter,
                  b.partner, b.product, b.currency, b.year, b.month, b.quarter, b.direction,
                  b.status, b.value, b.source, b.quantity_amount, b.quantity_unit);
}

bool IsValid(const v1::FlowBlock& wire) {
  FieldViolations violations;
  ValidateBlock(wire, "block[0].", violations);
  // The error a bad block gets is built too: it must stay short whatever the block.
  const absl::Status status = violations.ToStatus();
  FUZZ_CHECK(status.message().size() < size_t{64} * 1024);
  if (std::getenv("CULTURETRADE_FUZZ_VERBOSE") != nullptr) {
    std::fprintf(stderr, "block: %s\n", status.ToString().c_str());
  }
  return status.ok();
}

void CheckRoundTrip(const FlowBlock& block) {
  const v1::FlowBlock wire = BlockToProto(block);
  FUZZ_CHECK(IsValid(wire));
  absl::StatusOr<FlowBlock> again = BlockFromProto(wire);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(Columns(*again) == Columns(block));
}

void CheckSameRulesAsTradeFlows(const FlowBlock& block) {
  FlowKeySet block_keys;
  FieldViolations duplicate_rows;
  block_keys.CheckAndRemember(block, "block[0].", duplicate_rows);
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  FUZZ_CHECK(AppendTradeFlows(block, &flows).ok());
  FlowKeySet flow_keys;
  FieldViolations flow_violations;
  ValidateFlows(flows, "", flow_keys, flow_violations);
  FUZZ_CHECK(flow_violations.count() == duplicate_rows.count());
}

}  // namespace
}  // namespace culturetrade

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Invalid UTF-8 in a string field is an ordinary parse failure here, not news.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade;
  v1::FlowBlock wire;
  if (!wire.ParseFromArray(data, static_cast<int>(size)) || !IsValid(wire)) return 0;
  absl::StatusOr<FlowBlock> block = BlockFromProto(wire);
  FUZZ_CHECK(block.ok());
  CheckRoundTrip(*block);
  CheckSameRulesAsTradeFlows(*block);
  return 0;
}
