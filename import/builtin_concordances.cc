#include "import/builtin_concordances.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "import/builtin_concordance_rows.h"

namespace culturetrade::import {
namespace {

// The public copy the workbooks were read from (UNSD's own links are in `uri`).
constexpr absl::string_view kCopy =
    "copy read: github.com/insongkim/concordance, data-raw/, commit "
    "201c812e51f213d967d8701b6ed6398c79df4a04 (MIT licence)";

struct Builtin {
  absl::string_view id;
  absl::string_view display_name;
  absl::string_view workbook;
  absl::string_view sheet;
  absl::string_view uri;
  absl::Span<const ConcordanceRow> (*rows)();
};

constexpr Builtin kBuiltins[] = {
    {"hs2022-to-hs2007", "HS 2022 to HS 2007 (UNSD conversion table)",
     "HS2022toHS2007ConversionAndCorrelationTables.xlsx", "HS2022-HS2007 Conversions",
     "https://unstats.un.org/unsd/classifications/Econ/tables/"
     "HS2022toHS2007ConversionAndCorrelationTables.xlsx",
     Hs2022ToHs2007Rows},
    {"hs2017-to-hs2007", "HS 2017 to HS 2007 (UNSD conversion table)",
     "HS2017toHS2007ConversionAndCorrelationTables.xlsx", "Conversion HS17-HS07",
     "https://unstats.un.org/unsd/trade/classifications/tables/"
     "HS2017toHS2007ConversionAndCorrelationTables.xlsx",
     Hs2017ToHs2007Rows},
};

BuiltinConcordanceInfo Info(const Builtin& builtin) {
  BuiltinConcordanceInfo info;
  info.id = std::string(builtin.id);
  info.display_name = std::string(builtin.display_name);
  info.source.set_title(absl::StrCat("UN Statistics Division, correlation and conversion tables ",
                                     "between HS editions: ", builtin.workbook));
  info.source.set_locator(absl::StrCat("sheet '", builtin.sheet, "'; ", kCopy));
  info.source.set_uri(std::string(builtin.uri));
  return info;
}

}  // namespace

std::vector<BuiltinConcordanceInfo> BuiltinConcordances() {
  std::vector<BuiltinConcordanceInfo> infos;
  for (const Builtin& builtin : kBuiltins) infos.push_back(Info(builtin));
  return infos;
}

absl::StatusOr<culturetrade::v1::ProductConcordance> BuiltinConcordance(absl::string_view id) {
  for (const Builtin& builtin : kBuiltins) {
    if (builtin.id != id) continue;
    BuiltinConcordanceInfo info = Info(builtin);
    culturetrade::v1::ProductConcordance concordance;
    concordance.set_id(info.id);
    concordance.set_display_name(info.display_name);
    *concordance.mutable_source() = std::move(info.source);
    const absl::Span<const ConcordanceRow> rows = builtin.rows();
    concordance.mutable_mappings()->Reserve(static_cast<int>(rows.size()));
    for (const ConcordanceRow& row : rows) {
      culturetrade::v1::ProductMapping* mapping = concordance.add_mappings();
      mapping->set_product_code(row.product_code);
      mapping->set_group_code(row.group_code);
      mapping->set_weight(row.weight);
    }
    return concordance;
  }
  return absl::NotFoundError(
      absl::StrCat("no built-in product concordance '", id, "'; the built-in ones are ",
                   absl::StrJoin(kBuiltins, ", ", [](std::string* out, const Builtin& builtin) {
                     absl::StrAppend(out, builtin.id);
                   })));
}

}  // namespace culturetrade::import
