#!/bin/sh
# Writes the seeds of corpus/block_fuzzer: FlowBlocks in text format, encoded with protoc. Run by
# hand when flow_block.proto changes (the .bin files are committed):
#
#   tests/fuzz/make_block_seeds.sh
#
# Environment: CULTURETRADE_GOOGLEAPIS_DIR, where google/type/money.proto is (default: Debian's
# golang-github-gogo-googleapis-dev, as CMakeLists.txt has it).
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
googleapis=${CULTURETRADE_GOOGLEAPIS_DIR:-/usr/share/gocode/src/github.com/gogo/googleapis}
out=$src/tests/fuzz/corpus/block_fuzzer

seed() {
  protoc -I "$src/proto" -I "$googleapis" --encode=culturetrade.v1.FlowBlock \
    culturetrade/v1/flow_block.proto >"$out/$1.bin"
}

# Valid: CHN's monthly exports to KOR in cents, the world's own total, a source and quantities.
seed valid_scaled <<'BLOCK'
economies: ["CHN", "KOR", "WLD"]
products { classification: CLASSIFICATION_FREE code: "TV_DRAMAS" description: "Television dramas" }
products { classification: CLASSIFICATION_HS code: "8523" }
currencies: ["CNY", "USD"]
sources { title: "KOCCA" locator: "table 3" }
quantity_units: ["episodes"]
reporter: [0, 0, 2] partner: [1, 1, 2] product: [0, 0, 1] currency: [0, 0, 1]
year: [2016, 2016, 2016] month: [1, 2, 0]
direction: [FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT]
source: [0, 0, 0]
scaled_values: [407, 1250000, 90000000000] value_scale: 2
quantity_amounts: ["16", "", "1187.5"] quantity_unit: [0, 0, 0]
BLOCK

# Valid: quarters and statuses, values as units and nanos.
seed valid_units_nanos <<'BLOCK'
economies: ["KOR", "JPN"]
products { classification: CLASSIFICATION_EBOPS_2010 code: "SK1" }
currencies: ["KRW"]
reporter: [0, 0, 1] partner: [1, 1, 0] product: [0, 0, 0] currency: [0, 0, 0]
year: [2020, 2020, 1900] quarter: [1, 2, 0]
direction: [FLOW_DIRECTION_IMPORT, FLOW_DIRECTION_IMPORT, FLOW_DIRECTION_RE_EXPORT]
status: [VALUE_STATUS_REPORTED, VALUE_STATUS_DERIVED, VALUE_STATUS_ESTIMATED]
value_units: [9223372036854775807, 0, 12] value_nanos: [999999999, 5, 0]
BLOCK

# Valid rows, but the same flow twice (the economy listed twice) and a year whole and by month.
seed duplicates <<'BLOCK'
economies: ["CHN", "KOR", "CHN"]
products { classification: CLASSIFICATION_SITC code: "8986" }
currencies: ["USD"]
reporter: [0, 2, 0, 0] partner: [1, 1, 1, 1] product: [0, 0, 0, 0] currency: [0, 0, 0, 0]
year: [2013, 2013, 2014, 2014] month: [0, 0, 0, 7]
direction: [FLOW_DIRECTION_RE_IMPORT, FLOW_DIRECTION_RE_IMPORT, FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT]
scaled_values: [1, 2, 3, 4]
BLOCK

# Every row rule broken once.
seed bad_rows <<'BLOCK'
economies: ["XYZ", "KOR", "WLD"]
products { code: "85x" }
currencies: ["yuan"]
reporter: [0, 1, 1, 9] partner: [1, 1, 2, 1] product: [0, 0, 0, 0] currency: [0, 0, 1, 0]
year: [1066, 2010, 2010, 2101] month: [13, 1, 0, 0] quarter: [0, 1, 5, 0]
direction: [FLOW_DIRECTION_UNSPECIFIED, FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT]
status: [VALUE_STATUS_REPORTED, VALUE_STATUS_REPORTED, VALUE_STATUS_REPORTED, VALUE_STATUS_REPORTED]
value_units: [-5, 1, 0, 3] value_nanos: [0, -1, 1000000000, 0]
quantity_units: ["kg"]
quantity_amounts: ["lots", "-2", "1e3", ""] quantity_unit: [0, 0, 1, 0]
BLOCK

# Columns that do not line up, values given twice, a scale past nine.
seed misaligned <<'BLOCK'
economies: ["CHN", "KOR"]
products { classification: CLASSIFICATION_FREE code: "FILMS" }
currencies: ["CNY"]
reporter: [0, 0] partner: [1] product: [0, 0] currency: [0, 0] year: [2010, 2011, 2012]
direction: [FLOW_DIRECTION_EXPORT, FLOW_DIRECTION_EXPORT]
scaled_values: [18446744073709551615, 1] value_scale: 10 value_units: [1, 2]
BLOCK
