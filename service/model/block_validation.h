// Checks a columnar block of flows from an upload (the wire's FlowBlock) by the rules that
// ValidateFlows (validation.h) applies to TradeFlows, in the same words, naming the block, the
// column and the row: `block[3].economies[2]`, `block[3].year[5]`.
//
// A block of thousands of flows holds a handful of codes, so each dictionary entry is checked
// once however many rows use it (a bad economy is one violation of `economies[i]`, not one a
// row), and the columns are then checked in tight loops that build a field's name only for a
// row that is wrong. Where a rule concerns a whole column (its length, value_scale) the field is
// the column, `block[3].partner`. A block whose columns do not line up is not checked row by
// row.
//
// Duplicate flows are not looked for here: a valid block converts (BlockFromProto) and its rows
// go through FlowKeySet::CheckAndRemember (flow_keys.h), with the upload's other flows.
#ifndef CULTURETRADE_SERVICE_MODEL_BLOCK_VALIDATION_H_
#define CULTURETRADE_SERVICE_MODEL_BLOCK_VALIDATION_H_

#include <string>

#include "culturetrade/v1/flow_block.pb.h"
#include "service/model/field_violations.h"

namespace culturetrade {

// Adds a violation for every bad field of `block`, under `prefix` (for example `block[3].`).
void ValidateBlock(const v1::FlowBlock& block, const std::string& prefix,
                   FieldViolations& violations);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_BLOCK_VALIDATION_H_
