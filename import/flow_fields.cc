#include "import/flow_fields.h"

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "client/money_format.h"
#include "core/special_codes.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"

namespace culturetrade::import {

absl::StatusOr<std::string> ParseCountry(const std::string& text) {
  const std::string code = absl::AsciiStrToUpper(text);
  if (code == "W00") return std::string(kWorld);  // Comtrade's code for the world
  // A letter and two letters or digits: ISO alpha-3, or a trade source's own code such as S19.
  const bool shaped = code.size() == 3 && AllUpper(code.substr(0, 1)) &&
                      absl::c_all_of(code, [](char c) { return absl::ascii_isalnum(c); });
  if (shaped) return code;
  return CsvError("'", text, "' is not an ISO 3166-1 alpha-3 code such as CHN, KOR or WLD");
}

absl::StatusOr<google::type::Money> ParseValue(const std::string& text, int scale,
                                               const std::string& currency) {
  absl::StatusOr<std::string> number = ParseCsvNumber(text);
  if (!number.ok()) return number.status();
  if (absl::StartsWith(*number, "-")) {
    return CsvError("'", text, "' is negative: a traded value is zero or more");
  }
  return ParseMoney(*number, scale, currency);
}

absl::StatusOr<v1::Classification> ParseClassification(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  const auto revision = [&s](char letter, char first, char last) {
    return s.size() == 2 && s[0] == letter && s[1] >= first && s[1] <= last;
  };
  if (s == "free") return v1::CLASSIFICATION_FREE;
  // Comtrade names the revision: H0-H6 for HS, S1-S4 for SITC, EB02 and EB10 for EBOPS.
  if (s == "hs" || revision('h', '0', '6')) return v1::CLASSIFICATION_HS;
  if (s == "sitc" || revision('s', '1', '4')) return v1::CLASSIFICATION_SITC;
  if (s == "ebops" || s == "ebops2010" || s == "ebops_2010" || s == "eb" || s == "eb02" ||
      s == "eb10") {
    return v1::CLASSIFICATION_EBOPS_2010;
  }
  return CsvError("'", text, "' is not free, hs (H0-H6), sitc (S1-S4) or ebops (EB02, EB10)");
}

}  // namespace culturetrade::import
