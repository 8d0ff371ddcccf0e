#include "report/report_names.h"

#include "absl/strings/ascii.h"
#include "core/special_codes.h"
#include "report/economy_names.h"

namespace culturetrade::report {

std::string EconomyTitle(absl::string_view code) {
  const std::string name = EconomyName(code);
  return name.empty() ? std::string(code) : name;
}

std::string ProductTitle(absl::string_view code, absl::string_view description) {
  if (code == kAllProducts) return "all products";
  if (description.empty()) return std::string(code);
  std::string out(description);
  if (out.size() < 2 || !absl::ascii_isupper(static_cast<unsigned char>(out[1]))) {
    out[0] = absl::ascii_tolower(static_cast<unsigned char>(out[0]));
  }
  return out;
}

}  // namespace culturetrade::report
